// The engine's public vocabulary: what `simulate()` takes and returns.
// Everything here is plain data (JSON-serialisable) so a result can travel over Socket.IO
// to a phone or a projector unchanged.

/** A position in the snippet: line and column both count from 1, as editors show them. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A span of the snippet's source, start inclusive, end exclusive. */
export interface SourceRange {
  start: SourcePosition;
  end: SourcePosition;
}

/** One line of console output and the console call that printed it. */
export interface Card {
  /** Position of this line in the true output, from 0. */
  index: number;
  text: string;
  /** Which stream printed it: console.log/info/debug write to stdout, console.error/warn to stderr. */
  stream: 'stdout' | 'stderr';
  /** The `console.log(...)` call expression that printed the line. */
  loc: SourceRange;
}

/** Where the event loop is. `main` is the script body before the loop starts; `exit` is after the process ended. */
export type LoopPhase = 'main' | 'timers' | 'pending' | 'poll' | 'check' | 'close' | 'exit';

/** A frame of the simulated call stack. */
export interface StackFrame {
  name: string;
  loc: SourceRange | null;
}

/** A job waiting in one of the engine's queues (nextTick, microtask, check, pending I/O). */
export interface QueuedJob {
  id: number;
  /** e.g. `then callback (line 3)`, `resume f after await (line 5)`, `nextTick callback (line 2)`. */
  label: string;
  loc: SourceRange | null;
}

/** The engine's queues, as named in trace steps. */
export type QueueName = 'nextTick' | 'microtask' | 'timers' | 'check' | 'io';

/** A scheduled timer as the timers phase sees it. */
export interface TimerEntry extends QueuedJob {
  /** Virtual time (ms since the script started) at which the timer is due. */
  due: number;
  /** The interval in ms for setInterval, null for setTimeout. */
  repeat: number | null;
}

/** Each queue's jobs at one step; the timers queue lists TimerEntry records (ordered by due time). */
export type SnapshotQueues = { [Q in QueueName]: Q extends 'timers' ? TimerEntry[] : QueuedJob[] };

/** Everything the replay draws at one step: the engine's real queues, copied. */
export interface Snapshot {
  stack: StackFrame[];
  /** The host's queues as declared in shared/engine/host/layout.ts (QUEUES gives their order and titles). */
  queues: SnapshotQueues;
  phase: LoopPhase;
  /** Virtual clock in ms. */
  time: number;
  /** Console lines printed so far. */
  console: string[];
}

/** What a trace step is about. */
export type StepKind =
  | 'script-start' // the main script begins to run synchronously
  | 'script-end' // the main script's synchronous code has finished
  | 'enqueue' // a job was put in a queue (nextTick, microtask, check, I/O)
  | 'run' // a job was taken from its queue and its callback runs
  | 'timer-scheduled'
  | 'timer-cleared'
  | 'timer-fired'
  | 'immediate-cleared'
  | 'phase' // the event loop entered a phase
  | 'print' // console.log printed a line
  | 'resolve' // a promise was fulfilled
  | 'reject' // a promise was rejected
  | 'await' // an async function suspended at await
  | 'io-complete' // an I/O operation completed in the poll phase
  | 'exit'; // the process ended (normally, by process.exit, or by an uncaught error)

/** One step of the replay. */
export interface TraceStep {
  kind: StepKind;
  /** A sentence for people, e.g. "setTimeout schedules a timer due at 10 ms (line 4)". */
  text: string;
  loc: SourceRange | null;
  /** For `print` steps, the index of the card printed. */
  card?: number;
  /** For steps about a queued job (enqueue, run, timer-*, immediate-cleared, io-complete): its id. */
  jobId?: number;
  /** For steps about a queued job: which queue it lives in. */
  queue?: QueueName;
  snapshot: Snapshot;
}

/** How the simulated process ended. */
export interface ProcessExit {
  reason: 'normal' | 'process.exit' | 'uncaught-exception' | 'unhandled-rejection';
  code: number;
  /** For an uncaught error: what Node would report on stderr (first line only). */
  message?: string;
}

/** The result of simulating one snippet. */
export interface SimulationResult {
  /**
   * The exact lines `node snippet.js` prints, in the order a terminal shows them: stdout and stderr
   * through one pipe, as `node snippet.js 2>&1` (each card says which stream printed it).
   */
  output: string[];
  cards: Card[];
  /** False when the real order is a race (it depends on wall-clock time). Never true for a race. */
  deterministic: boolean;
  /** Why the order is a race, one sentence each (empty when deterministic). */
  races: string[];
  trace: TraceStep[];
  exit: ProcessExit;
}

export type ModuleKind = 'commonjs' | 'module';

export interface SimulateOptions {
  /** CommonJS script (default, like `node file.js`) or ES module (like `node file.mjs`). */
  module?: ModuleKind;
  /** Record the replay trace (default true). */
  trace?: boolean;
  /** The value of `__filename` (default `/snippet.js`). */
  filename?: string;
  /**
   * Maximum interpreter steps (statements, expression nodes, loop iterations) before giving up, default
   * 300 000 000; at most 200 000 of them (or stepBudget, if smaller) may run outside the fast path.
   */
  stepBudget?: number;
  /**
   * Run loops that cannot suspend as compiled closures (default true). False runs everything through
   * the evaluator: same results, about 50 times slower; for tests and the benchmark.
   */
  fastPath?: boolean;
  /**
   * How late a stretch of work between two sleeps of the loop may run, in ms, when deciding whether the
   * order is a race (default 1: the clock ticking over on an idle machine). A larger value asks whether
   * the order also survives a busy machine that stalls for that long.
   */
  stallMs?: number;
}

/** Why a snippet could not be simulated. */
export type SimulationErrorKind = 'syntax' | 'unsupported' | 'budget' | 'size';
