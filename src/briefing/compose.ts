// Paints a briefing image: banner, header (title + as-of stamp), the map with legend, scale bar,
// north arrow and inset, a caption band from the selected event, and a source footer.
// All layout is in CSS pixels; the context is scaled by the pixel ratio once.
import type { LegendSwatch } from '../layers/types';
import type { BriefingModel } from './briefing-model';
import { font, wrapText } from './canvas-text';
import type { MapImage } from '../map/export/render-map-image';
import { scaleBar } from './scale-bar';
import { insetBox, legendBox, northArrowBox, type LegendSide } from './overlay-boxes';
import { BRIEFING_COLOURS } from './briefing-colours';

const { ink: INK, muted: MUTED, banner: BANNER, warning: WARNING } = BRIEFING_COLOURS;
const RULE = '#d9d5cc';
const PAPER = '#ffffff';

export interface ComposeInput {
  model: BriefingModel;
  width: number;
  height: number;
  pixelRatio: number;
  /**
   * Just the map with what sits on it (legend, scale bar, north arrow, inset): no banner, header,
   * caption or footer. For slides, where that text is the slide's own editable text instead.
   */
  mapOnly?: boolean;
  /**
   * Scales every word and symbol drawn on the image. A map shown across only part of a slide
   * needs its text larger than the image's own size suggests, to read as large as the slide's.
   */
  textScale?: number;
  /** Which top corner the legend takes; the north arrow takes the other. */
  legendSide?: LegendSide;
}

/** Heights of the bands around the map, so the map can be rendered at exactly the right size. */
export function layoutBands({ model, width, height, mapOnly = false, textScale = 1 }: Omit<ComposeInput, 'pixelRatio'>) {
  const unit = Math.max(0.75, Math.min(width / 1920, height / 1080) * 1.25) * textScale;
  const banner = model.handling && !mapOnly ? Math.round(26 * unit) : 0;
  const header = mapOnly ? 0 : Math.round(74 * unit);
  const caption = model.caption && !mapOnly ? Math.round(132 * unit) : 0;
  const footer = mapOnly ? 0 : Math.round(80 * unit);
  const mapTop = banner + header;
  const mapHeight = height - mapTop - caption - footer - banner;
  return { unit, banner, header, caption, footer, mapTop, mapHeight, margin: Math.round(24 * unit) };
}

function drawSwatch(context: CanvasRenderingContext2D, swatch: LegendSwatch, x: number, y: number, size: number) {
  context.save();
  context.fillStyle = swatch.color;
  context.strokeStyle = swatch.outline ?? swatch.color;
  context.lineWidth = Math.max(1.5, size / 8);
  if (swatch.shape === 'point') {
    context.beginPath();
    context.arc(x + size / 2, y + size / 2, size / 2.6, 0, Math.PI * 2);
    context.fill();
    context.strokeStyle = swatch.outline === '#ffffff' ? '#666666' : (swatch.outline ?? '#666666');
    context.stroke();
  } else if (swatch.shape === 'line' || swatch.shape === 'dashed-line') {
    context.setLineDash(swatch.shape === 'dashed-line' ? [size / 4, size / 6] : []);
    context.lineWidth = Math.max(2, size / 6);
    context.beginPath();
    context.moveTo(x, y + size / 2);
    context.lineTo(x + size * 1.4, y + size / 2);
    context.stroke();
  } else {
    context.globalAlpha = swatch.shape === 'hatch' ? 0.45 : 0.18;
    context.fillRect(x, y + size * 0.15, size * 1.4, size * 0.7);
    context.globalAlpha = 1;
    if (swatch.shape === 'hatch') context.setLineDash([size / 5, size / 8]);
    context.strokeRect(x, y + size * 0.15, size * 1.4, size * 0.7);
  }
  context.restore();
}

