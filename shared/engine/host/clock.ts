// The simulated process's wall clock. Time is virtual: it moves when the event loop sleeps, and by a
// small fixed step each time synchronous code reads the clock (Date.now, performance.now, new Date),
// so a busy-wait `while (Date.now() - start < 100) {}` ends after 100 ms of simulated time.
// A Clock can also be told to tick over by one millisecond at a chosen read (or to stall every stretch
// of work), which is how `simulate()` looks for orders that depend on wall-clock time.

/** Wall-clock stand-in. Reads return virtual time, or `bumpMs` more once "bumped" (the clock ticked over, or the machine stalled). */
export class Clock {
  base = 0;
  bumped = false;
  /** Reads by the loop and by timer APIs (each one is a point where the millisecond may tick over). */
  reads = 0;
  private spanStart = true;
  constructor(private readonly bumpAt: number, private readonly bumpEverySpan: boolean, private readonly bumpMs = 1) {}
  /** A reading that may tick over (uv_now after uv_update_time, getLibuvNow). */
  read(): number {
    const k = this.reads++;
    if (!this.bumped && (k === this.bumpAt || (this.bumpEverySpan && this.spanStart))) this.bumped = true;
    this.spanStart = false;
    return this.now();
  }
  /** The current virtual time, without counting as a reading. */
  now(): number {
    return this.base + (this.bumped ? this.bumpMs : 0);
  }
  /** The loop slept until `t` (or synchronous code ran until `t`). */
  advanceTo(t: number): void {
    this.base = Math.max(t, this.now());
    this.bumped = false;
    this.spanStart = true;
  }
  /** Synchronous code burnt `ms` of CPU time (a busy-wait reading the clock): time moves without a sleep. */
  burn(ms: number): void {
    this.base += ms;
  }
}
