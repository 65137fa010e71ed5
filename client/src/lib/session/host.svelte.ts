// The host screen's control of a room: create it with settings, resume it with the stored host
// token after a reload, follow the host views, and send the host's commands (start, pause, end
// the round, skip, next, kick, lock, end).
import type { HostView, RoomSettings } from '../../../../shared/protocol.ts';
import type { Connection } from '../connection.svelte.ts';
import { clockOffset } from '../clock.ts';
import { hostSeat, type HostSeat } from '../storage.ts';

export type HostStage = 'setup' | 'resuming' | 'live' | 'closed';

/** Host commands that need nothing but the host's credentials. */
export type HostCommand = 'game:start' | 'game:pause' | 'game:resume' | 'round:end' | 'round:skip' | 'game:next' | 'game:end';

/** The instructor's session. */
export class HostSession {
  #conn: Connection;
  #seat: HostSeat | null = null;
  #view = $state<HostView | null>(null);
  #stage = $state<HostStage>('setup');
  #error = $state<string | null>(null);
  #notice = $state<string | null>(null);
  #busy = $state(false);
  #offset = $state(0);

  constructor(conn: Connection) {
    this.#conn = conn;
    this.#seat = hostSeat.get();
    if (this.#seat) this.#stage = 'resuming';
  }

  get view(): HostView | null {
    return this.#view;
  }
  get stage(): HostStage {
    return this.#stage;
  }
  get error(): string | null {
    return this.#error;
  }
  get notice(): string | null {
    return this.#notice;
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

  /** Where the CSV report of this room can be downloaded (host token included). */
  get reportUrl(): string | null {
    if (!this.#seat || !this.#view) return null;
    return `${this.#view.reportPath}?token=${encodeURIComponent(this.#seat.hostToken)}`;
  }

  /** Subscribes to the server and resumes a stored room; returns the cleanup. */
  start(): () => void {
    const offs = [
      this.#conn.on('host:view', (view) => this.#receive(view)),
      this.#conn.on('room:closed', ({ message }) => {
        hostSeat.forget();
        this.#seat = null;
        this.#notice = message || 'The room has closed.';
        this.#stage = 'closed';
      }),
      this.#conn.onReconnect(() => {
        if (this.#seat) void this.resume();
      }),
    ];
    if (this.#seat) void this.resume();
    return () => offs.forEach((off) => off());
  }

  /** Opens a new room with these settings. */
  async create(settings: Partial<RoomSettings>): Promise<boolean> {
    this.#busy = true;
    this.#error = null;
    const reply = await this.#conn.request('room:create', settings);
    this.#busy = false;
    if (!reply.ok) return this.#fail(reply.message);
    this.#seat = { code: reply.code, hostToken: reply.hostToken };
    hostSeat.set(this.#seat);
    this.#receive(reply.view);
    return true;
  }

  /** Takes control again after a reload or a reconnect. */
  async resume(): Promise<boolean> {
    const seat = this.#seat;
    if (!seat) return false;
    this.#busy = true;
    const reply = await this.#conn.request('host:resume', seat);
    this.#busy = false;
    if (reply.ok) {
      this.#error = null;
      this.#receive(reply.view);
      return true;
    }
    if (reply.code === 'OFFLINE') return this.#fail(reply.message);
    hostSeat.forget();
    this.#seat = null;
    this.#stage = 'setup';
    return this.#fail(reply.code === 'ROOM_NOT_FOUND' ? 'Your previous room has closed. Set up a new game.' : reply.message);
  }

  /** Sends a host command. */
  async command(command: HostCommand): Promise<boolean> {
    const seat = this.#seat;
    if (!seat) return false;
    this.#busy = true;
    this.#error = null;
    const reply = await this.#conn.request(command, seat);
    this.#busy = false;
    return reply.ok ? true : this.#fail(reply.message);
  }

  async kick(playerId: string): Promise<boolean> {
    const seat = this.#seat;
    if (!seat) return false;
    const reply = await this.#conn.request('player:kick', { ...seat, playerId });
    return reply.ok ? true : this.#fail(reply.message);
  }

  async setLocked(locked: boolean): Promise<boolean> {
    const seat = this.#seat;
    if (!seat) return false;
    const reply = await this.#conn.request('room:lock', { ...seat, locked });
    return reply.ok ? true : this.#fail(reply.message);
  }

  /** Forgets this room on this screen and goes back to the settings. */
  newGame(): void {
    hostSeat.forget();
    this.#seat = null;
    this.#view = null;
    this.#notice = null;
    this.#error = null;
    this.#stage = 'setup';
  }

  dismissError(): void {
    this.#error = null;
  }

  #receive(view: HostView): void {
    if (view.round) this.#offset = clockOffset(view.round.serverNow);
    this.#view = view;
    this.#stage = 'live';
  }

  #fail(message: string): false {
    this.#error = message;
    return false;
  }
}
