// Bytes → text. Only UTF-8 is accepted (with or without a BOM): a wrong guess at an encoding
// silently garbles names and quotes, so anything else is refused with a way to fix it.
import type { ValidationIssue } from '../validate';
import { fileIssue } from './import-result';
import { describePosition, positionInBytes } from './text-position';

export type DecodedText = { ok: true; text: string } | { ok: false; issue: ValidationIssue };

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

export function decodeUtf8Text(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const order = bytes[0] === 0xff ? 'little-endian' : 'big-endian';
    return { ok: false, issue: fileIssue(`the file is UTF-16 (${order}); save it as UTF-8 and import it again`) };
  }
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const offset = Math.max(0, firstInvalidUtf8Offset(body));
    const byte = body[offset] ?? 0;
    return {
      ok: false,
      issue: {
        location: describePosition(positionInBytes(body, offset)),
        message: `the file is not valid UTF-8 (byte ${hex(byte)} cannot start or continue a character here); save it as UTF-8 and import it again`,
      },
    };
  }
  return { ok: true, text };
}
