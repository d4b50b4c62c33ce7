// Builds the PDF deck off the main thread: parsing the two 6 MB fonts and subsetting them takes
// about a second, which in the page would freeze the dialog (and its Cancel button).
import { buildPdfDeck } from './pdf-deck';
import { loadPdfFonts } from './pdf-fonts';
import type { DeckModel } from './slide-model';

self.onmessage = async (message: MessageEvent<{ model: DeckModel; images: Record<string, Uint8Array> }>) => {
  try {
    const pdf = await buildPdfDeck(message.data.model, message.data.images, await loadPdfFonts());
    self.postMessage({ pdf }, { transfer: [pdf.buffer] });
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
