// The simulated Node.js process: its event loop and queues, modelled on Node 20's own code.
// - processTicksAndRejections (lib/internal/process/task_queues.js): the nextTick queue drains fully,
//   then the microtask queue, again until both are empty; then unhandled rejections are processed.
// - Timers (lib/internal/timers.js): one list per duration, lists ordered by expiry then creation,
//   listOnTimeout defers a list whose head is not due yet; setInterval re-arms from the time its
//   callback started.
// - Immediates (processImmediate): the check phase runs the queue as it was when the phase began.
// - libuv's uv_run: timers -> pending -> poll -> check -> close, with timers also run once before the
//   first turn; the poll phase sleeps until the next timer when nothing else is pending.
// Time is virtual: it only moves when the loop sleeps. A `Clock` can be told to tick over by one
// millisecond at any chosen read, which is how `simulate()` finds orders that depend on wall-clock time.
import { ExitSignal, SimulationError, ThrowSignal, errorAt } from './errors.ts';
import { InspectRefusal, formatLog, inspect, type InspectHooks } from './inspect.ts';
import { Interpreter, ReturnSignal, Scope, isObject, lineOf, rangeOf, type Closure, type Suspend } from './interpreter.ts';
import { createPromiseKit, type Capability, type PromiseKit, type PromiseRecord } from './promise.ts';
import type {
  Card, LoopPhase, ModuleKind, ProcessExit, QueueName, QueuedJob, Snapshot, SourceRange, StackFrame, StepKind, TimerEntry, TraceStep,
} from './types.ts';

interface Job {
  id: number;
  label: string;
  loc: SourceRange | null;
  run: () => void;
}

interface Timer {
  id: number;
  label: string;
  loc: SourceRange | null;
  callback: Function | null;
  args: unknown[];
  /** _idleTimeout: the coerced delay. */
  msecs: number;
  repeat: number | null;
  /** _idleStart: the clock reading when the timer was (re)armed. */
  start: number;
  list: TimerList | null;
  kind: 'setTimeout' | 'setInterval';
}

interface TimerList {
  msecs: number;
  expiry: number;
  id: number;
  timers: Timer[];
}

interface Immediate {
  job: Job;
  cleared: boolean;
}

interface IOOp {
  id: number;
  label: string;
  loc: SourceRange | null;
  earliestIteration: number;
  complete: () => void;
}

/** Wall-clock stand-in. Reads return virtual time, or `bumpMs` more once "bumped" (the clock ticked over, or the machine stalled). */
export class Clock {
  base = 0;
  bumped = false;
  reads = 0;
  private spanStart = true;
  constructor(private readonly bumpAt: number, private readonly bumpEverySpan: boolean, private readonly bumpMs = 1) {}
  read(): number {
    const k = this.reads++;
    if (!this.bumped && (k === this.bumpAt || (this.bumpEverySpan && this.spanStart))) this.bumped = true;
    this.spanStart = false;
    return this.now();
  }
  now(): number {
    return this.base + (this.bumped ? this.bumpMs : 0);
  }
  advanceTo(t: number): void {
    this.base = Math.max(t, this.now());
    this.bumped = false;
    this.spanStart = true;
  }
}

const TIMEOUT_MAX = 2 ** 31 - 1;
const MAX_OUTPUT_LINES = 2000;
const MAX_MACROTASKS = 20_000;
const MAX_TRACE_STEPS = 20_000;

/** Names that exist in Node but are not modelled: reading one is refused, not guessed. */
const UNSUPPORTED_GLOBALS = [
  'Buffer', 'fetch', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'AbortController', 'AbortSignal',
  'EventTarget', 'Event', 'structuredClone', 'atob', 'btoa', 'crypto', 'Intl', 'WeakRef', 'FinalizationRegistry',
  'Proxy', 'Reflect', 'Atomics', 'SharedArrayBuffer', 'WebAssembly', 'eval', 'Function', 'Date', 'performance',
  'navigator', 'Blob', 'MessageChannel', 'MessagePort', 'BroadcastChannel', 'ArrayBuffer', 'DataView',
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'escape', 'unescape', 'FormData', 'Headers',
  'Request', 'Response', 'WebSocket', 'Worker', 'setTimeout$', 'DOMException', 'CustomEvent', 'Iterator',
];

/** File contents handed to a readFile callback without an encoding: prints like Node's Buffer. */
class FileBuffer {
  readonly length: number;
  constructor(readonly bytes: Uint8Array, private readonly text: string) {
    this.length = bytes.length;
  }
  toString(): string {
    return this.text;
  }
}

export interface RuntimeOptions {
  module: ModuleKind;
  filename: string;
  source: string;
  trace: boolean;
  stepBudget: number;
  clock: Clock;
}

export class Runtime {
  readonly interp: Interpreter;
  readonly kit: PromiseKit;
  readonly clock: Clock;
  readonly output: string[] = [];
  readonly cards: Card[] = [];
  readonly trace: TraceStep[] = [];
  readonly races: string[] = [];
  exit: ProcessExit | null = null;
  /** How many timers the snippet created (no timers: no need to explore clock ticks). */
  timersCreated = 0;
  topLevelThis: unknown = undefined;

  private readonly tracing: boolean;
  private traceFull = false;
  private nextJobId = 1;
  private ticks: Job[] = [];
  private microtasks: Job[] = [];
  private readonly lists = new Map<number, TimerList>();
  private listQueue: TimerList[] = [];
  private nextListId = 1;
  private immediates: Immediate[] = [];
  private checkBatch: Immediate[] = [];
  private io: IOOp[] = [];
  private phase: LoopPhase = 'main';
  private iteration = 0;
  private macrotasks = 0;
  private readonly frames: StackFrame[] = [];
  private readonly timerOf = new WeakMap<object, Timer>();
  private readonly immediateOf = new WeakMap<object, Immediate>();
  private readonly strictNames = new WeakMap<object, string>();
  private readonly generators = new WeakMap<object, string>();
  private readonly printAsFunction = new WeakSet<Function>();
  private readonly opts: RuntimeOptions;
  private fsModule: Record<string, unknown> = {};
  private fsPromises: Record<string, unknown> = {};
  private readonly hooks: InspectHooks;

