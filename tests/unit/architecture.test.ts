// The house's shape, checked on every import in src/ (read by tests/import-graph.ts): code calls
// down, never up, and no runtime import circles back. docs/architecture.md draws the same picture.
// To see it fail: add `import '../ui/Legend';` to any file in src/data, or
// `import '../actions';` to src/session/scenario-session.ts.
import { describe, expect, it } from 'vitest';
import { importGraph, runtimeCycles, type ImportEdge } from '../import-graph';

/**
 * Which folders of src/ each folder may import at runtime. main.tsx and App.tsx wire everything
 * together and may import anything.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  ui: ['actions', 'session', 'map', 'layers', 'briefing', 'draft', 'import', 'scenario', 'data'],
  // Every change of data: down to the session, and to the readers of files; the team server's client.
  actions: ['session', 'storage', 'scenario', 'import', 'team', 'data'],
  session: ['storage', 'data'],
  storage: ['data'],
  // The map draws the layers, renders briefing images, and remembers the basemap file a user chose.
  map: ['layers', 'briefing', 'storage', 'data'],
  briefing: ['layers', 'data'],
  layers: ['data'],
  // The import worker writes what it read where the storage keeps it, so a million events never cross to the page and back.
  import: ['storage', 'data'],
  scenario: ['import', 'data'],
  draft: ['data'],
  // The team server's HTTP client (docs/api.md), and how the server storage reads and writes documents (the scenario reader and writer).
  team: ['scenario', 'data'],
  data: [],
  bench: ['map', 'layers', 'data'],
  // The team server (Node): the app's schemas and rules, its streaming document reader and writer, and the import's file reader (feeds are read as an import reads a file); nothing imports it.
  server: ['scenario', 'import', 'data'],
};

/** Folders whose files other folders reach only through the folder's index.ts: their public face. */
const ENTERED_BY_INDEX = ['actions', 'session', 'storage'];

/** The only code that calls MapLibre (and the drawing library on it); the rest may name its types. */
const MAP_LIBRARIES = /^(maplibre-gl|terra-draw)/;
const MAY_CALL_MAPLIBRE = ['map', 'bench'];

const folderOf = (path: string) => path.match(/^src\/([^/]+)\//)?.[1] ?? null;

describe('the architecture', () => {
  const edges = importGraph('src');
  const internal = edges.filter((edge) => !edge.external);
  const describeEdge = (edge: ImportEdge) => `${edge.from} → ${edge.to}${edge.typeOnly ? ' (types)' : ''}`;

  it('reads the imports it checks', () => {
    // A reader that found nothing would pass every rule below.
    expect(internal.length).toBeGreaterThan(500);
    expect(internal).toContainEqual({ from: 'src/session/scenario-session.ts', to: 'src/data/editing/edit-journal.ts', typeOnly: false, external: false });
    expect(internal).toContainEqual({ from: 'src/import/run-import-worker.ts', to: 'src/import/import.worker.ts', typeOnly: false, external: false });
  });

  it('imports at runtime only in the written directions', () => {
    const upward = internal.filter((edge) => {
      const from = folderOf(edge.from);
      const to = folderOf(edge.to);
      if (edge.typeOnly || from === null || from === to) return false;
      if (to === null) return true; // nothing imports main.tsx or App.tsx
      return !(MAY_IMPORT[from] ?? []).includes(to);
    });
    expect(upward.map(describeEdge)).toEqual([]);
  });

  it('names no type of the interface or the wiring below them', () => {
    // Types cost nothing at runtime and may cross between the model's folders, but nothing below
    // the interface knows its components, and nothing knows main.tsx or App.tsx.
    const knowsUi = internal.filter((edge) => edge.typeOnly && (folderOf(edge.to) === null || (folderOf(edge.to) === 'ui' && !['ui', null].includes(folderOf(edge.from)))));
    expect(knowsUi.map(describeEdge)).toEqual([]);
  });

  it('enters actions, the session and storage only through their index.ts', () => {
    const sideDoors = internal.filter((edge) => {
      const to = folderOf(edge.to);
      return to !== null && ENTERED_BY_INDEX.includes(to) && folderOf(edge.from) !== to && edge.to !== `src/${to}/index.ts`;
    });
    expect(sideDoors.map(describeEdge)).toEqual([]);
  });

  it('has no runtime import cycle (type-only imports aside)', () => {
    expect(runtimeCycles(internal)).toEqual([]);
  });

  it('calls MapLibre only from src/map', () => {
    const callers = edges.filter((edge) => edge.external && !edge.typeOnly && MAP_LIBRARIES.test(edge.to) && !MAY_CALL_MAPLIBRE.includes(folderOf(edge.from) ?? ''));
    expect(callers.map(describeEdge)).toEqual([]);
  });
});
