// The simulated Node.js process: the host that embeds the language. It owns the trace, the call
// stack the replay shows, the queues (declared in layout.ts, one record the snapshots copy), the
// event loop (loop.ts), the console (console.ts), the module table (modules.ts) and the global
// object; every host API (timers, setImmediate, process, fs, events...) is one file in apis/ that
// installs itself through `install(host)`. Node 20's own code is the model:
// - processTicksAndRejections (lib/internal/process/task_queues.js): the nextTick queue drains fully,
//   then the microtask queue, again until both are empty; then unhandled rejections are processed.
// - libuv's uv_run: see layout.ts (TURN_ORDER) and loop.ts.
// Time is virtual (clock.ts): it only moves when the loop sleeps or synchronous code busy-waits.
import { ExitSignal, SimulationError, ThrowSignal } from '../errors.ts';
import type { EngineHost, StepExtra } from '../host-interface.ts';
import { inspect, strEscape, type InspectHooks } from '../inspect.ts';
import { Coroutines } from '../language/coroutines.ts';
import { Interpreter } from '../language/evaluator.ts';
import { lineOf, rangeOf } from '../language/operations.ts';
import { createPromiseKit, type PromiseKit } from '../language/promise.ts';
import { installIntrinsics } from '../language/realm.ts';
import type { Card, LoopPhase, ModuleKind, ProcessExit, QueueName, QueuedJob, Snapshot, SourceRange, StackFrame, StepKind, TraceStep } from '../types.ts';
import { HOST_APIS, UNSUPPORTED_GLOBALS } from './apis/index.ts';
import type { Clock } from './clock.ts';
import { QUEUES, type TurnPhase } from './layout.ts';
import { pollPhase, runProcess } from './loop.ts';
import { ModuleTable } from './modules.ts';

/** A job in one of the host's queues. */
export interface Job {
  id: number;
  label: string;
  loc: SourceRange | null;
  run: () => void;
}

/** A pending I/O operation (a file read in the libuv thread pool). */
export interface IOOp {
  id: number;
  label: string;
  loc: SourceRange | null;
  /** The first loop turn whose poll phase may see it complete. */
  earliestIteration: number;
  /** The virtual time at which the thread pool has finished it. */
  readyAt: number;
  /** How race texts name it: "the fs.readFile callback (read started at 2:1)". */
  name: string;
  complete: () => void;
}

/** What an API tells the loop about the work it holds. */
export interface EventSource {
  /** True while the API holds work that keeps the process alive (a ref'ed handle). */
  alive(): boolean;
  /** The virtual time at which the loop must wake for it (Infinity: none); used when the poll phase sleeps. */
  wakeAt?(): number;
  /** True when the poll phase must not block (an immediate is queued). */
  busy?(): boolean;
  /** Its next job by race-text name ("the 10 ms timer set at 3:1"), or null when it holds nothing. */
  pending?(): string | null;
  /**
   * True while it keeps a time later than `now` (a timer not yet due at `now`, an interval's next start)
   * that a later decision compares with a new clock reading. Without it the API counts as holding one
   * whenever alive(). simulate() relies on it: when no API holds such a time, a clock tick at the
   * reading taken at `now` only shifts the rest of the run (see onlyShifts in index.ts).
   */
  holdsTime?(now: number): boolean;
}

export interface RuntimeOptions {
  module: ModuleKind;
  filename: string;
  source: string;
  trace: boolean;
  stepBudget: number;
  clock: Clock;
}

const MAX_MACROTASKS = 20_000;
const MAX_TRACE_STEPS = 20_000;