function drawLegend(context: CanvasRenderingContext2D, model: BriefingModel, bands: ReturnType<typeof layoutBands>, pageWidth: number, side: LegendSide) {
  const { unit } = bands;
  context.font = font(13 * unit);
  const box = legendBox(model, bands, (text) => context.measureText(text).width, pageWidth, side);
  if (!box) return;
  const { x, y, width, height } = box;
  const size = 13 * unit;
  const row = 20 * unit;
  context.fillStyle = 'rgba(255,255,255,0.93)';
  context.strokeStyle = RULE;
  context.lineWidth = 1;
  context.fillRect(x, y, width, height);
  context.strokeRect(x, y, width, height);
  context.fillStyle = MUTED;
  context.font = font(11 * unit, 'bold');
  context.fillText('LEGEND', x + 10 * unit, y + 18 * unit);
  context.font = font(13 * unit);
  model.legend.forEach((entry, index) => {
    const top = y + 26 * unit + index * row;
    drawSwatch(context, entry.swatch, x + 10 * unit, top + (row - size) / 2, size);
    context.fillStyle = INK;
    context.fillText(entry.label, x + 10 * unit + size * 1.9, top + row * 0.7);
  });
}

function drawScaleBar(context: CanvasRenderingContext2D, image: MapImage, x: number, y: number, unit: number) {
  const bar = scaleBar(image.zoom, image.latitude, 160 * unit);
  context.fillStyle = 'rgba(255,255,255,0.9)';
  context.fillRect(x - 6 * unit, y - 22 * unit, bar.width + 12 * unit, 32 * unit);
  context.strokeStyle = INK;
  context.lineWidth = 2 * unit;
  context.beginPath();
  context.moveTo(x, y - 6 * unit);
  context.lineTo(x, y);
  context.lineTo(x + bar.width, y);
  context.lineTo(x + bar.width, y - 6 * unit);
  context.stroke();
  context.fillStyle = INK;
  context.font = font(12 * unit);
  context.fillText(bar.label, x, y - 9 * unit);
}

function drawNorthArrow(context: CanvasRenderingContext2D, bearing: number, x: number, y: number, unit: number) {
  context.save();
  context.translate(x, y);
  context.fillStyle = 'rgba(255,255,255,0.9)';
  context.beginPath();
  context.arc(0, 0, 20 * unit, 0, Math.PI * 2);
  context.fill();
  context.rotate((-bearing * Math.PI) / 180);
  context.fillStyle = INK;
  context.beginPath();
  context.moveTo(0, -15 * unit);
  context.lineTo(7 * unit, 8 * unit);
  context.lineTo(0, 3 * unit);
  context.lineTo(-7 * unit, 8 * unit);
  context.closePath();
  context.fill();
  context.font = font(10 * unit, 'bold');
  context.textAlign = 'center';
  context.fillText('N', 0, 17 * unit);
  context.restore();
}

function drawBanner(context: CanvasRenderingContext2D, text: string, y: number, width: number, height: number) {
  context.fillStyle = BANNER;
  context.fillRect(0, y, width, height);
  context.fillStyle = '#ffffff';
  context.font = font(height * 0.55, 'bold');
  context.textAlign = 'center';
  context.fillText(text, width / 2, y + height * 0.7);
  context.textAlign = 'left';
}

function drawHeader(context: CanvasRenderingContext2D, model: BriefingModel, width: number, bands: ReturnType<typeof layoutBands>) {
  const { unit, margin } = bands;
  context.fillStyle = INK;
  context.font = font(28 * unit, 'bold');
  context.fillText(wrapText(context, model.title, width - 2 * margin - 150 * unit, 1)[0] ?? '', margin, bands.banner + 36 * unit);
  context.fillStyle = MUTED;
  context.font = font(17 * unit);
  context.fillText(model.stamp, margin, bands.banner + 62 * unit);
  context.font = font(13 * unit, 'bold');
  context.fillStyle = '#2a6f97';
  context.textAlign = 'right';
  context.fillText('TRIPWIRE', width - margin, bands.banner + 36 * unit);
  context.textAlign = 'left';
}

