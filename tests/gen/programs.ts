// The program generator for the differential tests: seeded random snippets in the engine's
// supported language (timers, immediates, nextTick, microtasks, promises, async/await, async
// generators, fs.readFile), each console.log printing a unique label ("t3", "p7").
//
// Most programs are meant to be deterministic in real Node. The writer keeps a virtual schedule of
// every timer, immediate and file read it emits (a window of virtual milliseconds for each) and
// refuses to add one that could swap places with another under a slow or loaded machine: timers of
// different durations due within MARGIN ms of each other, an immediate next to a timer that may already
// be due, two file reads that are not causally ordered. The "race" flavour breaks that rule on purpose
// (setTimeout 0 against setImmediate at top level, a file read against a 1 ms timer), and the "crash"
// flavour ends the process early (uncaught throw, unhandled rejection, process.exit).
import { Rng, mixSeed } from './rng.ts';

/** One generated snippet. `module` says how to run it: `.cjs` / `{module:'commonjs'}` or `.mjs` / `{module:'module'}`. */
export interface GeneratedProgram {
  name: string;
  source: string;
  module: 'commonjs' | 'module';
  /** What the program leans on (timers, promises, ...): for summaries and debugging. */
  flavor: Flavor;
}

export type Flavor = 'timers' | 'promises' | 'async' | 'ticks' | 'io' | 'mixed' | 'race' | 'crash';

/** Generates `count` programs for `seed`; program i depends only on (seed, i). */
export function generatePrograms(seed: number, count: number): GeneratedProgram[] {
  const programs: GeneratedProgram[] = [];
  for (let i = 0; i < count; i++) programs.push(generateProgram(seed, i));
  return programs;
}

/** Generates program number `index` of `seed` on its own. */
export function generateProgram(seed: number, index: number): GeneratedProgram {
  const rng = new Rng(mixSeed(seed, index));
  const flavor = rng.weighted<Flavor>({
    timers: 16, promises: 16, async: 16, ticks: 12, io: 9, mixed: 22, race: 5, crash: 4,
  });
  // Deliberate races stay CommonJS: at an ES module's top level, setTimeout 0 against setImmediate is
  // no race (the module body runs after the loader's file read, so the immediate always wins).
  const esm = rng.chance(0.18);
  const module = esm && flavor !== 'race' ? 'module' : 'commonjs';
  const writer = new ProgramWriter(rng, module, flavor);
  const source = writer.write();
  return { name: `seed${seed}-${String(index).padStart(3, '0')}-${flavor}${module === 'module' ? '-esm' : ''}`, source, module, flavor };
}

// ---------------------------------------------------------------------------------------------
// The virtual schedule

/**
 * Two sources due closer than this (ms) may swap places on a busy machine: on 2 loaded cores a node
 * process can stall for 20 ms or more, and Node reads the clock afresh for every timer it arms, so
 * only orderings Node itself guarantees (same callback, same duration list, immediate after an I/O
 * or timer callback) survive smaller gaps.
 */
const MARGIN = 40;
/** No timer is due later than this (ms of virtual time): keeps each node run short. */
const MAX_TIME = 260;
/** How long a file read may take, after the code that started it, in ms. */
const IO_WINDOW = { lo: 1, hi: 30 };

interface Span {
  lo: number;
  hi: number;
}

type OriginKind = 'main' | 'timer' | 'immediate' | 'io';

/** A macrotask source the program will trigger: a timer firing, an immediate running, a read completing. */
interface SchedEvent {
  id: number;
  kind: 'timer' | 'imm' | 'io';
  /** For timers: the duration list (Node keeps one list per duration; same list = insertion order). */
  list: number;
  span: Span;
  /** The macrotask whose code created this event (0 = the main script). */
  origin: number;
  originKind: OriginKind;
  /** For timers: the effective delay (setTimeout 0 is 1 ms in Node). */
  delay: number;
  /** When the code that created the event ran. */
  created: Span;
}

/** Where generated code runs. */
type Where = 'main' | 'tick' | 'micro' | 'then' | 'catch' | 'finally' | 'timer' | 'interval' | 'immediate' | 'io' | 'async' | 'gen';

interface Ctx {
  where: Where;
  /** Virtual time window in which this code runs. */
  time: Span;
  /** The macrotask this code belongs to (an event id; 0 for the main script). */
  origin: number;
  originKind: OriginKind;
  /** Events that causally precede this code: they never race with what it schedules. */
  ancestors: ReadonlySet<number>;
  /** Remaining nesting depth. */
  depth: number;
  /** Inside an async function (or ESM top level): `await` is allowed. */
  inAsync: boolean;
  /** A variable in scope holding a small number, which logs may print. */
  value?: string;
  /** The code runs several times (an interval tick): logs must include `value` to stay unique. */
  repeats?: boolean;
  /** Nesting level of setImmediate from the last non-immediate macrotask. */
  immLevel: number;
}

/** When a promise settles, seen from the code that made it. */
interface Settle {
  span: Span;
  origin: number;
  originKind: OriginKind;
  ancestors: ReadonlySet<number>;
  rejects: boolean;
}

type StatementKind =
  | 'log' | 'timeout' | 'interval' | 'immediate' | 'nextTick' | 'microtask' | 'thenChain'
  | 'newPromise' | 'combinator' | 'asyncFn' | 'asyncGen' | 'fsCb' | 'fsPromise' | 'cleared'
  | 'await' | 'tryAwait' | 'sharedPromise' | 'lateHandler';

const WEIGHTS: Record<Exclude<Flavor, 'race' | 'crash'>, Partial<Record<StatementKind, number>>> = {
  timers: { log: 2, timeout: 4, interval: 1.5, immediate: 3, nextTick: 1, microtask: 1, thenChain: 1, cleared: 0.8 },
  promises: { log: 2, thenChain: 4, newPromise: 3, combinator: 2.5, sharedPromise: 1, lateHandler: 0.6, microtask: 1, nextTick: 1, timeout: 1, immediate: 0.5 },
  async: { log: 2, asyncFn: 4, asyncGen: 1.3, thenChain: 1, nextTick: 1, microtask: 0.7, timeout: 1, immediate: 0.7 },
  ticks: { log: 2, nextTick: 4, microtask: 3, thenChain: 2, newPromise: 1, lateHandler: 0.6, immediate: 1, timeout: 1, asyncFn: 1 },
  io: { log: 1, fsCb: 2.5, fsPromise: 1.5, immediate: 2, timeout: 1.5, nextTick: 1, thenChain: 1, asyncFn: 0.7 },
  mixed: {
    log: 2, timeout: 1.5, interval: 0.5, immediate: 1.5, nextTick: 1.5, microtask: 1, thenChain: 1.5,
    newPromise: 1.2, combinator: 1, asyncFn: 1.5, asyncGen: 0.5, fsCb: 0.3, fsPromise: 0.2, cleared: 0.4, sharedPromise: 0.4,
    lateHandler: 0.3,
  },
};

