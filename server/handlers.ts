// The socket edge: for each client event, validate the payload (shared/schemas.ts), authenticate the
// host or player token, translate to a machine event, acknowledge, and let the room broadcast fresh
// views. Bad input always gets an error acknowledgement and changes nothing; a client that forgot the
// acknowledgement callback does not crash anything. Abuse limits (server/limits.ts) are applied here:
// events per socket, rooms and practice runs per socket and address, joins and wrong room codes per address.
import type { Actor } from 'xstate';
import type { z } from 'zod';
import type { HostCommand } from '../shared/protocol.ts';
import {
  answerSchema,
  createRoomSchema,
  hostAuthSchema,
  hostCommandSchema,
  joinSchema,
  kickSchema,
  lockSchema,
  practiceAnswerSchema,
  practiceNextSchema,
  practiceSettingsSchema,
  rejoinSchema,
  unbanSchema,
  withPracticeDefaults,
  withRoomDefaults,
} from '../shared/schemas.ts';
import { selectEntries } from './deck.ts';
import { edgeHandler, fail, type AckData, type EventName, type Reply } from './edge.ts';
import { CODE_GUESSING_MESSAGE, clientAddress } from './limits.ts';
import { answerPractice, nextPractice } from './practice-machine.ts';
import { HOST_COMMAND_EVENTS, commandTarget, phaseOf, type RoomMachine } from './room-machine.ts';
import type { HostEvent, RoomEvent } from './room-types.ts';
import { LiveRoom, sameSecret, type GameSocket, type RoomRegistry } from './rooms.ts';
import { roomViews } from './views.ts';


/** Skips practice rounds (before they are answered) whose snippet is in `live`. */
function skipLiveRounds(actor: Actor<RoomMachine>, live: Set<string>): void {
  for (;;) {
    const snapshot = actor.getSnapshot();
    const snippet = snapshot.context.round?.entry.snippet.id;
    if (phaseOf(snapshot) !== 'answering' || !snippet || !live.has(snippet)) return;
    actor.send({ type: 'SKIP', ...commandTarget(snapshot) });
    if (actor.getSnapshot() === snapshot) return; // refused: leave the run as it is
  }
}

/**
 * A room just picked its snippets: any practice round on screen with one of them is skipped at once,
 * before its deadline or an answer could reveal it (the student gets the next round's view).
 */
function withdrawLivePractice(registry: RoomRegistry): void {
  const live = registry.liveSnippetIds();
  for (const run of registry.practice.values()) {
    const snapshot = run.actor.getSnapshot();
    const snippet = snapshot.context.round?.entry.snippet.id;
    if (phaseOf(snapshot) !== 'answering' || !snippet || !live.has(snippet)) continue;
    run.muted = true;
    try {
      skipLiveRounds(run.actor, live);
    } finally {
      run.muted = false;
    }
    const view = run.view();
    for (const socket of run.sockets) socket.emit('practice:view', view);
  }
}

