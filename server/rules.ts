// The room's rules as pure checks on its context: why a join, an answer or a command would be refused.
// The room machine uses them as guards (so the machine is the authority) and the socket edge uses them
// to tell a client *why* the machine refused, with a code from the protocol's closed list.
import type { ErrorCode } from '../shared/protocol.ts';
import { checkNickname, nicknameKey } from './nickname.ts';
import { isPermutation } from './round.ts';
import type { RoomContext, RoomEvent } from './room-types.ts';

/** A refusal: the protocol code and a sentence for people. */
export interface Rejection {
  code: ErrorCode;
  message: string;
}

const reject = (code: ErrorCode, message: string): Rejection => ({ code, message });

/** Why this JOIN cannot happen given the room's players and lock (not its phase), or null. */
export function joinProblem(ctx: RoomContext, ev: Extract<RoomEvent, { type: 'JOIN' }>): Rejection | null {
  const name = checkNickname(ev.nickname);
  if (!name.ok) return reject('NAME_INVALID', name.message);
  if (ctx.locked) return reject('ROOM_LOCKED', 'The room is locked: the host is not letting new players in.');
  const players = Object.values(ctx.players);
  if (players.length >= ctx.settings.maxPlayers) return reject('ROOM_FULL', `The room is full (${ctx.settings.maxPlayers} players).`);
  const key = nicknameKey(name.nickname);
  if (players.some((p) => p.key === key)) return reject('NAME_TAKEN', `Someone in this room is already called "${name.nickname}".`);
  if (ctx.players[ev.playerId] || ctx.kickedTokens.includes(ev.token)) return reject('INTERNAL', 'Could not register the player; please try again.');
  return null;
}

/** Why this ANSWER cannot be taken in the current round (not its phase), or null. */
export function answerProblem(ctx: RoomContext, ev: Extract<RoomEvent, { type: 'ANSWER' }>): Rejection | null {
  if (!ctx.players[ev.playerId]) return reject('NOT_PLAYER', 'You are not a player in this room.');
  const round = ctx.round;
  if (!round || !round.hands[ev.playerId]) return reject('ROUND_CLOSED', 'You have no cards in this round.');
  if (round.answers[ev.playerId]) return reject('ALREADY_ANSWERED', 'You already answered this round.');
  if (!isPermutation(ev.order, round.cards)) return reject('INVALID_ORDER', 'The order must contain each of your cards exactly once.');
  return null;
}

/** Why the game cannot start, or null. */
export function startProblem(ctx: RoomContext): Rejection | null {
  if (Object.keys(ctx.players).length === 0) return reject('INVALID_STATE', 'Wait for at least one player to join before starting.');
  if (ctx.candidates.length === 0) return reject('NO_SNIPPETS', 'No snippet matches the room settings.');
  return null;
}

/** Why an event naming a player cannot apply to them, or null. */
export function playerProblem(ctx: RoomContext, playerId: string): Rejection | null {
  return ctx.players[playerId] ? null : reject('NOT_PLAYER', 'No such player in this room.');
}

/** Has every connected player with cards answered (and is anyone connected at all)? */
export function everyoneAnswered(ctx: RoomContext): boolean {
  const round = ctx.round;
  if (!round) return false;
  let connected = 0;
  for (const p of Object.values(ctx.players)) {
    if (!p.connected || !round.hands[p.id]) continue;
    connected++;
    if (!round.answers[p.id]) return false;
  }
  // Nobody connected: wait for the deadline rather than rush through a round no one sees.
  return connected > 0;
}

/** The parts of a room snapshot needed to explain a refusal. */
interface SnapshotLike {
  status: string;
  context: RoomContext;
  value: unknown;
}

function stateName(snapshot: SnapshotLike): string {
  const v = snapshot.value;
  if (typeof v === 'string') return v;
  const round = (v as { round?: string }).round;
  return round ? `round.${round}` : 'unknown';
}

/**
 * Why the room machine refused `event` (the machine already said no): the phase first, then the
 * rules. Used only to word the error acknowledgement; the machine stays the authority.
 */
export function explainRejection(snapshot: SnapshotLike, event: RoomEvent): Rejection {
  const ctx = snapshot.context;
  const state = stateName(snapshot);
  const inRound = state.startsWith('round.');
  if (snapshot.status !== 'active' || state === 'ended') return reject('INVALID_STATE', 'The game is over.');
  switch (event.type) {
    case 'JOIN':
      if (state === 'podium') return reject('INVALID_STATE', 'The game is over.');
      if (state !== 'lobby' && !ctx.settings.allowLateJoin) return reject('LATE_JOIN_CLOSED', 'The game has started and this room does not take late players.');
      return joinProblem(ctx, event) ?? reject('INVALID_STATE', 'Cannot join right now.');
    case 'ANSWER':
      if (state === 'round.paused') return reject('ROUND_CLOSED', 'The game is paused: answer once it resumes.');
      if (state === 'round.countdown') return reject('ROUND_CLOSED', 'Answering has not opened yet.');
      if (state !== 'round.answering') return reject('ROUND_CLOSED', 'No round is accepting answers now.');
      return answerProblem(ctx, event) ?? reject('ROUND_CLOSED', 'No round is accepting answers now.');
    case 'START':
      if (state !== 'lobby') return reject('INVALID_STATE', 'The game has already started.');
      return startProblem(ctx) ?? reject('INVALID_STATE', 'Cannot start now.');
    case 'PAUSE':
      if (state === 'round.paused') return reject('INVALID_STATE', 'The game is already paused.');
      return reject('INVALID_STATE', 'Nothing to pause: no round is running.');
    case 'RESUME':
      return reject('INVALID_STATE', 'The game is not paused.');
    case 'END_ROUND':
      return reject('INVALID_STATE', state === 'round.countdown' ? 'Answering has not opened yet.' : 'No round is accepting answers now.');
    case 'SKIP':
      return reject('INVALID_STATE', inRound ? 'Cannot skip now.' : 'No round is running: there is nothing to skip.');
    case 'NEXT':
      if (state === 'lobby') return reject('INVALID_STATE', 'Start the game first.');
      if (inRound) return reject('INVALID_STATE', 'The round is still running: end it early or wait for the deadline.');
      return reject('INVALID_STATE', 'Cannot advance now.');
    case 'KICK':
    case 'REJOIN':
    case 'DISCONNECT':
      return playerProblem(ctx, event.playerId) ?? reject('INVALID_STATE', 'Cannot do that now.');
    default:
      return reject('INVALID_STATE', 'Cannot do that now.');
  }
}
