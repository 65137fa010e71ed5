// Marking the console.log of a tapped card while the player orders the hand.
import { describe, expect, it } from 'vitest';
import { CardMark, TAP_REPEAT_MS } from '../../client/src/lib/card-mark.svelte.ts';
import { TRUE_ORDER } from './fixtures.ts';

const [a, e] = [TRUE_ORDER[0]!, TRUE_ORDER[1]!];

describe('CardMark', () => {
  it('marks the lines of the tapped card and unmarks it on a second tap', () => {
    const mark = new CardMark();
    expect(mark.lines(1)).toBeNull();
    mark.toggle(1, e);
    expect(mark.card(1)?.id).toBe(e.id);
    expect(mark.lines(1)).toEqual({ from: e.loc.start.line, to: e.loc.end.line });
    mark.toggle(1, a);
    expect(mark.lines(1)).toEqual({ from: a.loc.start.line, to: a.loc.end.line });
    mark.toggle(1, a);
    expect(mark.card(1)).toBeNull();
  });

  it('counts the two clicks of one touch tap once, and a later tap again', () => {
    const mark = new CardMark();
    // The drag library's synthetic click, then the browser's own 20 ms later: one tap, marked.
    expect(mark.tap(1, e, 1000)).toBe(true);
    expect(mark.tap(1, e, 1020)).toBe(false);
    expect(mark.card(1)?.id).toBe(e.id);
    // A second tap a moment later unmarks it.
    expect(mark.tap(1, e, 1000 + TAP_REPEAT_MS + 50)).toBe(true);
    expect(mark.card(1)).toBeNull();
    // Chromium's order: the synthetic click first (stamped at touchend), then the browser's,
    // stamped earlier (at the touch): still one tap.
    expect(mark.tap(1, e, 5000)).toBe(true);
    expect(mark.tap(1, e, 4987)).toBe(false);
    expect(mark.card(1)?.id).toBe(e.id);
    expect(mark.tap(1, e, 5000 + TAP_REPEAT_MS + 50)).toBe(true);
    expect(mark.card(1)).toBeNull();
    // Another card right after is its own tap.
    expect(mark.tap(1, a, 1000 + TAP_REPEAT_MS + 60)).toBe(true);
    expect(mark.card(1)?.id).toBe(a.id);
  });

  it('forgets the mark when the round changes', () => {
    const mark = new CardMark();
    mark.toggle(1, a);
    expect(mark.card(2)).toBeNull();
    expect(mark.lines(2)).toBeNull();
  });
});
