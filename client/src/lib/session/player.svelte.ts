// A phone's seat in a live room: join with code + nickname, rejoin with the stored token after a
// reload or a dropped connection, follow the player views the server sends, order the hand and
// submit it. Components only read this state and call its methods. An answer given while the game
// is paused (or refused because a pause arrived on its way) is kept and sent as soon as the room
// resumes, so a pause never costs a player their answer.
import { applyProgress, composePlayerView, ownMatches } from '../../../../shared/player-view.ts';
import type { PlayerOwn, PlayerShared, PlayerView } from '../../../../shared/protocol.ts';
import type { Connection } from '../connection.svelte.ts';
import { Hand } from '../hand.svelte.ts';
import { normalizeCode } from '../route.ts';
import { deviceId, playerSeats, type PlayerSeat } from '../storage.ts';
import { Session } from './session.svelte.ts';

/** Where the phone is, beyond what the room's phase says. */
export type PlayerStage = 'join' | 'rejoining' | 'playing' | 'kicked' | 'closed';

const DRAFT_PREFIX = 'ela:draft:';

/** One player's session in one room. */
export class PlayerSession extends Session<PlayerView, PlayerStage> {
  readonly hand = new Hand();
  #seat: PlayerSeat | null = null;
  #notice = $state<string | null>(null);
  #code = $state('');
  #pendingNickname: string | null;
  #tried = '';
  /** An answer waiting for the pause to end (the round it belongs to). */
  #queued = $state<number | null>(null);
  /** The room's latest shared part and this player's latest own part (the server sends them apart). */
  #shared: PlayerShared | null = null;
  #own: PlayerOwn | null = null;

  /** `pendingNickname`: a join to perform as soon as the session starts (typed on the landing page). */
  constructor(conn: Connection, code: string | null, pendingNickname: string | null = null) {
    super(conn, 'join');
    this.#pendingNickname = pendingNickname;
    this.#tried = pendingNickname ?? '';
    this.#code = code ? normalizeCode(code) : '';
    const seat = this.#code ? playerSeats.get(this.#code) : null;
    if (seat) {
      this.#seat = seat;
      this.setStage('rejoining');
    }
  }

  /** Why the session ended (kicked, room closed). */
  get notice(): string | null {
    return this.#notice;
  }
  get code(): string {
    return this.#code;
  }
  /** The nickname of the last join attempt (to keep it in the form after an error). */
  get triedNickname(): string {
    return this.#tried;
  }
  get nickname(): string {
    return this.view?.you.nickname ?? this.#seat?.nickname ?? '';
  }
  /** True while an answer waits for the game to resume. */
  get answerQueued(): boolean {
    return this.#queued !== null && this.#queued === this.view?.round?.number && !this.view?.submitted;
  }

  /** True once this round's answer is in. */
  get submitted(): boolean {
    return !!this.view?.submitted;
  }

