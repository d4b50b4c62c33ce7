// Packing a million points costs ~0.1–0.2 s of trigonometry on a slow machine: done in one go it
// would freeze the page for that long. Slices of SLICE_SIZE points, with the event loop free in
// between, keep every task short whatever the number of points.
import { allocatePacked, packSlice, type PackedPoints } from './packing';
import type { TimePoints } from './types';

export const SLICE_SIZE = 50_000;

/** Lets input, rendering and timers run. A MessageChannel round trip, unlike setTimeout, is never clamped to 4 ms. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The same result as packPoints, or null when `isStale()` says a newer data set replaced this one. */
export async function packPointsInSlices(
  points: TimePoints,
  shown: ArrayLike<number> | null,
  isStale: () => boolean = () => false,
  sliceSize = SLICE_SIZE,
): Promise<PackedPoints | null> {
  const packed = allocatePacked(points, shown);
  for (let from = 0; from < points.count; from += sliceSize) {
    if (from > 0) await yieldToEventLoop();
    if (isStale()) return null;
    packSlice(points, packed, from, Math.min(points.count, from + sliceSize));
  }
  return packed;
}