export class Runtime implements EngineHost {
  readonly interp: Interpreter;
  readonly kit: PromiseKit;
  readonly co: Coroutines;
  readonly clock: Clock;
  readonly opts: RuntimeOptions;
  readonly output: string[] = [];
  readonly cards: Card[] = [];
  readonly trace: TraceStep[] = [];
  readonly races: string[] = [];
  exit: ProcessExit | null = null;
  /** The exit code when the loop runs dry (process.exitCode). */
  exitCodeOnDrain: () => number = () => 0;
  /** Emits process 'beforeExit' (true when a listener ran); set by the process API. */
  beforeExit: () => boolean = () => false;
  /** Runs process 'exit' listeners with the exit code (once); set by the process API. */
  exitListeners: (code: number) => void = () => {};
  private exitEmitted = false;

  /** Emits process 'exit' once, synchronously, as the process ends. */
  emitExit(code: number): void {
    if (this.exitEmitted) return;
    this.exitEmitted = true;
    this.exitListeners(code);
  }
  /** How many timers the snippet created (no timers: no need to explore clock ticks). */
  timersCreated = 0;
  topLevelThis: unknown = undefined;
  readonly tracing: boolean;
  /** Where the loop is. */
  phase: LoopPhase = 'main';
  /** Loop turns started (each timers phase begins one). */
  iteration = 0;
  /** The global object the snippet sees. */
  readonly global: Record<string, unknown> = Object.create(null);
  readonly modules: ModuleTable;
  readonly hooks: InspectHooks;

  /** processTicksAndRejections' two queues. */
  readonly ticks: Job[] = [];
  readonly microtasks: Job[] = [];
  /** Pending I/O, completed in a poll phase. */
  io: IOOp[] = [];

  private traceFull = false;
  private nextJobId = 1;
  private macrotasks = 0;
  private readonly frames: StackFrame[] = [];
  /** What each queue holds now, for snapshots: one view per declared queue. */
  private readonly queueViews = new Map<QueueName, () => QueuedJob[]>();
  private readonly phases = new Map<TurnPhase, () => void>();
  private readonly queueNamers = new Map<QueueName, () => string | null>();
  /** The loop callbacks that ran, by race-text name, in order (to name the two that swap in a race). */
  readonly history: string[] = [];
  private readonly sources: EventSource[] = [];
  private readonly beforeCallbackChecks: ((what: string) => void)[] = [];
  private readonly refusers: ((v: object) => string | null)[] = [];
  private readonly specials: ((v: object) => string | null)[] = [];
  private readonly strictNames = new WeakMap<object, string>();
  private readonly unsubclassable = new WeakSet<Function>();

  constructor(opts: RuntimeOptions) {
    this.opts = opts;
    this.clock = opts.clock;
    this.tracing = opts.trace;
    this.interp = new Interpreter(this, opts.stepBudget);
    this.kit = createPromiseKit(this, this.interp);
    this.co = new Coroutines(this.interp, this.kit, this);
    this.interp.co = this.co;
    this.modules = new ModuleTable(this);
    const interp = this.interp;
    this.hooks = {
      functionKind: (fn) => {
        const c = interp.closures.get(fn);
        if (!c) return typeof fn !== 'function' || this.unsubclassable.has(fn) ? null : Function.prototype.toString.call(fn).startsWith('class') ? { kind: 'class', name: fn.name } : null;
        if (c.kind === 'class') return { kind: 'class', name: c.name };
        if (c.isAsync && c.isGenerator) return { kind: 'async-generator', name: c.name };
        if (c.isAsync) return { kind: 'async', name: c.name };
        if (c.isGenerator) return { kind: 'generator', name: c.name };
        return { kind: 'function', name: c.name };
      },
      promiseState: (v) => {
        const rec = this.kit.record(v);
        return rec ? { state: rec.state, value: rec.value } : null;
      },
      refuse: (v) => {
        for (const r of this.refusers) {
          const why = r(v);
          if (why) return why;
        }
        if (v === this.global) return 'printing the global object is not supported';
        if (this.strictNames.has(v)) return `printing ${this.strictNames.get(v)} is not supported`;
        return null;
      },
      special: (v) => {
        const g = this.co.generators.get(v);
        if (g) return `Object [${g}] {}`;
        for (const s of this.specials) {
          const text = s(v);
          if (text !== null) return text;
        }
        return null;
      },
    };
    this.defineQueue('nextTick', () => this.ticks.map(jobView));
    this.defineQueue('microtask', () => this.microtasks.map(jobView));
    this.defineQueue('io', () => this.io.map(jobView));
    this.addSource({ alive: () => this.io.length > 0 });
    this.definePhase('poll', () => pollPhase(this));

    this.global.globalThis = this.global;
    this.global.global = this.global;
    installIntrinsics(interp, this.global, this.kit);
    this.unsubclassable.add(this.kit.Promise);
    for (const api of HOST_APIS) api.install(this);
    for (const name of UNSUPPORTED_GLOBALS) if (!(name in this.global)) interp.unsupportedGlobals.add(name);
  }

