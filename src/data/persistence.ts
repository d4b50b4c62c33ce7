// What survives a reload in localStorage: a few UI preferences, through Zustand's persist
// middleware. Imports live in IndexedDB (src/storage), which has room for a million events;
// version 1 kept them here, and its imports are handed over once (LEGACY_IMPORTS_KEY).
// Stored data is untrusted input: it is checked like a file, and anything unreadable or from an
// unknown version is set aside (kept, downloadable) rather than crashing the app or being
// silently overwritten.
import { z } from './zod';
import type { PersistOptions, PersistStorage, StorageValue } from 'zustand/middleware';
import { shallow } from 'zustand/shallow';
import type { StoreState } from './store';
import { mergeEvents } from './event-sets';
import { BASEMAP_FLAVORS } from './basemap-flavors';

export const STORAGE_KEY = 'tripwire';
export const SET_ASIDE_KEY = 'tripwire-set-aside';
/** Version 1's imports, kept under their own key until IndexedDB has them (moveLegacyImports in src/actions/restore-imports.ts). */
export const LEGACY_IMPORTS_KEY = 'tripwire-legacy-imports';
export const PERSIST_VERSION = 3;

const legacyImportsSchema = z.array(z.object({ id: z.string().max(100), name: z.string().max(300), text: z.string() }));
export type LegacyImport = z.infer<typeof legacyImportsSchema>[number];

const persistedSchema = z
  .object({
    activeEventSetIds: z.array(z.string().max(100)).max(50),
    hiddenLayers: z.array(z.string().max(100)).max(50),
    mode: z.enum(['cumulative', 'window']),
    windowMonths: z.number().int().min(1).max(120),
    speed: z.enum(['year-per-second', 'quarter-per-second', 'month-per-second', 'week-per-second']),
    scale: z.enum(['linear', 'even']),
    basemapFlavor: z.enum(BASEMAP_FLAVORS),
  })
  .partial();

export type PersistedState = z.infer<typeof persistedSchema>;

export const persistedPart = (state: StoreState): PersistedState => ({
  activeEventSetIds: state.activeEventSetIds,
  hiddenLayers: state.hiddenLayers,
  mode: state.mode,
  windowMonths: state.windowMonths,
  speed: state.speed,
  scale: state.scale,
  basemapFlavor: state.basemapFlavor,
});

export interface PersistenceReport {
  notice: (text: string) => void;
  setAside: (raw: string) => void;
}

/**
 * Version 0 (before event sets) kept `hidden` for hidden layers and nothing else. Version 1 kept
 * imported files' text beside the preferences: they move to LEGACY_IMPORTS_KEY, where
 * moveLegacyImports (src/actions/restore-imports.ts) picks them up for IndexedDB, and the
 * preferences stay. Version 2 called the shown event sets `activeScenarioIds`, before a scenario
 * became the whole document.
 */
export function migratePersisted(persisted: unknown, version: number, backend?: Storage): PersistedState {
  if (version === 0 && persisted && typeof persisted === 'object' && 'hidden' in persisted) {
    const hidden = (persisted as { hidden: unknown }).hidden;
    return { hiddenLayers: Array.isArray(hidden) ? hidden.filter((id): id is string => typeof id === 'string') : [] };
  }
  if ((version === 1 || version === 2) && persisted && typeof persisted === 'object') {
    const { importedFiles, activeScenarioIds, ...rest } = persisted as { importedFiles?: unknown; activeScenarioIds?: unknown };
    const preferences = activeScenarioIds === undefined ? rest : { ...rest, activeEventSetIds: activeScenarioIds };
    const legacy = legacyImportsSchema.safeParse(importedFiles ?? []);
    // Written before version 2 replaces version 1 in storage, so no import is ever only in memory.
    if (legacy.success && legacy.data.length > 0 && !backend?.getItem(LEGACY_IMPORTS_KEY)) backend?.setItem(LEGACY_IMPORTS_KEY, JSON.stringify(legacy.data));
    const checked = persistedSchema.safeParse(preferences);
    return checked.success ? checked.data : {};
  }
  return {};
}

