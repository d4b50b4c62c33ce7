// The open scenario's persistence: the one object actions call down to (scenario-session.ts), and
// the page's own session, over this browser's storage.
export { ScenarioSession, type SessionOptions } from './scenario-session';
export { session } from './page-session';
