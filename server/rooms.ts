// The registry of live rooms and practice runs: who is connected where, room codes and tokens, view
// broadcasting (coalesced so a burst of answers from a full class costs one broadcast, not hundreds) and
// disposal of rooms nobody is connected to. It drives the actors; it never decides game rules.
import { timingSafeEqual } from 'node:crypto';
import { createActor, type Actor } from 'xstate';
import type { Socket } from 'socket.io';
import type { ClientToServerEvents, PracticeSettings, RoomSettings, ServerToClientEvents } from '../shared/protocol.ts';
import { selectEntries, type Deck, type DeckEntry } from './deck.ts';
import type { DeckLibrary } from './deck-library.ts';
import type { Deps } from './deps.ts';
import { AbuseGuard, DEFAULT_LIMITS } from './limits.ts';
import { beginPractice, createPracticeMachine, practiceInput, practiceView, type PracticeMachine } from './practice-machine.ts';
import { RoomJournal, SnapshotCodec, TapeDeps, rearmDelays, restoreRoom, type RestoredRoom } from './journal.ts';
import { createRoomMachine, phaseOf, refusal, type RoomMachine } from './room-machine.ts';
import type { RoomContext, RoomEvent } from './room-types.ts';
import { pickRounds } from './round.ts';
import type { Rejection } from './rules.ts';
import { nullStore, type Store } from './store.ts';
import { leaderboardOf, roomViews } from './views.ts';

/** What the server remembers on each socket: the rooms and practice runs it is attached to. */
export interface SocketData {
  hostOf: Set<string>;
  playerOf: Map<string, string>; // room code -> player id
  practice: Set<string>; // practice tokens
  /** The client's address as limits count it (server/limits.ts `clientAddress`). */
  address: string;
  /**
   * The client has not answered a ping for pingInterval + STALL_GRACE_MS: it stopped reading (a locked
   * phone, a frozen tab). Views are not queued for it and its player counts as away until it answers again.
   */
  stalled?: boolean;
}

/** Who opened a room or practice run: limits count live ones per address and per socket. */
export interface Owner {
  address: string;
  socketId: string;
}

export type GameSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Within a phase, the host view of a room of N players goes out at most every N x this many ms (issue 10). */
export const HOST_MS_PER_PLAYER = 0.25;
/** Within a phase, changes of a room of N players reach the phones at most every N x this many ms. */
export const ROOM_MS_PER_PLAYER = 0.5;

/** After a restart, how long a restored room waits for a player's phone to reconnect before counting it away. */
export const RESTORE_GRACE_MS = 30_000;

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
  /** Where rooms are made durable (server/store.ts); default: nowhere. */
  store?: Store;
  /** Abuse limits and their rate limiters (server/limits.ts); default: DEFAULT_LIMITS. */
  guard?: AbuseGuard;
  /** Instructors' decks (server/deck-library.ts), for rooms and practice runs that play one. */
  decks?: DeckLibrary;
}

/** A room's snippets chosen by the host (a deck): played in this order instead of a random pick. */
export interface DeckPick {
  candidates: DeckEntry[];
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
  /** The room's durable log (server/journal.ts): every accepted event is in the store before its ack. */
  readonly journal: RoomJournal;
  private restoreGraceTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private hostlessTimer: NodeJS.Timeout | null = null;
  private broadcastTimer: NodeJS.Timeout | null = null;
  private broadcastImmediate: NodeJS.Immediate | null = null;
  private lastBroadcastAt = 0;
  /**
   * Player views travel in two parts (issue 10): the room's shared part as one Socket.IO room broadcast
   * to `channel`, and each player's own part per socket, only to players in `dirty` (whose own part
   * changed) unless the phase changed (then to everyone, and `ownSince` moves to that broadcast).
   */
  readonly channel: string;
  private nsp: GameSocket['nsp'] | null = null;
  private seq = 0;
  private ownSince = 0;
  private lastPhaseKey = '';
  private lastPlayerCount = -1;
  private readonly dirty = new Set<string>();
  /** The last full shared part sent (deltas name it), the leaderboard it showed, and whether a socket needs a full one. */
  private lastFullSeq = 0;
  private lastBoard: unknown = null;
  private needFull = true;
  /** Who opened the room (null for a room restored after a restart). */
  owner: Owner | null = null;
  /** Server clock of the last join, command or answer: at the global cap, abandoned rooms idle longest go first. */
  lastActiveAt: number;
  disposed = false;

