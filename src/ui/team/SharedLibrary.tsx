import { useEffect, useRef, useState } from 'react';
import {
  deleteShared,
  handOver,
  openShared,
  publishToTeam,
  refreshLibrary,
  renameShared,
  shareWith,
  shareWithEveryone,
  sharingOf,
  teamPeople,
  unshareWith,
} from '../../actions';
import { useStore } from '../../data/store';
import { formatCount } from '../../data/limits';
import type { SharedLibraryRow, TeamShareRole, TeamUserInfo } from '../../data/slices/team';
import { absoluteTime, relativeTime } from './relative-time';
import { pageTeam } from './page-team';
import { FeedsSection } from './FeedsSection';
import './team.css';

const ACCESS_WORDS = { owner: 'yours', editor: 'you can edit', viewer: 'you can view' } as const;
const ROLE_WORDS: Record<TeamShareRole, string> = { viewer: 'can view', editor: 'can edit' };

type Panel = { id: string; kind: 'share' | 'rename' | 'delete' | 'hand-over' };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The Scenarios dialog's shared library, on a team server: what the signed-in person may open,
 * with who changed each last and when; Open; Publish to team; and, for an owner, Share…, Rename,
 * Delete and Hand over.
 */
export function SharedLibrary({ open, onOpened }: { open: boolean; onOpened: () => void }) {
  const user = useStore((state) => state.teamUser);
  const rows = useStore((state) => state.sharedLibrary);
  const error = useStore((state) => state.sharedLibraryError);
  const scenario = useStore((state) => state.scenario);
  const openNow = useStore((state) => state.openShared);
  const [status, setStatus] = useState('');
  const [panel, setPanel] = useState<Panel | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (open) void refreshLibrary(pageTeam);
  }, [open]);

  if (!user) return null;

  /** Runs an action with a status line; `then` after it succeeded. */
  const act =
    (label: string, action: () => Promise<unknown>, then?: () => void) =>
    async () => {
      setStatus(`${label}…`);
      try {
        await action();
        setStatus('');
        then?.();
      } catch (failure) {
        setStatus(`${label} failed: ${messageOf(failure)}`);
      }
    };
  const openRow = (row: SharedLibraryRow) =>
    act(`Opening “${row.title}”`, async () => {
      if (!(await openShared(pageTeam, row.id))) throw new Error('This scenario does not exist or has not been shared with you.');
    }, onOpened);
  const toggle = (id: string, kind: Panel['kind']) => setPanel(panel?.id === id && panel.kind === kind ? null : { id, kind });

  return (
    <section className="shared-library-section" aria-labelledby="shared-library-title">
      <h3 id="shared-library-title">Shared library</h3>
      <div className="scenario-actions">
        <button
          type="button"
          className="primary"
          disabled={!scenario || openNow !== null}
          title={openNow ? 'The open scenario is already shared' : 'Keep a copy of the open scenario on the team server, owned by you, and open it from there'}
          onClick={act('Publishing to the team', () => publishToTeam(pageTeam), onOpened)}
        >
          Publish to team
        </button>
        <button type="button" onClick={() => fileRef.current?.click()} title="Publish a scenario document (.tripwire.json) to the team server">
          Publish a file…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Publish scenario file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void act(`Publishing “${file.name}”`, () => publishToTeam(pageTeam, file), onOpened)();
          }}
        />
      </div>
      {error && (
        <p role="alert" className="muted">
          {error}
        </p>
      )}
      {rows && rows.length === 0 && <p className="muted">Nothing is shared with you yet. Publish a scenario to share it.</p>}
      <ul className="scenario-library shared-library" aria-label="Shared library">
        {rows?.map((row) => {
          // The owner, or an admin who can see it (docs/api.md).
          const mayHandOver = row.access === 'owner' || user.role === 'admin';
          return (
            <li key={row.id}>
              <span>
                <strong>{row.title}</strong>
                {openNow?.id === row.id && <span className="muted"> (open now)</span>}
                <span className="muted shared-library-meta">
                  {row.access === 'owner' ? 'Yours' : `${row.owner}’s · ${ACCESS_WORDS[row.access]}`}
                  {row.everyone ? ` · everyone ${ROLE_WORDS[row.everyone]}` : ''} · {formatCount(row.eventCount)} events · changed by {row.updatedBy}{' '}
                  <time dateTime={row.updatedAt} title={absoluteTime(row.updatedAt)}>
                    {relativeTime(row.updatedAt)}
                  </time>
                </span>
              </span>
              <button type="button" onClick={openRow(row)} aria-label={`Open “${row.title}”`}>
                Open
              </button>
              {mayHandOver && (
                <span className="shared-library-owner-actions">
                  {row.access === 'owner' && (
                    <>
                      <button type="button" className="link-button" aria-expanded={panel?.id === row.id && panel.kind === 'share'} onClick={() => toggle(row.id, 'share')}>
                        Share…
                      </button>
                      <button type="button" className="link-button" aria-expanded={panel?.id === row.id && panel.kind === 'rename'} onClick={() => toggle(row.id, 'rename')}>
                        Rename
                      </button>
                      <button type="button" className="link-button" aria-expanded={panel?.id === row.id && panel.kind === 'delete'} onClick={() => toggle(row.id, 'delete')}>
                        Delete
                      </button>
                    </>
                  )}
                  {mayHandOver && (
                    <button type="button" className="link-button" aria-expanded={panel?.id === row.id && panel.kind === 'hand-over'} onClick={() => toggle(row.id, 'hand-over')}>
                      Hand over
                    </button>
                  )}
                </span>
              )}
              {panel?.id === row.id && panel.kind === 'share' && <SharePanel row={row} onStatus={setStatus} />}
              {panel?.id === row.id && panel.kind === 'rename' && <RenamePanel row={row} act={act} onDone={() => setPanel(null)} />}
              {panel?.id === row.id && panel.kind === 'delete' && (
                <div className="shared-panel" role="group" aria-label={`Delete “${row.title}”`}>
                  <p>
                    Delete “{row.title}” for everyone it is shared with? Its journal of edits and its members go with it; this cannot be undone.
                  </p>
                  <div className="shared-panel-row">
                    <button type="button" className="danger" onClick={act(`Deleting “${row.title}”`, () => deleteShared(pageTeam, row.id), () => setPanel(null))}>
                      Delete for everyone
                    </button>
                    <button type="button" onClick={() => setPanel(null)}>
                      Cancel
                    </button>
                  </div>
                </div>
              )}
              {panel?.id === row.id && panel.kind === 'hand-over' && <HandOverPanel row={row} me={user} act={act} onDone={() => setPanel(null)} />}
            </li>
          );
        })}
      </ul>
      <p role="status" className="export-status">
        {status}
      </p>
      <FeedsSection />
    </section>
  );
}

