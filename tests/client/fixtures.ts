// Hand-made data for the client tests: a small snippet, its true order, and a trace whose
// snapshots follow the engine's vocabulary (shared/engine/types.ts), written out step by step.
import type { QueuedJob, Snapshot, SourceRange, TimerEntry, TraceStep } from '../../shared/engine/types.ts';
import type { RevealedCard, RoundResult } from '../../shared/protocol.ts';

export const SOURCE = [
  "console.log('A');",
  "setTimeout(() => console.log('B'), 0);",
  "Promise.resolve().then(() => console.log('C'));",
  "process.nextTick(() => console.log('D'));",
  "console.log('E');",
].join('\n');

const at = (line: number, from: number, to: number): SourceRange => ({ start: { line, column: from }, end: { line, column: to } });

/** The true order A, E, D, C, B with card ids as a server would deal them. */
export const TRUE_ORDER: RevealedCard[] = [
  { id: 'ca', text: 'A', loc: at(1, 1, 17) },
  { id: 'ce', text: 'E', loc: at(5, 1, 17) },
  { id: 'cd', text: 'D', loc: at(4, 24, 40) },
  { id: 'cc', text: 'C', loc: at(3, 30, 46) },
  { id: 'cb', text: 'B', loc: at(2, 18, 34) },
];

const timer: TimerEntry = { id: 1, label: 'setTimeout callback (line 2)', loc: at(2, 12, 35), due: 1, repeat: null };
const micro: QueuedJob = { id: 2, label: 'then callback (line 3)', loc: at(3, 25, 47) };
const tick: QueuedJob = { id: 3, label: 'nextTick callback (line 4)', loc: at(4, 18, 41) };

/** A snapshot from the parts that differ from an idle one (queues named by field for brevity). */
function snap(part: Partial<Omit<Snapshot, 'queues'>> & { nextTicks?: QueuedJob[]; microtasks?: QueuedJob[]; timers?: TimerEntry[]; immediates?: QueuedJob[]; pendingIO?: QueuedJob[] }): Snapshot {
  const { nextTicks = [], microtasks = [], timers = [], immediates = [], pendingIO = [], ...rest } = part;
  return { stack: [], phase: 'main', time: 0, console: [], ...rest, queues: { nextTick: nextTicks, microtask: microtasks, timers, check: immediates, io: pendingIO } };
}
const main = { name: '(main script)', loc: null };

/** Twelve steps of the snippet above. */
export const TRACE: TraceStep[] = [
  { kind: 'script-start', text: 'The main script starts', loc: null, snapshot: snap({ stack: [main] }) },
  { kind: 'print', text: "console.log prints 'A'", loc: at(1, 1, 17), card: 0, snapshot: snap({ stack: [main], console: ['A'] }) },
  { kind: 'timer-scheduled', text: 'setTimeout schedules a timer due at 1 ms (line 2)', loc: at(2, 1, 38), jobId: 1, queue: 'timers', snapshot: snap({ stack: [main], timers: [timer], console: ['A'] }) },
  { kind: 'enqueue', text: 'then queues a microtask (line 3)', loc: at(3, 1, 48), jobId: 2, queue: 'microtask', snapshot: snap({ stack: [main], timers: [timer], microtasks: [micro], console: ['A'] }) },
  { kind: 'enqueue', text: 'process.nextTick queues a callback (line 4)', loc: at(4, 1, 42), jobId: 3, queue: 'nextTick', snapshot: snap({ stack: [main], timers: [timer], microtasks: [micro], nextTicks: [tick], console: ['A'] }) },
  { kind: 'print', text: "console.log prints 'E'", loc: at(5, 1, 17), card: 1, snapshot: snap({ stack: [main], timers: [timer], microtasks: [micro], nextTicks: [tick], console: ['A', 'E'] }) },
  { kind: 'run', text: 'The nextTick callback runs', loc: at(4, 18, 41), jobId: 3, queue: 'nextTick', snapshot: snap({ stack: [{ name: 'nextTick callback', loc: at(4, 18, 41) }], timers: [timer], microtasks: [micro], console: ['A', 'E'] }) },
  { kind: 'print', text: "console.log prints 'D'", loc: at(4, 24, 40), card: 2, snapshot: snap({ stack: [{ name: 'nextTick callback', loc: at(4, 18, 41) }], timers: [timer], microtasks: [micro], console: ['A', 'E', 'D'] }) },
  { kind: 'run', text: 'The then callback runs', loc: at(3, 25, 47), jobId: 2, queue: 'microtask', snapshot: snap({ stack: [{ name: 'then callback', loc: at(3, 25, 47) }], timers: [timer], console: ['A', 'E', 'D'] }) },
  { kind: 'print', text: "console.log prints 'C'", loc: at(3, 30, 46), card: 3, snapshot: snap({ stack: [{ name: 'then callback', loc: at(3, 25, 47) }], timers: [timer], console: ['A', 'E', 'D', 'C'] }) },
  { kind: 'phase', text: 'The event loop enters the timers phase', loc: null, snapshot: snap({ phase: 'timers', time: 1, timers: [timer], console: ['A', 'E', 'D', 'C'] }) },
  { kind: 'print', text: "console.log prints 'B'", loc: at(2, 18, 34), card: 4, snapshot: snap({ phase: 'timers', time: 1, stack: [{ name: 'setTimeout callback', loc: at(2, 12, 35) }], console: ['A', 'E', 'D', 'C', 'B'] }) },
];

/**
 * A D E C B against the true A E D C B: D and E swapped. The server's verdicts, one per card by TRUE
 * position: E kept in order (the longest run A, E, C, B) but shifted, D out of order.
 */
export const ANSWER: Pick<RoundResult, 'submitted' | 'verdicts'> = {
  submitted: ['ca', 'cd', 'ce', 'cc', 'cb'],
  verdicts: [
    { cardId: 'ca', truePosition: 0, placedAt: 0, inPlace: true, inOrder: true },
    { cardId: 'ce', truePosition: 1, placedAt: 2, inPlace: false, inOrder: true },
    { cardId: 'cd', truePosition: 2, placedAt: 1, inPlace: false, inOrder: false },
    { cardId: 'cc', truePosition: 3, placedAt: 3, inPlace: true, inOrder: true },
    { cardId: 'cb', truePosition: 4, placedAt: 4, inPlace: true, inOrder: true },
  ],
};

/** No answer: the server still sends one verdict per card, none placed. */
export const NO_ANSWER: Pick<RoundResult, 'submitted' | 'verdicts'> = {
  submitted: null,
  verdicts: TRUE_ORDER.map((card, i) => ({ cardId: card.id, truePosition: i, placedAt: null, inPlace: false, inOrder: false })),
};
