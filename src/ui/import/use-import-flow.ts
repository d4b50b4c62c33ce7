// One import at a time, as the user sees it: progress with Cancel, the mapping step when the
// file is not in Tripwire's format (offering the mapping remembered for its header), the report.
// The mapping step is the store's open dialog (src/ui/Dialogs.tsx) until it is answered.
import { session } from '../../session';
import { useCallback, useRef, useState } from 'react';
import { importEventsFile, recallMapping, rememberMapping, type ImportReport } from '../../actions';
import type { ColumnMapping } from '../../import/column-mapping';
import type { ImportPhase, MappingPreview } from '../../import/worker-protocol';
import { formatDay } from '../../data/dates';
import { store } from '../../data/store';
import type { OpenDialog } from '../../data/slices/dialog';

export interface ImportProgressState {
  fileName: string;
  phase: ImportPhase | 'mapping';
  fraction: number;
  rows?: number;
}

export function useImportFlow() {
  const [progress, setProgress] = useState<ImportProgressState | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const columnsUsed = useRef<string[] | undefined>(undefined);
  const controller = useRef<AbortController | null>(null);

  const askMapping = useCallback(async (fileName: string, preview: MappingPreview): Promise<ColumnMapping | null> => {
    // Loaded with the mapping step, not with the page.
    const [{ headerSignature }, { describeMapping, mappingFits }] = await Promise.all([import('../../import/column-detection'), import('../../import/mapping-preview')]);
    const signature = headerSignature(preview.labels);
    const remembered = await recallMapping(signature);
    const usable = remembered && mappingFits(remembered.mapping, preview.labels) ? remembered : null;
    setProgress((current) => current && { ...current, phase: 'mapping' });
    let asked: OpenDialog | undefined;
    const chosen = await new Promise<ColumnMapping | null>((resolve) => {
      const rememberedOn = usable ? formatDay(Math.floor(Date.parse(usable.savedAt) / 86_400_000), 'day', 'long') : null;
      asked = { kind: 'column-mapping', request: { fileName, preview, initial: usable?.mapping ?? preview.proposal, rememberedOn }, answer: resolve };
      store.getState().openDialog(asked);
    });
    store.getState().closeDialog(asked);
    if (chosen) {
      columnsUsed.current = describeMapping(preview.sampleRows, preview.labels, chosen);
      void rememberMapping(signature, chosen).catch(() => {}); // remembering is a courtesy; no storage, no memory
    }
    return chosen;
  }, []);

  const start = useCallback(
    async (file: File) => {
      controller.current?.abort();
      const aborter = new AbortController();
      controller.current = aborter;
      setReport(null);
      columnsUsed.current = undefined;
      setProgress({ fileName: file.name, phase: 'reading', fraction: 0 });
      store.getState().setEventsArriving(true);
      const result = await importEventsFile(session, file, {
        signal: aborter.signal,
        onProgress: (phase, fraction, rows) => setProgress({ fileName: file.name, phase, fraction, ...(rows === undefined ? {} : { rows }) }),
        askMapping: (preview) => askMapping(file.name, preview),
      });
      store.getState().setEventsArriving(false);
      if (controller.current !== aborter) return; // a newer import took over
      controller.current = null;
      setProgress(null);
      setReport(result.ok && columnsUsed.current ? { ...result, columnsUsed: columnsUsed.current } : result);
    },
    [askMapping],
  );

  return {
    start,
    progress,
    cancel: () => controller.current?.abort(),
    report,
    closeReport: () => setReport(null),
  };
}
