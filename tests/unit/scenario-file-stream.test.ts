// The scenario file (`.tripwire.json`) written in parts and read as a stream: the layout, the round
// trip byte for byte, hand-written files (events anywhere or absent), located errors, the size
// limit, aborting, and 200,000 events without one giant string.
import { describe, expect, it } from 'vitest';
import { scenarioFileParts } from '../../src/scenario/scenario-file-writer';
import { parseScenarioStream, parseScenarioText, ScenarioFileError, type ScenarioFileRead } from '../../src/scenario/scenario-file-reader';

const feature = (index: number) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [30 + (index % 1000) / 100, 50 - (index % 700) / 100] },
  properties: {
    id: `event-${index}`,
    title: `Event ${index}`,
    date: `2024-03-${String((index % 28) + 1).padStart(2, '0')}`,
    category: ['strike', 'diplomacy', 'movement'][index % 3],
    actors: ['ru', 'ua'],
    place: 'Kherson — Херсон 🛰',
    quote: 'said "x"\nthen left',
    confidence: index % 5,
    verified: index % 2 === 0,
    note: null,
  },
});

const features = (count: number) => Array.from({ length: count }, (_, index) => feature(index));

const head = {
  tripwire: 1,
  id: 'kurils',
  title: 'The Kurils',
  subtitle: 'Pressure in the north',
  publishedDate: '2024-03-01',
  readOnly: false,
  sources: [{ id: 'src', publisher: 'Paper', title: 'Article', text: 'line one\nline two' }],
  views: [{ id: 'all', title: 'All', bounds: [140, 40, 160, 50] }],
  defaultView: 'all',
  layers: [],
  categories: [{ id: 'strike', label: 'Strike', color: '#aa0000' }],
  eventSets: [],
};

/** Reads and collects every batch, for tests that check what the reader hands on. */
async function readAll(text: string, options: { batchSize?: number; maxBytes?: number } = {}): Promise<ScenarioFileRead & { features: unknown[]; batches: number[] }> {
  const collected: unknown[] = [];
  const batches: number[] = [];
  const read = await parseScenarioText(text, {
    ...options,
    onFeatures: (batch) => {
      batches.push(batch.length);
      collected.push(...batch);
    },
  });
  return { ...read, features: collected, batches };
}

/** The ScenarioFileError a read rejects with, as "location: message". */
async function failure(read: Promise<unknown>): Promise<string> {
  const error: unknown = await read.then(
    () => 'no error',
    (reason: unknown) => reason,
  );
  if (!(error instanceof ScenarioFileError)) throw new Error(`expected a ScenarioFileError, got ${String(error)}`);
  return `${error.location}: ${error.message}`;
}

const syntaxError = (text: string) => failure(parseScenarioText(text, { onFeatures: () => undefined }));

