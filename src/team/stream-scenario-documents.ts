// Scenario documents read from a response as it streams in, on this thread: for Node (tests,
// scripts), where there is no worker. The same reader and checks as the scenario worker's.
import { openScenario } from '../data/open-scenario';
import { parseScenarioStream, ScenarioFileError } from '../scenario/scenario-file-reader';
import type { ScenarioDocuments } from '../storage';
import { SharedDocumentError, storedOfOpened, writeScenarioDocument } from './scenario-documents';

export const streamScenarioDocuments: ScenarioDocuments = {
  async read(response) {
    if (!response.body) throw new SharedDocumentError([{ location: '(document)', message: 'the answer has no body' }]);
    const features: unknown[] = [];
    let head: Record<string, unknown>;
    try {
      ({ head } = await parseScenarioStream(response.body as ReadableStream<Uint8Array>, { onFeatures: (batch) => void features.push(...batch) }));
    } catch (error) {
      throw new SharedDocumentError([{ location: error instanceof ScenarioFileError ? error.location : '(document)', message: error instanceof Error ? error.message : String(error) }]);
    }
    const opened = openScenario(head, features);
    if (!opened.ok) throw new SharedDocumentError(opened.issues);
    return storedOfOpened(opened.value);
  },
  write: writeScenarioDocument,
};
