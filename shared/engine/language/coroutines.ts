// Coroutines of the language: async functions (driven await by await over the promise kit),
// sync generators, async generators (ECMA-262 §27.6 request queue) and for-await over sync
// iterables (CreateAsyncFromSyncIterator). The interpreter runs a function body as a JS generator
// that yields `Suspend` records; this module decides what each suspension means. It talks to the
// host only through EngineHost (frames and trace steps); promise jobs go through the promise kit.
import { ThrowSignal, errorAt } from '../errors.ts';
import type { EngineHost } from '../host-interface.ts';
import type { Interpreter } from './evaluator.ts';
import { isObject, lineOf, rangeOf } from './operations.ts';
import type { Capability, PromiseKit } from './promise.ts';
import type { Closure } from './scope.ts';
import { ReturnSignal, type Suspend } from './signals.ts';
import type { SourceRange } from '../types.ts';

/** A short rendering of a value for error messages ("[object Object]" style would be unhelpful). */
export function inspectForError(v: unknown): string {
  if (typeof v === 'function') return v.name ? `function ${v.name}` : 'function';
  if (typeof v === 'string') return JSON.stringify(v);
  if (isObject(v)) return Array.isArray(v) ? 'array' : '#<Object>';
  return String(v);
}

/** " (line N)" for the call being evaluated, or "" (used in job labels). */
export function lineSuffix(interp: Interpreter): string {
  const l = lineOf(interp.currentCall);
  return l ? ` (line ${l})` : '';
}

/** Generator and async-generator objects of one simulation, and how each is driven. */
export class Coroutines {
  /** Generator objects, for util.inspect ("Object [Generator] {}"). */
  readonly generators = new WeakMap<object, string>();

  constructor(readonly interp: Interpreter, readonly kit: PromiseKit, readonly host: EngineHost) {}

  /** Starts a snippet async function: runs synchronously to its first await and returns its promise. */
  startAsyncFunction(closure: Closure, fnObj: Function, thisArg: unknown, args: unknown[]): object {
    const cap = this.kit.newCapability(`the promise returned by ${closure.name || 'an async function'}()${lineSuffix(this.interp)}`);
    const gen = this.interp.functionBody(closure, fnObj, thisArg, args, undefined);
    this.driveAsync(gen, closure.name || '(async anonymous)', cap, false, closure.loc);
    return cap.promise;
  }

  /** Steps an async body: resumes it, and on each await subscribes to the awaited promise. */
  driveAsync(gen: Generator<Suspend, unknown, any>, name: string, cap: Capability, isModule: boolean, loc: SourceRange | null = null, onModuleError?: (error: unknown) => void): void {
    const resume = (mode: 'next' | 'throw', value: unknown, first: boolean): void => {
      if (!first) this.host.pushFrame(name, loc);
      else if (!isModule) this.host.pushFrame(name, loc);
      this.interp.depth++;
      let r: IteratorResult<Suspend, unknown>;
      try {
        r = mode === 'next' ? gen.next(value) : gen.throw(new ThrowSignal(value));
      } catch (e) {
        this.host.popFrame();
        this.interp.depth--;
        if (e instanceof ThrowSignal) {
          cap.reject(e.value);
          if (isModule) onModuleError?.(e.value);
          return;
        }
        throw e;
      }
      this.host.popFrame();
      this.interp.depth--;
      if (r.done) {
        cap.resolve(r.value);
        return;
      }
      const s = r.value;
      if (s.kind !== 'await') throw errorAt('unsupported', 'Unsupported: yield outside a generator', s.node);
      this.awaitValue(s.value, s.node, name, (v) => resume('next', v, false), (e) => resume('throw', e, false));
    };
    resume('next', undefined, true);
  }

