// A quote in its source: the paragraph around it, so an analyst can check it was not taken out
// of context. The source texts travel inside the scenario document (sources[].text).

const MAX_SIDE = 400;

/** The text before and after the first exact occurrence of `quote`, within its paragraph (at most 400 characters each side); null if absent. */
export function quoteContext(text: string, quote: string): { before: string; quote: string; after: string } | null {
  const at = text.indexOf(quote);
  if (at === -1 || quote.length === 0) return null;
  const paragraphStart = text.lastIndexOf('\n\n', at);
  const paragraphEnd = text.indexOf('\n\n', at + quote.length);
  const start = Math.max(paragraphStart === -1 ? 0 : paragraphStart + 2, at - MAX_SIDE);
  const end = Math.min(paragraphEnd === -1 ? text.length : paragraphEnd, at + quote.length + MAX_SIDE);
  return {
    before: `${start > 0 && start === at - MAX_SIDE ? '…' : ''}${text.slice(start, at)}`,
    quote,
    after: `${text.slice(at + quote.length, end)}${end < text.length && end === at + quote.length + MAX_SIDE ? '…' : ''}`,
  };
}
