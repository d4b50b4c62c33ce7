// The page's side of one import: start the worker, relay progress, ask for the column mapping
// when the worker needs one, build the events from the packed columns it hands over (a slice at a
// time, yielding between slices). Cancel ends the worker at once.
// An accepted import is then kept (the worker stores it in IndexedDB) or discarded.
import type { TripwireEvent } from '../data/events';
import { decodeEventsInSlices } from '../data/packed-events';
import type { ValidationIssue } from '../data/validate';
import type { ColumnMapping } from './column-mapping';
import type { ImportFormat } from './import-result';
import type { ImportMessage, ImportPhase, ImportRequest, MappingPreview } from './worker-protocol';
import type { StorageOutcome } from '../storage';

export interface ImportCallbacks {
  onProgress?: (phase: ImportPhase, fraction: number, rows?: number) => void;
  /** The user's mapping for a file not in Tripwire's format; null when they cancel. */
  askMapping: (preview: MappingPreview) => Promise<ColumnMapping | null>;
  signal?: AbortSignal;
}

export type WorkerOutcome =
  | { kind: 'refused'; format: ImportFormat | 'unknown'; issues: ValidationIssue[] }
  | {
      kind: 'accepted';
      format: ImportFormat;
      events: TripwireEvent[];
      warnings: ValidationIssue[];
      /** The column mapping the user confirmed; null for a file in Tripwire's own format. */
      mapping: ColumnMapping | null;
      /** Stores the import in the browser database (in the worker), then ends the worker. */
      keep: () => Promise<StorageOutcome>;
      /** Ends the worker without storing. */
      discard: () => void;
    }
  | { kind: 'cancelled' };

export function runImportWorker(file: Blob, name: string, eventSetId: string, { onProgress, askMapping, signal }: ImportCallbacks): Promise<WorkerOutcome> {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'tripwire-import' });
  const send = (request: ImportRequest) => worker.postMessage(request);
  return new Promise<WorkerOutcome>((resolve) => {
    let accepted: { format: ImportFormat; warnings: ValidationIssue[]; receiving: Promise<TripwireEvent[]> | null } | null = null;
    let storing: ((outcome: StorageOutcome) => void) | null = null;
    let mapping: ColumnMapping | null = null;
    const stop = () => {
      worker.terminate();
      signal?.removeEventListener('abort', cancel);
    };
    const finish = (outcome: WorkerOutcome) => {
      if (outcome.kind !== 'accepted') stop();
      resolve(outcome);
    };
    const cancel = () => finish({ kind: 'cancelled' });
    if (signal?.aborted) return cancel();
    signal?.addEventListener('abort', cancel);
    worker.onerror = (error) => {
      const message = `the import stopped unexpectedly: ${error.message || 'the worker failed'}`;
      if (storing) storing({ stored: false, quotaExceeded: false, reason: message });
      else finish({ kind: 'refused', format: 'unknown', issues: [{ location: '(file)', message }] });
    };
    worker.onmessage = (message: MessageEvent<ImportMessage>) => {
      const data = message.data;
      switch (data.type) {
        case 'progress':
          onProgress?.(data.phase, data.fraction, data.rows);
          break;
        case 'needs-mapping':
          void askMapping(data.preview).then((chosen) => {
            mapping = chosen;
            if (chosen) send({ type: 'map', mapping: chosen });
            else cancel();
          });
          break;
        case 'refused':
          finish({ kind: 'refused', format: data.format, issues: data.issues });
          break;
        case 'accepted':
          accepted = { format: data.format, warnings: data.warnings, receiving: null };
          break;
        case 'events':
          if (!accepted) break;
          accepted.receiving = decodeEventsInSlices(data.parts, (fraction) => onProgress?.('receiving', fraction));
          break;
        case 'done':
          if (!accepted) break;
          void (accepted.receiving ?? Promise.resolve([])).then((events) => {
            if (signal?.aborted) return; // cancelled while the events were being built: already answered
            signal?.removeEventListener('abort', cancel); // past this point the page decides
            finish({
              kind: 'accepted',
              format: accepted!.format,
              warnings: accepted!.warnings,
              events,
              mapping,
              keep: () =>
                new Promise<StorageOutcome>((resolveStorage) => {
                  storing = (outcome) => {
                    stop();
                    resolveStorage(outcome);
                  };
                  send({ type: 'store' });
                }),
              discard: stop,
            });
          });
          break;
        case 'stored':
          storing?.({ stored: true });
          break;
        case 'storage-failed':
          storing?.({ stored: false, quotaExceeded: data.quotaExceeded, reason: data.reason });
          break;
      }
    };
    send({ type: 'read', file, name, eventSetId });
  });
}
