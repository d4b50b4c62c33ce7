// One briefing image of the current state: model → hidden map at the export's size → composed
// PNG with its description embedded. Also exposed as window.tripwireExport for `npm run brief`.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { dayToIso } from '../../data/dates';
import type { TripwireStore } from '../../data/store';
import { snapshotOf } from '../../data/store-snapshot';
import { insetViewOf, isFarFrom } from '../../data/scenario-text';
import { currentViewHash } from '../../data/url-sync';
import type { Camera } from '../../data/url-state';
import { buildBriefing, type BriefingModel, type DrawnInImage } from '../../briefing/briefing-model';
import { composeBriefing, layoutBands } from '../../briefing/compose';
import { INSET_MAP_SIZE, insetBox, legendBox, northArrowBox, scaleBarBox, type LegendSide, type Rect } from '../../briefing/overlay-boxes';
import { clearPadding, subjectScale } from '../../briefing/framing';
import { font } from '../../briefing/canvas-text';
import type { Bounds } from '../../data/slices/view';
import { addPngText } from '../../briefing/png-text';
import { encodePng } from '../../briefing/encode-png';
import { renderMapImage, type ExportMapPool, type Frame } from './render-map-image';
import { shownBounds } from '../map-context';
import { briefingFileName, exportSize, type ExportSizeId } from '../../briefing/sizes';

export interface ExportOptions {
  /** A named size, or any width × height in CSS pixels (the CLI's --size). */
  size: ExportSizeId | { width: number; height: number };
  pixelRatio: number;
  title: string;
  handling: string;
  /** What the map shows; default: what the live map shows now (or the subject's frame). */
  frame?: Frame;
  /**
   * The slide's subject (an event's bounding box, [west, south, east, north]): the map is framed on
   * it, clear of the legend, scale bar, north arrow and inset, and the inset is shown only when it
   * adds a theater the subject does not reach.
   */
  subject?: Bounds;
  /** Include the scenario's inset (its `insetView`); default: when the frame is far from that view. */
  inset?: boolean;
  /**
   * Only the framed map with its legend, scale bar, north arrow and inset, filling the whole size:
   * no header, caption or footer text (a slide deck sets those as editable text of its own).
   */
  mapOnly?: boolean;
  /** Words and symbols this much larger (a map shown across part of a slide); default 1. */
  textScale?: number;
  /** What the permalink starts with; default: this page's address. The CLI passes "" (a bare #hash). */
  permalinkBase?: string;
}

/** An overlay's box with what it is ("legend", "inset" …), so a check can say what covers a subject. */
export type NamedRect = Rect & { name: string };

export interface ExportResult {
  /** Where the map and what is drawn over it sit (page pixels), and the export map's camera: tests check that a subject lands clear. */
  layout: { mapTop: number; unit: number; mapSize: { width: number; height: number }; camera: Camera; overlays: NamedRect[] };
  png: Uint8Array;
  width: number;
  height: number;
  fileName: string;
  altText: string;
  model: BriefingModel;
}

export function briefingModelNow(
  store: TripwireStore,
  options: Pick<ExportOptions, 'title' | 'handling' | 'permalinkBase'>,
  camera: Camera | null = store.getState().camera,
  drawn?: DrawnInImage,
): BriefingModel {
  const state = store.getState();
  const base = options.permalinkBase ?? `${window.location.origin}${window.location.pathname}`;
  // An image is never untitled: without a title of its own it carries the scenario's.
  const title = options.title.trim() || (state.scenario?.title ?? '');
  return buildBriefing(state, { ...options, title, permalink: `${base}#${currentViewHash({ ...state, camera })}` }, drawn);
}

function liveFrame(map: MapLibreMap | null | undefined): Frame {
  if (!map) throw new Error('the map is not ready yet');
  return { bounds: shownBounds(map) };
}

const overlaps = (a: Bounds, b: Bounds) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

/** Web Mercator y (0 at the equator) of a latitude, for the subject's shape on screen. */
const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** Room around the subject (map pixels): a route end's place name and the event's own label (up to ~16 ems wide) must fit beside it. */
const SUBJECT_MARGIN = 110;

/** What the image draws over the map, in page pixels (the legend as `model` lists it). */
function overlayBoxes(model: BriefingModel, bands: ReturnType<typeof layoutBands>, width: number, withInset: boolean, legendSide: LegendSide): NamedRect[] {
  const context = document.createElement('canvas').getContext('2d')!;
  context.font = font(13 * bands.unit);
  const boxes = {
    legend: legendBox(model, bands, (text) => context.measureText(text).width, width, legendSide),
    'scale bar': scaleBarBox(bands),
    'north arrow': northArrowBox(bands, width, legendSide),
    inset: withInset ? insetBox(bands, width) : null,
  };
  return Object.entries(boxes).flatMap(([name, box]) => (box ? [{ ...box, name }] : []));
}

/**
 * A frame on the subject that keeps it clear of what the image draws over the map, with the
 * legend in whichever top corner leaves the subject more room (a route running off to the
 * north-west gets the legend on the right).
 */
