// A scenario document arriving in a request body, read as it streams in (never one giant string)
// and checked exactly as the app checks a file it opens: the same reader, the same schemas.
import type { Readable } from 'node:stream';
import { Readable as NodeReadable } from 'node:stream';
import { openScenario, type OpenedScenario } from '../../data/open-scenario';
import type { Validated } from '../../data/validate';
import { MAX_SCENARIO_FILE_BYTES } from '../../data/limits';
import { ScenarioFileError, parseScenarioStream } from '../../scenario/scenario-file-reader';

export async function readScenarioDocument(body: Readable, maxBytes = MAX_SCENARIO_FILE_BYTES): Promise<Validated<OpenedScenario>> {
  const features: unknown[] = [];
  try {
    const { head } = await parseScenarioStream(NodeReadable.toWeb(body) as ReadableStream<Uint8Array>, {
      maxBytes,
      onFeatures: (batch) => {
        for (const feature of batch) features.push(feature);
      },
    });
    return openScenario(head, features);
  } catch (error) {
    if (error instanceof ScenarioFileError) return { ok: false, issues: [{ location: error.location, message: error.message }] };
    throw error;
  }
}
