// Presence on the page: the initials and groupings the header, list and map show, the map's marks
// (only for events loaded here), and the client's link to the stream: the selection is posted
// against the stream's connection, at most every 300 ms (the last choice wins), again after a
// reconnect, and never after the scenario is gone. The server's side: tests/server/presence.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialsOf, presentPeople, selectedBy } from '../../src/data/slices/presence';
import { PRESENCE_SOURCE, presenceCollection, presenceLayers } from '../../src/layers/presence';
import { layersOf } from '../../src/layers';
import { importGraph } from '../import-graph';
import { joinPresence, THROTTLE_MS } from '../../src/team/presence';
import { createLiveStreams, type EventSourceLike } from '../../src/team/live-stream';

describe('what presence shows', () => {
  it('makes initials of usernames', () => {
    expect(['bob', 'bob.smith', 'anne-marie_k', 'a', 'x9'].map(initialsOf)).toEqual(['BO', 'BS', 'AM', 'A', 'X9']);
  });

  it('lists each person once, and who has each event selected', () => {
    const presence = [
      { username: 'bob', selected: 'e1' },
      { username: 'bob', selected: 'e2' },
      { username: 'carol', selected: 'e1' },
      { username: 'dan', selected: null },
    ];
    expect(presentPeople(presence)).toEqual(['bob', 'carol', 'dan']);
    expect([...selectedBy(presence)]).toEqual([
      ['e1', ['bob', 'carol']],
      ['e2', ['bob']],
    ]);
  });

  it('marks the map at each selected event loaded here (a route at its middle vertex), with everyone’s initials', () => {
    const events = [
      { id: 'e1', geometry: { type: 'Point' as const, coordinates: [10, 20] } },
      { id: 'e2', geometry: { type: 'LineString' as const, coordinates: [[0, 0], [1, 1], [2, 2]] } },
      { id: 'e3', geometry: { type: 'Point' as const, coordinates: [5, 5] } },
    ];
    const collection = presenceCollection(events, [
      { username: 'bob', selected: 'e1' },
      { username: 'carol', selected: 'e1' },
      { username: 'dan', selected: 'e2' },
      { username: 'erin', selected: 'not-loaded-here' },
    ]);
    expect(collection.features.map((feature) => [feature.geometry.coordinates, feature.properties])).toEqual([
      [[10, 20], { id: 'e1', initials: 'BO CA', names: 'bob, carol' }],
      [[1, 1], { id: 'e2', initials: 'DA', names: 'dan' }],
    ]);
    expect(presenceCollection(events, [{ username: 'bob', selected: null }]).features).toEqual([]);
  });
});

describe('briefing images', () => {
  it('never show who was looking: the marks are not among the layers export maps are made of, and only the live map adds them', () => {
    const exportable = layersOf(null).all.flatMap((module) => [...module.layers.map((layer) => layer.id), ...Object.keys(module.sources)]);
    expect(exportable.length).toBeGreaterThan(3);
    for (const id of [PRESENCE_SOURCE, ...presenceLayers.map((layer) => layer.id)]) expect(exportable).not.toContain(id);
    const callers = importGraph('src').filter((edge) => edge.to === 'src/map/presence-markers.ts').map((edge) => edge.from);
    expect(callers).toEqual(['src/map/MapView.tsx']);
  });
});

/** A stand-in EventSource: the test says what the server sends. */
class FakeSource implements EventSourceLike {
  listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  closed = false;
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  removeEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, (this.listeners.get(type) ?? []).filter((each) => each !== listener));
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown) {
    for (const listener of this.listeners.get(type) ?? []) listener({ data: JSON.stringify(data) } as MessageEvent<string>);
  }
}

