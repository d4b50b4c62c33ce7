import { useCallback, useEffect, useState } from 'react';
import { addFeed, feedFollows, followFeed, listFeeds, removeFeed, stopFollowing, type FeedFollow, type FeedInfo } from '../../actions';
import { useStore } from '../../data/store';
import { absoluteTime, relativeTime } from './relative-time';
import { pageTeam } from './page-team';
import './feeds.css';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** How often the open scenario's feed status is read again while the dialog is open. */
const STATUS_EVERY_MS = 30_000;
const NEW_SET = '(new)';

/**
 * The shared library's feeds: the open shared scenario's event sets that follow one (how each is
 * doing, and, for an editor, follow and stop), and for an admin the list of addresses the server
 * may poll. Members choose feeds by name; only admins see or type an address.
 */
export function FeedsSection() {
  const user = useStore((state) => state.teamUser);
  const openShared = useStore((state) => state.openShared);
  const [feeds, setFeeds] = useState<FeedInfo[] | null>(null);
  const [problem, setProblem] = useState('');
  const readFeeds = useCallback(() => {
    listFeeds(pageTeam).then(setFeeds, (failure: unknown) => setProblem(`The feeds could not be read: ${messageOf(failure)}`));
  }, []);
  useEffect(readFeeds, [readFeeds]);

  if (!user || (!openShared && user.role !== 'admin')) return null;
  return (
    <section className="feeds-section" aria-labelledby="feeds-title">
      <h3 id="feeds-title">Feeds</h3>
      {problem && <p role="alert">{problem}</p>}
      {openShared && feeds && <ScenarioFeeds scenarioId={openShared.id} mayEdit={openShared.access !== 'viewer'} feeds={feeds} />}
      {user.role === 'admin' && feeds && <FeedList feeds={feeds} onChanged={readFeeds} />}
    </section>
  );
}

/** How a follow is doing, in words: its last update, or its error. */
function FollowStatus({ follow, feed }: { follow: FeedFollow; feed: FeedInfo | undefined }) {
  if (follow.lastError) {
    return (
      <span className="feed-status is-broken">
        Not updated{follow.lastPolledAt ? ` ${relativeTime(follow.lastPolledAt)}` : ''}: {/[.!?…]$/.test(follow.lastError) ? follow.lastError : `${follow.lastError}.`} What is there is unchanged
        {follow.lastOkAt ? `; last good update ${relativeTime(follow.lastOkAt)}` : ''}.
      </span>
    );
  }
  if (follow.lastOkAt) {
    return (
      <span className="feed-status">
        Up to date as of{' '}
        <time dateTime={follow.lastOkAt} title={absoluteTime(follow.lastOkAt)}>
          {relativeTime(follow.lastOkAt)}
        </time>
        {feed ? ` · checked every ${feed.everyMinutes} min` : ''}
      </span>
    );
  }
  return <span className="feed-status">Waiting for its first update (within a minute).</span>;
}

