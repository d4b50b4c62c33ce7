// Choosing the basemap: the embedded Natural Earth one, or an OpenStreetMap archive in the
// Protomaps schema — a deployment's (VITE_BASEMAP_PMTILES, same origin, read in HTTP ranges), a
// link's (?basemap=, the briefing CLI), or a file on the user's disk, read in ranges where it is
// (pmtiles' FileSource over File.slice: never uploaded). The style for it loads only then.
import { FileSource, PMTiles, TileType } from 'pmtiles';
import type { TripwireStore } from '../data/store';
import { requestedPath } from '../data/linked-files';
import { forgetBasemapFile, rememberBasemapFile, rememberedBasemapFile } from '../storage';
import type { ArchiveOrigin, BasemapFlavor, OpenedArchive } from '../layers/basemap-choice';
import { addArchive } from './basemap-support';

/** Set at build time: a same-origin archive that replaces the embedded basemap by default. */
export const DEPLOYMENT_ARCHIVE: string | undefined = import.meta.env.VITE_BASEMAP_PMTILES || undefined;

// The File System Access API's permission calls (Chromium), not yet in TypeScript's DOM types.
type PermissionedHandle = FileSystemFileHandle & {
  queryPermission(options: { mode: 'read' }): Promise<PermissionState>;
  requestPermission(options: { mode: 'read' }): Promise<PermissionState>;
};
type FilePicker = (options: { types: { description: string; accept: Record<string, string[]> }[]; excludeAcceptAllOption?: boolean }) => Promise<FileSystemFileHandle[]>;

/** Where the browser lets a chosen file be remembered (a handle); elsewhere a plain file input. */
export const filePicker = (): FilePicker | undefined => (window as unknown as { showOpenFilePicker?: FilePicker }).showOpenFilePicker;

let fileCount = 0;

/** A user's file, under a key that looks like a URL scheme: style.ts leaves it as it is, and no fetch is tried. */
function fileSource(file: File) {
  const source = new FileSource(file);
  const key = `user-file:${++fileCount}-${file.name.replace(/[^\w.-]+/g, '_')}`;
  return { getKey: () => key, getBytes: (offset: number, length: number) => source.getBytes(offset, length) };
}

class ArchiveRefused extends Error {}

