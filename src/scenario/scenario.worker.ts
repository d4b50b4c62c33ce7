// Opens a scenario file off the page: the bytes are parsed as they stream in (never one giant
// string), the document is checked whole (open-scenario.ts), and the event sets come back in
// chunks, so a million events never block the page for long.
/// <reference lib="webworker" />
import { EVENTS_PER_MESSAGE } from '../import/worker-protocol';
import { ScenarioFileError, parseScenarioStream } from './scenario-file-reader';
import { openScenario } from '../data/open-scenario';
import type { ScenarioWorkerMessage } from './scenario-worker-protocol';

declare const self: DedicatedWorkerGlobalScope;
const post = (message: ScenarioWorkerMessage) => self.postMessage(message);

async function open(file: Blob) {
  const features: unknown[] = [];
  try {
    post({ type: 'progress', phase: 'reading', fraction: 0 });
    let read = 0;
    const { head } = await parseScenarioStream(file.stream(), {
      onFeatures: (batch) => {
        for (const feature of batch) features.push(feature);
        read += batch.length;
        post({ type: 'progress', phase: 'reading', fraction: 0, rows: read });
      },
    });
    const opened = openScenario(head, features, (fraction) => post({ type: 'progress', phase: 'checking', fraction }));
    features.length = 0;
    if (!opened.ok) return post({ type: 'refused', issues: opened.issues });
    const { head: checked, eventSets } = opened.value;
    post({ type: 'head', head: checked, eventSets: eventSets.map(({ events, ...set }) => ({ ...set, eventCount: events.length })) });
    for (const set of eventSets) {
      for (let start = 0; start < set.events.length; start += EVENTS_PER_MESSAGE) post({ type: 'events', setId: set.id, events: set.events.slice(start, start + EVENTS_PER_MESSAGE) });
    }
    post({ type: 'done' });
  } catch (error) {
    const location = error instanceof ScenarioFileError ? error.location : '(file)';
    post({ type: 'refused', issues: [{ location, message: error instanceof Error ? error.message : String(error) }] });
  }
}

self.onmessage = (message: MessageEvent<{ file: Blob }>) => void open(message.data.file);
