// A live stream's server-sent events as they arrive, read from a real HTTP response (what
// EventSource does in the page): for the server tests that follow a scenario's stream.
export function readEvents(response: Response) {
  const events: { event: string; data: unknown }[] = [];
  let ended = false;
  const done = (async () => {
    const decoder = new TextDecoder();
    let text = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      text += decoder.decode(chunk, { stream: true });
      let cut;
      while ((cut = text.indexOf('\n\n')) >= 0) {
        const block = text.slice(0, cut);
        text = text.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event) events.push({ event, data: data ? JSON.parse(data) : null });
      }
    }
    ended = true;
  })();
  /** The first event of that name, waiting up to `within` ms for it. */
  const waitFor = async (event: string, within = 5_000) => {
    const giveUpAt = Date.now() + within;
    while (!events.some((item) => item.event === event)) {
      if (Date.now() > giveUpAt) throw new Error(`no "${event}" event within ${within / 1000} s; heard ${JSON.stringify(events)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return events.find((item) => item.event === event)!;
  };
  return { events, waitFor, ended: () => ended, done };
}
