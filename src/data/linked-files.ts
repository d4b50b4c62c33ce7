// Which files a link may name: `?events=path.geojson`, `?scenario=path.tripwire.json` and
// `?basemap=path.pmtiles` load a file from the same origin only (the briefing CLI uses them).
// Pure: the actions (src/actions/load.ts) and the map (src/map/own-basemap.ts) fetch what it allows.

/**
 * `?events=path.geojson` or `?scenario=path.tripwire.json` loads a file from the same origin. Anything that could leave the origin is refused, with the reason.
 */
export function requestedPath(search: string, origin: string, parameter: 'events' | 'scenario' | 'basemap'): { path: string | null; refused?: string } {
  const requested = new URLSearchParams(search).get(parameter);
  if (!requested) return { path: null };
  const extension = { events: /\.((geo)?json|csv)$/i, scenario: /\.json$/i, basemap: /\.pmtiles$/i }[parameter];
  const looksLocal = /^[\w\-./]+$/.test(requested) && extension.test(requested) && !requested.includes('..') && !requested.startsWith('/');
  if (!looksLocal || new URL(requested, `${origin}/`).origin !== origin) {
    const kinds = { events: 'a .geojson, .json or .csv file', scenario: 'a .tripwire.json file', basemap: 'a .pmtiles archive' }[parameter];
    return { path: null, refused: `${parameter}=${requested.slice(0, 80)}: only ${kinds} on this site can be loaded` };
  }
  return { path: requested };
}

