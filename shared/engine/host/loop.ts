// The event loop: runs the main script (CommonJS wrapper or ES module), drains the nextTick and
// microtask queues, then turns the loop phase by phase in libuv's order (layout.ts TURN_ORDER) until
// no API holds work. Each phase's work is declared by the API that owns it (timers.ts declares the
// timers phase, immediate.ts the check phase); the poll phase is the loop's own: it completes I/O,
// or sleeps until the next due time when nothing else can happen.
import { ExitSignal, SimulationError, ThrowSignal } from '../errors.ts';
import { rangeOf } from '../language/operations.ts';
import { Scope } from '../language/scope.ts';
import { TURN_ORDER, type TurnPhase } from './layout.ts';
import { dirname } from './modules.ts';
import type { Runtime } from './runtime.ts';

const MAX_TURNS = 200_000;

/** What is left of the turn whose poll phase evaluated an ES module (libuv 1.46: timers run at the end of a turn). */
const ESM_FIRST_TURN: readonly TurnPhase[] = ['check', 'close', 'timers'];

/** Runs the whole program: main script, then the event loop until nothing is left. */
export function runProcess(host: Runtime, program: any): void {
  try {
    runMain(host, program);
    if (host.opts.module === 'module') host.runMicrotasks();
    host.drain();
    if (host.opts.module === 'module') {
      // An ES module's body runs when the loader's read of the file completes, inside a poll phase:
      // the rest of that turn (check, close, then timers) follows, so a top-level setImmediate
      // always runs before a top-level setTimeout(..., 0).
      host.iteration++;
      for (const phase of ESM_FIRST_TURN) if (host.alive()) host.runPhase(phase);
    } else if (host.alive()) {
      host.iteration++;
      host.runPhase('timers');
    }
    let turns = 0;
    do {
      while (host.alive()) {
        if (++turns > MAX_TURNS) throw new SimulationError('budget', `The event loop went round more than ${MAX_TURNS} times`);
        for (const phase of TURN_ORDER) {
          if (phase === 'timers') host.iteration++;
          host.runPhase(phase);
        }
      }
      // The loop is empty: process 'beforeExit' listeners may give it more work (Node's EmitProcessBeforeExit).
    } while (host.beforeExit() && host.alive());
    host.emitExit(host.exitCodeOnDrain());
    const code = host.exitCodeOnDrain();
    host.exit = { reason: 'normal', code };
    host.phase = 'exit';
    host.step('exit', `Nothing is left in any queue: the event loop ends and the process exits${code ? ` with code ${code} (process.exitCode)` : ''}`, null);
  } catch (e) {
    if (!(e instanceof ExitSignal)) throw e;
  }
}

/** The poll phase: runs I/O callbacks whose operation finished, or sleeps until the next due time. */
export function pollPhase(host: Runtime): void {
  const ready = host.io.filter((op) => op.earliestIteration <= host.iteration && op.readyAt <= host.clock.now());
  // Reads that could complete in this turn but are still in the thread pool: the poll phase waits for them.
  const inPool = host.io.filter((op) => op.earliestIteration <= host.iteration && op.readyAt > host.clock.now());
  if (!ready.length && !host.busy() && (!host.io.length || inPool.length)) {
    const timer = host.wakeAt();
    const read = Math.min(...inPool.map((op) => op.readyAt));
    const next = Math.min(timer, read);
    if (next !== Infinity && next > host.clock.now()) {
      host.phase = 'poll';
      const from = host.clock.now();
      host.clock.advanceTo(next);
      host.step('phase', next === timer
        ? `Event loop: poll phase, nothing to do, so it waits from ${from} ms until the next timer is due at ${next} ms`
        : `Event loop: poll phase, nothing else to do, so it waits from ${from} ms for the file read to finish at ${next} ms`, null);
      if (next !== timer) pollPhase(host);
    }
    return;
  }
  if (!ready.length) return;
  host.enterPhase('poll', 'Event loop: poll phase, I/O results have arrived');
  let first = true;
  for (const op of ready) {
    host.io = host.io.filter((o) => o !== op);
    const others = [...host.io.map((o) => o.name), ...host.pendingWork()];
    if (others.length) {
      host.addRace(`File read race: ${op.name} and ${others.join(' and ')} can run in either order: how long the read takes decides`);
    }
    if (!first) host.drain();
    first = false;
    host.step('io-complete', `The file read finished: runs ${op.label}`, op.loc, { jobId: op.id, queue: 'io' });
    op.complete();
  }
  host.drain();
}

function runMain(host: Runtime, program: any): void {
  const interp = host.interp;
  const opts = host.opts;
  const strict = opts.module === 'module' || interp.functionInfo(program).strict;
  const scope = new Scope(interp.globalScope, true, null, strict);
  if (opts.module === 'commonjs') {
    const module = { exports: {} as Record<string, unknown> };
    host.topLevelThis = module.exports;
    scope.declare('exports', module.exports, true, true);
    scope.declare('module', module, true, true);
    scope.declare('require', host.modules.makeRequire(), true, true);
    scope.declare('__filename', opts.filename, true, true);
    scope.declare('__dirname', dirname(opts.filename), true, true);
  }
  host.step('script-start', 'The main script starts: its synchronous code runs first, top to bottom', null);
  host.pushFrame('main script', rangeOf(program));
  if (opts.module === 'module') {
    // An ES module body is evaluated like an async function (top-level await).
    const cap = host.kit.newCapability('~module evaluation');
    host.co.driveAsync(interp.runProgram(program, scope), 'main module', cap, true, null, (error) => moduleFailed(host, error));
    host.popFrame();
    return;
  }
  try {
    interp.runSync(interp.runProgram(program, scope));
  } catch (e) {
    host.popFrame();
    if (e instanceof ThrowSignal) host.uncaught(e.value, 'uncaught-exception');
    throw e;
  }
  host.popFrame();
  host.step('script-end', 'The main script has finished; now the nextTick queue, then the microtask queue, are drained', null);
}

/**
 * An ES module threw at top level: its evaluation promise rejects, and Node's loader hears of it
 * through three awaits (ModuleJob.run, ModuleLoader.import, the entry point) before it reports the
 * uncaught exception, so microtasks already queued get three more turns first.
 */
function moduleFailed(host: Runtime, error: unknown): void {
  const hops = ['ModuleJob.run', 'ModuleLoader.import', 'runEntryPointWithESMLoader'];
  const hop = (i: number): void => {
    host.enqueueMicrotask(`Node's module loader: ${hops[i]} sees the error`, null, () => {
      if (i + 1 < hops.length) hop(i + 1);
      else host.uncaught(error, 'uncaught-exception');
    });
  };
  hop(0);
}