/** Statement kinds that only queue microtasks / ticks (allowed in repeating code). */
const MICRO_ONLY: StatementKind[] = ['nextTick', 'microtask', 'thenChain'];

/** Values printed next to a label: each one line in Node's util.inspect. */
const SHOWN_VALUES = [
  "{ a: 1, b: 'two' }", "[1, 'two', null, undefined]", "{ list: [1, { deep: true }] }", "new Map([['k', 1]])",
  'new Set([1, 2])', '-0', 'NaN', "'plain'", '`tpl ${1 + 1}`', "[Promise.resolve(3)]", 'Promise.resolve(4)',
  'new Promise(() => {})', "(class Point { constructor() { this.x = 1; } }, new (class Point { constructor() { this.x = 1; } })())",
  'function named() {}', 'async () => {}', "{ f() {} }", "Symbol('s')", 'true', '[]', '{}', "['a', ['b', ['c']]]",
  "JSON.stringify({ a: [1, 2] })", 'Math.max(3, 7)', "[1, 2, 3].map((n) => n * 2)", "Object.keys({ x: 1, y: 2 })",
];

const LABEL_PREFIX: Record<Where, string> = {
  main: 's', tick: 'n', micro: 'm', then: 'p', catch: 'c', finally: 'y', timer: 't', interval: 'v',
  immediate: 'i', io: 'f', async: 'a', gen: 'g',
};

interface Written {
  lines: string[];
  /** For awaits: the context of the statements that follow. */
  after?: Ctx;
}

class ProgramWriter {
  private counter = 0;
  private nextEventId = 1;
  private readonly events: SchedEvent[] = [];
  private budget: number;
  private usesFs = false;
  private usesFsPromisesModule = false;
  private crashPending: boolean;
  private readonly weights: Partial<Record<StatementKind, number>>;

  constructor(private readonly rng: Rng, private readonly module: 'commonjs' | 'module', private readonly flavor: Flavor) {
    this.budget = rng.int(6, 18);
    this.crashPending = flavor === 'crash';
    const base = flavor === 'race' || flavor === 'crash' ? 'mixed' : flavor;
    this.weights = WEIGHTS[base];
  }

  write(): string {
    const main: Ctx = {
      where: 'main', time: { lo: 0, hi: 0 }, origin: 0, originKind: 'main', ancestors: new Set(),
      depth: 3, inAsync: this.module === 'module', immLevel: 0,
    };
    const body: string[] = [];
    if (this.flavor === 'race') body.push(...this.race(main));
    body.push(...this.block(main, this.rng.int(3, 6)));
    if (this.crashPending) body.push(...this.crash(main));
    return [...this.header(), ...body].join('\n') + '\n';
  }

  private header(): string[] {
    const lines: string[] = [];
    if (this.module === 'module') {
      if (this.usesFs) lines.push(this.rng.chance(0.5) ? "import fs from 'fs';" : "import fs from 'node:fs';");
      if (this.usesFsPromisesModule) lines.push("import { readFile } from 'fs/promises';");
    } else {
      if (this.usesFs) lines.push("const fs = require('fs');");
      if (this.usesFsPromisesModule) lines.push("const { readFile } = require('fs/promises');");
    }
    return lines;
  }

  private get fileExpr(): string {
    return this.module === 'module' ? 'import.meta.filename' : '__filename';
  }