function ScenarioFeeds({ scenarioId, mayEdit, feeds }: { scenarioId: string; mayEdit: boolean; feeds: FeedInfo[] }) {
  const eventSets = useStore((state) => state.eventSets);
  const [follows, setFollows] = useState<FeedFollow[] | null>(null);
  const [chosenFeed, setChosenFeed] = useState('');
  const [chosenSet, setChosenSet] = useState(NEW_SET);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');

  const readFollows = useCallback(() => {
    feedFollows(pageTeam, scenarioId).then(setFollows, (failure: unknown) => setProblem(`Its feeds could not be read: ${messageOf(failure)}`));
  }, [scenarioId]);
  useEffect(() => {
    readFollows();
    const timer = setInterval(readFollows, STATUS_EVERY_MS);
    return () => clearInterval(timer);
  }, [readFollows]);

  const change = async (label: string, action: () => Promise<unknown>) => {
    setProblem('');
    setStatus(`${label}…`);
    try {
      await action();
      setStatus('');
      readFollows();
    } catch (failure) {
      setStatus('');
      setProblem(`${label} failed: ${messageOf(failure)}`);
    }
  };

  const feed = feeds.find((candidate) => String(candidate.id) === chosenFeed) ?? feeds[0];
  const followed = new Set(follows?.map((row) => row.eventSetId));
  const setName = (id: string) => eventSets.find((set) => set.id === id)?.name ?? id;
  const free = eventSets.filter((set) => !followed.has(set.id));

  return (
    <div className="scenario-feeds">
      {follows && follows.length === 0 && <p className="muted">No event set of the open scenario follows a feed.</p>}
      {follows && follows.length > 0 && (
        <ul className="feed-follows" aria-label="Feeds the open scenario follows">
          {follows.map((row) => (
            <li key={row.eventSetId}>
              <span>
                <strong>{setName(row.eventSetId)}</strong> — from the feed <strong>{row.feedName}</strong>
                <FollowStatus follow={row} feed={feeds.find((candidate) => candidate.id === row.feedId)} />
              </span>
              {mayEdit && (
                <button type="button" className="link-button" aria-label={`Stop following ${row.feedName} in ${setName(row.eventSetId)}`} onClick={() => void change(`Stopping ${row.feedName}`, () => stopFollowing(pageTeam, scenarioId, row.eventSetId))}>
                  Stop
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayEdit && feeds.length === 0 && <p className="muted">No feeds are listed yet: an admin adds the addresses the server may poll.</p>}
      {mayEdit && feed && (
        <form
          className="shared-panel-row feed-follow-form"
          aria-label="Follow a feed"
          onSubmit={(event) => {
            event.preventDefault();
            void change(`Following ${feed.name}`, () => followFeed(pageTeam, feed, chosenSet === NEW_SET ? null : chosenSet));
          }}
        >
          <label>
            Follow
            <select value={String(feed.id)} onChange={(event) => setChosenFeed(event.target.value)}>
              {feeds.map((candidate) => (
                <option key={candidate.id} value={String(candidate.id)}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            into
            <select value={chosenSet} onChange={(event) => setChosenSet(event.target.value)}>
              <option value={NEW_SET}>a new event set “{feed.name}”</option>
              {free.map((set) => (
                <option key={set.id} value={set.id}>
                  {set.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Follow</button>
        </form>
      )}
      {problem && <p role="alert">{problem}</p>}
      <p role="status" className="export-status">
        {status}
      </p>
    </div>
  );
}

/** The admin's list: name, address and interval of each feed the server may poll; add and remove. */
function FeedList({ feeds, onChanged }: { feeds: FeedInfo[]; onChanged: () => void }) {
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [minutes, setMinutes] = useState('15');
  const [problem, setProblem] = useState('');
  const [status, setStatus] = useState('');

  const change = async (label: string, action: () => Promise<unknown>, then?: () => void) => {
    setProblem('');
    try {
      await action();
      setStatus(label);
      then?.();
      onChanged();
    } catch (failure) {
      setStatus('');
      setProblem(`${label.replace(/\.$/, '')} failed: ${messageOf(failure)}`);
    }
  };

  return (
    <div className="feed-admin" role="group" aria-labelledby="feed-admin-title">
      <h4 id="feed-admin-title">Addresses the server may poll (admins)</h4>
      {feeds.length === 0 ? (
        <p className="muted">None yet. A feed is CSV in Tripwire’s column names or GeoJSON of events (docs/import-format.md).</p>
      ) : (
        <ul className="feed-list" aria-label="Listed feeds">
          {feeds.map((feed) => (
            <li key={feed.id}>
              <span>
                <strong>{feed.name}</strong>
                <span className="muted feed-url">{feed.url}</span>
                <span className="muted">
                  every {feed.everyMinutes} min{feed.addedBy ? ` · added by ${feed.addedBy}` : ''}
                </span>
              </span>
              <button type="button" className="link-button" aria-label={`Remove feed ${feed.name}`} onClick={() => void change(`${feed.name} removed.`, () => removeFeed(pageTeam, feed.id))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="shared-panel-row feed-add-form"
        aria-label="Add a feed"
        onSubmit={(event) => {
          event.preventDefault();
          void change(`${name.trim()} added.`, () => addFeed(pageTeam, { name: name.trim(), url: url.trim(), everyMinutes: Number(minutes) }), () => {
            setName('');
            setUrl('');
          });
        }}
      >
        <label>
          Name
          <input type="text" value={name} maxLength={100} required onChange={(event) => setName(event.target.value)} />
        </label>
        <label>
          Address
          <input type="url" value={url} maxLength={2000} required placeholder="https://…/events.csv" onChange={(event) => setUrl(event.target.value)} />
        </label>
        <label>
          every
          <input type="number" value={minutes} min={1} max={1440} required onChange={(event) => setMinutes(event.target.value)} className="feed-minutes" />
          min
        </label>
        <button type="submit">Add feed</button>
      </form>
      {problem && <p role="alert">{problem}</p>}
      <p role="status" className="export-status">
        {status}
      </p>
    </div>
  );
}
