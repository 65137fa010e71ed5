// The simulation engine's entry point: `simulate(source)` parses a snippet, runs it in the simulated
// Node.js runtime and returns its console output, cards, replay trace and whether the order is a race.
// Pure: no I/O, no real clock, no randomness, so it runs the same in Node, in a browser and in tests.
//
// How races are found: time in the simulation is virtual and only moves when the event loop sleeps.
// In real Node every clock reading is a whole millisecond that may tick over between any two reads
// (assuming each stretch of work between two sleeps takes under a millisecond). The engine re-runs
// the snippet with the clock ticking one millisecond early at each read in turn, and once with every
// stretch of work late (with stallMs > 1, also late from its j-th read on, for each j); if any of these orders differs from the plain run, the order is a race.
// File reads are races with anything else in flight (see Runtime.pollPhase and ioRaceCheck).
import { SimulationError } from './errors.ts';
import { parseSnippet } from './parse.ts';
import { Clock, ERAS } from './host/clock.ts';
import { Runtime } from './host/runtime.ts';
import type { SimulateOptions, SimulationResult } from './types.ts';

export { SimulationError } from './errors.ts';
export { MAX_SOURCE_LENGTH } from './parse.ts';
export type * from './types.ts';
export { LOOP_PHASES, QUEUES, QUEUE_NAMES, type PhaseInfo, type QueueInfo } from './host/layout.ts';

/**
 * Enough for 10^7 iterations of a plain loop (10-30 steps each) on the fast path, about a second of
 * work per 300 million steps there; the evaluator's own steps stop much earlier (SLOW_STEP_BUDGET).
 */
const DEFAULT_STEP_BUDGET = 300_000_000;
/** Most clock-tick variations explored before the engine gives up proving the order is fixed. */
const MAX_CLOCK_SCENARIOS = 400;

/** Simulates `node snippet.js`; throws SimulationError when the snippet cannot be simulated. */
export function simulate(source: string, options: SimulateOptions = {}): SimulationResult {
  const module = options.module ?? 'commonjs';
  const program = parseSnippet(source, module);
  const base = runOnce(program, source, options, new Clock(-1, -1), options.trace ?? true, true);
  if (base.clock.snippetReads > 0) refuseAbsoluteTime(base, runOnce(program, source, options, new Clock(-1, -1, 1, ERAS[1]), false));
  const races = [...base.races];
  // Clock ticks are explored even when a file read already makes the order a race: the timing race
  // text quotes the two lines that can swap, which the file-read text cannot.
  if (base.timersCreated > 0) {
    const reads = base.clock.reads;
    const stall = Math.max(1, Math.floor(options.stallMs ?? 1));
    const scenarios: Clock[] = [new Clock(-1, 0, stall)];
    // A machine that stalls for more than a millisecond (stallMs > 1: a loaded test machine) can stall
    // in the middle of a stretch of work too, e.g. after a setTimeout call and before the loop's next
    // reading: one scenario per position j of the stall inside every stretch (j = 0 is the one above).
    if (stall > 1) for (let j = 1; j < base.clock.maxSpanReads; j++) scenarios.push(new Clock(-1, j, stall));
    if (reads + scenarios.length > MAX_CLOCK_SCENARIOS) {
      races.push(`Too many timer operations (${reads} clock reads) to prove the order never depends on timing`);
    } else {
      for (let k = 0; k < reads; k++) if (!onlyShifts(base.clock, k)) scenarios.push(new Clock(k, -1, stall));
    }
    for (const clock of races.some((r) => r.startsWith('Too many')) ? [] : scenarios) {
      const alt = runOnce(program, source, options, clock, false);
      const differs = alt.output.length !== base.output.length || alt.output.some((line, i) => line !== base.output[i]);
      if (differs) {
        races.push(describeTimerRace(base, alt));
        break;
      }
    }
  }
  return {
    output: base.output,
    cards: base.cards,
    deterministic: races.length === 0,
    races,
    trace: base.trace,
    exit: base.exit ?? { reason: 'normal', code: 0 },
  };
}

