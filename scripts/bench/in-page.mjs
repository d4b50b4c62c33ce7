// Functions that run INSIDE the page (Playwright serialises them with toString): each must be
// self-contained. They work on the app page (window.tripwireMap + tripwireStore) and on the
// benchmark page (window.tripwireBench) alike, so every row is timed by the same code.

/**
 * Scrub and repaint, in pairs. Scrub = a time change until the frame is fully rendered: MapLibre's
 * `idle` (no source, layout or placement work left) followed by a 1-pixel readPixels, which waits
 * until the GPU has executed the frame (software WebGL draws in another process, after `idle`).
 * Repaint = map.triggerRepaint() timed the same way, right after, so it redraws the very same
 * picture: the ratio isolates what the change itself costs. Pairs interleave, so noise on
 * this shared machine hits both alike.
 * `categoryFilters` (app page only): time category-filter changes instead of time changes, one
 * list of categories a step; the filter is cleared afterwards.
 */
export async function timeScrubAndRepaint({ days, categoryFilters, warmUpSteps }) {
  const bench = window.tripwireBench;
  const map = bench ? bench.map : window.tripwireMap;
  const setTime = bench ? (day) => bench.setTime(day) : (day) => window.tripwireStore.getState().setTime(day);
  const setCategories = (categories) => window.tripwireStore.getState().setFilters({ categories });
  const changes = categoryFilters ? categoryFilters.map((categories) => () => setCategories(categories)) : days.map((day) => () => setTime(day));
  const canvas = map.getCanvas();
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  const pixel = new Uint8Array(4);
  const renderedAfter = async (change) => {
    const idle = new Promise((resolve) => map.once('idle', resolve));
    const start = performance.now();
    change();
    await idle;
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    return performance.now() - start;
  };
  const scrub = [];
  const repaint = [];
  for (const [index, change] of changes.entries()) {
    const scrubMs = await renderedAfter(change);
    const repaintMs = await renderedAfter(() => map.triggerRepaint());
    if (index < warmUpSteps) continue; // first changes compile shaders and warm caches
    scrub.push(scrubMs);
    repaint.push(repaintMs);
  }
  if (categoryFilters) setCategories([]);
  return { scrub, repaint };
}

/** Starts recording long tasks (≥ 50 ms, Chromium's threshold) into window.__benchLongTasks. */
export function startLongTaskLog() {
  window.__benchLongTasks = [];
  window.__benchLongTaskObserver?.disconnect();
  window.__benchLongTaskObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__benchLongTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
  });
  window.__benchLongTaskObserver.observe({ type: 'longtask' });
}

/** Stops recording (after a short grace period for tasks still running) and returns the log. */
export async function stopLongTaskLog() {
  await new Promise((resolve) => setTimeout(resolve, 500));
  window.__benchLongTaskObserver.disconnect();
  return window.__benchLongTasks;
}

/**
 * Scrubs like a user would see it: each step waits for `idle` only, never blocks on the GPU, so
 * the long-task log shows what the page's main thread really does.
 */
export async function scrubWithoutGpuWait({ days }) {
  const bench = window.tripwireBench;
  for (const day of days) {
    const idle = new Promise((resolve) => bench.map.once('idle', resolve));
    bench.setTime(day);
    await idle;
  }
}

/** JS heap in use after a full garbage collection (needs --js-flags=--expose-gc, --enable-precise-memory-info). */
export function heapAfterGc() {
  window.gc?.();
  return performance.memory?.usedJSHeapSize ?? null;
}

/**
 * A text search typed into the store from a timer (as the search box would), until the map is
 * idle and the list has rendered: the long tasks meanwhile (≥ 50 ms).
 */
export async function textSearchTasks({ text }) {
  const map = window.tripwireMap;
  const tasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  await new Promise((resolve) =>
    setTimeout(() => {
      map.once('idle', resolve);
      window.tripwireStore.getState().setFilters({ text });
    }),
  );
  // The list renders after the store change (deferred): give it time to.
  await new Promise((resolve) => setTimeout(resolve, 500));
  observer.disconnect();
  window.tripwireStore.getState().setFilters({ text: '' });
  return { longTasksMs: tasks.map((duration) => Math.round(duration)) };
}
