// The scenario document (`.tripwire.json`) has two descriptions that must agree: the zod schema
// the app reads it with (src/data/scenario-schema.ts, plus the cross-references that
// openScenario checks) and public/scenario.schema.json for people and their tools. Both accept the
// built-in scenario and the documented example (docs/scenario-format.md); both refuse broken
// documents, and openScenario says where: an analyst must be able to find the spot.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseIsoPartialDate } from '../../src/data/dates';
import { openScenario } from '../../src/data/open-scenario';
import {
  categoryPresentationSchema,
  eventSetSchema,
  layerStyleSchema,
  legendSwatchSchema,
  measurementSchema,
  scenarioHeadSchema,
  scenarioLayerSchema,
  scenarioSourceSchema,
  scenarioViewSchema,
} from '../../src/data/scenario-schema';
import { eventPropertiesSchema, factCheckSchema, geographyFeatureSchema } from '../../src/data/schemas';
import { readFixture } from './fixtures';
import { publicUrl, readBuiltInScenario, readJson } from './public-files';

interface JsonSchema {
  required?: string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  pattern?: string;
}

const schema = readJson(publicUrl('scenario.schema.json')) as JsonSchema;
const validate = addFormats(new Ajv2020({ allErrors: true, strict: true })).compile(schema);

/** The documented example, as a fresh copy a test may change. */
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const baltic = (): Doc => structuredClone(readFixture<Doc>('scenarios/baltic-example.tripwire.json'));