function drawMapArea(
  context: CanvasRenderingContext2D,
  model: BriefingModel,
  bands: ReturnType<typeof layoutBands>,
  width: number,
  map: MapImage,
  inset: HTMLCanvasElement | null,
  insetTitle: string,
  legendSide: LegendSide,
) {
  const { unit, margin } = bands;
  context.drawImage(map.canvas, 0, bands.mapTop, width, bands.mapHeight);
  context.strokeStyle = RULE;
  context.strokeRect(0, bands.mapTop, width, bands.mapHeight);
  drawLegend(context, model, bands, width, legendSide);
  drawScaleBar(context, map, margin, bands.mapTop + bands.mapHeight - margin * 0.8, unit);
  const arrow = northArrowBox(bands, width, legendSide);
  drawNorthArrow(context, map.bearing, arrow.x + arrow.width / 2, arrow.y + arrow.height / 2, unit);
  if (inset) {
    const { x, y, width: insetWidth, height: insetHeight } = insetBox(bands, width);
    context.drawImage(inset, x, y, insetWidth, insetHeight);
    context.lineWidth = 2;
    context.strokeStyle = '#5d5b56';
    context.strokeRect(x, y, insetWidth, insetHeight);
    context.fillStyle = 'rgba(255,255,255,0.9)';
    context.fillRect(x, y, insetWidth, 20 * unit);
    context.fillStyle = INK;
    context.font = font(12 * unit, 'bold');
    context.fillText(`Inset: ${insetTitle}`, x + 6 * unit, y + 14 * unit);
  }
}

export function composeBriefing(
  { model, width, height, pixelRatio, mapOnly = false, textScale = 1, legendSide = 'left' }: ComposeInput,
  map: MapImage,
  /** The inset's picture and its view's title ("Gulf of Finland"), when the image has one. */
  insetImage: { canvas: HTMLCanvasElement; title: string } | null,
): HTMLCanvasElement {
  const inset = insetImage?.canvas ?? null;
  const insetTitle = insetImage?.title ?? '';
  const bands = layoutBands({ model, width, height, mapOnly, textScale });
  const { unit, margin } = bands;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * pixelRatio);
  canvas.height = Math.round(height * pixelRatio);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.scale(pixelRatio, pixelRatio);
  context.fillStyle = PAPER;
  context.fillRect(0, 0, width, height);

  if (model.handling && !mapOnly) drawBanner(context, model.handling, 0, width, bands.banner);
  // Header: title and the timeline state the picture shows.
  if (!mapOnly) drawHeader(context, model, width, bands);

  // The map and what sits on it.
  drawMapArea(context, model, bands, width, map, inset, insetTitle, legendSide);
  if (mapOnly) return canvas;

  // Caption: the selected event in the article's words.
  let y = bands.mapTop + bands.mapHeight;
  if (model.caption) {
    const caption = model.caption;
    context.fillStyle = '#f5f8fa';
    context.fillRect(0, y, width, bands.caption);
    context.fillStyle = '#2a6f97';
    context.fillRect(0, y, 5 * unit, bands.caption);
    const textWidth = width - 2 * margin;
    context.fillStyle = INK;
    context.font = font(20 * unit, 'bold');
    context.fillText(caption.title, margin, y + 28 * unit);
    context.font = font(14 * unit);
    context.fillStyle = MUTED;
    context.fillText(caption.dateLine, margin, y + 48 * unit);
    context.font = font(15 * unit, 'normal', 'italic');
    context.fillStyle = INK;
    const quoteLines = wrapText(context, caption.quote, textWidth, caption.factCheck ? 2 : 3);
    quoteLines.forEach((line, index) => context.fillText(line, margin, y + (70 + index * 19) * unit));
    context.font = font(13 * unit);
    context.fillStyle = MUTED;
    const after = y + (70 + quoteLines.length * 19) * unit;
    context.fillText(`— ${caption.attribution}`, margin, after);
    if (caption.factCheck) {
      context.fillStyle = WARNING;
      context.fillText(wrapText(context, caption.factCheck, textWidth, 1)[0] ?? '', margin, after + 18 * unit);
    }
    y += bands.caption;
  }

  // Footer: sources and the link that reopens this exact view.
  context.fillStyle = MUTED;
  context.font = font(12 * unit);
  const sourceLines = wrapText(context, `Sources: ${model.sources.join(' · ')}`, width - 2 * margin, 3);
  sourceLines.forEach((line, index) => context.fillText(line, margin, y + (20 + index * 16) * unit));
  context.fillStyle = '#2a6f97';
  context.fillText(wrapText(context, `Permalink: ${model.permalink}`, width - 2 * margin, 1)[0] ?? '', margin, y + (20 + sourceLines.length * 16) * unit);
  if (model.handling) drawBanner(context, model.handling, height - bands.banner, width, bands.banner);
  return canvas;
}
