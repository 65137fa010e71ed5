// The simulated Promise: ECMAScript's promise machinery (ECMA-262 §27.2) implemented over the
// engine's own microtask queue, so every reaction job, every NewPromiseResolveThenableJob and every
// extra tick that `await`, `return promise` or `finally` costs is a real entry in a queue the replay
// can show. Rejections are tracked the way Node does (HostPromiseRejectionTracker) so an unhandled
// rejection ends the process at the same moment it would in `node`.
import { ThrowSignal } from '../errors.ts';
import type { EngineHost } from '../host-interface.ts';
import type { SourceRange } from '../types.ts';
import type { Interpreter } from './evaluator.ts';
import { isObject } from './operations.ts';

export type PromiseState = 'pending' | 'fulfilled' | 'rejected';

/** A promise's internal slots. */
export interface PromiseRecord {
  id: number;
  state: PromiseState;
  value: unknown;
  fulfillReactions: Reaction[];
  rejectReactions: Reaction[];
  isHandled: boolean;
  /** Where the promise came from, for the trace ("promise from f() (line 3)"). */
  label: string;
}

/** PromiseCapability: a promise and the functions that settle it. */
export interface Capability {
  promise: object;
  resolve: (v: unknown) => void;
  reject: (r: unknown) => void;
}

/** PromiseReaction: what to run when a promise settles, and how to label that job. */
interface Reaction {
  capability: Capability | null;
  type: 'fulfill' | 'reject';
  handler: Function | null;
  label: string;
  loc: SourceRange | null;
}

export interface ThenLabels {
  fulfill: string;
  reject: string;
  loc: SourceRange | null;
}

/** Everything the runtime needs from the promise implementation. */
export interface PromiseKit {
  Promise: Function;
  isPromise(v: unknown): boolean;
  record(v: object): PromiseRecord | null;
  newCapability(label: string): Capability;
  /** PromiseResolve(%Promise%, x). */
  promiseResolve(x: unknown, label: string): object;
  /** PerformPromiseThen with host callbacks (await, for-await, async generators). */
  performThen(promise: object, onFulfilled: Function | null, onRejected: Function | null, capability: Capability | null, labels: ThenLabels): void;
  /** Node's processPromiseRejections: true if the process must die of an unhandled rejection (returns the reason). */
  takeUnhandledRejection(): { reason: unknown } | null;
}