  constructor(
    readonly code: string,
    readonly hostToken: string,
    settings: RoomSettings,
    joinUrl: string,
    private readonly registry: RoomRegistry,
    restored?: RestoredRoom,
    pick?: DeckPick,
  ) {
    const { deck, deps, countdownMs, log } = registry.options;
    this.channel = `players:${code}`;
    this.lastActiveAt = deps.now();
    if (restored) {
      this.actor = restored.actor;
      this.journal = restored.journal;
    } else {
      const tape = new TapeDeps(deps);
      this.actor = createActor(createRoomMachine(tape), {
        input: pick
          ? { code, joinUrl, settings, candidates: pick.candidates, ordered: true, countdownMs }
          : { code, joinUrl, settings, candidates: selectEntries(deck, settings.topics, settings.difficulties), countdownMs },
      });
      this.journal = new RoomJournal(registry.store, code, tape, registry.codec, () => deps.now(), log);
    }
    this.actor.subscribe({
      next: () => {
        this.journal.onChange(this.actor);
        this.scheduleBroadcast();
      },
      error: (err) => log(`room ${code}: machine error: ${String(err)}`),
    });
    this.journal.beginEvent(); // starting is not a change to store: create()/restored() write the snapshot
    this.actor.start();
    if (restored) {
      // XState does not persist pending delays: arm the round's deadline again, then store the room as it is now.
      rearmDelays(this.actor);
      for (const player of Object.values(this.actor.getSnapshot().context.players)) this.tokens.set(player.token, player.id);
      this.journal.restored(this.actor);
      // Players come back as connected: a phone that does not reconnect within the grace stops holding
      // the early end of the round (marking everyone away at once would end it at the first rejoin).
      this.restoreGraceTimer = setTimeout(() => {
        this.restoreGraceTimer = null;
        for (const player of Object.values(this.actor.getSnapshot().context.players)) {
          if (player.connected && !this.playerSockets.has(player.id) && !this.disposed) this.send({ type: 'DISCONNECT', playerId: player.id });
        }
      }, RESTORE_GRACE_MS);
      this.restoreGraceTimer.unref();
    } else {
      this.journal.create(hostToken, this.actor);
    }
    this.checkHostless();
  }

  /** Sends `event` if the machine accepts it; otherwise says why and changes nothing. */
  send(event: RoomEvent): Rejection | null {
    const rejection = refusal(this.actor.getSnapshot(), event);
    if (rejection) return rejection;
    this.lastActiveAt = this.registry.options.deps.now();
    if ('playerId' in event) this.dirty.add(event.playerId);
    this.journal.beginEvent();
    try {
      this.actor.send(event);
    } finally {
      this.journal.endEvent(event, this.actor); // durable from here on: the caller may acknowledge
    }
    return null;
  }

  isHost(token: string): boolean {
    return sameSecret(token, this.hostToken);
  }

  attachHost(socket: GameSocket): void {
    this.hostSockets.add(socket);
    socket.data.hostOf.add(this.code);
    this.touch();
    this.checkHostless();
  }

  attachPlayer(socket: GameSocket, playerId: string): void {
    // A socket plays one identity per room: if it held another player here, let that one go.
    const previous = socket.data.playerOf.get(this.code);
    if (previous && previous !== playerId) this.detachPlayer(socket, previous);
    let set = this.playerSockets.get(playerId);
    if (!set) this.playerSockets.set(playerId, (set = new Set()));
    set.add(socket);
    socket.data.playerOf.set(this.code, playerId);
    this.nsp ??= socket.nsp;
    void socket.join(this.channel);
    this.dirty.add(playerId);
    this.needFull = true;
    const player = this.actor.getSnapshot().context.players[playerId];
    if (player && !player.connected) this.send({ type: 'REJOIN', playerId });
    this.touch();
  }

  /**
   * One of this room's sockets stopped reading. If it was the last live socket of its player, the player
   * counts as away (DISCONNECT), so "everyone answered" ends the round without waiting for its ping timeout.
   */
  socketStalled(socket: GameSocket): void {
    const playerId = socket.data.playerOf.get(this.code);
    if (!playerId) return;
    void socket.leave(this.channel); // nothing is queued for it; it catches up when it reads again
    const live = [...(this.playerSockets.get(playerId) ?? [])].some((s) => !s.data.stalled);
    if (!live && this.actor.getSnapshot().context.players[playerId]?.connected) this.send({ type: 'DISCONNECT', playerId });
  }

