// Answers a GET for bytes held in memory, honouring one HTTP Range (RFC 9110 §14): PMTiles archives
// are read a directory and a tile at a time. Used by the dev server for the basemap archive.
import type { IncomingMessage, ServerResponse } from 'node:http';

export function serveRanges(request: IncomingMessage, response: ServerResponse, bytes: Uint8Array): void {
  response.setHeader('Accept-Ranges', 'bytes');
  response.setHeader('Content-Type', 'application/octet-stream');
  const match = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
  if (!match) {
    response.setHeader('Content-Length', bytes.length);
    response.end(bytes);
    return;
  }
  const [, from, to] = match;
  const start = from ? Number(from) : Math.max(0, bytes.length - Number(to));
  const end = from && to ? Math.min(Number(to), bytes.length - 1) : bytes.length - 1;
  if (start > end || start >= bytes.length) {
    response.statusCode = 416;
    response.setHeader('Content-Range', `bytes */${bytes.length}`);
    response.end();
    return;
  }
  response.statusCode = 206;
  response.setHeader('Content-Range', `bytes ${start}-${end}/${bytes.length}`);
  response.setHeader('Content-Length', end - start + 1);
  response.end(bytes.subarray(start, end + 1));
}
