// Adds iTXt chunks (keyword + UTF-8 text) to a PNG, just before IEND, so the image carries its
// own description: viewers and slide tools show it; the alt text also goes alongside as a file.
// iTXt rather than tEXt because tEXt is Latin-1 and the text has dashes, quotes and place names.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Chunk types and keywords are Latin-1 by the PNG rules; ours are plain ASCII. */
const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
const utf8 = (text: string) => new TextEncoder().encode(text);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(latin1(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export function addPngText(png: Uint8Array, entries: Record<string, string>): Uint8Array {
  const iend = png.length - 12; // IEND is always the last 12 bytes
  if (String.fromCharCode(...png.subarray(iend + 4, iend + 8)) !== 'IEND') throw new Error('not a complete PNG (no IEND at the end)');
  // keyword, 0, compression flag 0, method 0, empty language tag, 0, empty translated keyword, 0, text
  const chunks = Object.entries(entries).map(([keyword, text]) => chunk('iTXt', new Uint8Array([...latin1(keyword), 0, 0, 0, 0, 0, ...utf8(text)])));
  const size = chunks.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(png.length + size);
  out.set(png.subarray(0, iend));
  let offset = iend;
  for (const part of chunks) {
    out.set(part, offset);
    offset += part.length;
  }
  out.set(png.subarray(iend), offset);
  return out;
}

/** Reads uncompressed iTXt chunks back (for tests and for anyone checking an image). */
export function readPngText(png: Uint8Array): Record<string, string> {
  const entries: Record<string, string> = {};
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let offset = 8; offset + 12 <= png.length; ) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    if (type === 'iTXt') {
      const data = png.subarray(offset + 8, offset + 8 + length);
      const keywordEnd = data.indexOf(0);
      const languageEnd = data.indexOf(0, keywordEnd + 3);
      const translatedEnd = data.indexOf(0, languageEnd + 1);
      entries[String.fromCharCode(...data.subarray(0, keywordEnd))] = new TextDecoder().decode(data.subarray(translatedEnd + 1));
    }
    offset += 12 + length;
  }
  return entries;
}