  /** Await(value): PromiseResolve, then PerformPromiseThen with the continuation (one tick for a native promise). */
  awaitValue(value: unknown, node: any, name: string, onFulfilled: (v: unknown) => void, onRejected: (e: unknown) => void): void {
    const line = lineOf(node);
    const label = `resume ${name} after await${line ? ` (line ${line})` : ''}`;
    let promise: object;
    try {
      promise = this.kit.promiseResolve(value, `~promise awaited${line ? ` on line ${line}` : ''}`);
    } catch (e) {
      if (!(e instanceof ThrowSignal)) throw e;
      const p = this.kit.newCapability('await');
      p.reject(e.value);
      promise = p.promise;
    }
    const f = (v: unknown) => { onFulfilled(v); return undefined; };
    const r = (e: unknown) => { onRejected(e); return undefined; };
    this.kit.performThen(promise, f, r, null, { fulfill: label, reject: label, loc: rangeOf(node) });
    this.host.step('await', `${name} pauses at await${line ? ` (line ${line})` : ''}; the rest of it will resume as a microtask`, rangeOf(node));
  }

  /** A sync generator object driving a snippet generator body. */
  makeGenerator(closure: Closure, body: Generator<Suspend, unknown, any>, proto: unknown = null): object {
    let state: 'start' | 'suspended' | 'running' | 'done' = 'start';
    const co = this;
    const step = (mode: 'next' | 'throw' | 'return', value: unknown): IteratorResult<unknown> => {
      if (state === 'running') throw new ThrowSignal(new TypeError('Generator is already running'));
      if (state === 'done' || (state === 'start' && mode !== 'next')) {
        state = 'done';
        if (mode === 'throw') throw new ThrowSignal(value);
        return { value: mode === 'return' ? value : undefined, done: true };
      }
      state = 'running';
      co.host.pushFrame(closure.name || '(generator)', closure.loc);
      let r: IteratorResult<Suspend, unknown>;
      try {
        r = mode === 'next' ? body.next(value) : body.throw(mode === 'throw' ? new ThrowSignal(value) : new ReturnSignal(value));
      } catch (e) {
        state = 'done';
        throw e;
      } finally {
        co.host.popFrame();
      }
      if (r.done) {
        state = 'done';
        return { value: r.value, done: true };
      }
      if (r.value.kind !== 'yield') throw errorAt('unsupported', 'Unsupported: await in a sync generator', r.value.node);
      state = 'suspended';
      return { value: r.value.value, done: false };
    };
    // OrdinaryCreateFromConstructor: the generator function's own .prototype when it is an object.
    const obj = Object.create(isObject(proto) ? proto as object : this.generatorProto) as Record<string, unknown>;
    this.generators.set(obj, 'Generator');
    this.generatorSteps.set(obj, step);
    return obj;
  }

  private readonly generatorSteps = new WeakMap<object, (mode: 'next' | 'throw' | 'return', value: unknown) => unknown>();
  readonly generatorProto: object = (() => {
    const co = this;
    const proto = {
      next(this: object, v: unknown) { return co.genStep(this, 'next', v); },
      return(this: object, v: unknown) { return co.genStep(this, 'return', v); },
      throw(this: object, v: unknown) { return co.genStep(this, 'throw', v); },
      [Symbol.iterator](this: object) { return this; },
    };
    Object.defineProperty(proto, Symbol.toStringTag, { value: 'Generator', configurable: true });
    for (const k of Reflect.ownKeys(proto)) Object.defineProperty(proto, k, { enumerable: false });
    return proto;
  })();

  private genStep(obj: object, mode: 'next' | 'throw' | 'return', v: unknown): unknown {
    const step = this.generatorSteps.get(obj);
    if (!step) throw new ThrowSignal(new TypeError(`next method called on incompatible receiver ${inspectForError(obj)}`));
    return step(mode, v);
  }

