// setTimeout / setInterval / clearTimeout / clearInterval and the timers phase, after Node 20's
// lib/internal/timers.js: one list per duration, lists ordered by expiry then creation; listOnTimeout
// defers a list whose head is not due yet; setInterval re-arms from the time its callback started;
// the callback runs with the Timeout object as `this` (timer._onTimeout()).
// Also the 'timers' module (with setImmediate/clearImmediate from immediate.ts).
import { ThrowSignal } from '../../errors.ts';
import { isObject } from '../../language/operations.ts';
import type { SourceRange, TimerEntry } from '../../types.ts';
import { nodeTypeError, type Runtime } from '../runtime.ts';
import { named } from './util-internal.ts';

const TIMEOUT_MAX = 2 ** 31 - 1;

interface Timer {
  id: number;
  label: string;
  loc: SourceRange | null;
  callback: Function | null;
  args: unknown[];
  repeat: number | null;
  /** _idleStart: the clock reading when the timer was (re)armed. */
  start: number;
  list: TimerList | null;
  /** The Timeout object the snippet holds (`this` in the callback). */
  handle: object;
}

interface TimerList {
  msecs: number;
  expiry: number;
  id: number;
  timers: Timer[];
}

export function install(host: Runtime): void {
  const lists = new Map<number, TimerList>();
  let listQueue: TimerList[] = [];
  let nextListId = 1;
  const timerOf = new WeakMap<object, Timer>();
  const timeoutProto: object = Object.create(Object.prototype);
  host.interp.intrinsics.add(timeoutProto);

  const insertTimer = (timer: Timer, msecs: number, start: number): void => {
    msecs = Math.trunc(msecs);
    timer.start = start;
    let list = lists.get(msecs);
    if (!list) {
      list = { msecs, expiry: start + msecs, id: nextListId++, timers: [] };
      lists.set(msecs, list);
      listQueue.push(list);
    }
    timer.list = list;
    list.timers.push(timer);
  };

  const dropList = (list: TimerList): void => {
    if (lists.get(list.msecs) === list) {
      lists.delete(list.msecs);
      listQueue = listQueue.filter((l) => l !== list);
    }
  };

  const removeTimer = (timer: Timer): void => {
    const list = timer.list;
    if (!list) return;
    const i = list.timers.indexOf(timer);
    if (i >= 0) list.timers.splice(i, 1);
    timer.list = null;
    if (list.timers.length === 0) dropList(list);
  };

  const peekList = (): TimerList | null => {
    let best: TimerList | null = null;
    for (const l of listQueue) {
      if (!best || l.expiry < best.expiry || (l.expiry === best.expiry && l.id < best.id)) best = l;
    }
    return best;
  };

  const minExpiry = (): number => peekList()?.expiry ?? Infinity;

  const createTimer = (kind: 'setTimeout' | 'setInterval', callback: unknown, delay: unknown, args: unknown[]): object => {
    if (typeof callback !== 'function') throw new ThrowSignal(nodeTypeError('callback', 'function', callback));
    let after = Number(delay);
    if (!(after >= 1 && after <= TIMEOUT_MAX)) after = 1;
    const { label, loc } = host.fnLabel(callback, `${kind} callback`);
    // timeout.unref(), .refresh(), +timeout...: not modelled, so refused rather than read as undefined.
    const handle = host.strict('Timeout', Object.create(timeoutProto) as object);
    const timer: Timer = { id: host.nextId(), label, loc, callback, args, repeat: kind === 'setInterval' ? after : null, start: 0, list: null, handle };
    timerOf.set(handle, timer);
    host.timersCreated++;
    insertTimer(timer, after, host.clock.read());
    const coerced = delay === undefined || Number(delay) !== after ? ` (a delay of ${host.describeValue(delay)} counts as ${after} ms)` : '';
    host.step('timer-scheduled', `${kind} schedules a timer: ${label} is due at ${timer.start + Math.trunc(after)} ms${coerced}`, host.callLoc(), { jobId: timer.id, queue: 'timers' });
    return handle;
  };

  const clearTimer = (obj: unknown): void => {
    if (!isObject(obj)) return;
    const timer = timerOf.get(obj as object);
    if (!timer || !timer.callback) return;
    timer.callback = null;
    timer.repeat = null;
    removeTimer(timer);
    host.step('timer-cleared', `The timer (${timer.label}) is cleared and will not fire`, host.callLoc(), { jobId: timer.id, queue: 'timers' });
  };

  /** listOnTimeout(list, now) from lib/internal/timers.js. */
  const listOnTimeout = (list: TimerList, now: number): void => {
    const msecs = list.msecs;
    let ranAtLeastOneTimer = false;
    for (;;) {
      const timer = list.timers[0];
      if (!timer) break;
      const diff = now - timer.start;
      if (diff < msecs) {
        // The head of this list is not due yet: look at the list again later.
        list.expiry = Math.max(timer.start + msecs, now + 1);
        list.id = nextListId++;
        return;
      }
      if (ranAtLeastOneTimer) host.drain();
      else ranAtLeastOneTimer = true;
      if (list.timers[0] !== timer) continue; // cleared by a microtask just now
      list.timers.shift();
      timer.list = null;
      if (!timer.callback) continue;
      let start = 0;
      if (timer.repeat) start = host.clock.read();
      host.aboutToRun(`the ${timer.label}`);
      host.step('timer-fired', `Timer due at ${timer.start + msecs} ms fires: runs ${timer.label}`, timer.loc, { jobId: timer.id, queue: 'timers' });
      const cb = timer.callback;
      try {
        host.runMacrotaskCallback(cb, timer.handle, timer.args);
      } finally {
        if (timer.repeat && timer.callback) {
          insertTimer(timer, timer.repeat, start);
          host.step('timer-scheduled', `setInterval re-arms ${timer.label}: next due at ${start + Math.trunc(timer.repeat)} ms`, timer.loc, { jobId: timer.id, queue: 'timers' });
        } else {
          timer.callback = null;
        }
      }
    }
    dropList(list);
  };

  /** processTimers(now) from lib/internal/timers.js. */
  const processTimers = (now: number): void => {
    let ranAtLeastOneList = false;
    for (;;) {
      const list = peekList();
      if (!list || list.expiry > now) break;
      if (ranAtLeastOneList) host.drain();
      else ranAtLeastOneList = true;
      listOnTimeout(list, now);
    }
    host.drain();
  };

  host.definePhase('timers', () => {
    host.clock.read(); // uv__update_time
    // uv__run_timers keeps running Node's timer handle while it is due against the loop time, and
    // every setTimeout call in between updates that time (getLibuvNow), so a 1 ms timer armed by the
    // last callback's microtasks can still run in this phase if the clock has ticked over meanwhile.
    let first = true;
    while (minExpiry() <= host.clock.now()) {
      const now = host.clock.read(); // GetNow() in RunTimers
      if (first) host.enterPhase('timers', `Event loop: timers phase at ${now} ms, runs every timer that is due`);
      first = false;
      processTimers(now);
    }
  });
  host.addSource({
    alive: () => listQueue.length > 0,
    wakeAt: minExpiry,
    pending: () => (listQueue.length ? 'a pending timer' : null),
  });
  host.defineQueue('timers', () => {
    const timers: TimerEntry[] = [];
    const sorted = [...listQueue].sort((a, b) => a.expiry - b.expiry || a.id - b.id);
    for (const list of sorted) {
      for (const t of list.timers) timers.push({ id: t.id, label: t.label, loc: t.loc, due: t.start + list.msecs, repeat: t.repeat });
    }
    return timers.sort((a, b) => a.due - b.due);
  });
  host.addInspectRule({ refuse: (v) => (timerOf.has(v) ? 'a Timeout object prints Node\'s internal timer fields; log something else' : null) });

  host.defineGlobal('setTimeout', named('setTimeout', (cb: unknown, delay?: unknown, ...args: unknown[]) => createTimer('setTimeout', cb, delay, args)));
  host.defineGlobal('setInterval', named('setInterval', (cb: unknown, delay?: unknown, ...args: unknown[]) => createTimer('setInterval', cb, delay, args)));
  host.defineGlobal('clearTimeout', named('clearTimeout', (t: unknown) => { clearTimer(t); }));
  host.defineGlobal('clearInterval', named('clearInterval', (t: unknown) => { clearTimer(t); }));
  host.modules.define('timers', () => host.strict('timers', {
    setTimeout: host.global.setTimeout, setInterval: host.global.setInterval, setImmediate: host.global.setImmediate,
    clearTimeout: host.global.clearTimeout, clearInterval: host.global.clearInterval, clearImmediate: host.global.clearImmediate,
  }));
}