  /** A stalled socket reads again: its player is back (REJOIN) and gets a fresh view. */
  socketRecovered(socket: GameSocket): void {
    const playerId = socket.data.playerOf.get(this.code);
    if (playerId) {
      void socket.join(this.channel);
      this.dirty.add(playerId);
      this.needFull = true;
    }
    if (playerId && this.actor.getSnapshot().context.players[playerId]?.connected === false) this.send({ type: 'REJOIN', playerId });
    this.scheduleBroadcast();
  }

  detachPlayer(socket: GameSocket, playerId: string): void {
    const set = this.playerSockets.get(playerId);
    socket.data.playerOf.delete(this.code);
    void socket.leave(this.channel);
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
    this.checkHostless();
  }

  /** True when no host is connected, or the game is over: such a room is the first to go at the global cap. */
  abandoned(): boolean {
    return this.hostSockets.size === 0 || this.actor.getSnapshot().status !== 'active';
  }

  /** A lobby with no host connected is closed after LOBBY_HOSTLESS_MS (players alone cannot start it). */
  private checkHostless(): void {
    if (this.hostSockets.size > 0 || this.disposed) {
      if (this.hostlessTimer) clearTimeout(this.hostlessTimer);
      this.hostlessTimer = null;
      return;
    }
    if (this.hostlessTimer || !this.actor.getSnapshot().matches('lobby')) return;
    this.hostlessTimer = setTimeout(() => {
      this.hostlessTimer = null;
      if (this.hostSockets.size === 0 && this.actor.getSnapshot().matches('lobby')) this.registry.disposeRoom(this.code, 'hostless');
    }, this.registry.guard.limits.lobbyHostlessMs);
    this.hostlessTimer.unref();
  }