  private id(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  // -------------------------------------------------------------------------------------------
  // Schedule bookkeeping

  /** True when the two windows come closer than `margin` ms. */
  private near(a: Span, b: Span, margin: number): boolean {
    return a.lo < b.hi + margin && b.lo < a.hi + margin;
  }

  /** True when the two events could run in either order. */
  private clash(a: Omit<SchedEvent, 'id'>, b: SchedEvent): boolean {
    if (a.kind === 'imm' && b.kind === 'imm') return false;
    if (a.kind === 'io' || b.kind === 'io') {
      if (a.kind === 'io' && b.kind === 'io') return true;
      const io = a.kind === 'io' ? a : b;
      const other = a.kind === 'io' ? b : a;
      if (other.kind === 'imm') return other.span.hi >= io.span.lo && io.span.hi >= other.span.lo;
      // A timer armed while the read is in flight: which finishes first depends on the disk.
      const pending = (e: typeof a): Span => ({ lo: e.created.lo, hi: e.span.hi });
      return this.near(pending(io), pending(other), 1) || this.near(io.span, other.span, MARGIN);
    }
    if (a.kind === 'timer' && b.kind === 'timer') {
      // One duration list keeps insertion order. Across lists even timers armed by the same callback
      // need the margin: a long microtask drain after a big main script can outlast a 10 ms gap.
      if (a.list === b.list) return false;
      return this.near(a.span, b.span, MARGIN);
    }
    // One immediate, one timer.
    if (a.origin === b.origin) {
      // Created by the same macrotask. After an I/O callback the check phase always comes before
      // the timers phase. After the main script or an immediate the timers phase comes first; and
      // after a timer callback, libuv looks at its timer heap again once the microtasks drained, so
      // a short timer armed there can fire before the check phase if a millisecond went by.
      if (a.originKind === 'io') return false;
      const timerDelay = a.kind === 'timer' ? a.delay : b.delay;
      return timerDelay < MARGIN;
    }
    return this.near(a.span, b.span, MARGIN);
  }

  /** True when an event of this shape fits the schedule without a race. */
  private fits(ctx: Ctx, kind: SchedEvent['kind'], span: Span, list: number): boolean {
    if (span.hi > MAX_TIME) return false;
    const candidate = { kind, list, span, origin: ctx.origin, originKind: ctx.originKind, delay: list, created: ctx.time };
    for (const e of this.events) {
      if (ctx.ancestors.has(e.id)) continue;
      if (this.clash(candidate, e)) return false;
    }
    return true;
  }

  private register(ctx: Ctx, kind: SchedEvent['kind'], span: Span, list: number): SchedEvent {
    const event: SchedEvent = {
      id: this.nextEventId++, kind, list, span, origin: ctx.origin, originKind: ctx.originKind, delay: list, created: ctx.time,
    };
    this.events.push(event);
    return event;
  }

  /** Picks a setTimeout delay from {0, 1, 10, 50, 100} that fits, or null. */
  private pickDelay(ctx: Ctx, choices: number[] = [0, 1, 10, 50, 100]): number | null {
    for (const d of this.rng.shuffle(choices)) {
      const eff = Math.max(1, d);
      if (this.fits(ctx, 'timer', this.timerSpan(ctx, d), eff)) return d;
    }
    return null;
  }

  private timerSpan(ctx: Ctx, delay: number): Span {
    const eff = Math.max(1, delay);
    return { lo: ctx.time.lo + eff, hi: ctx.time.hi + eff + 1 };
  }

  private immSpan(ctx: Ctx): Span {
    return ctx.where === 'immediate' || ctx.immLevel > 0
      ? { lo: ctx.time.lo + 0.5, hi: ctx.time.hi + 1 }
      : { lo: ctx.time.lo, hi: ctx.time.hi };
  }

  /** The context of a callback run by `event`. */
  private macroCtx(ctx: Ctx, where: Where, event: SchedEvent, extra: Partial<Ctx> = {}): Ctx {
    const ancestors = new Set(ctx.ancestors);
    ancestors.add(event.id);
    const originKind: OriginKind = event.kind === 'timer' ? 'timer' : event.kind === 'imm' ? 'immediate' : 'io';
    return {
      where, time: event.span, origin: event.id, originKind, ancestors, depth: ctx.depth - 1,
      inAsync: false, immLevel: event.kind === 'imm' ? ctx.immLevel + 1 : 0, ...extra,
    };
  }

  /** The context of a microtask / tick callback queued from `ctx`. */
  private microCtx(ctx: Ctx, where: Where, extra: Partial<Ctx> = {}): Ctx {
    return { ...ctx, where, depth: ctx.depth - 1, inAsync: false, value: undefined, ...extra };
  }

  /** The context of code running once `settle` happened. */
  private settledCtx(ctx: Ctx, settle: Settle, where: Where, extra: Partial<Ctx> = {}): Ctx {
    return {
      ...ctx, where, time: settle.span, origin: settle.origin, originKind: settle.originKind,
      ancestors: settle.ancestors, depth: ctx.depth - 1, inAsync: false, value: undefined,
      immLevel: settle.origin === ctx.origin ? ctx.immLevel : settle.originKind === 'immediate' ? 1 : 0,
      ...extra,
    };
  }

  private now(ctx: Ctx, rejects = false): Settle {
    return { span: ctx.time, origin: ctx.origin, originKind: ctx.originKind, ancestors: ctx.ancestors, rejects };
  }

  private afterEvent(ctx: Ctx, event: SchedEvent, rejects = false): Settle {
    const ancestors = new Set(ctx.ancestors);
    ancestors.add(event.id);
    const originKind: OriginKind = event.kind === 'timer' ? 'timer' : event.kind === 'imm' ? 'immediate' : 'io';
    return { span: event.span, origin: event.id, originKind, ancestors, rejects };
  }

  // -------------------------------------------------------------------------------------------
  // Statements

  private block(ctx: Ctx, count: number): string[] {
    const lines: string[] = [];
    let cur = ctx;
    for (let i = 0; i < count; i++) {
      if (this.crashPending && cur.where !== 'main' && cur.depth < 2 && !cur.repeats && this.rng.chance(0.25)) {
        lines.push(...this.crash(cur));
        return lines;
      }
      const w = this.statement(cur);
      lines.push(...w.lines);
      if (w.after) cur = w.after;
    }
    return lines;
  }

  private statement(ctx: Ctx): Written {
    if (ctx.depth <= 0 || this.budget <= 0) return { lines: [this.log(ctx)] };
    let weights: Partial<Record<StatementKind, number>> = this.weights;
    if (ctx.repeats) {
      weights = { log: 2 };
      for (const k of MICRO_ONLY) weights[k] = 1;
    } else if (ctx.inAsync) {
      weights = { ...weights, await: 4, tryAwait: 1.2 };
    }
    for (let attempt = 0; attempt < 6; attempt++) {
      const kind = this.rng.weighted(weights);
      const written = this.tryStatement(kind, ctx);
      if (written) {
        if (kind !== 'log') this.budget -= 1;
        return written;
      }
    }
    return { lines: [this.log(ctx)] };
  }

  private tryStatement(kind: StatementKind, ctx: Ctx): Written | null {
    switch (kind) {
      case 'log': return { lines: [this.log(ctx)] };
      case 'timeout': return this.timeout(ctx);
      case 'interval': return this.interval(ctx);
      case 'immediate': return this.immediate(ctx);
      case 'nextTick': return this.nextTick(ctx);
      case 'microtask': return this.microtask(ctx);
      case 'thenChain': return this.thenChain(ctx);
      case 'newPromise': return this.newPromise(ctx);
      case 'combinator': return this.combinator(ctx);
      case 'asyncFn': return this.asyncFn(ctx);
      case 'asyncGen': return this.asyncGen(ctx);
      case 'fsCb': return this.fsCb(ctx);
      case 'fsPromise': return this.fsPromise(ctx);
      case 'cleared': return this.cleared(ctx);
      case 'await': return this.awaitStatement(ctx);
      case 'tryAwait': return this.tryAwait(ctx);
      case 'sharedPromise': return this.sharedPromise(ctx);
      case 'lateHandler': return this.lateHandler(ctx);
    }
  }

  /** A console.log with a fresh label. */
  private log(ctx: Ctx, where: Where = ctx.where): string {
    const label = this.id(LABEL_PREFIX[where]);
    if (ctx.repeats && ctx.value) return `console.log('${label}', ${ctx.value});`;
    // Now and then a value util.inspect must format exactly like Node, or a format string.
    const roll = this.rng.float();
    if (roll < 0.06) return `console.log('${label}', ${this.rng.pick(SHOWN_VALUES)});`;
    if (roll < 0.08) return `console.log('${label} %s=%d%%', 'n', ${this.rng.int(1, 99)});`;
    if (roll < 0.1) return `console.info('${label}');`;
    if (ctx.value && this.rng.chance(0.35)) {
      return this.rng.chance(0.7) ? `console.log('${label}', ${ctx.value});` : `console.log(\`${label}:\${${ctx.value}}\`);`;
    }
    return `console.log('${label}');`;
  }

  private body(ctx: Ctx, min = 1, max = 3): string[] {
    const n = Math.min(this.rng.int(min, max), ctx.depth <= 0 ? 1 : max);
    const lines = this.block(ctx, Math.max(1, n));
    return lines.map((l) => '  ' + l);
  }

  private timeout(ctx: Ctx): Written | null {
    const delay = this.pickDelay(ctx);
    if (delay === null) return null;
    const event = this.register(ctx, 'timer', this.timerSpan(ctx, delay), Math.max(1, delay));
    const withArg = this.rng.chance(0.15);
    const inner = this.macroCtx(ctx, 'timer', event, withArg ? { value: 'x' } : {});
    const body = this.body(inner);
    const delayText = delay === 0 && this.rng.chance(0.2) ? '' : `, ${delay}`;
    if (withArg) {
      const arg = this.rng.int(1, 9);
      return { lines: [`setTimeout((x) => {`, ...body, `}, ${delay}, ${arg});`] };
    }
    if (this.rng.chance(0.2)) {
      const name = this.id('onTimer');
      return { lines: [`setTimeout(function ${name}() {`, ...body, `}${delayText});`] };
    }
    return { lines: [`setTimeout(() => {`, ...body, `}${delayText});`] };
  }

  private interval(ctx: Ctx): Written | null {
    if (ctx.depth < 2) return null;
    const period = this.rng.pick([10, 10, 50, 1]);
    const ticks = this.rng.int(2, 4);
    const spans: Span[] = [];
    for (let k = 1; k <= ticks; k++) spans.push({ lo: ctx.time.lo + k * period, hi: ctx.time.hi + k * (period + 1) + 1 });
    if (!spans.every((s) => this.fits(ctx, 'timer', s, period))) return null;
    const first = this.register(ctx, 'timer', spans[0], period);
    const ancestors = new Set(ctx.ancestors);
    ancestors.add(first.id);
    // Each later tick is armed again by the tick before it: a macrotask of its own.
    let previous = first;
    for (const s of spans.slice(1)) {
      const tick = this.register({ ...ctx, origin: previous.id, originKind: 'timer' }, 'timer', s, period);
      ancestors.add(tick.id);
      previous = tick;
    }
    const counter = this.id('c');
    const handle = this.id('iv');
    const tickCtx: Ctx = {
      ...this.macroCtx(ctx, 'interval', first), time: { lo: spans[0].lo, hi: spans[spans.length - 1].hi },
      value: counter, repeats: true, depth: 1,
    };
    const lines = [`let ${counter} = 0;`, `const ${handle} = setInterval(() => {`, `  ${counter} += 1;`, `  ${this.log(tickCtx)}`];
    if (this.rng.chance(0.4)) lines.push(...this.body(tickCtx, 1, 1));
    const lastCtx: Ctx = {
      ...this.macroCtx(ctx, 'interval', first), time: spans[spans.length - 1], ancestors, depth: ctx.depth - 1,
    };
    lines.push(`  if (${counter} === ${ticks}) {`, `    clearInterval(${handle});`);
    if (this.rng.chance(0.6)) lines.push(...this.body(lastCtx, 1, 2).map((l) => '  ' + l));
    lines.push('  }', `}, ${period});`);
    return { lines };
  }

  private immediate(ctx: Ctx): Written | null {
    const span = this.immSpan(ctx);
    if (!this.fits(ctx, 'imm', span, 0)) return null;
    const event = this.register(ctx, 'imm', span, 0);
    const withArg = this.rng.chance(0.12);
    const inner = this.macroCtx(ctx, 'immediate', event, withArg ? { value: 'x' } : {});
    const body = this.body(inner);
    if (withArg) return { lines: [`setImmediate((x) => {`, ...body, `}, ${this.rng.int(1, 9)});`] };
    return { lines: [`setImmediate(() => {`, ...body, `});`] };
  }

  private nextTick(ctx: Ctx): Written | null {
    if (ctx.repeats) {
      return { lines: [`process.nextTick(() => ${this.log(ctx, 'tick').slice(0, -1)});`] };
    }
    if (this.rng.chance(0.15)) {
      const inner = this.microCtx(ctx, 'tick', { value: 'a' });
      return { lines: [`process.nextTick((a) => {`, ...this.body(inner, 1, 2), `}, ${this.rng.int(1, 9)});`] };
    }
    return { lines: [`process.nextTick(() => {`, ...this.body(this.microCtx(ctx, 'tick')), `});`] };
  }

  private microtask(ctx: Ctx): Written | null {
    if (ctx.repeats) return { lines: [`queueMicrotask(() => ${this.log(ctx, 'micro').slice(0, -1)});`] };
    return { lines: [`queueMicrotask(() => {`, ...this.body(this.microCtx(ctx, 'micro')), `});`] };
  }

  // ---- promises

  /**
   * A promise-valued expression and when it settles. Options: which shapes are allowed.
   * `log` lets timer-backed promises print from their timer callback.
   */
  private promiseExpr(ctx: Ctx, opts: { allowReject?: boolean; allowPlain?: boolean } = {}): { code: string; settle: Settle } {
    const n = this.rng.int(1, 9);
    const kinds: Record<string, number> = { resolved: 3, thenable: 1.2, timer: 2, asyncIife: 1, immediate: 0.8, tickResolve: 0.6 };
    if (opts.allowPlain) kinds.plain = 1.5;
    if (opts.allowReject) { kinds.rejected = 1.5; kinds.timerReject = 0.6; }
    kinds.fs = this.usesIo() ? 0.4 : 0.1;
    for (let attempt = 0; attempt < 5; attempt++) {
      const kind = this.rng.weighted(kinds);
      switch (kind) {
        case 'plain': return { code: String(n), settle: this.now(ctx) };
        case 'resolved': return { code: `Promise.resolve(${n})`, settle: this.now(ctx) };
        case 'rejected': return { code: `Promise.reject(new Error('${this.id('e')}'))`, settle: this.now(ctx, true) };
        case 'thenable': {
          const log = this.rng.chance(0.4) ? ` ${this.log(ctx, 'then')}` : '';
          return { code: `{ then(r) {${log} r(${n}); } }`, settle: this.now(ctx) };
        }
        case 'asyncIife': {
          const log = this.rng.chance(0.5) ? ` ${this.log(ctx, 'async')}` : '';
          return { code: `(async () => {${log} await null; return ${n}; })()`, settle: this.now(ctx) };
        }
        case 'tickResolve':
          return { code: `new Promise((r) => process.nextTick(r, ${n}))`, settle: this.now(ctx) };
        case 'timer':
        case 'timerReject': {
          const delay = this.pickDelay(ctx);
          if (delay === null) continue;
          const event = this.register(ctx, 'timer', this.timerSpan(ctx, delay), Math.max(1, delay));
          const settleCall = kind === 'timer' ? `r(${n})` : `rej(new Error('${this.id('e')}'))`;
          const params = kind === 'timer' ? 'r' : '_, rej';
          const log = this.rng.chance(0.5) ? `${this.log(ctx, 'timer')} ` : '';
          const code = log || kind === 'timerReject' || this.rng.chance(0.5)
            ? `new Promise((${params}) => setTimeout(() => { ${log}${settleCall}; }, ${delay}))`
            : `new Promise((r) => setTimeout(r, ${delay}, ${n}))`;
          return { code, settle: this.afterEvent(ctx, event, kind === 'timerReject') };
        }
        case 'immediate': {
          const span = this.immSpan(ctx);
          if (!this.fits(ctx, 'imm', span, 0)) continue;
          const event = this.register(ctx, 'imm', span, 0);
          return { code: `new Promise((r) => setImmediate(() => r(${n})))`, settle: this.afterEvent(ctx, event) };
        }
        case 'fs': {
          const span = { lo: ctx.time.lo + IO_WINDOW.lo, hi: ctx.time.hi + IO_WINDOW.hi };
          if (!this.fits(ctx, 'io', span, -1)) continue;
          const event = this.register(ctx, 'io', span, -1);
          return { code: `${this.fsPromisesRead()}.then(() => ${n})`, settle: this.afterEvent(ctx, event) };
        }
      }
    }
    return { code: `Promise.resolve(${n})`, settle: this.now(ctx) };
  }

  private usesIo(): boolean {
    return this.flavor === 'io';
  }

  private fsPromisesRead(): string {
    if (this.rng.chance(0.3)) {
      this.usesFsPromisesModule = true;
      return `readFile(${this.fileExpr})`;
    }
    this.usesFs = true;
    return `fs.promises.readFile(${this.fileExpr})`;
  }

  /**
   * `.then` / `.catch` / `.finally` links after a promise settling at `start`. Returns the lines
   * (each starting with '.') and the settle of the chain's end; `mustHandle` adds a final .catch
   * when a rejection could otherwise go unhandled.
   */
  private chain(ctx: Ctx, start: Settle, links: number, mustHandle = true): { lines: string[]; end: Settle } {
    const lines: string[] = [];
    let cur = start;
    let rejecting = start.rejects;
    for (let i = 0; i < links; i++) {
      const kind = rejecting
        ? this.rng.weighted({ catch: 3, then: 1, finally: 1 })
        : this.rng.weighted({ then: 5, catch: 0.5, finally: 1 });
      if (kind === 'then' && rejecting) {
        // Skipped by the rejection: keep it small (it never runs).
        lines.push(`.then(() => console.log('${this.id('p')}'))`);
      } else if (kind === 'then') {
        const inner = this.settledCtx(ctx, cur, 'then', { value: 'v' });
        const body = this.body(inner, 1, 2);
        const ret = this.thenReturn(inner);
        lines.push(`.then((v) => {`, ...body, ...ret.lines.map((l) => '  ' + l), `})`);
        cur = ret.settle;
        rejecting = ret.settle.rejects;
      } else if (kind === 'catch') {
        const inner = this.settledCtx(ctx, cur, 'catch');
        const label = this.id('c');
        const body = rejecting ? [`  console.log('${label}', e.message);`] : [`  console.log('${label}');`];
        if (rejecting && inner.depth > 0 && this.rng.chance(0.4)) body.push(...this.body(inner, 1, 1));
        const value = this.rng.int(10, 99);
        body.push(`  return ${value};`);
        lines.push(`.catch((e) => {`, ...body, `})`);
        if (rejecting) {
          rejecting = false;
          cur = { ...cur, rejects: false };
        }
      } else {
        const inner = this.settledCtx(ctx, cur, 'finally');
        lines.push(`.finally(() => {`, ...this.body(inner, 1, 1), `})`);
      }
    }
    if (rejecting && mustHandle) {
      lines.push(`.catch((e) => console.log('${this.id('c')}', e.message))`);
      rejecting = false;
      cur = { ...cur, rejects: false };
    }
    return { lines, end: { ...cur, rejects: rejecting } };
  }

  /** What a then-callback returns: a value, a promise, a thenable, or a throw. */
  private thenReturn(ctx: Ctx): { lines: string[]; settle: Settle } {
    const kind = this.rng.weighted({ none: 2, value: 3, promise: 1.5, throw: 1 });
    switch (kind) {
      case 'none': return { lines: [], settle: this.now(ctx) };
      case 'value': return { lines: [`return v + ${this.rng.int(1, 9)};`], settle: this.now(ctx) };
      case 'throw': return { lines: [`throw new Error('${this.id('e')}');`], settle: this.now(ctx, true) };
      default: {
        const p = this.promiseExpr(ctx, { allowReject: true });
        return { lines: [`return ${p.code};`], settle: p.settle };
      }
    }
  }

  private thenChain(ctx: Ctx): Written | null {
    if (ctx.repeats) {
      return { lines: [`Promise.resolve(${ctx.value}).then((v) => console.log('${this.id('p')}', v));`] };
    }
    const startKind = this.rng.weighted({ resolve: 4, reject: 1, promise: 1.5 });
    let head: string;
    let start: Settle;
    if (startKind === 'resolve') {
      head = `Promise.resolve(${this.rng.int(1, 9)})`;
      start = this.now(ctx);
    } else if (startKind === 'reject') {
      head = `Promise.reject(new Error('${this.id('e')}'))`;
      start = this.now(ctx, true);
    } else {
      const p = this.promiseExpr(ctx, { allowReject: true });
      head = p.code.startsWith('{') ? `Promise.resolve(${p.code})` : p.code;
      start = p.settle;
    }
    const { lines } = this.chain(ctx, start, this.rng.int(1, 4));
    return { lines: [head, ...lines.map((l) => '  ' + l)].map((l, i, all) => (i === all.length - 1 ? l + ';' : l)) };
  }

  private sharedPromise(ctx: Ctx): Written | null {
    const name = this.id('pr');
    const p = this.promiseExpr(ctx, {});
    const lines = [`const ${name} = ${p.code.startsWith('{') ? `Promise.resolve(${p.code})` : p.code};`];
    const uses = this.rng.int(2, 3);
    for (let i = 0; i < uses; i++) {
      const { lines: links } = this.chain(ctx, p.settle, this.rng.int(1, 2));
      lines.push(`${name}${links[0]}`, ...links.slice(1).map((l) => '  ' + l));
      lines[lines.length - 1] += ';';
    }
    return { lines };
  }

  /**
   * A rejected promise whose handler is attached later, but before Node looks for unhandled
   * rejections (that happens once the nextTick and microtask queues are both empty).
   */
  private lateHandler(ctx: Ctx): Written | null {
    const name = this.id('rej');
    const label = this.id('c');
    const attach = `${name}.catch((e) => console.log('${label}', e.message))`;
    const how = this.rng.pick([
      `process.nextTick(() => ${attach});`,
      `queueMicrotask(() => ${attach});`,
      `Promise.resolve().then(() => ${attach});`,
      `process.nextTick(() => queueMicrotask(() => ${attach}));`,
    ]);
    return { lines: [`const ${name} = Promise.reject(new Error('${this.id('e')}'));`, how] };
  }

  private newPromise(ctx: Ctx): Written | null {
    const executor: string[] = [];
    if (this.rng.chance(0.7)) executor.push(`  ${this.log(ctx)}`);
    const n = this.rng.int(1, 9);
    let settle: Settle;
    const how = this.rng.weighted({ sync: 3, withPromise: 1.5, thenable: 1.2, reject: 1, timer: 2, immediate: 0.8, tick: 0.8, twice: 0.6, throws: 0.6 });
    switch (how) {
      case 'sync': executor.push(`  resolve(${n});`); settle = this.now(ctx); break;
      case 'withPromise': {
        const p = this.promiseExpr(ctx, { allowReject: true });
        executor.push(`  resolve(${p.code});`);
        settle = p.settle;
        break;
      }
      case 'thenable':
        executor.push(`  resolve({ then(ok) { ${this.log(ctx, 'then')} ok(${n}); } });`);
        settle = this.now(ctx);
        break;
      case 'reject': executor.push(`  reject(new Error('${this.id('e')}'));`); settle = this.now(ctx, true); break;
      case 'twice': executor.push(`  resolve(${n});`, `  reject(new Error('${this.id('e')}'));`, `  resolve(${n + 1});`); settle = this.now(ctx); break;
      case 'throws': executor.push(`  throw new Error('${this.id('e')}');`); settle = this.now(ctx, true); break;
      case 'tick': executor.push(`  process.nextTick(() => resolve(${n}));`); settle = this.now(ctx); break;
      case 'immediate': {
        const span = this.immSpan(ctx);
        if (!this.fits(ctx, 'imm', span, 0)) return null;
        const event = this.register(ctx, 'imm', span, 0);
        executor.push(`  setImmediate(() => resolve(${n}));`);
        settle = this.afterEvent(ctx, event);
        break;
      }
      default: {
        const delay = this.pickDelay(ctx);
        if (delay === null) return null;
        const event = this.register(ctx, 'timer', this.timerSpan(ctx, delay), Math.max(1, delay));
        executor.push(`  setTimeout(() => {`, `    ${this.log(ctx, 'timer')}`, `    resolve(${n});`, `  }, ${delay});`);
        settle = this.afterEvent(ctx, event);
      }
    }
    const { lines } = this.chain(ctx, settle, this.rng.int(1, 3));
    const out = [`new Promise((resolve, reject) => {`, ...executor, `})`, ...lines.map((l) => '  ' + l)];
    out[out.length - 1] += ';';
    return { lines: out };
  }

  private combinator(ctx: Ctx): Written | null {
    const which = this.rng.pick(['all', 'race', 'allSettled', 'any'] as const);
    const count = this.rng.int(2, 4);
    const inputs = Array.from({ length: count }, () => this.promiseExpr(ctx, { allowReject: this.rng.chance(0.35), allowPlain: true }));
    const settles = inputs.map((i) => i.settle);
    const byTime = settles.map((s, i) => ({ s, i })).sort((a, b) => a.s.span.lo - b.s.span.lo || a.i - b.i);
    const union = new Set(ctx.ancestors);
    for (const s of settles) for (const a of s.ancestors) union.add(a);
    const latest = byTime[byTime.length - 1].s;
    let end: Settle;
    switch (which) {
      case 'all': {
        const firstReject = byTime.find((x) => x.s.rejects);
        end = firstReject ? { ...firstReject.s, rejects: true } : { ...latest, ancestors: union, rejects: false };
        break;
      }
      case 'allSettled': end = { ...latest, ancestors: union, rejects: false }; break;
      case 'race': end = byTime[0].s; break;
      case 'any': {
        const firstOk = byTime.find((x) => !x.s.rejects);
        end = firstOk ? firstOk.s : { ...latest, ancestors: union, rejects: true };
        break;
      }
    }
    const label = this.id('p');
    const array = inputs.map((i) => i.code).join(', ');
    let thenLine: string;
    if (which === 'allSettled') {
      thenLine = `.then((rs) => console.log('${label}', rs.map((r) => r.status).join(' ')))`;
    } else if (which === 'all') {
      thenLine = this.rng.chance(0.5) && count <= 6
        ? `.then((vs) => console.log('${label}', vs))`
        : `.then((vs) => console.log('${label}', vs.join('+')))`;
    } else {
      thenLine = `.then((v) => console.log('${label}', v))`;
    }
    const lines = [`Promise.${which}([${array}])`, `  ${thenLine}`];
    if (end.rejects || settles.some((s) => s.rejects)) {
      const c = this.id('c');
      lines.push(which === 'any' && this.rng.chance(0.5)
        ? `  .catch((e) => console.log('${c}', e.errors.length))`
        : `  .catch((e) => console.log('${c}', e.message))`);
    }
    if (this.rng.chance(0.3)) {
      const inner = this.settledCtx(ctx, { ...end, rejects: false }, 'finally');
      lines.push(`  .finally(() => {`, ...this.body(inner, 1, 1).map((l) => '  ' + l), `  })`);
    }
    lines[lines.length - 1] += ';';
    return { lines };
  }

  // ---- async functions

  private asyncFn(ctx: Ctx): Written | null {
    if (ctx.depth < 2) return null;
    const name = this.id('af');
    const inner: Ctx = { ...ctx, where: 'async', depth: ctx.depth - 1, inAsync: true, value: undefined, repeats: false };
    const lines: string[] = [`  ${this.log(inner)}`];
    let cur = inner;
    let rejects = false;
    const steps = this.rng.int(1, 4);
    for (let i = 0; i < steps; i++) {
      const w = this.rng.chance(0.6) ? this.awaitStatement(cur) : this.statement(cur);
      if (!w) continue;
      lines.push(...w.lines.map((l) => '  ' + l));
      if (w.after) cur = w.after;
    }
    // How the function ends: `return p` and `return await p` take different numbers of ticks.
    const ending = this.rng.weighted({ value: 2, returnP: 1.5, returnAwaitP: 1.5, throw: 0.6, none: 1 });
    let endSettle = this.now(cur);
    if (ending === 'value') lines.push(`  return ${this.rng.int(1, 9)};`);
    else if (ending === 'throw') { lines.push(`  throw new Error('${this.id('e')}');`); rejects = true; }
    else if (ending === 'returnP' || ending === 'returnAwaitP') {
      const p = this.promiseExpr(cur, { allowReject: true });
      const code = p.code.startsWith('{') ? `Promise.resolve(${p.code})` : p.code;
      lines.push(`  return ${ending === 'returnAwaitP' ? 'await ' : ''}${code};`);
      endSettle = p.settle;
      rejects = p.settle.rejects;
    }
    endSettle = { ...endSettle, rejects };
    const arg = this.rng.int(1, 9);
    const style = this.rng.weighted({ decl: 3, arrow: 2, iife: 1, method: 0.7 });
    const out: string[] = [];
    if (style === 'decl') out.push(`async function ${name}(k) {`, ...lines, `}`);
    else if (style === 'arrow') out.push(`const ${name} = async (k) => {`, ...lines, `};`);
    else if (style === 'method') out.push(`const ${name} = {`, `  async run(k) {`, ...lines.map((l) => '  ' + l), `  },`, `};`);
    const call = style === 'iife' ? `(async (k) => {\n${lines.join('\n')}\n})(${arg})` : style === 'method' ? `${name}.run(${arg})` : `${name}(${arg})`;
    if (!rejects && this.rng.chance(0.35)) {
      out.push(...`${call};`.split('\n'));
    } else {
      const { lines: links } = this.chain(ctx, endSettle, this.rng.int(1, 2));
      const callLines = call.split('\n');
      callLines[callLines.length - 1] += links[0];
      out.push(...callLines, ...links.slice(1).map((l) => '  ' + l));
      out[out.length - 1] += ';';
    }
    return { lines: out };
  }

  private awaitStatement(ctx: Ctx): Written | null {
    if (!ctx.inAsync) return null;
    const p = this.promiseExpr(ctx, { allowPlain: true });
    const after = this.settledCtx(ctx, p.settle, ctx.where, { depth: ctx.depth, inAsync: true, value: ctx.value });
    if (this.rng.chance(0.5)) {
      const v = this.id('r');
      const afterWithValue = { ...after, value: v };
      return { lines: [`const ${v} = await ${p.code};`, this.log(afterWithValue)], after: afterWithValue };
    }
    return { lines: [`await ${p.code};`], after };
  }

  private tryAwait(ctx: Ctx): Written | null {
    if (!ctx.inAsync) return null;
    const p = this.promiseExpr(ctx, { allowReject: true });
    const settle = p.settle;
    const after = this.settledCtx(ctx, settle, ctx.where, { depth: ctx.depth, inAsync: true, value: undefined });
    const lines = [`try {`, `  await ${p.code.startsWith('{') ? `Promise.resolve(${p.code})` : p.code};`, `  ${this.log(after)}`];
    if (!settle.rejects && this.rng.chance(0.5)) lines.push(`  throw new Error('${this.id('e')}');`);
    lines.push(`} catch (e) {`, `  console.log('${this.id('c')}', e.message);`, `}`);
    if (this.rng.chance(0.35)) {
      lines.pop();
      lines.push(`} finally {`, `  ${this.log(after, 'finally')}`, `}`);
    }
    return { lines, after };
  }

  private asyncGen(ctx: Ctx): Written | null {
    if (ctx.depth < 2) return null;
    const loopLabel = this.id('g');
    const doneLabel = this.id('g');
    if (this.rng.chance(0.3)) {
      // for await over an array of promises and plain values.
      const items = Array.from({ length: this.rng.int(2, 4) }, (_, i) => {
        const v = (i + 1) * 10 + this.rng.int(0, 9);
        return this.rng.pick([`${v}`, `Promise.resolve(${v})`, `{ then(r) { r(${v}); } }`]);
      });
      const lines = [
        `(async () => {`, `  for await (const v of [${items.join(', ')}]) {`, `    console.log('${loopLabel}', v);`, `  }`,
        `  console.log('${doneLabel}');`, `})();`,
      ];
      return { lines };
    }
    const name = this.id('gen');
    const genLines: string[] = [];
    let cur: Ctx = { ...ctx, where: 'gen', depth: ctx.depth - 1, inAsync: true, value: undefined };
    if (this.rng.chance(0.5)) genLines.push(`  ${this.log(cur)}`);
    const yields = this.rng.int(2, 3);
    for (let i = 1; i <= yields; i++) {
      genLines.push(`  yield ${i * 10 + this.rng.int(0, 9)};`);
      if (i < yields && this.rng.chance(0.5)) {
        const p = this.promiseExpr(cur, {});
        genLines.push(`  await ${p.code.startsWith('{') ? `Promise.resolve(${p.code})` : p.code};`);
        cur = this.settledCtx(cur, p.settle, 'gen', { depth: cur.depth, inAsync: true });
      }
    }
    if (this.rng.chance(0.3)) genLines.push(`  ${this.log(cur)}`);
    const lines = [`async function* ${name}() {`, ...genLines, `}`];
    if (this.rng.chance(0.25)) {
      const it = this.id('it');
      const l1 = this.id('g');
      lines.push(
        `const ${it} = ${name}();`,
        `${it}.next().then((r) => console.log('${l1}', r.value, r.done));`,
        `${it}.next().then((r) => console.log('${loopLabel}', r.value, r.done));`,
      );
      return { lines };
    }
    lines.push(`(async () => {`, `  for await (const v of ${name}()) {`, `    console.log('${loopLabel}', v);`);
    if (this.rng.chance(0.3)) lines.push(`    await null;`);
    lines.push(`  }`, `  console.log('${doneLabel}');`, `})();`);
    return { lines };
  }

  // ---- I/O

  private fsCb(ctx: Ctx): Written | null {
    const span = { lo: ctx.time.lo + IO_WINDOW.lo, hi: ctx.time.hi + IO_WINDOW.hi };
    if (!this.fits(ctx, 'io', span, -1)) return null;
    this.usesFs = true;
    const event = this.register(ctx, 'io', span, -1);
    const inner = this.macroCtx(ctx, 'io', event);
    const label = this.id('f');
    const first = this.rng.chance(0.5) ? `  console.log('${label}', err === null);` : `  console.log('${label}');`;
    return { lines: [`fs.readFile(${this.fileExpr}, (err, data) => {`, first, ...this.body(inner, 0, 3), `});`] };
  }

  private fsPromise(ctx: Ctx): Written | null {
    const span = { lo: ctx.time.lo + IO_WINDOW.lo, hi: ctx.time.hi + IO_WINDOW.hi };
    if (!this.fits(ctx, 'io', span, -1)) return null;
    const event = this.register(ctx, 'io', span, -1);
    const read = this.fsPromisesRead();
    const settle = this.afterEvent(ctx, event);
    if (ctx.inAsync) {
      const after = this.settledCtx(ctx, settle, ctx.where, { depth: ctx.depth, inAsync: true, value: ctx.value });
      return { lines: [`await ${read};`, this.log(after, 'io')], after };
    }
    const inner = this.settledCtx(ctx, settle, 'io');
    return { lines: [`${read}.then(() => {`, `  ${this.log(inner, 'io')}`, ...this.body(inner, 0, 2), `});`] };
  }

  // ---- cancellations

  private cleared(ctx: Ctx): Written | null {
    const how = this.rng.weighted({ sync: 2, tick: 1, byTimer: 1.5, immediate: 1 });
    const handle = this.id('h');
    if (how === 'immediate') {
      return { lines: [`const ${handle} = setImmediate(() => console.log('${this.id('i')}'));`, `clearImmediate(${handle});`] };
    }
    const delay = this.rng.pick([0, 10, 50, 100]);
    const timerLine = `const ${handle} = setTimeout(() => console.log('${this.id('t')}'), ${delay});`;
    if (how === 'sync') return { lines: [timerLine, `clearTimeout(${handle});`] };
    if (how === 'tick') return { lines: [timerLine, `process.nextTick(() => clearTimeout(${handle}));`] };
    // Cleared by an earlier timer: that timer must fire well before the cleared one is due.
    const target = this.timerSpan(ctx, delay);
    const clearDelay = this.pickDelay(ctx, [0, 1, 10, 50].filter((d) => ctx.time.hi + Math.max(1, d) + 1 + MARGIN < target.lo));
    if (clearDelay === null) return null;
    const event = this.register(ctx, 'timer', this.timerSpan(ctx, clearDelay), Math.max(1, clearDelay));
    const inner = this.macroCtx(ctx, 'timer', event);
    return {
      lines: [timerLine, `setTimeout(() => {`, `  clearTimeout(${handle});`, ...this.body(inner, 1, 2), `}, ${clearDelay});`],
    };
  }

  // ---- deliberate races and crashes

  private race(ctx: Ctx): string[] {
    const kind = this.usesIo() || this.rng.chance(0.25) ? 'io' : 'timeoutImmediate';
    if (kind === 'io' && this.module === 'commonjs') {
      this.usesFs = true;
      const io = this.register(ctx, 'io', { lo: 1, hi: 40 }, -1);
      const t = this.register(ctx, 'timer', this.timerSpan(ctx, 1), 1);
      void io; void t;
      return [`fs.readFile(__filename, () => console.log('${this.id('f')}'));`, `setTimeout(() => console.log('${this.id('t')}'), 1);`];
    }
    this.register(ctx, 'timer', this.timerSpan(ctx, 0), 1);
    this.register(ctx, 'imm', ctx.time, 0);
    const lines = [`setTimeout(() => console.log('${this.id('t')}'), 0);`, `setImmediate(() => console.log('${this.id('i')}'));`];
    return this.rng.chance(0.5) ? lines : lines.reverse();
  }

  private crash(ctx: Ctx): string[] {
    this.crashPending = false;
    const kind = this.rng.weighted({ throw: 2, reject: 2, exit: 1, lateCatch: 1 });
    if (kind === 'throw') return [this.log(ctx), `throw new Error('${this.id('boom')}');`];
    if (kind === 'reject') return [`Promise.reject(new Error('${this.id('unhandled')}'));`];
    if (kind === 'lateCatch') {
      // Handled only in a later macrotask: too late, Node already ended the process.
      const name = this.id('late');
      return [
        `const ${name} = Promise.reject(new Error('${this.id('e')}'));`,
        `setTimeout(() => ${name}.catch((e) => console.log('${this.id('c')}', e.message)), 0);`,
      ];
    }
    return [this.log(ctx), `process.exit(${this.rng.pick([0, 3])});`];
  }
}
