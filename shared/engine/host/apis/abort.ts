// AbortController and AbortSignal as Node 20 has them (lib/internal/abort_controller.js): a controller
// owns one signal; abort(reason) sets signal.aborted and signal.reason (by default a DOMException named
// 'AbortError', 'This operation was aborted') and calls the signal's 'abort' listeners synchronously, in
// the order they were added, with the signal as `this` and an event whose type is 'abort'; a second
// abort() does nothing. timers/promises uses `signalOf` / `onAbort` / `abortError` to cancel a pending
// timer or immediate of the simulated loop (see timers-promises.ts). Refused with line:column: the
// EventTarget parts courses do not use (handleEvent objects, onabort, dispatchEvent, AbortSignal.timeout/any),
// a listener that throws (Node reports it on the next tick as an uncaught exception), and printing a
// controller, a signal or the abort event (Node prints their internals over several lines).
import { errorAt, ThrowSignal } from '../../errors.ts';
import type { Runtime } from '../runtime.ts';
import { nodeError } from '../runtime.ts';
import { named } from './util-internal.ts';

interface SignalState {
  aborted: boolean;
  reason: unknown;
  listeners: { fn: Function; once: boolean; host: boolean }[];
}

const states = new WeakMap<object, SignalState>();

/** The state of an AbortSignal of the snippet, or null when `v` is not one. */
export function signalOf(v: unknown): SignalState | null {
  return (typeof v === 'object' && v !== null && states.get(v)) || null;
}

/** Node's AbortError (lib/internal/errors.js), as timers/promises rejects with it. */
export function abortError(cause: unknown): Error {
  const e = new Error('The operation was aborted', { cause });
  (e as any).code = 'ABORT_ERR';
  e.name = 'AbortError';
  return e;
}

/** Adds a host listener to a signal (timers/promises); returns the function that removes it. */
export function onAbort(signal: object, run: () => void): () => void {
  const state = states.get(signal)!;
  const entry = { fn: run, once: false, host: true };
  state.listeners.push(entry);
  return () => {
    const i = state.listeners.indexOf(entry);
    if (i >= 0) state.listeners.splice(i, 1);
  };
}

export function install(host: Runtime): void {
  const interp = host.interp;
  const refuse = (what: string): never => {
    throw errorAt('unsupported', `Unsupported: ${what}`, interp.currentCall);
  };
  const printable = new WeakSet<object>();

  const dispatch = (signal: object, state: SignalState): void => {
    const event = host.strict('Event', { type: 'abort', target: signal, currentTarget: signal, isTrusted: true });
    printable.add(event);
    for (const l of [...state.listeners]) {
      if (!state.listeners.includes(l)) continue;
      if (l.once) state.listeners.splice(state.listeners.indexOf(l), 1);
      if (l.host) {
        l.fn();
        continue;
      }
      try {
        interp.callFromHost(l.fn, signal, [event], null);
      } catch (e) {
        if (e instanceof ThrowSignal) refuse("an 'abort' listener that throws (Node reports it as an uncaught exception on the next tick)");
        throw e;
      }
    }
  };

  const abortNow = (signal: object, reason: unknown): void => {
    const state = states.get(signal)!;
    if (state.aborted) return;
    state.aborted = true;
    state.reason = reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason;
    if (reason === undefined) printable.add(state.reason as object);
    dispatch(signal, state);
  };

  const signalProto = {
    get aborted(): boolean {
      return stateOf(this).aborted;
    },
    get reason(): unknown {
      return stateOf(this).reason;
    },
    throwIfAborted: named('throwIfAborted', function (this: object) {
      const s = stateOf(this);
      if (s.aborted) throw new ThrowSignal(s.reason);
    }),
    addEventListener: named('addEventListener', function (this: object, type: unknown, fn: unknown, options?: unknown) {
      const s = stateOf(this);
      if (type !== 'abort') refuse(`AbortSignal.addEventListener('${String(type)}') (only 'abort' is simulated)`);
      if (fn === null || fn === undefined) return;
      if (typeof fn !== 'function') refuse('an event listener object with handleEvent');
      let once = false;
      if (typeof options === 'object' && options !== null) {
        for (const key of Object.keys(options)) if (key !== 'once') refuse(`addEventListener option '${key}'`);
        once = Boolean((options as { once?: unknown }).once);
      } else if (options !== undefined && typeof options !== 'boolean') refuse('addEventListener with these options');
      if (s.listeners.some((l) => l.fn === fn && !l.host)) return;
      s.listeners.push({ fn: fn as Function, once, host: false });
    }),
    removeEventListener: named('removeEventListener', function (this: object, type: unknown, fn: unknown) {
      const s = stateOf(this);
      if (type !== 'abort') return;
      const i = s.listeners.findIndex((l) => l.fn === fn && !l.host);
      if (i >= 0) s.listeners.splice(i, 1);
    }),
  };
  const stateOf = (v: unknown): SignalState => {
    const s = signalOf(v);
    if (!s) throw new ThrowSignal(nodeError(new TypeError('Value of "this" must be of type AbortSignal'), 'ERR_INVALID_THIS'));
    return s;
  };

  const newSignal = (): object => {
    const signal = host.strict('AbortSignal', Object.create(signalProto) as object);
    states.set(signal, { aborted: false, reason: undefined, listeners: [] });
    return signal;
  };

  const signalOfController = new WeakMap<object, object>();
  class AbortController {
    constructor() {
      if (!new.target) throw new ThrowSignal(new TypeError("Class constructor AbortController cannot be invoked without 'new'"));
      signalOfController.set(this, newSignal());
      host.strict('AbortController', this);
    }
    get signal(): object {
      const s = signalOfController.get(this);
      if (!s) throw new ThrowSignal(nodeError(new TypeError('Value of "this" must be of type AbortController'), 'ERR_INVALID_THIS'));
      return s;
    }
    abort(reason?: unknown): void {
      abortNow(this.signal, reason);
    }
  }
  const AbortSignal = named('AbortSignal', function () {
    throw new ThrowSignal(nodeError(new TypeError('Illegal constructor'), 'ERR_ILLEGAL_CONSTRUCTOR'));
  }) as unknown as Record<string, unknown>;
  AbortSignal.prototype = signalProto;
  AbortSignal.abort = named('abort', (reason?: unknown) => {
    const signal = newSignal();
    abortNow(signal, reason);
    return signal;
  });
  AbortSignal.timeout = named('timeout', () => refuse('AbortSignal.timeout (its timer is unref\'d and prints a DOMException)'));
  AbortSignal.any = named('any', () => refuse('AbortSignal.any'));
  host.strict('AbortSignal', AbortSignal);
  host.strict('AbortController', AbortController);
  host.refuseSubclass(AbortController);
  host.refuseSubclass(AbortSignal as unknown as Function);
  host.defineGlobal('AbortController', AbortController);
  host.defineGlobal('AbortSignal', AbortSignal);
  host.addInspectRule({
    refuse: (v) =>
      signalOfController.has(v) || states.has(v) || printable.has(v)
        ? 'an AbortController, AbortSignal, abort event or DOMException prints over several lines in Node; log one of its fields instead'
        : null,
  });
}

