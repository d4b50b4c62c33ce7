// Every change to data goes through these actions: they call down to the session
// (src/session), which alone keeps the open scenario in its storage.
export { editEvent, editHead, undoEdit, redoEdit } from './edit-actions';
export { importEventsFile, removeImport, type ImportReport } from './import-actions';
export { deleteScenario, listScenarios, newScenario, openBuiltInScenario, openScenarioFile, openStoredScenario, scenarioDownload, startScenario, type ScenarioReport } from './scenario-actions';
export type { StoredScenario } from '../storage';
// The column mapping a user confirmed for a header, offered again for the same header.
export { recallMapping, rememberMapping } from '../storage';
// The team server (docs/api.md): sign-in, the shared library, publishing, sharing.
export {
  connectTeam,
  deleteShared,
  handOver,
  openShared,
  publishToTeam,
  refreshLibrary,
  renameShared,
  shareWith,
  shareWithEveryone,
  sharingOf,
  signIn,
  signOut,
  startHashOf,
  startTeam,
  teamPeople,
  unshareWith,
  type TeamConnection,
  type TeamOptions,
} from './team-actions';
// Who else has the open shared scenario open, and what they have selected.
export { startPresence } from './presence-actions';
// Feeds an admin lists and a shared scenario's event sets follow (docs/api.md, "Feeds").
export { addFeed, feedFollows, followFeed, listFeeds, removeFeed, stopFollowing, type FeedFollow, type FeedInfo } from './feed-actions';
// A shared scenario's history: who changed what, any past state, restored as a copy (docs/api.md, "History").
export { loadLastChanges, openPastState, pointLabel, readHistory, restoreAsCopy } from './history-actions';
export { pointOf, type HistoryItem, type HistoryPage } from '../team/history-api';
