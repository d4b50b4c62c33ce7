// Guesses which column of an analyst's table is which Tripwire field, from the header names and a
// sample of the values; the mapping step shows the guess for the user to change. GeoJSON imports use
// it too, with property names as labels and stringified property values as cells.
import { suggestCategories } from './category-vocabularies';
import { MAPPED_FIELDS, type ColumnMapping, type MappedField } from './column-mapping';
import { analyseDateColumn } from './date-formats';
import { withDecimalPoint } from './csv-cells';

/** Enough rows to judge a column; more would only slow the mapping step down. */
const MAX_SAMPLE_ROWS = 500;
/** Share of a column's non-empty sample values that must fit: a few typos must not hide a column. */
const COORDINATE_SHARE = 0.9;
const DATE_SHARE = 0.8;
/** A column already named for a field needs only most of its values to fit: one typo must not lose it. */
const NAMED_SHARE = 0.5;

/** The names (after normaliseLabel) each field is known by, best first. */
const FIELD_NAMES: Record<MappedField, readonly string[]> = {
  // "timestamp" is low: ACLED has both event_date and a unix-seconds timestamp of the record.
  date: ['date', 'event_date', 'incident_date', 'start_date', 'date_start', 'datetime', 'time', 'start', 'begin', 'when', 'day', 'timestamp', 'sqldate'],
  endDate: ['end_date', 'date_end', 'end', 'end_time', 'until'],
  title: ['title', 'event_title', 'headline', 'event_name', 'name', 'event', 'subject'],
  // GDELT's action_geo_* is where the event happened (its actor1_geo_* and actor2_geo_* are not).
  lon: ['lon', 'lng', 'long', 'longitude', 'lon_dd', 'longitude_dd', 'decimal_longitude', 'x', 'action_geo_long'],
  lat: ['lat', 'latitude', 'lat_dd', 'latitude_dd', 'decimal_latitude', 'y', 'action_geo_lat'],
  // sub_event_type only when there is no event_type; CAMEO codes are numbers, not categories.
  category: ['category', 'event_type', 'incident_type', 'type', 'sub_event_type', 'kind', 'class'],
  // UCDP's where_coordinates is a place name ("Kabul town"), not coordinates.
  place: ['place', 'place_name', 'location', 'location_name', 'site', 'city', 'action_geo_full_name', 'where_coordinates', 'admin1', 'country'],
  // With both actor1 and actor2 (ACLED) actor1 is taken; the mapping step lists actor2 for the user to pick.
  actors: ['actors', 'actor', 'actor1', 'actor2', 'actor1_name', 'side_a', 'parties', 'countries'],
  summary: ['notes', 'description', 'summary', 'details', 'comment', 'comments', 'text', 'body'],
  source: ['source', 'url', 'link', 'source_url', 'sources', 'reference', 'sourceurl', 'source_article'],
  id: ['id', 'event_id', 'event_id_cnty', 'uid', 'identifier', 'fid', 'globaleventid'],
  status: ['status'],
  quote: ['quote'],
};

/** "centroid_lat", "geo_longitude": weaker than any exact name, but better than guessing from numbers. */
const COORDINATE_SUFFIXES: Partial<Record<MappedField, readonly string[]>> = {
  lat: ['lat', 'latitude'],
  lon: ['lon', 'lng', 'long', 'longitude'],
};

