// The import limits (200 MB, 1,000,000 events) shown on small files: the limits module is
// replaced with tiny ones, so the refusals are proved without building 200 MB in a unit test.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseEventsFile } from '../../src/import/index';

vi.mock('../../src/data/limits', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/data/limits')>()),
  MAX_FILE_BYTES: 2_000,
  MAX_IMPORT_EVENTS: 3,
}));

const textFile = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const issuesOf = (result: ReturnType<typeof parseEventsFile>) => (result.ok ? [] : result.issues.map((issue) => `${issue.location}: ${issue.message}`));

describe('import limits', () => {
  afterEach(() => vi.restoreAllMocks());

  it('refuses a file over the byte limit before decoding it', () => {
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    expect(issuesOf(parseEventsFile({ name: 'huge.csv', bytes: new Uint8Array(2_001) }))).toEqual(['(file): the file is too large to import: 0 MB (2,001 bytes); the limit is 0 MB']);
    expect(decode).not.toHaveBeenCalled();
  });

  it('refuses more CSV rows than the event limit, naming the count', () => {
    const text = `date,title,lon,lat\n${'2019,t,1,2\n'.repeat(4)}`;
    expect(issuesOf(parseEventsFile(textFile('many.csv', text)))).toEqual(['(file): the file holds 4 rows of events; at most 3 can be imported at once']);
  });

  it('takes exactly as many rows as the limit', () => {
    expect(parseEventsFile(textFile('three.csv', `date,title,lon,lat\n${'2019,t,1,2\n'.repeat(3)}`)).ok).toBe(true);
  });

  it('refuses more GeoJSON features than the event limit, naming the count', () => {
    const feature = '{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"id":"a","title":"t","date":"2019","category":"diplomacy"}}';
    const text = `{"type":"FeatureCollection","features":[${Array.from({ length: 4 }, () => feature).join(',')}]}`;
    expect(issuesOf(parseEventsFile(textFile('many.geojson', text)))).toEqual(['(file): the file holds 4 events; at most 3 can be imported at once']);
  });
});
