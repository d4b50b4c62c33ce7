// Tripwire's own CSV format (docs/import-format.md): a header naming our columns, read directly
// with no mapping step. Unknown columns are ignored and flagged; repeated ones are refused.
import type { CsvHeader } from './csv-header';
import { restoreFormulaText, withDecimalPoint } from './csv-cells';
import { readRow } from './csv-rows';
import type { CsvDelimiter } from './csv-table';
import type { RowReader } from './table-import';

export function tripwireColumnsReader(header: CsvHeader, delimiter: CsvDelimiter): RowReader {
  // Where commas do not separate cells (Excel's semicolon CSV in much of Europe), "37,5" is 37.5.
  const idCell = header.columns.findIndex((column) => column?.name === 'id');
  const coordinateCells = delimiter === ',' ? [] : header.columns.flatMap((column, index) => (column?.kind === 'coordinate' ? [index] : []));
  return {
    labelOf: (column) => column,
    read: ({ cells }) => {
      const withPoints = coordinateCells.length === 0 ? cells : cells.map((cell, index) => (coordinateCells.includes(index) ? withDecimalPoint(cell.trim(), true) : cell));
      return readRow(withPoints, header.columns);
    },
    idOf: ({ cells }) => (idCell < 0 ? undefined : restoreFormulaText((cells[idCell] ?? '').trim()) || undefined),
    hasCategoryColumn: header.columns.some((column) => column?.name === 'category'),
    warnings: header.warnings,
  };
}
