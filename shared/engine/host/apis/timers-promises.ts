// The 'timers/promises' module: setTimeout(delay, value) and setImmediate(value) as promises settled by
// a real timer / immediate of the simulated loop, and setInterval(delay, value) as an async iterator
// (each tick yields `value`; leaving the for await loop clears the interval). Also installs
// util.promisify.custom on the global setTimeout and setImmediate, as Node does.
import { errorAt } from '../../errors.ts';
import type { Capability } from '../../language/promise.ts';
import type { Runtime } from '../runtime.ts';
import { named } from './util-internal.ts';
import { PROMISIFY_CUSTOM } from './util.ts';

export function install(host: Runtime): void {
  const interp = host.interp;
  const g = host.global as Record<string, Function>;
  const noOptions = (options: unknown, fn: string): void => {
    if (options !== undefined) throw errorAt('unsupported', `Unsupported: ${fn} with options (AbortSignal, ref)`, interp.currentCall);
  };
  const setTimeoutP = named('setTimeout', (delay?: unknown, value?: unknown, options?: unknown) => {
    noOptions(options, 'timers/promises setTimeout');
    const cap = host.kit.newCapability(`promise from timers/promises setTimeout()${host.currentLineSuffix()}`);
    g.setTimeout(named('resolve', () => cap.resolve(value)), delay);
    return cap.promise;
  });
  const setImmediateP = named('setImmediate', (value?: unknown, options?: unknown) => {
    noOptions(options, 'timers/promises setImmediate');
    const cap = host.kit.newCapability(`promise from timers/promises setImmediate()${host.currentLineSuffix()}`);
    g.setImmediate(named('resolve', () => cap.resolve(value)));
    return cap.promise;
  });
  const setIntervalP = named('setInterval', (delay?: unknown, value?: unknown, options?: unknown) => {
    noOptions(options, 'timers/promises setInterval');
    const label = `promise from the timers/promises interval${host.currentLineSuffix()}`;
    const waiting: Capability[] = [];
    let ticks = 0;
    let done = false;
    const handle = g.setInterval(named('tick', () => {
      const cap = waiting.shift();
      if (cap) cap.resolve({ value, done: false });
      else ticks++;
    }), delay);
    const settled = (result: { value: unknown; done: boolean }) => {
      const cap = host.kit.newCapability(label);
      cap.resolve(result);
      return cap.promise;
    };
    const iterator = {
      next: named('next', () => {
        if (done) return settled({ value: undefined, done: true });
        if (ticks > 0) {
          ticks--;
          return settled({ value, done: false });
        }
        const cap = host.kit.newCapability(label);
        waiting.push(cap);
        return cap.promise;
      }),
      return: named('return', () => {
        done = true;
        g.clearInterval(handle);
        for (const cap of waiting.splice(0)) cap.resolve({ value: undefined, done: true });
        return settled({ value: undefined, done: true });
      }),
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  });
  const mod = host.strict('timers/promises', { setTimeout: setTimeoutP, setImmediate: setImmediateP, setInterval: setIntervalP });
  host.modules.define('timers/promises', () => mod);
  Object.defineProperty(g.setTimeout, PROMISIFY_CUSTOM, { value: setTimeoutP });
  Object.defineProperty(g.setImmediate, PROMISIFY_CUSTOM, { value: setImmediateP });
}