  constructor(opts: RuntimeOptions) {
    this.opts = opts;
    this.clock = opts.clock;
    this.tracing = opts.trace;
    this.interp = new Interpreter(this, opts.stepBudget);
    this.kit = createPromiseKit(this);
    this.hooks = {
      functionKind: (fn) => {
        const c = this.interp.closures.get(fn);
        if (!c) return this.printAsFunction.has(fn) || typeof fn !== 'function' ? null : Function.prototype.toString.call(fn).startsWith('class') ? { kind: 'class', name: fn.name } : null;
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
        if (this.timerOf.has(v)) return 'a Timeout object prints Node\'s internal timer fields; log something else';
        if (this.immediateOf.has(v)) return 'an Immediate object prints Node\'s internal fields; log something else';
        if (v === this.interp.globalObject) return 'printing the global object is not supported';
        if (this.strictNames.has(v) && !(v instanceof FileBuffer)) return `printing ${this.strictNames.get(v)} is not supported`;
        return null;
      },
      special: (v) => {
        const g = this.generators.get(v);
        if (g) return `Object [${g}] {}`;
        if (v instanceof FileBuffer) {
          const shown = Array.from(v.bytes.slice(0, 50), (b) => b.toString(16).padStart(2, '0')).join(' ');
          const more = v.bytes.length - 50;
          return `<Buffer ${shown}${more > 0 ? ` ... ${more} more byte${more > 1 ? 's' : ''}` : ''}>`;
        }
        return null;
      },
    };
    this.installGlobals();
  }

  // ---------------------------------------------------------------- trace

