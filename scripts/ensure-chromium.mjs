// Browser tests need Debian's Chromium (Playwright's own browser download is blocked here) and
// CJK fonts (Korean/Japanese labels). Installs them when it can; otherwise says exactly what to do.
// It never lets the browser tests be skipped silently.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-noto-cjk'];

const hasFonts = () => {
  try {
    return execFileSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
};

if (!existsSync(CHROMIUM_PATH) || !hasFonts()) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(`Browser tests need Chromium at ${CHROMIUM_PATH} and CJK fonts: run "sudo apt-get install -y ${PACKAGES.join(' ')}" (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
  console.log(`Installing ${PACKAGES.join(', ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...PACKAGES], { stdio: 'inherit', env });
}
console.log(`Chromium: ${execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim()}`);
