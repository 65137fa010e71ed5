// Card ordering: moving cards (drag results and up/down buttons), keeping a player's arrangement
// across repeated views, and judging an answer against the true order.
import { describe, expect, it } from 'vitest';
import { Hand } from '../../client/src/lib/hand.svelte.ts';
import { judgeCards, moveItem, ordinal, placementsByTrueIndex, verdictKind } from '../../client/src/lib/ordering.ts';
import { ANSWER, NO_ANSWER, TRUE_ORDER } from './fixtures.ts';

// A hand as dealt: the true-order cards (each with the place of its console.log) in a shuffled order.
const dealt = ['cb', 'ca', 'cd', 'ce', 'cc'].map((id) => TRUE_ORDER.find((c) => c.id === id)!);

describe('moveItem', () => {
  it('moves an item and leaves the input untouched', () => {
    const list = ['a', 'b', 'c', 'd'];
    expect(moveItem(list, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(list, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(list, 1, 1)).toEqual(list);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });
  it('clamps the target and ignores an unknown source', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 10)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, -3)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });
});

describe('Hand', () => {
  it('puts a hand in order with the up/down moves alone (the keyboard path)', () => {
    const hand = new Hand(dealt);
    expect(hand.order).toEqual(['cb', 'ca', 'cd', 'ce', 'cc']);
    expect(hand.moveUp('ca')).toBe(0); // A B D E C
    expect(hand.moveDown('cb')).toBe(2); // A D B E C
    hand.moveDown('cb'); // A D E B C
    hand.moveDown('cb'); // A D E C B
    hand.moveUp('ce'); // A E D C B
    expect(hand.order).toEqual(TRUE_ORDER.map((c) => c.id));
    expect(hand.announcement).toBe('"E" is now line 2 of 5.');
  });

  it('does not move past the ends, and says where the card stays', () => {
    const hand = new Hand(dealt);
    expect(hand.moveUp('cb')).toBe(0);
    expect(hand.moveDown('cc')).toBe(4);
    expect(hand.order).toEqual(['cb', 'ca', 'cd', 'ce', 'cc']);
    expect(hand.announcement).toBe('"C" is now line 5 of 5.');
    expect(hand.moveUp('nope')).toBe(-1);
  });

  it('takes a dragged order whole and announces the drop', () => {
    const hand = new Hand(dealt);
    hand.setCards([dealt[1]!, dealt[0]!, dealt[2]!, dealt[3]!, dealt[4]!]);
    hand.dropped('cb');
    expect(hand.order).toEqual(['ca', 'cb', 'cd', 'ce', 'cc']);
    expect(hand.announcement).toBe('"B" dropped at line 2 of 5.');
  });

  it('keeps the arrangement when the same cards are dealt again (a fresh view of the round)', () => {
    const hand = new Hand(dealt);
    hand.moveUp('ca');
    hand.deal([...dealt].reverse());
    expect(hand.order).toEqual(['ca', 'cb', 'cd', 'ce', 'cc']);
  });

  it('starts over for a new round, in a saved order when it fits', () => {
    const hand = new Hand(dealt);
    const next = [
      { id: 'x1', text: '1', loc: TRUE_ORDER[0]!.loc },
      { id: 'x2', text: '2', loc: TRUE_ORDER[1]!.loc },
    ];
    hand.deal(next, ['x2', 'x1']);
    expect(hand.order).toEqual(['x2', 'x1']);
    const third = [
      { id: 'y1', text: '1', loc: TRUE_ORDER[0]!.loc },
      { id: 'y2', text: '2', loc: TRUE_ORDER[1]!.loc },
    ];
    hand.deal(third, ['y2', 'zz']);
    expect(hand.order).toEqual(['y1', 'y2']);
  });
});

describe('judgeCards', () => {
  // The server's verdicts by true position (fixtures.ts): A D E C B against the true A E D C B.
  const answer = ANSWER;

  it('lists the answer in the player order with the server verdict and where each card belongs', () => {
    const verdicts = judgeCards(TRUE_ORDER, answer);
    expect(verdicts.map((v) => [v.text, v.placedAt, v.belongsAt, verdictKind(v)])).toEqual([
      ['A', 0, 0, 'right'],
      ['D', 1, 2, 'wrong'],
      ['E', 2, 1, 'in-order'],
      ['C', 3, 3, 'right'],
      ['B', 4, 4, 'right'],
    ]);
    expect(verdicts[1]!.loc.start.line).toBe(4);
  });

  it('takes right/wrong from the server, never from positions (duplicate lines are scored there)', () => {
    // Two cards with the same text: the server judged the second "C"-like card at its place as not in place.
    const verdicts = judgeCards(TRUE_ORDER, {
      submitted: ['ca', 'ce', 'cd', 'cc', 'cb'],
      verdicts: TRUE_ORDER.map((card, i) => ({ cardId: card.id, truePosition: i, placedAt: i, inPlace: i !== 2, inOrder: i !== 2 })),
    });
    expect(verdicts[2]!.right).toBe(false);
    expect(verdictKind(verdicts[2]!)).toBe('wrong');
  });

  it('without an answer lists the true order, all unplaced', () => {
    const verdicts = judgeCards(TRUE_ORDER, NO_ANSWER);
    expect(verdicts.map((v) => v.text)).toEqual(['A', 'E', 'D', 'C', 'B']);
    expect(verdicts.every((v) => v.placedAt === null && !v.right)).toBe(true);
  });

  it('maps placements onto the true output for the replay console', () => {
    const placements = placementsByTrueIndex(TRUE_ORDER, answer);
    expect(placements).toEqual([
      { placedAt: 0, right: true, inOrder: true },
      { placedAt: 2, right: false, inOrder: true },
      { placedAt: 1, right: false, inOrder: false },
      { placedAt: 3, right: true, inOrder: true },
      { placedAt: 4, right: true, inOrder: true },
    ]);
  });
});

describe('ordinal', () => {
  it('names positions for people', () => {
    expect([0, 1, 2, 3, 10, 11, 12, 20, 21, 100].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st']);
  });
});
