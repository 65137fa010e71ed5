// The task a simulation-pool worker runs (see server/simulation-pool.ts): one snippet through
// simulate(), answered as plain data (a structured clone cannot carry a SimulationError's fields).
// A result bigger than the caller allows is refused here, in the worker, so the main thread never
// has to deserialise a huge trace.
import type { MessagePort } from 'node:worker_threads';
import { SimulationError, simulate, type SimulateOptions, type SimulationErrorKind, type SimulationResult } from '../shared/engine/index.ts';

/** One snippet to simulate. */
export interface SimulationTask {
  source: string;
  options: SimulateOptions;
  /** Largest result (JSON characters) the worker may send back. */
  maxResultChars: number;
  /** Told 'started' when the snippet starts running: the pool's timeout counts from then. */
  started?: MessagePort;
}

/** A snippet the engine could not (or may not) simulate: same fields as SimulationError. */
export interface SimulationRefusal {
  ok: false;
  code: 'REFUSED' | 'TOO_LARGE' | 'TIMEOUT' | 'OUT_OF_MEMORY' | 'WORKER_FAILED' | 'POOL_CLOSED';
  message: string;
  /** For REFUSED: the engine's reason (syntax, unsupported, budget, size). */
  kind?: SimulationErrorKind;
  line?: number | null;
  column?: number | null;
}

export type SimulationAnswer = { ok: true; result: SimulationResult } | SimulationRefusal;

/** Runs one task; never throws for a refusal, only for an engine bug. */
export default function runSimulationTask(task: SimulationTask): SimulationAnswer {
  task.started?.postMessage('started');
  task.started?.close();
  let result: SimulationResult;
  try {
    result = simulate(task.source, task.options);
  } catch (e) {
    if (e instanceof SimulationError) {
      return { ok: false, code: 'REFUSED', message: e.message, kind: e.kind, line: e.line, column: e.column };
    }
    throw e;
  }
  const size = JSON.stringify(result).length;
  if (size > task.maxResultChars) {
    return {
      ok: false,
      code: 'TOO_LARGE',
      message: `The simulation of this snippet is too large to send (${size} characters of output and replay, the limit is ${task.maxResultChars}); print fewer lines`,
    };
  }
  return { ok: true, result };
}
