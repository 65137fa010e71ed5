// Engine speed benchmark (`npm run bench:engine`). Prints figures; exits 1 when a target is missed.
//   1. every bank snippet simulated in-process, against spawning a real `node` on the same file
//      (target: median simulate() time per snippet under 2 ms);
//   2. the real-world corpus (tests/corpus/, skipped when absent): median and p99 per snippet;
//   3. busy loops of 10^7 iterations ("heavy computation blocks the loop") on the fast path
//      (target: each under 2 s), and steps per second on a tight loop with and without it;
//   4. the worker pool (server/simulation-pool.ts): snippets per second on 2 threads and the
//      overhead of one call against simulating in-process.
//
//   npm run bench:engine                 # 3 warm-up passes, 20 timed runs per snippet
//   npm run bench:engine -- --runs 50    # more timed runs
//   npm run bench:engine -- --no-spawn   # skip the real-node comparison
//   npm run bench:engine -- --no-pool    # skip the worker pool
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SimulationPool } from '../server/simulation-pool.ts';
import { SimulationError, simulate, type SimulateOptions } from '../shared/engine/index.ts';
import { loadBank, type Snippet } from '../shared/snippets/index.ts';

const TARGET_MS = 2;
const LOOP_TARGET_MS = 2000;
const WARMUP_PASSES = 3;
const BANK_DIR = join(import.meta.dirname, '..', 'shared', 'snippets');
const CORPUS_DIR = join(import.meta.dirname, '..', 'tests', 'corpus');

/** The busy loops teaching code writes, each of at least 10^7 simple iterations. */
const BUSY_LOOPS: { name: string; source: string }[] = [
  { name: 'sum', source: 'let s = 0;\nfor (let i = 0; i < 1e7; i++) { s += i; }\nconsole.log(s);' },
  { name: 'empty body', source: 'for (let i = 0; i < 1e7; i++) {}\nconsole.log("done");' },
  { name: 'while counter', source: 'let i = 0;\nwhile (i < 1e7) i++;\nconsole.log(i);' },
  { name: 'nested 3163 x 3163', source: 'let n = 0;\nfor (let i = 0; i < 3163; i++) for (let j = 0; j < 3163; j++) n++;\nconsole.log(n);' },
  { name: 'calls a small pure function', source: 'function sq(x) { return x * x; }\nlet s = 0;\nfor (let i = 0; i < 1e7; i++) s += sq(i) % 7;\nconsole.log(s);' },
  { name: 'array pushes', source: 'const a = [];\nfor (let i = 0; i < 1e7; i++) { a.push(i); if (a.length === 1000) a.length = 0; }\nconsole.log(a.length);' },
  {
    name: 'heavy computation blocks the loop',
    source: 'setTimeout(() => console.log("timeout"), 0);\nlet s = 0;\nfor (let i = 0; i < 1e7; i++) s += i % 3;\nconsole.log("sync done", s);',
  },
];

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

  benchCorpus(Math.max(3, Math.floor(runs / 4)));
  const loopsPass = benchBusyLoops();
  benchStepsPerSecond();
  if (!args.includes('--no-pool')) await benchPool(bank.map((b) => b.source));
  return pass && loopsPass ? 0 : 1;
}

/** The corpus's snippet files (with their module kind), or null when tests/corpus/ does not exist. */
function corpusSnippets(): { file: string; source: string; module: 'commonjs' | 'module' }[] | null {
  if (!existsSync(CORPUS_DIR)) return null;
  return readdirSync(CORPUS_DIR)
    .filter((f) => /\.m?js$/.test(f))
    .sort()
    .map((file) => ({ file, source: readFileSync(join(CORPUS_DIR, file), 'utf8'), module: file.endsWith('.mjs') ? 'module' as const : 'commonjs' as const }));
}

function benchCorpus(runs: number): void {
  const corpus = corpusSnippets();
  if (!corpus || corpus.length === 0) {
    console.log('Real-world corpus: tests/corpus/ not found, skipped');
    return;
  }
  const times: number[] = [];
  let refused = 0;
  let slowest = { file: '', ms: 0 };
  for (const c of corpus) {
    const options: SimulateOptions = { module: c.module, filename: join(CORPUS_DIR, c.file) };
    const once = () => {
      try {
        simulate(c.source, options);
        return true;
      } catch (e) {
        if (e instanceof SimulationError) return false;
        throw e;
      }
    };
    if (!once()) refused++;
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      once();
      samples.push(performance.now() - start);
    }
    const ms = median(samples);
    times.push(ms);
    if (ms > slowest.ms) slowest = { file: c.file, ms };
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`Real-world corpus: ${corpus.length} snippets (${refused} refused), median of ${runs} runs each, simulate() with trace`);
  console.log(`    median  ${quantile(sorted, 0.5).toFixed(3)} ms`);
  console.log(`    p99     ${quantile(sorted, 0.99).toFixed(3)} ms`);
  console.log(`    max     ${slowest.ms.toFixed(3)} ms (${slowest.file})`);
}