/**
 * Whether a tick at read k of the plain run can only shift the rest of the run by a constant, so its
 * output is the plain run's and the run need not be made. Up to read k that run is the plain one; from
 * read k on every reading is `stall` later. Suppose that at read k (plain value t) no API holds a time
 * later than t (every armed timer is already due at t, no interval is about to re-arm, no file read is
 * in flight: Runtime.holdsTime) and the snippet never reads the clock after read k. Then every time held
 * from before k is <= t <= every later reading in both runs, so each comparison between the two comes
 * out the same (those timers are due whenever they are looked at, and they sort before newer lists);
 * times taken from read k on all move together: the loop sleeps to shifted due times, which advanceTo
 * keeps shifted, and the same callbacks run in the same order with the same values. (processTimers'
 * `now`, read before k, is still compared in the current timers phase with timers armed after it,
 * which are not due in that pass in either run.) Those reads sit after the heavy synchronous work of a
 * split count or of a busy loop before its first timer, so skipping them keeps the race check cheap.
 */
function onlyShifts(clock: Clock, k: number): boolean {
  const at = clock.log[k];
  return at !== undefined && !at.holdsTime && at.snippetReads === clock.snippetReads;
}

function runOnce(program: ReturnType<typeof parseSnippet>, source: string, options: SimulateOptions, clock: Clock, trace: boolean, logReads = false): Runtime {
  const rt = new Runtime({
    module: options.module ?? 'commonjs',
    filename: options.filename ?? '/snippet.js',
    source,
    trace,
    stepBudget: options.stepBudget ?? DEFAULT_STEP_BUDGET,
    clock,
  });
  if (logReads) clock.holdsTime = (now) => rt.holdsTime(now);
  try {
    if (options.fastPath === false) rt.interp.fastPath = null;
    rt.run(program);
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new SimulationError('budget', 'Runaway recursion: the call stack grew too deep to simulate');
    }
    throw e;
  }
  return rt;
}

/**
 * The snippet read the clock: the same run from another epoch (another Date.now() origin, performance
 * time origin and cost per reading) must print the same lines, or a line printed an absolute time.
 */
function refuseAbsoluteTime(base: Runtime, other: Runtime): void {
  const i = firstDifference(base.output, other.output);
  if (i < 0) return;
  const card = base.cards[i] ?? base.cards[base.cards.length - 1];
  const message = 'Unsupported: this line prints a value computed from the absolute time (Date.now(), new Date() or performance.now()) or a sub-millisecond measurement, which is never the same twice in node; print a difference of two whole-millisecond readings instead';
  if (!card) throw new SimulationError('unsupported', message);
  throw new SimulationError('unsupported', message, card.loc.start.line, card.loc.start.column);
}

/** Index of the first line where two outputs differ, or -1. */
function firstDifference(a: string[], b: string[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** Names the two events that swapped between the plain run and a run where the clock ticked differently. */
function describeTimerRace(base: Runtime, alt: Runtime): string {
  const a = base.output;
  const b = alt.output;
  const i = firstDifference(a, b);
  const x = a[i] ?? '(nothing)';
  const y = b[i] ?? '(nothing)';
  const printed = `after ${i} line${i === 1 ? '' : 's'}, real Node may print "${x}" or "${y}"`;
  const j = firstDifference(base.history, alt.history);
  if (j >= 0 && base.history[j] && alt.history[j]) {
    return `Timing race: ${base.history[j]} and ${alt.history[j]} can run in either order, depending on whether a millisecond has passed: ${printed}`;
  }
  const card = base.cards[i] ?? alt.cards[i];
  const where = card ? ` at ${card.loc.start.line}:${card.loc.start.column}` : '';
  return `Timing race: the line printed${where} shows a time measured while the snippet ran: ${printed}`;
}
