// Test fixtures are deep-frozen, so a function under test that mutates its input fails loudly.
import { readFileSync } from 'node:fs';

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A file from tests/fixtures, parsed and deep-frozen. */
export const readFixture = <T = unknown>(fileName: string): T =>
  deepFreeze(JSON.parse(readFileSync(new URL(`../fixtures/${fileName}`, import.meta.url), 'utf8')) as T);
