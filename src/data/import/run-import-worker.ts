// The page's side of one import: start the worker, relay progress, ask for the column mapping
// when the worker needs one, gather the events it sends back. Cancel ends the worker at once.
import type { TripwireEvent } from '../events';
import type { ValidationIssue } from '../validate';
import type { ColumnMapping } from './column-mapping';
import type { ImportFormat } from './import-result';
import type { ImportMessage, ImportPhase, ImportRequest, MappingPreview } from './worker-protocol';

export interface ImportCallbacks {
  onProgress?: (phase: ImportPhase, fraction: number, rows?: number) => void;
  /** The user's mapping for a file not in Tripwire's format; null when they cancel. */
  askMapping: (preview: MappingPreview) => Promise<ColumnMapping | null>;
  signal?: AbortSignal;
}

export type WorkerOutcome =
  | { kind: 'refused'; format: ImportFormat | 'unknown'; issues: ValidationIssue[] }
  | { kind: 'accepted'; format: ImportFormat; events: TripwireEvent[]; warnings: ValidationIssue[]; mapping: ColumnMapping | null }
  | { kind: 'cancelled' };

export function runImportWorker(file: Blob, name: string, scenarioId: string, { onProgress, askMapping, signal }: ImportCallbacks): Promise<WorkerOutcome> {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'tripwire-import' });
  const send = (request: ImportRequest) => worker.postMessage(request);
  return new Promise<WorkerOutcome>((resolve) => {
    let mapping: ColumnMapping | null = null;
    let accepted: Extract<WorkerOutcome, { kind: 'accepted' }> | null = null;
    let expectedEvents = 1;
    const finish = (outcome: WorkerOutcome) => {
      worker.terminate();
      signal?.removeEventListener('abort', cancel);
      resolve(outcome);
    };
    const cancel = () => finish({ kind: 'cancelled' });
    if (signal?.aborted) return cancel();
    signal?.addEventListener('abort', cancel);
    worker.onerror = (error) => finish({ kind: 'refused', format: 'unknown', issues: [{ location: '(file)', message: `the import stopped unexpectedly: ${error.message || 'the worker failed'}` }] });
    worker.onmessage = (message: MessageEvent<ImportMessage>) => {
      const data = message.data;
      switch (data.type) {
        case 'progress':
          onProgress?.(data.phase, data.fraction, data.rows);
          break;
        case 'needs-mapping':
          void askMapping(data.preview).then((chosen) => {
            if (!chosen) return cancel();
            mapping = chosen;
            send({ type: 'map', mapping: chosen });
          });
          break;
        case 'refused':
          finish({ kind: 'refused', format: data.format, issues: data.issues });
          break;
        case 'accepted':
          accepted = { kind: 'accepted', format: data.format, events: [], warnings: data.warnings, mapping };
          expectedEvents = Math.max(1, data.eventCount);
          break;
        case 'events':
          for (const event of data.events) accepted?.events.push(event);
          onProgress?.('receiving', (accepted?.events.length ?? 0) / expectedEvents);
          break;
        case 'done':
          if (accepted) finish(accepted);
          break;
      }
    };
    send({ type: 'read', file, name, scenarioId });
  });
}
