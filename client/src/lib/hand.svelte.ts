// The cards a player is ordering, as reactive state: drag and drop replaces the whole list, the
// up/down buttons move one card, and every move leaves a sentence for the screen-reader live region.
import type { HandCard } from '../../../shared/protocol.ts';
import { moveItem, orderOf } from './ordering.ts';

/** A hand of cards being put in order. */
export class Hand {
  #cards = $state<HandCard[]>([]);
  #announcement = $state('');
  #dealtIds = '';

  constructor(cards: readonly HandCard[] = []) {
    this.deal(cards);
  }

  get cards(): HandCard[] {
    return this.#cards;
  }

  /** The order to submit: card ids top to bottom. */
  get order(): string[] {
    return orderOf(this.#cards);
  }

  /** The latest move described for people using a screen reader. */
  get announcement(): string {
    return this.#announcement;
  }

  /**
   * Takes a newly dealt hand. Dealing the same cards again (a fresh view of the same round) keeps
   * the player's current arrangement, so a server update never undoes their work.
   */
  deal(cards: readonly HandCard[], preferredOrder?: readonly string[] | null): void {
    const ids = cards.map((c) => c.id).sort().join('\n');
    if (ids === this.#dealtIds && this.#cards.length === cards.length) return;
    this.#dealtIds = ids;
    let next = cards.slice();
    if (preferredOrder && preferredOrder.length === cards.length) {
      const byId = new Map(cards.map((c) => [c.id, c]));
      const arranged = preferredOrder.map((id) => byId.get(id)).filter((c): c is HandCard => !!c);
      if (arranged.length === cards.length) next = arranged;
    }
    this.#cards = next;
    this.#announcement = '';
  }

  /** Replaces the list (drag and drop hands back the whole new order, possibly with a shadow item). */
  setCards(cards: HandCard[]): void {
    this.#cards = cards;
  }

  /** Moves a card one place up (towards the first line printed). Returns its new index. */
  moveUp(id: string): number {
    return this.moveTo(id, this.indexOf(id) - 1);
  }

  /** Moves a card one place down. Returns its new index. */
  moveDown(id: string): number {
    return this.moveTo(id, this.indexOf(id) + 1);
  }

  /** Moves a card to a position (clamped). Returns its new index, or -1 for an unknown card. */
  moveTo(id: string, to: number): number {
    const from = this.indexOf(id);
    if (from === -1) return -1;
    const target = Math.max(0, Math.min(this.#cards.length - 1, to));
    const card = this.#cards[from] as HandCard;
    if (target !== from) this.#cards = moveItem(this.#cards, from, target);
    this.#announcement = `"${card.text}" is now line ${target + 1} of ${this.#cards.length}.`;
    return target;
  }

  /** Records that a drag finished, for the live region. */
  dropped(id: string): void {
    const at = this.indexOf(id);
    const card = this.#cards[at];
    if (card) this.#announcement = `"${card.text}" dropped at line ${at + 1} of ${this.#cards.length}.`;
  }

  indexOf(id: string): number {
    return this.#cards.findIndex((c) => c.id === id);
  }
}
