import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { basemapTiles } from './scripts/vite-basemap-tiles.ts';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from './src/server/http/content-security-policy.ts';

const contentSecurityPolicyMeta = (): Plugin => ({
  name: 'tripwire-csp-meta',
  apply: 'build', // the dev server injects inline scripts for hot reload; the policy is for builds
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
});

// Relative base: the build works from any folder or sub-path, including file servers on an
// air-gapped network. Browser tests run against this production build (vite preview).
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicyMeta(), basemapTiles()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // Two pages: the app, and the benchmark page (scripts/bench, tests/browser/gpu-points.test.ts).
    // The manifest lets scripts/bench/bytes.mjs count what each page really loads.
    manifest: true,
    rolldownOptions: {
      input: { main: `${import.meta.dirname}/index.html`, bench: `${import.meta.dirname}/bench.html` },
      // Cutting the basemap tiles takes ~1.5 s of the build by design; Rolldown would warn about it every time.
      checks: { bundlerTimings: false },
    },
  },
  preview: { port: 4173, strictPort: true, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        // The team server's SQL and API, on PGlite and on a throwaway PostgreSQL of Debian's (global-setup.ts).
        test: { name: 'server', include: ['tests/server/**/*.test.ts'], environment: 'node', globalSetup: ['tests/server/global-setup.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