  /** Records a trace step with a snapshot of every queue (when tracing). */
  step(kind: StepKind, text: string, loc: SourceRange | null, extra?: { card?: number; jobId?: number; queue?: QueueName }): void {
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
    const view = (j: Job): QueuedJob => ({ id: j.id, label: j.label, loc: j.loc });
    const timers: TimerEntry[] = [];
    const lists = [...this.listQueue].sort((a, b) => a.expiry - b.expiry || a.id - b.id);
    for (const list of lists) {
      for (const t of list.timers) {
        timers.push({ id: t.id, label: t.label, loc: t.loc, due: t.start + list.msecs, repeat: t.repeat });
      }
    }
    timers.sort((a, b) => a.due - b.due);
    return {
      stack: this.frames.map((f) => ({ ...f })),
      nextTicks: this.ticks.map(view),
      microtasks: this.microtasks.map(view),
      timers,
      immediates: [...this.checkBatch.filter((i) => !i.cleared), ...this.immediates.filter((i) => !i.cleared)].map((i) => view(i.job)),
      pendingIO: this.io.map((o) => ({ id: o.id, label: o.label, loc: o.loc })),
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

  currentLineSuffix(): string {
    const l = lineOf(this.interp.currentCall);
    return l ? ` (line ${l})` : '';
  }

  private callLoc(): SourceRange | null {
    return rangeOf(this.interp.currentCall);
  }

  private fnLabel(fn: unknown, what: string): { label: string; loc: SourceRange | null } {
    const c = typeof fn === 'function' ? this.interp.closures.get(fn) : undefined;
    const line = c?.node?.loc?.start.line ?? lineOf(this.interp.currentCall);
    const name = c?.name ? ` ${c.name}` : '';
    return { label: `${what}${name}${line ? ` (line ${line})` : ''}`, loc: c?.loc ?? this.callLoc() };
  }

  // ---------------------------------------------------------------- queues

  enqueueMicrotask(label: string, loc: SourceRange | null, run: () => void): void {
    const job = { id: this.nextJobId++, label, loc, run };
    this.microtasks.push(job);
    this.step('enqueue', `Queued in the microtask queue: ${label}`, loc, { jobId: job.id, queue: 'microtask' });
  }

  promiseSettled(rec: PromiseRecord, how: 'resolve' | 'reject'): void {
    if (!this.tracing) return;
    if (rec.label.startsWith('~')) return; // an engine-internal promise (await of a plain value...)
    const v = this.describeValue(rec.value);
    const what = rec.label.charAt(0).toUpperCase() + rec.label.slice(1);
    this.step(how, how === 'resolve' ? `${what} is fulfilled with ${v}` : `${what} is rejected with ${v}`, null);
  }

  private describeValue(v: unknown): string {
    try {
      const s = typeof v === 'string' ? JSON.stringify(v) : inspect(v, this.hooks, 0);
      return s.length > 40 ? `${s.slice(0, 37)}...` : s;
    } catch {
      return typeof v === 'object' && v ? 'an object' : String(v);
    }
  }

  /** Runs a function as (part of) a job; exceptions propagate to the caller. */
  runCallback(fn: Function, args: unknown[], label: string, thisArg: unknown = undefined): unknown {
    void label;
    return this.interp.callFromHost(fn, thisArg, args, null);
  }

  private runJob(job: Job, queue: QueueName): void {
    this.step('run', `Runs ${job.label} from the ${queueName(queue)}`, job.loc, { jobId: job.id, queue });
    job.run();
  }

  /** Runs a callback the event loop owns (timer, immediate, tick, I/O): an exception ends the process. */
  private runMacrotaskCallback(fn: Function, thisArg: unknown, args: unknown[]): void {
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

  private uncaught(value: unknown, reason: 'uncaught-exception' | 'unhandled-rejection'): never {
    let message: string;
    if (value instanceof Error) message = `${value.name}: ${value.message}`;
    else if (reason === 'unhandled-rejection') message = `UnhandledPromiseRejection: the promise rejected with the reason ${this.describeValue(value)}`;
    else message = `Uncaught ${this.describeValue(value)}`;
    this.exit = { reason, code: 1, message };
    this.phase = 'exit';
    this.step('exit', reason === 'uncaught-exception'
      ? `Uncaught exception (${message}): Node prints it and the process exits with code 1`
      : `Unhandled promise rejection (${message}): Node treats it as an uncaught exception and exits with code 1`, null);
    throw new ExitSignal(1);
  }

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

  private runMicrotasks(): void {
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

  // ---------------------------------------------------------------- timers

  private insertTimer(timer: Timer, msecs: number, start: number): void {
    msecs = Math.trunc(msecs);
    timer.start = start;
    let list = this.lists.get(msecs);
    if (!list) {
      list = { msecs, expiry: start + msecs, id: this.nextListId++, timers: [] };
      this.lists.set(msecs, list);
      this.listQueue.push(list);
    }
    timer.list = list;
    list.timers.push(timer);
  }

  private removeTimer(timer: Timer): void {
    const list = timer.list;
    if (!list) return;
    const i = list.timers.indexOf(timer);
    if (i >= 0) list.timers.splice(i, 1);
    timer.list = null;
    if (list.timers.length === 0 && this.lists.get(list.msecs) === list) {
      this.lists.delete(list.msecs);
      this.listQueue = this.listQueue.filter((l) => l !== list);
    }
  }

  private peekList(): TimerList | null {
    let best: TimerList | null = null;
    for (const l of this.listQueue) {
      if (!best || l.expiry < best.expiry || (l.expiry === best.expiry && l.id < best.id)) best = l;
    }
    return best;
  }

  private createTimer(kind: 'setTimeout' | 'setInterval', callback: unknown, delay: unknown, args: unknown[]): object {
    if (typeof callback !== 'function') {
      throw new ThrowSignal(nodeTypeError('callback', 'function', callback, this));
    }
    let after = Number(delay);
    if (!(after >= 1 && after <= TIMEOUT_MAX)) after = 1;
    const { label, loc } = this.fnLabel(callback, `${kind} callback`);
    const timer: Timer = {
      id: this.nextJobId++, label, loc, callback, args, msecs: after, repeat: kind === 'setInterval' ? after : null,
      start: 0, list: null, kind,
    };
    const obj = Object.create(this.timeoutProto) as object;
    this.timerOf.set(obj, timer);
    // timeout.unref(), .refresh(), +timeout...: not modelled, so refused rather than read as undefined.
    this.interp.strictObjects.add(obj);
    this.strictNames.set(obj, 'Timeout');
    this.timersCreated++;
    this.insertTimer(timer, after, this.clock.read());
    const callLoc = this.callLoc();
    const coerced = delay === undefined || Number(delay) !== after ? ` (a delay of ${this.describeValue(delay)} counts as ${after} ms)` : '';
    this.step('timer-scheduled', `${kind} schedules a timer: ${label} is due at ${timer.start + Math.trunc(after)} ms${coerced}`, callLoc, { jobId: timer.id, queue: 'timers' });
    return obj;
  }

  private clearTimer(obj: unknown): void {
    if (!isObject(obj)) return;
    const timer = this.timerOf.get(obj as object);
    if (!timer || !timer.callback) return;
    timer.callback = null;
    timer.repeat = null;
    this.removeTimer(timer);
    this.step('timer-cleared', `The timer (${timer.label}) is cleared and will not fire`, this.callLoc(), { jobId: timer.id, queue: 'timers' });
  }

  /** processTimers(now) from lib/internal/timers.js. */
  private processTimers(now: number): void {
    let ranAtLeastOneList = false;
    for (;;) {
      const list = this.peekList();
      if (!list || list.expiry > now) break;
      if (ranAtLeastOneList) this.drain();
      else ranAtLeastOneList = true;
      this.listOnTimeout(list, now);
    }
    this.drain();
  }

  private listOnTimeout(list: TimerList, now: number): void {
    const msecs = list.msecs;
    let ranAtLeastOneTimer = false;
    for (;;) {
      const timer = list.timers[0];
      if (!timer) break;
      const diff = now - timer.start;
      if (diff < msecs) {
        // The head of this list is not due yet: look at the list again later.
        list.expiry = Math.max(timer.start + msecs, now + 1);
        list.id = this.nextListId++;
        return;
      }
      if (ranAtLeastOneTimer) this.drain();
      else ranAtLeastOneTimer = true;
      if (list.timers[0] !== timer) continue; // cleared by a microtask just now
      list.timers.shift();
      timer.list = null;
      if (!timer.callback) continue;
      let start = 0;
      if (timer.repeat) start = this.clock.read();
      this.ioRaceCheck(`the ${timer.label}`);
      this.step('timer-fired', `Timer due at ${timer.start + msecs} ms fires: runs ${timer.label}`, timer.loc, { jobId: timer.id, queue: 'timers' });
      const cb = timer.callback;
      try {
        this.runMacrotaskCallback(cb, this.timerObject(timer), timer.args);
      } finally {
        if (timer.repeat && timer.callback) {
          this.insertTimer(timer, timer.repeat, start);
          this.step('timer-scheduled', `setInterval re-arms ${timer.label}: next due at ${start + Math.trunc(timer.repeat)} ms`, timer.loc, { jobId: timer.id, queue: 'timers' });
        } else {
          timer.callback = null;
        }
      }
    }
    if (this.lists.get(msecs) === list) {
      this.lists.delete(msecs);
      this.listQueue = this.listQueue.filter((l) => l !== list);
    }
  }

  private timerObject(timer: Timer): object | undefined {
    void timer;
    return undefined;
  }

  private minExpiry(): number {
    const l = this.peekList();
    return l ? l.expiry : Infinity;
  }

  // ---------------------------------------------------------------- loop

  private enterPhase(phase: LoopPhase, text: string): void {
    this.phase = phase;
    this.step('phase', text, null);
  }

  private timersPhase(): void {
    this.iteration++;
    this.clock.read(); // uv__update_time
    // uv__run_timers keeps running Node's timer handle while it is due against the loop time, and
    // every setTimeout call in between updates that time (getLibuvNow), so a 1 ms timer armed by the
    // last callback's microtasks can still run in this phase if the clock has ticked over meanwhile.
    let first = true;
    while (this.minExpiry() <= this.clock.now()) {
      const now = this.clock.read(); // GetNow() in RunTimers
      if (first) this.enterPhase('timers', `Event loop: timers phase at ${now} ms, runs every timer that is due`);
      first = false;
      this.processTimers(now);
    }
  }

  private pollPhase(): void {
    const ready = this.io.filter((op) => op.earliestIteration <= this.iteration);
    if (!ready.length && !this.immediates.length && !this.io.length) {
      const next = this.minExpiry();
      if (next !== Infinity && next > this.clock.now()) {
        this.phase = 'poll';
        const from = this.clock.now();
        this.clock.advanceTo(next);
        this.step('phase', `Event loop: poll phase, nothing to do, so it waits from ${from} ms until the next timer is due at ${next} ms`, null);
      }
      return;
    }
    if (!ready.length) return;
    this.enterPhase('poll', 'Event loop: poll phase, I/O results have arrived');
    let first = true;
    for (const op of ready) {
      this.io = this.io.filter((o) => o !== op);
      const others: string[] = [];
      if (this.io.length) others.push('another file read');
      if (this.listQueue.length) others.push('a pending timer');
      if (this.immediates.length) others.push('a queued setImmediate');
      if (others.length) {
        this.addRace(`The ${op.label} races with ${others.join(' and ')}: how long the read takes decides the order`);
      }
      if (!first) this.drain();
      first = false;
      this.step('io-complete', `The file read finished: runs ${op.label}`, op.loc, { jobId: op.id, queue: 'io' });
      op.complete();
    }
    this.drain();
  }

  private checkPhase(): void {
    if (!this.immediates.length) return;
    this.checkBatch = this.immediates;
    this.immediates = [];
    this.enterPhase('check', 'Event loop: check phase, runs the setImmediate callbacks queued before it began');
    let ran = false;
    while (this.checkBatch.length) {
      // processImmediate drains the previous immediate's ticks first; a clearImmediate from those ticks
      // still stops the next one ("It's possible for this current Immediate to be cleared...").
      if (ran) this.drain();
      const im = this.checkBatch.shift();
      if (!im) break;
      if (im.cleared) continue;
      ran = true;
      im.cleared = true;
      this.ioRaceCheck(`the ${im.job.label}`);
      this.runJob(im.job, 'check');
    }
    this.drain();
  }

  /** A callback is about to run while a file read could already have finished: the order is a race. */
  private ioRaceCheck(what: string): void {
    for (const op of this.io) {
      if (op.earliestIteration <= this.iteration) {
        this.addRace(`The ${op.label} races with ${what}: the read may finish before or after it`);
      }
    }
  }

  addRace(text: string): void {
    if (!this.races.includes(text)) this.races.push(text);
  }

  private alive(): boolean {
    return this.listQueue.length > 0 || this.immediates.length > 0 || this.io.length > 0;
  }

  /** Runs the whole program: main script, then the event loop until nothing is left. */
  run(program: any): void {
    try {
      this.runMain(program);
      if (this.opts.module === 'module') this.runMicrotasks();
      this.drain();
      if (this.alive()) this.timersPhase();
      let guard = 0;
      while (this.alive()) {
        if (++guard > 200_000) throw new SimulationError('budget', 'The event loop went round more than 200000 times');
        this.pollPhase();
        this.checkPhase();
        this.timersPhase();
      }
      this.exit = { reason: 'normal', code: 0 };
      this.phase = 'exit';
      this.step('exit', 'Nothing is left in any queue: the event loop ends and the process exits', null);
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
    }
  }

  private runMain(program: any): void {
    const interp = this.interp;
    const strict = this.opts.module === 'module' || interp.functionInfo(program).strict;
    const scope = new Scope(interp.globalScope, true, null, strict);
    if (this.opts.module === 'commonjs') {
      const module = { exports: {} as Record<string, unknown> };
      this.topLevelThis = module.exports;
      scope.declare('exports', module.exports, true, true);
      scope.declare('module', module, true, true);
      scope.declare('require', this.makeRequire(), true, true);
      scope.declare('__filename', this.opts.filename, true, true);
      scope.declare('__dirname', dirname(this.opts.filename), true, true);
    }
    this.step('script-start', 'The main script starts: its synchronous code runs first, top to bottom', null);
    this.pushFrame('main script', rangeOf(program));
    if (this.opts.module === 'module') {
      // An ES module body is evaluated like an async function (top-level await).
      const cap = this.kit.newCapability('~module evaluation');
      this.driveAsync(interp.runProgram(program, scope), 'main module', cap, true);
      this.popFrame();
      return;
    }
    try {
      interp.runSync(interp.runProgram(program, scope));
    } catch (e) {
      this.popFrame();
      if (e instanceof ThrowSignal) this.uncaught(e.value, 'uncaught-exception');
      throw e;
    }
    this.popFrame();
    this.step('script-end', 'The main script has finished; now the nextTick queue, then the microtask queue, are drained', null);
  }

  // ---------------------------------------------------------------- async functions and generators

  /**
   * An ES module threw at top level: its evaluation promise rejects, and Node's loader hears of it
   * through three awaits (ModuleJob.run, ModuleLoader.import, the entry point) before it reports the
   * uncaught exception, so microtasks already queued get three more turns first.
   */
  private moduleFailed(error: unknown): void {
    const hops = ['ModuleJob.run', 'ModuleLoader.import', 'runEntryPointWithESMLoader'];
    const hop = (i: number): void => {
      this.enqueueMicrotask(`Node's module loader: ${hops[i]} sees the error`, null, () => {
        if (i + 1 < hops.length) hop(i + 1);
        else this.uncaught(error, 'uncaught-exception');
      });
    };
    hop(0);
  }

  /** Starts a snippet async function: runs synchronously to its first await and returns its promise. */
  startAsyncFunction(closure: Closure, fnObj: Function, thisArg: unknown, args: unknown[]): object {
    const cap = this.kit.newCapability(`the promise returned by ${closure.name || 'an async function'}()${this.currentLineSuffix()}`);
    const gen = this.interp.functionBody(closure, fnObj, thisArg, args, undefined);
    this.driveAsync(gen, closure.name || '(async anonymous)', cap, false, closure.loc);
    return cap.promise;
  }

  /** Steps an async body: resumes it, and on each await subscribes to the awaited promise. */
  private driveAsync(gen: Generator<Suspend, unknown, any>, name: string, cap: Capability, isModule: boolean, loc: SourceRange | null = null): void {
    const resume = (mode: 'next' | 'throw', value: unknown, first: boolean): void => {
      if (!first) this.pushFrame(name, loc);
      else if (!isModule) this.pushFrame(name, loc);
      this.interp.depth++;
      let r: IteratorResult<Suspend, unknown>;
      try {
        r = mode === 'next' ? gen.next(value) : gen.throw(new ThrowSignal(value));
      } catch (e) {
        this.popFrame();
        this.interp.depth--;
        if (e instanceof ThrowSignal) {
          cap.reject(e.value);
          if (isModule) this.moduleFailed(e.value);
          return;
        }
        throw e;
      }
      this.popFrame();
      this.interp.depth--;
      if (r.done) {
        cap.resolve(r.value);
        return;
      }
      const s = r.value;
      if (s.kind !== 'await') throw errorAt('unsupported', 'Unsupported: yield outside a generator', s.node);
      this.awaitValue(s.value, s.node, name, (v) => resume('next', v, false), (e) => resume('throw', e, false));
    };
    resume('next', undefined, true);
  }

  /** Await(value): PromiseResolve, then PerformPromiseThen with the continuation (one tick for a native promise). */
  awaitValue(value: unknown, node: any, name: string, onFulfilled: (v: unknown) => void, onRejected: (e: unknown) => void): void {
    const line = lineOf(node);
    const label = `resume ${name} after await${line ? ` (line ${line})` : ''}`;
    let promise: object;
    try {
      promise = this.kit.promiseResolve(value, `~promise awaited${line ? ` on line ${line}` : ''}`);
    } catch (e) {
      if (!(e instanceof ThrowSignal)) throw e;
      const p = this.kit.newCapability('await');
      p.reject(e.value);
      promise = p.promise;
    }
    const f = (v: unknown) => { onFulfilled(v); return undefined; };
    const r = (e: unknown) => { onRejected(e); return undefined; };
    this.kit.performThen(promise, f, r, null, { fulfill: label, reject: label, loc: rangeOf(node) });
    this.step('await', `${name} pauses at await${line ? ` (line ${line})` : ''}; the rest of it will resume as a microtask`, rangeOf(node));
  }

  /** A sync generator object driving a snippet generator body. */
  makeGenerator(closure: Closure, body: Generator<Suspend, unknown, any>): object {
    let state: 'start' | 'suspended' | 'running' | 'done' = 'start';
    const rt = this;
    const step = (mode: 'next' | 'throw' | 'return', value: unknown): IteratorResult<unknown> => {
      if (state === 'running') throw new ThrowSignal(new TypeError('Generator is already running'));
      if (state === 'done' || (state === 'start' && mode !== 'next')) {
        state = 'done';
        if (mode === 'throw') throw new ThrowSignal(value);
        return { value: mode === 'return' ? value : undefined, done: true };
      }
      state = 'running';
      rt.pushFrame(closure.name || '(generator)', closure.loc);
      let r: IteratorResult<Suspend, unknown>;
      try {
        r = mode === 'next' ? body.next(value) : body.throw(mode === 'throw' ? new ThrowSignal(value) : new ReturnSignal(value));
      } catch (e) {
        state = 'done';
        throw e;
      } finally {
        rt.popFrame();
      }
      if (r.done) {
        state = 'done';
        return { value: r.value, done: true };
      }
      if (r.value.kind !== 'yield') throw errorAt('unsupported', 'Unsupported: await in a sync generator', r.value.node);
      state = 'suspended';
      return { value: r.value.value, done: false };
    };
    const obj = Object.create(this.generatorProto) as Record<string, unknown>;
    this.generators.set(obj, 'Generator');
    this.generatorSteps.set(obj, step);
    return obj;
  }

  private readonly generatorSteps = new WeakMap<object, (mode: 'next' | 'throw' | 'return', value: unknown) => unknown>();
  private readonly generatorProto: object = (() => {
    const rt = this;
    const proto = {
      next(this: object, v: unknown) { return rt.genStep(this, 'next', v); },
      return(this: object, v: unknown) { return rt.genStep(this, 'return', v); },
      throw(this: object, v: unknown) { return rt.genStep(this, 'throw', v); },
      [Symbol.iterator](this: object) { return this; },
    };
    for (const k of Reflect.ownKeys(proto)) Object.defineProperty(proto, k, { enumerable: false });
    return proto;
  })();

  private genStep(obj: object, mode: 'next' | 'throw' | 'return', v: unknown): unknown {
    const step = this.generatorSteps.get(obj);
    if (!step) throw new ThrowSignal(new TypeError(`next method called on incompatible receiver ${this.inspectForError(obj)}`));
    return step(mode, v);
  }

  /** An async generator object (ECMA-262 §27.6: request queue, AsyncGeneratorYield/AwaitReturn/DrainQueue). */
  makeAsyncGenerator(closure: Closure, body: Generator<Suspend, unknown, any>): object {
    type Completion = { type: 'normal' | 'throw' | 'return'; value: unknown };
    type Request = { completion: Completion; cap: Capability };
    const g = { state: 'suspendedStart' as 'suspendedStart' | 'suspendedYield' | 'executing' | 'awaiting-return' | 'completed', queue: [] as Request[] };
    const name = closure.name || '(async generator)';
    const iterResult = (value: unknown, done: boolean) => ({ value, done });
    const completeStep = (type: 'normal' | 'throw', value: unknown, done: boolean) => {
      const req = g.queue.shift()!;
      if (type === 'throw') req.cap.reject(value);
      else req.cap.resolve(iterResult(value, done));
    };
    const drainQueue = (): void => {
      while (g.queue.length) {
        const c = g.queue[0].completion;
        if (c.type === 'return') {
          g.state = 'awaiting-return';
          awaitReturn();
          return;
        }
        if (c.type === 'throw') completeStep('throw', c.value, true);
        else completeStep('normal', undefined, true);
      }
    };
    const awaitReturn = (): void => {
      const c = g.queue[0].completion;
      let p: object;
      try {
        p = this.kit.promiseResolve(c.value, `${name} return value`);
      } catch (e) {
        if (!(e instanceof ThrowSignal)) throw e;
        g.state = 'completed';
        completeStep('throw', e.value, true);
        drainQueue();
        return;
      }
      const label = `${name} finishes its return`;
      this.kit.performThen(p, (v: unknown) => { g.state = 'completed'; completeStep('normal', v, true); drainQueue(); return undefined; },
        (r: unknown) => { g.state = 'completed'; completeStep('throw', r, true); drainQueue(); return undefined; }, null,
        { fulfill: label, reject: label, loc: closure.loc });
    };
    const advance = (mode: 'next' | 'throw' | 'return', value: unknown): void => {
      this.pushFrame(name, closure.loc);
      this.interp.depth++;
      let r: IteratorResult<Suspend, unknown>;
      try {
        r = mode === 'next' ? body.next(value) : body.throw(mode === 'throw' ? new ThrowSignal(value) : new ReturnSignal(value));
      } catch (e) {
        this.popFrame();
        this.interp.depth--;
        if (e instanceof ThrowSignal) {
          g.state = 'completed';
          completeStep('throw', e.value, true);
          drainQueue();
          return;
        }
        throw e;
      }
      this.popFrame();
      this.interp.depth--;
      if (r.done) {
        g.state = 'completed';
        completeStep('normal', r.value, true);
        drainQueue();
        return;
      }
      const s = r.value;
      if (s.kind === 'await') {
        this.awaitValue(s.value, s.node, name, (v) => advance('next', v), (e) => advance('throw', e));
        return;
      }
      // AsyncGeneratorYield: settle the oldest request, continue at once if another is waiting.
      completeStep('normal', s.value, false);
      if (g.queue.length) {
        resumeWith(g.queue[0].completion);
      } else {
        g.state = 'suspendedYield';
      }
    };
    const resumeWith = (c: Completion): void => {
      g.state = 'executing';
      if (c.type === 'return') {
        // AsyncGeneratorUnwrapYieldResumption: await the return value inside the generator.
        this.awaitValue(c.value, closure.node, name, (v) => advance('return', v), (e) => advance('throw', e));
        return;
      }
      advance(c.type === 'throw' ? 'throw' : 'next', c.value);
    };
    const enqueue = (c: Completion): object => {
      const cap = this.kit.newCapability(`promise from ${name}.${c.type === 'normal' ? 'next' : c.type}()`);
      if (c.type === 'normal' && g.state === 'completed') {
        cap.resolve(iterResult(undefined, true));
        return cap.promise;
      }
      if (c.type === 'throw') {
        if (g.state === 'suspendedStart') g.state = 'completed';
        if (g.state === 'completed') {
          cap.reject(c.value);
          return cap.promise;
        }
      }
      g.queue.push({ completion: c, cap });
      if (c.type === 'return' && (g.state === 'suspendedStart' || g.state === 'completed')) {
        g.state = 'awaiting-return';
        awaitReturn();
      } else if (g.state === 'suspendedStart' || g.state === 'suspendedYield') {
        resumeWith(c);
      }
      return cap.promise;
    };
    const obj = Object.create(this.asyncGeneratorProto) as object;
    this.generators.set(obj, 'AsyncGenerator');
    this.asyncGenEnqueue.set(obj, enqueue);
    return obj;
  }

  private readonly asyncGenEnqueue = new WeakMap<object, (c: { type: 'normal' | 'throw' | 'return'; value: unknown }) => object>();
  private readonly asyncGeneratorProto: object = (() => {
    const rt = this;
    const call = (obj: object, type: 'normal' | 'throw' | 'return', value: unknown): object => {
      const enqueue = rt.asyncGenEnqueue.get(obj);
      if (!enqueue) {
        const cap = rt.kit.newCapability('async generator');
        cap.reject(new TypeError('not an async generator'));
        return cap.promise;
      }
      return enqueue({ type, value });
    };
    const proto = {
      next(this: object, v: unknown) { return call(this, 'normal', v); },
      return(this: object, v: unknown) { return call(this, 'return', v); },
      throw(this: object, v: unknown) { return call(this, 'throw', v); },
      [Symbol.asyncIterator](this: object) { return this; },
    };
    for (const k of Reflect.ownKeys(proto)) Object.defineProperty(proto, k, { enumerable: false });
    return proto;
  })();

  /** GetIterator(obj, async): the async iterator, or CreateAsyncFromSyncIterator around the sync one. */
  getAsyncIterator(iterable: unknown, node: any): unknown {
    const interp = this.interp;
    if (iterable === null || iterable === undefined) throw interp.jsError(TypeError, `${interp.describe(node)} is not async iterable`);
    const method = (Object(iterable) as any)[Symbol.asyncIterator];
    if (method !== undefined && method !== null) {
      const it = interp.callFromHost(method, iterable, [], node);
      if (!isObject(it)) throw interp.jsError(TypeError, 'Result of the Symbol.asyncIterator method is not an object');
      return it;
    }
    const syncIt = interp.getIterator(iterable, node) as any;
    const line = lineOf(node);
    const label = `for await takes the next value${line ? ` (line ${line})` : ''}`;
    const continuation = (result: any, cap: Capability): object => {
      let done: boolean;
      let value: unknown;
      try {
        done = !!result.done;
        value = result.value;
      } catch (e) {
        if (!(e instanceof ThrowSignal)) throw e;
        cap.reject(e.value);
        return cap.promise;
      }
      let wrapper: object;
      try {
        wrapper = this.kit.promiseResolve(value, '~value from a sync iterator');
      } catch (e) {
        if (!(e instanceof ThrowSignal)) throw e;
        cap.reject(e.value);
        return cap.promise;
      }
      const unwrap = (v: unknown) => ({ value: v, done });
      this.kit.performThen(wrapper, unwrap, null, cap, { fulfill: label, reject: label, loc: rangeOf(node) });
      return cap.promise;
    };
    // next(v) and return(v) of %AsyncFromSyncIteratorPrototype%: call the sync method, then continue.
    const forward = (method: 'next' | 'return', v: unknown): object => {
      const cap = this.kit.newCapability(`~async-from-sync ${method}()`);
      const fn = syncIt[method];
      if (method === 'return' && (fn === undefined || fn === null)) {
        cap.resolve({ value: v, done: true });
        return cap.promise;
      }
      let result: unknown;
      try {
        result = interp.callFromHost(fn, syncIt, [v], node);
        if (!isObject(result)) throw interp.jsError(TypeError, 'Iterator result is not an object');
      } catch (e) {
        if (!(e instanceof ThrowSignal)) throw e;
        cap.reject(e.value);
        return cap.promise;
      }
      return continuation(result, cap);
    };
    const wrapperObj = {
      next: (v: unknown) => forward('next', v),
      return: (v: unknown) => forward('return', v),
    };
    return wrapperObj;
  }

  // ---------------------------------------------------------------- printing

  private print(args: unknown[]): void {
    const node = this.interp.currentCall;
    let text: string;
    try {
      text = formatLog(args, this.hooks);
    } catch (e) {
      if (e instanceof InspectRefusal) throw errorAt('unsupported', `Unsupported console.log output: ${e.message}`, node);
      throw e;
    }
    if (text.includes('\n')) {
      throw errorAt('unsupported', 'Unsupported: this console.log prints several lines; each card is one line, so log one line per call', node);
    }
    if (this.output.length >= MAX_OUTPUT_LINES) {
      throw errorAt('budget', `The snippet printed more than ${MAX_OUTPUT_LINES} lines`, node);
    }
    const card: Card = { index: this.output.length, text, loc: rangeOf(node) ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } };
    this.output.push(text);
    this.cards.push(card);
    this.step('print', `console.log prints "${text}"`, card.loc, { card: card.index });
  }

  /** A short rendering of a value for error messages ("[object Object]" style would be unhelpful). */
  inspectForError(v: unknown): string {
    if (typeof v === 'function') return v.name ? `function ${v.name}` : 'function';
    if (typeof v === 'string') return JSON.stringify(v);
    if (isObject(v)) return Array.isArray(v) ? 'array' : '#<Object>';
    return String(v);
  }

  /** A slice of the snippet's source (Function.prototype.toString of snippet functions). */
  sourceText(start: number, end: number): string {
    return this.opts.source.slice(start, end);
  }

  strictObjectName(obj: object): string {
    return this.strictNames.get(obj) ?? 'object';
  }

  isUnconstructible(fn: Function): boolean {
    return fn === Symbol || fn === BigInt;
  }

  isUnsubclassable(fn: Function): boolean {
    return fn === this.kit.Promise || this.strictNames.has(fn);
  }

  importMeta(): object {
    const filename = this.opts.filename;
    return { filename, dirname: dirname(filename), url: `file://${filename}` };
  }

  /** import declarations of an ES module: only 'fs' and 'fs/promises'. */
  bindImport(decl: any, scope: Scope): void {
    const src = String(decl.source.value).replace(/^node:/, '');
    const mod = src === 'fs' ? this.fsModule : this.fsPromises;
    for (const spec of decl.specifiers) {
      let value: unknown;
      if (spec.type === 'ImportDefaultSpecifier' || spec.type === 'ImportNamespaceSpecifier') value = mod;
      else {
        const name = spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value);
        if (!(name in mod)) throw errorAt('unsupported', `Unsupported: ${src} export '${name}' is not simulated`, spec);
        value = mod[name];
      }
      scope.declare(spec.local.name, value, false, true);
    }
  }

  private makeRequire(): Function {
    const require = (name: unknown): unknown => {
      const n = String(name).replace(/^node:/, '');
      if (n === 'fs') return this.fsModule;
      if (n === 'fs/promises') return this.fsPromises;
      if (n === 'timers') return this.timersModule;
      throw errorAt('unsupported', `Unsupported: require('${String(name)}') (only 'fs', 'fs/promises' and 'timers' are simulated)`, this.interp.currentCall);
    };
    return require;
  }

  private timersModule: Record<string, unknown> = {};
  private readonly timeoutProto: object = Object.create(Object.prototype);

  // ---------------------------------------------------------------- globals

  private installGlobals(): void {
    const interp = this.interp;
    const rt = this;
    const named = <T extends Function>(name: string, fn: T): T => {
      Object.defineProperty(fn, 'name', { value: name });
      return fn;
    };
    const refuseCall = (what: string) => named(what.split('.').pop()!, () => {
      throw errorAt('unsupported', `Unsupported: ${what}`, interp.currentCall);
    });

    const strict = (name: string, obj: Record<string, unknown>): Record<string, unknown> => {
      interp.strictObjects.add(obj);
      this.strictNames.set(obj, name);
      return obj;
    };

    const consoleObj = strict('console', {
      log: named('log', (...args: unknown[]) => { rt.print(args); }),
      info: named('info', (...args: unknown[]) => { rt.print(args); }),
      debug: named('debug', (...args: unknown[]) => { rt.print(args); }),
      error: refuseCall('console.error (it writes to stderr; only console.log output is simulated)'),
      warn: refuseCall('console.warn (it writes to stderr; only console.log output is simulated)'),
      trace: refuseCall('console.trace (it prints a stack trace to stderr)'),
      table: refuseCall('console.table'),
      dir: refuseCall('console.dir'),
      time: refuseCall('console.time (it measures wall-clock time)'),
      timeEnd: refuseCall('console.timeEnd (it measures wall-clock time)'),
      group: refuseCall('console.group'),
      assert: refuseCall('console.assert'),
      count: refuseCall('console.count'),
    });

    const setTimeoutFn = named('setTimeout', (cb: unknown, delay?: unknown, ...args: unknown[]) => rt.createTimer('setTimeout', cb, delay, args));
    const setIntervalFn = named('setInterval', (cb: unknown, delay?: unknown, ...args: unknown[]) => rt.createTimer('setInterval', cb, delay, args));
    const clearTimeoutFn = named('clearTimeout', (t: unknown) => { rt.clearTimer(t); });
    const clearIntervalFn = named('clearInterval', (t: unknown) => { rt.clearTimer(t); });
    const setImmediateFn = named('setImmediate', (cb: unknown, ...args: unknown[]) => {
      if (typeof cb !== 'function') throw new ThrowSignal(nodeTypeError('callback', 'function', cb, rt));
      const { label, loc } = rt.fnLabel(cb, 'setImmediate callback');
      const job: Job = { id: rt.nextJobId++, label, loc, run: () => rt.runMacrotaskCallback(cb, undefined, args) };
      const im: Immediate = { job, cleared: false };
      rt.immediates.push(im);
      const obj = Object.create(rt.immediateProto) as object;
      rt.immediateOf.set(obj, im);
      rt.interp.strictObjects.add(obj);
      rt.strictNames.set(obj, 'Immediate');
      rt.step('enqueue', `setImmediate queues ${label} in the check queue`, rt.callLoc(), { jobId: job.id, queue: 'check' });
      return obj;
    });
    const clearImmediateFn = named('clearImmediate', (obj: unknown) => {
      if (!isObject(obj)) return;
      const im = rt.immediateOf.get(obj as object);
      if (!im || im.cleared) return;
      im.cleared = true;
      rt.immediates = rt.immediates.filter((i) => i !== im);
      rt.checkBatch = rt.checkBatch.filter((i) => i !== im);
      rt.step('immediate-cleared', `clearImmediate removes ${im.job.label} from the check queue`, rt.callLoc(), { jobId: im.job.id, queue: 'check' });
    });
    const queueMicrotaskFn = named('queueMicrotask', (cb: unknown) => {
      if (typeof cb !== 'function') throw new ThrowSignal(nodeTypeError('callback', 'function', cb, rt));
      const { label, loc } = rt.fnLabel(cb, 'queueMicrotask callback');
      rt.enqueueMicrotask(label, loc, () => {
        try {
          rt.interp.callFromHost(cb, undefined, [], null);
        } catch (e) {
          if (e instanceof ThrowSignal) rt.uncaught(e.value, 'uncaught-exception');
          throw e;
        }
      });
    });

    const nextTick = named('nextTick', (cb: unknown, ...args: unknown[]) => {
      if (typeof cb !== 'function') throw new ThrowSignal(nodeTypeError('callback', 'function', cb, rt));
      const { label, loc } = rt.fnLabel(cb, 'nextTick callback');
      const job: Job = { id: rt.nextJobId++, label, loc, run: () => rt.runMacrotaskCallback(cb, undefined, args) };
      rt.ticks.push(job);
      rt.step('enqueue', `process.nextTick queues ${label}`, rt.callLoc(), { jobId: job.id, queue: 'nextTick' });
    });
    const processObj = strict('process', {
      nextTick,
      exit: named('exit', (code?: unknown) => {
        const c = code === undefined ? 0 : Number(code) | 0;
        rt.exit = { reason: 'process.exit', code: c };
        rt.phase = 'exit';
        rt.step('exit', `process.exit(${code === undefined ? '' : c}) ends the process at once`, rt.callLoc());
        throw new ExitSignal(c);
      }),
      on: refuseCall('process.on (process events are not simulated)'),
      once: refuseCall('process.once (process events are not simulated)'),
      hrtime: refuseCall('process.hrtime (it reads the wall clock)'),
      uptime: refuseCall('process.uptime (it reads the wall clock)'),
      memoryUsage: refuseCall('process.memoryUsage'),
      cwd: refuseCall('process.cwd'),
    });

    const data = () => {
      const bytes = new TextEncoder().encode(rt.opts.source);
      return { bytes, text: rt.opts.source };
    };
    const checkPath = (path: unknown, fn: string): void => {
      const p = typeof path === 'string' ? path : path instanceof URL ? path.pathname : path;
      if (p !== rt.opts.filename) {
        throw errorAt('unsupported', `Unsupported: ${fn} of ${rt.inspectForError(path)}; only the snippet's own file (__filename${rt.opts.module === 'module' ? ' or import.meta.filename' : ''}) can be read`, interp.currentCall);
      }
    };
    const encodingOf = (options: unknown): string | null => {
      if (typeof options === 'string') return options;
      if (isObject(options) && typeof (options as any).encoding === 'string') return (options as any).encoding;
      return null;
    };
    const contents = (options: unknown): unknown => {
      const enc = encodingOf(options);
      const d = data();
      if (enc === null) {
        // Only .length and .toString() are modelled; any other Buffer method is refused, not undefined.
        const buffer = new FileBuffer(d.bytes, d.text);
        interp.strictObjects.add(buffer);
        rt.strictNames.set(buffer, 'Buffer');
        return buffer;
      }
      if (enc === 'utf8' || enc === 'utf-8') return d.text;
      throw errorAt('unsupported', `Unsupported: the '${enc}' encoding`, interp.currentCall);
    };
    const startIO = (label: string, loc: SourceRange | null, complete: () => void): void => {
      const op: IOOp = { id: rt.nextJobId++, label, loc, earliestIteration: rt.iteration + 2, complete };
      rt.io.push(op);
      rt.step('enqueue', `The file read starts in the background (libuv thread pool); ${label} will run in a poll phase when it finishes`, rt.callLoc(), { jobId: op.id, queue: 'io' });
    };
    const readFile = named('readFile', (path: unknown, options?: unknown, cb?: unknown) => {
      // lib/fs.js: callback = maybeCallback(callback || options); a function as options means defaults.
      cb = cb || options;
      if (typeof options === 'function') options = undefined;
      if (typeof cb !== 'function') throw new ThrowSignal(nodeTypeError('cb', 'function', cb, rt));
      checkPath(path, 'fs.readFile');
      const value = contents(options);
      const { label, loc } = rt.fnLabel(cb, 'fs.readFile callback');
      startIO(label, loc, () => rt.runMacrotaskCallback(cb as Function, undefined, [null, value]));
    });
    const readFileSync = named('readFileSync', (path: unknown, options?: unknown) => {
      checkPath(path, 'fs.readFileSync');
      return contents(options);
    });
    const readFilePromise = named('readFile', (path: unknown, options?: unknown) => {
      checkPath(path, 'fs.promises.readFile');
      const value = contents(options);
      const cap = rt.kit.newCapability(`promise from fs.promises.readFile()${rt.currentLineSuffix()}`);
      startIO(`fs.promises.readFile result${rt.currentLineSuffix()}`, rt.callLoc(), () => cap.resolve(value));
      return cap.promise;
    });
    this.fsPromises = strict('fs.promises', { readFile: readFilePromise });
    this.fsModule = strict('fs', { readFile, readFileSync, promises: this.fsPromises });
    this.timersModule = strict('timers', {
      setTimeout: setTimeoutFn, setInterval: setIntervalFn, setImmediate: setImmediateFn,
      clearTimeout: clearTimeoutFn, clearInterval: clearIntervalFn, clearImmediate: clearImmediateFn,
    });

    const g: Record<string, unknown> = Object.create(null);
    const Prom = this.kit.Promise;
    this.printAsFunction.add(Prom);
    Object.assign(g, {
      console: consoleObj,
      process: processObj,
      setTimeout: setTimeoutFn,
      setInterval: setIntervalFn,
      clearTimeout: clearTimeoutFn,
      clearInterval: clearIntervalFn,
      setImmediate: setImmediateFn,
      clearImmediate: clearImmediateFn,
      queueMicrotask: queueMicrotaskFn,
      Promise: Prom,
      Object, Array, String, Number, Boolean, Symbol, BigInt, RegExp, JSON, Math, Map, Set, WeakMap, WeakSet,
      Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, AggregateError,
      parseInt, parseFloat, isNaN, isFinite, encodeURIComponent, decodeURIComponent, encodeURI, decodeURI,
      NaN, Infinity, undefined,
    });
    g.globalThis = g;
    g.global = g;
    interp.globalObject = g;
    interp.globalScope = new Scope(null, true, null, false);
    for (const name of UNSUPPORTED_GLOBALS) interp.unsupportedGlobals.add(name);

    // Built-ins the snippet may call but not change.
    for (const v of [Object, Array, String, Number, Boolean, Symbol, BigInt, RegExp, Map, Set, WeakMap, WeakSet,
      Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, AggregateError, Prom]) {
      interp.intrinsics.add(v);
      interp.intrinsics.add(v.prototype);
    }
    for (const v of [JSON, Math, Function.prototype, this.generatorProto, this.asyncGeneratorProto, this.timeoutProto, this.immediateProto,
      Object.getPrototypeOf([][Symbol.iterator]()), Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))]) {
      interp.intrinsics.add(v);
    }
    interp.refusedValues.set(Math.random, 'Math.random (the output must be the same every time)');
    interp.refusedValues.set(Function, 'the Function constructor');
    interp.refusedValues.set(Object.getPrototypeOf(async function () {}).constructor, 'the AsyncFunction constructor');
    interp.refusedValues.set(Object.getPrototypeOf(function* () {}).constructor, 'the GeneratorFunction constructor');
    interp.refusedValues.set(Object.getPrototypeOf(async function* () {}).constructor, 'the AsyncGeneratorFunction constructor');
    interp.refusedValues.set(Object.defineProperty, 'Object.defineProperty');
    interp.refusedValues.set(Object.defineProperties, 'Object.defineProperties');
    interp.refusedValues.set(Object.setPrototypeOf, 'Object.setPrototypeOf');
    interp.refusedValues.set(globalThis, 'the host global object');
    // Built-ins that would hand back the host's own promises (newer runtimes than Node 20).
    const fromAsync = (Array as unknown as { fromAsync?: Function }).fromAsync;
    if (fromAsync) interp.refusedValues.set(fromAsync, 'Array.fromAsync');

    const guardTarget = (fn: Function, name: string) => interp.nativeGuards.set(fn, (_this, args, node) => {
      const target = args[0];
      if (isObject(target) && (interp.intrinsics.has(target as object) || interp.strictObjects.has(target as object))) {
        throw errorAt('unsupported', `Unsupported: ${name} on a built-in object`, node);
      }
    });
    guardTarget(Object.assign, 'Object.assign');
    guardTarget(Object.freeze, 'Object.freeze');
    guardTarget(Object.seal, 'Object.seal');
    guardTarget(Object.preventExtensions, 'Object.preventExtensions');
    interp.nativeGuards.set(String.prototype.repeat, (s, args, node) => {
      if (String(s).length * Number(args[0]) > 200_000) throw errorAt('budget', 'String.prototype.repeat would build a string over 200000 characters', node);
    });
    const padGuard = (s: unknown, args: unknown[], node: any) => {
      if (Number(args[0]) > 200_000) throw errorAt('budget', 'padding to over 200000 characters is not supported', node);
      void s;
    };
    interp.nativeGuards.set(String.prototype.padStart, padGuard);
    interp.nativeGuards.set(String.prototype.padEnd, padGuard);
    interp.nativeGuards.set(Array, (_s, args, node) => {
      if (args.length === 1 && typeof args[0] === 'number' && args[0] > 100_000) throw errorAt('budget', 'Arrays longer than 100000 items are not supported', node);
    });
    interp.nativeGuards.set(Array.from, (_s, args, node) => {
      const src: any = args[0];
      if (isObject(src) && !Array.isArray(src) && typeof src.length === 'number' && src.length > 100_000) {
        throw errorAt('budget', 'Arrays longer than 100000 items are not supported', node);
      }
    });
  }

  private readonly immediateProto: object = Object.create(Object.prototype);
}


function queueName(q: QueueName): string {
  switch (q) {
    case 'nextTick': return 'nextTick queue';
    case 'microtask': return 'microtask queue';
    case 'timers': return 'timers';
    case 'check': return 'check queue';
    case 'io': return 'poll phase';
  }
}

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** Node's ERR_INVALID_ARG_TYPE error for a bad callback argument. */
function nodeTypeError(arg: string, type: string, value: unknown, rt: Runtime): TypeError {
  let received: string;
  if (value === undefined || value === null) received = String(value);
  else if (typeof value === 'function') received = `function ${(value as Function).name}`;
  else if (typeof value === 'object') received = 'an instance of Object';
  else received = `type ${typeof value} (${typeof value === 'string' ? `'${value}'` : String(value)})`;
  void rt;
  const err = new TypeError(`The "${arg}" argument must be of type ${type}. Received ${received}`);
  (err as any).code = 'ERR_INVALID_ARG_TYPE';
  return err;
}
