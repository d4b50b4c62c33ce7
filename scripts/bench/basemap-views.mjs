// What the basemap costs to look at: the bytes of its archive fetched (HTTP ranges: the header and
// root directory, leaf directories, tiles) for the default view of the built-in scenario and for a
// city-scale view at zoom 10, each from a fresh page of bench.html (the basemap and names alone).
import { fetchedByKind } from './cold-load.mjs';

/** Tallinn's harbour and old town, about 0.9° across: zoom 10 on a 1280-px map. */
const CITY_VIEW = [24.3, 59.3, 25.2, 59.55];

export async function measureBasemapViews(browser, baseUrl, defaultBounds) {
  const views = { 'default view': defaultBounds, 'zoom-10 view (Tallinn)': CITY_VIEW };
  const rows = [];
  for (const [name, bounds] of Object.entries(views)) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const tab = await context.newPage();
    const responses = [];
    context.on('response', (response) => responses.push(response));
    await tab.goto(`${baseUrl}bench.html?bounds=${bounds.join(',')}`);
    await tab.waitForFunction(() => window.tripwireBench, undefined, { timeout: 60_000 });
    const zoom = await tab.evaluate(
      () =>
        new Promise((resolve) => {
          const map = window.tripwireBench.map;
          const done = () => (map.loaded() && map.areTilesLoaded() ? resolve(map.getZoom()) : map.once('idle', done));
          done();
        }),
    );
    const archive = (await fetchedByKind(responses))['basemap (ranges of its archive)'] ?? { files: 0, bytes: 0 };
    rows.push({ view: name, zoom, requests: archive.files, bytes: archive.bytes });
    await context.close();
  }
  return rows;
}
