// Pure logic of a hand of cards: moving a card, and joining the server's per-card verdicts (by true
// position) with the revealed cards' texts and source places. Used by the phone's card list, the
// practice screen and the replay's console marks.
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

/** How one card of the player's answer fared, with its text and source place (for the screens). */
export interface CardVerdict {
  cardId: string;
  text: string;
  /** Where the player put the card (0-based), or null if the player did not answer. */
  placedAt: number | null;
  /** Where the card really belongs (0-based): its index in the true order. */
  belongsAt: number;
  /** In its exact true position. */
  right: boolean;
  /** Part of the longest run of cards in the right relative order (what partial credit counts). */
  inOrder: boolean;
  /** The console call that printed it (known only after the reveal). */
  loc: RevealedCard['loc'];
}

/** The part of a round result that judging needs: the server's verdicts, by true position. */
export type Judged = Pick<RoundResult, 'submitted' | 'verdicts'>;

/** How a card is shown: in its place, in the right order but shifted, or out of order. */
export function verdictKind(v: Pick<CardVerdict, 'right' | 'inOrder'>): 'right' | 'in-order' | 'wrong' {
  return v.right ? 'right' : v.inOrder ? 'in-order' : 'wrong';
}

const NOWHERE: RevealedCard['loc'] = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };

/**
 * The server's verdicts (one per card of the true order, by true position) joined with the cards'
 * texts and source places. Nothing is re-derived here: positions and right/in-order flags are the
 * server's. Listed in the player's order when they answered (their answer, card by card), else in
 * the true order.
 */
export function judgeCards(trueOrder: readonly RevealedCard[], result: Judged | null): CardVerdict[] {
  const byId = new Map(trueOrder.map((card) => [card.id, card]));
  const verdicts = (result?.verdicts ?? []).map((v): CardVerdict => {
    const card = byId.get(v.cardId);
    return {
      cardId: v.cardId,
      text: card?.text ?? '?',
      placedAt: v.placedAt,
      belongsAt: v.truePosition,
      right: v.inPlace,
      inOrder: v.inOrder,
      loc: card?.loc ?? NOWHERE,
    };
  });
  if (verdicts.length === 0) {
    return trueOrder.map((card, i) => ({ cardId: card.id, text: card.text, placedAt: null, belongsAt: i, right: false, inOrder: false, loc: card.loc }));
  }
  const answered = !!result?.submitted && verdicts.every((v) => v.placedAt !== null);
  return answered ? verdicts.slice().sort((a, b) => (a.placedAt ?? 0) - (b.placedAt ?? 0)) : verdicts.slice().sort((a, b) => a.belongsAt - b.belongsAt);
}

/**
 * For each line of the true output (by index), where the player had put it: the replay marks
 * each console line as it prints. Null `placedAt` means the player did not answer.
 */
export function placementsByTrueIndex(trueOrder: readonly RevealedCard[], result: Judged | null): Placement[] {
  const byTrue = new Map((result?.verdicts ?? []).map((v) => [v.truePosition, v]));
  return trueOrder.map((_, i) => {
    const v = byTrue.get(i);
    return { placedAt: v?.placedAt ?? null, right: v?.inPlace ?? false, inOrder: v?.inOrder ?? false };
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
