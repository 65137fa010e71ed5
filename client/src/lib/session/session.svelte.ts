// What the host, player and practice sessions have in common: the page's connection, the view the
// server sent last (and the server's clock read from it), where the screen stands, the last error
// and whether a request is waiting for its answer. Each session extends it with what is its own.
import type { RoundInfo } from '../../../../shared/protocol.ts';
import { clockOffset } from '../clock.ts';
import type { Connection, Payload, Reply, RequestName } from '../connection.svelte.ts';

/** A view the server sends to one screen; during a round it carries the server's clock. */
interface ServerView {
  round: Pick<RoundInfo, 'serverNow'> | null;
}

/** The state every session shows, written only by the session itself (screens read the getters). */
export abstract class Session<View extends ServerView, Stage extends string> {
  protected readonly conn: Connection;
  #view = $state<View | null>(null);
  /** Reactive too: the constructor makes it `$state` with the session's first stage. */
  #stage: Stage;
  #error = $state<string | null>(null);
  #busy = $state(false);
  #offset = $state(0);

  constructor(conn: Connection, stage: Stage) {
    this.conn = conn;
    this.#stage = $state(stage);
  }

  get view(): View | null {
    return this.#view;
  }
  get stage(): Stage {
    return this.#stage;
  }
  /** The last failed action, in words. */
  get error(): string | null {
    return this.#error;
  }
  /** True while a request waits for the server's answer. */
  get busy(): boolean {
    return this.#busy;
  }
  /** Milliseconds between this device's clock and the server's. */
  get clockOffset(): number {
    return this.#offset;
  }
  get connectionLost(): boolean {
    return this.conn.lost;
  }

  /** Hides the last error. */
  dismissError(): void {
    this.#error = null;
  }

  /** Shows a view the server has just sent, and reads the server's clock from it. */
  protected showServerView(view: View): void {
    if (view.round) this.#offset = clockOffset(view.round.serverNow);
    this.#view = view;
  }

  /** Replaces the view without reading the clock (a change made here, or no view at all). */
  protected setView(view: View | null): void {
    this.#view = view;
  }

  protected setStage(stage: Stage): void {
    this.#stage = stage;
  }

  /** Keeps the reason an action failed for the screen to show; returns false for the action. */
  protected fail(message: string): false {
    this.#error = message;
    return false;
  }

  /**
   * Sends a request and stays busy until its answer. The last error is cleared first, except for
   * `keepError` (a quiet retry, whose "offline" message should stay up until it succeeds).
   */
  protected async send<E extends RequestName>(event: E, payload: Payload<E>, keepError = false): Promise<Reply<E>> {
    this.#busy = true;
    if (!keepError) this.#error = null;
    const reply = await this.conn.request(event, payload);
    this.#busy = false;
    return reply;
  }
}