/** Each busy loop once, with the default budget; true when all finish under LOOP_TARGET_MS. */
function benchBusyLoops(): boolean {
  console.log(`Busy loops of 10^7 iterations (fast path, default step budget):`);
  let allPass = true;
  for (const loop of BUSY_LOOPS) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    let outcome: string;
    try {
      outcome = simulate(loop.source, { trace: true }).output.join(' | ');
    } catch (e) {
      outcome = `refused: ${(e as Error).message}`;
      allPass = false;
    }
    const ms = performance.now() - start;
    const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000;
    if (ms >= LOOP_TARGET_MS) allPass = false;
    console.log(`    ${loop.name.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms (cpu ${cpuMs.toFixed(0)} ms)  ${outcome.slice(0, 50)}`);
  }
  console.log(`target: every 10^7 busy loop simulated in < ${LOOP_TARGET_MS} ms: ${allPass ? 'PASS' : 'FAIL'}`);
  return allPass;
}

/** The smallest step budget with which `source` finishes (bisection; for small programs). */
function stepsOf(source: string, fastPath: boolean): number {
  let lo = 1;
  let hi = 190_000;
  const finishes = (stepBudget: number) => {
    try {
      simulate(source, { trace: false, fastPath, stepBudget });
      return true;
    } catch (e) {
      if (e instanceof SimulationError && e.kind === 'budget') return false;
      throw e;
    }
  };
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (finishes(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Steps per second on `for (let i...) { s += i }`, with and without the fast path. */
function benchStepsPerSecond(): void {
  const loop = (n: number) => `let s = 0;\nfor (let i = 0; i < ${n}; i++) { s += i; }\nconsole.log(s);`;
  const perIteration = (stepsOf(loop(200), true) - stepsOf(loop(100), true)) / 100;
  const fixed = stepsOf(loop(100), true) - 100 * perIteration;
  /** Steps per second of wall time and of this process's CPU time (a shared machine inflates the first). */
  const rate = (n: number, fastPath: boolean, repeat: number) => {
    simulate(loop(Math.min(n, 1000)), { trace: false, fastPath });
    const start = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < repeat; i++) simulate(loop(n), { trace: false, fastPath });
    const used = process.cpuUsage(cpu);
    const steps = (fixed + perIteration * n) * repeat;
    return { wall: steps / ((performance.now() - start) / 1000), cpu: steps / ((used.user + used.system) / 1e6) };
  };
  const fast = rate(10_000_000, true, 1);
  // The evaluator alone may take at most 200 000 steps (SLOW_STEP_BUDGET): 15 000 iterations fit.
  const slow = rate(15_000, false, 20);
  const m = (x: number) => `${(x / 1e6).toFixed(1)} M`;
  console.log(`Tight loop (${perIteration} steps per iteration), steps per second of wall / CPU time:`);
  console.log(`    fast path       ${m(fast.wall)} / ${m(fast.cpu)}`);
  console.log(`    evaluator only  ${m(slow.wall)} / ${m(slow.cpu)}   (fast path ${(fast.cpu / slow.cpu).toFixed(0)}x faster per CPU second)`);
}

/** Throughput of the worker pool on 2 threads, and the cost of one call over simulating in-process. */
async function benchPool(sources: string[]): Promise<void> {
  const pool = new SimulationPool({ threads: 2, timeoutMs: 10_000, maxQueue: 10_000 });
  try {
    // Warm both workers up (start-up, tsx, the engine's first runs).
    await Promise.all(Array.from({ length: 8 }, () => pool.simulate(sources[0])));
    const batch = [...sources, ...sources, ...sources];
    let start = performance.now();
    const answers = await Promise.all(batch.map((s) => pool.simulate(s)));
    const seconds = (performance.now() - start) / 1000;
    const failed = answers.filter((a) => !a.ok).length;
    const latencies: number[] = [];
    const inProcess: number[] = [];
    for (const s of sources.slice(0, 40)) {
      start = performance.now();
      await pool.simulate(s);
      latencies.push(performance.now() - start);
      start = performance.now();
      simulate(s);
      inProcess.push(performance.now() - start);
    }
    console.log(`Worker pool (2 threads): ${batch.length} bank snippets in ${seconds.toFixed(2)} s = ${(batch.length / seconds).toFixed(0)} snippets/s${failed ? ` (${failed} failed)` : ''}`);
    console.log(`    one call: median ${median(latencies).toFixed(2)} ms in the pool vs ${median(inProcess).toFixed(2)} ms in-process: overhead ${(median(latencies) - median(inProcess)).toFixed(2)} ms per call`);
  } finally {
    await pool.close();
  }
}

process.exitCode = await main();
