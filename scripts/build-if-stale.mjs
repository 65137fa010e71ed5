// `npm start` runs this before the server: it rebuilds the web client only when something the build
// reads has changed since the last build. The fingerprint is a SHA-256 over the path and content of
// every project file the last build read (listed by scripts/precompress-plugin.ts in
// dist/client/.build-inputs.json; every file under client/ and shared/ when there is no list) plus the
// build configuration and the lockfile; the last build's fingerprint is kept in dist/client/.build-stamp.
// Plain JavaScript so that checking costs tens of milliseconds, not a TypeScript loader start.
// `--force` rebuilds anyway; `--check` only reports (exit 0 = up to date, 1 = stale).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const INPUT_DIRS = ['client', 'shared'];
const INPUT_FILES = ['vite.config.ts', 'scripts/precompress-plugin.ts', 'package-lock.json', 'package.json'];
export const OUT_DIR = 'dist/client';

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

/** The fingerprint of what a build of the project at `root` reads. */
export function fingerprint(root) {
  const hash = createHash('sha256');
  let read = null;
  try {
    read = JSON.parse(readFileSync(path.join(root, OUT_DIR, '.build-inputs.json'), 'utf8')).map((f) => path.join(root, f));
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

/** True when the build in `root` is there and was made from the files as they are now. */
export function isFresh(root) {
  const stamp = path.join(root, OUT_DIR, '.build-stamp');
  if (!existsSync(stamp) || !existsSync(path.join(root, OUT_DIR, 'index.html'))) return false;
  return readFileSync(stamp, 'utf8').trim() === fingerprint(root);
}

/** Records that the build in `root` matches the files as they are now. */
export function stamp(root) {
  writeFileSync(path.join(root, OUT_DIR, '.build-stamp'), `${fingerprint(root)}\n`);
}

function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const args = new Set(process.argv.slice(2));
  const started = performance.now();
  const fresh = isFresh(root);
  if (args.has('--check')) {
    console.log(fresh ? 'client build is up to date' : 'client build is stale');
    process.exit(fresh ? 0 : 1);
  }
  if (fresh && !args.has('--force')) {
    console.log(`client build is up to date (checked in ${Math.round(performance.now() - started)} ms)`);
    return;
  }
  console.log(existsSync(path.join(root, OUT_DIR, '.build-stamp')) ? 'client sources changed: building the client...' : 'building the client...');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  stamp(root); // over the inputs this build actually read
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
