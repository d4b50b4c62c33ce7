// Importing analysts' own event files and exporting events: pure, browser-safe, never throws.
export { importMappedTable, parseEventsFile, prepareImport, type EventsFile, type PreparedImport } from './parse-events-file';
export { eventsToCsv, eventsToGeoJson, type ExportableEvent } from './export-events';
export { CSV_COLUMNS, DEFAULT_CATEGORY, REQUIRED_COLUMNS, type CsvColumn } from './csv-columns';
export { FILE_LOCATION, type ImportFormat, type ImportResult } from './import-result';
export { MAX_FILE_BYTES, MAX_IMPORT_EVENTS } from '../data/limits';