  // ---------------------------------------------------------------- what APIs declare

  /** A fresh id for a job, timer or I/O operation (ids are shared by all queues). */
  nextId(): number {
    return this.nextJobId++;
  }

  /** Declares what a queue holds, for trace snapshots. */
  defineQueue(name: QueueName, view: () => QueuedJob[]): void {
    this.queueViews.set(name, view);
  }

  /** Declares how race texts name the next job of a queue ("the immediate set at 4:1"). */
  defineQueueNamer(name: QueueName, first: () => string | null): void {
    this.queueNamers.set(name, first);
  }

  /** The race-text name of the next job in a queue, or null when it is empty. */
  firstInQueue(name: QueueName): string | null {
    return this.queueNamers.get(name)?.() ?? null;
  }

  /** Declares what a loop phase does (a phase nobody declares does nothing). */
  definePhase(phase: TurnPhase, run: () => void): void {
    this.phases.set(phase, run);
  }

  /** Declares work that keeps the loop alive or wakes it. */
  addSource(source: EventSource): void {
    this.sources.push(source);
  }

  /** Runs before each callback the loop owns (timer, immediate): lets I/O flag races with it. */
  beforeCallback(check: (what: string) => void): void {
    this.beforeCallbackChecks.push(check);
  }

  /** Values console.log must refuse (Timeout objects...), and host objects with their own rendering. */
  addInspectRule(rule: { refuse?: (v: object) => string | null; special?: (v: object) => string | null }): void {
    if (rule.refuse) this.refusers.push(rule.refuse);
    if (rule.special) this.specials.push(rule.special);
  }

  /** A host object whose missing properties are refused (not read as undefined) and that cannot be printed. */
  strict<T extends object>(name: string, obj: T): T {
    this.interp.strictObjects.add(obj);
    this.strictNames.set(obj, name);
    return obj;
  }

  /** A host object whose missing properties are refused but that prints through a rule of its own. */
  strictPrintable<T extends object>(name: string, obj: T): T {
    this.interp.strictObjects.add(obj);
    this.strictNameOnly.set(obj, name);
    return obj;
  }
  private readonly strictNameOnly = new WeakMap<object, string>();

  /** A global binding (setTimeout, process...). */
  defineGlobal(name: string, value: unknown): void {
    this.global[name] = value;
  }

  /** A host constructor `class X extends` must refuse. */
  refuseSubclass(fn: Function): void {
    this.unsubclassable.add(fn);
  }

  // ---------------------------------------------------------------- EngineHost

  step(kind: StepKind, text: string, loc: SourceRange | null, extra?: StepExtra): void {
    if (!this.tracing || this.traceFull) return;
    if (this.trace.length >= MAX_TRACE_STEPS) {
      this.traceFull = true;
      return;
    }
    const s: TraceStep = { kind, text, loc, snapshot: this.snapshot() };
    if (extra) Object.assign(s, extra);
    this.trace.push(s);
  }

