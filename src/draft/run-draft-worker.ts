// The page's side of drafting: one worker (draft.worker.ts) while the draft dialog needs it, so a
// second draft does not load the gazetteer again; ended when the dialog is done with it.
import type { DraftCandidate } from './draft-events';
import type { DraftReply, DraftRequest } from './draft-worker-protocol';

let worker: Worker | null = null;
let lastId = 0;
/** Drafts still running, ended with this reason when the worker is. */
const running = new Set<(reason: Error) => void>();

export function draftInWorker(request: Omit<DraftRequest, 'id'>, onProgress: (message: string) => void): Promise<DraftCandidate[]> {
  worker ??= new Worker(new URL('./draft.worker.ts', import.meta.url), { type: 'module', name: 'tripwire-draft' });
  const current = worker;
  const id = ++lastId;
  return new Promise((resolve, reject) => {
    const finish = () => {
      current.removeEventListener('message', onMessage);
      current.removeEventListener('error', onError);
      running.delete(cancel);
    };
    const cancel = (reason: Error) => {
      finish();
      reject(reason);
    };
    const onMessage = ({ data }: MessageEvent<DraftReply>) => {
      if (data.id !== id) return;
      if (data.type === 'progress') return onProgress(data.message);
      finish();
      if (data.type === 'done') resolve(data.candidates);
      else reject(new Error(data.message));
    };
    const onError = (event: ErrorEvent) => {
      finish();
      endDraftWorker();
      reject(new Error(event.message || 'the drafting worker failed'));
    };
    running.add(cancel);
    current.addEventListener('message', onMessage);
    current.addEventListener('error', onError);
    current.postMessage({ ...request, id } satisfies DraftRequest);
  });
}

/** Frees the decoded gazetteer (tens of megabytes) when no draft is being made. */
export function endDraftWorker(): void {
  worker?.terminate();
  worker = null;
  for (const cancel of [...running]) cancel(new DOMException('cancelled', 'AbortError'));
}
