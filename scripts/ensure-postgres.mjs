// The team server's tests run against a real PostgreSQL: each test run starts its own throwaway
// cluster from Debian's server binaries (tests/server/throwaway-postgres.ts), never a shared one.
// This makes sure those binaries (initdb, pg_ctl, postgres) are installed: it installs Debian's
// `postgresql` package when it can, otherwise it says exactly what to run. It never lets the
// server tests be skipped silently. It starts no server: if apt-get starts Debian's default
// cluster as a service, that one is left alone (the tests don't use it).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const ROOT = '/usr/lib/postgresql';
const TOOLS = ['initdb', 'pg_ctl', 'postgres'];
const PACKAGES = ['postgresql'];

/** The bin folder of the highest PostgreSQL version under /usr/lib/postgresql with every tool, or undefined. */
const findBin = () => {
  let versions;
  try {
    versions = readdirSync(ROOT);
  } catch {
    return undefined;
  }
  return versions
    .filter((version) => /^\d+(\.\d+)?$/.test(version))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => `${ROOT}/${version}/bin`)
    .find((bin) => TOOLS.every((tool) => existsSync(`${bin}/${tool}`)));
};

let bin = findBin();
if (!bin) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(`Server tests need PostgreSQL's server binaries (${TOOLS.join(', ')}) under ${ROOT}/<version>/bin: run "sudo apt-get install -y ${PACKAGES.join(' ')}".`);
    process.exit(1);
  }
  console.log(`Installing ${PACKAGES.join(', ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...PACKAGES], { stdio: 'inherit', env });
  bin = findBin();
  if (!bin) {
    console.error(`apt-get installed ${PACKAGES.join(', ')}, but ${TOOLS.join(', ')} are still not all under ${ROOT}/<version>/bin.`);
    process.exit(1);
  }
}

// As root, the tests run initdb and postgres as Debian's `postgres` system user (postgres refuses root).
if (process.getuid?.() === 0) {
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    console.error(`Server tests run as root need the "postgres" system user, which Debian's postgresql package creates: run "apt-get install --reinstall -y postgresql-common".`);
    process.exit(1);
  }
}

console.log(`PostgreSQL: ${execFileSync(`${bin}/postgres`, ['--version'], { encoding: 'utf8' }).trim()} (${bin})`);
