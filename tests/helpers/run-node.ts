// Runs snippets in a real child `node` (the same binary as the tests), for the differential tests:
// each program is written to its own temp directory as prog.cjs or prog.mjs and executed with a
// 5 s timeout; a small pool keeps only a few children alive at once on the 2-core machine.
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
  /** Milliseconds before the child is killed (default 5000). */
  timeoutMs?: number;
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
    return await runFile(file, options.timeoutMs ?? 5000);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs an existing file with node (the module kind follows its extension). */
export function runFile(file: string, timeoutMs = 5000): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
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
