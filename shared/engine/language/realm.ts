// The realm: ECMAScript's own intrinsics as the snippet sees them (Object, Array, ..., the simulated
// Promise, JSON, Math, parseInt...), which of them the snippet may read but not change, which values
// are refused on sight (Math.random, the Function constructor...) and the size guards on natives that
// could build huge values. Host objects (console, process, timers, fs...) are added by the host after.
import { errorAt } from '../errors.ts';
import type { Interpreter } from './evaluator.ts';
import { isObject } from './operations.ts';
import type { PromiseKit } from './promise.ts';
import { Scope } from './scope.ts';

/** Fills `global` with the language's intrinsics and registers what the snippet may not change. */
export function installIntrinsics(interp: Interpreter, global: Record<string, unknown>, kit: PromiseKit): void {
  const Prom = kit.Promise;
  Object.assign(global, {
    Promise: Prom,
    Object, Array, String, Number, Boolean, Symbol, BigInt, RegExp, JSON, Math, Map, Set, WeakMap, WeakSet,
    Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, AggregateError,
    parseInt, parseFloat, isNaN, isFinite, encodeURIComponent, decodeURIComponent, encodeURI, decodeURI,
    NaN, Infinity, undefined,
  });
  if (!('globalThis' in global)) global.globalThis = global;
  interp.globalObject = global;
  interp.globalScope ??= new Scope(null, true, null, false);

  // Built-ins the snippet may call but not change.
  for (const v of [Object, Array, String, Number, Boolean, Symbol, BigInt, RegExp, Map, Set, WeakMap, WeakSet,
    Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, AggregateError, Prom]) {
    interp.intrinsics.add(v);
    interp.intrinsics.add(v.prototype);
  }
  for (const v of [JSON, Math, Function.prototype, interp.co.generatorProto, interp.co.asyncGeneratorProto,
    Object.getPrototypeOf([][Symbol.iterator]()), Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))]) {
    interp.intrinsics.add(v);
  }
  interp.refusedValues.set(Math.random, 'Math.random (the output must be the same every time)');
  interp.refusedValues.set(Function, 'the Function constructor');
  interp.refusedValues.set(Object.getPrototypeOf(async function () {}).constructor, 'the AsyncFunction constructor');
  interp.refusedValues.set(Object.getPrototypeOf(function* () {}).constructor, 'the GeneratorFunction constructor');
  interp.refusedValues.set(Object.getPrototypeOf(async function* () {}).constructor, 'the AsyncGeneratorFunction constructor');
  interp.refusedValues.set(globalThis, 'the host global object');
  // Built-ins that would hand back the host's own promises (newer runtimes than Node 20).
  const fromAsync = (Array as unknown as { fromAsync?: Function }).fromAsync;
  if (fromAsync) interp.refusedValues.set(fromAsync, 'Array.fromAsync');

  const guardTarget = (fn: Function, name: string) => interp.nativeGuards.set(fn, (_this, args, node) => {
    const target = args[0];
    if (isObject(target) && (interp.intrinsics.has(target as object) || interp.strictObjects.has(target as object))) {
      throw errorAt('unsupported', `Unsupported: ${name} on a built-in object`, node);
    }
  });
  // Defining properties and prototypes is fine on the snippet's own objects, refused on built-ins.
  guardTarget(Object.defineProperty, 'Object.defineProperty');
  guardTarget(Object.defineProperties, 'Object.defineProperties');
  guardTarget(Object.setPrototypeOf, 'Object.setPrototypeOf');
  guardTarget(Reflect.defineProperty, 'Reflect.defineProperty');
  guardTarget(Reflect.setPrototypeOf, 'Reflect.setPrototypeOf');
  guardTarget(Object.assign, 'Object.assign');
  guardTarget(Object.freeze, 'Object.freeze');
  guardTarget(Object.seal, 'Object.seal');
  guardTarget(Object.preventExtensions, 'Object.preventExtensions');
  interp.nativeGuards.set(String.prototype.repeat, (s, args, node) => {
    if (String(s).length * Number(args[0]) > 200_000) throw errorAt('budget', 'String.prototype.repeat would build a string over 200000 characters', node);
  });
  const padGuard = (_s: unknown, args: unknown[], node: unknown) => {
    if (Number(args[0]) > 200_000) throw errorAt('budget', 'padding to over 200000 characters is not supported', node as never);
  };
  interp.nativeGuards.set(String.prototype.padStart, padGuard);
  interp.nativeGuards.set(String.prototype.padEnd, padGuard);
  interp.nativeGuards.set(Array, (_s, args, node) => {
    if (args.length === 1 && typeof args[0] === 'number' && args[0] > 100_000) throw errorAt('budget', 'Arrays longer than 100000 items are not supported', node);
  });
  interp.nativeGuards.set(Array.from, (_s, args, node) => {
    const src: any = args[0];
    if (isObject(src) && !Array.isArray(src) && typeof src.length === 'number' && src.length > 100_000) {
      throw errorAt('budget', 'Arrays longer than 100000 items are not supported', node);
    }
  });
}
