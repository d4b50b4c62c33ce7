// Limits on what an analyst's file may hold: large enough for any real event list, small enough
// that a mistaken drop of a database dump cannot freeze the tab.

/** 200 MB (decimal megabytes, as file managers show them): checked on the raw bytes, before decoding. */
export const MAX_FILE_BYTES = 200_000_000;

/**
 * A scenario document may hold a million events with their quotes and sources: ~270 MB written
 * (measured with ten properties per event), so its limit is larger than an events file's.
 */
export const MAX_SCENARIO_FILE_BYTES = 400_000_000;

/** A million events: the GPU layer draws them at one redraw per timeline step (BENCHMARKS.md). */
export const MAX_IMPORT_EVENTS = 1_000_000;

/** "100,001": counts in messages are read by people. */
export const formatCount = (count: number) => count.toLocaleString('en-US');

export const formatMegabytes = (bytes: number) => `${Number((bytes / 1_000_000).toFixed(1))} MB`;

/** "1,000,000 events", "1 event". */
export const describeEventCount = (count: number) => `${formatCount(count)} event${count === 1 ? '' : 's'}`;
