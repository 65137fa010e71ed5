// Records what the real `node` prints for every snippet of the real-world corpus (tests/corpus/).
// Each snippet runs several times as `node FILE 2>&1` (stdout and stderr through one pipe, as a
// terminal shows them); the output of each run, its exit code and how often each distinct output
// was seen go to FILE.out (the first run's output, byte for byte) and FILE.node.json (everything
// the corpus test needs). A snippet whose runs differ is a real race and is recorded as such.
// One more run with a preloaded probe notes whether any console call printed several lines or used
// `%o` (output a one-line card cannot show, which the engine may refuse with a line:column message).
//
//   npm run -s record:corpus                 record every snippet
//   npm run -s record:corpus -- NAME...      record only the snippets whose file name contains NAME
//   npm run -s record:corpus -- --missing    record only the snippets without a recording yet
//   CORPUS_RUNS=20 npm run -s record:corpus  more runs per snippet (default 8; 24 for timer against immediate or I/O)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mapPool } from '../tests/helpers/run-node.ts';
import { CORPUS_DIR, splitCrashReport, type CorpusRecord } from '../tests/helpers/corpus.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Math.max(2, Number(process.env.CORPUS_RUNS ?? 8));
const TIMEOUT_MS = 15_000;

/** Preloaded into the probe run: flags console calls whose text spans several lines or uses %o. */
const PROBE = `
const util = require('node:util');
const fs = require('node:fs');
const out = process.env.CORPUS_PROBE_OUT;
for (const name of ['log', 'info', 'warn', 'error', 'debug', 'dir', 'table', 'trace', 'group', 'groupEnd', 'assert', 'count', 'time', 'timeEnd', 'timeLog']) {
  const original = console[name];
  if (typeof original !== 'function') continue;
  console[name] = function (...args) {
    let text;
    if (name === 'assert') text = args[0] ? '' : util.format(...args.slice(1));
    else text = util.format(...args);
    const multi = text.includes('\\n') || (typeof args[0] === 'string' && args[0].includes('%o')) || ['trace', 'table', 'dir', 'group'].includes(name);
    if (multi) fs.appendFileSync(out, name + ' ' + JSON.stringify(text.slice(0, 80)) + '\\n');
    return original.apply(this, args);
  };
}
`;

interface Run {
  combined: string;
  code: number | null;
  signal: string | null;
}

/** `node FILE 2>&1`: one pipe for both streams, so their interleaving is the terminal's. */
function runCombined(file: string, extraArgs: string[] = [], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', 'exec "$0" "$@" 2>&1', process.execPath, ...extraArgs, file], {
      cwd: CORPUS_DIR,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ combined: Buffer.concat(chunks).toString('utf8'), code, signal });
    });
  });
}

/** `node FILE` with stderr on its own pipe: tells which trailing text is Node's crash report. */
function runSplit(file: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], { cwd: CORPUS_DIR, stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code });
    });
  });
}

/** Timer against immediate (or against I/O) is where node's own order may vary: look harder there. */
function runsFor(source: string): number {
  const timerVsCheck = /setTimeout|setInterval/.test(source) && /setImmediate|readFile|fs\.|require\(['"](node:)?fs/.test(source);
  return timerVsCheck ? Math.max(RUNS, 24) : RUNS;
}

async function record(name: string, probeDir: string): Promise<string> {
  const file = join(CORPUS_DIR, name);
  const source = readFileSync(file, 'utf8');
  const runs: Run[] = [];
  for (let i = 0; i < runsFor(source); i++) runs.push(await runCombined(name));
  const split = await runSplit(name);
  const probeOut = join(probeDir, `${name}.probe`);
  writeFileSync(probeOut, '');
  await runCombined(name, ['--require', join(probeDir, 'probe.cjs')], { CORPUS_PROBE_OUT: probeOut });
  const multiline = readFileSync(probeOut, 'utf8').split('\n').filter(Boolean);

  const variants = new Map<string, { combined: string; code: number | null; count: number }>();
  for (const run of runs) {
    const key = `${run.code}\u0000${run.signal}\u0000${run.combined}`;
    const seen = variants.get(key);
    if (seen) seen.count++;
    else variants.set(key, { combined: run.combined, code: run.code, count: 1 });
  }
  const first = runs[0];
  const crashReport = first.code !== 0 ? splitCrashReport(split.stderr) : null;
  const record: CorpusRecord = {
    file: name,
    node: process.version,
    runs: runs.length,
    exitCode: first.code,
    signal: first.signal,
    crashReport,
    multilineConsole: multiline,
    variants: [...variants.values()].map((v) => ({ output: v.combined, exitCode: v.code, count: v.count })),
  };
  writeFileSync(join(CORPUS_DIR, `${name}.out`), first.combined);
  writeFileSync(join(CORPUS_DIR, `${name}.node.json`), JSON.stringify(record, null, 2) + '\n');
  const race = variants.size > 1 ? ` RACE (${variants.size} outputs)` : '';
  return `${name}: exit ${first.code}${crashReport ? ' (crash)' : ''}${multiline.length ? ' multiline' : ''}${race}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const missingOnly = args.includes('--missing');
  const filters = args.filter((a) => a !== '--missing');
  const names = readdirSync(CORPUS_DIR)
    .filter((f) => /\.(m?js)$/.test(f))
    .filter((f) => !missingOnly || !existsSync(join(CORPUS_DIR, `${f}.node.json`)))
    .filter((f) => filters.length === 0 || filters.some((p) => f.includes(p)))
    .sort();
  const probeDir = mkdtempSync(join(tmpdir(), 'corpus-probe-'));
  writeFileSync(join(probeDir, 'probe.cjs'), PROBE);
  try {
    // Two at a time: the machine has 2 cores, shared with others.
    const lines = await mapPool(names, 2, (name) => record(name, probeDir));
    for (const line of lines) console.log(line);
    console.log(`recorded ${names.length} snippet(s) with ${process.version} from ${ROOT}`);
  } finally {
    rmSync(probeDir, { recursive: true, force: true });
  }
}

await main();
