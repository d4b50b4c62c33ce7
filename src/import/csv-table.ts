// CSV text → records, with Papa Parse: RFC 4180 quoting, line breaks inside quotes, and the
// separator detected from the file (comma, semicolon, tab or pipe). Papa gives each row's end
// offset; we turn offsets into the physical line each row starts on, so messages point where an
// editor shows the row even after quoted line breaks.
import Papa from 'papaparse';

export interface CsvRecord {
  /** 1-based physical line on which the record starts. */
  line: number;
  cells: string[];
}

export interface CsvSyntaxIssue {
  line: number;
  cellIndex: number;
  message: string;
}

export type CsvDelimiter = ',' | ';' | '\t' | '|';

export interface CsvRecords {
  /** Non-blank records, at most `keep` of them (the header is the first). */
  records: CsvRecord[];
  /** All non-blank records, kept or not: a file of a million one-cell rows must not fill memory to be refused. */
  recordCount: number;
  delimiter: CsvDelimiter;
  issues: CsvSyntaxIssue[];
}

export interface ReadCsvOptions {
  /** Keep at most this many records (the rest are counted). */
  keep?: number;
  /** Called every few thousand rows with the share of the text read (0–1). */
  onProgress?: (fraction: number, rowsRead: number) => void;
}

export const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

const UNCLOSED_QUOTE = 'a quoted cell opens here and is never closed: add the closing " (a quote inside a quoted cell is written "")';
const TEXT_AFTER_QUOTE = 'text after the closing quote of a quoted cell: put the whole cell in quotes and write a quote inside it as ""';

/** Counts line breaks (LF, CRLF or a lone CR) in text[from, to), for turning offsets into lines. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) count += 1;
  }
  return count;
}

/**
 * The separator is the one the header row uses most. Papa's own guess weighs how evenly each
 * candidate splits the first rows, which a ";"-separated list inside comma-separated cells
 * ("RUS; PRK") can win; header names almost never contain another separator.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const headerLine = /[^\r\n]*\S[^\r\n]*/.exec(text.slice(0, 64_000))?.[0] ?? '';
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const counts = (Object.keys(DELIMITER_NAMES) as CsvDelimiter[]).map((delimiter) => ({ delimiter, count: unquoted.split(delimiter).length - 1 }));
  const best = counts.reduce((winner, candidate) => (candidate.count > winner.count ? candidate : winner));
  return best.count > 0 ? best.delimiter : ',';
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

export function readCsvRecords(text: string, { keep = Infinity, onProgress }: ReadCsvOptions = {}): CsvRecords {
  const records: CsvRecord[] = [];
  const issues: CsvSyntaxIssue[] = [];
  let recordCount = 0;
  let rowStart = 0;
  let line = 1;
  let lineCountedTo = 0;
  const delimiter = detectDelimiter(text);
  Papa.parse<string[]>(text, {
    delimiter,
    step: (result, parser) => {
      const cells = result.data;
      const rowEnd = result.meta.cursor;
      line += countLineBreaks(text, lineCountedTo, rowStart);
      lineCountedTo = rowStart;
      const quoteError = result.errors.find((error) => error.code === 'InvalidQuotes') ?? result.errors.find((error) => error.code === 'MissingQuotes');
      if (quoteError) {
        // Papa reads the rest of the file into the broken cell, so the first one is the only one worth reporting.
        const at = line + countLineBreaks(text, rowStart, Math.max(rowStart, quoteError.index ?? rowStart));
        issues.push({ line: at, cellIndex: Math.max(0, cells.length - 1), message: quoteError.code === 'InvalidQuotes' ? TEXT_AFTER_QUOTE : UNCLOSED_QUOTE });
        parser.abort();
        return;
      }
      if (!isBlank(cells)) {
        recordCount += 1;
        if (records.length < keep) records.push({ line, cells });
        if (recordCount % 20_000 === 0) onProgress?.(rowEnd / text.length, recordCount);
      }
      rowStart = rowEnd;
    },
  });
  return { records, recordCount, delimiter, issues };
}
