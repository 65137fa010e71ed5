// The socket edge: for each client event, validate the payload (shared/schemas.ts), authenticate the
// host or player token, translate to a machine event, acknowledge, and let the room broadcast fresh
// views. Bad input always gets an error acknowledgement and changes nothing; a client that forgot the
// acknowledgement callback does not crash anything.
import type { z } from 'zod';
import type { Ack, ClientToServerEvents, ErrorCode, HostCommand, Response } from '../shared/protocol.ts';
import {
  answerSchema,
  describeIssues,
  hostAuthSchema,
  hostCommandSchema,
  joinSchema,
  kickSchema,
  lockSchema,
  practiceAnswerSchema,
  practiceNextSchema,
  practiceSettingsSchema,
  rejoinSchema,
  roomSettingsSchema,
  withPracticeDefaults,
  withRoomDefaults,
} from '../shared/schemas.ts';
import { selectEntries } from './deck.ts';
import { answerPractice, nextPractice } from './practice-machine.ts';
import { HOST_COMMAND_EVENTS } from './room-machine.ts';
import type { HostEvent, RoomEvent } from './room-types.ts';
import { LiveRoom, type GameSocket, type RoomRegistry } from './rooms.ts';
import { roomViews } from './views.ts';

/** Token bucket per socket: a burst of BURST events, then RATE per second. Generous for people, stops floods. */
const BURST = 40;
const RATE = 20;

type Reply<T extends object = object> = (response: Response<T>) => void;
type EventName = keyof ClientToServerEvents;
/** The success data of an event's acknowledgement, read from the protocol. */
type AckData<E extends EventName> = Parameters<ClientToServerEvents[E]>[1] extends Ack<infer T> ? T : never;

const fail = (code: ErrorCode, message: string) => ({ ok: false as const, code, message });

/** Attaches every client event handler to a freshly connected socket. */
export function attachHandlers(socket: GameSocket, registry: RoomRegistry): void {
  const { deps, log } = registry.options;
  socket.data.hostOf = new Set();
  socket.data.playerOf = new Map();
  socket.data.practice = new Set();
  socket.data.bucket = { tokens: BURST, at: deps.now() };

  function allow(): boolean {
    const b = socket.data.bucket;
    const now = deps.now();
    b.tokens = Math.min(BURST, b.tokens + ((now - b.at) / 1000) * RATE);
    b.at = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Registers `event` with payload validation, rate limiting, a safe ack and error capture. */
  function handle<E extends EventName, S extends z.ZodType>(event: E, schema: S, run: (req: z.output<S>, reply: Reply<AckData<E>>) => void): void {
    socket.on(event as never, ((payload: unknown, ack: unknown) => {
      // `socket.emit('x', ack)` without a payload puts the callback first.
      if (typeof payload === 'function' && ack === undefined) {
        ack = payload;
        payload = undefined;
      }
      const reply: Reply<AckData<E>> = typeof ack === 'function' ? (ack as Reply<AckData<E>>) : () => {};
      if (!allow()) return reply(fail('RATE_LIMITED', 'Too many requests: slow down a little.'));
      const parsed = schema.safeParse(payload ?? {});
      if (!parsed.success) return reply(fail('BAD_REQUEST', describeIssues(parsed.error)));
      try {
        run(parsed.data, reply);
      } catch (err) {
        log(`handler ${event} failed: ${err instanceof Error ? err.stack : String(err)}`);
        reply(fail('INTERNAL', 'Something went wrong on the server.'));
      }
    }) as never);
  }

  function findRoom(code: string, reply: Reply): LiveRoom | null {
    const room = registry.getRoom(code);
    if (!room) reply(fail('ROOM_NOT_FOUND', `No room with code ${code}. Check the code on the host screen.`));
    return room ?? null;
  }

  function hostRoom(req: { code: string; hostToken: string }, reply: Reply): LiveRoom | null {
    const room = findRoom(req.code, reply);
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
    handle(event, schema, (req, reply) => {
      const room = hostRoom(req, reply);
      if (!room) return;
      room.attachHost(socket); // a command proves host-ness: keep this socket informed
      const machineEvent = toEvent(req);
      const kicked = machineEvent.type === 'KICK' ? room.actor.getSnapshot().context.players[machineEvent.playerId] : undefined;
      const rejection = room.send(machineEvent);
      if (rejection) return reply(fail(rejection.code, rejection.message));
      (reply as Reply)({ ok: true });
      if (kicked) room.expel(kicked.id, kicked.token);
    });
  }

  handle('room:create', roomSettingsSchema, (req, reply) => {
    const settings = withRoomDefaults(req);
    const candidates = selectEntries(registry.options.deck, settings.topics, settings.difficulties);
    if (candidates.length === 0) return reply(fail('NO_SNIPPETS', 'No snippet in the bank matches these topics and difficulties.'));
    settings.rounds = Math.min(settings.rounds, candidates.length);
    const host = socket.handshake.headers.host ?? 'localhost';
    const proto = socket.handshake.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
    const room = registry.createRoom(settings, `${proto}://${host}`);
    if (!(room instanceof LiveRoom)) return reply(fail(room.code, room.message));
    room.attachHost(socket);
    reply({ ok: true, code: room.code, hostToken: room.hostToken, view: roomViews(room.actor.getSnapshot(), deps.now()).host() });
  });

  handle('host:resume', hostAuthSchema, (req, reply) => {
    const room = hostRoom(req, reply);
    if (!room) return;
    room.attachHost(socket);
    reply({ ok: true, view: roomViews(room.actor.getSnapshot(), deps.now()).host() });
  });

  handle('room:join', joinSchema, (req, reply) => {
    const room = findRoom(req.code, reply);
    if (!room) return;
    const playerId = deps.randomId(9);
    const token = registry.newToken();
    const rejection = room.send({ type: 'JOIN', playerId, token, nickname: req.nickname });
    if (rejection) return reply(fail(rejection.code, rejection.message));
    room.tokens.set(token, playerId);
    room.attachPlayer(socket, playerId);
    reply({ ok: true, playerToken: token, view: roomViews(room.actor.getSnapshot(), deps.now()).player(playerId)! });
  });

  handle('room:rejoin', rejoinSchema, (req, reply) => {
    const room = findRoom(req.code, reply);
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
  hostCommand('room:lock', lockSchema, (req) => ({ type: 'LOCK', locked: req.locked }));

  handle('round:answer', answerSchema, (req, reply) => {
    const room = findRoom(req.code, reply);
    if (!room) return;
    const playerId = playerOf(room, req.playerToken, reply);
    if (!playerId) return;
    const rejection = room.send({ type: 'ANSWER', playerId, order: req.order });
    if (rejection) return reply(fail(rejection.code, rejection.message));
    reply({ ok: true, submitted: req.order });
  });

  handle('practice:start', practiceSettingsSchema, (req, reply) => {
    const run = registry.startPractice(withPracticeDefaults(req));
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
    const rejection = nextPractice(run.actor);
    if (rejection) return reply(fail(rejection.code, rejection.message));
    reply({ ok: true, view: run.view() });
  });

  socket.on('disconnect', () => {
    for (const code of [...socket.data.hostOf, ...socket.data.playerOf.keys()]) registry.getRoom(code)?.detachSocket(socket);
    for (const token of socket.data.practice) registry.practice.get(token)?.sockets.delete(socket);
  });
}
