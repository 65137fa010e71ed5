// The host screen's control of a room: create it with settings, resume it with the stored host
// token after a reload, follow the host views, and send the host's commands (start, pause, end
// the round, skip, next, kick, lock, end). Each flow command names the round and phase of the view
// it was drawn from, so the server refuses a repeat or a stale one; an identical repeat is not even
// sent while the view it was aimed at is still on screen.
import type { HostCommand, HostView, RoomSettings } from '../../../../shared/protocol.ts';
import type { Connection } from '../connection.svelte.ts';
import { hostSeat, type HostSeat } from '../storage.ts';
import { pastGames, savedDecks } from '../library/saved.ts';
import { Session } from './session.svelte.ts';

export type HostStage = 'setup' | 'resuming' | 'live' | 'closed';

export type { HostCommand };

/** The instructor's session. */
export class HostSession extends Session<HostView, HostStage> {
  #seat: HostSeat | null = null;
  #notice = $state<string | null>(null);
  /** The last command sent and the view it was aimed at: a repeat aimed at the same view is dropped. */
  #sent: { command: HostCommand; view: HostView } | null = null;

  constructor(conn: Connection) {
    super(conn, 'setup');
    this.#seat = hostSeat.get();
    if (this.#seat) this.setStage('resuming');
  }

  /** Why the room ended. */
  get notice(): string | null {
    return this.#notice;
  }

  /** Where the CSV report of this room can be downloaded (host token included). */
  get reportUrl(): string | null {
    if (!this.#seat || !this.view) return null;
    return `${this.view.reportPath}?token=${encodeURIComponent(this.#seat.hostToken)}`;
  }

  /** Subscribes to the server and resumes a stored room; returns the cleanup. */
  start(): () => void {
    const offs = [
      this.conn.on('host:view', (view) => this.#receive(view)),
      this.conn.on('room:closed', ({ message }) => {
        hostSeat.forget();
        this.#seat = null;
        this.#notice = message || 'The room has closed.';
        this.setStage('closed');
      }),
      this.conn.onReconnect(() => {
        if (this.#seat) void this.resume();
      }),
    ];
    if (this.#seat) void this.resume();
    return () => offs.forEach((off) => off());
  }

  /** Opens a new room with these settings. */
  async create(settings: Partial<RoomSettings> & { hostKey?: string; deck?: { deckId: string; editToken: string } }): Promise<boolean> {
    const reply = await this.send('room:create', settings);
    if (!reply.ok) return this.fail(reply.message);
    this.#seat = { code: reply.code, hostToken: reply.hostToken };
    hostSeat.set(this.#seat);
    // The library's history lists the games hosted from this browser (client/src/lib/library/saved.ts).
    const deckName = settings.deck ? (savedDecks.get(settings.deck.deckId)?.name ?? 'a deck') : null;
    pastGames.add({ code: reply.code, hostToken: reply.hostToken, at: new Date().toISOString(), deckName });
    this.#receive(reply.view);
    return true;
  }

  /** Takes control again after a reload or a reconnect. */
  async resume(): Promise<boolean> {
    const seat = this.#seat;
    if (!seat) return false;
    const reply = await this.send('host:resume', seat, true);
    if (reply.ok) {
      this.dismissError();
      this.#receive(reply.view);
      return true;
    }
    if (reply.code === 'OFFLINE') return this.fail(reply.message);
    hostSeat.forget();
    this.#seat = null;
    this.setStage('setup');
    return this.fail(reply.code === 'ROOM_NOT_FOUND' ? 'Your previous room has closed. Set up a new game.' : reply.message);
  }

  /**
   * Sends a host command aimed at the round and phase on screen. A second press of the same command
   * before a new view arrives (a double click) is dropped here; the server refuses any other stale one.
   */
  async command(command: HostCommand): Promise<boolean> {
    const seat = this.#seat;
    const view = this.view;
    if (!seat || !view) return false;
    if (this.#sent && this.#sent.command === command && this.#sent.view === view) return false;
    this.#sent = { command, view };
    const reply = await this.send(command, { ...seat, ...view.commandTarget });
    if (reply.ok) return true;
    // Refused as stale: the screen was behind the room, and the fresh view is on its way.
    if (reply.code === 'INVALID_STATE' && this.view !== view) return false;
    return this.fail(reply.message);
  }

  async kick(playerId: string): Promise<boolean> {
    const seat = this.#seat;
    if (!seat) return false;
    const reply = await this.conn.request('player:kick', { ...seat, playerId });
    return reply.ok ? true : this.fail(reply.message);
  }

  /** Lets a kicked player back into the room (`banId` from the host view's `banned`). */
  async unban(banId: string): Promise<boolean> {
    const seat = this.#seat;
    if (!seat) return false;
    const reply = await this.conn.request('player:unban', { ...seat, banId });
    return reply.ok ? true : this.fail(reply.message);
  }

  async setLocked(locked: boolean): Promise<boolean> {
    const seat = this.#seat;
    if (!seat) return false;
    const reply = await this.conn.request('room:lock', { ...seat, locked });
    return reply.ok ? true : this.fail(reply.message);
  }

  /** Forgets this room on this screen and goes back to the settings. */
  newGame(): void {
    hostSeat.forget();
    this.#seat = null;
    this.setView(null);
    this.#notice = null;
    this.dismissError();
    this.setStage('setup');
  }

  #receive(view: HostView): void {
    this.showServerView(view);
    this.setStage('live');
  }
}
