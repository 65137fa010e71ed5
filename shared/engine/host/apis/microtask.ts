// queueMicrotask: a job in the same microtask queue promise reactions use; an exception in it is
// an uncaught exception (Node reports it and exits).
import { ThrowSignal } from '../../errors.ts';
import { nodeTypeError, type Runtime } from '../runtime.ts';
import { named } from './util-internal.ts';

export function install(host: Runtime): void {
  host.defineGlobal('queueMicrotask', named('queueMicrotask', (cb: unknown) => {
    if (typeof cb !== 'function') throw new ThrowSignal(nodeTypeError('callback', 'function', cb));
    const { label, loc } = host.fnLabel(cb, 'queueMicrotask callback');
    host.enqueueMicrotask(label, loc, () => {
      try {
        host.interp.callFromHost(cb, undefined, [], null);
      } catch (e) {
        if (e instanceof ThrowSignal) host.uncaught(e.value, 'uncaught-exception');
        throw e;
      }
    });
  }));
}
