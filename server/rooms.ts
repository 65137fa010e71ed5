// The registry of live rooms and practice runs: who is connected where, room codes and tokens, view
// broadcasting (coalesced so a burst of answers from a full class costs one broadcast, not hundreds) and
// disposal of rooms nobody is connected to. It drives the actors; it never decides game rules.
import { timingSafeEqual } from 'node:crypto';
import { createActor, type Actor } from 'xstate';
import type { Socket } from 'socket.io';
import type { ClientToServerEvents, PracticeSettings, RoomSettings, ServerToClientEvents } from '../shared/protocol.ts';
import { selectEntries, type Deck } from './deck.ts';
import type { Deps } from './deps.ts';
import { beginPractice, createPracticeMachine, practiceInput, practiceView, type PracticeMachine } from './practice-machine.ts';
import { createRoomMachine, refusal, type RoomMachine } from './room-machine.ts';
import type { RoomEvent } from './room-types.ts';
import { pickRounds } from './round.ts';
import type { Rejection } from './rules.ts';
import { roomViews } from './views.ts';

/** What the server remembers on each socket: the rooms and practice runs it is attached to. */
export interface SocketData {
  hostOf: Set<string>;
  playerOf: Map<string, string>; // room code -> player id
  practice: Set<string>; // practice tokens
  /** Token bucket for rate limiting. */
  bucket: { tokens: number; at: number };
}

export type GameSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Room codes: 6 characters with no look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B). */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY346789';
export const CODE_LENGTH = 6;
/** Bytes of randomness in host and player tokens (192 bits). */
export const TOKEN_BYTES = 24;

export interface RegistryOptions {
  deck: Deck;
  deps: Deps;
  /** Base URL players join at (PUBLIC_URL, or the LAN address); null = the host's own address. */
  publicUrl: string | null;
  roomIdleMs: number;
  maxRooms: number;
  countdownMs: number;
  /** Minimum time between two view broadcasts of one room. */
  broadcastIntervalMs: number;
  log: (message: string) => void;
}

/** Compares two secrets without leaking where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** One live room: its actor and the sockets attached to it. */
export class LiveRoom {
  readonly hostSockets = new Set<GameSocket>();
  readonly playerSockets = new Map<string, Set<GameSocket>>();
  /** player token -> player id (kicked players are removed). */
  readonly tokens = new Map<string, string>();
  readonly actor: Actor<RoomMachine>;
  private idleTimer: NodeJS.Timeout | null = null;
  private broadcastTimer: NodeJS.Timeout | null = null;
  private lastBroadcastAt = 0;
  disposed = false;

  constructor(
    readonly code: string,
    readonly hostToken: string,
    settings: RoomSettings,
    joinUrl: string,
    private readonly registry: RoomRegistry,
  ) {
    const { deck, deps, countdownMs } = registry.options;
    this.actor = createActor(createRoomMachine(deps), {
      input: { code, joinUrl, settings, candidates: selectEntries(deck, settings.topics, settings.difficulties), countdownMs },
    });
    this.actor.subscribe({
      next: () => this.scheduleBroadcast(),
      error: (err) => registry.options.log(`room ${code}: machine error: ${String(err)}`),
    });
    this.actor.start();
  }

  /** Sends `event` if the machine accepts it; otherwise says why and changes nothing. */
  send(event: RoomEvent): Rejection | null {
    const rejection = refusal(this.actor.getSnapshot(), event);
    if (rejection) return rejection;
    this.actor.send(event);
    return null;
  }

  isHost(token: string): boolean {
    return sameSecret(token, this.hostToken);
  }

  attachHost(socket: GameSocket): void {
    this.hostSockets.add(socket);
    socket.data.hostOf.add(this.code);
    this.touch();
  }