  private snapshot(): Snapshot {
    const queues = {} as Record<QueueName, QueuedJob[]>;
    for (const q of QUEUES) queues[q.name] = this.queueViews.get(q.name)?.() ?? [];
    return {
      stack: this.frames.map((f) => ({ ...f })),
      queues: queues as Snapshot['queues'],
      phase: this.phase,
      time: this.clock.now(),
      console: this.output.slice(),
    };
  }

  pushFrame(name: string, loc: SourceRange | null): void {
    this.frames.push({ name, loc });
  }

  popFrame(): void {
    this.frames.pop();
  }

  enqueueMicrotask(label: string, loc: SourceRange | null, run: () => void): void {
    const job = { id: this.nextId(), label, loc, run };
    this.microtasks.push(job);
    this.step('enqueue', `Queued in the microtask queue: ${label}`, loc, { jobId: job.id, queue: 'microtask' });
  }

  promiseSettled(rec: { label: string; value: unknown }, how: 'resolve' | 'reject'): void {
    if (!this.tracing) return;
    if (rec.label.startsWith('~')) return; // an engine-internal promise (await of a plain value...)
    const v = this.describeValue(rec.value);
    const what = rec.label.charAt(0).toUpperCase() + rec.label.slice(1);
    this.step(how, how === 'resolve' ? `${what} is fulfilled with ${v}` : `${what} is rejected with ${v}`, null);
  }

  bindImport(decl: any, declare: (name: string, value: unknown) => void): void {
    this.modules.bindImport(decl, declare);
  }

  importMeta(): object {
    return this.modules.importMeta();
  }

  sourceText(start: number, end: number): string {
    return this.opts.source.slice(start, end);
  }

  strictObjectName(obj: object): string {
    return this.strictNames.get(obj) ?? this.strictNameOnly.get(obj) ?? 'object';
  }

  allowsWrite(obj: object, key: PropertyKey): boolean {
    return this.writable.get(obj)?.has(key) ?? false;
  }

  /** Lets the snippet assign one property of a host object (process.exitCode). */
  allowWrite(obj: object, key: PropertyKey): void {
    const keys = this.writable.get(obj) ?? new Set<PropertyKey>();
    keys.add(key);
    this.writable.set(obj, keys);
  }
  private readonly writable = new WeakMap<object, Set<PropertyKey>>();

  isUnconstructible(fn: Function): boolean {
    return fn === Symbol || fn === BigInt;
  }

  isUnsubclassable(fn: Function): boolean {
    return this.unsubclassable.has(fn) || this.strictNames.has(fn);
  }

  // ---------------------------------------------------------------- helpers for APIs

  /** " (line N)" for the call being evaluated. */
  currentLineSuffix(): string {
    const l = lineOf(this.interp.currentCall);
    return l ? ` (line ${l})` : '';
  }

  /** The source range of the host call being evaluated (setTimeout(...), console.log(...)). */
  callLoc(): SourceRange | null {
    return rangeOf(this.interp.currentCall);
  }

  /** A label for a callback ("setTimeout callback tick (line 3)") and where it is defined. */
  fnLabel(fn: unknown, what: string): { label: string; loc: SourceRange | null } {
    const c = typeof fn === 'function' ? this.interp.closures.get(fn) : undefined;
    const line = c?.node?.loc?.start.line ?? lineOf(this.interp.currentCall);
    const name = c?.name ? ` ${c.name}` : '';
    return { label: `${what}${name}${line ? ` (line ${line})` : ''}`, loc: c?.loc ?? this.callLoc() };
  }

  /** A short rendering of a value for trace text. */
  describeValue(v: unknown): string {
    try {
      const s = typeof v === 'string' ? JSON.stringify(v) : inspect(v, this.hooks, 0);
      return s.length > 40 ? `${s.slice(0, 37)}...` : s;
    } catch {
      return typeof v === 'object' && v ? 'an object' : String(v);
    }
  }

