// Cell-level encoding shared by CSV import and export, built so that import(export(x)) === x.

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED_FORMULA = /^'+[=+\-@\t\r]/;

/**
 * Export: a cell that a spreadsheet would run as a formula gets a leading apostrophe. Text that
 * already starts with apostrophes before such a character gets one more, so import can undo it
 * exactly.
 */
export const neutraliseFormula = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

/** Import: removes the one apostrophe that export added; anything else stays as written. */
export const restoreFormulaText = (cell: string) => (NEUTRALISED_FORMULA.test(cell) ? cell.slice(1) : cell);

/** RFC 4180: quote a field holding a comma, quote or line break; double the quotes inside. */
export const quoteCsvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** Lists (actors, layers) are ";"-separated; "\;" is a literal semicolon and "\\" a backslash. */
export function splitList(cell: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let index = 0; index < cell.length; index += 1) {
    const character = cell[index]!;
    const next = cell[index + 1];
    if (character === '\\' && (next === ';' || next === '\\')) {
      current += next;
      index += 1;
    } else if (character === ';') {
      items.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  items.push(current);
  // Blank items ("RUS; ;PRK", a trailing ";") are slips, not data.
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

export const joinList = (items: readonly string[]) => items.map((item) => item.replaceAll('\\', '\\\\').replaceAll(';', '\\;')).join('; ');

/** Plain decimals only: no exponent, no "NaN"/"Infinity", no decimal comma. */
const PLAIN_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

export const parsePlainDecimal = (cell: string): number | null => (PLAIN_DECIMAL.test(cell) ? Number(cell) : null);

const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/**
 * "37,5" → "37.5" where commas do not separate cells (semicolon or tab files from much of Europe);
 * anything else unchanged. Import, detection and the mapping all read coordinates through this.
 */
export const withDecimalPoint = (cell: string, decimalComma: boolean) => (decimalComma && DECIMAL_COMMA.test(cell) ? cell.replace(',', '.') : cell);

/** Writes a number without an exponent (1e-7 → "0.0000001") so that import accepts it and reads the same number. */
export function formatPlainDecimal(value: number): string {
  const text = String(value);
  const exponentAt = text.indexOf('e');
  if (exponentAt < 0) return text;
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, exponentAt);
  const exponent = Number(text.slice(exponentAt + 1));
  const pointAt = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const newPointAt = (pointAt < 0 ? mantissa.length : pointAt) + exponent;
  const plain =
    newPointAt <= 0
      ? `0.${'0'.repeat(-newPointAt)}${digits}`
      : newPointAt >= digits.length
        ? digits + '0'.repeat(newPointAt - digits.length)
        : `${digits.slice(0, newPointAt)}.${digits.slice(newPointAt)}`;
  return negative ? `-${plain}` : plain;
}

export function parseBoolean(cell: string): boolean | null {
  const lower = cell.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : null;
}
