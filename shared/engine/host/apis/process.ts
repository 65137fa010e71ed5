// The `process` global and the 'process' module: nextTick (the nextTick queue drained before
// microtasks) and exit; process events and wall-clock readings are refused with line:column.
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
  const processObj = host.strict('process', {
    nextTick,
    exit: named('exit', (code?: unknown) => {
      const c = code === undefined ? (exitCode === undefined || exitCode === null ? 0 : Number(exitCode) | 0) : Number(code) | 0;
      host.exitNow(c, `process.exit(${code === undefined ? '' : c}) ends the process at once`);
    }),
    on: refuse('process.on (process events are not simulated)'),
    once: refuse('process.once (process events are not simulated)'),
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
