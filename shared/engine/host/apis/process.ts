// The `process` global and the 'process' module: nextTick (the nextTick queue drained before
// microtasks), exit, exitCode, and the 'exit' / 'beforeExit' events (beforeExit each time the loop runs
// dry, until its listeners stop adding work; exit once, synchronously, also after process.exit or an
// uncaught error). Other process events and wall-clock readings are refused with line:column.
import { errorAt, ThrowSignal } from '../../errors.ts';
import { nodeTypeError, type Job, type Runtime } from '../runtime.ts';
import { named } from './util-internal.ts';

export function install(host: Runtime): void {
  const refuse = (what: string) => named(what.split(' ')[0].split('.').pop()!, () => {
    throw errorAt('unsupported', `Unsupported: ${what}`, host.interp.currentCall);
  });
  const nextTick = named('nextTick', (cb: unknown, ...args: unknown[]) => {
    if (typeof cb !== 'function') throw new ThrowSignal(nodeTypeError('callback', 'function', cb));
    const { label, loc } = host.fnLabel(cb, 'nextTick callback');
    const job: Job = { id: host.nextId(), label, loc, run: () => host.runMacrotaskCallback(cb, undefined, args) };
    host.enqueueTick(job);
    host.step('enqueue', `process.nextTick queues ${label}`, host.callLoc(), { jobId: job.id, queue: 'nextTick' });
  });
  let exitCode: unknown = undefined;
  // process 'exit' and 'beforeExit' events (other process events are refused).
  const listeners = { exit: [] as { fn: Function; once: boolean }[], beforeExit: [] as { fn: Function; once: boolean }[] };
  const eventName = (name: unknown): 'exit' | 'beforeExit' => {
    if (name === 'exit' || name === 'beforeExit') return name;
    throw errorAt('unsupported', `Unsupported: process.on('${String(name)}') (only the 'exit' and 'beforeExit' process events are simulated)`, host.interp.currentCall);
  };
  const listen = (name: unknown, fn: unknown, once: boolean): object => {
    const list = listeners[eventName(name)];
    if (typeof fn !== 'function') throw new ThrowSignal(nodeTypeError('listener', 'function', fn));
    list.push({ fn, once });
    return processObj;
  };
  const unlisten = (name: unknown, fn: unknown): object => {
    const list = listeners[eventName(name)];
    const i = list.map((l) => l.fn).lastIndexOf(fn as Function);
    if (i >= 0) list.splice(i, 1);
    return processObj;
  };
  const emit = (name: 'exit' | 'beforeExit', code: number): boolean => {
    const list = listeners[name];
    if (!list.length) return false;
    for (const l of [...list]) {
      if (l.once) list.splice(list.indexOf(l), 1);
      host.runMacrotaskCallback(l.fn, processObj, [code]);
      if (name === 'beforeExit') host.drain();
    }
    return true;
  };
  host.beforeExit = () => emit('beforeExit', exitCode === undefined || exitCode === null ? 0 : Number(exitCode) | 0);
  host.exitListeners = (code) => {
    emit('exit', code);
  };
  const processObj: Record<string, unknown> = host.strict('process', {
    nextTick,
    exit: named('exit', (code?: unknown) => {
      const c = code === undefined ? (exitCode === undefined || exitCode === null ? 0 : Number(exitCode) | 0) : Number(code) | 0;
      if (code !== undefined) exitCode = c;
      host.exitNow(c, `process.exit(${code === undefined ? '' : c}) ends the process at once`);
      return undefined;
    }),
    on: named('on', (name: unknown, fn: unknown) => listen(name, fn, false)),
    addListener: named('addListener', (name: unknown, fn: unknown) => listen(name, fn, false)),
    once: named('once', (name: unknown, fn: unknown) => listen(name, fn, true)),
    off: named('off', (name: unknown, fn: unknown) => unlisten(name, fn)),
    removeListener: named('removeListener', (name: unknown, fn: unknown) => unlisten(name, fn)),
    hrtime: refuse('process.hrtime (it reads the wall clock)'),
    uptime: refuse('process.uptime (it reads the wall clock)'),
    memoryUsage: refuse('process.memoryUsage'),
    cwd: refuse('process.cwd'),
  });
  // process.exitCode: the code the process ends with when the loop runs dry (Node 20 coerces as exit()).
  Object.defineProperty(processObj, 'exitCode', {
    get: () => exitCode,
    set: (v: unknown) => {
      if (v !== undefined && v !== null && !(typeof v === 'number' && Number.isInteger(v)) && !(typeof v === 'string' && /^-?\d+$/.test(v))) {
        throw new ThrowSignal(nodeTypeError('code', 'number', v));
      }
      exitCode = v;
    },
    enumerable: true,
  });
  host.allowWrite(processObj, 'exitCode');
  host.exitCodeOnDrain = () => (exitCode === undefined || exitCode === null ? 0 : Number(exitCode) | 0);
  host.defineGlobal('process', processObj);
  host.modules.define('process', () => processObj);
}