  /** Puts a job in the nextTick queue (process.nextTick). */
  enqueueTick(job: Job): void {
    this.ticks.push(job);
  }

  /** Starts an I/O operation that completes in a later poll phase. */
  startIO(op: IOOp): void {
    this.io.push(op);
  }

  /** Records that the order is a race, naming the two events that can swap. */
  addRace(text: string): void {
    if (!this.races.includes(text)) this.races.push(text);
  }

  /** Runs a job taken from `queue`, with its trace step. */
  runJob(job: Job, queue: QueueName): void {
    this.step('run', `Runs ${job.label} from the ${queueTitle(queue)}`, job.loc, { jobId: job.id, queue });
    this.atJob(job.loc, job.run);
  }

  /** Runs `f` as the job that came from `loc` (see hereLoc). */
  atJob(loc: SourceRange | null, f: () => void): void {
    const saved = this.jobLoc;
    this.jobLoc = loc;
    try {
      f();
    } finally {
      this.jobLoc = saved;
    }
  }

  /** Where the running job came from (a host function passed as a callback, `.catch(console.error)`, has no call of its own). */
  jobLoc: SourceRange | null = null;

  /** The place a host function's refusal names: its call, or else the job that called it. */
  hereLoc(): SourceRange | null {
    return this.callLoc() ?? this.jobLoc;
  }

  /** A loop-owned callback (timer, immediate) is about to run: I/O that may have finished races with it. */
  aboutToRun(what: string): void {
    this.history.push(what);
    for (const check of this.beforeCallbackChecks) check(what);
  }

  /** Runs a callback the event loop owns (timer, immediate, tick, I/O): an exception ends the process. */
  runMacrotaskCallback(fn: Function, thisArg: unknown, args: unknown[]): void {
    if (++this.macrotasks > MAX_MACROTASKS) {
      throw new SimulationError('budget', `The event loop ran more than ${MAX_MACROTASKS} callbacks (a setInterval that is never cleared?)`);
    }
    try {
      this.interp.callFromHost(fn, thisArg, args, null);
    } catch (e) {
      if (e instanceof ThrowSignal) this.uncaught(e.value, 'uncaught-exception');
      throw e;
    }
  }

  /** Ends the process with an uncaught error, as Node reports it. */
  uncaught(value: unknown, reason: 'uncaught-exception' | 'unhandled-rejection'): never {
    let message: string;
    if (value instanceof Error) message = nodeErrors.has(value) ? `${value.name} [${(value as any).code}]: ${value.message}` : `${value.name}: ${value.message}`;
    else if (reason === 'unhandled-rejection') message = `UnhandledPromiseRejection: the promise rejected with the reason ${this.describeValue(value)}`;
    else message = `Uncaught ${this.describeValue(value)}`;
    this.exit = { reason, code: 1, message };
    this.phase = 'exit';
    this.emitExit(1);
    this.step('exit', reason === 'uncaught-exception'
      ? `Uncaught exception (${message}): Node prints it and the process exits with code 1`
      : `Unhandled promise rejection (${message}): Node treats it as an uncaught exception and exits with code 1`, null);
    throw new ExitSignal(1);
  }

  /** process.exit(code): ends the process at once. */
  exitNow(code: number, text: string): never {
    if (!this.exitEmitted) {
      this.exit = { reason: 'process.exit', code };
      this.emitExit(code);
    }
    this.exit = { reason: 'process.exit', code };
    this.phase = 'exit';
    this.step('exit', text, this.callLoc());
    throw new ExitSignal(code);
  }

  // ---------------------------------------------------------------- the loop's core

  /** processTicksAndRejections: ticks, then microtasks, until both are empty; then rejections. */
  drain(): void {
    do {
      while (this.ticks.length) {
        const tick = this.ticks.shift()!;
        this.runJob(tick, 'nextTick');
      }
      this.runMicrotasks();
    } while (this.ticks.length || this.processRejections());
  }

