// `npm start` runs this before the server: it rebuilds the web client only when something the build
// reads has changed since the last build. The fingerprint is a SHA-256 over the path and content of
// every project file the last build read (listed by scripts/precompress-plugin.ts in
// dist/client/.build-inputs.json; every file under client/ and shared/ when there is no list) plus the
// build configuration and the lockfile; the last build's fingerprint is kept in dist/client/.build-stamp. Plain JavaScript so that checking costs tens of
// milliseconds, not a TypeScript loader start. `--force` rebuilds anyway; `--check` only reports.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = path.join(root, 'dist/client/.build-stamp');
const INPUTS = path.join(root, 'dist/client/.build-inputs.json');
const INPUT_DIRS = ['client', 'shared'];
const INPUT_FILES = ['vite.config.ts', 'scripts/precompress-plugin.ts', 'package-lock.json', 'package.json'];

function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(full);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

export function fingerprint() {
  const hash = createHash('sha256');
  let read = null;
  try {
    read = JSON.parse(readFileSync(INPUTS, 'utf8')).map((f) => path.join(root, f));
  } catch {
    read = null; // no list yet: every client and shared file
  }
  const sources = read ?? INPUT_DIRS.flatMap((d) => filesUnder(path.join(root, d)));
  const files = [...new Set([...sources, ...INPUT_FILES.map((f) => path.join(root, f))])];
  for (const file of files.sort()) {
    hash.update(path.relative(root, file));
    hash.update('\0');
    hash.update(existsSync(file) ? readFileSync(file) : 'MISSING');
    hash.update('\0');
  }
  return hash.digest('hex');
}

const args = new Set(process.argv.slice(2));
const started = performance.now();
const current = fingerprint();
const previous = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : null;
const fresh = previous === current && existsSync(path.join(root, 'dist/client/index.html'));
if (args.has('--check')) {
  console.log(fresh ? 'client build is up to date' : 'client build is stale');
  process.exit(fresh ? 0 : 1);
}
if (fresh && !args.has('--force')) {
  console.log(`client build is up to date (checked in ${Math.round(performance.now() - started)} ms)`);
} else {
  console.log(previous ? 'client sources changed: building the client...' : 'no client build yet: building the client...');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(STAMP, `${fingerprint()}\n`); // over the inputs this build actually read
}