/** Attaches every client event handler to a freshly connected socket. */
export function attachHandlers(socket: GameSocket, registry: RoomRegistry): void {
  const { deps, log } = registry.options;
  const { guard } = registry;
  const { limits } = guard;
  socket.data.hostOf = new Set();
  socket.data.playerOf = new Map();
  socket.data.practice = new Set();
  socket.data.address = clientAddress(socket.handshake.address, socket.handshake.headers, limits.trustProxy);
  const address = socket.data.address;

  /** Registers `event` with payload validation, rate limiting, a safe ack and error capture. */
  const handle = edgeHandler(socket, guard, log);

  /**
   * The room with this code, or a failed reply. Wrong codes are counted per address (not per socket, so
   * a fresh socket does not reset them); over the limit every lookup from that address is refused, so
   * the refusal itself says nothing about which codes exist, except a request that proves it belongs to
   * the room (`member`: a valid host or player token), so the rest of a class keeps playing.
   */
  async function findRoom(code: string, reply: Reply, member?: (room: LiveRoom) => boolean): Promise<LiveRoom | null> {
    const room = registry.getRoom(code);
    if ((await guard.codeMisses.blocked(address)) && !(room && member?.(room))) {
      reply(fail('RATE_LIMITED', CODE_GUESSING_MESSAGE));
      return null;
    }
    if (room) return room;
    await guard.codeMisses.take(address);
    reply(fail('ROOM_NOT_FOUND', `No room with code ${code}. Check the code on the host screen.`));
    return null;
  }

  async function hostRoom(req: { code: string; hostToken: string }, reply: Reply): Promise<LiveRoom | null> {
    const room = await findRoom(req.code, reply, (r) => r.isHost(req.hostToken));
    if (!room) return null;
    if (!room.isHost(req.hostToken)) {
      reply(fail('NOT_HOST', 'Only the host of this room can do that.'));
      return null;
    }
    return room;
  }

  /** Resolves a player token: the player's id, or a failed reply (kicked, unknown). */
  function playerOf(room: LiveRoom, token: string, reply: Reply): string | null {
    const id = room.tokens.get(token);
    if (id) return id;
    if (room.actor.getSnapshot().context.kickedTokens.includes(token)) reply(fail('KICKED', 'You were removed from this game by the host.'));
    else reply(fail('NOT_PLAYER', 'This player token is not valid in this room; join again with a nickname.'));
    return null;
  }

  function hostCommand<S extends z.ZodType<{ code: string; hostToken: string }>>(event: EventName, schema: S, toEvent: (req: z.output<S>) => RoomEvent) {
    handle(event, schema, async (req, reply) => {
      const room = await hostRoom(req, reply);
      if (!room) return;
      room.attachHost(socket); // a command proves host-ness: keep this socket informed
      const machineEvent = toEvent(req);
      const kicked = machineEvent.type === 'KICK' ? room.actor.getSnapshot().context.players[machineEvent.playerId] : undefined;
      const rejection = room.send(machineEvent);
      if (rejection) return reply(fail(rejection.code, rejection.message));
      (reply as Reply)({ ok: true });
      if (kicked) room.expel(kicked.id, kicked.token);
      if (machineEvent.type === 'START') withdrawLivePractice(registry);
    });
  }

  handle('room:create', createRoomSchema, async (req, reply) => {
    const { hostKey, deck, ...wanted } = req;
    if (limits.hostKey !== null && !(hostKey && sameSecret(hostKey, limits.hostKey))) {
      return reply(fail('NOT_HOST', 'This server needs the host key to create rooms: ask whoever runs it.'));
    }
    const settings = withRoomDefaults(wanted);
    // A deck (server/deck-library.ts) is played whole and in order unless `rounds` says fewer.
    const found = deck ? (registry.options.decks?.playable(deck.deckId, deck.editToken) ?? null) : null;
    if (deck && !Array.isArray(found)) return reply(fail('DECK_NOT_FOUND', found ? found.message : 'Decks are not available on this server.'));
    const picked = Array.isArray(found) ? found : null;
    const candidates = picked ?? selectEntries(registry.options.deck, settings.topics, settings.difficulties);
    if (candidates.length === 0) return reply(fail('NO_SNIPPETS', picked ? 'This deck has no playable snippet.' : 'No snippet in the bank matches these topics and difficulties.'));
    if (picked && wanted.rounds === undefined) settings.rounds = Math.min(30, picked.length);
    settings.rounds = Math.min(settings.rounds, candidates.length);
    settings.maxPlayers = Math.min(settings.maxPlayers, limits.maxPlayers); // MAX_PLAYERS caps every room
    const owned = registry.roomsOwnedBy(address, socket.id);
    if (owned.bySocket >= limits.roomsPerSocket) {
      return reply(fail('RATE_LIMITED', `You already host ${owned.bySocket} open rooms from this page: end one before opening another.`));
    }
    if (owned.byAddress >= limits.roomsPerAddress) {
      return reply(fail('RATE_LIMITED', `Your network already has ${owned.byAddress} open rooms on this server: end one before opening another.`));
    }
    if (!(await guard.roomCreates.take(address))) return reply(fail('RATE_LIMITED', 'Too many rooms opened from your network this hour; try again later.'));
    const host = socket.handshake.headers.host ?? 'localhost';
    const proto = socket.handshake.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
    const room = registry.createRoom(settings, `${proto}://${host}`, { address, socketId: socket.id }, picked ? { candidates: picked } : undefined);
    if (!(room instanceof LiveRoom)) return reply(fail(room.code, room.message));
    room.attachHost(socket);
    reply({ ok: true, code: room.code, hostToken: room.hostToken, view: roomViews(room.actor.getSnapshot(), deps.now()).host() });
  });

  handle('host:resume', hostAuthSchema, async (req, reply) => {
    const room = await hostRoom(req, reply);
    if (!room) return;
    room.attachHost(socket);
    reply({ ok: true, view: roomViews(room.actor.getSnapshot(), deps.now()).host() });
  });

  handle('room:join', joinSchema, async (req, reply) => {
    const room = await findRoom(req.code, reply);
    if (!room) return;
    // One seat per socket per room: a second join from the same connection would be a second player.
    const seat = socket.data.playerOf.get(room.code);
    if (seat) {
      const name = room.actor.getSnapshot().context.players[seat]?.nickname ?? 'someone';
      return reply(fail('ALREADY_JOINED', `This device already plays in this room as "${name}".`));
    }
    if (!(await guard.joins.take(address))) {
      return reply(fail('RATE_LIMITED', 'Too many players joined from your network in the last few minutes: wait a little, then try again.'));
    }
    const playerId = deps.randomId(9);
    const token = registry.newToken();
    const rejection = room.send({ type: 'JOIN', playerId, token, nickname: req.nickname, deviceId: req.deviceId ?? null });
    if (rejection) return reply(fail(rejection.code, rejection.message));
    room.tokens.set(token, playerId);
    room.attachPlayer(socket, playerId);
    reply({ ok: true, playerToken: token, view: roomViews(room.actor.getSnapshot(), deps.now()).player(playerId)! });
  });

  handle('room:rejoin', rejoinSchema, async (req, reply) => {
    const room = await findRoom(req.code, reply, (r) => r.tokens.has(req.playerToken));
    if (!room) return;
    const playerId = playerOf(room, req.playerToken, reply);
    if (!playerId) return;
    room.attachPlayer(socket, playerId);
    const view = roomViews(room.actor.getSnapshot(), deps.now()).player(playerId);
    if (!view) return reply(fail('NOT_PLAYER', 'You are no longer in this room.'));
    reply({ ok: true, view });
  });

  // Flow commands name the round and phase they are meant for: the machine refuses a stale one.
  for (const [command, type] of Object.entries(HOST_COMMAND_EVENTS) as [HostCommand, HostEvent['type']][]) {
    hostCommand(command, hostCommandSchema, (req) => ({ type, round: req.round, phase: req.phase }));
  }
  hostCommand('player:kick', kickSchema, (req) => ({ type: 'KICK', playerId: req.playerId }));
  hostCommand('player:unban', unbanSchema, (req) => ({ type: 'UNBAN', banId: req.banId }));
  hostCommand('room:lock', lockSchema, (req) => ({ type: 'LOCK', locked: req.locked }));

  handle('round:answer', answerSchema, async (req, reply) => {
    const room = await findRoom(req.code, reply, (r) => r.tokens.has(req.playerToken));
    if (!room) return;
    const playerId = playerOf(room, req.playerToken, reply);
    if (!playerId) return;
    const rejection = room.send({ type: 'ANSWER', playerId, order: req.order });
    if (rejection) return reply(fail(rejection.code, rejection.message));
    reply({ ok: true, submitted: req.order });
  });

  handle('practice:start', practiceSettingsSchema, (req, reply) => {
    // A deck's practice link: its snippets in order, read by the public practice id (no token).
    const deckEntries = req.deck ? registry.options.decks?.practiceEntries(req.deck) : undefined;
    if (req.deck && !deckEntries) return reply(fail('DECK_NOT_FOUND', 'No deck with this practice link: ask your teacher for the link again.'));
    const settings = withPracticeDefaults(req);
    if (deckEntries && req.rounds === undefined) settings.rounds = Math.min(20, deckEntries.length);
    const run = registry.startPractice(settings, { address, socketId: socket.id }, deckEntries ?? undefined);
    if ('code' in run) return reply(fail(run.code, run.message));
    run.attach(socket);
    reply({ ok: true, token: run.token, view: run.view() });
  });

  handle('practice:answer', practiceAnswerSchema, (req, reply) => {
    const run = registry.practice.get(req.token);
    if (!run) return reply(fail('NOT_PLAYER', 'No such practice run (it may have expired): start a new one.'));
    run.attach(socket);
    run.touch();
    const rejection = answerPractice(run.actor, req.order);
    if (rejection) {
      // A late answer (time ran out on the way): the round is revealed; make sure this phone has the view.
      socket.emit('practice:view', run.view());
      return reply(fail(rejection.code, rejection.message));
    }
    reply({ ok: true, view: run.view() });
  });

  handle('practice:next', practiceNextSchema, (req, reply) => {
    const run = registry.practice.get(req.token);
    if (!run) return reply(fail('NOT_PLAYER', 'No such practice run (it may have expired): start a new one.'));
    run.attach(socket);
    run.touch();
    // A room may have picked one of this run's snippets after the run began: such a round is skipped
    // before anyone sees it (views are held back meanwhile), so practice never deals a live snippet.
    run.muted = true;
    let rejection;
    try {
      rejection = nextPractice(run.actor);
      if (!rejection) skipLiveRounds(run.actor, registry.liveSnippetIds());
    } finally {
      run.muted = false;
    }
    if (rejection) return reply(fail(rejection.code, rejection.message));
    const view = run.view();
    for (const other of run.sockets) if (other !== socket) other.emit('practice:view', view);
    reply({ ok: true, view });
  });

  // A phone that stops reading its socket stops answering pings: after pingInterval + STALL_GRACE_MS
  // without a pong its player counts as away (the round does not wait for it) until it answers again.
  let stallTimer: NodeJS.Timeout | null = null;
  let heartbeats = 0;
  const armStallTimer = () => {
    if (stallTimer) clearTimeout(stallTimer);
    const seen = heartbeats;
    stallTimer = setTimeout(() => {
      // Judge only after reading what arrived while this server was busy: timers run before the poll
      // phase that reads sockets, so a pong waiting there would otherwise look like a stall.
      setImmediate(() => {
        if (heartbeats !== seen || socket.disconnected) return;
        socket.data.stalled = true;
        for (const code of socket.data.playerOf.keys()) registry.getRoom(code)?.socketStalled(socket);
      });
    }, limits.pingIntervalMs + limits.stallGraceMs);
    stallTimer.unref();
  };
  armStallTimer();
  socket.conn.on('heartbeat', () => {
    heartbeats++;
    armStallTimer();
    if (!socket.data.stalled) return;
    socket.data.stalled = false;
    for (const code of new Set([...socket.data.hostOf, ...socket.data.playerOf.keys()])) registry.getRoom(code)?.socketRecovered(socket);
  });

  socket.on('disconnect', () => {
    if (stallTimer) clearTimeout(stallTimer);
    for (const code of [...socket.data.hostOf, ...socket.data.playerOf.keys()]) registry.getRoom(code)?.detachSocket(socket);
    for (const token of socket.data.practice) registry.practice.get(token)?.sockets.delete(socket);
  });
}
