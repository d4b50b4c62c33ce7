// What the bench waits for on the app's page, the same way in every measurement.

/** The app has its map and its scenario. */
export const ready = (page) => page.waitForFunction(() => window.tripwireMap && window.tripwireStore?.getState().status === 'ready', undefined, { timeout: 120_000 });

/** When the map has drawn everything it has (performance.now() on the page): a repaint, then idle with every tile loaded. */
export const drawnAt = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const map = window.tripwireMap;
        const done = () => (map.loaded() && map.areTilesLoaded() ? resolve(performance.now()) : map.once('idle', done));
        map.triggerRepaint();
        map.once('idle', done);
      }),
  );
