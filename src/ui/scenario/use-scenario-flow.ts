import { useCallback, useRef, useState } from 'react';
import { session } from '../../session';
import { openScenarioFile, type ScenarioReport } from '../../actions';
import type { ScenarioProgress } from '../../scenario/read-scenario-file';

/** Scenario files end in .tripwire.json; anything else dropped on the map is an events file. */
export const isScenarioFile = (file: File) => /\.tripwire\.json$/i.test(file.name);

/** Opening a scenario file: progress and Cancel while the worker reads it, then the outcome. */
export function useScenarioFlow() {
  const [progress, setProgress] = useState<ScenarioProgress | null>(null);
  const [report, setReport] = useState<ScenarioReport | null>(null);
  const abort = useRef<AbortController | null>(null);
  const open = useCallback(async (file: File) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setReport(null);
    setProgress({ type: 'progress', phase: 'reading', fraction: 0 });
    const outcome = await openScenarioFile(session, file, { onProgress: setProgress, signal: controller.signal });
    setProgress(null);
    setReport(outcome);
  }, []);
  const cancel = useCallback(() => abort.current?.abort(), []);
  const closeReport = useCallback(() => setReport(null), []);
  return { open, progress, report, cancel, closeReport };
}
