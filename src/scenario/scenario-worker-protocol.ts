// Messages from the scenario worker (scenario.worker.ts) to the page.
import type { TripwireEvent } from '../data/events';
import type { EventSet } from '../data/event-sets';
import type { ValidationIssue } from '../data/validate';
import type { ScenarioHead } from '../data/scenario-schema';

export type ScenarioWorkerMessage =
  | { type: 'progress'; phase: 'reading' | 'checking'; fraction: number; rows?: number }
  | { type: 'refused'; issues: ValidationIssue[] }
  /** The document passed; its sets follow, their events in chunks. */
  | { type: 'head'; head: ScenarioHead; eventSets: (Omit<EventSet, 'events'> & { eventCount: number })[] }
  | { type: 'events'; setId: string; events: TripwireEvent[] }
  | { type: 'done' };
