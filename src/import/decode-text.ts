// Bytes → text, as files really come: UTF-8 with or without a BOM, UTF-16 with a BOM, and
// Windows-1252 (what Excel and older tools still write) when the bytes are not valid UTF-8. The
// guess is never silent: a 1252 decoding is reported with the first byte that ruled out UTF-8.
// Binary files (NUL bytes without a UTF-16 BOM) are refused at their first odd byte.
import type { ValidationIssue } from '../data/validate';
import { fileIssue } from './import-result';
import { describePosition, positionInBytes } from './text-position';

export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

export type DecodedText = { ok: true; text: string; encoding: TextEncodingName; notices: ValidationIssue[] } | { ok: false; issue: ValidationIssue };

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);

/** Offset of the first byte that does not begin a well-formed UTF-8 sequence, or -1 (RFC 3629 table). */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    // The second byte's range excludes overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    const secondMin = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const secondMax = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let step = 1; step < length; step += 1) {
      const byte = bytes[index + step];
      const [min, max] = step === 1 ? [secondMin, secondMax] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return index;
    }
    index += length;
  }
  return -1;
}

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Windows-1252's bytes 0x80–0x9F (the rest is Latin-1, byte = code point). Our own table because
 * Node 20's TextDecoder maps these bytes wrongly, and tests and the CLI run in Node. The five
 * bytes 1252 leaves undefined keep their C1 code point, as browsers do.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 0x8000;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (byte) => (byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(byte - 0x80) : byte));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function decodeUtf16(bytes: Uint8Array): DecodedText {
  const littleEndian = bytes[0] === 0xff;
  const encoding = littleEndian ? 'UTF-16LE' : 'UTF-16BE';
  try {
    const text = new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
    return { ok: true, text, encoding, notices: [] };
  } catch {
    return { ok: false, issue: fileIssue(`the file starts with a UTF-16 (${littleEndian ? 'little' : 'big'}-endian) byte order mark but is not valid UTF-16; save it as UTF-8 and import it again`) };
  }
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes);
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    // Not UTF-8. Text in a single-byte encoding has no NUL bytes; a binary file almost always does.
    const offset = Math.max(0, firstInvalidUtf8Offset(body));
    const where = describePosition(positionInBytes(body, offset));
    const byte = body[offset] ?? 0;
    if (body.includes(0)) {
      const message = `the file is not text (byte ${hex(byte)} is not UTF-8 and the file holds NUL bytes): import a CSV or GeoJSON file`;
      return { ok: false, issue: { location: where, message } };
    }
    const notice = `the file is not valid UTF-8 (first at ${where}, byte ${hex(byte)}); it was read as Windows-1252. If names look wrong, save the file as UTF-8 and import it again`;
    return { ok: true, text: decodeWindows1252(body), encoding: 'Windows-1252', notices: [fileIssue(notice)] };
  }
  return { ok: true, text, encoding: 'UTF-8', notices: [] };
}
