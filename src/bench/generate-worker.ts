// Generates synthetic events off the main thread, as a real app would parse a big file: the
// benchmark then measures what the map does with the data, not a frozen page while it is made.
import { generateSyntheticEvents } from './synthetic-events';

export interface GenerateRequest {
  count: number;
  seed: number;
}

self.onmessage = ({ data }: MessageEvent<GenerateRequest>) => {
  const events = generateSyntheticEvents(data.count, data.seed);
  // Transferred, not copied: the arrays move to the page without a second copy.
  self.postMessage(events, { transfer: [events.lon.buffer, events.lat.buffer, events.start.buffer, events.end.buffer, events.category.buffer] });
};
