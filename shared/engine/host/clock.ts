// The simulated process's wall clock. Time is virtual: it moves when the event loop sleeps, and by a
// small fixed step (ClockEra.readCost, 1/16 ms) each time synchronous code reads the clock (Date.now, performance.now,
// new Date), so a busy-wait `while (Date.now() - start < 100) {}` ends after 100 ms of simulated time
// (1600 reads), while a few readings in straight-line code stay within the same millisecond.
// The loop and timers see whole milliseconds (libuv's uv_now); performance.now() sees the fraction.
// Where the clock starts (the epoch Date.now() counts from, performance's time origin) is a parameter:
// simulate() runs a snippet that reads the clock a second time from another epoch (and another phase of
// the first millisecond), and any console line that changes printed an absolute time, or a measurement
// finer than whole Date milliseconds (never the same twice in node), which is refused.
// A Clock can also be told to tick over by one millisecond at a chosen read (or to stall every stretch
// of work from its j-th read on), which is how `simulate()` looks for orders that depend on wall-clock time.

/** Wall-clock stand-in. Reads return virtual time, or `bumpMs` more once "bumped" (the clock ticked over, or the machine stalled). */
export class Clock {
  base = 0;
  bumped = false;
  /** Reads by the loop and by timer APIs (each one is a point where the millisecond may tick over). */
  reads = 0;
  /** Reads made since the loop last slept (the current stretch of work). */
  private spanReads = 0;
  /** Most reads any one stretch of work made (how many stall positions are worth exploring). */
  maxSpanReads = 0;
  /** Readings of the wall clock by the snippet itself (Date.now, new Date, performance.now). */
  snippetReads = 0;
  /**
   * When set (the plain run of simulate()), asked at each read whether some API still holds an earlier
   * reading (Runtime.holdsTime); the answers and the snippet's reading count so far go to `log`.
   */
  holdsTime: ((now: number) => boolean) | null = null;
  readonly log: { holdsTime: boolean; snippetReads: number }[] = [];
  /**
   * `bumpAt`: the read (counted over the whole run) at which the clock ticks over, -1 for none.
   * `stallFromSpanRead`: -1, or j: every stretch of work stalls just before its j-th read (0 = before it
   * reads anything), so that read and the rest of the stretch see the time `bumpMs` later.
   */
  constructor(private readonly bumpAt: number, private readonly stallFromSpanRead: number, private readonly bumpMs = 1, readonly era: ClockEra = ERAS[0]) {
    this.base = era.startMs;
  }
  /** A reading that may tick over (uv_now after uv_update_time, getLibuvNow). */
  read(): number {
    if (this.holdsTime) this.log.push({ holdsTime: this.holdsTime(this.now()), snippetReads: this.snippetReads });
    const k = this.reads++;
    const j = this.spanReads++;
    if (this.spanReads > this.maxSpanReads) this.maxSpanReads = this.spanReads;
    if (!this.bumped && (k === this.bumpAt || j === this.stallFromSpanRead)) this.bumped = true;
    this.loopTime = this.now();
    return this.loopTime;
  }
  /** libuv's cached loop time (uv_now): the value of the last read(). */
  loopTime = 0;
  /** The current virtual time in whole milliseconds, without counting as a reading. */
  now(): number {
    return Math.floor(this.precise());
  }
  /** The current virtual time with its fraction (CPU time burnt by clock reads). */
  precise(): number {
    return this.base + (this.bumped ? this.bumpMs : 0);
  }
  /** Date.now(): the epoch plus whole virtual milliseconds; the read itself costs era.readCost. */
  dateNow(): number {
    const t = this.era.epoch + this.now();
    this.burn(this.era.readCost);
    return t;
  }
  /** performance.now(): milliseconds since the process's time origin, with a fraction. */
  performanceNow(): number {
    const t = this.era.perfOrigin + this.precise();
    this.burn(this.era.readCost);
    return t;
  }
  /** The loop slept until `t` (or synchronous code ran until `t`). */
  advanceTo(t: number): void {
    this.base = Math.max(t, this.precise());
    this.bumped = false;
    this.spanReads = 0;
  }
  /** Synchronous code burnt `ms` of CPU time (a busy-wait reading the clock): time moves without a sleep. */
  burn(ms: number): void {
    this.snippetReads++;
    this.base += ms;
  }
}

/** Where the simulated clock starts and what one reading costs. */
export interface ClockEra {
  /** Date.now() at virtual time 0. */
  epoch: number;
  /** performance.now() at virtual time 0 (node's bootstrap takes a few tens of ms). */
  perfOrigin: number;
  /** Virtual CPU time one clock reading takes, in ms. */
  readCost: number;
  /** Where in its first millisecond the process starts (Date.now() and performance.now() tick over at different moments). */
  startMs: number;
}

/** The era every run uses, and the other one the absolute-time check compares it with. */
export const ERAS: readonly [ClockEra, ClockEra] = [
  { epoch: 1_700_000_000_000, perfOrigin: 31.25, readCost: 0.0625, startMs: 0 },
  { epoch: 1_733_333_337_777, perfOrigin: 47.8125, readCost: 0.078125, startMs: 0.9375 },
];
