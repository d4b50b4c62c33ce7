// The page's session: the app's store over this browser's storage. Made once, like the store;
// tests make their own sessions over memory storage (tests/unit/actions.test.ts).
import { store } from '../data/store';
import { indexedDbStorage } from '../storage';
import { ScenarioSession } from './scenario-session';

export const session = new ScenarioSession(store, indexedDbStorage());
