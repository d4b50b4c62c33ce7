// What the page and draft.worker.ts say to each other.
import type { Bounds } from '../data/slices/view';
import type { ScenarioHead } from '../data/scenario-schema';
import type { DraftCandidate } from './draft-events';

export interface DraftRequest {
  id: number;
  text: string;
  /** YYYY-MM-DD, checked already. */
  published: string;
  /** The open scenario's layers: its own places name places first. */
  layers: ScenarioHead['layers'];
  views: Bounds[];
}

export type DraftReply = { id: number; type: 'progress'; message: string } | { id: number; type: 'done'; candidates: DraftCandidate[] } | { id: number; type: 'error'; message: string };
