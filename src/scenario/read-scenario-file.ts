// The page's side of opening a scenario file: the worker reads and checks it; the page gathers
// the event sets it sends back. Cancel ends the worker at once.
import type { Validated } from '../data/validate';
import type { EventSet } from '../data/event-sets';
import { MAX_SCENARIO_FILE_BYTES } from '../data/limits';
import type { OpenedScenario } from '../data/open-scenario';
import type { ScenarioWorkerMessage } from './scenario-worker-protocol';

export type ScenarioProgress = Extract<ScenarioWorkerMessage, { type: 'progress' }>;

export function readScenarioFile(file: Blob, { onProgress, signal }: { onProgress?: (progress: ScenarioProgress) => void; signal?: AbortSignal } = {}): Promise<Validated<OpenedScenario> | { ok: false; cancelled: true }> {
  if (file.size > MAX_SCENARIO_FILE_BYTES) {
    return Promise.resolve({ ok: false, issues: [{ location: '(file)', message: `the file is ${(file.size / 1e6).toFixed(1)} MB; the limit is ${MAX_SCENARIO_FILE_BYTES / 1e6} MB` }] });
  }
  const worker = new Worker(new URL('./scenario.worker.ts', import.meta.url), { type: 'module', name: 'tripwire-scenario' });
  return new Promise((resolve) => {
    let opened: OpenedScenario | null = null;
    const finish = (result: Validated<OpenedScenario> | { ok: false; cancelled: true }) => {
      worker.terminate();
      signal?.removeEventListener('abort', cancel);
      resolve(result);
    };
    const cancel = () => finish({ ok: false, cancelled: true });
    if (signal?.aborted) return cancel();
    signal?.addEventListener('abort', cancel);
    worker.onerror = (error) => finish({ ok: false, issues: [{ location: '(file)', message: `opening stopped unexpectedly: ${error.message || 'the worker failed'}` }] });
    worker.onmessage = ({ data }: MessageEvent<ScenarioWorkerMessage>) => {
      if (data.type === 'progress') onProgress?.(data);
      else if (data.type === 'refused') finish({ ok: false, issues: data.issues });
      else if (data.type === 'head') opened = { head: data.head, eventSets: data.eventSets.map(({ eventCount: _count, ...set }): EventSet => ({ ...set, events: [] })) };
      else if (data.type === 'events') {
        const events = opened?.eventSets.find((set) => set.id === data.setId)?.events;
        if (events) for (const event of data.events) events.push(event);
      } else if (opened) finish({ ok: true, value: opened, warnings: [] });
    };
    worker.postMessage({ file });
  });
}
