// The simulation pool: the server never runs simulate() on its main thread for a snippet it did not
// ship (a snippet editor, a deck import). Snippets go to worker threads (tinypool), each call with a
// wall-clock timeout and each worker with a heap limit, so a hostile or huge snippet costs a worker,
// never the event loop that answers live rooms. A worker that is stopped (timeout) or dies (out of
// memory) is thrown away and tinypool starts a fresh one for the next snippet.
//
// Settings (environment variables, read when the first pool is made):
//   SIM_POOL_THREADS   worker threads (default: 1 on a machine with 2 cores or fewer, else cores - 1)
//   SIM_TIMEOUT_MS     wall-clock limit per snippet once a worker runs it (default 5000); waiting for a
//                      worker (queue, start-up) may add up to 20 s more
//   SIM_MAX_HEAP_MB    old-generation heap per worker (default 256)
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import Tinypool from 'tinypool';
import type { SimulateOptions } from '../shared/engine/index.ts';
import type { SimulationAnswer, SimulationRefusal, SimulationTask } from './simulation-worker.ts';

export type { SimulationAnswer, SimulationRefusal } from './simulation-worker.ts';

export interface SimulationPoolOptions {
  /** Worker threads. */
  threads?: number;
  /** Wall-clock limit per snippet in ms, from the moment a worker starts running it. */
  timeoutMs?: number;
  /** Old-generation heap limit per worker, in MB. */
  maxHeapMb?: number;
  /** Largest result (JSON characters) a worker may send back (default 8 000 000). */
  maxResultChars?: number;
  /** Snippets waiting for a worker before new ones are refused as BUSY (default 64). */
  maxQueue?: number;
}

/** Extra time a snippet may wait for a worker (queue, a replaced worker starting up) before it runs. */
const START_ALLOWANCE_MS = 20_000;
const ENTRY = new URL('./simulation-worker-entry.mjs', import.meta.url).href;

function envNumber(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** Simulations in worker threads; `simulate` resolves with a result or a refusal, never rejects. */
export class SimulationPool {
  readonly threads: number;
  readonly timeoutMs: number;
  readonly maxHeapMb: number;
  private readonly maxResultChars: number;
  private readonly maxQueue: number;
  private readonly pool: Tinypool;
  private closed = false;

  constructor(options: SimulationPoolOptions = {}) {
    const cores = availableParallelism();
    this.threads = options.threads ?? envNumber('SIM_POOL_THREADS', cores <= 2 ? 1 : cores - 1);
    this.timeoutMs = options.timeoutMs ?? envNumber('SIM_TIMEOUT_MS', 5000);
    this.maxHeapMb = options.maxHeapMb ?? envNumber('SIM_MAX_HEAP_MB', 256);
    this.maxResultChars = options.maxResultChars ?? 8_000_000;
    this.maxQueue = options.maxQueue ?? 64;
    this.pool = new Tinypool({
      filename: ENTRY,
      minThreads: this.threads,
      maxThreads: this.threads,
      maxQueue: this.maxQueue,
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      // A worker keeps its compiled engine between snippets; one that failed is replaced.
      isolateWorkers: false,
    });
  }

  /** Simulates one snippet in a worker. */
  async simulate(source: string, options: SimulateOptions = {}): Promise<SimulationAnswer> {
    if (this.closed) return refusal('POOL_CLOSED', 'The simulation pool is shut down');
    if (this.pool.queueSize >= this.maxQueue) {
      return refusal('WORKER_FAILED', `Too many snippets are waiting to be simulated (${this.maxQueue}); try again in a moment`);
    }
    // The timeout counts from the moment a worker starts the snippet (it says so on `started`), so
    // neither the queue nor a fresh worker's start-up eats into it; a longer cap covers those.
    const abort = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let running: NodeJS.Timeout | undefined;
    let timedOut = false;
    const stop = () => {
      timedOut = true;
      abort.abort();
    };
    port1.once('message', () => {
      running = setTimeout(stop, this.timeoutMs);
    });
    const waiting = setTimeout(stop, this.timeoutMs + START_ALLOWANCE_MS);
    const task: SimulationTask = { source, options, maxResultChars: this.maxResultChars, started: port2 };
    try {
      return (await this.pool.run(task, { signal: abort.signal, transferList: [port2] })) as SimulationAnswer;
    } catch (e) {
      return this.explain(timedOut ? Object.assign(new Error('timeout'), { name: 'AbortError' }) : e);
    } finally {
      clearTimeout(running);
      clearTimeout(waiting);
      port1.close();
    }
  }

  /** Waits for running snippets to be stopped and the workers to exit. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.destroy();
  }

  /** Workers alive now (for tests and the benchmark). */
  get workerCount(): number {
    return this.pool.threads.length;
  }

  private explain(e: unknown): SimulationRefusal {
    const err = e as { name?: string; code?: string; message?: string };
    if (err?.name === 'AbortError' || err?.name === 'TimeoutError') {
      return refusal('TIMEOUT', `The simulation took longer than ${this.timeoutMs} ms and was stopped; simulate a smaller snippet`);
    }
    if (err?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return refusal('OUT_OF_MEMORY', `The simulation needed more than ${this.maxHeapMb} MB of memory and was stopped; build smaller arrays and strings`);
    }
    if (this.closed) return refusal('POOL_CLOSED', 'The simulation pool is shut down');
    return refusal('WORKER_FAILED', `The simulation failed: ${err?.message ?? String(e)}`);
  }
}

function refusal(code: SimulationRefusal['code'], message: string): SimulationRefusal {
  return { ok: false, code, message };
}

let shared: SimulationPool | null = null;

/**
 * Simulates a snippet the server did not ship (snippet editor, deck import) in the process-wide
 * pool, made on first use. Resolves with `{ ok: true, result }` or a refusal with a code and message.
 */
export function simulateInPool(source: string, options: SimulateOptions = {}): Promise<SimulationAnswer> {
  shared ??= new SimulationPool();
  return shared.simulate(source, options);
}

/** Shuts the process-wide pool down (server shutdown, tests). */
export async function closeSharedPool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}
