// A deck of chosen events, in the page: the "Deck…" dialog's work. PowerPoint: each event's map
// alone (mapOnly) on a slide with editable text, as `npm run brief --format pptx` makes it; PNG:
// each event's full briefing image (as `npm run brief --each-event` makes them) with its alt text,
// zipped and numbered in slide order. PptxGenJS and JSZip are large: both load only when asked for.
import type { TripwireStore } from '../../../data/store';
import { renderEvents, type RenderEventsOptions } from './render-events';
import { deckSlides } from './slide-model';
import { deckMapSize } from './slide-layout';

export type DeckFormat = 'pptx' | 'zip';

/** The slide size (CSS pixels) the dialog renders at, as the CLI's default --size. */
export const DECK_SLIDE_SIZE = { width: 1920, height: 1080 } as const;

export interface MakeDeckOptions extends Pick<RenderEventsOptions, 'eventIds' | 'signal' | 'onProgress'> {
  format: DeckFormat;
  title: string;
}

export interface MadeDeck {
  bytes: Uint8Array;
  fileName: string;
  type: string;
}

/** PNG bytes as base64 (no data: prefix), as PptxGenJS takes pictures. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function makeDeck(store: TripwireStore, { format, title, eventIds, signal, onProgress }: MakeDeckOptions): Promise<MadeDeck> {
  if (eventIds.length === 0) throw new Error('no events chosen');
  const scenarioId = store.getState().scenario?.id ?? 'tripwire';
  const common = { eventIds, signal, onProgress, pixelRatio: 1, title, handling: '' };
  if (format === 'pptx') {
    const rendered = await renderEvents(store, { ...common, size: deckMapSize(DECK_SLIDE_SIZE), mapOnly: true });
    signal?.throwIfAborted();
    const images = Object.fromEntries(rendered.map(({ event, result }) => [event.id, toBase64(result.png)]));
    const { buildDeck } = await import('./pptx-deck');
    const bytes = await buildDeck(deckSlides(store.getState(), title, eventIds), images);
    return { bytes, fileName: `${scenarioId}-deck.pptx`, type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' };
  }
  const rendered = await renderEvents(store, { ...common, size: DECK_SLIDE_SIZE });
  signal?.throwIfAborted();
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  const digits = String(rendered.length).length;
  rendered.forEach(({ result }, index) => {
    // Numbered so that a file browser lists them in slide order.
    const name = `${String(index + 1).padStart(digits, '0')}-${result.fileName}`;
    zip.file(name, result.png);
    zip.file(name.replace(/\.png$/, '.alt.txt'), `${result.altText}\n`);
  });
  const bytes = await zip.generateAsync({ type: 'uint8array' });
  return { bytes, fileName: `${scenarioId}-deck.zip`, type: 'application/zip' };
}