  /** An async generator object (ECMA-262 §27.6: request queue, AsyncGeneratorYield/AwaitReturn/DrainQueue). */
  makeAsyncGenerator(closure: Closure, body: Generator<Suspend, unknown, any>, proto: unknown = null): object {
    type Completion = { type: 'normal' | 'throw' | 'return'; value: unknown };
    type Request = { completion: Completion; cap: Capability };
    const g = { state: 'suspendedStart' as 'suspendedStart' | 'suspendedYield' | 'executing' | 'awaiting-return' | 'completed', queue: [] as Request[] };
    const name = closure.name || '(async generator)';
    const iterResult = (value: unknown, done: boolean) => ({ value, done });
    const completeStep = (type: 'normal' | 'throw', value: unknown, done: boolean) => {
      const req = g.queue.shift()!;
      if (type === 'throw') req.cap.reject(value);
      else req.cap.resolve(iterResult(value, done));
    };
    const drainQueue = (): void => {
      while (g.queue.length) {
        const c = g.queue[0].completion;
        if (c.type === 'return') {
          g.state = 'awaiting-return';
          awaitReturn();
          return;
        }
        if (c.type === 'throw') completeStep('throw', c.value, true);
        else completeStep('normal', undefined, true);
      }
    };
    const awaitReturn = (): void => {
      const c = g.queue[0].completion;
      let p: object;
      try {
        p = this.kit.promiseResolve(c.value, `${name} return value`);
      } catch (e) {
        if (!(e instanceof ThrowSignal)) throw e;
        g.state = 'completed';
        completeStep('throw', e.value, true);
        drainQueue();
        return;
      }
      const label = `${name} finishes its return`;
      this.kit.performThen(p, (v: unknown) => { g.state = 'completed'; completeStep('normal', v, true); drainQueue(); return undefined; },
        (r: unknown) => { g.state = 'completed'; completeStep('throw', r, true); drainQueue(); return undefined; }, null,
        { fulfill: label, reject: label, loc: closure.loc });
    };
    const advance = (mode: 'next' | 'throw' | 'return', value: unknown): void => {
      this.host.pushFrame(name, closure.loc);
      this.interp.depth++;
      let r: IteratorResult<Suspend, unknown>;
      try {
        r = mode === 'next' ? body.next(value) : body.throw(mode === 'throw' ? new ThrowSignal(value) : new ReturnSignal(value));
      } catch (e) {
        this.host.popFrame();
        this.interp.depth--;
        if (e instanceof ThrowSignal) {
          g.state = 'completed';
          completeStep('throw', e.value, true);
          drainQueue();
          return;
        }
        throw e;
      }
      this.host.popFrame();
      this.interp.depth--;
      if (r.done) {
        g.state = 'completed';
        completeStep('normal', r.value, true);
        drainQueue();
        return;
      }
      const s = r.value;
      if (s.kind === 'await') {
        this.awaitValue(s.value, s.node, name, (v) => advance('next', v), (e) => advance('throw', e));
        return;
      }
      // AsyncGeneratorYield: settle the oldest request, continue at once if another is waiting.
      completeStep('normal', s.value, false);
      if (g.queue.length) {
        resumeWith(g.queue[0].completion);
      } else {
        g.state = 'suspendedYield';
      }
    };
    const resumeWith = (c: Completion): void => {
      g.state = 'executing';
      if (c.type === 'return') {
        // AsyncGeneratorUnwrapYieldResumption: await the return value inside the generator.
        this.awaitValue(c.value, closure.node, name, (v) => advance('return', v), (e) => advance('throw', e));
        return;
      }
      advance(c.type === 'throw' ? 'throw' : 'next', c.value);
    };
    const enqueue = (c: Completion): object => {
      const cap = this.kit.newCapability(`promise from ${name}.${c.type === 'normal' ? 'next' : c.type}()`);
      if (c.type === 'normal' && g.state === 'completed') {
        cap.resolve(iterResult(undefined, true));
        return cap.promise;
      }
      if (c.type === 'throw') {
        if (g.state === 'suspendedStart') g.state = 'completed';
        if (g.state === 'completed') {
          cap.reject(c.value);
          return cap.promise;
        }
      }
      g.queue.push({ completion: c, cap });
      if (c.type === 'return' && (g.state === 'suspendedStart' || g.state === 'completed')) {
        g.state = 'awaiting-return';
        awaitReturn();
      } else if (g.state === 'suspendedStart' || g.state === 'suspendedYield') {
        resumeWith(c);
      }
      return cap.promise;
    };
    const obj = Object.create(isObject(proto) ? proto as object : this.asyncGeneratorProto) as object;
    this.generators.set(obj, 'AsyncGenerator');
    this.asyncGenEnqueue.set(obj, enqueue);
    return obj;
  }

