// How the columns of an analyst's table (a CSV, or a GeoJSON's property names) become Tripwire's
// event fields. Detected from the file (column-detection.ts), shown and changed in the mapping
// step, remembered per header, then applied row by row (mapped-rows.ts).

/** Tripwire fields a column can fill, in the order the mapping step lists them. */
export const MAPPED_FIELDS = [
  'date',
  'endDate',
  'title',
  'lon',
  'lat',
  'category',
  'place',
  'actors',
  'summary',
  'source',
  'id',
  'status',
  'quote',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

export const MAPPED_FIELD_LABELS: Record<MappedField, string> = {
  date: 'Date',
  endDate: 'End date',
  title: 'Title',
  lon: 'Longitude',
  lat: 'Latitude',
  category: 'Category',
  place: 'Place',
  actors: 'Actors',
  summary: 'Notes / summary',
  source: 'Source / URL',
  id: 'Id',
  status: 'Status',
  quote: 'Quote',
};

/** Fields without which no event can be made (the title may come from a template instead). */
export const REQUIRED_MAPPED_FIELDS: readonly MappedField[] = ['date', 'title', 'lon', 'lat'];

/** How numeric day/month dates are read: 1/11/2023 is 1 November (day-first) or 11 January. */
export type DateOrder = 'day-first' | 'month-first';

export interface ColumnMapping {
  /** Column index (into the table's labels) for each field; a field left out is not filled. */
  columns: Partial<Record<MappedField, number>>;
  /** Used when `columns.title` is absent: "{event_type} in {location}", names as in the header. */
  titleTemplate: string | null;
  /** For numeric dates such as 01/02/2023; the mapping step asks when the file cannot tell. */
  dateOrder: DateOrder;
  /** A category value as written in the file → the category it is imported as (kebab-case). */
  categories: Record<string, string>;
}
