// The basemap file a user chose, remembered for the next visit where the browser allows it: the
// File System Access API's handle (never the file's bytes) kept in IndexedDB. A database of its
// own, so remembering a file never needs a version of the imports' database.
// Every call may fail (private mode, blocked storage): the caller then just does not remember.
import { openDB, type DBSchema } from 'idb';

interface BasemapFileDatabase extends DBSchema {
  chosen: { key: 'file'; value: FileSystemFileHandle };
}

const open = () =>
  openDB<BasemapFileDatabase>('tripwire-basemap', 1, {
    upgrade: (database) => void database.createObjectStore('chosen'),
  });

export async function rememberBasemapFile(handle: FileSystemFileHandle): Promise<void> {
  await (await open()).put('chosen', handle, 'file');
}

export async function forgetBasemapFile(): Promise<void> {
  await (await open()).delete('chosen', 'file');
}

export async function rememberedBasemapFile(): Promise<FileSystemFileHandle | undefined> {
  return (await open()).get('chosen', 'file');
}
