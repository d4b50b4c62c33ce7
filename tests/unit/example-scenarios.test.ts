// The example scenarios (the README's pictures of other regions) are documents like any other: each
// opens through the app's own checks, and every quote is verbatim from its source's text.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/data/open-scenario';
import { readFixture } from './fixtures';

const EXAMPLES = readdirSync(new URL('../fixtures/scenarios/', import.meta.url)).filter((name) => name.endsWith('.tripwire.json'));

describe.each(EXAMPLES)('the example scenario %s', (name) => {
  const document = readFixture(`scenarios/${name}`) as { sources: { id: string; text: string }[]; events: { features: { properties: { quote?: string } }[] } };

  it('opens', () => {
    const opened = openScenario(document);
    expect(opened.ok ? [] : opened.issues).toEqual([]);
  });

  it('quotes its source word for word', () => {
    const text = document.sources.map((source) => source.text).join('\n');
    const misquoted = document.events.features.map((event) => event.properties.quote).filter((quote) => quote && !text.includes(quote));
    expect(misquoted).toEqual([]);
  });
});