/** Version 1's imports waiting for IndexedDB; [] when there are none or they are unreadable. */
export function readLegacyImports(backend: Storage | undefined): LegacyImport[] {
  try {
    const parsed = legacyImportsSchema.safeParse(JSON.parse(backend?.getItem(LEGACY_IMPORTS_KEY) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/**
 * A localStorage-backed PersistStorage that never throws: unreadable data is set aside, and a
 * full quota becomes one notice while the app carries on in memory.
 */
export function safeStorage(backend: Storage | undefined, report: () => PersistenceReport | null): PersistStorage<PersistedState> {
  let quotaReported = false;
  // Zustand's persist writes on every change of the store: each timeline tick, each hover. The
  // persisted part rarely changes, and with a large import it is megabytes of JSON, so a write
  // happens only when one of its fields is a different value (the store never mutates in place).
  let lastWritten: PersistedState | null = null;
  const setAside = (raw: string, why: string) => {
    try {
      backend?.setItem(SET_ASIDE_KEY, raw);
    } catch {
      // No room to keep a copy in storage: the in-memory copy is still downloadable.
    }
    backend?.removeItem(STORAGE_KEY);
    report()?.setAside(raw);
    report()?.notice(`Saved data from an earlier visit could not be used (${why}); it was set aside and the app started on defaults.`);
  };
  return {
    getItem: (name) => {
      const raw = backend?.getItem(name) ?? null;
      if (raw === null) return null;
      let parsed: { state?: unknown; version?: unknown };
      try {
        parsed = JSON.parse(raw);
      } catch {
        setAside(raw, 'it is not valid JSON');
        return null;
      }
      const version = typeof parsed?.version === 'number' ? parsed.version : -1;
      if (version > PERSIST_VERSION || version < 0) {
        setAside(raw, `unknown version ${String(parsed?.version)}`);
        return null;
      }
      const state = version === PERSIST_VERSION ? persistedSchema.safeParse(parsed.state) : { success: true as const, data: parsed.state as PersistedState };
      if (!state.success) {
        setAside(raw, `it does not have the expected shape: ${state.error.issues[0]?.path.join('.')} ${state.error.issues[0]?.message}`);
        return null;
      }
      return { state: state.data, version } as StorageValue<PersistedState>;
    },
    setItem: (name, value) => {
      if (lastWritten && shallow(lastWritten, value.state)) return;
      lastWritten = value.state;
      try {
        backend?.setItem(name, JSON.stringify(value));
      } catch (error) {
        if (quotaReported) return;
        quotaReported = true;
        const why = error instanceof DOMException && error.name === 'QuotaExceededError' ? 'the browser storage is full' : 'the browser refused to store it';
        report()?.notice(`Your preferences could not be saved for next time (${why}); everything keeps working until you close this page.`);
      }
    },
    removeItem: (name) => backend?.removeItem(name),
  };
}

export function persistOptions(
  backend: Storage | undefined,
  report: () => PersistenceReport | null,
): PersistOptions<StoreState, PersistedState> {
  return {
    name: STORAGE_KEY,
    version: PERSIST_VERSION,
    storage: safeStorage(backend, report),
    partialize: persistedPart,
    migrate: (persisted, version) => migratePersisted(persisted, version, backend),
    merge: (persisted, current) => restorePreferences((persisted ?? {}) as PersistedState, current),
    // Hydrated by createTripwireStore once problems can be reported to the user.
    skipHydration: true,
  };
}

/** Persist's merge: the saved preferences over the defaults; the shown event sets' events follow. */
function restorePreferences(persisted: PersistedState, current: StoreState): StoreState {
  const activeEventSetIds = persisted.activeEventSetIds ?? current.activeEventSetIds;
  return { ...current, ...persisted, activeEventSetIds, events: mergeEvents(current.eventSets, activeEventSetIds) };
}
