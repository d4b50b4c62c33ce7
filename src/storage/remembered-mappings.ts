// The column mapping a user confirmed for a header, offered again the next time a file with the
// same header arrives (next week's ACLED export looks like this week's).
import type { ColumnMapping } from '../import/column-mapping';
import { openDatabase } from './database';

export async function rememberMapping(signature: string, mapping: ColumnMapping): Promise<void> {
  await (await openDatabase()).put('mappings', { signature, mapping, savedAt: new Date().toISOString() });
}

export async function recallMapping(signature: string): Promise<{ mapping: ColumnMapping; savedAt: string } | null> {
  try {
    return (await (await openDatabase()).get('mappings', signature)) ?? null;
  } catch {
    return null; // no storage: the detected mapping is offered instead
  }
}