function subjectFrame(subject: Bounds, { model, bands, width, withInset }: { model: BriefingModel; bands: ReturnType<typeof layoutBands>; width: number; withInset: boolean }): { frame: Frame; legendSide: LegendSide } {
  const [west, south, east, north] = subject;
  const dx = ((east - west) * Math.PI) / 180;
  const dy = Math.abs(mercatorY(north) - mercatorY(south));
  const aspect = dx === 0 && dy === 0 ? 1 : dy === 0 ? Infinity : dx / dy;
  const size = { width: width / bands.unit, height: bands.mapHeight / bands.unit };
  const choices = (['left', 'right'] as const).map((legendSide) => {
    const overlays = overlayBoxes(model, bands, width, withInset, legendSide)
      // Page pixels → the export map's own pixels (it is drawn `unit` times smaller, below the header).
      .map((box) => ({ x: box.x / bands.unit, y: (box.y - bands.mapTop) / bands.unit, width: box.width / bands.unit, height: box.height / bands.unit }));
    const padding = clearPadding(size, overlays, SUBJECT_MARGIN, aspect);
    return { legendSide, padding, scale: padding ? subjectScale(size, padding, aspect) : 0 };
  });
  // The usual corner unless the other is clearly better: a legend that hops about for a few pixels reads as a mistake.
  const [left, right] = choices as [(typeof choices)[0], (typeof choices)[0]];
  const best = right.scale > left.scale * 1.1 ? right : left;
  return { frame: { bounds: subject, padding: best.padding ?? SUBJECT_MARGIN, maxZoom: 5.5 }, legendSide: best.legendSide };
}

const frameCentre = (frame: Frame) => ('camera' in frame ? frame.camera.center : [(frame.bounds[0] + frame.bounds[2]) / 2, (frame.bounds[1] + frame.bounds[3]) / 2]);

/** A drawn briefing whose PNG is still being encoded (in a worker): a pack draws the next slide meanwhile. */
export type DrawnBriefing = Omit<ExportResult, 'png'> & { png: Promise<Uint8Array> };

/** `liveMap`: the page's main map, whose view is the image's when `options` gives no frame or subject. */
export async function exportBriefing(store: TripwireStore, options: ExportOptions, liveMap: MapLibreMap | null): Promise<ExportResult> {
  // Drawn from the state as it is now, whatever the page does while the image is made.
  const drawn = await drawBriefing(snapshotOf(store), options, { liveMap });
  return { ...drawn, png: await drawn.png };
}

/**
 * `pool`: keep the hidden maps for the next image (a pack's slides); without it they are made and
 * removed. `liveMap`: the page's main map, needed only when `options` gives no frame or subject.
 */
export async function drawBriefing(
  store: TripwireStore,
  options: ExportOptions,
  { pool, liveMap }: { pool?: ExportMapPool; liveMap?: MapLibreMap | null } = {},
): Promise<DrawnBriefing> {
  const size = exportSize(options.size, { width: window.innerWidth, height: window.innerHeight });
  const pixelRatio = size.fixedPixelRatio ?? options.pixelRatio;
  const bands = layoutBands({ model: briefingModelNow(store, options), width: size.width, height: size.height, mapOnly: options.mapOnly ?? false, textScale: options.textScale });
  const insetView = insetViewOf(store.getState().scenario);
  const subjectShowsInset = insetView !== null && options.subject !== undefined && overlaps(options.subject, insetView.bounds);
  const framed = options.subject && !options.frame ? subjectFrame(options.subject, { model: briefingModelNow(store, options), bands, width: size.width, withInset: insetView !== null && !subjectShowsInset }) : null;
  const frame = options.frame ?? framed?.frame ?? liveFrame(liveMap);
  const legendSide = framed?.legendSide ?? 'left';
  // The map is drawn at a smaller CSS size and a higher pixel ratio, so that its labels and
  // symbols grow with the page (a 1920-wide slide is read from across a room, not at arm's length).
  const mapScale = pixelRatio * bands.unit;
  const mapImage = await renderMapImage(store, {
    width: Math.round(size.width / bands.unit),
    height: Math.round(bands.mapHeight / bands.unit),
    pixelRatio: mapScale,
    frame,
  }, pool);
  // On the page, one map pixel is `unit` page pixels: the scale bar must measure page pixels.
  mapImage.zoom += Math.log2(bands.unit);
  const wantsInset = insetView !== null && !subjectShowsInset && (options.inset ?? isFarFrom(insetView, frameCentre(frame)));
  const inset = insetView && wantsInset ? await renderMapImage(store, { ...INSET_MAP_SIZE, pixelRatio: mapScale, frame: { bounds: insetView.bounds, padding: 4 } }, pool) : null;
  const drawn = {
    layerIds: new Set([...mapImage.drawn.layerIds, ...(inset?.drawn.layerIds ?? [])]),
    eventIds: new Set([...mapImage.drawn.eventIds, ...(inset?.drawn.eventIds ?? [])]),
  };
  // The permalink reopens what the image shows: the export map's own camera, not the live one.
  const model = briefingModelNow(store, options, mapImage.camera, drawn);
  const canvas = composeBriefing({ model, width: size.width, height: size.height, pixelRatio, mapOnly: options.mapOnly ?? false, textScale: options.textScale, legendSide }, mapImage, inset && insetView ? { canvas: inset.canvas, title: insetView.title } : null);
  const png = encodePng(canvas).then((bytes) => addPngText(bytes, { Title: model.title, Description: model.altText, Source: 'Tripwire' }));
  const state = store.getState();
  const selected = state.events.find((event) => event.id === state.selectedEventId);
  return {
    layout: { mapTop: bands.mapTop, unit: bands.unit, mapSize: { width: size.width / bands.unit, height: bands.mapHeight / bands.unit }, camera: mapImage.camera, overlays: overlayBoxes(model, bands, size.width, inset !== null, legendSide) },
    png,
    width: canvas.width,
    height: canvas.height,
    fileName: briefingFileName(selected?.date ?? dayToIso(Math.floor(state.time)), state.selectedEventId),
    altText: model.altText,
    model,
  };
}
