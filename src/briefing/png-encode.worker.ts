// Encodes a briefing image's pixels to PNG off the main thread, so the next slide's map can draw
// meanwhile. Deflate level 3: a large share of the size of the browser's own encoder at a
// fraction of its time (measured in `npm run bench`'s pack row).
import { encode } from 'fast-png';

/** RGB without the alpha channel when every pixel is opaque (a briefing always is): a quarter fewer bytes, and no soft mask in a PDF. */
function withoutOpaqueAlpha(data: Uint8ClampedArray): { data: Uint8ClampedArray; channels: 3 | 4 } {
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) return { data, channels: 4 };
  const rgb = new Uint8ClampedArray((data.length / 4) * 3);
  for (let from = 0, to = 0; from < data.length; from += 4, to += 3) {
    rgb[to] = data[from]!;
    rgb[to + 1] = data[from + 1]!;
    rgb[to + 2] = data[from + 2]!;
  }
  return { data: rgb, channels: 3 };
}

self.onmessage = (message: MessageEvent<{ id: number; width: number; height: number; data: Uint8ClampedArray }>) => {
  const { id, width, height } = message.data;
  try {
    const png = encode({ width, height, ...withoutOpaqueAlpha(message.data.data), depth: 8 }, { zlib: { level: 3 } });
    self.postMessage({ id, png }, { transfer: [png.buffer] });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