  /** Tells a kicked player's sockets and lets them go. */
  expel(playerId: string, token: string | undefined): void {
    if (token) this.tokens.delete(token);
    const set = this.playerSockets.get(playerId);
    this.playerSockets.delete(playerId);
    for (const socket of set ?? []) {
      socket.data.playerOf.delete(this.code);
      void socket.leave(this.channel);
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
    if (this.disposed) return;
    // A new phase goes out at once (right after the current I/O, even if an in-phase broadcast was
    // waiting); changes within a phase (answers, joins) are coalesced, over a longer interval in a big
    // room (each broadcast is one write per phone: 2000 phones get counts once a second).
    if (this.phaseKey() !== this.lastPhaseKey) {
      if (this.broadcastImmediate) return;
      if (this.broadcastTimer) clearTimeout(this.broadcastTimer);
      this.broadcastTimer = null;
      this.broadcastImmediate = setImmediate(() => {
        this.broadcastImmediate = null;
        this.broadcast();
      });
      return;
    }
    if (this.broadcastTimer || this.broadcastImmediate) return;
    const { broadcastIntervalMs, deps } = this.registry.options;
    const interval = Math.max(broadcastIntervalMs, ROOM_MS_PER_PLAYER * this.playerSockets.size);
    const wait = Math.max(0, this.lastBroadcastAt + interval - deps.now());
    this.broadcastTimer = setTimeout(() => {
      this.broadcastTimer = null;
      this.broadcast();
    }, wait);
  }


  private hostTimer: NodeJS.Timeout | null = null;
  private lastHostAt = 0;

  /**
   * The host view lists every player: in a big room it is large (about 250 bytes a player), so within a
   * phase it goes out at most every HOST_MS_PER_PLAYER x players ms (a trailing send keeps it current);
   * a new phase goes out at once.
   */
  private sendHostView(views: ReturnType<typeof roomViews> | null, now: boolean): void {
    if (this.hostSockets.size === 0 || this.disposed) return;
    const { deps, broadcastIntervalMs } = this.registry.options;
    const players = this.playerSockets.size;
    const interval = Math.max(broadcastIntervalMs, HOST_MS_PER_PLAYER * players);
    const due = this.lastHostAt + interval - deps.now();
    if (!now && due > 0) {
      this.hostTimer ??= setTimeout(() => {
        this.hostTimer = null;
        this.sendHostView(null, true);
      }, due);
      return;
    }
    if (this.hostTimer) clearTimeout(this.hostTimer);
    this.hostTimer = null;
    this.lastHostAt = deps.now();
    const host = (views ?? roomViews(this.actor.getSnapshot(), deps.now())).host();
    for (const socket of this.hostSockets) if (!socket.data.stalled) socket.emit('host:view', host);
  }

  /** What a change of it re-sends every player's own part: phase, round and pause. */
  private phaseKey(): string {
    const snapshot = this.actor.getSnapshot();
    return `${phaseOf(snapshot)}|${snapshot.context.round?.number ?? 0}|${snapshot.matches({ round: 'paused' })}`;
  }

  /**
   * Sends the host its view, the players the room's shared part (ONE encoded room broadcast) and each
   * player whose own part changed (or everyone, at a new phase) that own part.
   */
  broadcast(): void {
    if (this.disposed) return;
    const now = this.registry.options.deps.now();
    this.lastBroadcastAt = now;
    const snapshot = this.actor.getSnapshot();
    const views = roomViews(snapshot, now);
    const key = this.phaseKey();
    const hostNow = key !== this.lastPhaseKey;
    const seq = ++this.seq;
    const shared = views.shared(seq, this.ownSince);
    // At the reveal and after, a newcomer can move others' ranks: everyone's own part is re-sent then too.
    const ranksMove = shared.phase !== 'lobby' && shared.phase !== 'countdown' && shared.phase !== 'answering' && shared.playerCount !== this.lastPlayerCount;
    const everyone = key !== this.lastPhaseKey || ranksMove;
    if (everyone) shared.ownSince = this.ownSince = seq;
    this.lastPhaseKey = key;
    this.lastPlayerCount = shared.playerCount;
    if (this.playerSockets.size === 0 || !this.nsp) {
      this.dirty.clear();
      this.sendHostView(views, hostNow);
      return;
    }
    // A socket that stopped reading left the channel: nothing is queued for it (see socketStalled).
    // Within an open round or the lobby, when only counts changed (same leaderboard, no newcomer),
    // phones get a small delta instead of the whole shared part.
    const board = leaderboardOf(snapshot.context, snapshot.machine);
    const countsOnly = !everyone && !this.needFull && this.lastFullSeq > 0 && board === this.lastBoard && (shared.phase === 'lobby' || shared.phase === 'countdown' || shared.phase === 'answering');
    if (countsOnly) {
      this.nsp.to(this.channel).emit('room:progress', {
        code: this.code,
        seq,
        base: this.lastFullSeq,
        playerCount: shared.playerCount,
        answeredCount: shared.round?.answeredCount ?? null,
        handCount: shared.round?.playerCount ?? null,
      });
    } else {
      this.nsp.to(this.channel).emit('room:shared', shared);
      this.lastFullSeq = seq;
      this.lastBoard = board;
      this.needFull = false;
    }
    const send = (playerId: string) => {
      const sockets = this.playerSockets.get(playerId);
      if (!sockets) return;
      const own = views.own(playerId, seq);
      if (!own) return;
      for (const socket of sockets) if (!socket.data.stalled) socket.emit('player:own', own);
    };
    if (everyone) for (const playerId of this.playerSockets.keys()) send(playerId);
    else for (const playerId of this.dirty) send(playerId);
    this.dirty.clear();
    // The phones first (they are many and waiting); the host's large view after them.
    this.sendHostView(views, hostNow);
  }

  /** Stops the room; `tellClients` false leaves the phones waiting (a restart brings the room back). */
  dispose(reason: string, tellClients = true): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.hostlessTimer) clearTimeout(this.hostlessTimer);
    if (this.broadcastTimer) clearTimeout(this.broadcastTimer);
    if (this.broadcastImmediate) clearImmediate(this.broadcastImmediate);
    if (this.hostTimer) clearTimeout(this.hostTimer);
    if (this.restoreGraceTimer) clearTimeout(this.restoreGraceTimer);
    this.actor.stop();
    const sockets = [...this.hostSockets, ...[...this.playerSockets.values()].flatMap((s) => [...s])];
    for (const socket of sockets) {
      socket.data.hostOf.delete(this.code);
      socket.data.playerOf.delete(this.code);
      void socket.leave(this.channel);
      if (tellClients) socket.emit('room:closed', { message: reason });
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
  /** Who started the run, and when it was last used (the global cap lets the longest idle run go first). */
  owner: Owner | null = null;
  lastActiveAt = 0;
  /** While set, changes are not pushed to the sockets (the edge sends the settled view itself). */
  muted = false;
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
        if (this.muted) return;
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
    this.lastActiveAt = this.registry.options.deps.now();
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

/** What phones are told when their room closes, by reason. */
const CLOSED_MESSAGES = {
  idle: 'The room was closed after everyone left.',
  shutdown: 'The server is shutting down.',
  hostless: 'The room was closed: its host left before the game started.',
  evicted: 'The room was closed to make space: its host had left.',
} as const;

/** All rooms and practice runs of one server. */
export class RoomRegistry {
  readonly rooms = new Map<string, LiveRoom>();
  readonly practice = new Map<string, PracticeRun>();
  readonly store: Store;
  /** Encodes room snapshots with deck entries as snippet ids. */
  readonly codec: SnapshotCodec;
  /** Abuse limits and rate limiters (server/limits.ts). */
  readonly guard: AbuseGuard;

  constructor(readonly options: RegistryOptions) {
    this.guard = options.guard ?? new AbuseGuard(DEFAULT_LIMITS);
    this.store = options.store ?? nullStore;
    this.codec = new SnapshotCodec(options.deck);
  }

  /**
   * Brings back every room that was live in the store when the server stopped; a round's deadlines
   * move forward by `downtimeMs`. Returns how many rooms came back.
   */
  restoreRooms(downtimeMs: number): number {
    const { deps, log } = this.options;
    let restored = 0;
    for (const stored of this.store.liveRooms()) {
      try {
        const parts = restoreRoom(stored, { store: this.store, codec: this.codec, deps, createMachine: createRoomMachine, downtimeMs, log });
        if (parts.mismatches) log(`room ${stored.code}: ${parts.mismatches} logged event(s) did not replay exactly`);
        const room = new LiveRoom(stored.code, stored.hostToken, {} as RoomSettings, '', this, parts);
        this.rooms.set(stored.code, room);
        room.checkIdle();
        restored++;
      } catch (err) {
        log(`room ${stored.code} could not be restored and is closed: ${err instanceof Error ? err.message : String(err)}`);
        this.store.closeRoom(stored.code, stored.snapshotSeq, deps.now(), stored.snapshot);
      }
    }
    return restored;
  }

  /** The game of room `code` for its report: live, or finished and still in the store. Null when unknown or not the host. */
  reportContext(code: string, hostToken: string) {
    const live = this.rooms.get(code);
    if (live) return hostToken && live.isHost(hostToken) ? live.actor.getSnapshot().context : null;
    const stored = this.store.getRoom(code);
    if (!stored || !hostToken || !sameSecret(hostToken, stored.hostToken)) return null;
    return (this.codec.decode(stored.snapshot, false) as { context: RoomContext }).context;
  }

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

  /** How many live rooms (game not at its podium or over) were opened from this address, and from this socket. */
  roomsOwnedBy(address: string, socketId: string): { byAddress: number; bySocket: number } {
    let byAddress = 0;
    let bySocket = 0;
    for (const room of this.rooms.values()) {
      const snapshot = room.actor.getSnapshot();
      // A teacher running game after game from one page: finished games do not count.
      if (!room.owner || snapshot.status !== 'active' || snapshot.matches('podium')) continue;
      if (room.owner.address === address) byAddress++;
      if (room.owner.socketId === socketId) bySocket++;
    }
    return { byAddress, bySocket };
  }

  /**
   * Opens a room (the caller checked the settings select at least one snippet). At the global cap the
   * abandoned room (no host connected, or game over) idle the longest is closed to make space; only when
   * every room has its host is a new one refused (per-address limits keep one client from filling it).
   */
  createRoom(settings: RoomSettings, fallbackBaseUrl: string, owner: Owner | null = null, pick?: DeckPick): LiveRoom | Rejection {
    if (this.rooms.size >= this.options.maxRooms) {
      let oldest: LiveRoom | null = null;
      for (const room of this.rooms.values()) if (room.abandoned() && (!oldest || room.lastActiveAt < oldest.lastActiveAt)) oldest = room;
      if (!oldest) return { code: 'RATE_LIMITED', message: `This server already runs ${this.options.maxRooms} rooms, each with its host; try again later.` };
      this.disposeRoom(oldest.code, 'evicted');
    }
    const code = this.newCode();
    const base = (this.options.publicUrl ?? fallbackBaseUrl).replace(/\/+$/, '');
    const room = new LiveRoom(code, this.newToken(), settings, `${base}/?room=${code}`, this, undefined, pick);
    room.owner = owner;
    this.rooms.set(code, room);
    this.options.log(`room ${code} opened`);
    return room;
  }

  getRoom(code: string): LiveRoom | undefined {
    return this.rooms.get(code);
  }

  disposeRoom(code: string, reason: 'idle' | 'shutdown' | 'hostless' | 'evicted'): void {
    const room = this.rooms.get(code);
    if (!room) return;
    this.rooms.delete(code);
    // On shutdown a durable room stays live in the store: phones wait with "reconnecting" and the
    // restarted server brings it back. Otherwise the game is over: keep it for the report.
    const keep = reason === 'shutdown' && this.store.durable;
    if (!keep) {
      try {
        room.journal.close(room.actor);
      } catch (err) {
        this.options.log(`room ${code}: could not store its end: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    room.dispose(CLOSED_MESSAGES[reason], !keep);
    this.options.log(`room ${code} closed (${reason})`);
  }

  /**
   * Ids of the snippets a live room is playing or will play (its current round and every round not yet
   * revealed): practice never deals them, so it cannot be used to read a live round's answer.
   */
  liveSnippetIds(): Set<string> {
    const ids = new Set<string>();
    for (const room of this.rooms.values()) {
      const snapshot = room.actor.getSnapshot();
      if (snapshot.status !== 'active') continue;
      const { rounds, round } = snapshot.context;
      const revealed = round ? (round.results ? round.number : round.number - 1) : 0;
      for (const entry of rounds.slice(revealed)) ids.add(entry.snippet.id);
    }
    return ids;
  }

  /**
   * Starts a practice run, or says why not. A socket keeps PRACTICE_PER_SOCKET runs (a new one replaces
   * its oldest), an address PRACTICE_PER_ADDRESS; at MAX_PRACTICE the run idle the longest gives way.
   */
  startPractice(settings: PracticeSettings, owner: Owner | null = null, deck?: DeckEntry[]): PracticeRun | Rejection {
    const { limits } = this.guard;
    if (owner) {
      const mine = [...this.practice.values()].filter((r) => r.owner?.socketId === owner.socketId).sort((a, b) => a.lastActiveAt - b.lastActiveAt);
      while (mine.length >= limits.practicePerSocket) this.disposePractice(mine.shift()!.token);
      let fromAddress = 0;
      for (const run of this.practice.values()) if (run.owner?.address === owner.address) fromAddress++;
      if (fromAddress >= limits.practicePerAddress) {
        return { code: 'RATE_LIMITED', message: 'Too many practice runs from your network right now; try again in a few minutes.' };
      }
    }
    // Live snippets are left out before anything else, and an empty result reads exactly like a filter
    // matching nothing: the answer never tells which snippet a room is playing.
    const live = this.liveSnippetIds();
    const candidates = (deck ?? selectEntries(this.options.deck, settings.topics, settings.difficulties)).filter((e) => !live.has(e.snippet.id));
    if (candidates.length === 0) {
      return { code: 'NO_SNIPPETS', message: deck ? 'No snippet of this deck can be practised right now: try again after class.' : 'No snippet matches these topics and difficulties.' };
    }
    if (this.practice.size >= limits.maxPractice) {
      let oldest: PracticeRun | null = null;
      for (const run of this.practice.values()) if (!oldest || run.lastActiveAt < oldest.lastActiveAt) oldest = run;
      if (oldest) this.disposePractice(oldest.token);
    }
    const token = this.newToken();
    // A deck is rehearsed in its own order; the bank is picked at random.
    const rounds = deck ? candidates.slice(0, settings.rounds) : pickRounds(candidates, settings.rounds, this.options.deps);
    const run = new PracticeRun(token, this.options.deps.randomId(6), settings, rounds, this);
    run.owner = owner;
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
