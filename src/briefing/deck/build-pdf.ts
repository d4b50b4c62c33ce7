// The page's side of the PDF deck: hands the model and the map images to pdf-deck.worker.ts and
// waits for the file. Cancel ends the worker at once.
import type { DeckModel } from './slide-model';

export function buildPdfInWorker(model: DeckModel, images: Record<string, Uint8Array>, signal?: AbortSignal): Promise<Uint8Array> {
  signal?.throwIfAborted();
  const worker = new Worker(new URL('./pdf-deck.worker.ts', import.meta.url), { type: 'module', name: 'tripwire-pdf' });
  return new Promise((resolve, reject) => {
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', cancel);
    };
    const cancel = () => {
      finish();
      reject(signal?.reason ?? new DOMException('cancelled', 'AbortError'));
    };
    signal?.addEventListener('abort', cancel);
    worker.onerror = (event) => {
      finish();
      reject(new Error(`the PDF could not be made: ${event.message || 'the worker failed'}`));
    };
    worker.onmessage = ({ data }: MessageEvent<{ pdf?: Uint8Array; error?: string }>) => {
      finish();
      if (data.pdf) resolve(data.pdf);
      else reject(new Error(`the PDF could not be made: ${data.error}`));
    };
    worker.postMessage({ model, images }, { transfer: Object.values(images).map((png) => png.buffer as ArrayBuffer) });
  });
}
