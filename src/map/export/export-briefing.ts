// One briefing image of the current state: model → hidden map at the export's size → composed
// PNG with its description embedded. Also exposed as window.tripwireExport for `npm run brief`.
import { dayToIso } from '../../data/dates';
import type { TripwireStore } from '../../data/store';
import { insetViewOf, isFarFrom } from '../../data/scenario/scenario-text';
import { currentViewHash } from '../../data/url-sync';
import type { Camera } from '../../data/url-state';
import { buildBriefing, type BriefingModel, type DrawnInImage } from './briefing-model';
import { composeBriefing, layoutBands } from './compose';
import { addPngText } from './png-text';
import { renderMapImage, type Frame } from './render-map-image';
import { briefingFileName, exportSize, type ExportSizeId } from './sizes';

export interface ExportOptions {
  /** A named size, or any width × height in CSS pixels (the CLI's --size). */
  size: ExportSizeId | { width: number; height: number };
  pixelRatio: number;
  title: string;
  handling: string;
  /** What the map shows; default: what the live map shows now. */
  frame?: Frame;
  /** Include the scenario's inset (its `insetView`); default: when the frame is far from that view. */
  inset?: boolean;
  /** What the permalink starts with; default: this page's address. The CLI passes "" (a bare #hash). */
  permalinkBase?: string;
}

export interface ExportResult {
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

function liveFrame(): Frame {
  const map = window.tripwireMap;
  if (!map) throw new Error('the map is not ready yet');
  const bounds = map.getBounds();
  return { bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()] };
}

const frameCentre = (frame: Frame) => ('camera' in frame ? frame.camera.center : [(frame.bounds[0] + frame.bounds[2]) / 2, (frame.bounds[1] + frame.bounds[3]) / 2]);

export async function exportBriefing(store: TripwireStore, options: ExportOptions): Promise<ExportResult> {
  const size = exportSize(options.size, { width: window.innerWidth, height: window.innerHeight });
  const pixelRatio = size.fixedPixelRatio ?? options.pixelRatio;
  const bands = layoutBands({ model: briefingModelNow(store, options), width: size.width, height: size.height });
  const frame = options.frame ?? liveFrame();
  // The map is drawn at a smaller CSS size and a higher pixel ratio, so that its labels and
  // symbols grow with the page (a 1920-wide slide is read from across a room, not at arm's length).
  const mapScale = pixelRatio * bands.unit;
  const mapImage = await renderMapImage(store, {
    width: Math.round(size.width / bands.unit),
    height: Math.round(bands.mapHeight / bands.unit),
    pixelRatio: mapScale,
    frame,
  });
  // On the page, one map pixel is `unit` page pixels: the scale bar must measure page pixels.
  mapImage.zoom += Math.log2(bands.unit);
  const insetView = insetViewOf(store.getState().scenario);
  const wantsInset = insetView !== null && (options.inset ?? isFarFrom(insetView, frameCentre(frame)));
  const inset = insetView && wantsInset ? await renderMapImage(store, { width: 260, height: 190, pixelRatio: mapScale, frame: { bounds: insetView.bounds, padding: 4 } }) : null;
  const drawn = {
    layerIds: new Set([...mapImage.drawn.layerIds, ...(inset?.drawn.layerIds ?? [])]),
    eventIds: new Set([...mapImage.drawn.eventIds, ...(inset?.drawn.eventIds ?? [])]),
  };
  // The permalink reopens what the image shows: the export map's own camera, not the live one.
  const model = briefingModelNow(store, options, mapImage.camera, drawn);
  const canvas = composeBriefing({ model, width: size.width, height: size.height, pixelRatio }, mapImage, inset && insetView ? { canvas: inset.canvas, title: insetView.title } : null);
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((result) => (result ? resolve(result) : reject(new Error('the browser could not encode the PNG'))), 'image/png'));
  const png = addPngText(new Uint8Array(await blob.arrayBuffer()), { Title: model.title, Description: model.altText, Source: 'Tripwire' });
  const state = store.getState();
  const selected = state.events.find((event) => event.id === state.selectedEventId);
  return {
    png,
    width: canvas.width,
    height: canvas.height,
    fileName: briefingFileName(selected?.date ?? dayToIso(Math.floor(state.time)), state.selectedEventId),
    altText: model.altText,
    model,
  };
}
