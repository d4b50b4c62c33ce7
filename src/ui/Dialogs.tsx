// The app's dialogs, one at a time: the store's `dialog` says which is open (openDialog and
// closeDialog in src/data/slices/dialog.ts). Each is mounted only while open, so what must outlive
// closing (the draft's source and review) is kept in the store; those with code of their own to
// load (drafting, the export, the mapping step) are chunks loaded when first opened.
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useStore } from '../data/store';
import type { OpenDialog } from '../data/slices/dialog';
import type { useScenarioFlow } from './scenario/use-scenario-flow';
import { draftHost } from './draft/draft-host';
import { ScenarioFileInput } from './scenario/ScenarioControls';
// These two are in the entry, not chunks of their own: split off, they take modules the entry
// shares with them (the store's selectors and timeline slice; React's JSX runtime, the import
// limits) into chunks every first load would then fetch (measured: one or two more requests).
import { DeckDialog } from './export/DeckDialog';
import { ScenarioDialog } from './scenario/ScenarioDialog';

// Drafting from a source text (its dialog, chrono-node, the gazetteer's worker).
const DraftDialog = lazy(() => import('./draft/DraftDialog'));
// The export dialog and the image code behind it (compose, PNG encoding, export maps).
const ExportDialog = lazy(() => import('./export/ExportDialog').then(({ ExportDialog }) => ({ default: ExportDialog })));
// The mapping step (column detection, date formats, category vocabularies), when a file needs it.
const ColumnMappingDialog = lazy(() => import('./import/ColumnMappingDialog'));
// A shared scenario's history, on a team server only.
const HistoryDialog = lazy(() => import('./team/HistoryDialog').then(({ HistoryDialog }) => ({ default: HistoryDialog })));

/** The open dialog; `open` is false for its last render, in which its <dialog> closes (giving the focus back) before it is removed. */
function dialogOf(dialog: OpenDialog, open: boolean, onClose: () => void, scenarioFlow: ReturnType<typeof useScenarioFlow>): ReactNode {
  switch (dialog.kind) {
    case 'scenarios':
      return <ScenarioDialog open={open} onClose={onClose} flow={scenarioFlow} />;
    case 'draft':
      return <DraftDialog open={open} onClose={onClose} host={draftHost} />;
    case 'export':
      return <ExportDialog open={open} onClose={onClose} />;
    case 'deck':
      return <DeckDialog open={open} onClose={onClose} />;
    case 'history':
      return <HistoryDialog open={open} onClose={onClose} scenarioId={dialog.scenarioId} title={dialog.title} />;
    case 'column-mapping':
      // Answered, the import closes it (src/ui/import/use-import-flow.ts).
      return <ColumnMappingDialog request={dialog.request} onDone={dialog.answer} />;
  }
}

export function Dialogs({ scenarioFlow }: { scenarioFlow: ReturnType<typeof useScenarioFlow> }) {
  const dialog = useStore((state) => state.dialog);
  const closeDialog = useStore((state) => state.closeDialog);
  // The dialog on screen: the open one, or the one just closed, kept for one render with
  // open={false}, so that its <dialog> is closed (focus back where it was) before it is removed.
  const [shown, setShown] = useState(dialog);
  if (dialog !== null && dialog !== shown) setShown(dialog); // React's pattern for state that follows a value
  // Removed once that render's effects have all run: the closed dialog's own effect has closed it.
  useEffect(() => {
    if (dialog !== null || shown === null) return;
    let cancelled = false;
    queueMicrotask(() => {
      if (!cancelled) setShown(null);
    });
    return () => {
      cancelled = true;
    };
  }, [dialog, shown]);
  return (
    <>
      {/* The scenarios dialog's file picker stays in the page while that dialog is closed: browser tests and the bench open documents through it. */}
      {shown?.kind !== 'scenarios' && <ScenarioFileInput onFile={(file) => void scenarioFlow.open(file)} />}
      {shown && <Suspense fallback={null}>{dialogOf(shown, dialog === shown, () => closeDialog(shown), scenarioFlow)}</Suspense>}
    </>
  );
}