  private readonly asyncGenEnqueue = new WeakMap<object, (c: { type: 'normal' | 'throw' | 'return'; value: unknown }) => object>();
  readonly asyncGeneratorProto: object = (() => {
    const co = this;
    const call = (obj: object, type: 'normal' | 'throw' | 'return', value: unknown): object => {
      const enqueue = co.asyncGenEnqueue.get(obj);
      if (!enqueue) {
        const cap = co.kit.newCapability('async generator');
        cap.reject(new TypeError('not an async generator'));
        return cap.promise;
      }
      return enqueue({ type, value });
    };
    const proto = {
      next(this: object, v: unknown) { return call(this, 'normal', v); },
      return(this: object, v: unknown) { return call(this, 'return', v); },
      throw(this: object, v: unknown) { return call(this, 'throw', v); },
      [Symbol.asyncIterator](this: object) { return this; },
    };
    Object.defineProperty(proto, Symbol.toStringTag, { value: 'AsyncGenerator', configurable: true });
    for (const k of Reflect.ownKeys(proto)) Object.defineProperty(proto, k, { enumerable: false });
    return proto;
  })();

  /** GetIterator(obj, async): the async iterator, or CreateAsyncFromSyncIterator around the sync one. */
  getAsyncIterator(iterable: unknown, node: any): unknown {
    const interp = this.interp;
    if (iterable === null || iterable === undefined) throw interp.errorAbout(node, 'is not async iterable');
    const method = (Object(iterable) as any)[Symbol.asyncIterator];
    if (method !== undefined && method !== null) {
      const it = interp.callFromHost(method, iterable, [], node);
      if (!isObject(it)) throw interp.jsError(TypeError, 'Result of the Symbol.asyncIterator method is not an object');
      return it;
    }
    const syncIt = interp.getIterator(iterable, node) as any;
    const line = lineOf(node);
    const label = `for await takes the next value${line ? ` (line ${line})` : ''}`;
    const continuation = (result: any, cap: Capability): object => {
      let done: boolean;
      let value: unknown;
      try {
        done = !!result.done;
        value = result.value;
      } catch (e) {
        if (!(e instanceof ThrowSignal)) throw e;
        cap.reject(e.value);
        return cap.promise;
      }
      let wrapper: object;
      try {
        wrapper = this.kit.promiseResolve(value, '~value from a sync iterator');
      } catch (e) {
        if (!(e instanceof ThrowSignal)) throw e;
        cap.reject(e.value);
        return cap.promise;
      }
      const unwrap = (v: unknown) => ({ value: v, done });
      this.kit.performThen(wrapper, unwrap, null, cap, { fulfill: label, reject: label, loc: rangeOf(node) });
      return cap.promise;
    };
    // next(v) and return(v) of %AsyncFromSyncIteratorPrototype%: call the sync method, then continue.
    const forward = (method: 'next' | 'return', v: unknown): object => {
      const cap = this.kit.newCapability(`~async-from-sync ${method}()`);
      const fn = syncIt[method];
      if (method === 'return' && (fn === undefined || fn === null)) {
        cap.resolve({ value: v, done: true });
        return cap.promise;
      }
      let result: unknown;
      try {
        result = interp.callFromHost(fn, syncIt, [v], node);
        if (!isObject(result)) throw interp.jsError(TypeError, 'Iterator result is not an object');
      } catch (e) {
        if (!(e instanceof ThrowSignal)) throw e;
        cap.reject(e.value);
        return cap.promise;
      }
      return continuation(result, cap);
    };
    const wrapperObj = {
      next: (v: unknown) => forward('next', v),
      return: (v: unknown) => forward('return', v),
    };
    return wrapperObj;
  }
}
