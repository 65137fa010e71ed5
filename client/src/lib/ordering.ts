// Pure logic of a hand of cards: moving a card, and judging a submitted order against the
// revealed true order (which card went where, and where it belonged). Used by the phone's card
// list, the practice screen and the replay's console marks.
import type { HandCard, RevealedCard, RoundResult } from '../../../shared/protocol.ts';

/** A copy of `items` with the item at `from` moved to index `to` (both clamped to the list). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = items.slice();
  if (from < 0 || from >= copy.length) return copy;
  const target = Math.max(0, Math.min(copy.length - 1, to));
  const [item] = copy.splice(from, 1);
  copy.splice(target, 0, item as T);
  return copy;
}

/** How one card of the player's answer fared, in the order the player submitted it. */
export interface CardVerdict {
  cardId: string;
  text: string;
  /** Where the player put the card (0-based), or null if the player did not answer. */
  placedAt: number | null;
  /** Where the card really belongs (0-based). */
  belongsAt: number;
  /** In its exact true position. */
  right: boolean;
  /** Part of the longest run of cards in the right relative order (what partial credit counts). */
  inOrder: boolean;
  /** The console call that printed it (known only after the reveal). */
  loc: RevealedCard['loc'];
}

/** The parts of a round result that judging needs. */
export type Judged = Pick<RoundResult, 'submitted' | 'correct' | 'inOrder'>;

/** How a card is shown: in its place, in the right order but shifted, or out of order. */
export function verdictKind(v: Pick<CardVerdict, 'right' | 'inOrder'>): 'right' | 'in-order' | 'wrong' {
  return v.right ? 'right' : v.inOrder ? 'in-order' : 'wrong';
}

/**
 * Judges a submitted order card by card. The server's `correct` and `inOrder` flags are the
 * authority (it scores duplicate lines and edge cases); the true position comes from the card id.
 * Without an answer the verdicts follow the true order, all wrong.
 */
export function judgeCards(trueOrder: readonly RevealedCard[], result: Judged | null): CardVerdict[] {
  const truePos = new Map(trueOrder.map((card, i) => [card.id, i]));
  const byId = new Map(trueOrder.map((card) => [card.id, card]));
  const submitted = result?.submitted;
  if (!submitted) {
    return trueOrder.map((card, i) => ({ cardId: card.id, text: card.text, placedAt: null, belongsAt: i, right: false, inOrder: false, loc: card.loc }));
  }
  return submitted.map((id, i) => {
    const card = byId.get(id);
    const belongsAt = truePos.get(id) ?? -1;
    const right = result.correct[i] ?? belongsAt === i;
    return {
      cardId: id,
      text: card?.text ?? '?',
      placedAt: i,
      belongsAt,
      right,
      inOrder: result.inOrder?.[i] ?? right,
      loc: card?.loc ?? { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } },
    };
  });
}

/**
 * For each line of the true output (by index), where the player had put it: the replay marks
 * each console line as it prints. Null entries mean the player did not answer.
 */
export function placementsByTrueIndex(trueOrder: readonly RevealedCard[], result: Judged | null): Placement[] {
  const verdicts = judgeCards(trueOrder, result);
  const byId = new Map(verdicts.map((v) => [v.cardId, v]));
  return trueOrder.map((card) => {
    const v = byId.get(card.id);
    return { placedAt: v?.placedAt ?? null, right: v?.right ?? false, inOrder: v?.inOrder ?? false };
  });
}

/** Where the player had put one line of the true output. */
export interface Placement {
  placedAt: number | null;
  right: boolean;
  inOrder: boolean;
}

/** The ids of a hand, in the order shown. */
export function orderOf(cards: readonly HandCard[]): string[] {
  return cards.map((c) => c.id);
}

/** Ordinal for people: 0 -> "1st", 1 -> "2nd". */
export function ordinal(index: number): string {
  const n = index + 1;
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
