// One live stream per scenario and page (docs/api.md, "Live"), shared by everyone on the page who
// listens: the session hears of edits on it, presence hears who else is there and learns its
// connection. A browser keeps at most six connections per server, across all its tabs (HTTP/1.1):
// a stream each for edits and presence in three tabs took them all, and every other request of
// the app waited. The stream closes when its last listener lets go.
//
// A listener that comes late still learns what was said before it came: the last `ready` (which
// connection this page is) and the last `presence`, given to it at once.

/** What is used of an EventSource. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  removeEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

/** The kinds of event given again to a listener that comes after them. */
const REMEMBERED = ['ready', 'presence'] as const;

interface OpenStream {
  source: EventSourceLike;
  users: number;
  last: Map<string, MessageEvent<string>>;
}

/** Streams by URL, opened with `open` (EventSource in a browser). */
export function createLiveStreams(open: (url: string) => EventSourceLike) {
  const streams = new Map<string, OpenStream>();

  /** A listener's own handle on the stream at `url`: what it adds, it takes away again on close. */
  return function listen(url: string): EventSourceLike {
    let stream = streams.get(url);
    if (!stream) {
      const opened: OpenStream = { source: open(url), users: 0, last: new Map() };
      for (const type of REMEMBERED) opened.source.addEventListener(type, (event) => opened.last.set(type, event));
      streams.set(url, opened);
      stream = opened;
    }
    const own = stream;
    own.users += 1;
    const added: [string, (event: MessageEvent<string>) => void][] = [];
    let closed = false;
    return {
      addEventListener(type, listener) {
        if (closed) return;
        own.source.addEventListener(type, listener);
        added.push([type, listener]);
        const earlier = own.last.get(type);
        if (earlier) queueMicrotask(() => !closed && listener(earlier));
      },
      removeEventListener(type, listener) {
        own.source.removeEventListener(type, listener);
      },
      close() {
        if (closed) return;
        closed = true;
        for (const [type, listener] of added) own.source.removeEventListener(type, listener);
        own.users -= 1;
        if (own.users === 0 && streams.get(url) === own) {
          own.source.close();
          streams.delete(url);
        }
      },
    };
  };
}
