import { store, useStore } from '../../data/store';

/** Beside the shared badge: the open shared scenario's history (src/ui/team/HistoryDialog.tsx). */
export function HistoryButton() {
  const open = useStore((state) => state.openShared);
  const title = useStore((state) => state.scenario?.title ?? '');
  if (!open) return null;
  return (
    <button type="button" className="history-button" onClick={() => store.getState().openDialog({ kind: 'history', scenarioId: open.id, title })} title="Who changed what, and when; open or restore any past state">
      History
    </button>
  );
}