  runMicrotasks(): void {
    while (this.microtasks.length) {
      const job = this.microtasks.shift()!;
      this.runJob(job, 'microtask');
    }
  }

  private processRejections(): boolean {
    const r = this.kit.takeUnhandledRejection();
    if (r) this.uncaught(r.reason, 'unhandled-rejection');
    return false;
  }

  /** Enters a phase with a trace step. */
  enterPhase(phase: LoopPhase, text: string): void {
    this.phase = phase;
    this.step('phase', text, null);
  }

  /** Runs one declared phase of the loop. */
  runPhase(phase: TurnPhase): void {
    this.phases.get(phase)?.();
  }

  /** uv__loop_alive: some API still holds work. */
  alive(): boolean {
    return this.sources.some((s) => s.alive());
  }

  /** Whether some API keeps a time later than `now` that later readings are compared with (EventSource.holdsTime). */
  holdsTime(now: number): boolean {
    return this.sources.some((s) => (s.holdsTime ? s.holdsTime(now) : s.alive()));
  }

  /** The earliest time an API needs the loop awake (the poll phase's timeout). */
  wakeAt(): number {
    let t = Infinity;
    for (const s of this.sources) if (s.wakeAt) t = Math.min(t, s.wakeAt());
    return t;
  }

  /** What the APIs hold now, in words ("a pending timer", "a queued setImmediate"). */
  pendingWork(): string[] {
    const out: string[] = [];
    for (const s of this.sources) {
      const what = s.pending?.();
      if (what) out.push(what);
    }
    return out;
  }

  /** Runs the snippet: main script, then the event loop until nothing is left. */
  run(program: any): void {
    runProcess(this, program);
  }

  /** True when an API has work the poll phase must not sleep through (queued immediates). */
  busy(): boolean {
    return this.sources.some((s) => s.busy?.());
  }

  /** A snippet function's kind and name (for labels and inspect). */
  closureName(fn: unknown): string {
    return (typeof fn === 'function' && this.interp.closures.get(fn)?.name) || '';
  }
}

function jobView(j: { id: number; label: string; loc: SourceRange | null }): QueuedJob {
  return { id: j.id, label: j.label, loc: j.loc };
}

/** A queue's name in trace text ("the nextTick queue"). */
function queueTitle(q: QueueName): string {
  switch (q) {
    case 'nextTick': return 'nextTick queue';
    case 'microtask': return 'microtask queue';
    case 'timers': return 'timers';
    case 'check': return 'check queue';
    case 'io': return 'poll phase';
  }
}

/** Errors Node itself throws (internal/errors.js): an uncaught one is reported as `TypeError [CODE]: message`. */
const nodeErrors = new WeakSet<Error>();

/** Marks an error as one of Node's own, with its code. */
export function nodeError<E extends Error>(err: E, code: string): E {
  (err as any).code = code;
  nodeErrors.add(err);
  return err;
}

/** Node's ERR_INVALID_ARG_TYPE error for a bad argument (the "Received ..." part as internal/errors.js words it). */
export function nodeTypeError(arg: string, type: string, value: unknown): TypeError {
  let received: string;
  if (value === undefined || value === null) received = String(value);
  else if (typeof value === 'function') received = `function ${(value as Function).name}`;
  else if (typeof value === 'object') {
    const ctor = (value as any).constructor;
    received = ctor?.name ? `an instance of ${ctor.name}` : 'an instance of Object';
  } else {
    let inspected = typeof value === 'string' ? strEscape(value) : typeof value === 'bigint' ? `${value}n` : Object.is(value, -0) ? '-0' : String(value);
    if (inspected.length > 25) inspected = `${inspected.slice(0, 25)}...`;
    received = `type ${typeof value} (${inspected})`;
  }
  return nodeError(new TypeError(`The "${arg}" argument must be of type ${type}. Received ${received}`), 'ERR_INVALID_ARG_TYPE');
}
