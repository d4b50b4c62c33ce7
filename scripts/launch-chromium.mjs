// The one way this project starts Chromium: Debian's build (Playwright's own download is blocked
// here), software WebGL through SwiftShader, and no background traffic to other hosts.
// Used by the browser tests, `npm run brief` and `npm run bench`.
import { chromium } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** @param {string[]} extraFlags */
export function launchChromium(extraFlags = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_FLAGS, ...extraFlags] });
}
