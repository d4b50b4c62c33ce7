// Where a byte of a streamed file is, in the terms an analyst can find it (line and column), kept
// chunk by chunk so that the chunks already read need not be held.
import { formatCount } from '../data/limits';
import { describePosition } from '../import/text-position';

export const describeByte = (offset: number) => `byte ${formatCount(offset + 1)}`;

/**
 * Line and column where the current chunk starts, so that an error inside it can be placed without
 * keeping the chunks before it. Counts as src/import/text-position.ts does: lines break at LF,
 * CRLF or a lone CR, and a column is one character (UTF-8 lead byte).
 */
export class StreamPosition {
  /** Byte offset of the current chunk in the stream. */
  start = 0;
  private line = 1;
  private column = 1;
  private afterCarriageReturn = false;

  /** Where `offset` (in the stream) is; by byte if it lies in an earlier chunk. */
  describe(chunk: Uint8Array, offset: number): string {
    if (offset < this.start || offset > this.start + chunk.length) return describeByte(offset);
    let { line, column, afterCarriageReturn } = this;
    for (let index = 0; index < offset - this.start; index += 1) {
      const byte = chunk[index]!;
      if (byte === 0x0a || byte === 0x0d) {
        if (!(byte === 0x0a && afterCarriageReturn)) line += 1; // CRLF is one line break
        column = 1;
        afterCarriageReturn = byte === 0x0d;
      } else {
        afterCarriageReturn = false;
        if ((byte & 0xc0) !== 0x80) column += 1; // count lead bytes only: one per character
      }
    }
    return describePosition({ line, column });
  }

  /**
   * Moves to the end of `chunk`, which becomes an earlier chunk. Runs on every chunk, so it finds
   * line breaks with the native indexOf and counts characters only after the last one: a byte-by-byte
   * walk as in describe() made reading a million events a third slower.
   */
  advance(chunk: Uint8Array): void {
    for (let index = chunk.indexOf(0x0d); index !== -1; index = chunk.indexOf(0x0d, index + 1)) this.line += 1;
    for (let index = chunk.indexOf(0x0a); index !== -1; index = chunk.indexOf(0x0a, index + 1)) {
      const previous = index > 0 ? chunk[index - 1] === 0x0d : this.afterCarriageReturn;
      if (!previous) this.line += 1; // the LF of a CRLF was counted with its CR
    }
    const lastBreak = Math.max(chunk.lastIndexOf(0x0a), chunk.lastIndexOf(0x0d));
    if (lastBreak !== -1) this.column = 1;
    for (let index = lastBreak + 1; index < chunk.length; index += 1) {
      if ((chunk[index]! & 0xc0) !== 0x80) this.column += 1;
    }
    if (chunk.length > 0) this.afterCarriageReturn = chunk[chunk.length - 1] === 0x0d;
    this.start += chunk.length;
  }

  describeEnd(): string {
    return describePosition({ line: this.line, column: this.column });
  }
}
