// What any map of the page needs before it can draw the basemap: the pmtiles:// protocol (the
// embedded basemap, and a deployment's or a user's own archive, are PMTiles read in HTTP ranges or
// from a file on disk) and the town and capital dots (and the events' invisible keep-out square),
// drawn here because the style has no sprite (nothing may be fetched from another origin).
import { addProtocol, Map as MapLibreMap, type MapOptions } from 'maplibre-gl';
import { PMTiles, Protocol } from 'pmtiles';
import { palette } from '../layers/palette';
import { KEEP_OUT_IMAGE } from '../layers/events';

const protocol = new Protocol();
let registered = false;

/** Once per page, before the first map is made. */
export function registerBasemapProtocol(): void {
  if (registered) return;
  addProtocol('pmtiles', protocol.tile);
  registered = true;
}

/** Makes an archive the page holds (a user's file) answer pmtiles://<its key>/… URLs. */
export function addArchive(archive: PMTiles): void {
  registerBasemapProtocol();
  protocol.add(archive);
}

const PIXEL_RATIO = 2;

function dot(radius: number, ring: number): { width: number; height: number; data: Uint8ClampedArray } {
  const size = Math.ceil((radius + ring) * 2 * PIXEL_RATIO) + 2;
  const canvas = new OffscreenCanvas(size, size);
  const context = canvas.getContext('2d')!;
  context.beginPath();
  context.arc(size / 2, size / 2, (radius + ring / 2) * PIXEL_RATIO, 0, Math.PI * 2);
  context.fillStyle = palette.cityLabel;
  context.fill();
  context.lineWidth = ring * PIXEL_RATIO;
  context.strokeStyle = '#ffffff';
  context.stroke();
  return { width: size, height: size, data: context.getImageData(0, 0, size, size).data };
}

/** A clear square the size of an event's dot and its halo: the keep-out layer's icon (layers/events.ts). */
function clear(side: number): ReturnType<typeof dot> {
  const size = side * PIXEL_RATIO;
  return { width: size, height: size, data: new Uint8ClampedArray(size * size * 4) };
}

const IMAGES: Record<string, () => ReturnType<typeof dot>> = {
  'basemap-town': () => dot(2.2, 1),
  'basemap-capital': () => dot(3, 1.5),
  [KEEP_OUT_IMAGE]: () => clear(10),
};

/** Supplies the dots the first time the style asks for them. */
function provideBasemapImages(map: MapLibreMap): void {
  map.setMissingStyleImageResolver((id) => {
    const draw = IMAGES[id];
    if (draw && !map.hasImage(id)) map.addImage(id, draw(), { pixelRatio: PIXEL_RATIO });
  });
}

/** Every map of the page is made here: the protocol is registered first, and the dots supplied. */
export function createMap(options: MapOptions): MapLibreMap {
  registerBasemapProtocol();
  const map = new MapLibreMap(options);
  provideBasemapImages(map);
  return map;
}