  attachPlayer(socket: GameSocket, playerId: string): void {
    // A socket plays one identity per room: if it held another player here, let that one go.
    const previous = socket.data.playerOf.get(this.code);
    if (previous && previous !== playerId) this.detachPlayer(socket, previous);
    let set = this.playerSockets.get(playerId);
    if (!set) this.playerSockets.set(playerId, (set = new Set()));
    set.add(socket);
    socket.data.playerOf.set(this.code, playerId);
    const player = this.actor.getSnapshot().context.players[playerId];
    if (player && !player.connected) this.send({ type: 'REJOIN', playerId });
    this.touch();
  }

  detachPlayer(socket: GameSocket, playerId: string): void {
    const set = this.playerSockets.get(playerId);
    socket.data.playerOf.delete(this.code);
    if (!set) return;
    set.delete(socket);
    if (set.size === 0) {
      this.playerSockets.delete(playerId);
      this.send({ type: 'DISCONNECT', playerId });
    }
  }

  /** A socket went away: forget it everywhere in this room. */
  detachSocket(socket: GameSocket): void {
    if (this.hostSockets.delete(socket)) this.scheduleBroadcast();
    const playerId = socket.data.playerOf.get(this.code);
    if (playerId) this.detachPlayer(socket, playerId);
    this.checkIdle();
  }

  /** Tells a kicked player's sockets and lets them go. */
  expel(playerId: string, token: string | undefined): void {
    if (token) this.tokens.delete(token);
    const set = this.playerSockets.get(playerId);
    this.playerSockets.delete(playerId);
    for (const socket of set ?? []) {
      socket.data.playerOf.delete(this.code);
      socket.emit('player:kicked', { message: 'The host removed you from the game.' });
    }
    this.checkIdle();
  }

  connectedCount(): number {
    return this.playerSockets.size;
  }

  private hasConnections(): boolean {
    return this.hostSockets.size > 0 || this.playerSockets.size > 0;
  }

  private touch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** Starts the idle countdown when nobody is connected any more. */
  checkIdle(): void {
    if (this.disposed || this.hasConnections() || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (!this.hasConnections()) this.registry.disposeRoom(this.code, 'idle');
    }, this.registry.options.roomIdleMs);
    this.idleTimer.unref();
  }

  /** Queues a broadcast of fresh views; bursts of changes within the interval share one broadcast. */
  scheduleBroadcast(): void {
    if (this.broadcastTimer || this.disposed) return;
    const { broadcastIntervalMs, deps } = this.registry.options;
    const wait = Math.max(0, this.lastBroadcastAt + broadcastIntervalMs - deps.now());
    this.broadcastTimer = setTimeout(() => {
      this.broadcastTimer = null;
      this.broadcast();
    }, wait);
  }

  /** Sends each connected recipient the view built for them. */
  broadcast(): void {
    if (this.disposed) return;
    const now = this.registry.options.deps.now();
    this.lastBroadcastAt = now;
    const views = roomViews(this.actor.getSnapshot(), now);
    if (this.hostSockets.size) {
      const host = views.host();
      for (const socket of this.hostSockets) socket.emit('host:view', host);
    }
    for (const [playerId, sockets] of this.playerSockets) {
      const view = views.player(playerId);
      if (!view) continue;
      for (const socket of sockets) socket.emit('player:view', view);
    }
  }

  dispose(reason: string): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.broadcastTimer) clearTimeout(this.broadcastTimer);
    this.actor.stop();
    const sockets = [...this.hostSockets, ...[...this.playerSockets.values()].flatMap((s) => [...s])];
    for (const socket of sockets) {
      socket.data.hostOf.delete(this.code);
      socket.data.playerOf.delete(this.code);
      socket.emit('room:closed', { message: reason });
    }
    this.hostSockets.clear();
    this.playerSockets.clear();
  }
}

/** A solo practice run and the sockets following it. */
export class PracticeRun {
  readonly sockets = new Set<GameSocket>();
  readonly actor: Actor<PracticeMachine>;
  private idleTimer: NodeJS.Timeout | null = null;
  disposed = false;

