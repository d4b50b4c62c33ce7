// A deck of chosen events, in the page: what the "Deck…" dialog and `npm run brief --format …`
// both run. PowerPoint: each event's map alone (mapOnly) on a slide with editable text; PDF: the
// same slides as pages, the maps at print resolution; PNG: each event's full briefing image with
// its alt text, zipped and numbered in slide order. PptxGenJS, pdf-lib (with its fonts) and JSZip
// are large: each loads only when asked for.
import type { TripwireStore } from '../../data/store';
import { renderEvents, type RenderedEvent, type RenderEventsOptions } from './render-events';
import { deckSlides } from '../../briefing/deck/slide-model';
import { DECK_MAP_TEXT_SCALE, deckMapSize, printPixelRatio } from '../../briefing/deck/slide-layout';

export type DeckFormat = 'pptx' | 'pdf' | 'zip';

/** The slide size (CSS pixels) the dialog renders at, as the CLI's default --size. */
export const DECK_SLIDE_SIZE = { width: 1920, height: 1080 } as const;

export interface MakeDeckOptions extends Pick<RenderEventsOptions, 'eventIds' | 'views' | 'signal' | 'onProgress'> {
  format: DeckFormat;
  title: string;
  /** The handling marking on every slide ('' for none). */
  handling: string;
  /** The briefer or their office, for the file's author field ('' for none). */
  author?: string;
  /** Slide size in pixels; default DECK_SLIDE_SIZE. */
  size?: { width: number; height: number };
}

export interface MadeDeck {
  bytes: Uint8Array;
  fileName: string;
  type: string;
  /** Each slide's event and where its subject did not land clear (empty when it did). */
  slides: { eventId: string; subjectProblems: string[] }[];
}

/** PNG bytes as base64 (no data: prefix), as PptxGenJS takes pictures. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const slidesOf = (rendered: RenderedEvent[]) => rendered.map(({ event, subjectProblems }) => ({ eventId: event.id, subjectProblems }));

export async function makeDeck(store: TripwireStore, { format, title, handling, author = '', eventIds, views, size = DECK_SLIDE_SIZE, signal, onProgress }: MakeDeckOptions): Promise<MadeDeck> {
  if (eventIds.length === 0) throw new Error('no events chosen');
  const scenarioId = store.getState().scenario?.id ?? 'tripwire';
  const common = { eventIds, views, signal, onProgress, pixelRatio: 1, title, handling };
  if (format === 'pptx' || format === 'pdf') {
    // The slide sets the title, caption and handling as text of its own: the image is the map
    // alone. A PDF is printed: its maps are drawn at 300 pixels per inch of the slide.
    const mapSize = deckMapSize(size);
    const pixelRatio = format === 'pdf' ? printPixelRatio(mapSize) : 1;
    const rendered = await renderEvents(store, { ...common, pixelRatio, size: mapSize, mapOnly: true, textScale: DECK_MAP_TEXT_SCALE });
    signal?.throwIfAborted();
    const model = deckSlides(store.getState(), { title, handling, author, eventIds });
    const slides = slidesOf(rendered);
    if (format === 'pdf') {
      const { buildPdfInWorker } = await import('../../briefing/deck/build-pdf');
      const bytes = await buildPdfInWorker(model, Object.fromEntries(rendered.map(({ event, result }) => [event.id, result.png])), signal);
      return { bytes, fileName: `${scenarioId}-deck.pdf`, type: 'application/pdf', slides };
    }
    const { buildDeck } = await import('../../briefing/deck/pptx-deck');
    const bytes = await buildDeck(model, Object.fromEntries(rendered.map(({ event, result }) => [event.id, toBase64(result.png)])));
    return { bytes, fileName: `${scenarioId}-deck.pptx`, type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', slides };
  }
  const rendered = await renderEvents(store, { ...common, size });
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
  return { bytes, fileName: `${scenarioId}-deck.zip`, type: 'application/zip', slides: slidesOf(rendered) };
}