/** Builds the Promise constructor and its machinery for one simulation. */
export function createPromiseKit(host: EngineHost, theInterp: Interpreter): PromiseKit {
  const records = new WeakMap<object, PromiseRecord>();
  let nextId = 1;
  // Node: maybeUnhandledPromises + pendingUnhandledRejections (lib/internal/process/promises.js).
  const maybeUnhandled = new Set<object>();
  const pendingUnhandled: object[] = [];

  const interp = () => theInterp;

  function rejectionTracker(promise: object, operation: 'reject' | 'handle'): void {
    if (operation === 'reject') {
      maybeUnhandled.add(promise);
      pendingUnhandled.push(promise);
    } else {
      maybeUnhandled.delete(promise);
    }
  }

  function makeRecord(label: string): PromiseRecord {
    return { id: nextId++, state: 'pending', value: undefined, fulfillReactions: [], rejectReactions: [], isHandled: false, label };
  }

  class SimPromise {
    constructor(executor: unknown) {
      if (typeof executor !== 'function') {
        throw new ThrowSignal(new TypeError(`Promise resolver ${theInterp.inspectForError(executor)} is not a function`));
      }
      const call = interp().currentCall;
      const rec = makeRecord(`the new Promise${lineSuffix(call)}`);
      records.set(this, rec);
      const { resolve, reject } = createResolvingFunctions(this);
      try {
        interp().callFromHost(executor, undefined, [resolve, reject], call);
      } catch (e) {
        if (e instanceof ThrowSignal) reject(e.value);
        else throw e;
      }
    }

    then(onFulfilled?: unknown, onRejected?: unknown): object {
      return thenImpl(this, onFulfilled, onRejected, 'then');
    }

    catch(onRejected?: unknown): object {
      // Invoke(promise, "then", undefined, onRejected), labelled as the catch it is.
      const then = (this as any).then;
      if (then === SimPromise.prototype.then) return thenImpl(this, undefined, onRejected, 'catch');
      return interp().callFromHost(then, this, [undefined, onRejected]) as object;
    }

    finally(onFinally?: unknown): object {
      const promise = this as object;
      if (!isObject(promise)) throw new ThrowSignal(new TypeError('Promise.prototype.finally called on a non-object'));
      let thenFinally: unknown = onFinally;
      let catchFinally: unknown = onFinally;
      if (typeof onFinally === 'function') {
        const where = lineOfFn(onFinally);
        thenFinally = (value: unknown) => {
          const result = interp().callFromHost(onFinally, undefined, []);
          const p = kit.promiseResolve(result, '~finally result');
          return thenImpl(p, hostFn(() => value, `finally passes the value on${where}`), undefined, 'then');
        };
        catchFinally = (reason: unknown) => {
          const result = interp().callFromHost(onFinally, undefined, []);
          const p = kit.promiseResolve(result, '~finally result');
          return thenImpl(p, hostFn(() => { throw new ThrowSignal(reason); }, `finally passes the rejection on${where}`), undefined, 'then');
        };
        labelOf.set(thenFinally as Function, `finally callback${where}`);
        labelOf.set(catchFinally as Function, `finally callback${where}`);
      }
      return thenImpl(promise, thenFinally, catchFinally, 'finally');
    }

    static resolve(x: unknown): object {
      return kit.promiseResolve(x, `Promise.resolve()${lineSuffix(interp().currentCall)}`);
    }

    static reject(r: unknown): object {
      const cap = kit.newCapability(`Promise.reject()${lineSuffix(interp().currentCall)}`);
      cap.reject(r);
      return cap.promise;
    }

    static all(iterable: unknown): object {
      return combinator('all', iterable);
    }

    static allSettled(iterable: unknown): object {
      return combinator('allSettled', iterable);
    }

    static any(iterable: unknown): object {
      return combinator('any', iterable);
    }

    static race(iterable: unknown): object {
      const call = interp().currentCall;
      const cap = kit.newCapability(`Promise.race()${lineSuffix(call)}`);
      try {
        for (const item of iterate(iterable)) {
          const next = SimPromise.resolve(item);
          invokeThen(next, cap.resolve, cap.reject);
        }
      } catch (e) {
        if (e instanceof ThrowSignal) cap.reject(e.value);
        else throw e;
      }
      return cap.promise;
    }
  }
  Object.defineProperty(SimPromise, 'name', { value: 'Promise' });
  Object.defineProperty(SimPromise.prototype, Symbol.toStringTag, { value: 'Promise', configurable: true });
  for (const m of ['then', 'catch', 'finally']) {
    Object.defineProperty(SimPromise.prototype, m, { enumerable: false });
  }

  /** Labels of internal host functions used as reaction handlers. */
  const labelOf = new WeakMap<Function, string>();
  function hostFn(f: (v: unknown) => unknown, label: string): Function {
    labelOf.set(f, label);
    return f;
  }

  function lineSuffix(node: any): string {
    return node?.loc ? ` (line ${node.loc.start.line})` : '';
  }

  function lineOfFn(fn: unknown): string {
    const c = typeof fn === 'function' ? interp().closures.get(fn) : undefined;
    if (c?.node?.loc) return ` (line ${c.node.loc.start.line})`;
    return lineSuffix(interp().currentCall);
  }

  function locOfFn(fn: unknown): SourceRange | null {
    const c = typeof fn === 'function' ? interp().closures.get(fn) : undefined;
    return c?.loc ?? null;
  }

  function iterate(iterable: unknown): unknown[] {
    const it = interp().getIterator(iterable, interp().currentCall ?? { type: 'Identifier', name: 'iterable' }) as any;
    const out: unknown[] = [];
    for (;;) {
      const step: any = interp().callFromHost(it.next, it, []);
      if (!isObject(step)) throw new ThrowSignal(new TypeError('Iterator result is not an object'));
      if (step.done) return out;
      out.push(step.value);
    }
  }

  function invokeThen(promise: unknown, onF: unknown, onR: unknown): unknown {
    const then = interp().getMember(promise, 'then', interp().currentCall);
    return interp().callFromHost(then, promise, [onF, onR]);
  }

  /** Promise.all / allSettled / any (ECMA-262 PerformPromiseAll and friends). */
  function combinator(kind: 'all' | 'allSettled' | 'any', iterable: unknown): object {
    const call = interp().currentCall;
    const where = lineSuffix(call);
    const cap = kit.newCapability(`Promise.${kind}()${where}`);
    try {
      const items = iterate(iterable);
      const values: unknown[] = [];
      let remaining = 1;
      const finish = () => {
        if (kind === 'any') {
          const err = new AggregateError(values, 'All promises were rejected');
          cap.reject(err);
        } else {
          cap.resolve(values);
        }
      };
      items.forEach((item, index) => {
        values.push(undefined);
        const next = SimPromise.resolve(item);
        let called = false;
        const settle = (v: unknown) => {
          if (called) return undefined;
          called = true;
          values[index] = v;
          if (--remaining === 0) finish();
          return undefined;
        };
        let onF: Function;
        let onR: Function;
        if (kind === 'all') {
          onF = hostFn(settle, `Promise.all element ${index}${where}`);
          onR = cap.reject;
        } else if (kind === 'allSettled') {
          onF = hostFn((v) => settle({ status: 'fulfilled', value: v }), `Promise.allSettled element ${index}${where}`);
          onR = hostFn((r) => settle({ status: 'rejected', reason: r }), `Promise.allSettled element ${index}${where}`);
        } else {
          onF = cap.resolve;
          onR = hostFn(settle, `Promise.any element ${index}${where}`);
        }
        remaining++;
        invokeThen(next, onF, onR);
      });
      if (--remaining === 0) finish();
    } catch (e) {
      if (e instanceof ThrowSignal) cap.reject(e.value);
      else throw e;
    }
    return cap.promise;
  }

  function handlerLabel(handler: Function | null, fallback: string, kind: string, call: any): string {
    if (handler) {
      const l = labelOf.get(handler);
      if (l) return l;
      return `${kind} callback${lineOfFn(handler)}`;
    }
    return `${fallback}${lineSuffix(call)}`;
  }

  function thenImpl(promise: object, onFulfilled: unknown, onRejected: unknown, kind: 'then' | 'catch' | 'finally'): object {
    const rec = records.get(promise);
    if (!rec) throw new ThrowSignal(new TypeError(`Method Promise.prototype.then called on incompatible receiver ${theInterp.inspectForError(promise)}`));
    const call = interp().currentCall;
    const onF = typeof onFulfilled === 'function' ? onFulfilled : null;
    const onR = typeof onRejected === 'function' ? onRejected : null;
    const cap = kit.newCapability(`the promise from .${kind}()${lineSuffix(call)}`);
    const fulfillLabel = handlerLabel(onF, kind === 'catch' ? 'catch passes the value on' : 'then passes the value on', kind === 'catch' ? 'catch' : kind, call);
    const rejectLabel = handlerLabel(onR, 'then passes the rejection on', kind === 'then' ? 'then rejection' : kind, call);
    performThen(promise, onF, onR, cap, {
      fulfill: fulfillLabel,
      reject: rejectLabel,
      loc: locOfFn(onF ?? onR) ?? rangeOfNode(call),
    });
    return cap.promise;
  }

  function rangeOfNode(node: any): SourceRange | null {
    if (!node?.loc) return null;
    return {
      start: { line: node.loc.start.line, column: node.loc.start.column + 1 },
      end: { line: node.loc.end.line, column: node.loc.end.column + 1 },
    };
  }

  function performThen(promise: object, onFulfilled: Function | null, onRejected: Function | null, capability: Capability | null, labels: ThenLabels): void {
    const rec = records.get(promise)!;
    const fulfillReaction: Reaction = { capability, type: 'fulfill', handler: onFulfilled, label: labels.fulfill, loc: labels.loc };
    const rejectReaction: Reaction = { capability, type: 'reject', handler: onRejected, label: labels.reject, loc: labels.loc };
    if (rec.state === 'pending') {
      rec.fulfillReactions.push(fulfillReaction);
      rec.rejectReactions.push(rejectReaction);
    } else if (rec.state === 'fulfilled') {
      enqueueReactionJob(fulfillReaction, rec.value);
    } else {
      if (!rec.isHandled) rejectionTracker(promise, 'handle');
      enqueueReactionJob(rejectReaction, rec.value);
    }
    rec.isHandled = true;
  }

  /** NewPromiseReactionJob. */
  function enqueueReactionJob(reaction: Reaction, argument: unknown): void {
    host.enqueueMicrotask(reaction.label, reaction.loc, () => {
      let ok = true;
      let result: unknown;
      if (!reaction.handler) {
        if (reaction.type === 'fulfill') result = argument;
        else { ok = false; result = argument; }
      } else {
        try {
          result = theInterp.callFromHost(reaction.handler, undefined, [argument]);
        } catch (e) {
          if (!(e instanceof ThrowSignal)) throw e;
          ok = false;
          result = e.value;
        }
      }
      if (!reaction.capability) return;
      if (ok) reaction.capability.resolve(result);
      else reaction.capability.reject(result);
    });
  }

  function triggerReactions(reactions: Reaction[], argument: unknown): void {
    for (const r of reactions) enqueueReactionJob(r, argument);
  }

  function fulfill(promise: object, value: unknown): void {
    const rec = records.get(promise)!;
    const reactions = rec.fulfillReactions;
    rec.state = 'fulfilled';
    rec.value = value;
    rec.fulfillReactions = [];
    rec.rejectReactions = [];
    host.promiseSettled(rec, 'resolve');
    triggerReactions(reactions, value);
  }

  function reject(promise: object, reason: unknown): void {
    const rec = records.get(promise)!;
    const reactions = rec.rejectReactions;
    rec.state = 'rejected';
    rec.value = reason;
    rec.fulfillReactions = [];
    rec.rejectReactions = [];
    if (!rec.isHandled) rejectionTracker(promise, 'reject');
    host.promiseSettled(rec, 'reject');
    triggerReactions(reactions, reason);
  }

  /** CreateResolvingFunctions. */
  function createResolvingFunctions(promise: object): { resolve: (v: unknown) => void; reject: (r: unknown) => void } {
    let alreadyResolved = false;
    const resolveFn = (resolution: unknown): undefined => {
      if (alreadyResolved) return undefined;
      alreadyResolved = true;
      if (resolution === promise) {
        reject(promise, new TypeError('Chaining cycle detected for promise #<Promise>'));
        return undefined;
      }
      if (!isObject(resolution)) {
        fulfill(promise, resolution);
        return undefined;
      }
      let then: unknown;
      try {
        then = (resolution as any).then;
      } catch (e) {
        reject(promise, e instanceof ThrowSignal ? e.value : e);
        return undefined;
      }
      if (typeof then !== 'function') {
        fulfill(promise, resolution);
        return undefined;
      }
      // NewPromiseResolveThenableJob: adopting a thenable always costs a job of its own.
      const isNative = records.has(resolution as object);
      const label = isNative ? `adopt the state of another promise${theInterp.currentLineSuffix()}` : `call thenable.then${theInterp.currentLineSuffix()}`;
      host.enqueueMicrotask(label, locOfFn(then), () => {
        const fns = createResolvingFunctions(promise);
        try {
          theInterp.callFromHost(then, resolution, [fns.resolve, fns.reject]);
        } catch (e) {
          if (!(e instanceof ThrowSignal)) throw e;
          fns.reject(e.value);
        }
      });
      return undefined;
    };
    const rejectFn = (reason: unknown): undefined => {
      if (alreadyResolved) return undefined;
      alreadyResolved = true;
      reject(promise, reason);
      return undefined;
    };
    Object.defineProperty(resolveFn, 'name', { value: '' });
    Object.defineProperty(rejectFn, 'name', { value: '' });
    return { resolve: resolveFn, reject: rejectFn };
  }

  const kit: PromiseKit = {
    Promise: SimPromise,
    isPromise: (v) => isObject(v) && records.has(v as object),
    record: (v) => records.get(v) ?? null,
    newCapability(label: string): Capability {
      const p = Object.create(SimPromise.prototype) as object;
      records.set(p, makeRecord(label));
      const fns = createResolvingFunctions(p);
      return { promise: p, resolve: fns.resolve, reject: fns.reject };
    },
    promiseResolve(x: unknown, label: string): object {
      if (isObject(x) && records.has(x as object)) {
        let ctor: unknown;
        try {
          ctor = (x as any).constructor;
        } catch (e) {
          throw e;
        }
        if (ctor === SimPromise) return x as object;
      }
      const cap = kit.newCapability(label);
      cap.resolve(x);
      return cap.promise;
    },
    performThen,
    takeUnhandledRejection() {
      while (pendingUnhandled.length) {
        const p = pendingUnhandled.shift()!;
        if (!maybeUnhandled.has(p)) continue;
        maybeUnhandled.delete(p);
        return { reason: records.get(p)!.value };
      }
      return null;
    },
  };
  return kit;
}
