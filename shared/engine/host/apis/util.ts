// The 'util' module: promisify (Node's util.promisify.custom included, so promisify(setTimeout) is
// timers/promises' setTimeout as in Node), inspect and format with Node's default options (a result
// a console line cannot show on one line is refused where it is printed), inherits, and types.isPromise.
import { errorAt, ThrowSignal } from '../../errors.ts';
import { InspectRefusal, formatLog, inspect } from '../../inspect.ts';
import type { Runtime } from '../runtime.ts';
import { nodeTypeError } from '../runtime.ts';
import { named } from './util-internal.ts';

/** util.promisify.custom: the same registered symbol Node uses. */
export const PROMISIFY_CUSTOM = Symbol.for('nodejs.util.promisify.custom');

export function install(host: Runtime): void {
  const interp = host.interp;
  const refuse = (what: string): never => {
    throw errorAt('unsupported', `Unsupported: ${what}`, interp.currentCall);
  };
  const formatting = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof InspectRefusal) throw errorAt('unsupported', `Unsupported util output: ${e.message}`, interp.currentCall);
      throw e;
    }
  };

  const promisify = named('promisify', (original: unknown) => {
    if (typeof original !== 'function') throw new ThrowSignal(nodeTypeError('original', 'function', original));
    const custom = (original as any)[PROMISIFY_CUSTOM];
    if (custom !== undefined) {
      if (typeof custom !== 'function') throw new ThrowSignal(nodeTypeError('util.promisify.custom', 'function', custom));
      return custom;
    }
    const name = original.name;
    return named(name, function (this: unknown, ...args: unknown[]) {
      const cap = host.kit.newCapability(`promise from promisified ${name || 'function'}()${host.currentLineSuffix()}`);
      const callback = named('callback', (err: unknown, ...values: unknown[]) => {
        if (err) cap.reject(err);
        else cap.resolve(values[0]);
      });
      try {
        interp.callFromHost(original, this, [...args, callback], null);
      } catch (e) {
        if (!(e instanceof ThrowSignal)) throw e;
        cap.reject(e.value);
      }
      return cap.promise;
    });
  });
  Object.defineProperty(promisify, 'custom', { value: PROMISIFY_CUSTOM, enumerable: true });

  const util = host.strict('util', {
    promisify,
    inspect: named('inspect', (value: unknown, options?: unknown) => {
      if (options !== undefined) refuse('util.inspect with options (only the defaults are simulated)');
      return formatting(() => inspect(value, host.hooks));
    }),
    format: named('format', (...args: unknown[]) => formatting(() => formatLog(args, host.hooks))),
    inherits: named('inherits', (ctor: unknown, superCtor: unknown) => {
      if (typeof ctor !== 'function') throw new ThrowSignal(nodeTypeError('ctor', 'function', ctor));
      if (typeof superCtor !== 'function') throw new ThrowSignal(nodeTypeError('superCtor', 'function', superCtor));
      Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
      Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
    }),
    types: host.strict('util.types', {
      isPromise: named('isPromise', (v: unknown) => host.kit.isPromise(v)),
    }),
  });
  host.modules.define('util', () => util);
}
