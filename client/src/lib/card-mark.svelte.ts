// Which card's console.log is marked in the snippet while a player orders the cards. Each hand card
// carries the place of the call that printed it (a place in the source, never in the order), so a
// tap on a card shows where it comes from; a new round starts with nothing marked. One tap on a
// touch screen arrives as two clicks (the drag library's synthetic one after its touchend, then
// the browser's own), so clicks on the same card closer together than a tap can repeat count once.
import type { HandCard } from '../../../shared/protocol.ts';

/** Two clicks on one card closer than this (ms) are one tap. */
export const TAP_REPEAT_MS = 400;

/** The card whose console.log is marked, per round. */
export class CardMark {
  #mark = $state<{ round: number; card: HandCard } | null>(null);
  #lastTap: { id: string; at: number } | null = null;

  /** The card marked in this round, if any. */
  card(round: number | undefined): HandCard | null {
    return this.#mark && this.#mark.round === round ? this.#mark.card : null;
  }

  /** Marks a card, or unmarks it when it is the one already marked. */
  toggle(round: number, card: HandCard): void {
    this.#mark = this.card(round)?.id === card.id ? null : { round, card };
  }

  /**
   * A tap (click) on a card at time `at` (ms, e.g. `event.timeStamp`): toggles its mark, unless it
   * repeats a click on the same card within TAP_REPEAT_MS. Returns true when the mark changed.
   */
  tap(round: number, card: HandCard, at: number): boolean {
    const last = this.#lastTap;
    // Either order and either sign: the browser's click carries the touch's earlier time stamp
    // but arrives after the library's synthetic one.
    if (last && last.id === card.id && Math.abs(at - last.at) < TAP_REPEAT_MS) return false;
    this.#lastTap = { id: card.id, at };
    this.toggle(round, card);
    return true;
  }

  /** The snippet lines to mark for this round (1-based, inclusive), or null. */
  lines(round: number | undefined): { from: number; to: number } | null {
    const card = this.card(round);
    if (!card || card.loc.start.line < 1) return null;
    return { from: card.loc.start.line, to: card.loc.end.line };
  }
}
