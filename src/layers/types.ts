import type { GeographyTimeRule } from './geography-time';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';

/** How a layer looks in the legend: a swatch drawn by the legend component, never by the map. */
export interface LegendSwatch {
  shape: 'fill' | 'line' | 'dashed-line' | 'point' | 'hatch';
  color: string;
  outline?: string;
}

/**
 * One map layer, as data. A module never touches the map: MapView adds its sources and style
 * layers once, and sync.ts only flips visibility or global state afterwards. Ids never change.
 */
export interface LayerModule {
  /** Stable id used for toggles, the URL and the legend. */
  id: string;
  title: string;
  /** One line for the legend and the export footer: where the shapes come from. */
  source: string;
  /** Whether the user can hide it (the basemap cannot be hidden). */
  toggleable: boolean;
  legend: LegendSwatch | null;
  sources: Record<string, SourceSpecification>;
  /** Style layers in draw order (bottom first). */
  layers: LayerSpecification[];
  /** Style layer ids that respond to clicks and hover. */
  interactiveLayerIds: string[];
  /** The scenario layer whose validated features fill `sources`' single source. */
  geographyLayer?: string;
  /** How its features follow the timeline (sync.ts hides them through feature-state); absent = they don't. */
  geographyTimeRule?: GeographyTimeRule;
  /** Dates the layer's content exists between, ISO; absent = always. */
  validity?: { from?: string; to?: string };
}