  constructor(
    readonly token: string,
    id: string,
    settings: PracticeSettings,
    rounds: Deck,
    private readonly registry: RoomRegistry,
  ) {
    this.actor = createActor(createPracticeMachine(registry.options.deps), { input: practiceInput({ id, settings, rounds: [...rounds] }) });
    this.actor.subscribe({
      next: (snapshot) => {
        const view = practiceView(snapshot, registry.options.deps.now());
        for (const socket of this.sockets) socket.emit('practice:view', view);
      },
      error: (err) => registry.options.log(`practice: machine error: ${String(err)}`),
    });
    this.actor.start();
    beginPractice(this.actor);
    this.touch();
  }

  attach(socket: GameSocket): void {
    this.sockets.add(socket);
    socket.data.practice.add(this.token);
  }

  /** Any activity keeps the run alive; a run left alone for ROOM_IDLE_MS is disposed. */
  touch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.registry.disposePractice(this.token), this.registry.options.roomIdleMs);
    this.idleTimer.unref();
  }

  view() {
    return practiceView(this.actor.getSnapshot(), this.registry.options.deps.now());
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.actor.stop();
    for (const socket of this.sockets) socket.data.practice.delete(this.token);
    this.sockets.clear();
  }
}

/** All rooms and practice runs of one server. */
export class RoomRegistry {
  readonly rooms = new Map<string, LiveRoom>();
  readonly practice = new Map<string, PracticeRun>();

  constructor(readonly options: RegistryOptions) {}

  private newCode(): string {
    for (;;) {
      let code = '';
      for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[this.options.deps.randomInt(CODE_ALPHABET.length)];
      if (!this.rooms.has(code)) return code;
    }
  }

  newToken(): string {
    return this.options.deps.randomId(TOKEN_BYTES);
  }

  /** Opens a room (the caller checked the settings select at least one snippet). */
  createRoom(settings: RoomSettings, fallbackBaseUrl: string): LiveRoom | Rejection {
    if (this.rooms.size >= this.options.maxRooms) {
      return { code: 'RATE_LIMITED', message: `This server already runs ${this.options.maxRooms} rooms; try again later.` };
    }
    const code = this.newCode();
    const base = (this.options.publicUrl ?? fallbackBaseUrl).replace(/\/+$/, '');
    const room = new LiveRoom(code, this.newToken(), settings, `${base}/?room=${code}`, this);
    this.rooms.set(code, room);
    this.options.log(`room ${code} opened`);
    return room;
  }

  getRoom(code: string): LiveRoom | undefined {
    return this.rooms.get(code);
  }

  disposeRoom(code: string, reason: 'idle' | 'shutdown'): void {
    const room = this.rooms.get(code);
    if (!room) return;
    this.rooms.delete(code);
    room.dispose(reason === 'idle' ? 'The room was closed after everyone left.' : 'The server is shutting down.');
    this.options.log(`room ${code} closed (${reason})`);
  }

  /** Starts a practice run, or says why not. */
  startPractice(settings: PracticeSettings): PracticeRun | Rejection {
    if (this.practice.size >= this.options.maxRooms) {
      return { code: 'RATE_LIMITED', message: 'Too many practice runs on this server right now; try again later.' };
    }
    const candidates = selectEntries(this.options.deck, settings.topics, settings.difficulties);
    if (candidates.length === 0) return { code: 'NO_SNIPPETS', message: 'No snippet matches these topics and difficulties.' };
    const token = this.newToken();
    const run = new PracticeRun(token, this.options.deps.randomId(6), settings, pickRounds(candidates, settings.rounds, this.options.deps), this);
    this.practice.set(token, run);
    return run;
  }

  disposePractice(token: string): void {
    const run = this.practice.get(token);
    if (!run) return;
    this.practice.delete(token);
    run.dispose();
  }

  /** Figures for /healthz. */
  stats() {
    let players = 0;
    for (const room of this.rooms.values()) players += room.connectedCount();
    return { rooms: this.rooms.size, players, practice: this.practice.size };
  }

  close(): void {
    for (const code of [...this.rooms.keys()]) this.disposeRoom(code, 'shutdown');
    for (const token of [...this.practice.keys()]) this.disposePractice(token);
  }
}
