// Dealing and scoring one round, shared by the room machine and the practice machine: random card ids,
// a private shuffle per player, the check that an answer is a permutation of the hand, and the result
// a player sees at the reveal. Pure apart from the injected randomness.
import type { Difficulty, HandCard, RevealedCard, RoundResult } from '../shared/protocol.ts';
import { scoreRound } from '../shared/scoring.ts';
import type { DeckEntry } from './deck.ts';
import type { Deps } from './deps.ts';

/** A card of the current round in true order, under its random id. */
export type RoundCard = RevealedCard;

/** Seconds per round by difficulty, used when the host leaves the time to the server. */
export const SECONDS_BY_DIFFICULTY: Record<Difficulty, number> = { 1: 30, 2: 45, 3: 60, 4: 90 };

/** The time limit of a round: the host's choice, or the table above plus a little per extra card. */
export function roundSeconds(entry: DeckEntry, secondsPerRound: number | null): number {
  if (secondsPerRound !== null) return secondsPerRound;
  return SECONDS_BY_DIFFICULTY[entry.snippet.difficulty] + 3 * Math.max(0, entry.cards.length - 5);
}

/** The cards of a round in true order, each under a fresh random id (unique within the round). */
export function dealCards(entry: DeckEntry, deps: Deps): RoundCard[] {
  const ids = new Set<string>();
  return entry.cards.map((card) => {
    let id = deps.randomId(6);
    while (ids.has(id)) id = deps.randomId(6);
    ids.add(id);
    return { id, text: card.text, loc: card.loc };
  });
}

/** Fisher-Yates shuffle of a copy, with the injected randomness. */
export function shuffle<T>(items: readonly T[], deps: Deps): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = deps.randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * A player's hand: the round's card ids in a random order. The shuffle is uniform, except that from
 * four cards on a hand equal to the true order is shuffled again (once): a player should not be handed
 * the answer. Below four cards that rule would leak the answer itself (with two cards every hand would
 * be the reverse of the truth), so small hands stay uniform.
 */
export function dealHand(cards: readonly RoundCard[], deps: Deps): string[] {
  const ids = cards.map((c) => c.id);
  let hand = shuffle(ids, deps);
  if (ids.length >= 4 && hand.every((id, i) => id === ids[i])) hand = shuffle(ids, deps);
  return hand;
}

/** The hand as the player holds it: ids with texts, in the player's shuffled order. */
export function handCards(hand: readonly string[], cards: readonly RoundCard[]): HandCard[] {
  const byId = new Map(cards.map((c) => [c.id, c]));
  return hand.map((id) => {
    const card = byId.get(id)!;
    return { id, text: card.text, loc: card.loc };
  });
}

/** True when `order` holds each of the round's card ids exactly once. */
export function isPermutation(order: readonly string[], cards: readonly RoundCard[]): boolean {
  if (order.length !== cards.length) return false;
  const ids = new Set(cards.map((c) => c.id));
  const seen = new Set<string>();
  for (const id of order) {
    if (!ids.has(id) || seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}

/** A recorded answer: the order of card ids and how long it took (pauses excluded). */
export interface Answer {
  order: string[];
  ms: number;
}

/** Scores one player's answer (or absence of one) for a round. */
export function scoreAnswer(
  cards: readonly RoundCard[],
  answer: Answer | undefined,
  limitMs: number,
  speedBonus: boolean,
  previousStreak: number,
): RoundResult {
  const byId = new Map(cards.map((c) => [c.id, c.text]));
  const seconds = answer ? answer.ms / 1000 : null;
  const score = scoreRound({
    trueTexts: cards.map((c) => c.text),
    submittedTexts: answer ? answer.order.map((id) => byId.get(id)!) : null,
    seconds,
    limitSeconds: limitMs / 1000,
    speedBonus,
    previousStreak,
  });
  const place = score.placement;
  return {
    submitted: answer ? [...answer.order] : null,
    correct: place ? place.correct : [],
    inOrder: place ? place.inOrder : [],
    cardsRight: place ? place.cardsRight : 0,
    cardsInOrder: place ? place.inOrderCount : 0,
    fullyRight: place ? place.fullyRight : false,
    points: score.points,
    streak: score.streak,
    streakBonus: score.streakBonus,
    seconds,
  };
}

/**
 * Picks `count` entries for a game at random (no repeats) and deals them from easiest to hardest, so
 * a class warms up before the tricky ones.
 */
export function pickRounds(candidates: readonly DeckEntry[], count: number, deps: Deps): DeckEntry[] {
  const picked = shuffle(candidates, deps).slice(0, Math.min(count, candidates.length));
  return picked
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => a.entry.snippet.difficulty - b.entry.snippet.difficulty || a.i - b.i)
    .map((x) => x.entry);
}