const schemaErrors = (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message}`));
const issuesOf = (doc: unknown) => {
  const opened = openScenario(doc);
  return opened.ok ? [] : opened.issues.map((issue) => `${issue.location}: ${issue.message}`);
};

describe('documents that are valid', () => {
  it.each([
    ['the built-in scenario', () => readBuiltInScenario() as Doc],
    ['the Baltic example', baltic],
  ])('%s passes the JSON Schema and openScenario, with no issues and no warnings', (_name, read) => {
    const doc = read();
    expect(schemaErrors(doc)).toEqual([]);
    const opened = openScenario(doc);
    expect(opened.ok ? opened.warnings : opened.issues).toEqual([]);
  });

  it('the Baltic example is what the browser tests expect', () => {
    const opened = openScenario(baltic());
    if (!opened.ok) return expect.fail(JSON.stringify(opened.issues));
    const { head, eventSets } = opened.value;
    expect(head.title).toBe('Baltic Sea cable incidents 2023–2024');
    expect(head.views).toEqual([{ id: 'gulf-of-finland', title: 'Gulf of Finland', bounds: [21, 58.5, 30.5, 60.8] }]);
    expect(head.layers.map((layer) => [layer.id, layer.style.kind, layer.features.map((feature) => feature.geometry.type)])).toEqual([['zones', 'zones', ['Polygon']]]);
    expect(eventSets.flatMap((set) => set.events.map((event) => [event.id, event.date]))).toEqual([
      ['balticconnector-damage-2023-10', '2023-10-08'],
      ['estlink-2-damage-2024-12', '2024-12-25'],
    ]);
  });

  it('the Baltic example is the one docs/scenario-format.md shows', () => {
    const page = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8');
    const example = /## A minimal complete example\n[\s\S]*?```json\n([\s\S]*?)\n```/.exec(page)?.[1];
    expect(JSON.parse(example ?? 'null')).toEqual(baltic());
  });

  it.each([
    ['the built-in scenario', () => readBuiltInScenario() as Doc],
    ['the Baltic example', baltic],
  ])('%s quotes its sources verbatim', (_name, read) => {
    const doc = read();
    const texts = (doc.sources as { text?: string }[]).map((source) => source.text ?? '');
    const unquoted = (doc.events.features as { properties: { id: string; quote?: string } }[])
      .filter(({ properties: { quote } }) => quote !== undefined && !texts.some((text) => text.includes(quote)))
      .map(({ properties }) => properties.id);
    expect(unquoted).toEqual([]);
  });
});

/**
 * Small mutations of the Baltic example. `expected` is one of openScenario's issues, as
 * "location: message"; `jsonSchema` says whether JSON Schema can express the rule (false: a
 * cross-reference or a comparison between two values, which only the app checks).
 */
const BROKEN: [name: string, mutate: (doc: Doc) => void, expected: RegExp, jsonSchema: boolean][] = [
  ['a missing title', (doc) => delete doc.title, /^title: Invalid input: expected string, received undefined$/, true],
  ['format version 2', (doc) => (doc.tripwire = 2), /^tripwire: must be 1 \(the format version this build reads\)$/, true],
  [
    'a view with west > east',
    (doc) => (doc.views[0].bounds = [30.5, 58.5, 21, 60.8]),
    /^views\[0\]\.bounds: must be \[west, south, east, north\] with west < east and south < north$/,
    false,
  ],
  ['a colour that is not #rrggbb', (doc) => (doc.layers[0].style.color = 'blue'), /^layers\[0\]\.style\.color: must be a colour written #rrggbb$/, true],
  ['an unknown layer style kind', (doc) => (doc.layers[0].style.kind = 'heatmap'), /^layers\[0\]\.style\.kind: Invalid option: expected one of "zones"\|"routes"\|"places"\|"disputed"\|"reference"$/, true],
  [
    'two views with the same id',
    (doc) => doc.views.push({ id: 'gulf-of-finland', title: 'Gulf of Finland (wide)', bounds: [19, 57, 32, 61.5] }),
    /^views\[1\]\.id: duplicate id "gulf-of-finland" \(first used by views\[0\]\)$/,
    false,
  ],
  ['a defaultView naming no view', (doc) => (doc.defaultView = 'baltic-sea'), /^defaultView: names no view \("baltic-sea"; views: gulf-of-finland\)$/, false],
  [
    'an event with latitude 95',
    (doc) => (doc.events.features[1].geometry.coordinates = [25.5, 95]),
    /^events › features\[1\] \(id "estlink-2-damage-2024-12"\) › geometry\.coordinates\[1\]: latitude must be within −90…90$/,
    true,
  ],
  [
    'an event whose eventSet names no set',
    (doc) => (doc.events.features[0].properties.eventSet = 'imported-incidents'),
    /^events › features\[0\] \(id "balticconnector-damage-2023-10"\) › properties\.eventSet: names no event set \("imported-incidents"; declared: briefing-note\)$/,
    false,
  ],
  [
    'two events with the same id',
    (doc) => (doc.events.features[1].properties.id = 'balticconnector-damage-2023-10'),
    /^events › features\[1\] › properties\.id: duplicate id "balticconnector-damage-2023-10" \(first used by features\[0\]\)$/,
    false,
  ],
  [
    'a measurement naming no feature',
    (doc) => (doc.measurements = [{ kind: 'distance', from: 'helsinki', to: 'gulf-incident-area', label: 'Distance from Helsinki' }]),
    /^measurements\[0\]: names no feature \("helsinki"\)$/,
    false,
  ],
  [
    'a feature valid to a day before it is valid from',
    (doc) => Object.assign(doc.layers[0].features[0].properties, { validFrom: '2024-01-01', validTo: '2023-12-31' }),
    /^layers\[0\] \(id "zones"\) › features\[0\] › properties\.validTo: ends \(2023-12-31\) before it starts \(2024-01-01\)$/,
    false,
  ],
  ['an unknown top-level key', (doc) => (doc.colour = '#ff0000'), /^\(file\): Unrecognized key: "colour"$/, true],
];

describe('documents that are broken', () => {
  it.each(BROKEN)('openScenario refuses %s, saying where', (_name, mutate, expected) => {
    const doc = baltic();
    mutate(doc);
    const issues = issuesOf(doc);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.filter((issue) => expected.test(issue)), issues.join('\n')).toHaveLength(1);
  });

  it.each(BROKEN.filter(([, , , jsonSchema]) => jsonSchema))('the JSON Schema refuses %s too', (_name, mutate) => {
    const doc = baltic();
    mutate(doc);
    expect(schemaErrors(doc)).not.toEqual([]);
  });

  // Cross-references and comparisons (zod-only): the JSON Schema describes them in words and accepts
  // the document, so a tool that uses it alone must not be taken as the last word.
  it.each(BROKEN.filter(([, , , jsonSchema]) => !jsonSchema))('the JSON Schema accepts %s (only the app checks it)', (_name, mutate) => {
    const doc = baltic();
    mutate(doc);
    expect(schemaErrors(doc)).toEqual([]);
  });
});

describe('hostile text', () => {
  it('keeps markup in a title as plain text, unchanged (React renders it as text)', () => {
    const title = '<img src=x onerror=alert(1)>';
    const doc = baltic();
    doc.title = title;
    doc.events.features[0].properties.title = title;
    expect(schemaErrors(doc)).toEqual([]);
    const opened = openScenario(doc);
    if (!opened.ok) return expect.fail(JSON.stringify(opened.issues));
    expect(opened.value.head.title).toBe(title);
    expect(opened.value.eventSets[0]!.events[0]!.title).toBe(title);
  });
});

describe('the JSON Schema and the zod schema in step', () => {
  const defs = schema.$defs!;
  const resolve = (node: JsonSchema): JsonSchema => (node.$ref ? resolve(defs[node.$ref.replace('#/$defs/', '')]!) : node);
  /** Keys zod requires: those for which "absent" is refused (optional and defaulted keys accept it). */
  const zodRequired = (shape: Record<string, z.ZodType>) => Object.keys(shape).filter((key) => !shape[key]!.safeParse(undefined).success);
  const sameKeys = (json: JsonSchema, shape: Record<string, z.ZodType>, extra: string[] = []) => {
    expect(Object.keys(json.properties!).sort()).toEqual([...Object.keys(shape), ...extra].sort());
    expect([...json.required!].sort()).toEqual(zodRequired(shape).sort());
  };

  it.each([
    ['the document', schema, scenarioHeadSchema.shape],
    ['a source', defs.source!, scenarioSourceSchema.shape],
    ['a view', defs.view!, scenarioViewSchema.shape],
    ['a layer', defs.layer!, scenarioLayerSchema.shape],
    ['a layer style', defs.layerStyle!, layerStyleSchema.shape],
    ['a legend swatch', defs.legendSwatch!, legendSwatchSchema.shape],
    ['an event set', defs.eventSet!, eventSetSchema.shape],
    ['a category presentation', defs.categoryPresentation!, categoryPresentationSchema.shape],
    ['a fact check', defs.factCheck!, factCheckSchema.shape],
  ] as const)('%s has the same keys, equally required, and no others', (_name, json, shape) => {
    sameKeys(json, shape as Record<string, z.ZodType>);
    expect(json.additionalProperties).toBe(false);
  });

  it('event properties are those of an events file, plus eventSet', () => {
    sameKeys(defs.eventProperties!, eventPropertiesSchema.shape, ['eventSet']);
    expect(defs.eventProperties!.additionalProperties).toBe(false);
  });

  it('geography properties are those of a geography file plus the presentation, and others are allowed', () => {
    const properties = defs.geographyFeature!.properties!.properties!;
    sameKeys(properties, geographyFeatureSchema.shape.properties.shape, ['color', 'dash', 'onBasemap', 'hidden', 'disputed']);
    expect(properties.additionalProperties).toBeUndefined();
  });

  it('each measurement kind has the same keys, equally required', () => {
    const variants = defs.measurement!.oneOf!.map(resolve);
    expect(variants).toHaveLength(measurementSchema.options.length);
    measurementSchema.options.forEach((option, index) => sameKeys(variants[index]!, option.shape));
  });

  it('the date patterns accept exactly the dates the app reads', () => {
    const partial = new RegExp(defs.partialDate!.pattern!, 'u');
    const full = new RegExp(defs.fullDate!.pattern!, 'u');
    const pad = (value: number) => String(value).padStart(2, '0');
    const disagreements: string[] = [];
    // Every month and day (and impossible ones) of years around the edges of the leap-year rule.
    for (const year of [999, 1000, 1004, 1100, 1200, 1900, 1996, 2000, 2023, 2024, 2100, 2400, 9996, 9999]) {
      const texts = [String(year).padStart(4, '0')];
      for (let month = 0; month <= 13; month += 1) {
        texts.push(`${texts[0]}-${pad(month)}`);
        for (let day = 0; day <= 32; day += 1) texts.push(`${texts[0]}-${pad(month)}-${pad(day)}`);
      }
      for (const text of texts) {
        const app = parseIsoPartialDate(text);
        if (partial.test(text) !== (app !== null)) disagreements.push(`partialDate ${text}`);
        if (full.test(text) !== (app?.precision === 'day')) disagreements.push(`fullDate ${text}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
