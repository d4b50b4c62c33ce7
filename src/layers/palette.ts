// One muted, print-friendly palette: it must survive a projector and a greyscale printer.
export const palette = {
  water: '#dfe7ec',
  land: '#f4f2ec',
  landFocus: '#ece8de',
  coast: '#9aa9b3',
  lakeShore: '#b4c3cc',
  river: '#b3c6d3',
  border: '#8c8a84',
  disputedBorder: '#a05a5a',
  countryLabel: '#5c5a55',
  seaLabel: '#5f7d91',
  cityLabel: '#2f2e2b',
  halo: 'rgba(255, 255, 255, 0.9)',
} as const;

/** Fonts are rendered locally by MapLibre (no glyph server). The first name sets the weight. */
export const fonts = {
  regular: ['Noto Sans Regular', 'Liberation Sans', 'DejaVu Sans'],
  bold: ['Noto Sans Bold', 'Liberation Sans', 'DejaVu Sans'],
  italic: ['Noto Sans Italic', 'Liberation Sans', 'DejaVu Sans'],
};
