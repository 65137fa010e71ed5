// Node's event loop as data: its queues and its phases, declared once. The host fills these queues,
// trace snapshots copy them as a Record<QueueName, ...>, and the replay, the phase strip and the trace
// invariants iterate over these lists instead of naming each queue. A browser host would declare its own.
import type { LoopPhase, QueueName } from '../types.ts';

/** How the replay shows one queue. */
export interface QueueInfo {
  name: QueueName;
  title: string;
  /** What feeds the queue. */
  note: string;
  /** Colour family in the replay. */
  tone: 'tick' | 'micro' | 'timer' | 'check' | 'io';
}

/** The engine's queues in the order the replay draws them. */
export const QUEUES: readonly QueueInfo[] = [
  { name: 'nextTick', title: 'nextTick queue', note: 'process.nextTick', tone: 'tick' },
  { name: 'microtask', title: 'Microtasks', note: 'promises, await', tone: 'micro' },
  { name: 'timers', title: 'Timers', note: 'by due time', tone: 'timer' },
  { name: 'check', title: 'Check queue', note: 'setImmediate', tone: 'check' },
  { name: 'io', title: 'Pending I/O', note: 'fs', tone: 'io' },
];

/** A phase of one turn of the loop. */
export type TurnPhase = Exclude<LoopPhase, 'main' | 'exit'>;

/** How the phase strip shows one phase. */
export interface PhaseInfo {
  id: TurnPhase;
  name: string;
  /** What runs in it. */
  what: string;
}

/** One turn of Node's event loop, in the order Node's documentation draws it. */
export const LOOP_PHASES: readonly PhaseInfo[] = [
  { id: 'timers', name: 'timers', what: 'setTimeout / setInterval' },
  { id: 'pending', name: 'pending', what: 'deferred I/O' },
  { id: 'poll', name: 'poll', what: 'I/O callbacks' },
  { id: 'check', name: 'check', what: 'setImmediate' },
  { id: 'close', name: 'close', what: "'close' events" },
];

/**
 * libuv's uv_run (1.45, Node 20) in UV_RUN_DEFAULT mode: due timers run once before the first turn,
 * then each turn is pending -> (idle, prepare) -> poll -> check -> closing handles -> timers, and
 * the loop stops when no handle keeps it alive.
 */
export const TURN_ORDER: readonly TurnPhase[] = ['pending', 'poll', 'check', 'close', 'timers'];

/** Every queue name, for tests and views that need the full record. */
export const QUEUE_NAMES: readonly QueueName[] = QUEUES.map((q) => q.name);