describe('the presence link', () => {
  let sources: FakeSource[];
  let posts: { url: string; body: unknown; token: string | undefined }[];
  let others: unknown[];
  const join = () =>
    joinPresence('scn-1', {
      baseUrl: 'http://team.example/app/',
      csrfToken: () => 'token-1',
      onOthers: (list) => others.push(list),
      openSource: (url) => {
        const source = new FakeSource(url);
        sources.push(source);
        return source;
      },
      fetch: async (url, init) => {
        posts.push({ url, body: JSON.parse(String(init?.body)), token: (init?.headers as Record<string, string>)['X-CSRF-Token'] });
        return new Response(null, { status: 204 });
      },
    })!;

  beforeEach(() => {
    vi.useFakeTimers();
    sources = [];
    posts = [];
    others = [];
  });
  afterEach(() => vi.useRealTimers());

  it('opens the scenario’s stream and passes on who else is there', () => {
    const link = join();
    expect(sources.map((source) => source.url)).toEqual(['http://team.example/app/api/scenarios/scn-1/stream']);
    sources[0]!.emit('presence', { others: [{ username: 'bob', selected: null }] });
    expect(others).toEqual([[{ username: 'bob', selected: null }]]);
    link.close();
    expect(sources[0]!.closed).toBe(true);
  });

  it('posts the last selection of a burst once, against the stream’s connection, with the CSRF token', async () => {
    const link = join();
    link.select('e1'); // before `ready`: held until the connection is known
    await vi.advanceTimersByTimeAsync(THROTTLE_MS * 2);
    expect(posts).toEqual([]);
    sources[0]!.emit('ready', { seq: 4, connection: 'c-1' });
    link.select('e2');
    link.select('e3');
    await vi.advanceTimersByTimeAsync(THROTTLE_MS - 1);
    expect(posts).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(posts).toEqual([{ url: 'http://team.example/app/api/scenarios/scn-1/presence', body: { connection: 'c-1', selected: 'e3' }, token: 'token-1' }]);
    // The same again is not sent; nothing selected is.
    link.select('e3');
    await vi.advanceTimersByTimeAsync(THROTTLE_MS);
    link.select(null);
    await vi.advanceTimersByTimeAsync(THROTTLE_MS);
    expect(posts.map((post) => post.body)).toEqual([
      { connection: 'c-1', selected: 'e3' },
      { connection: 'c-1', selected: null },
    ]);
  });

  it('posts the selection again to a new connection after a reconnect, and stops when the scenario is gone', async () => {
    const link = join();
    sources[0]!.emit('ready', { seq: 0, connection: 'c-1' });
    link.select('e1');
    await vi.advanceTimersByTimeAsync(THROTTLE_MS);
    sources[0]!.emit('ready', { seq: 2, connection: 'c-2' }); // EventSource reconnected by itself
    await vi.advanceTimersByTimeAsync(THROTTLE_MS);
    expect(posts.map((post) => post.body)).toEqual([
      { connection: 'c-1', selected: 'e1' },
      { connection: 'c-2', selected: 'e1' },
    ]);
    sources[0]!.emit('gone', {});
    expect(sources[0]!.closed).toBe(true);
    expect(others.at(-1)).toEqual([]);
    link.select('e2');
    await vi.advanceTimersByTimeAsync(THROTTLE_MS * 2);
    expect(posts).toHaveLength(2);
  });
});

describe('one live stream per scenario and page', () => {
  it('is opened once for edits and presence, tells a late listener the connection, and closes with its last listener; leaving presence clears the selection', async () => {
    const opened: FakeSource[] = [];
    const listen = createLiveStreams((url) => {
      const source = new FakeSource(url);
      opened.push(source);
      return source;
    });
    const url = 'http://team.example/api/scenarios/scn-1/stream';
    const edits = listen(url);
    const heard: string[] = [];
    edits.addEventListener('edits', () => heard.push('edits'));
    opened[0]!.emit('ready', { seq: 0, connection: 'c-9' });

    // Presence joins after `ready` was said: it still learns its connection, on the same stream.
    const posts: unknown[] = [];
    const link = joinPresence('scn-1', {
      baseUrl: 'http://team.example/',
      csrfToken: () => 't',
      onOthers: () => {},
      openSource: () => listen(url),
      fetch: async (_url, init) => {
        posts.push(JSON.parse(String(init?.body)));
        return new Response(null, { status: 204 });
      },
    })!;
    link.select('e1');
    await new Promise((resolve) => setTimeout(resolve, THROTTLE_MS + 50));
    expect(opened).toHaveLength(1);
    expect(posts).toEqual([{ connection: 'c-9', selected: 'e1' }]);

    // Leaving presence (a hidden tab) keeps the stream for the edits, and says nothing is selected.
    link.close();
    expect(posts).toEqual([{ connection: 'c-9', selected: 'e1' }, { connection: 'c-9', selected: null }]);
    expect(opened[0]!.closed).toBe(false);
    opened[0]!.emit('edits', { seq: 1 });
    expect(heard).toEqual(['edits']);
    edits.close();
    expect(opened[0]!.closed).toBe(true);
    // A new listener opens a new stream.
    listen(url).close();
    expect(opened).toHaveLength(2);
  });
});
