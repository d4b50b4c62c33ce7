// The Content-Security-Policy of the built app: only this origin, no eval, workers from self
// (MapLibre's worker file) or blob:. One definition for every way the app is served: written into
// the built index.html as a meta tag by vite.config.ts (a plain file server gets it too), sent as
// a header by `vite preview` and by the team server.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** As a header, which can also say who may frame the page (a meta tag cannot). */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
