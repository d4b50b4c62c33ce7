// Text in a box on a PDF page. PDF has no text boxes: every line is placed by hand, so wrapping,
// shrinking to fit and truncating happen here, measured with the embedded font itself (the same
// advance widths the viewer uses), as PowerPoint's "shrink text on overflow" does for the .pptx.
import type { Color, PDFFont } from 'pdf-lib';

/** A rectangle in PDF points, measured from the page's bottom-left corner (PDF's own axes). */
export interface PdfBox {
  left: number;
  bottom: number;
  width: number;
  height: number;
}

/** One paragraph: its text, font, size at full scale, colour, and space after it (points). */
export interface Paragraph {
  text: string;
  font: PDFFont;
  size: number;
  color: Color;
  spaceAfter?: number;
  /** A bullet before the first line; every line of the paragraph hangs indented after it. */
  bullet?: boolean;
}

export interface PlacedLine {
  text: string;
  font: PDFFont;
  size: number;
  color: Color;
  x: number;
  /** The baseline, from the page's bottom. */
  y: number;
}

// Line pitch and where the baseline sits in it, as shares of the font size. Noto Sans KR's own
// ascent/descent (1.16/0.29 em) would space lines far apart; its tallest capitals (bold Å) reach
// 1.01 em and its descenders (|, g) 0.28 em, so this pitch keeps every glyph inside its line.
const LINE_PITCH = 1.3;
const ABOVE_BASELINE = 1.02;
const BULLET = '•  ';
const ELLIPSIS = '…';

/** How many leading characters of `chars` fit in `width` (at least one, so a line always advances). */
function fittingPrefix(chars: string[], font: PDFFont, size: number, width: number): number {
  let count = 1;
  while (count < chars.length && font.widthOfTextAtSize(chars.slice(0, count + 1).join(''), size) <= width) count += 1;
  return count;
}

/**
 * Greedy wrapping at spaces. A word wider than the line (a long URL, a run of Japanese without
 * spaces) is broken between characters rather than drawn past the box's edge.
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let chars = Array.from(word); // code points, so a character outside the BMP is never split
      while (font.widthOfTextAtSize(chars.join(''), size) > width && chars.length > 1) {
        const count = fittingPrefix(chars, font, size, width);
        lines.push(chars.slice(0, count).join(''));
        chars = chars.slice(count);
      }
      line = chars.join('');
    }
    lines.push(line);
  }
  return lines;
}

interface LaidLine extends Omit<PlacedLine, 'x' | 'y'> {
  indent: number;
  bullet: boolean;
  /** From the block's top to this line's top. */
  top: number;
}

function layOut(paragraphs: Paragraph[], width: number, scale: number): { lines: LaidLine[]; height: number } {
  const lines: LaidLine[] = [];
  let top = 0;
  paragraphs.forEach((paragraph, index) => {
    const size = paragraph.size * scale;
    const indent = paragraph.bullet ? paragraph.font.widthOfTextAtSize(BULLET, size) : 0;
    wrapText(paragraph.text, paragraph.font, size, width - indent).forEach((text, lineIndex) => {
      lines.push({ text, font: paragraph.font, size, color: paragraph.color, indent, bullet: Boolean(paragraph.bullet) && lineIndex === 0, top });
      top += size * LINE_PITCH;
    });
    if (index < paragraphs.length - 1) top += (paragraph.spaceAfter ?? 0) * scale;
  });
  return { lines, height: top };
}

/** Drops the lines that would fall below the box and ends the last one kept with an ellipsis. */
function truncate(lines: LaidLine[], width: number, height: number): LaidLine[] {
  const kept = lines.filter((line) => line.top + line.size * LINE_PITCH <= height);
  const last = kept[kept.length - 1];
  if (!last || kept.length === lines.length) return kept;
  let chars = Array.from(last.text);
  while (chars.length > 0 && last.font.widthOfTextAtSize(`${chars.join('')}${ELLIPSIS}`, last.size) > width - last.indent) chars = chars.slice(0, -1);
  return [...kept.slice(0, -1), { ...last, text: `${chars.join('').trimEnd()}${ELLIPSIS}` }];
}

export interface FitOptions {
  /** The smallest share of the paragraphs' sizes to shrink to before truncating. */
  minScale?: number;
  align?: 'top' | 'middle' | 'bottom';
  /** Centre each line across the box (the handling banner); default flush left. */
  center?: boolean;
}

const SHRINK_STEPS = 10;

/**
 * Lines placed inside `box`: at full size if they fit, else shrunk step by step down to
 * `minScale`; if even that overflows, cut at the box's bottom with an ellipsis. Nothing is ever
 * placed outside the box.
 */
export function fitParagraphs(paragraphs: Paragraph[], box: PdfBox, { minScale = 0.5, align = 'top', center = false }: FitOptions = {}): PlacedLine[] {
  const present = paragraphs.filter((paragraph) => paragraph.text.trim() !== '');
  let laid = layOut(present, box.width, 1);
  for (let step = 1; step <= SHRINK_STEPS && laid.height > box.height; step += 1) {
    laid = layOut(present, box.width, 1 - ((1 - minScale) * step) / SHRINK_STEPS);
  }
  const lines = laid.height > box.height ? truncate(laid.lines, box.width, box.height) : laid.lines;
  const height = Math.min(laid.height, box.height);
  const offset = align === 'top' ? 0 : align === 'middle' ? (box.height - height) / 2 : box.height - height;
  const boxTop = box.bottom + box.height;
  return lines.flatMap((line) => {
    const y = boxTop - offset - line.top - line.size * ABOVE_BASELINE;
    const left = center ? box.left + (box.width - line.font.widthOfTextAtSize(line.text, line.size)) / 2 : box.left + line.indent;
    const text = { text: line.text, font: line.font, size: line.size, color: line.color, x: left, y };
    return line.bullet ? [{ ...text, text: BULLET.trim(), x: box.left }, text] : [text];
  });
}