/** Opens an archive, checks it is vector tiles, and makes the pmtiles protocol answer for it. */
async function openArchive(from: { url: string } | { file: File }, origin: ArchiveOrigin): Promise<OpenedArchive> {
  const name = 'file' in from ? from.file.name : from.url;
  const archive = new PMTiles('file' in from ? fileSource(from.file) : new URL(from.url, document.baseURI).href);
  let header;
  try {
    header = await archive.getHeader();
  } catch (error) {
    throw new ArchiveRefused(`${name} could not be read as a PMTiles archive (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (header.tileType !== TileType.Mvt) throw new ArchiveRefused(`${name} holds raster tiles: only vector archives in the Protomaps (OpenStreetMap) schema can be drawn.`);
  const metadata = (await archive.getMetadata().catch(() => ({}))) as { vector_layers?: { id: string }[] };
  if (metadata.vector_layers && !metadata.vector_layers.some((layer) => layer.id === 'earth')) {
    throw new ArchiveRefused(`${name} is not in the Protomaps basemap schema (it has no "earth" layer), so it cannot be drawn with its style.`);
  }
  addArchive(archive);
  return { name, origin, tiles: `pmtiles://${archive.source.getKey()}/{z}/{x}/{y}`, minzoom: header.minZoom, maxzoom: header.maxZoom };
}

async function drawArchive(store: TripwireStore, archive: OpenedArchive, flavor: BasemapFlavor = store.getState().basemapFlavor): Promise<void> {
  const { osmBasemapModules } = await import('../layers/osm-basemap');
  store.getState().setBasemap({ archive, flavor, modules: osmBasemapModules(archive, flavor) });
}

/** Opens and draws an archive; a refusal becomes a notice and the map stays as it was. */
async function switchToArchive(store: TripwireStore, from: { url: string } | { file: File }, origin: ArchiveOrigin): Promise<boolean> {
  try {
    await drawArchive(store, await openArchive(from, origin));
    return true;
  } catch (error) {
    store.getState().addNotice(error instanceof ArchiveRefused ? error.message : `The basemap could not be opened: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/** A file from the plain file input (no handle: it cannot be remembered, and an older remembered one is forgotten). */
export async function chooseBasemapFile(store: TripwireStore, file: File, handle?: FileSystemFileHandle): Promise<void> {
  if (!(await switchToArchive(store, { file }, 'file'))) return;
  store.getState().setReopenableBasemap(null);
  await (handle ? rememberBasemapFile(handle) : forgetBasemapFile()).catch(() => undefined);
}

/** The picker (File System Access API): the handle is remembered for the next visit. Call from a click. */
export async function pickBasemapFile(store: TripwireStore, picker: FilePicker): Promise<void> {
  let handle;
  try {
    [handle] = await picker({ types: [{ description: 'PMTiles basemap', accept: { 'application/octet-stream': ['.pmtiles'] } }] });
  } catch {
    return; // the user closed the picker
  }
  if (handle) await chooseBasemapFile(store, await handle.getFile(), handle);
}

export async function chooseEmbeddedBasemap(store: TripwireStore): Promise<void> {
  store.getState().setBasemap(null);
  store.getState().setReopenableBasemap(null);
  await forgetBasemapFile().catch(() => undefined);
}

export async function chooseDeploymentBasemap(store: TripwireStore): Promise<void> {
  if (DEPLOYMENT_ARCHIVE) await switchToArchive(store, { url: DEPLOYMENT_ARCHIVE }, 'deployment');
}

export async function chooseBasemapFlavor(store: TripwireStore, flavor: BasemapFlavor): Promise<void> {
  store.getState().setBasemapFlavor(flavor);
  const current = store.getState().basemap;
  if (current) await drawArchive(store, current.archive, flavor);
}

/**
 * The first basemap of a visit: a link's archive (?basemap=, same origin only), else the file
 * chosen last time if the browser still lets us read it (else a one-click "Use … again"), else the
 * deployment's archive, else the embedded one. The map waits for this (basemapStarting) only when
 * the link or the build names an archive: otherwise it starts on the embedded basemap at once, and
 * a remembered file, found in IndexedDB a moment later, replaces it. A cold load of the usual page
 * pays no database read for the rare user with a file of their own.
 */
export async function startBasemap(store: TripwireStore, search: string): Promise<void> {
  const linked = requestedPath(search, window.location.origin, 'basemap');
  if (linked.refused) store.getState().addNotice(linked.refused);
  if (!linked.path && !DEPLOYMENT_ARCHIVE) store.getState().setBasemapStarting(false);
  try {
    if (linked.path && (await switchToArchive(store, { url: linked.path }, 'link'))) return;
    if (await reopenRememberedFile(store)) return;
    if (DEPLOYMENT_ARCHIVE) await chooseDeploymentBasemap(store);
  } finally {
    store.getState().setBasemapStarting(false);
  }
}

/** The file chosen on an earlier visit, drawn if the browser still grants reading it; else offered again by a click. */
async function reopenRememberedFile(store: TripwireStore): Promise<boolean> {
  // Only the picker's handles are remembered: without the picker there is nothing to look up.
  if (!filePicker()) return false;
  const handle = (await rememberedBasemapFile().catch(() => undefined)) as PermissionedHandle | undefined;
  if (!handle) return false;
  const permission = await handle.queryPermission({ mode: 'read' }).catch(() => 'denied' as const);
  if (permission === 'granted') return switchToArchive(store, { file: await handle.getFile() }, 'file');
  if (permission === 'prompt') {
    store.getState().setReopenableBasemap({
      name: handle.name,
      // requestPermission needs a user gesture: this runs from the button's click.
      reopen: async () => {
        if ((await handle.requestPermission({ mode: 'read' })) === 'granted') await chooseBasemapFile(store, await handle.getFile(), handle);
      },
    });
  }
  return false;
}
