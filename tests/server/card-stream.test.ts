// A card printed by console.error/console.warn says so from the engine to the phone: the deck entry's
// cards carry the engine's stream, the dealt round cards and every player's hand keep it (only for
// stderr, so a stdout card stays as small as before), and the hand still holds no hint of the order.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../shared/engine/index.ts';
import { buildDeck } from '../../server/deck.ts';
import { dealCards, dealHand, handCards } from '../../server/round.ts';
import { testDeps } from './helpers.ts';

const source = [
  "setTimeout(() => console.warn('timeout warns'), 0);",
  "Promise.resolve().then(() => console.error('promise fails'));",
  "console.log('sync logs');",
].join('\n');

describe('card streams', () => {
  it('keeps stderr on the dealt cards and in each hand', () => {
    const [entry] = buildDeck([{ id: 'streams', title: 'streams', difficulty: 2, topics: ['promises'], explanation: 'x', file: 'streams.js', source }], simulate, () => {});
    expect(entry.cards.map((c) => [c.text, c.stream])).toEqual([
      ['sync logs', 'stdout'],
      ['promise fails', 'stderr'],
      ['timeout warns', 'stderr'],
    ]);
    const deps = testDeps(7);
    const cards = dealCards(entry, deps);
    expect(cards.map((c) => [c.text, c.stream])).toEqual([
      ['sync logs', undefined],
      ['promise fails', 'stderr'],
      ['timeout warns', 'stderr'],
    ]);
    const hand = handCards(dealHand(cards, deps), cards);
    const byText = new Map(hand.map((c) => [c.text, c]));
    expect(byText.get('promise fails')!.stream).toBe('stderr');
    expect(byText.get('timeout warns')!.stream).toBe('stderr');
    expect('stream' in byText.get('sync logs')!).toBe(false);
  });
});
