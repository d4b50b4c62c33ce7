// Where a slide's subject (an event's point, or every vertex of its route) landed on the finished
// image, worked out from the export map's camera: the check that no legend, inset, scale bar or
// north arrow covers it. The CLI and the pack benchmark report it for every slide of a pack.
import type { ExportResult } from './export-briefing';

/** Web Mercator in MapLibre's 512-pixel tiles: a longitude / latitude → world pixels at `zoom`. */
const worldX = (lon: number, world: number) => ((lon + 180) / 360) * world;
const worldY = (lat: number, world: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * world;

/** A position's place on the image, in page pixels (a north-up map, as every export is). */
export function onPage([lon, lat]: readonly [number, number], { camera, mapSize, unit, mapTop }: ExportResult['layout']): [number, number] {
  const world = 512 * 2 ** camera.zoom;
  const x = mapSize.width / 2 + worldX(lon, world) - worldX(camera.center[0], world);
  const y = mapSize.height / 2 + worldY(lat, world) - worldY(camera.center[1], world);
  return [x * unit, mapTop + y * unit];
}

/** Every vertex that is off the map or under an overlay, said in words; empty when the subject is clear. */
export function subjectProblems(vertices: readonly (readonly [number, number])[], layout: ExportResult['layout']): string[] {
  const problems: string[] = [];
  for (const vertex of vertices) {
    const [x, y] = onPage(vertex, layout);
    const where = `${vertex[0]}, ${vertex[1]}`;
    if (x < 0 || x > layout.mapSize.width * layout.unit || y < layout.mapTop || y > layout.mapTop + layout.mapSize.height * layout.unit) {
      problems.push(`${where} is outside the map`);
      continue;
    }
    const cover = layout.overlays.find((box) => x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height);
    if (cover) problems.push(`${where} is under the ${cover.name}`);
  }
  return problems;
}
