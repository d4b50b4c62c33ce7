// A canvas as PNG bytes, encoded in a worker (png-encode.worker.ts). One worker serves every
// image of the page; it starts on the first export.
let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (png: Uint8Array) => void; reject: (error: Error) => void }>();

function encoder(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./png-encode.worker.ts', import.meta.url), { type: 'module', name: 'tripwire-png' });
  worker.onmessage = (message: MessageEvent<{ id: number; png?: Uint8Array; error?: string }>) => {
    const { id, png, error } = message.data;
    const waiting = pending.get(id);
    pending.delete(id);
    if (png) waiting?.resolve(png);
    else waiting?.reject(new Error(`the PNG could not be encoded: ${error}`));
  };
  return worker;
}

export function encodePng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  const { data } = canvas.getContext('2d', { willReadFrequently: true })!.getImageData(0, 0, canvas.width, canvas.height);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    encoder().postMessage({ id, width: canvas.width, height: canvas.height, data }, { transfer: [data.buffer] });
  });
}
