import { useStore } from '../../data/store';
import { SharedBadge } from './TeamHeader';
import { PresenceChips } from './PresenceChips';
import { HistoryButton } from './HistoryButton';

/**
 * The header's second line while a shared scenario is open: whether it is shared and what you may
 * do, whether your edits are saved, who else is here, and its history. On one line with the title
 * they left the title no room ("Tri…" at 1280 px); on their own line the title keeps its place.
 */
export function TeamStrip() {
  const open = useStore((state) => state.openShared);
  if (!open) return null;
  return (
    <div className="team-strip" role="group" aria-label="Shared scenario">
      <SharedBadge />
      <PresenceChips />
      <HistoryButton />
    </div>
  );
}
