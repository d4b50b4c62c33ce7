// How the server storage (src/storage/server-storage.ts) reads and writes scenario documents: the
// same reader and writer as a file. In the page the document is read in the scenario worker
// (`readScenarioFile`, loaded when first needed); in Node (tests, scripts) it is parsed as it
// streams in (`streamScenarioDocuments`). Either way it is checked exactly as an opened file is.
import type { TripwireEvent } from '../data/events';
import type { ScenarioHead } from '../data/scenario-schema';
import { documentHead, eventSetOf, type OpenedScenario } from '../data/open-scenario';
import type { ValidationIssue } from '../data/validate';
import { scenarioDocumentParts } from '../scenario/scenario-document';
import type { ScenarioDocuments } from '../storage';

/** The event sets of a stored head and its events (each event names its set). */
export const eventSetsOf = (head: ScenarioHead, events: readonly TripwireEvent[]) =>
  head.eventSets.map((set) => eventSetOf(head, set, events.filter((event) => event.eventSetId === set.id)));

/** A head and its events as a document, written in parts. */
export const writeScenarioDocument = (head: ScenarioHead, events: readonly TripwireEvent[]): Blob =>
  new Blob([...scenarioDocumentParts(head, eventSetsOf(head, events))], { type: 'application/json' });

/** An opened document as a storage gives it back: the head declares every set, the events flat. */
export const storedOfOpened = ({ head, eventSets }: OpenedScenario) => ({ head: documentHead(head, eventSets), events: eventSets.flatMap((set) => set.events) });

/** A document the server sent that does not pass the app's checks (it should never happen). */
export class SharedDocumentError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(`The shared scenario could not be read: ${issues.slice(0, 3).map((issue) => `${issue.location}: ${issue.message}`).join('; ')}`);
    this.name = 'SharedDocumentError';
  }
}

/** In the page: the scenario worker reads the document, as it reads an opened file. */
export const workerScenarioDocuments: ScenarioDocuments = {
  async read(response) {
    const { readScenarioFile } = await import('../scenario/read-scenario-file');
    const result = await readScenarioFile(await response.blob());
    if (!result.ok) throw new SharedDocumentError('cancelled' in result ? [{ location: '(document)', message: 'reading was cancelled' }] : result.issues);
    return storedOfOpened(result.value);
  },
  write: writeScenarioDocument,
};
