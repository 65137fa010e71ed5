// Date and performance under the virtual clock (clock.ts): Date.now(), new Date() / new Date(ms) with
// getTime(), valueOf() and arithmetic (`new Date() - start`), performance.now(). Each reading costs a
// little virtual CPU time, so a busy-wait blocks the simulated loop for as long as it says and the
// replay shows the overdue timer. What would print a calendar date or a time zone (toString,
// toISOString, getHours, Date() without new, printing a Date) is refused with line:column: it depends
// on the absolute time and the machine's zone, never the same twice. simulate() also refuses a console
// line whose text changes when the clock starts from another epoch (an absolute time printed as a number).
import { errorAt } from '../../errors.ts';
import type { Runtime } from '../runtime.ts';
import { named } from './util-internal.ts';

export function install(host: Runtime): void {
  const clock = host.clock;
  const refuse = (what: string): never => {
    throw errorAt('unsupported', `Unsupported: ${what} (it shows an absolute date or time, never the same twice; print a difference of two readings instead)`, host.interp.currentCall);
  };
  const dates = new WeakSet<object>();

  /** The simulated Date: a time value and the few methods that read it as a number. */
  class SimDate {
    #time = 0;
    constructor(...args: unknown[]) {
      if (!new.target) refuse('Date() called without new (it returns the current date as a string)');
      if (args.length === 0) this.#time = clock.dateNow();
      else if (args.length === 1 && typeof args[0] === 'number') this.#time = Math.trunc(args[0]);
      else if (args.length === 1 && args[0] instanceof SimDate) this.#time = args[0].#time;
      else refuse('new Date(...) with a date string or calendar fields (the result depends on the time zone)');
      dates.add(this);
      host.strict('Date', this);
    }
    static now(): number {
      return clock.dateNow();
    }
    getTime(): number {
      return this.#time;
    }
    valueOf(): number {
      return this.#time;
    }
    [Symbol.toPrimitive](hint: string): number {
      if (hint === 'number') return this.#time;
      return refuse('converting a Date to a string');
    }
  }
  for (const m of ['toString', 'toISOString', 'toJSON', 'toDateString', 'toTimeString', 'toLocaleString', 'toLocaleDateString',
    'toLocaleTimeString', 'toUTCString', 'getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getMinutes', 'getSeconds',
    'getMilliseconds', 'getUTCFullYear', 'getUTCMonth', 'getUTCDate', 'getUTCDay', 'getUTCHours', 'getUTCMinutes', 'getUTCSeconds',
    'getUTCMilliseconds', 'getTimezoneOffset']) {
    Object.defineProperty(SimDate.prototype, m, { value: named(m, () => refuse(`Date.prototype.${m}`)), enumerable: false });
  }
  Object.defineProperty(SimDate, 'name', { value: 'Date' });
  const DateCtor = SimDate as unknown as Function;
  host.strict('Date', DateCtor);
  host.interp.intrinsics.add(SimDate.prototype);
  host.addInspectRule({ refuse: (v) => (dates.has(v) ? 'printing a Date shows an absolute date and time, never the same twice; print a difference of two readings instead' : null) });
  host.defineGlobal('Date', DateCtor);

  const performance = host.strict('performance', {
    now: named('now', () => clock.performanceNow()),
    timeOrigin: undefined as unknown,
  });
  Object.defineProperty(performance, 'timeOrigin', { get: () => refuse('performance.timeOrigin'), enumerable: true });
  host.defineGlobal('performance', performance);
  host.modules.define('perf_hooks', () => host.strict('perf_hooks', { performance }));
}
