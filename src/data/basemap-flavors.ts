// The flavours of an OpenStreetMap basemap a user may choose: a preference the store keeps
// (persistence.ts) and the layers draw (src/layers/osm-basemap.ts).

/** The Protomaps flavours that suit a slide: light, grey and dark. */
export const BASEMAP_FLAVORS = ['light', 'grayscale', 'dark'] as const;
export type BasemapFlavor = (typeof BASEMAP_FLAVORS)[number];

export const FLAVOR_TITLES: Record<BasemapFlavor, string> = { light: 'Light', grayscale: 'Grey', dark: 'Dark' };
