// Line and column of an offset, as an editor shows them: 1-based, columns counted in characters
// (code points), lines broken by LF, CRLF or a lone CR.

export interface TextPosition {
  line: number;
  column: number;
}

const isLineBreak = (code: number) => code === 0x0a || code === 0x0d;

/** Position of a UTF-16 offset in a decoded text. */
export function positionInText(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let index = 0; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (!isLineBreak(code)) continue;
    if (code === 0x0d && text.charCodeAt(index + 1) === 0x0a) index += 1;
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: Array.from(text.slice(lineStart, end)).length + 1 };
}

/** Position of a byte offset in UTF-8 bytes that are valid up to that offset. */
export function positionInBytes(bytes: Uint8Array, offset: number): TextPosition {
  let line = 1;
  let column = 1;
  for (let index = 0; index < offset; index += 1) {
    const byte = bytes[index]!;
    if (byte === 0x0d && bytes[index + 1] === 0x0a) continue; // the LF of the pair ends the line
    if (isLineBreak(byte)) {
      line += 1;
      column = 1;
    } else if ((byte & 0xc0) !== 0x80) {
      column += 1; // count lead bytes only: one per character
    }
  }
  return { line, column };
}

export const describePosition = ({ line, column }: TextPosition) => `line ${line}, column ${column}`;
