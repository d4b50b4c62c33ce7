import { signOut } from '../../actions';
import { useStore } from '../../data/store';
import { saveStatusText, sharedLabel } from '../../data/slices/team';
import { pageTeam } from './page-team';
import './team.css';

/** Beside the title: whether the open scenario is shared, and what you may do with it. */
export function SharedBadge() {
  const open = useStore((state) => state.openShared);
  const label = sharedLabel(open);
  if (!open || !label) return null;
  return (
    <>
      <span className={`shared-badge${open.access === 'viewer' ? ' is-view-only' : ''}`} title={open.access === 'owner' ? 'Shared on the team server; you own it' : `Shared on the team server by ${open.owner}`}>
        <span className="shared-badge-long">{label}</span>
        {/* A phone keeps room for the title: the short words, the whole sentence in the title attribute. */}
        <span className="shared-badge-short">{open.access === 'viewer' ? 'View only' : 'Shared'}</span>
      </span>
      {open.access !== 'viewer' && <SaveStatus />}
    </>
  );
}

/**
 * Whether this page's edits are on the server: "All changes saved", "Saving…", or "Offline — 3
 * edits waiting" (they wait in this browser's outbox and are sent when the server answers again).
 */
function SaveStatus() {
  const status = useStore((state) => state.saveStatus);
  const text = saveStatusText(status);
  return (
    <span className={`save-status is-${text.state}`} role="status" aria-live="polite" title={text.state === 'offline' ? `${text.long}: they are kept in this browser and sent when the team server answers again` : text.long}>
      <span className="save-status-long">{text.long}</span>
      <span className="save-status-short" aria-hidden="true">
        {text.short}
      </span>
    </span>
  );
}

/** Among the header's actions, on a team server: who is signed in, and Sign out. */
export function TeamUserActions() {
  const user = useStore((state) => state.teamUser);
  if (!user) return null;
  return (
    <span className="team-user">
      <span className="team-user-name">
        Signed in as <strong>{user.username}</strong>
      </span>
      <button type="button" onClick={() => void signOut(pageTeam).catch(() => {})}>
        Sign out
      </button>
    </span>
  );
}
