// Solo practice: start a run with chosen difficulties and topics, answer timed rounds (the hand is
// sent by itself just before time runs out), see the replay and explanation after each, and keep
// the personal best in the browser. The server closes a round at its deadline and pushes the
// reveal as a `practice:view`; the session follows those pushes like a player follows a room.
import type { PracticeSettings, PracticeView } from '../../../../shared/protocol.ts';
import type { Connection } from '../connection.svelte.ts';
import { Hand } from '../hand.svelte.ts';
import { practiceBest, type PracticeBest } from '../storage.ts';
import { Session } from './session.svelte.ts';

export type PracticeStage = 'setup' | 'playing';

/** A practice run. */
export class PracticeSession extends Session<PracticeView, PracticeStage> {
  readonly hand = new Hand();
  #token: string | null = null;
  #best = $state<PracticeBest | null>(practiceBest.get());
  #newBest = $state(false);
  #deadline: ReturnType<typeof setTimeout> | null = null;
  /** The run whose summary was already offered as a personal best (the summary arrives twice: ack and push). */
  #summarised: string | null = null;
  /** Cards in the right relative order, per round of this run (the summary only counts exact places). */
  #inOrder = $state<Record<number, number>>({});

  constructor(conn: Connection) {
    super(conn, 'setup');
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

  /** Follows the views the server pushes (the reveal when time runs out); returns the cleanup. */
  start(): () => void {
    const off = this.conn.on('practice:view', (view) => {
      // Views of an abandoned run (or before the start's answer) are not ours to show.
      if (this.#token && view.id === this.view?.id) this.#receive(view);
    });
    return () => {
      off();
      this.dispose();
    };
  }

  /** Starts a run (`deck`: a deck's practice id from a `/practice?deck=` link). */
  async begin(settings: Partial<PracticeSettings> & { deck?: string }): Promise<boolean> {
    this.#newBest = false;
    const reply = await this.send('practice:start', settings);
    if (!reply.ok) return this.fail(reply.message);
    this.#token = reply.token;
    this.#inOrder = {};
    this.setStage('playing');
    this.#receive(reply.view);
    return true;
  }

  /**
   * Sends the current order of the hand. `byDeadline`: sent by the clock, not the player; if the
   * round closed first, the reveal the server pushes moves the screen on, so that is no error.
   */
  async answer(byDeadline = false): Promise<boolean> {
    if (!this.#token || this.view?.phase !== 'answering' || this.busy) return false;
    this.#clearDeadline();
    const reply = await this.send('practice:answer', { token: this.#token, order: this.hand.order });
    if (!reply.ok) {
      // Closed at its deadline: the reveal the server pushes (see start()) moves the screen on.
      if (reply.code === 'ROUND_CLOSED' && byDeadline) return true;
      return this.fail(reply.message);
    }
    this.#receive(reply.view);
    return true;
  }

  /** Deals the next round (or the summary after the last). */
  async next(): Promise<boolean> {
    if (!this.#token || this.busy) return false;
    const reply = await this.send('practice:next', { token: this.#token });
    if (!reply.ok) return this.fail(reply.message);
    this.#receive(reply.view);
    return true;
  }

  /** Back to the settings (abandons a run in progress). */
  reset(): void {
    this.#clearDeadline();
    this.#token = null;
    this.setView(null);
    this.setStage('setup');
    this.#newBest = false;
  }

  /** Stops the deadline timer; returns nothing to clean up beyond that. */
  dispose(): void {
    this.#clearDeadline();
  }

  #receive(view: PracticeView): void {
    this.hand.deal(view.hand);
    this.showServerView(view);
    this.#clearDeadline();
    if (view.phase === 'answering' && view.round?.endsAt) {
      // Just before time runs out the hand goes in as it stands, like a bell at the end of a test;
      // if the server's deadline wins the race, its pushed reveal takes over.
      const ms = view.round.endsAt - (Date.now() + this.clockOffset);
      this.#deadline = setTimeout(() => void this.answer(true), Math.max(0, ms - 350));
    }
    if (view.phase === 'reveal' && view.reveal && view.round) {
      this.#inOrder = { ...this.#inOrder, [view.round.number]: view.reveal.result.cardsInOrder };
    }
    if (view.phase === 'summary' && view.summary && this.#summarised !== view.id) {
      this.#summarised = view.id;
      const { score, fullyRight, rounds } = view.summary;
      this.#newBest = practiceBest.offer({ score, fullyRight, rounds });
      this.#best = practiceBest.get();
    }
  }

  #clearDeadline(): void {
    if (this.#deadline !== null) clearTimeout(this.#deadline);
    this.#deadline = null;
  }
}