/** A stream that hands over `chunks` one by one, and remembers whether it was cancelled. */
function chunkStream(chunks: Uint8Array[]) {
  const state = { cancelled: false };
  let next = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

const byteByByte = (text: string) => Array.from(new TextEncoder().encode(text), (byte) => Uint8Array.of(byte));

describe('scenarioFileParts', () => {
  it('writes the documented layout: a compact indented head, one event per line', () => {
    // A ring too long for one line: one coordinate pair per line, never one number per line.
    const long = Array.from({ length: 12 }, (_, index) => [index * 10.5, -index * 2.25]);
    const text = [...scenarioFileParts({ title: 'T', tripwire: 1, views: [{ id: 'a', bounds: [1, 2, 3, 4] }], long }, [{ type: 'Feature', id: 1 }, { type: 'Feature', id: 2 }])].join('');
    expect(text).toBe(
      [
        '{',
        '  "tripwire": 1,',
        '  "title": "T",',
        '  "views": [{"id": "a", "bounds": [1, 2, 3, 4]}],',
        '  "long": [',
        ...long.map(([lon, lat], index) => `    [${lon}, ${lat}]${index < long.length - 1 ? ',' : ''}`),
        '  ],',
        '  "events": {',
        '    "type": "FeatureCollection",',
        '    "features": [',
        '    {"type":"Feature","id":1},',
        '    {"type":"Feature","id":2}',
        '    ]',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes no events as "features": []', () => {
    expect([...scenarioFileParts({ tripwire: 1 }, [])].join('')).toBe('{\n  "tripwire": 1,\n  "events": {\n    "type": "FeatureCollection",\n    "features": []\n  }\n}\n');
  });

  it('writes JSON that parses back to the document, top-level keys in the fixed order, unknown ones before events', () => {
    const extra = { b: 1, a: 2 };
    const shuffled = Object.fromEntries([['extra', extra], ['events', { ignored: true }], ...Object.entries(head).reverse(), ['skipped', undefined]]);
    const text = [...scenarioFileParts(shuffled, features(3))].join('');
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(parsed).toEqual({ ...head, extra, events: { type: 'FeatureCollection', features: features(3) } });
    expect(Object.keys(parsed)).toEqual(['tripwire', 'id', 'title', 'subtitle', 'publishedDate', 'readOnly', 'sources', 'views', 'defaultView', 'layers', 'eventSets', 'categories', 'extra', 'events']);
    expect(Object.keys(parsed.extra as object)).toEqual(['b', 'a']); // nested keys as given
  });

  it('yields the head, one part per featuresPerPart events, then the tail', () => {
    const parts = [...scenarioFileParts(head, features(5), { featuresPerPart: 2 })];
    expect(parts).toHaveLength(5);
    expect(parts[0]).toMatch(/"features": \[$/);
    expect(parts.slice(1, 4).map((part) => part.match(/"type":"Feature"/g)?.length)).toEqual([2, 2, 1]);
    expect(parts[4]).toBe('\n    ]\n  }\n}\n');
  });
});

describe('parseScenarioStream', () => {
  it('gives back what was written, and writing it again gives the same bytes', async () => {
    const written = [...scenarioFileParts(head, features(12), { featuresPerPart: 5 })].join('');
    const read = await readAll(written, { batchSize: 5 });
    expect(read.features).toEqual(features(12));
    expect(read.featureCount).toBe(12);
    expect(read.batches).toEqual([5, 5, 2]);
    expect(read.head).toEqual({ ...head, events: { type: 'FeatureCollection', features: [] } });
    expect([...scenarioFileParts(read.head, read.features)].join('')).toBe(written);
  });

  it('keeps no event in the head: head.events.features is empty afterwards', async () => {
    const read = await readAll([...scenarioFileParts(head, features(50))].join(''), { batchSize: 7 });
    expect((read.head.events as { features: unknown[] }).features).toEqual([]);
    expect(read.features.map((event) => (event as ReturnType<typeof feature>).properties.id)).toEqual(features(50).map((event) => event.properties.id));
  });

  it('reads a hand-written file whose events come first, minified, with CRLF line breaks', async () => {
    const text = `{"events":{"features":[${JSON.stringify(feature(0))},\r\n${JSON.stringify(feature(1))}],"type":"FeatureCollection","bbox":[1,2,3,4]},\r\n"title":"T","tripwire":1}`;
    const read = await readAll(text);
    expect(read.features).toEqual(features(2));
    expect(read.head).toEqual({ events: { features: [], type: 'FeatureCollection', bbox: [1, 2, 3, 4] }, title: 'T', tripwire: 1 });
  });

  it('reads a file without events: no features, no events in the head', async () => {
    const read = await readAll('{"tripwire": 1, "title": "T"}');
    expect(read).toEqual({ head: { tripwire: 1, title: 'T' }, featureCount: 0, features: [], batches: [] });
  });

  it('keeps a "__proto__" member as a plain member, as JSON.parse does', async () => {
    const { head: read } = await readAll('{"__proto__": {"polluted": true}, "title": "T"}');
    expect(Object.hasOwn(read, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect((read as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('reads an empty features array', async () => {
    const read = await readAll('{"tripwire": 1, "events": {"type": "FeatureCollection", "features": []}}');
    expect(read).toEqual({ head: { tripwire: 1, events: { type: 'FeatureCollection', features: [] } }, featureCount: 0, features: [], batches: [] });
  });

  it('reads a file delivered one byte at a time, multi-byte characters split between chunks', async () => {
    const written = [...scenarioFileParts(head, features(3))].join('');
    const collected: unknown[] = [];
    const read = await parseScenarioStream(chunkStream(byteByByte(written)).stream, { onFeatures: (batch) => void collected.push(...batch) });
    expect(collected).toEqual(features(3));
    expect(read.head.title).toBe(head.title);
  });

  it('does not split a surrogate pair between the chunks of parseScenarioText', async () => {
    const prefix = '{"a":"';
    const text = `${prefix}${'x'.repeat(64 * 1024 - prefix.length - 1)}🛰 ok"}`; // the 🛰's first half ends the first 64 K chunk
    expect(text.charCodeAt(64 * 1024 - 1)).toBeGreaterThanOrEqual(0xd800);
    expect((await readAll(text)).head.a).toBe(JSON.parse(text).a);
  });

  it('awaits onFeatures before reading on, and hands the events over in order', async () => {
    const order: string[] = [];
    let busy = false;
    await parseScenarioText([...scenarioFileParts(head, features(9))].join(''), {
      batchSize: 4,
      onFeatures: async (batch) => {
        expect(busy).toBe(false);
        busy = true;
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(...batch.map((event) => (event as ReturnType<typeof feature>).properties.id));
        busy = false;
      },
    });
    expect(order).toEqual(features(9).map((event) => event.properties.id));
  });

  describe('refuses what is not a scenario object, saying where', () => {
    it('an unexpected character', async () => {
      expect(await syntaxError('{\n  "a": 1,\n  "b": x\n}')).toBe('line 3, column 8: JSON syntax error: unexpected character "x"');
    });

    it('a missing comma', async () => {
      expect(await syntaxError('{\n  "a": 1\n  "b": 2\n}')).toBe('line 3, column 3: JSON syntax error: unexpected the string "b"');
    });

    it('a file cut short', async () => {
      expect(await syntaxError('{"a": [1, 2')).toBe('line 1, column 12: JSON syntax error: the file ends before the JSON is complete (is it cut short?)');
      expect(await syntaxError('{"a": tr')).toBe('line 1, column 9: JSON syntax error: the file ends before the JSON is complete (is it cut short?)');
    });

    it('text after the object', async () => {
      expect(await syntaxError('{}\n{}')).toBe('line 2, column 1: JSON syntax error: unexpected "{" after the end of the scenario object');
    });

    it('a top-level value that is not an object, or nothing', async () => {
      expect(await syntaxError('[{"tripwire": 1}]')).toBe('line 1, column 1: a scenario must be a JSON object ({ … }), but the file holds an array');
      expect(await syntaxError('\n  "x"')).toBe('line 2, column 3: a scenario must be a JSON object ({ … }), but the file holds a string');
      expect(await syntaxError('  \n')).toBe('line 2, column 1: the file is empty: a scenario is a JSON object');
    });

    it('counts columns in characters and lines across chunks (CRLF is one break)', async () => {
      const text = '{"é": "ü",\r\n "🛰": 1, ?}';
      const located = await failure(parseScenarioStream(chunkStream(byteByByte(text)).stream, { onFeatures: () => undefined }));
      expect(located).toBe('line 2, column 10: JSON syntax error: unexpected character "?"');
    });

    it('counts a lone CR as a line break, in one chunk or across chunks', async () => {
      const text = '{\r"a": 1,\r\n\r"b": ?}';
      expect(await syntaxError(text)).toBe('line 4, column 6: JSON syntax error: unexpected character "?"');
      const located = await failure(parseScenarioStream(chunkStream(byteByByte(text)).stream, { onFeatures: () => undefined }));
      expect(located).toBe('line 4, column 6: JSON syntax error: unexpected character "?"');
    });

    it('counts columns in characters within a chunk too', async () => {
      expect(await syntaxError('{"é": "ü", ?}')).toBe('line 1, column 12: JSON syntax error: unexpected character "?"');
    });

    it('names a non-ASCII character whole', async () => {
      expect(await syntaxError('{"a": 1, ü}')).toBe('line 1, column 10: JSON syntax error: unexpected character "ü"');
    });

    it('an error inside an event, deep in a large file', async () => {
      const text = [...scenarioFileParts(head, features(2000))].join('').replace('"id":"event-1500"', '"id":"event-1500",,');
      const line = text.slice(0, text.indexOf(',,') + 1).split('\n').length;
      expect(await syntaxError(text)).toBe(`line ${line}, column ${text.split('\n')[line - 1]!.indexOf(',,') + 2}: JSON syntax error: unexpected ","`);
    });
  });

  it('refuses a file over maxBytes before parsing the excess, and cancels the stream', async () => {
    const spaces = new Uint8Array(512 * 1024).fill(0x20);
    const { stream, state } = chunkStream([Uint8Array.of(0x7b), spaces, spaces, spaces]);
    expect(await failure(parseScenarioStream(stream, { maxBytes: 1024 * 1024, onFeatures: () => undefined }))).toBe('byte 1,048,577: the file is larger than the 1 MB limit');
    expect(state.cancelled).toBe(true);
    expect(await failure(parseScenarioText('{"a": 1}', { maxBytes: 5, onFeatures: () => undefined }))).toBe('byte 6: the file is larger than the 5-byte limit');
  });

  it('refuses more than 400 MB by default (a million events with quotes fit)', async () => {
    const { stream } = chunkStream([Uint8Array.of(0x7b), new Uint8Array(400_000_000)]);
    expect(await failure(parseScenarioStream(stream, { onFeatures: () => undefined }))).toBe('byte 400,000,001: the file is larger than the 400 MB limit');
  });

  describe('aborts', () => {
    const isAbortError = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

    it('before it starts, even if the file never sends a byte', async () => {
      const silent = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) });
      const error = await parseScenarioStream(silent, { signal: AbortSignal.abort(), onFeatures: () => undefined }).catch((reason: unknown) => reason);
      expect(isAbortError(error)).toBe(true);
    });

    it('between batches, handing over no more events', async () => {
      const controller = new AbortController();
      let batches = 0;
      const error = await parseScenarioText([...scenarioFileParts(head, features(20))].join(''), {
        batchSize: 5,
        signal: controller.signal,
        onFeatures: () => {
          batches += 1;
          controller.abort();
        },
      }).catch((reason: unknown) => reason);
      expect(isAbortError(error)).toBe(true);
      expect(batches).toBe(1);
    });

    it('while waiting for the file, cancelling the stream', async () => {
      const controller = new AbortController();
      let cancelled = false;
      const stalled = new ReadableStream<Uint8Array>({
        start: (stream) => stream.enqueue(new TextEncoder().encode('{"a":')),
        pull: () => new Promise(() => undefined), // the rest never comes
        cancel: () => void (cancelled = true),
      });
      const reading = parseScenarioStream(stalled, { signal: controller.signal, onFeatures: () => undefined });
      setTimeout(() => controller.abort(), 10);
      expect(isAbortError(await reading.catch((reason: unknown) => reason))).toBe(true);
      expect(cancelled).toBe(true);
    });
  });

  it('writes and reads 200,000 events in parts of at most 5 MB, all in order', async () => {
    const count = 200_000;
    // Small events, so the test stays quick; the full-sized ones are covered above.
    const small = (index: number) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [index % 180, 0] }, properties: { id: `event-${index}` } });
    const parts = [...scenarioFileParts(head, Array.from({ length: count }, (_, index) => small(index)))];
    expect(parts.length).toBe(2 + count / 5000);
    expect(Math.max(...parts.map((part) => part.length))).toBeLessThan(5_000_000);

    const blob = new Blob(parts);
    let next = 0;
    let inOrder = true;
    const read = await parseScenarioStream(blob.stream(), {
      onFeatures: (batch) => {
        for (const event of batch) inOrder &&= (event as ReturnType<typeof small>).properties.id === `event-${next++}`;
      },
    });
    expect(read.featureCount).toBe(count);
    expect(next).toBe(count);
    expect(inOrder).toBe(true);
    expect((read.head.events as { features: unknown[] }).features).toEqual([]);
  }, 30_000);
});
