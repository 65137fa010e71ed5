// setImmediate / clearImmediate and the check phase, after Node 20's processImmediate: the phase runs
// the queue as it was when the phase began; ticks and microtasks drain before the next immediate,
// and a clearImmediate from those ticks still stops it.
import { ThrowSignal } from '../../errors.ts';
import { isObject } from '../../language/operations.ts';
import { nodeTypeError, type Job, type Runtime } from '../runtime.ts';
import { named } from './util-internal.ts';

interface Immediate {
  job: Job;
  cleared: boolean;
  /** How race texts name it: "the immediate set at 4:1". */
  name: string;
}

export function install(host: Runtime): void {
  let queued: Immediate[] = [];
  let batch: Immediate[] = [];
  const immediateOf = new WeakMap<object, Immediate>();
  const immediateProto: object = Object.create(Object.prototype);
  host.interp.intrinsics.add(immediateProto);

  host.defineGlobal('setImmediate', named('setImmediate', (cb: unknown, ...args: unknown[]) => {
    if (typeof cb !== 'function') throw new ThrowSignal(nodeTypeError('callback', 'function', cb));
    const { label, loc } = host.fnLabel(cb, 'setImmediate callback');
    const handle = host.strict('Immediate', Object.create(immediateProto) as object);
    const job: Job = { id: host.nextId(), label, loc, run: () => host.runMacrotaskCallback(cb, handle, args) };
    const at = host.callLoc();
    const im: Immediate = { job, cleared: false, name: `the immediate set at ${at ? `${at.start.line}:${at.start.column}` : 'an unknown place'}` };
    queued.push(im);
    immediateOf.set(handle, im);
    host.step('enqueue', `setImmediate queues ${label} in the check queue`, host.callLoc(), { jobId: job.id, queue: 'check' });
    return handle;
  }));
  host.defineGlobal('clearImmediate', named('clearImmediate', (obj: unknown) => {
    if (!isObject(obj)) return;
    const im = immediateOf.get(obj as object);
    if (!im || im.cleared) return;
    im.cleared = true;
    queued = queued.filter((i) => i !== im);
    batch = batch.filter((i) => i !== im);
    host.step('immediate-cleared', `clearImmediate removes ${im.job.label} from the check queue`, host.callLoc(), { jobId: im.job.id, queue: 'check' });
  }));

  host.definePhase('check', () => {
    if (!queued.length) return;
    batch = queued;
    queued = [];
    host.enterPhase('check', 'Event loop: check phase, runs the setImmediate callbacks queued before it began');
    let ran = false;
    while (batch.length) {
      // processImmediate drains the previous immediate's ticks first; a clearImmediate from those ticks
      // still stops the next one ("It's possible for this current Immediate to be cleared...").
      if (ran) host.drain();
      const im = batch.shift();
      if (!im) break;
      if (im.cleared) continue;
      ran = true;
      im.cleared = true;
      host.aboutToRun(im.name);
      host.runJob(im.job, 'check');
    }
    host.drain();
  });
  host.defineQueueNamer('check', () => queued.find((i) => !i.cleared)?.name ?? null);
  host.addSource({
    alive: () => queued.length > 0,
    busy: () => queued.length > 0,
    pending: () => queued.find((i) => !i.cleared)?.name ?? null,
  });
  host.defineQueue('check', () => [...batch.filter((i) => !i.cleared), ...queued.filter((i) => !i.cleared)].map((i) => ({ id: i.job.id, label: i.job.label, loc: i.job.loc })));
  host.addInspectRule({ refuse: (v) => (immediateOf.has(v) ? 'an Immediate object prints Node\'s internal fields; log something else' : null) });
}
