// What the mapping step shows for a mapping, computed from the file's first rows: sample values
// per field as they will be imported, how dates are read, the category values to translate.
import { suggestCategory } from './category-vocabularies';
import { MAPPED_FIELD_LABELS, MAPPED_FIELDS, type ColumnMapping, type MappedField } from './column-mapping';
import { analyseDateColumn, describeDateFormat, parseDateCell, type DateColumnAnalysis } from './date-formats';
import { slugify } from './csv-ids';
import { compileTitleTemplate } from './mapped-rows';

const columnValues = (rows: readonly (readonly string[])[], column: number | undefined) =>
  column === undefined ? [] : rows.map((row) => (row[column] ?? '').trim()).filter((value) => value !== '');

/** A few values of a field as the file has them, with what the import makes of dates and titles. */
export function fieldSamples(rows: readonly (readonly string[])[], labels: readonly string[], mapping: ColumnMapping, field: MappedField, count = 3): string[] {
  if (field === 'title' && mapping.columns.title === undefined) {
    if (!mapping.titleTemplate?.trim()) return [];
    const title = compileTitleTemplate(mapping.titleTemplate, labels);
    return rows.slice(0, count).map((row) => title(row));
  }
  const values = columnValues(rows, mapping.columns[field]).slice(0, count);
  if (field !== 'date' && field !== 'endDate') return values;
  const { format, order } = dateAnalysis(rows, mapping, field);
  return values.map((value) => {
    const read = format ? parseDateCell(value, format, order ?? mapping.dateOrder) : null;
    return read?.ok ? `${value} → ${read.date}` : `${value} → not a date`;
  });
}

export function dateAnalysis(rows: readonly (readonly string[])[], mapping: ColumnMapping, field: 'date' | 'endDate' = 'date'): DateColumnAnalysis {
  return analyseDateColumn(columnValues(rows, mapping.columns[field]), { minShare: 0 });
}

/** The category column's values, most frequent first, each with its current translation. */
export function categoryChoices(rows: readonly (readonly string[])[], mapping: ColumnMapping, limit = 12): { value: string; count: number; category: string; own: string }[] {
  const counts = new Map<string, number>();
  for (const value of columnValues(rows, mapping.columns.category)) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([value, count]) => ({ value, count, category: mapping.categories[value] ?? suggestCategory(value) ?? '', own: slugify(value).slice(0, 60) }));
}

/** A remembered mapping fits a file when every column it names exists there. */
export const mappingFits = (mapping: ColumnMapping, labels: readonly string[]) =>
  Object.values(mapping.columns).every((index) => index === undefined || (index >= 0 && index < labels.length));

/** The mapping in words, one line a field, for the import report: where each field came from. */
export function describeMapping(rows: readonly (readonly string[])[], labels: readonly string[], mapping: ColumnMapping): string[] {
  return MAPPED_FIELDS.flatMap((field) => {
    const index = mapping.columns[field];
    if (field === 'title' && index === undefined && mapping.titleTemplate) return [`Title ← made from ${mapping.titleTemplate}`];
    if (index === undefined) return [];
    const column = `“${labels[index] || `column ${index + 1}`}”`;
    if (field !== 'date' && field !== 'endDate') return [`${MAPPED_FIELD_LABELS[field]} ← ${column}`];
    const { format, order } = dateAnalysis(rows, mapping, field);
    return [`${MAPPED_FIELD_LABELS[field]} ← ${column}${format ? `, read as ${describeDateFormat(format, order ?? mapping.dateOrder)}` : ''}`];
  });
}
