// Drawing and reshaping geography on the main map, with Terra Draw (its MapLibre adapter adds the
// drawing's own sources and layers on top of ours and takes the map's pointer while it runs).
// One drawing at a time: starting one ends the last. A drawn shape stays on the map, selected,
// so its corners can be dragged straight away: drawing and reshaping end in the same state.
// This module is only ever imported with import(): Terra Draw is not part of the first page load.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawLineStringMode, TerraDrawPointMode, TerraDrawPolygonMode, TerraDrawSelectMode, type HexColor, type TerraDrawExtend } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';

export type ShapeKind = 'polygon' | 'linestring' | 'point';
export type Shape = GeoJSON.Polygon | GeoJSON.LineString | GeoJSON.Point;

export interface DrawingOptions {
  /** Hears the shape once it is finished, then again after each drag of a corner (or of the point). */
  onShape: (shape: Shape) => void;
  /** The drawing ended by itself (the map was re-created, another drawing started), not by stopDrawing. */
  onEnd?: () => void;
  /** The colour of the layer the shape is for. */
  color?: string;
}

/**
 * Decimal places kept (6 ≈ 0.1 m): far finer than a hand-drawn corner, and Terra Draw refuses
 * shapes with more, so an existing shape is rounded to this before it is reshaped.
 */
const COORDINATE_PRECISION = 6;
const MODE_OF: Record<Shape['type'], ShapeKind> = { Polygon: 'polygon', LineString: 'linestring', Point: 'point' };
const WHITE: HexColor = '#ffffff';

interface Session {
  draw: TerraDraw;
  map: MapLibreMap;
  options: DrawingOptions;
  onMapRemoved: () => void;
}
let session: Session | null = null;

/** Draws a new shape: each click adds a corner; a click on the first or last corner (or Enter) finishes it. */
export function startDrawing(map: MapLibreMap, kind: ShapeKind, options: DrawingOptions): void {
  const draw = begin(map, options);
  draw.setMode(kind);
  draw.on('finish', (id, context) => {
    // Done: the shape is selected at once, so its corners can be dragged without another step.
    if (context.action === 'draw') setTimeout(() => draw.enabled && draw.selectFeature(id));
    report(draw, id, options);
  });
}

/** Reshapes an existing shape: corners (or the point) drag, midpoints add corners, a right-click removes one. */
export function startEditingShape(map: MapLibreMap, shape: Shape, options: DrawingOptions): void {
  const draw = begin(map, options);
  draw.setMode('select');
  const [added] = draw.addFeatures([{ type: 'Feature', id: draw.getFeatureId(), geometry: rounded(shape), properties: { mode: MODE_OF[shape.type] } }]);
  if (!added?.valid || added.id === undefined) {
    stopDrawing();
    throw new Error(`This shape cannot be reshaped on the map (${added?.reason ?? 'not accepted'}).`);
  }
  draw.selectFeature(added.id);
  draw.on('finish', (id) => report(draw, id, options));
}

/** Ends the drawing and takes its shape off the map; nothing is saved. */
export function stopDrawing(): void {
  const ending = session;
  if (!ending) return;
  session = null;
  ending.map.off('remove', ending.onMapRemoved);
  try {
    ending.draw.stop();
  } catch {
    // The map is already gone with its layers: nothing is left to take off it.
  }
}

function begin(map: MapLibreMap, options: DrawingOptions): TerraDraw {
  const previous = session;
  stopDrawing();
  previous?.options.onEnd?.();
  const draw = createDraw(map, (options.color ?? '#c2410c') as HexColor);
  // The map is re-created when the scenario's layers change (App's key): the drawing ends with it.
  const onMapRemoved = () => {
    if (session?.draw !== draw) return;
    stopDrawing();
    options.onEnd?.();
  };
  map.once('remove', onMapRemoved);
  session = { draw, map, options, onMapRemoved };
  draw.start();
  return draw;
}

function report(draw: TerraDraw, id: TerraDrawExtend.FeatureId, { onShape }: DrawingOptions): void {
  const geometry = draw.getSnapshotFeature(id)?.geometry;
  if (geometry && (geometry.type === 'Polygon' || geometry.type === 'LineString' || geometry.type === 'Point')) onShape(geometry);
}

const round = (value: number) => Math.round(value * 10 ** COORDINATE_PRECISION) / 10 ** COORDINATE_PRECISION;
const roundPosition = (position: GeoJSON.Position) => [round(position[0]!), round(position[1]!)];

function rounded(shape: Shape): Shape {
  if (shape.type === 'Point') return { type: 'Point', coordinates: roundPosition(shape.coordinates) };
  if (shape.type === 'LineString') return { type: 'LineString', coordinates: shape.coordinates.map(roundPosition) };
  return { type: 'Polygon', coordinates: shape.coordinates.map((ring) => ring.map(roundPosition)) };
}

/** Terra Draw on `map`, drawn in the layer's colour; white corner handles stand out on any fill. */
function createDraw(map: MapLibreMap, color: HexColor): TerraDraw {
  const corner = { closingPointColor: WHITE, closingPointOutlineColor: color, closingPointWidth: 5, closingPointOutlineWidth: 2, coordinatePointColor: WHITE, coordinatePointOutlineColor: color };
  return new TerraDraw({
    // The prefix keeps its sources and layers apart from ours (ours derive from scenario ids).
    adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: 'tripwire-draw', coordinatePrecision: COORDINATE_PRECISION }),
    modes: [
      new TerraDrawPolygonMode({ showCoordinatePoints: true, styles: { fillColor: color, fillOpacity: 0.2, outlineColor: color, outlineWidth: 2, ...corner } }),
      new TerraDrawLineStringMode({ showCoordinatePoints: true, styles: { lineStringColor: color, lineStringWidth: 3, ...corner } }),
      new TerraDrawPointMode({ styles: { pointColor: color, pointWidth: 7, pointOutlineColor: WHITE, pointOutlineWidth: 2 } }),
      new TerraDrawSelectMode({
        // The shape stays selected until Save or Cancel: a click beside it must not drop the handles.
        allowManualDeselection: false,
        // No Delete key (it would remove the whole shape) and no Escape: Escape cancels the drawing (use-shape-drawing.ts).
        keyEvents: null,
        flags: {
          polygon: { feature: { coordinates: { draggable: true, midpoints: true, deletable: true } } },
          linestring: { feature: { coordinates: { draggable: true, midpoints: true, deletable: true } } },
          point: { feature: { draggable: true } },
        },
        styles: {
          selectedPolygonColor: color,
          selectedPolygonFillOpacity: 0.2,
          selectedPolygonOutlineColor: color,
          selectedPolygonOutlineWidth: 2,
          selectedLineStringColor: color,
          selectedLineStringWidth: 3,
          selectedPointColor: color,
          selectedPointWidth: 8,
          selectedPointOutlineColor: WHITE,
          selectedPointOutlineWidth: 2,
          selectionPointColor: WHITE,
          selectionPointOutlineColor: color,
          selectionPointWidth: 5,
          selectionPointOutlineWidth: 2,
          midPointColor: color,
          midPointOutlineColor: WHITE,
          midPointWidth: 3,
        },
      }),
    ],
  });
}
