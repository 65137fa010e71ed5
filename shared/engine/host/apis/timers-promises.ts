// The 'timers/promises' module: setTimeout(delay, value) and setImmediate(value) as promises settled by
// a real timer / immediate of the simulated loop, and setInterval(delay, value) as an async iterator
// (each tick yields `value`; leaving the for await loop clears the interval). Also installs
// util.promisify.custom on the global setTimeout and setImmediate, as Node does. setTimeout and setImmediate
// take `{ signal }` (an AbortSignal, abort.ts): aborting rejects with Node's AbortError.
import { errorAt } from '../../errors.ts';
import type { Capability } from '../../language/promise.ts';
import type { Runtime } from '../runtime.ts';
import { named } from './util-internal.ts';
import { PROMISIFY_CUSTOM } from './util.ts';
import { abortError, onAbort, signalOf } from './abort.ts';

export function install(host: Runtime): void {
  const interp = host.interp;
  const g = host.global as Record<string, Function>;
  const noOptions = (options: unknown, fn: string): void => {
    if (options !== undefined) throw errorAt('unsupported', `Unsupported: ${fn} with options (AbortSignal, ref)`, interp.currentCall);
  };
  /** The AbortSignal of `{ signal }` (the one option simulated), or null without options. */
  const signalOption = (options: unknown, fn: string): object | null => {
    if (options === undefined) return null;
    if (typeof options !== 'object' || options === null) throw errorAt('unsupported', `Unsupported: ${fn} with options that are not an object`, interp.currentCall);
    for (const key of Object.keys(options)) if (key !== 'signal') noOptions(options, fn);
    const signal = (options as { signal?: unknown }).signal;
    if (signal === undefined) return null;
    if (!signalOf(signal)) throw errorAt('unsupported', `Unsupported: ${fn} with a signal that is not an AbortSignal`, interp.currentCall);
    return signal as object;
  };
  /**
   * Node's lib/timers/promises.js with a signal: an aborted signal rejects at once with an AbortError;
   * otherwise an 'abort' listener clears the timer and rejects, and the promise returned is
   * `ret.finally(() => signal.removeEventListener(...))` (so its reactions run two ticks later, as in Node).
   */
  const withSignal = (kind: string, signal: object | null, arm: (settle: () => void) => unknown, clear: (handle: unknown) => void, value: unknown): object => {
    const cap = host.kit.newCapability(`promise from timers/promises ${kind}()${host.currentLineSuffix()}`);
    const state = signal ? signalOf(signal)! : null;
    if (state?.aborted) {
      cap.reject(abortError(state.reason));
      return cap.promise;
    }
    let done = false;
    const handle = arm(() => {
      done = true;
      cap.resolve(value);
    });
    if (!signal) return cap.promise;
    const remove = onAbort(signal, () => {
      if (done) return;
      done = true;
      clear(handle);
      cap.reject(abortError(signalOf(signal)!.reason));
    });
    const finallyFn = (host.kit.Promise as any).prototype.finally as Function;
    return interp.callFromHost(finallyFn, cap.promise, [named('', () => remove())], null) as object;
  };
  const setTimeoutP = named('setTimeout', (delay?: unknown, value?: unknown, options?: unknown) => {
    const signal = signalOption(options, 'timers/promises setTimeout');
    return withSignal('setTimeout', signal, (settle) => g.setTimeout(named('resolve', settle), delay), (h) => g.clearTimeout(h), value);
  });
  const setImmediateP = named('setImmediate', (value?: unknown, options?: unknown) => {
    const signal = signalOption(options, 'timers/promises setImmediate');
    return withSignal('setImmediate', signal, (settle) => g.setImmediate(named('resolve', settle)), (h) => g.clearImmediate(h), value);
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
