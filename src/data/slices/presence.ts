// Presence: who else has the open shared scenario open, and what each has selected (the live
// stream's `presence` events, src/actions/presence-actions.ts). Never the person on this page.
// Empty for a scenario of this browser's own.
import type { SliceCreator } from '../store';

/** Someone else on the scenario: one entry per person and selection (docs/api.md, "Live"). */
export interface PresentPerson {
  username: string;
  /** The event they have selected, or null. */
  selected: string | null;
}

export interface PresenceSlice {
  presence: readonly PresentPerson[];
  setPresence: (presence: readonly PresentPerson[]) => void;
}

export const createPresenceSlice: SliceCreator<PresenceSlice> = (set) => ({
  presence: [],
  setPresence: (presence) => set({ presence }),
});

/** Two letters for a chip: "bob" → "BO", "bob.smith" → "BS", "a" → "A". */
export function initialsOf(username: string): string {
  const parts = username.split(/[._-]+/).filter((part) => part !== '');
  const letters = parts.length >= 2 ? `${parts[0]![0]}${parts[1]![0]}` : (parts[0] ?? username).slice(0, 2);
  return letters.toUpperCase();
}

/** Each person once, in order (a person with two pages open may be listed twice). */
export const presentPeople = (presence: readonly PresentPerson[]): string[] => [...new Set(presence.map((person) => person.username))];

/** Who has each event selected: event id → usernames. */
export function selectedBy(presence: readonly PresentPerson[]): Map<string, string[]> {
  const byEvent = new Map<string, string[]>();
  for (const { username, selected } of presence) {
    if (selected === null) continue;
    const names = byEvent.get(selected) ?? [];
    if (!names.includes(username)) names.push(username);
    byEvent.set(selected, names);
  }
  return byEvent;
}
