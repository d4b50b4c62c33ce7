// What the draft dialog (a chunk of its own) uses of the app, handed to it by the app rather than
// imported by it: when a lazy chunk imports the store or the event form's checks itself, Rolldown
// moves modules the entry shares with it (React, zustand's shallow, the CSV checks) out of the
// entry into extra chunks that every first load then fetches (measured: two more requests, 1.3 kB).
import { store } from '../../data/store';
import { editEvent } from '../../actions';
import { session } from '../../session';
import { eventOfForm } from '../../data/editing/event-of-form';

export const draftHost = { store, session, editEvent, eventOfForm };
export type DraftHost = typeof draftHost;
