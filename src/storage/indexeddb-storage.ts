// This browser's storage: IndexedDB (database.ts and the stored-*.ts modules beside it), with a
// BroadcastChannel so that the other tabs of this browser hear of each committed edit at once.
// Imports are written by the import worker, which already holds their events.
import type { TripwireStorage } from './storage';
import { openDatabase, requestPersistentStorage } from './database';
import { appendEdit, deleteStoredScenario, hasStoredScenario, listStoredScenarios, readEdits, readStoredScenario, saveScenario } from './stored-scenarios';
import { deleteStoredImport, listStoredImports, readStoredFile } from './stored-imports';
import { readImportEvents } from './import-reader';

const CHANNEL = 'tripwire-edits';

export function indexedDbStorage(): TripwireStorage {
  // Each storage object has its own channel: a BroadcastChannel never hears its own messages, so
  // watchers hear other tabs (and other storage objects of this tab), never their own edits.
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  const watchers = new Set<{ scenarioId: string; onChange: () => void }>();
  if (channel) {
    channel.onmessage = (message: MessageEvent<{ scenarioId: string }>) => {
      for (const watcher of watchers) if (watcher.scenarioId === message.data.scenarioId) watcher.onChange();
    };
  }
  return {
    where: 'this browser',
    listScenarios: listStoredScenarios,
    hasScenario: hasStoredScenario,
    readScenario: readStoredScenario,
    async saveScenario(head, events) {
      await saveScenario(head, events);
      void requestPersistentStorage();
    },
    deleteScenario: deleteStoredScenario,
    async appendEdit(entry) {
      const seq = await appendEdit(entry); // resolves once IndexedDB has committed it
      channel?.postMessage({ scenarioId: entry.scenarioId });
      return { ...entry, seq };
    },
    readEdits,
    watch(scenarioId, onChange) {
      const watcher = { scenarioId, onChange };
      watchers.add(watcher);
      return () => watchers.delete(watcher);
    },
    listImports: listStoredImports,
    // Read by a worker, which transfers the packed columns; the page builds the events in slices.
    readImportEvents: (record) => readImportEvents(record),
    readImportFile: readStoredFile,
    async keepImport(accepted) {
      // The page checks first that it can open the database at all (private mode, a policy that
      // blocks storage): then the worker does the writing.
      try {
        await openDatabase();
      } catch (error) {
        accepted.discard();
        return { stored: false, quotaExceeded: false, reason: error instanceof Error ? error.message : String(error) };
      }
      void requestPersistentStorage();
      return accepted.keepInWorker();
    },
    deleteImport: deleteStoredImport,
    close: () => channel?.close(),
  };
}