/** ' Event Date ' → 'event_date', 'eventDate' → 'event_date': case-, spacing- and punctuation-insensitive. */
export function normaliseLabel(label: string): string {
  return label
    .trim()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // "Última_Fecha" → "ultima_fecha"
    .normalize('NFC') // recompose what is not Latin (Hangul stays syllables)
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1_$2') // GeoJSON properties are often camelCase
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1_$2') // "eventIDCnty" → "event_ID_Cnty"
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/** The same header (after normaliseLabel, in order) gives the same signature: used to remember a mapping. */
export function headerSignature(labels: readonly string[]): string {
  // Normalised labels hold only letters, digits and "_", so "|" cannot occur inside one.
  return `${labels.length}:${labels.map(normaliseLabel).join('|')}`;
}

interface SampledColumn {
  index: number;
  /** The header text as written, trimmed: what templates and the mapping step show. */
  label: string;
  name: string;
  /** Non-empty sample values, trimmed. */
  values: string[];
}

const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const isDecimal = (value: string) => PLAIN_DECIMAL.test(value);

/** Share of a column's values passing `test`; a column without sample values is judged by its name alone. */
const shareOf = (column: SampledColumn, test: (value: string) => boolean) =>
  column.values.length === 0 ? 1 : column.values.filter(test).length / column.values.length;

const withinDegrees = (limit: number) => (value: string) => isDecimal(value) && Math.abs(Number(value)) <= limit;
const fitsLat = (column: SampledColumn, share = COORDINATE_SHARE) => shareOf(column, withinDegrees(90)) >= share;
const fitsLon = (column: SampledColumn, share = COORDINATE_SHARE) => shareOf(column, withinDegrees(180)) >= share;
const isNumeric = (column: SampledColumn) => column.values.length > 0 && shareOf(column, isDecimal) >= COORDINATE_SHARE;
/** Coordinates carry decimals; ids, counts and years do not. */
const hasFractions = (column: SampledColumn) => column.values.some((value) => /\.\d/.test(value));

/** Columns matching a field's names, best name first (then left to right). */
function namedCandidates(columns: readonly SampledColumn[], field: MappedField): SampledColumn[] {
  const names = FIELD_NAMES[field];
  const suffixes = COORDINATE_SUFFIXES[field] ?? [];
  const rank = (name: string) => {
    const exact = names.indexOf(name);
    if (exact >= 0) return exact;
    return suffixes.some((suffix) => name.endsWith(`_${suffix}`)) ? names.length : -1;
  };
  return columns
    .map((column) => ({ column, rank: rank(column.name) }))
    .filter((candidate) => candidate.rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .map((candidate) => candidate.column);
}

/** The nearest pair of decimal columns that fit latitude and longitude, for files whose names say nothing. */
function coordinatesByContent(columns: readonly SampledColumn[]): { lat: SampledColumn; lon: SampledColumn } | null {
  const decimals = columns.filter((column) => isNumeric(column) && hasFractions(column) && fitsLon(column));
  let best: { lat: SampledColumn; lon: SampledColumn } | null = null;
  let bestScore = Infinity;
  for (const lat of decimals.filter((column) => fitsLat(column))) {
    for (const lon of decimals) {
      if (lon === lat) continue;
      // Nearer is better; when both could be either, latitude first is how most tables write it.
      const score = Math.abs(lat.index - lon.index) * 2 + (lat.index > lon.index ? 1 : 0);
      if (score < bestScore) [best, bestScore] = [{ lat, lon }, score];
    }
  }
  return best;
}

/** Best guess for every field from the header names and up to a few hundred sample rows. */
export function detectMapping(labels: readonly string[], sampleRows: readonly (readonly string[])[], options: { decimalComma?: boolean } = {}): ColumnMapping {
  const rows = sampleRows.slice(0, MAX_SAMPLE_ROWS);
  // Where commas do not separate cells (semicolon files from much of Europe), 37,5 is 37.5.
  const asWritten = (value: string) => withDecimalPoint(value, options.decimalComma ?? false);
  const columns: SampledColumn[] = labels.map((label, index) => ({
    index,
    label: label.trim(),
    name: normaliseLabel(label),
    values: rows.map((row) => asWritten((row[index] ?? '').trim())).filter((value) => value !== ''),
  }));

  const dateAnalyses = new Map<SampledColumn, ReturnType<typeof analyseDateColumn>>();
  const analyseDates = (column: SampledColumn) => {
    let analysis = dateAnalyses.get(column);
    if (!analysis) dateAnalyses.set(column, (analysis = analyseDateColumn(column.values, { minShare: 0 })));
    return analysis;
  };
  const dateShare = (column: SampledColumn) => {
    const { readable, total } = analyseDates(column);
    return total === 0 ? 1 : readable / total;
  };
  const mostlyDates = (column: SampledColumn) => column.values.length === 0 || dateShare(column) >= NAMED_SHARE;
  const contentFits: Partial<Record<MappedField, (column: SampledColumn) => boolean>> = {
    date: mostlyDates,
    endDate: mostlyDates,
    lat: (column) => fitsLat(column, NAMED_SHARE),
    lon: (column) => fitsLon(column, NAMED_SHARE),
  };

  const picked: Partial<Record<MappedField, SampledColumn>> = {};
  const taken = new Set<SampledColumn>();
  const take = (field: MappedField, column: SampledColumn) => {
    picked[field] = column;
    taken.add(column);
  };

  // Names the wrong way round (latitudes beyond ±90 under "y", or under "lat") are swapped by content.
  const [latByName] = namedCandidates(columns, 'lat');
  const [lonByName] = namedCandidates(columns, 'lon');
  if (latByName && lonByName && !fitsLat(latByName) && fitsLat(lonByName) && fitsLon(latByName)) {
    take('lat', lonByName);
    take('lon', latByName);
  }

  for (const field of MAPPED_FIELDS) {
    if (picked[field]) continue;
    const fits = contentFits[field] ?? (() => true);
    const column = namedCandidates(columns, field).find((candidate) => !taken.has(candidate) && fits(candidate));
    if (column) take(field, column);
  }

  if (!picked.date) {
    // Numbers are left out: counts and years would read as dates without being the event's date.
    const readable = columns.filter((column) => !taken.has(column) && column.values.length > 0 && !isNumeric(column));
    const best = readable.reduce<SampledColumn | null>((best, column) => (!best || dateShare(column) > dateShare(best) ? column : best), null);
    if (best && dateShare(best) >= DATE_SHARE) take('date', best);
  }

  if (!picked.lat && !picked.lon) {
    const pair = coordinatesByContent(columns.filter((column) => !taken.has(column)));
    if (pair) {
      take('lat', pair.lat);
      take('lon', pair.lon);
    }
  }

  const indices: Partial<Record<MappedField, number>> = {};
  for (const field of MAPPED_FIELDS) {
    const column = picked[field];
    if (column) indices[field] = column.index;
  }
  return {
    columns: indices,
    titleTemplate: picked.title ? null : titleTemplate(columns, picked),
    dateOrder: (picked.date && analyseDates(picked.date).order) ?? 'day-first',
    categories: picked.category ? suggestCategories(picked.category.values) : {},
  };
}

/** Fields whose columns make no title: "{latitude}" or a URL says nothing about what happened. */
const NOT_TITLE_FIELDS: readonly MappedField[] = ['date', 'endDate', 'lat', 'lon', 'id', 'source'];

/** A title made from other columns: "{sub_event_type} in {location}" for ACLED, names as in the header. */
function titleTemplate(columns: readonly SampledColumn[], picked: Partial<Record<MappedField, SampledColumn>>): string | null {
  const placeholder = (column: SampledColumn) => `{${column.label}}`;
  // ACLED's sub_event_type ("Air/drone strike") says more than its event_type ("Explosions/Remote
  // violence"), except where it says only "Other": then the event type is used ({a|b}: a, or else b).
  const subType = picked.category && columns.find((column) => column.name === 'sub_event_type' && column !== picked.category);
  const categoryText = picked.category && (subType ? `{${subType.label}|${picked.category.label}}` : placeholder(picked.category));
  if (categoryText && picked.place) return `${categoryText} in ${placeholder(picked.place)}`;
  if (categoryText) return categoryText;
  const excluded = new Set(NOT_TITLE_FIELDS.map((field) => picked[field]));
  const text = columns.find(
    (column) =>
      !excluded.has(column) &&
      column.values.length > 0 &&
      !isNumeric(column) &&
      column.label !== '' &&
      !/[{}]/.test(column.label), // braces would break the template
  );
  return text ? placeholder(text) : null;
}
