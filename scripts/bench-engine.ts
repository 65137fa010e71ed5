// Engine speed benchmark (`npm run bench:engine`): simulates every bank snippet in-process and
// compares with spawning a real `node` on the same file. Target: median simulate() time per snippet
// under 2 ms. Prints figures and a PASS/FAIL line; exits 1 on FAIL.
//
//   npm run bench:engine                 # 3 warm-up passes, 20 timed runs per snippet
//   npm run bench:engine -- --runs 50    # more timed runs
//   npm run bench:engine -- --no-spawn   # skip the real-node comparison
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { simulate, type SimulateOptions } from '../shared/engine/index.ts';
import { loadBank, type Snippet } from '../shared/snippets/index.ts';

const TARGET_MS = 2;
const WARMUP_PASSES = 3;
const BANK_DIR = join(import.meta.dirname, '..', 'shared', 'snippets');

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[at];
}

const median = (values: number[]): number => quantile([...values].sort((a, b) => a - b), 0.5);

/** Median time of `runs` simulate() calls of one snippet, in ms. */
function timeSnippet(snippet: Snippet, runs: number, options: SimulateOptions): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    simulate(snippet.source, options);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Wall time from spawning `node FILE` to its exit, in ms. */
function timeSpawn(file: string): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [file], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolvePromise(performance.now() - start));
  });
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 20) : 20;
  const withSpawn = !args.includes('--no-spawn');
  const bank = loadBank();
  const filename = (s: Snippet) => join(BANK_DIR, s.file);

  for (let pass = 0; pass < WARMUP_PASSES; pass++) {
    for (const s of bank) simulate(s.source, { filename: filename(s) });
  }
  const traced = bank.map((s) => ({ id: s.id, ms: timeSnippet(s, runs, { filename: filename(s) }) }));
  const untraced = bank.map((s) => timeSnippet(s, runs, { filename: filename(s), trace: false }));
  const sorted = traced.map((t) => t.ms).sort((a, b) => a - b);
  const slowest = traced.reduce((a, b) => (b.ms > a.ms ? b : a));
  const med = quantile(sorted, 0.5);

  const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
  console.log(`Engine benchmark: ${bank.length} bank snippets, ${runs} timed runs each after ${WARMUP_PASSES} warm-up passes`);
  console.log(`  simulate() with trace, per-snippet median:`);
  console.log(`    median  ${fmt(med)}`);
  console.log(`    p90     ${fmt(quantile(sorted, 0.9))}`);
  console.log(`    max     ${fmt(slowest.ms)} (${slowest.id})`);
  console.log(`  simulate() without trace: median ${fmt(median(untraced))}`);

  if (withSpawn) {
    const spawnTimes: number[] = [];
    for (const s of bank) spawnTimes.push(await timeSpawn(filename(s)));
    const spawnMedian = median(spawnTimes);
    console.log(`  node FILE (spawn to exit, one run per snippet): median ${fmt(spawnMedian)}`);
    console.log(`  ratio: node spawn / simulate = ${(spawnMedian / med).toFixed(1)}x`);
  }
  const pass = med < TARGET_MS;
  console.log(`target: median simulate() time per snippet < ${TARGET_MS} ms: ${pass ? 'PASS' : 'FAIL'} (${fmt(med)})`);
  return pass ? 0 : 1;
}

process.exitCode = await main();
