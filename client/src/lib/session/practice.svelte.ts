// Solo practice: start a run with chosen difficulties and topics, answer timed rounds (the hand is
// sent by itself when time runs out), see the replay and explanation after each, and keep the
// personal best in the browser.
import type { PracticeSettings, PracticeView } from '../../../../shared/protocol.ts';
import type { Connection } from '../connection.svelte.ts';
import { clockOffset } from '../clock.ts';
import { Hand } from '../hand.svelte.ts';
import { practiceBest, type PracticeBest } from '../storage.ts';

export type PracticeStage = 'setup' | 'playing';

/** A practice run. */
export class PracticeSession {
  readonly hand = new Hand();
  #conn: Connection;
  #token: string | null = null;
  #view = $state<PracticeView | null>(null);
  #stage = $state<PracticeStage>('setup');
  #error = $state<string | null>(null);
  #busy = $state(false);
  #offset = $state(0);
  #best = $state<PracticeBest | null>(practiceBest.get());
  #newBest = $state(false);
  #deadline: ReturnType<typeof setTimeout> | null = null;
  /** Cards in the right relative order, per round of this run (the summary only counts exact places). */
  #inOrder = $state<Record<number, number>>({});

  constructor(conn: Connection) {
    this.#conn = conn;
  }

  get view(): PracticeView | null {
    return this.#view;
  }
  get stage(): PracticeStage {
    return this.#stage;
  }
  get error(): string | null {
    return this.#error;
  }
  get busy(): boolean {
    return this.#busy;
  }
  get clockOffset(): number {
    return this.#offset;
  }
  get connectionLost(): boolean {
    return this.#conn.lost;
  }
  /** The personal best before (or including) this run. */
  get best(): PracticeBest | null {
    return this.#best;
  }
  /** Cards placed in the right relative order over the run so far. */
  get cardsInOrder(): number {
    return Object.values(this.#inOrder).reduce((sum, n) => sum + n, 0);
  }

  /** True when the run just finished beat the personal best. */
  get newBest(): boolean {
    return this.#newBest;
  }

  /** Starts a run. */
  async begin(settings: Partial<PracticeSettings>): Promise<boolean> {
    this.#busy = true;
    this.#error = null;
    this.#newBest = false;
    const reply = await this.#conn.request('practice:start', settings);
    this.#busy = false;
    if (!reply.ok) return this.#fail(reply.message);
    this.#token = reply.token;
    this.#inOrder = {};
    this.#stage = 'playing';
    this.#receive(reply.view);
    return true;
  }

  /** Sends the current order of the hand. */
  async answer(): Promise<boolean> {
    if (!this.#token || this.#view?.phase !== 'answering' || this.#busy) return false;
    this.#clearDeadline();
    this.#busy = true;
    this.#error = null;
    const reply = await this.#conn.request('practice:answer', { token: this.#token, order: this.hand.order });
    this.#busy = false;
    if (!reply.ok) return this.#fail(reply.message);
    this.#receive(reply.view);
    return true;
  }

  /** Deals the next round (or the summary after the last). */
  async next(): Promise<boolean> {
    if (!this.#token || this.#busy) return false;
    this.#busy = true;
    this.#error = null;
    const reply = await this.#conn.request('practice:next', { token: this.#token });
    this.#busy = false;
    if (!reply.ok) return this.#fail(reply.message);
    this.#receive(reply.view);
    return true;
  }

  /** Back to the settings (abandons a run in progress). */
  reset(): void {
    this.#clearDeadline();
    this.#token = null;
    this.#view = null;
    this.#stage = 'setup';
    this.#newBest = false;
  }

  /** Stops the deadline timer; returns nothing to clean up beyond that. */
  dispose(): void {
    this.#clearDeadline();
  }

  #receive(view: PracticeView): void {
    if (view.round) this.#offset = clockOffset(view.round.serverNow);
    this.hand.deal(view.hand);
    this.#view = view;
    this.#clearDeadline();
    if (view.phase === 'answering' && view.round?.endsAt) {
      // When time runs out the hand goes in as it stands, like a bell at the end of a test.
      const ms = view.round.endsAt - (Date.now() + this.#offset);
      this.#deadline = setTimeout(() => void this.answer(), Math.max(0, ms) + 150);
    }
    if (view.phase === 'reveal' && view.reveal && view.round) {
      this.#inOrder = { ...this.#inOrder, [view.round.number]: view.reveal.result.cardsInOrder };
    }
    if (view.phase === 'summary' && view.summary) {
      const { score, fullyRight, rounds } = view.summary;
      this.#newBest = practiceBest.offer({ score, fullyRight, rounds });
      this.#best = practiceBest.get();
    }
  }

  #clearDeadline(): void {
    if (this.#deadline !== null) clearTimeout(this.#deadline);
    this.#deadline = null;
  }

  #fail(message: string): false {
    this.#error = message;
    return false;
  }
}
