// RFC 4180 records with the physical line each starts on: quoted cells, "" escapes, commas and
// line breaks inside quotes, CRLF / LF / CR line ends, optional final line end. Lenient where
// spreadsheets are (a stray " inside an unquoted cell is kept as text), strict where data would
// be lost (an unclosed quote, text after a closing quote).

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

export interface CsvRecords {
  /** Non-blank records, at most `keep` of them. */
  records: CsvRecord[];
  /** All non-blank records, kept or not: a 50 MB file of one-cell rows must not fill memory. */
  recordCount: number;
  issues: CsvSyntaxIssue[];
}

const QUOTE = 0x22;
const CELL_END = /[,\r\n]/g;

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) count += 1;
  }
  return count;
}

/** Offset of the next comma or line break at or after `from`, or the text's length. */
function nextCellEnd(text: string, from: number): number {
  CELL_END.lastIndex = from;
  return CELL_END.exec(text)?.index ?? text.length;
}

/** Reads records, keeping the first `keep`; stops after `stopAfter` records (the header alone, say). */
export function readCsvRecords(text: string, keep: number, stopAfter = Infinity): CsvRecords {
  const records: CsvRecord[] = [];
  const issues: CsvSyntaxIssue[] = [];
  let recordCount = 0;
  let cells: string[] = [];
  let line = 1;
  let recordLine = 1;
  let index = 0;
  const endRecord = () => {
    if (cells.some((cell) => cell.trim() !== '')) {
      recordCount += 1;
      if (records.length < keep) records.push({ line: recordLine, cells });
    }
    cells = [];
  };
  while (true) {
    // Blank lines are skipped in a tight loop: 40 MB of them must not cost one record each.
    while (cells.length === 0 && (text.charCodeAt(index) === 0x0a || text.charCodeAt(index) === 0x0d)) {
      index += text.charCodeAt(index) === 0x0d && text.charCodeAt(index + 1) === 0x0a ? 2 : 1;
      line += 1;
      recordLine = line;
    }
    if (text.charCodeAt(index) === QUOTE) {
      // Find the closing quote first and slice once: a cell of a million "" pairs stays linear.
      const openedOn = line;
      let closeAt = text.indexOf('"', index + 1);
      while (closeAt >= 0 && text.charCodeAt(closeAt + 1) === QUOTE) {
        closeAt += 2; // past an escaped "" pair
        if (text.charCodeAt(closeAt) !== QUOTE) closeAt = text.indexOf('"', closeAt);
      }
      if (closeAt < 0) {
        const message = 'a quoted cell opens here and is never closed: add the closing " (a quote inside a quoted cell is written "")';
        issues.push({ line: openedOn, cellIndex: cells.length, message });
        return { records, recordCount, issues };
      }
      let value = text.slice(index + 1, closeAt).replaceAll('""', '"');
      line += countLineBreaks(text, index + 1, closeAt);
      index = closeAt + 1;
      const strayEnd = nextCellEnd(text, index);
      if (strayEnd > index) {
        const message = 'text after the closing quote of a quoted cell: put the whole cell in quotes and write a quote inside it as ""';
        issues.push({ line, cellIndex: cells.length, message });
        value += text.slice(index, strayEnd);
        index = strayEnd;
      }
      cells.push(value);
    } else {
      const end = nextCellEnd(text, index);
      cells.push(text.slice(index, end));
      index = end;
    }
    if (index >= text.length) break;
    if (text[index] === ',') {
      index += 1;
      continue;
    }
    index += text[index] === '\r' && text[index + 1] === '\n' ? 2 : 1;
    line += 1;
    endRecord();
    recordLine = line;
    if (index >= text.length || recordCount >= stopAfter) return { records, recordCount, issues };
  }
  endRecord();
  return { records, recordCount, issues };
}
