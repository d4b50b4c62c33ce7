import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { addPngText, crc32, readPngText } from '../../src/briefing/png-text';

const tinyPng = () => new Uint8Array(PNG.sync.write(Object.assign(new PNG({ width: 2, height: 2 }), {})));

describe('PNG text chunks', () => {
  it('computes the standard CRC-32 ("123456789" → cbf43926)', () => {
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
  });

  it('round-trips UTF-8 text (dashes, quotes, Korean) through iTXt', () => {
    const text = 'As of 30 Nov 2022 · “last August” — 서울';
    expect(readPngText(addPngText(tinyPng(), { Description: text })).Description).toBe(text);
  });

  it('leaves a PNG that decoders still read, at the same size', () => {
    const decoded = PNG.sync.read(Buffer.from(addPngText(tinyPng(), { Title: 'x' })));
    expect([decoded.width, decoded.height]).toEqual([2, 2]);
  });

  it('refuses a truncated PNG instead of writing a broken one', () => {
    expect(() => addPngText(tinyPng().subarray(0, 30), { Title: 'x' })).toThrow(/IEND/);
  });
});
