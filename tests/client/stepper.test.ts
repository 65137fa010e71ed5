// The replay stepper: stepping, clamping, play/pause on an injected clock, speed, and the end.
import { describe, expect, it } from 'vitest';
import { ReplayStepper, type Scheduler } from '../../client/src/lib/replay/stepper.svelte.ts';
import { TRACE } from './fixtures.ts';

/** A clock the test moves by hand: `advance(ms)` fires what is due, in order. */
function manualClock() {
  let now = 0;
  let seq = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const scheduler: Scheduler = {
    set(fn, ms) {
      const id = ++seq;
      pending.set(id, { at: now + ms, fn });
      return id;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    scheduler,
    pendingCount: () => pending.size,
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
  };
}

describe('ReplayStepper', () => {
  it('starts on the first step and steps forward and back, clamped to the trace', () => {
    const s = new ReplayStepper(TRACE);
    expect(s.index).toBe(0);
    expect(s.count).toBe(12);
    expect(s.step?.kind).toBe('script-start');
    expect(s.atStart).toBe(true);
    s.prev();
    expect(s.index).toBe(0);
    s.next();
    s.next();
    expect(s.index).toBe(2);
    expect(s.step?.kind).toBe('timer-scheduled');
    s.last();
    expect(s.index).toBe(11);
    expect(s.atEnd).toBe(true);
    s.next();
    expect(s.index).toBe(11);
    s.goTo(-5);
    expect(s.index).toBe(0);
    s.goTo(99);
    expect(s.index).toBe(11);
    s.goTo(4.7);
    expect(s.index).toBe(4);
  });

  it('can start on a chosen step', () => {
    expect(new ReplayStepper(TRACE, { start: TRACE.length - 1 }).step?.snapshot.console).toEqual(['A', 'E', 'D', 'C', 'B']);
    expect(new ReplayStepper(TRACE, { start: 1000 }).index).toBe(11);
  });

  it('jumps to the next print step', () => {
    const s = new ReplayStepper(TRACE);
    s.nextOf('print');
    expect(s.index).toBe(1);
    s.nextOf('print');
    expect(s.index).toBe(5);
    expect(s.step?.snapshot.console).toEqual(['A', 'E']);
    s.goTo(11);
    s.nextOf('print');
    expect(s.index).toBe(11);
  });

  it('plays one step per delay and stops at the end', () => {
    const clock = manualClock();
    const s = new ReplayStepper(TRACE, { baseDelayMs: 100, scheduler: clock.scheduler });
    s.play();
    expect(s.playing).toBe(true);
    clock.advance(99);
    expect(s.index).toBe(0);
    clock.advance(1);
    expect(s.index).toBe(1);
    // Step 1 is a print: it lingers 1.5 times the base delay.
    clock.advance(149);
    expect(s.index).toBe(1);
    clock.advance(1);
    expect(s.index).toBe(2);
    clock.advance(100_000);
    expect(s.index).toBe(11);
    expect(s.playing).toBe(false);
    expect(clock.pendingCount()).toBe(0);
  });

  it('pauses, and a paused stepper does not move', () => {
    const clock = manualClock();
    const s = new ReplayStepper(TRACE, { baseDelayMs: 100, scheduler: clock.scheduler });
    s.toggle();
    clock.advance(100);
    expect(s.index).toBe(1);
    s.toggle();
    expect(s.playing).toBe(false);
    clock.advance(10_000);
    expect(s.index).toBe(1);
    expect(clock.pendingCount()).toBe(0);
  });

  it('doubles the pace at speed 2, including the step already on screen', () => {
    const clock = manualClock();
    const s = new ReplayStepper(TRACE, { baseDelayMs: 100, scheduler: clock.scheduler });
    s.play();
    clock.advance(30);
    s.setSpeed(2);
    expect(s.speed).toBe(2);
    expect(s.delayMs).toBe(50);
    clock.advance(49);
    expect(s.index).toBe(0);
    clock.advance(1);
    expect(s.index).toBe(1);
    s.setSpeed(0);
    s.setSpeed(Number.NaN);
    expect(s.speed).toBe(2);
  });

  it('play at the end starts over from the first step', () => {
    const clock = manualClock();
    const s = new ReplayStepper(TRACE, { baseDelayMs: 10, scheduler: clock.scheduler });
    s.last();
    s.play();
    expect(s.index).toBe(0);
    expect(s.playing).toBe(true);
    clock.advance(10);
    expect(s.index).toBe(1);
  });

  it('keeps playing from a step chosen by hand, and stops when sent to the end', () => {
    const clock = manualClock();
    const s = new ReplayStepper(TRACE, { baseDelayMs: 100, scheduler: clock.scheduler });
    s.play();
    clock.advance(50);
    s.goTo(6);
    clock.advance(99);
    expect(s.index).toBe(6);
    clock.advance(1);
    expect(s.index).toBe(7);
    s.last();
    expect(s.playing).toBe(false);
    expect(clock.pendingCount()).toBe(0);
  });

  it('dispose stops the clock', () => {
    const clock = manualClock();
    const s = new ReplayStepper(TRACE, { baseDelayMs: 100, scheduler: clock.scheduler });
    s.play();
    s.dispose();
    expect(clock.pendingCount()).toBe(0);
    clock.advance(1000);
    expect(s.index).toBe(0);
  });

  it('handles an empty trace and a one-step trace', () => {
    const empty = new ReplayStepper([]);
    expect(empty.step).toBeNull();
    expect(empty.index).toBe(0);
    empty.next();
    empty.play();
    expect(empty.playing).toBe(false);
    const one = new ReplayStepper(TRACE.slice(0, 1));
    one.play();
    expect(one.playing).toBe(false);
    expect(one.atStart && one.atEnd).toBe(true);
  });
});

describe('ReplayStepper.showCard', () => {
  it("jumps to the step that printed a card and stops playing", () => {
    const clock = manualClock();
    const s = new ReplayStepper(TRACE, { baseDelayMs: 100, scheduler: clock.scheduler });
    s.play();
    expect(s.showCard(2)).toBe(true);
    expect(s.index).toBe(7);
    expect(s.step?.text).toBe("console.log prints 'D'");
    expect(s.playing).toBe(false);
    expect(clock.pendingCount()).toBe(0);
    expect(s.showCard(0)).toBe(true);
    expect(s.index).toBe(1);
  });

  it('finds a print by the console length when steps carry no card number, and refuses unknown cards', () => {
    const s = new ReplayStepper(TRACE.map(({ card: _card, ...step }) => step));
    expect(s.showCard(4)).toBe(true);
    expect(s.index).toBe(11);
    s.goTo(3);
    expect(s.showCard(9)).toBe(false);
    expect(s.index).toBe(3);
  });
});
