// Scoring by hand-worked examples: each expected number below is worked out in the comment beside it
// from the formula in shared/scoring.ts, not computed by the code under test.
import { describe, expect, it } from 'vitest';
import {
  longestIncreasingSubsequence,
  placement,
  rankStandings,
  scoreRound,
  speedFactor,
  streakBonus,
} from '../../shared/scoring.ts';

const TRUE = ['A', 'B', 'C', 'D', 'E'];

describe('placement', () => {
  it('one swapped pair: 3 cards in place, 4 in order', () => {
    // submitted A C B D E -> true indices 0 2 1 3 4; longest increasing run 0 1 3 4 (or 0 2 3 4) = 4
    const p = placement(TRUE, ['A', 'C', 'B', 'D', 'E']);
    expect(p.correct).toEqual([true, false, false, true, true]);
    expect(p.cardsRight).toBe(3);
    expect(p.inOrderCount).toBe(4);
    expect(p.inOrder.filter(Boolean)).toHaveLength(4);
    expect(p.accuracy).toBe(3 / 4); // (4 - 1) / (5 - 1)
    expect(p.fullyRight).toBe(false);
  });

  it('a reversed order is worth nothing, even though the middle card is in place', () => {
    const p = placement(TRUE, ['E', 'D', 'C', 'B', 'A']);
    expect(p.correct).toEqual([false, false, true, false, false]);
    expect(p.inOrderCount).toBe(1);
    expect(p.accuracy).toBe(0);
  });

  it('one card moved from the end to the front: nothing in place but 4 of 5 in order', () => {
    // E A B C D: positions all wrong, but moving E back fixes it -> inOrder 4
    const p = placement(TRUE, ['E', 'A', 'B', 'C', 'D']);
    expect(p.cardsRight).toBe(0);
    expect(p.inOrderCount).toBe(4);
    expect(p.inOrder).toEqual([false, true, true, true, true]);
  });

  it('the perfect order', () => {
    const p = placement(TRUE, TRUE);
    expect(p).toMatchObject({ cardsRight: 5, inOrderCount: 5, accuracy: 1, fullyRight: true });
  });

  it('identical lines are interchangeable', () => {
    // true: tick tock tick; submitted tick tick tock -> indices 0 2 1 -> inOrder 2 -> accuracy 1/2
    const p = placement(['tick', 'tock', 'tick'], ['tick', 'tick', 'tock']);
    expect(p.correct).toEqual([true, false, false]);
    expect(p.inOrderCount).toBe(2);
    expect(p.accuracy).toBe(0.5);
    expect(placement(['x', 'a', 'x'], ['x', 'a', 'x']).fullyRight).toBe(true);
  });

  it('a single card is always right; a length mismatch or foreign card throws', () => {
    expect(placement(['only'], ['only']).accuracy).toBe(1);
    expect(() => placement(['a', 'b'], ['a'])).toThrow(RangeError);
    expect(() => placement(['a', 'b'], ['a', 'z'])).toThrow(/not in the true order/);
    expect(() => placement(['a', 'b'], ['a', 'a'])).toThrow(RangeError);
  });
});

describe('longestIncreasingSubsequence', () => {
  it('finds one longest run', () => {
    // 3 1 4 1 5 9 2 6 -> longest strictly increasing has length 4 (e.g. 1 4 5 9 / 1 4 5 6)
    const members = longestIncreasingSubsequence([3, 1, 4, 1, 5, 9, 2, 6]);
    expect(members.size).toBe(4);
    const picked = [...members].sort((a, b) => a - b).map((i) => [3, 1, 4, 1, 5, 9, 2, 6][i]);
    for (let i = 1; i < picked.length; i++) expect(picked[i]).toBeGreaterThan(picked[i - 1]);
    expect(longestIncreasingSubsequence([]).size).toBe(0);
  });
});

describe('speed factor and streak bonus', () => {
  it('falls linearly from 1 to one half, never below', () => {
    expect(speedFactor(0, 40)).toBe(1);
    expect(speedFactor(10, 40)).toBe(0.875); // 1 - 0.5 * 10/40
    expect(speedFactor(20, 40)).toBe(0.75);
    expect(speedFactor(40, 40)).toBe(0.5);
    expect(speedFactor(99, 40)).toBe(0.5);
    expect(speedFactor(-3, 40)).toBe(1);
  });

  it('grows by 100 per consecutive fully right round after the first, capped at 500', () => {
    expect([0, 1, 2, 3, 6, 7, 20].map(streakBonus)).toEqual([0, 0, 100, 200, 500, 500, 500]);
  });
});

describe('scoreRound', () => {
  it('one swap answered in 10 s of 40 with the speed bonus: round(750 * 0.875) = 656', () => {
    const s = scoreRound({ trueTexts: TRUE, submittedTexts: ['A', 'C', 'B', 'D', 'E'], seconds: 10, limitSeconds: 40, speedBonus: true, previousStreak: 3 });
    expect(s.base).toBe(750);
    expect(s.speedFactor).toBe(0.875);
    expect(s.streak).toBe(0); // not fully right: the streak breaks
    expect(s.points).toBe(656);
  });

  it('a third fully right round in a row without speed bonus: 1000 + 200', () => {
    const s = scoreRound({ trueTexts: TRUE, submittedTexts: TRUE, seconds: 39, limitSeconds: 40, speedBonus: false, previousStreak: 2 });
    expect(s).toMatchObject({ base: 1000, speedFactor: 1, streak: 3, streakBonus: 200, points: 1200 });
  });

  it('a fully right last-second answer with the speed bonus keeps half: 500 (+0 streak)', () => {
    const s = scoreRound({ trueTexts: TRUE, submittedTexts: TRUE, seconds: 40, limitSeconds: 40, speedBonus: true, previousStreak: 0 });
    expect(s.points).toBe(500);
    expect(s.streak).toBe(1);
  });

  it('no answer: zero points and the streak breaks', () => {
    const s = scoreRound({ trueTexts: TRUE, submittedTexts: null, seconds: null, limitSeconds: 40, speedBonus: true, previousStreak: 4 });
    expect(s).toMatchObject({ placement: null, points: 0, streak: 0 });
  });

  it('three cards, last two swapped: (2-1)/(3-1) = 0.5 -> 500', () => {
    const s = scoreRound({ trueTexts: ['x', 'y', 'z'], submittedTexts: ['x', 'z', 'y'], seconds: 5, limitSeconds: 30, speedBonus: false, previousStreak: 0 });
    expect(s.points).toBe(500);
  });
});

describe('rankStandings', () => {
  it('orders by score, then by total seconds; exact ties share a rank', () => {
    const ranked = rankStandings([
      { playerId: 'a', nickname: 'Ada', score: 900, totalSeconds: 30 },
      { playerId: 'b', nickname: 'Bob', score: 1200, totalSeconds: 50 },
      { playerId: 'c', nickname: 'Cy', score: 900, totalSeconds: 20 },
      { playerId: 'd', nickname: 'Dee', score: 900, totalSeconds: 30 },
      { playerId: 'e', nickname: 'Eve', score: 0, totalSeconds: 0 },
    ]);
    expect(ranked.map((r) => [r.nickname, r.rank])).toEqual([
      ['Bob', 1],
      ['Cy', 2],
      ['Ada', 3],
      ['Dee', 3],
      ['Eve', 5],
    ]);
  });
});
