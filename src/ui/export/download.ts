/** Saves bytes as a file through the browser's download (no server involved). */
export function download(data: Uint8Array | string | Blob, fileName: string, type: string) {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
