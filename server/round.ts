// One round, for live rooms and solo practice alike (practice is a one-player room): dealing (random
// card ids, a private shuffle per player), recording an answer's time, scoring (the result a player sees,
// with each card's verdict by its true position) and the reveal's class-wide distribution. Pure apart
// from the injected randomness.
import type { CardVerdict, Difficulty, HandCard, RevealedCard, RoundDistribution, RoundResult, WrongOrder } from '../shared/protocol.ts';
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
    return { id, text: card.text, loc: card.loc, ...(card.stream === 'stderr' ? { stream: 'stderr' as const } : {}) };
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
 * A player's hand: the round's card ids in a uniformly random order (Fisher-Yates). The true order is
 * dealt too, with probability 1/n! like any other: filtering it out would make it the one order nobody
 * ever holds, and a class comparing hands (or one student rejoining) would find the answer by elimination.
 */
export function dealHand(cards: readonly RoundCard[], deps: Deps): string[] {
  return shuffle(cards.map((c) => c.id), deps);
}

/** The hand as the player holds it: ids with texts, in the player's shuffled order. */
export function handCards(hand: readonly string[], cards: readonly RoundCard[]): HandCard[] {
  const byId = new Map(cards.map((c) => [c.id, c]));
  return hand.map((id) => {
    const card = byId.get(id)!;
    return { id, text: card.text, loc: card.loc, ...(card.stream === 'stderr' ? { stream: 'stderr' as const } : {}) };
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
    verdicts: cardVerdicts(cards, answer ? answer.order : null, place),
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
 * For each card of the submitted order, the true position it stands for. Cards with the same text are
 * interchangeable (see shared/scoring.ts): the k-th occurrence of a text maps to its k-th true position.
 */
function trueIndexes(cards: readonly RoundCard[], order: readonly string[]): number[] {
  const textOf = new Map(cards.map((c) => [c.id, c.text]));
  const positionsOf = new Map<string, number[]>();
  cards.forEach((c, i) => positionsOf.set(c.text, [...(positionsOf.get(c.text) ?? []), i]));
  const used = new Map<string, number>();
  return order.map((id) => {
    const text = textOf.get(id)!;
    const k = used.get(text) ?? 0;
    used.set(text, k + 1);
    return positionsOf.get(text)![k];
  });
}

/** Each card's verdict by its true position (the one numbering clients use). */
export function cardVerdicts(
  cards: readonly RoundCard[],
  order: readonly string[] | null,
  place: { correct: boolean[]; inOrder: boolean[] } | null,
): CardVerdict[] {
  const verdicts: CardVerdict[] = cards.map((c, i) => ({ cardId: c.id, truePosition: i, placedAt: null, inPlace: false, inOrder: false }));
  if (!order || !place) return verdicts;
  trueIndexes(cards, order).forEach((t, i) => {
    verdicts[t] = { ...verdicts[t], placedAt: i, inPlace: place.correct[i], inOrder: place.inOrder[i] };
  });
  return verdicts;
}

/** How many wrong orders the reveal lists at most. */
export const COMMON_WRONG_ORDERS = 3;

const percent = (count: number, of: number) => (of > 0 ? Math.round((100 * count) / of) : 0);

/**
 * The class-wide picture of a round at the reveal, from the results of every player who held cards
 * (answered or not: every percentage counts "no answer" in its denominator).
 */
export function roundDistribution(cards: readonly RoundCard[], results: readonly RoundResult[]): RoundDistribution {
  const players = results.length;
  const answered = results.filter((r) => r.submitted !== null);
  const right = cards.map(() => 0);
  const inOrder = cards.map(() => 0);
  const wrongOrders = new Map<string, WrongOrder>();
  for (const r of answered) {
    r.verdicts.forEach((v, i) => {
      if (v.inPlace) right[i]++;
      if (v.inOrder) inOrder[i]++;
    });
    if (r.fullyRight) continue;
    // The order as the screen showed it: identical texts count as the same card (by true position).
    const order: string[] = [];
    for (const v of r.verdicts) if (v.placedAt !== null) order[v.placedAt] = v.cardId;
    const key = order.join(',');
    const seen = wrongOrders.get(key);
    if (seen) seen.count++;
    else wrongOrders.set(key, { order, count: 1, percent: 0 });
  }
  const misplaced = cards.map((_, i) => answered.length - inOrder[i]);
  let worst = -1;
  misplaced.forEach((n, i) => {
    if (n > 0 && (worst < 0 || n > misplaced[worst])) worst = i;
  });
  const fullyRight = answered.filter((r) => r.fullyRight).length;
  const seconds = answered.map((r) => r.seconds ?? 0);
  return {
    perCard: cards.map((c, i) => ({
      cardId: c.id,
      right: right[i],
      inOrder: inOrder[i],
      noAnswer: players - answered.length,
      percentRight: percent(right[i], players),
    })),
    players,
    answered: answered.length,
    noAnswer: players - answered.length,
    fullyRight,
    percentFullyRight: percent(fullyRight, players),
    averageSeconds: answered.length ? Math.round((seconds.reduce((a, b) => a + b, 0) * 1000) / answered.length) / 1000 : null,
    // Most chosen first; equal counts keep the order in which they were first seen (deterministic).
    commonWrongOrders: [...wrongOrders.values()]
      .sort((a, b) => b.count - a.count)
      .slice(0, COMMON_WRONG_ORDERS)
      .map((w) => ({ ...w, percent: percent(w.count, players) })),
    mostMisplaced: worst < 0 ? null : { cardId: cards[worst].id, count: misplaced[worst], percent: percent(misplaced[worst], players) },
  };
}

/**
 * The answering time of an answer made now: the time since answering opened, pauses excluded. While
 * paused the clock is frozen at the pause (`pausedRemainingMs`), so the paused time never counts.
 */
export function answerMs(limitMs: number, deadlineAt: number | null, pausedRemainingMs: number | null, now: number): number {
  const left = deadlineAt !== null ? deadlineAt - now : (pausedRemainingMs ?? 0);
  return Math.min(limitMs, Math.max(0, limitMs - Math.max(0, left)));
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
