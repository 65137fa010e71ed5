// setTimeout / setInterval / clearTimeout / clearInterval and the timers phase, after Node 20's
// lib/internal/timers.js: one list per duration, lists ordered by expiry then creation; listOnTimeout
// defers a list whose head is not due yet; setInterval re-arms from the time its callback started;
// the callback runs with the Timeout object as `this` (timer._onTimeout()).
// Also the 'timers' module (with setImmediate/clearImmediate from immediate.ts).
import { SimulationError, ThrowSignal } from '../../errors.ts';
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
  /** How race texts name it: "the 0 ms timer set at 3:1". */
  name: string;
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
  // A Timeout's own fields and methods (timeout.unref(), .refresh(), +timeout...) are not modelled:
  // reading one yields a value the interpreter refuses at the read's line:column; any other property
  // reads as undefined, as on Node's object.
  for (const key of ['_idleTimeout', '_idlePrev', '_idleNext', '_idleStart', '_onTimeout', '_timerArgs', '_repeat', '_destroyed',
    'unref', 'ref', 'hasRef', 'refresh', 'close', Symbol.toPrimitive]) {
    // +timeout converts through Symbol.toPrimitive without a property read the interpreter sees: refuse in the call.
    const refused = Object.freeze(() => {
      const loc = host.hereLoc();
      throw new SimulationError('unsupported', 'Unsupported: converting a Timeout to a number (its id)', loc?.start.line ?? null, loc?.start.column ?? null);
    });
    host.interp.refusedValues.set(refused, `Timeout.${typeof key === 'symbol' ? '[Symbol.toPrimitive]' : key} is not supported by the simulator`);
    Object.defineProperty(timeoutProto, key, { value: refused });
  }
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
    const handle = Object.create(timeoutProto) as object;
    const at = host.callLoc();
    const shown = delay === undefined ? 0 : Number(delay) === after ? after : host.describeValue(delay);
    const name = `the ${shown} ms ${kind === 'setInterval' ? 'interval' : 'timer'}${at ? ` set at ${at.start.line}:${at.start.column}` : ''}`;
    const timer: Timer = { id: host.nextId(), label, loc, callback, args, repeat: kind === 'setInterval' ? after : null, start: 0, list: null, handle, name };
    timerOf.set(handle, timer);
    host.timersCreated++;
    insertTimer(timer, after, host.clock.read());
    armed(timer, after);
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

  /** An interval's callback is running: its next start, read before the call, is held until it re-arms. */
  let intervalStart = false;

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
      if (ranAtLeastOneTimer) drainBetween();
      else ranAtLeastOneTimer = true;
      if (list.timers[0] !== timer) continue; // cleared by a microtask just now
      list.timers.shift();
      timer.list = null;
      if (!timer.callback) continue;
      let start = 0;
      if (timer.repeat) start = host.clock.read();
      intervalStart = timer.repeat !== null;
      host.aboutToRun(timer.name);
      const late = now - (timer.start + msecs);
      host.step('timer-fired', `Timer due at ${timer.start + msecs} ms fires${late > 1 ? ` ${late} ms late (the loop was busy until ${now} ms)` : ''}: runs ${timer.label}`, timer.loc, { jobId: timer.id, queue: 'timers' });
      const cb = timer.callback;
      try {
        host.atJob(timer.loc, () => host.runMacrotaskCallback(cb, timer.handle, timer.args));
      } finally {
        intervalStart = false;
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
      if (ranAtLeastOneList) drainBetween();
      else ranAtLeastOneList = true;
      listOnTimeout(list, now);
    }
    drainFinal();
  };

  // When may a timer armed during the timers phase still run in it, before the check phase?
  // Node's RunTimers re-arms its libuv timer from processTimers' result at no less than the loop time
  // plus 1 ms, so a timer armed by a timer callback itself waits for the next turn (measured: 30 of 30
  // runs put a setImmediate from the same callback first, also with 3 ms of busy work). The ticks and
  // microtasks of the phase's last callback run after that (InternalCallbackScope), and a setTimeout
  // there re-arms the libuv timer itself: if a later getLibuvNow() in the same drain finds it due,
  // libuv runs it in this phase (modelled exactly below). A timer armed in the microtasks drained
  // between two due timers may also run in this phase if the clock passes its due time within that
  // drain (3 of 30 runs with 3 ms of busy work there, never without): a race, flagged, not simulated.
  let inPhase = false;
  let drainKind: 'none' | 'between' | 'final' = 'none';
  let armedNow: Timer[] = [];
  /** libuv's view of Node's timer handle during the final drain: when it is due, and Node's nextExpiry. */
  let handleDue = Infinity;
  let nextExpiry = Infinity;
  let rerun = false;

  function armed(timer: Timer, msecs: number): void {
    if (!inPhase || drainKind === 'none') return;
    armedNow.push(timer);
    if (drainKind === 'final') {
      const expiry = timer.start + Math.trunc(msecs);
      if (nextExpiry > expiry) {
        handleDue = expiry; // scheduleTimer(msecs) from insert(): uv_timer_start at the loop time just read
        nextExpiry = expiry;
      }
    }
  }

  function drainBetween(): void {
    drainKind = 'between';
    armedNow = [];
    host.drain();
    drainKind = 'none';
    for (const t of armedNow) {
      if (t.list && t.callback && t.start + t.list.msecs <= host.clock.now()) {
        const immediate = host.firstInQueue('check');
        if (immediate) host.addRace(`${t.name} and ${immediate}: the timer was armed in the microtasks between two due timers, and if a millisecond passes before the next one runs, libuv may run it before the check phase`);
      }
    }
  }

  function drainFinal(): void {
    const ret = peekList()?.expiry ?? Infinity;
    nextExpiry = ret;
    handleDue = ret === Infinity ? Infinity : Math.max(ret, host.clock.loopTime + 1);
    drainKind = 'final';
    armedNow = [];
    host.drain();
    drainKind = 'none';
    rerun = handleDue <= host.clock.loopTime;
  }

  host.definePhase('timers', () => {
    const now = host.clock.read(); // uv__update_time, then GetNow() in RunTimers
    if (minExpiry() > now) return;
    host.enterPhase('timers', `Event loop: timers phase at ${now} ms, runs every timer that is due`);
    inPhase = true;
    try {
      processTimers(now);
      // uv__run_timers runs Node's timer handle again while it is due against the loop time.
      while (rerun && minExpiry() <= host.clock.loopTime) {
        rerun = false;
        processTimers(host.clock.read());
      }
    } finally {
      inPhase = false;
      rerun = false;
    }
  });
  host.addSource({
    alive: () => listQueue.length > 0,
    // A list emptied by the timer now running still has its old expiry, but it is recomputed from the
    // next timer's start before any use (listOnTimeout), so only lists holding timers count. Timers
    // already due at `now` compare as due with any later reading, ticked or not.
    holdsTime: (now: number) => intervalStart || listQueue.some((l) => l.timers.length > 0 && (l.expiry > now || l.timers.some((t) => t.start + l.msecs > now))),
    wakeAt: minExpiry,
    pending: () => {
      const list = peekList();
      return list?.timers[0]?.name ?? null;
    },
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
