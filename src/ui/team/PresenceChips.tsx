import { useEffect } from 'react';
import { startPresence } from '../../actions';
import { useStore } from '../../data/store';
import { initialsOf, presentPeople } from '../../data/slices/presence';
import { pageTeam } from './page-team';
import './presence.css';

/** More than this many people and the rest are a count ("+3"). */
const MOST_CHIPS = 4;

/**
 * "Also here: bob, carol" in the header: who else has the open shared scenario open, as initials
 * chips (each with the person's name as its title and spoken name). A phone shows only how many
 * ("+2"), with the names in its title. Mounting it joins the scenario's presence (presence-actions).
 */
export function PresenceChips() {
  useEffect(() => startPresence(pageTeam), []);
  const people = presentPeople(useStore((state) => state.presence));
  if (people.length === 0) return null;
  const sentence = `Also here: ${people.join(', ')}`;
  const shown = people.slice(0, people.length > MOST_CHIPS ? MOST_CHIPS - 1 : MOST_CHIPS);
  const more = people.length - shown.length;
  return (
    <div className="presence" data-testid="presence">
      <span className="presence-label" aria-hidden="true">
        Also here
      </span>
      <ul className="presence-chips" aria-label="Also here">
        {shown.map((username) => (
          <li key={username} className="presence-chip" title={username}>
            <span aria-hidden="true">{initialsOf(username)}</span>
            <span className="visually-hidden">{username}</span>
          </li>
        ))}
        {more > 0 && (
          <li className="presence-chip is-more" title={people.slice(shown.length).join(', ')}>
            <span aria-hidden="true">+{more}</span>
            <span className="visually-hidden">and {people.slice(shown.length).join(', ')}</span>
          </li>
        )}
      </ul>
      {/* The phone's form: a count, the names in its title and for a screen reader. */}
      <span className="presence-count" title={sentence}>
        <span aria-hidden="true">+{people.length}</span>
        <span className="visually-hidden">{sentence}</span>
      </span>
    </div>
  );
}
