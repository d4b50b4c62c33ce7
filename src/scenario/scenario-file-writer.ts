// Writes a scenario document (`.tripwire.json`) as a sequence of strings, for `new Blob(parts)`.
// A million events make hundreds of MB of JSON: as one string that is more than an engine may
// hold (V8 stops at 512 MB), and building it would double the memory the events already take. So the
// head is written as one part and the events a batch at a time.
//
// The layout is fixed, so that open → save → open gives the same bytes. The head is indented two
// spaces, with arrays and objects that fit in 100 characters kept on one line
// (json-stringify-pretty-compact: a polygon is one coordinate pair per line, not one number per
// line), and each event is written on one line of its own
// (`JSON.stringify(feature)`), indented by four spaces, so a million events are a million lines
// and not tens of millions:
//
//   {
//     "tripwire": 1,
//     "title": "…",
//     …
//     "events": {
//       "type": "FeatureCollection",
//       "features": [
//       {"type":"Feature",…},
//       {"type":"Feature",…}
//       ]
//     }
//   }
//
// With no events the array is written `"features": []`. The text ends with a newline.

import stringify from 'json-stringify-pretty-compact';

/** The order of the top-level keys in a written document. `events` is always written last. */
const SCENARIO_KEY_ORDER = [
  'tripwire',
  'id',
  'title',
  'subtitle',
  'publishedDate',
  'readOnly',
  'sources',
  'views',
  'defaultView',
  'insetView',
  'focusCountries',
  'layers',
  'measurements',
  'eventSets',
  'categories',
] as const;

const KNOWN_KEYS = new Set<string>([...SCENARIO_KEY_ORDER, 'events']);

const FEATURE_INDENT = '    ';

/**
 * The JSON text of a scenario document, as parts (for `new Blob(parts)`), never one giant string.
 *
 * `head` is the document without its events (an `events` key in it is ignored); `features` are the
 * events, written in the order given. Yields the head as one part, then one part per
 * `featuresPerPart` features, then the closing brackets. Keys keep the order the caller gave them
 * (the caller normalises); top-level keys follow {@link SCENARIO_KEY_ORDER}, with unknown keys after the
 * known ones. Like `JSON.stringify`, members whose value is `undefined` are left out.
 */
export function* scenarioFileParts(
  head: Record<string, unknown>,
  features: Iterable<unknown>,
  options: { featuresPerPart?: number } = {},
): Iterable<string> {
  const featuresPerPart = Math.max(1, Math.floor(options.featuresPerPart ?? 5000));
  const keys = [...SCENARIO_KEY_ORDER.filter((key) => Object.hasOwn(head, key)), ...Object.keys(head).filter((key) => !KNOWN_KEYS.has(key))];

  let text = '{\n';
  for (const key of keys) {
    const json = (head[key] === undefined ? undefined : stringify(head[key], { indent: 2, maxLength: 100 })) as string | undefined;
    if (json === undefined) continue; // undefined, functions, symbols: JSON has no way to write them
    // Indent the value one level, as JSON.stringify(document, null, 2) would. Strings in JSON never
    // hold a raw line break, so every '\n' here is between two lines of layout.
    text += `  ${JSON.stringify(key)}: ${json.replaceAll('\n', '\n  ')},\n`;
  }
  yield `${text}  "events": {\n    "type": "FeatureCollection",\n    "features": [`;

  let written = 0;
  let batch: string[] = [];
  const flush = () => {
    const part = (written === 0 ? `\n${FEATURE_INDENT}` : `,\n${FEATURE_INDENT}`) + batch.join(`,\n${FEATURE_INDENT}`);
    written += batch.length;
    batch = [];
    return part;
  };
  for (const feature of features) {
    // An undefined element is written null, as JSON.stringify writes it in an array.
    batch.push((JSON.stringify(feature) as string | undefined) ?? 'null');
    if (batch.length === featuresPerPart) yield flush();
  }
  if (batch.length > 0) yield flush();

  yield written === 0 ? ']\n  }\n}\n' : `\n${FEATURE_INDENT}]\n  }\n}\n`;
}
