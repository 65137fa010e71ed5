// The one way tests run snippets in a real child `node` (the same binary as the tests): each program
// is written to its own temp directory as prog.cjs or prog.mjs and executed with a 20 s timeout (only
// a hung program should meet it, even on a machine loaded many times over); a small pool keeps only a
// few children alive at once on the 2-core machine.
//
// `compareWithNode` is the one rule for judging the engine against node on a busy machine, where a
// stalled node child can run close timers in another order. What is compared (every stdout line, the
// exit) is never loosened; what changes is when a difference counts:
//   - node prints the engine's lines: agree;
//   - node printed something else, and the engine says the order does NOT survive a stall of STALL_MS
//     (simulate's stallMs model): the machine's stalls explain it ('load'), whichever node printed;
//   - otherwise (the engine says even a 100 ms stall cannot reorder it) node is re-run 4 more times,
//     one at a time: the same other lines in every run, or a second run differing from the engine, is
//     an engine bug; a single differing run among agreeing ones is one stall too long ('load').
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a real node run printed and how it ended. */
export interface NodeRun {
  /** stdout split into lines (the trailing newline does not make an empty last line). */
  stdout: string[];
  stderr: string;
  /** Exit code; null when the process was killed (timeout). */
  code: number | null;
  timedOut: boolean;
}

export interface RunOptions {
  module?: 'commonjs' | 'module';
  /** Milliseconds before the child is killed (default 20 000). */
  timeoutMs?: number;
  /** Send stderr into the same pipe as stdout, as `node f.js 2>&1` (a terminal's view; `stdout` then holds both). */
  stderrToStdout?: boolean;
}

/** Splits captured stdout into lines the way the engine's `output` lists them. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Runs one program in a child node process. */
export async function runNode(source: string, options: RunOptions = {}): Promise<NodeRun> {
  const dir = await mkdtemp(join(tmpdir(), 'ela-node-'));
  const file = join(dir, options.module === 'module' ? 'prog.mjs' : 'prog.cjs');
  try {
    await writeFile(file, source);
    return await runFile(file, options.timeoutMs ?? 20_000, options.stderrToStdout ?? false);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs an existing file with node (the module kind follows its extension). */
export function runFile(file: string, timeoutMs = 20_000, stderrToStdout = false): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const env = { PATH: process.env.PATH ?? '' };
    const child = stderrToStdout
      ? spawn('/bin/sh', ['-c', 'exec "$0" "$1" 2>&1', process.execPath, file], { stdio: ['ignore', 'pipe', 'pipe'], env })
      : spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'], env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        stdout: splitLines(Buffer.concat(out).toString('utf8')),
        stderr: Buffer.concat(err).toString('utf8'),
        code: timedOut ? null : code,
        timedOut,
      });
    });
  });
}

/**
 * Maps `items` through `task` with at most `limit` tasks in flight; results keep the input order.
 * Used to run many node children without starving the 2 cores.
 */
export async function mapPool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** The stall a loaded test machine can put between two steps of a node child, for the engine's stallMs model. */
export const STALL_MS = 100;
/** Node runs after a first run that disagrees with the engine. */
export const RERUNS = 4;

/** How a node run compares with the engine: same stdout lines, and same exit (exact code or zero/non-zero). */
export function sameAsEngine(run: NodeRun, engine: { output: readonly string[]; exitCode: number }, exit: 'code' | 'class' = 'class'): boolean {
  if (run.timedOut) return false;
  const exitOk = exit === 'code' ? run.code === engine.exitCode : (run.code === 0) === (engine.exitCode === 0);
  return exitOk && run.stdout.length === engine.output.length && run.stdout.every((line, i) => line === engine.output[i]);
}

/** Same stdout and exit code. */
export function sameRun(a: NodeRun, b: NodeRun): boolean {
  return a.code === b.code && a.timedOut === b.timedOut && a.stdout.length === b.stdout.length && a.stdout.every((l, i) => l === b.stdout[i]);
}

export interface NodeComparison {
  /** agree: node printed the engine's answer; load: node varied and the engine says a stall can reorder it; disagree: an engine bug. */
  status: 'agree' | 'load' | 'disagree';
  /** Every node run made, the first one first. */
  runs: NodeRun[];
  /** For load and disagree: why, in one sentence. */
  detail: string;
}

export interface CompareOptions {
  /** Node runs already made (e.g. in a batch); without them the comparison makes its first run. */
  earlier?: NodeRun[];
  /** Compare exit codes exactly or only zero / non-zero (default). */
  exit?: 'code' | 'class';
  /** Whether the engine calls the order a race when work may stall for STALL_MS (simulate with stallMs). */
  raceUnderStall: () => boolean;
}

/**
 * Judges an engine answer the engine calls deterministic against real node, re-running node when it
 * disagrees (see the header for the rule). `run` makes one node run of the same program.
 */
export async function compareWithNode(
  run: () => Promise<NodeRun>,
  engine: { output: readonly string[]; exitCode: number },
  options: CompareOptions,
): Promise<NodeComparison> {
  const matches = (r: NodeRun) => sameAsEngine(r, engine, options.exit);
  const runs = options.earlier?.length ? [...options.earlier] : [await run()];
  if (runs.every(matches)) return { status: 'agree', runs, detail: '' };
  if (options.raceUnderStall()) {
    return { status: 'load', runs, detail: `node differed; the engine says a ${STALL_MS} ms stall of the machine can reorder this program` };
  }
  // Serially: each re-run gets as much of the machine as the other test files leave.
  for (let i = 0; i < RERUNS; i++) runs.push(await run());
  const finished = runs.filter((r) => !r.timedOut);
  if (finished.length === 0) return { status: 'disagree', runs, detail: `node timed out in all ${runs.length} runs` };
  const stable = finished.every((r) => sameRun(r, finished[0]));
  const differing = finished.filter((r) => !matches(r));
  if (stable && finished.length >= 2) {
    return { status: 'disagree', runs, detail: `node printed the same lines in all ${finished.length} runs, and they differ from the engine` };
  }
  if (differing.length >= 2) {
    return {
      status: 'disagree',
      runs,
      detail: `${differing.length} of ${finished.length} node runs differ from the engine, which says the order survives a ${STALL_MS} ms stall`,
    };
  }
  return { status: 'load', runs, detail: 'one node run differed and every re-run agreed with the engine' };
}

/** The node run seen most often (for messages). */
export function commonestRun(runs: NodeRun[]): NodeRun {
  let best = runs[0];
  let bestCount = 0;
  for (const r of runs) {
    const count = runs.filter((x) => sameRun(x, r)).length;
    if (count > bestCount) [best, bestCount] = [r, count];
  }
  return best;
}
