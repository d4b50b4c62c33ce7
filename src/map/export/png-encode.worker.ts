// Encodes a briefing image's pixels to PNG off the main thread, so the next slide's map can draw
// meanwhile. Deflate level 3: a large share of the size of the browser's own encoder at a
// fraction of its time (measured in `npm run bench`'s pack row).
import { encode } from 'fast-png';

self.onmessage = (message: MessageEvent<{ id: number; width: number; height: number; data: Uint8ClampedArray }>) => {
  const { id, width, height, data } = message.data;
  try {
    const png = encode({ width, height, data, channels: 4, depth: 8 }, { zlib: { level: 3 } });
    self.postMessage({ id, png }, { transfer: [png.buffer] });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
