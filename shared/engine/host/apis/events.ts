// The 'events' module (also 'node:events'): EventEmitter as Node 20's lib/events.js behaves for the
// code courses write. emit() is synchronous: it calls a copy of the listener list in order (a listener
// removed during an emit still runs in that emit), with the emitter as `this`; 'error' with no listener
// throws the error (ERR_UNHANDLED_ERROR for a non-Error); once() removes its wrapper before calling;
// 'newListener' and 'removeListener' are emitted; EventEmitter.once(emitter, name) / events.once return
// a promise of the argument list, rejected by an 'error' event. Refused with line:column: more than
// maxListeners listeners (Node prints a warning to stderr), captureRejections, events.on (an async
// iterator over a stream of events), and printing an emitter (Node prints its internals over lines).
import { errorAt, ThrowSignal } from '../../errors.ts';
import { inspect } from '../../inspect.ts';
import type { Runtime } from '../runtime.ts';
import { nodeTypeError } from '../runtime.ts';
import { named } from './util-internal.ts';

type Listener = { fn: Function; once: boolean; fired: boolean };

export function install(host: Runtime): void {
  const interp = host.interp;
  const listenersOf = new WeakMap<object, Map<PropertyKey, Listener[]>>();
  const maxOf = new WeakMap<object, number>();
  const emitters = new WeakSet<object>();
  const refuse = (what: string): never => {
    throw errorAt('unsupported', `Unsupported: ${what}`, interp.currentCall);
  };
  const table = (em: object): Map<PropertyKey, Listener[]> => {
    let t = listenersOf.get(em);
    if (!t) {
      t = new Map();
      listenersOf.set(em, t);
      emitters.add(em);
    }
    return t;
  };
  const checkListener = (fn: unknown): Function => {
    if (typeof fn !== 'function') throw new ThrowSignal(nodeTypeError('listener', 'function', fn));
    return fn;
  };
  const call = (em: object, fn: Function, args: unknown[]): unknown => interp.callFromHost(fn, em, args, null);

  const emit = (em: object, name: PropertyKey, args: unknown[]): boolean => {
    const list = table(em).get(name);
    if (!list || list.length === 0) {
      if (name === 'error') {
        const err = args[0];
        if (err instanceof Error) throw new ThrowSignal(err);
        const e = new Error(`Unhandled error. (${inspect(err, host.hooks)})`);
        (e as any).code = 'ERR_UNHANDLED_ERROR';
        throw new ThrowSignal(e);
      }
      return false;
    }
    // Node calls a copy of the list: a listener removed by an earlier one still runs in this emit.
    for (const l of [...list]) {
      if (l.once) {
        if (l.fired) continue;
        l.fired = true;
        const cur = table(em).get(name);
        const i = cur ? cur.indexOf(l) : -1;
        if (i >= 0) {
          cur!.splice(i, 1);
          if (cur!.length === 0) table(em).delete(name);
          if (table(em).has('removeListener')) emit(em, 'removeListener', [name, l.fn]);
        }
      }
      call(em, l.fn, args);
    }
    return true;
  };

  const add = (em: object, name: PropertyKey, fn: unknown, once: boolean, prepend: boolean): object => {
    const listener = checkListener(fn);
    const t = table(em);
    if (t.has('newListener')) emit(em, 'newListener', [name, listener]);
    const list = t.get(name) ?? [];
    const max = maxOf.get(em) ?? 10;
    if (max > 0 && list.length >= max) refuse(`more than ${max} '${String(name)}' listeners (Node prints a MaxListenersExceededWarning to stderr)`);
    const entry: Listener = { fn: listener, once, fired: false };
    if (prepend) list.unshift(entry);
    else list.push(entry);
    t.set(name, list);
    return em;
  };

  const remove = (em: object, name: PropertyKey, fn: unknown): object => {
    checkListener(fn);
    const t = table(em);
    const list = t.get(name);
    if (!list) return em;
    // Node removes the most recently added matching listener.
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i].fn === fn) {
        list.splice(i, 1);
        if (list.length === 0) t.delete(name);
        if (t.has('removeListener')) emit(em, 'removeListener', [name, fn]);
        break;
      }
    }
    return em;
  };

  /** The methods of EventEmitter.prototype. */
  class Methods {
    on(name: PropertyKey, fn: unknown): object { return add(this, name, fn, false, false); }
    addListener(name: PropertyKey, fn: unknown): object { return add(this, name, fn, false, false); }
    prependListener(name: PropertyKey, fn: unknown): object { return add(this, name, fn, false, true); }
    once(name: PropertyKey, fn: unknown): object { return add(this, name, fn, true, false); }
    prependOnceListener(name: PropertyKey, fn: unknown): object { return add(this, name, fn, true, true); }
    off(name: PropertyKey, fn: unknown): object { return remove(this, name, fn); }
    removeListener(name: PropertyKey, fn: unknown): object { return remove(this, name, fn); }
    removeAllListeners(name?: PropertyKey): object {
      if (name === undefined) table(this).clear();
      else table(this).delete(name);
      return this;
    }
    emit(name: PropertyKey, ...args: unknown[]): boolean { return emit(this, name, args); }
    listenerCount(name: PropertyKey): number { return table(this).get(name)?.length ?? 0; }
    listeners(name: PropertyKey): Function[] { return (table(this).get(name) ?? []).map((l) => l.fn); }
    rawListeners(name: PropertyKey): Function[] { return this.listeners(name); }
    eventNames(): PropertyKey[] { return [...table(this).keys()]; }
    setMaxListeners(n: number): object {
      maxOf.set(this, Number(n));
      return this;
    }
    getMaxListeners(): number { return maxOf.get(this) ?? 10; }
  }
  /**
   * EventEmitter is a plain function as in Node (lib/events.js), so both `class A extends EventEmitter`
   * and the older `EventEmitter.call(this)` with util.inherits work.
   */
  const EventEmitter = function EventEmitter(this: object, options?: unknown) {
    if (options && typeof options === 'object' && (options as any).captureRejections) refuse('EventEmitter captureRejections');
    if (this === undefined || this === null) refuse('calling EventEmitter without new or a receiver');
    table(this);
  } as unknown as { new (options?: unknown): Methods; prototype: Methods };
  for (const k of Object.getOwnPropertyNames(Methods.prototype)) {
    if (k === 'constructor') continue;
    const fn = (Methods.prototype as any)[k] as Function;
    Object.defineProperty(EventEmitter.prototype, k, { value: named(k, fn), writable: true, enumerable: true, configurable: true });
  }

  /** events.once(emitter, name): a promise of the arguments of the next `name` event. */
  const once = named('once', (em: unknown, name: unknown, options?: unknown) => {
    if (options !== undefined) refuse('events.once with options (AbortSignal)');
    if (!(em instanceof EventEmitter)) refuse('events.once on something that is not an EventEmitter');
    const emitter = em as Methods;
    const cap = host.kit.newCapability(`promise from events.once('${String(name)}')${host.currentLineSuffix()}`);
    const onEvent = named('onEvent', (...args: unknown[]) => {
      if (name !== 'error') remove(emitter, 'error', onError);
      cap.resolve(args);
    });
    const onError = named('onError', (err: unknown) => {
      remove(emitter, name as PropertyKey, onEvent);
      cap.reject(err);
    });
    add(emitter, name as PropertyKey, onEvent, true, false);
    if (name !== 'error') add(emitter, 'error', onError, true, false);
    return cap.promise;
  });

  const E = EventEmitter as unknown as Record<string, unknown>;
  Object.defineProperty(E, 'once', { value: once, enumerable: true });
  Object.defineProperty(E, 'EventEmitter', { value: EventEmitter, enumerable: true });
  Object.defineProperty(E, 'on', { value: named('on', () => refuse('events.on (an async iterator of events)')), enumerable: true });
  Object.defineProperty(E, 'defaultMaxListeners', { value: 10, enumerable: true });
  Object.defineProperty(E, 'captureRejections', { get: () => false, set: () => refuse('EventEmitter.captureRejections'), enumerable: true });
  interp.intrinsics.add(EventEmitter.prototype);
  host.addInspectRule({ refuse: (v) => (emitters.has(v) ? 'an EventEmitter prints its internal listener table over several lines; log something else' : null) });
  host.modules.define('events', () => E);
}
