// Text on a 2D canvas: wrapping by measured width, because a briefing's quote must not be clipped.

export const FONT_STACK = "'Noto Sans', 'Liberation Sans', 'DejaVu Sans', sans-serif";

export const font = (size: number, weight: 'normal' | 'bold' = 'normal', style: 'normal' | 'italic' = 'normal') =>
  `${style} ${weight} ${size}px ${FONT_STACK}`;

/** Splits text into lines no wider than maxWidth; past maxLines the last line ends with "…". */
export function wrapText(context: CanvasRenderingContext2D, text: string, maxWidth: number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (context.measureText(candidate).width <= maxWidth || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && context.measureText(`${last} …`).width > maxWidth) last = last.replace(/\s*\S+$/, '');
  kept[maxLines - 1] = `${last} …`;
  return kept;
}