type Act = (label: string, action: () => Promise<unknown>, then?: () => void) => () => Promise<void>;

/** Who may see or edit a scenario: everyone signed in, and each person; the owner changes it. */
function SharePanel({ row, onStatus }: { row: SharedLibraryRow; onStatus: (status: string) => void }) {
  const [members, setMembers] = useState<Awaited<ReturnType<typeof sharingOf>> | null>(null);
  const [people, setPeople] = useState<TeamUserInfo[]>([]);
  const [adding, setAdding] = useState('');
  const [addingRole, setAddingRole] = useState<TeamShareRole>('viewer');
  const [problem, setProblem] = useState('');

  useEffect(() => {
    let cancelled = false;
    Promise.all([sharingOf(pageTeam, row.id), teamPeople(pageTeam)]).then(
      ([found, everyone]) => {
        if (cancelled) return;
        setMembers(found);
        setPeople(everyone);
      },
      (failure: unknown) => !cancelled && setProblem(`Who it is shared with could not be read: ${messageOf(failure)}`),
    );
    return () => {
      cancelled = true;
    };
  }, [row.id]);

  const change = async (label: string, action: () => Promise<unknown>) => {
    setProblem('');
    try {
      await action();
      setMembers(await sharingOf(pageTeam, row.id));
      onStatus(label);
    } catch (failure) {
      setProblem(`${label.replace(/\.$/, '')} failed: ${messageOf(failure)}`);
    }
  };

  const candidates = people.filter((person) => person.username !== members?.owner && !members?.members.some((member) => member.username === person.username));
  const chosen = candidates.some((person) => person.username === adding) ? adding : (candidates[0]?.username ?? '');

  return (
    <div className="shared-panel" role="group" aria-label={`Share “${row.title}”`}>
      {!members && !problem && <p className="muted">Reading who it is shared with…</p>}
      {members && (
        <>
          <p>
            Owner: <strong>{members.owner}</strong>
          </p>
          <div className="shared-panel-row">
            <label>
              Everyone signed in
              <select
                aria-label="Everyone signed in"
                value={members.everyone ?? ''}
                onChange={(event) => {
                  const role = (event.target.value || null) as TeamShareRole | null;
                  void change(role ? `Shared with everyone signed in (${ROLE_WORDS[role]}).` : 'No longer shared with everyone.', () => shareWithEveryone(pageTeam, row.id, role));
                }}
              >
                <option value="">only the people below</option>
                <option value="viewer">can view</option>
                <option value="editor">can edit</option>
              </select>
            </label>
          </div>
          {members.members.length > 0 ? (
            <ul className="shared-members" aria-label="People it is shared with">
              {members.members.map((member) => (
                <li key={member.username}>
                  <span>{member.username}</span>
                  <select aria-label={`What ${member.username} may do`} value={member.role} onChange={(event) => void change(`${member.username} ${ROLE_WORDS[event.target.value as TeamShareRole]}.`, () => shareWith(pageTeam, row.id, member.username, event.target.value as TeamShareRole))}>
                    <option value="viewer">can view</option>
                    <option value="editor">can edit</option>
                  </select>
                  <button type="button" className="link-button" aria-label={`Remove ${member.username}`} onClick={() => void change(`${member.username} removed.`, () => unshareWith(pageTeam, row.id, member.username))}>
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Not shared with anyone by name yet.</p>
          )}
          {candidates.length > 0 && (
            <div className="shared-panel-row">
              <label>
                Share with
                <PeopleSelect people={candidates} value={chosen} onChange={setAdding} label="Share with" />
              </label>
              <label>
                who
                <select aria-label="What they may do" value={addingRole} onChange={(event) => setAddingRole(event.target.value as TeamShareRole)}>
                  <option value="viewer">can view</option>
                  <option value="editor">can edit</option>
                </select>
              </label>
              <button type="button" disabled={!chosen} onClick={() => void change(`Shared with ${chosen} (${ROLE_WORDS[addingRole]}).`, () => shareWith(pageTeam, row.id, chosen, addingRole))}>
                Share
              </button>
            </div>
          )}
        </>
      )}
      {problem && <p role="alert">{problem}</p>}
    </div>
  );
}

function RenamePanel({ row, act, onDone }: { row: SharedLibraryRow; act: Act; onDone: () => void }) {
  const [title, setTitle] = useState(row.title);
  const trimmed = title.trim();
  return (
    <form
      className="shared-panel"
      aria-label={`Rename “${row.title}”`}
      onSubmit={(event) => {
        event.preventDefault();
        if (trimmed && trimmed !== row.title) void act(`Renaming “${row.title}”`, () => renameShared(pageTeam, row.id, trimmed), onDone)();
      }}
    >
      <div className="shared-panel-row">
        <label>
          New title
          <input type="text" value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} autoFocus />
        </label>
        <button type="submit" disabled={!trimmed || trimmed === row.title}>
          Rename
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function HandOverPanel({ row, me, act, onDone }: { row: SharedLibraryRow; me: TeamUserInfo; act: Act; onDone: () => void }) {
  const [people, setPeople] = useState<TeamUserInfo[] | null>(null);
  const [heir, setHeir] = useState('');
  useEffect(() => {
    let cancelled = false;
    teamPeople(pageTeam).then(
      (found) => !cancelled && setPeople(found),
      () => !cancelled && setPeople([]),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  const candidates = (people ?? []).filter((person) => person.username !== row.owner);
  const chosen = candidates.some((person) => person.username === heir) ? heir : (candidates[0]?.username ?? '');
  return (
    <div className="shared-panel" role="group" aria-label={`Hand over “${row.title}”`}>
      <p>
        The new owner decides who may see and edit it{row.owner === me.username ? '; you stay on as an editor' : ''}.
      </p>
      <div className="shared-panel-row">
        <label>
          New owner
          <PeopleSelect people={candidates} value={chosen} onChange={setHeir} />
        </label>
        <button type="button" disabled={!chosen} onClick={act(`Handing “${row.title}” to ${chosen}`, () => handOver(pageTeam, row.id, chosen), onDone)}>
          Hand over
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** A choice of people by username (whom to share with, whom to hand over to). */
function PeopleSelect({ people, value, onChange, label }: { people: readonly { username: string }[]; value: string; onChange: (username: string) => void; label?: string }) {
  return (
    <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)} disabled={people.length === 0}>
      {people.map((person) => (
        <option key={person.username} value={person.username}>
          {person.username}
        </option>
      ))}
    </select>
  );
}
