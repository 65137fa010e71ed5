// Which card's console.log is marked in the snippet while a player orders the cards. Each hand card
// carries the place of the call that printed it (a place in the source, never in the order), so a
// tap on a card shows where it comes from; a new round starts with nothing marked.
import type { HandCard } from '../../../shared/protocol.ts';

export class CardMark {
  #mark = $state<{ round: number; card: HandCard } | null>(null);

  /** The card marked in this round, if any. */
  card(round: number | undefined): HandCard | null {
    return this.#mark && this.#mark.round === round ? this.#mark.card : null;
  }

  /** Marks a card, or unmarks it when it is the one already marked. */
  toggle(round: number, card: HandCard): void {
    this.#mark = this.card(round)?.id === card.id ? null : { round, card };
  }

  /** The snippet lines to mark for this round (1-based, inclusive), or null. */
  lines(round: number | undefined): { from: number; to: number } | null {
    const card = this.card(round);
    if (!card || card.loc.start.line < 1) return null;
    return { from: card.loc.start.line, to: card.loc.end.line };
  }
}
