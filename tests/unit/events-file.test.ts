import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { validateEventCollection } from '../../src/data/validate';
import { BUILT_IN_SCENARIO_FILE, builtInEventsFile, DRAWN_LAYERS, publicUrl, readArticle, readGeography, readJson } from './public-files';

interface EventFile {
  metadata: { article: { publishedDate: string; publishedDateReasoning: string } };
  features: { properties: { id: string; quote: string; summary?: string; dateAsWritten?: string; place?: string; actors: string[]; layers?: string[] } }[];
}

const json = builtInEventsFile();
const file = json as unknown as EventFile;
const events = file.features.map((feature) => feature.properties);

describe("the built-in scenario's events", () => {
  it('passes the app’s own validation with no issues', () => {
    const result = validateEventCollection(json);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('holds at least 25 events', () => {
    expect(events.length).toBeGreaterThanOrEqual(25);
  });

  it("fills every field an analyst relies on, in the project's own vocabulary (stricter than for imports)", () => {
    const result = validateEventCollection(json);
    expect(result.ok && result.warnings).toEqual([]);
    const incomplete = events.filter((event) => !(event.quote && event.summary && event.dateAsWritten && event.place && event.actors.length > 0));
    expect(incomplete.map((event) => event.id)).toEqual([]);
  });

  it('gives every event a unique id', () => {
    const ids = events.map((event) => event.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('carries the source article inside the scenario document', () => {
    expect(readArticle()).toMatch(/^With Putin's Support, Kim Jong Un Could Shift Balance of Power in East Asia/);
  });

  it('quotes the article verbatim in every event', () => {
    const article = readArticle();
    const notInArticle = events.filter((event) => !article.includes(event.quote)).map((event) => event.id);
    expect(notInArticle).toEqual([]);
  });

  it('links events only to geography features that exist', () => {
    const geographyIds = new Set(Object.values(readGeography(DRAWN_LAYERS)).flat().map((feature) => feature.properties.id));
    const unknown = events.flatMap((event) => (event.layers ?? []).filter((id) => !geographyIds.has(id)).map((id) => `${event.id} → ${id}`));
    expect(unknown).toEqual([]);
  });

  it('records the publication date once, with its reasoning', () => {
    const { article } = file.metadata;
    expect(article.publishedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(article.publishedDateReasoning.trim()).not.toBe('');
    const raw = readFileSync(BUILT_IN_SCENARIO_FILE, 'utf8');
    expect(raw.match(/"publishedDate"\s*:/g)).toHaveLength(1);
  });
});

describe('public/events.schema.json', () => {
  const validate = addFormats(new Ajv2020({ allErrors: true })).compile(readJson(publicUrl('events.schema.json')) as object);

  it('accepts the built-in events as an events file', () => {
    validate(json);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('rejects a latitude of 95 (the per-coordinate rules are in force)', () => {
    const broken = structuredClone(json) as { features: { geometry: { type: string; coordinates: number[] } }[] };
    broken.features.find((feature) => feature.geometry.type === 'Point')!.geometry.coordinates[1] = 95;
    expect(validate(broken)).toBe(false);
  });
});