  /** Subscribes to the server and rejoins with a stored token; returns the cleanup. */
  start(): () => void {
    const offs = [
      this.conn.on('player:view', (view) => this.#receiveFull(view)),
      this.conn.on('room:shared', (shared) => {
        this.#shared = shared;
        this.#compose();
      }),
      this.conn.on('player:own', (own) => {
        this.#own = own;
        this.#compose();
      }),
      this.conn.on('room:progress', (progress) => {
        const next = this.#shared && applyProgress(this.#shared, progress);
        if (!next) return;
        this.#shared = next;
        this.#compose();
      }),
      this.conn.on('player:kicked', ({ message }) => {
        this.#forgetSeat();
        this.#notice = message || 'The host removed you from this game.';
        this.setStage('kicked');
      }),
      this.conn.on('room:closed', ({ message }) => {
        this.#forgetSeat();
        this.#notice = message || 'This game has ended.';
        this.setStage('closed');
      }),
      this.conn.onReconnect(() => {
        if (this.#seat) void this.rejoin();
      }),
    ];
    const pending = this.#pendingNickname;
    this.#pendingNickname = null;
    if (pending && this.#code && !this.#seat) void this.join(this.#code, pending);
    else if (this.#seat) void this.rejoin();
    return () => offs.forEach((off) => off());
  }

  /** Joins a room as a new player. */
  async join(rawCode: string, rawNickname: string): Promise<boolean> {
    const code = normalizeCode(rawCode);
    const nickname = rawNickname.trim();
    this.#tried = nickname;
    if (!code) return this.fail('Enter the room code shown on the big screen.');
    if (!nickname) return this.fail('Choose a nickname.');
    const reply = await this.send('room:join', { code, nickname, deviceId: deviceId() });
    if (!reply.ok) return this.fail(reply.message);
    this.#code = code;
    this.#seat = { code, playerToken: reply.playerToken, nickname: reply.view.you.nickname };
    playerSeats.set(this.#seat);
    playerSeats.rememberNickname(nickname);
    this.#receiveFull(reply.view);
    return true;
  }

  /** Comes back with the stored token (after a reload or a reconnect). */
  async rejoin(): Promise<boolean> {
    const seat = this.#seat;
    if (!seat) return false;
    const reply = await this.send('room:rejoin', { code: seat.code, playerToken: seat.playerToken }, true);
    if (reply.ok) {
      this.dismissError();
      this.#receiveFull(reply.view);
      return true;
    }
    if (reply.code === 'OFFLINE') {
      // The socket is down; the reconnect hook will try again.
      return this.fail(reply.message);
    }
    this.#forgetSeat();
    if (reply.code === 'KICKED') {
      this.#notice = reply.message;
      this.setStage('kicked');
      return false;
    }
    this.setView(null);
    this.setStage('join');
    return this.fail(reply.code === 'ROOM_NOT_FOUND' ? 'That game is over or the code is wrong. Join a new one.' : reply.message);
  }

  /**
   * Sends the hand's current order as this round's answer. If the server refuses it because the
   * game is paused, the answer is kept and sent again as soon as the game resumes (see #receive).
   */
  async submit(): Promise<boolean> {
    const seat = this.#seat;
    const view = this.view;
    if (!seat || !view || view.phase !== 'answering' || view.submitted) return false;
    this.#queued = null;
    const order = this.hand.order;
    const reply = await this.send('round:answer', { code: seat.code, playerToken: seat.playerToken, order });
    if (!reply.ok) {
      if (reply.code === 'ALREADY_ANSWERED') return true;
      // A pause reached the server before the answer did: keep it for the resume.
      if (this.view?.paused || /paused/i.test(reply.message)) {
        this.#queued = view.round?.number ?? null;
        return true;
      }
      return this.fail(reply.code === 'ROUND_CLOSED' ? 'Too late: this round has closed.' : reply.message);
    }
    // The server sends a fresh view too; until then show the answer as sent.
    if (this.view === view) this.setView({ ...view, submitted: reply.submitted });
    this.#clearDraft();
    return true;
  }

  /** Remembers the arrangement in progress so a reload mid-round keeps it. */
  saveDraft(): void {
    if (!this.#seat) return;
    try {
      sessionStorage.setItem(DRAFT_PREFIX + this.#seat.code, JSON.stringify(this.hand.order));
    } catch {
      // No storage: the arrangement is simply not kept across a reload.
    }
  }

  /** Leaves this room for good on this phone (the seat is forgotten). */
  leave(): void {
    this.#forgetSeat();
    this.setView(null);
    this.setStage('join');
  }

  /** A whole view (join/rejoin): own parts sent before it are stale; the server sends a fresh one next. */
  #receiveFull(view: PlayerView): void {
    this.#own = null;
    this.#receive(view);
  }

  /** Rebuilds the view when the room's shared part and this player's own part go together. */
  #compose(): void {
    const shared = this.#shared;
    const own = this.#own;
    if (!shared || !own || shared.code !== this.#code || !ownMatches(shared, own)) return;
    this.#receive(composePlayerView(shared, own));
  }

  #receive(view: PlayerView): void {
    const preferred = view.submitted ?? this.#draft();
    this.hand.deal(view.hand, preferred);
    this.showServerView(view);
    this.#code = view.code;
    this.setStage('playing');
    // The pause is over and an answer was waiting for it: send it now.
    if (this.#queued !== null) {
      const sameRound = view.round?.number === this.#queued;
      if (!sameRound || view.submitted || view.phase !== 'answering') this.#queued = null;
      else if (!view.paused && !this.busy) void this.submit();
    }
  }

  #draft(): string[] | null {
    if (!this.#seat) return null;
    try {
      const raw = sessionStorage.getItem(DRAFT_PREFIX + this.#seat.code);
      return raw ? (JSON.parse(raw) as string[]) : null;
    } catch {
      return null;
    }
  }

  #clearDraft(): void {
    try {
      if (this.#seat) sessionStorage.removeItem(DRAFT_PREFIX + this.#seat.code);
    } catch {
      // nothing kept, nothing to clear
    }
  }

  #forgetSeat(): void {
    if (this.#seat) playerSeats.forget(this.#seat.code);
    this.#clearDraft();
    this.#seat = null;
  }
}
