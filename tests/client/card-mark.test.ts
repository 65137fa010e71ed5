// Marking the console.log of a tapped card while the player orders the hand.
import { describe, expect, it } from 'vitest';
import { CardMark } from '../../client/src/lib/card-mark.svelte.ts';
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

  it('forgets the mark when the round changes', () => {
    const mark = new CardMark();
    mark.toggle(1, a);
    expect(mark.card(2)).toBeNull();
    expect(mark.lines(2)).toBeNull();
  });
});
