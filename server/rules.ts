// The room's rules as pure checks on its context, each saying WHY an event would be refused (a code
// from the protocol's closed list and a sentence for people) or null when it is allowed. The room
// machine's guards are exactly these checks (guard = check(...) === null), and when the machine refuses
// an event the reason is read back from the check of the guard that failed: the reasons live with the
// guards, and nothing here knows the names of the machine's states.
import type { ErrorCode, RoomPhase } from '../shared/protocol.ts';
import { checkNickname, KEY_SEPARATOR, nicknameKey, sameNicknameKey } from './nickname.ts';
import { isPermutation } from './round.ts';
import type { RoomContext, RoomEvent } from './room-types.ts';

/** A refusal: the protocol code and a sentence for people. */
export interface Rejection {
  code: ErrorCode;
  message: string;
}

export const reject = (code: ErrorCode, message: string): Rejection => ({ code, message });

/**
 * The phase a host command must name to act in a state: a phase of the protocol, or `paused`, which
 * stands for the phase the round was paused in (the host screen keeps showing it).
 */
export type Aim = RoomPhase | 'paused';

/** Params of the aimed-at guards. */
export interface AimParams {
  phase: Aim;
}

/**
 * checkNickname of the last nickname asked about: one JOIN asks three times (the refusal check, the
 * machine's guard, the action), and the profanity matcher is the costliest part of a join.
 */
let lastNickname: { raw: string; result: ReturnType<typeof checkNickname> } | null = null;
export function checkNicknameOnce(raw: string): ReturnType<typeof checkNickname> {
  if (lastNickname?.raw !== raw) lastNickname = { raw, result: checkNickname(raw) };
  return lastNickname.result;
}

/** Why this JOIN cannot happen given the room's players and lock (not its phase), or null. */
export function joinProblem(ctx: RoomContext, ev: RoomEvent): Rejection | null {
  if (ev.type !== 'JOIN') return reject('INVALID_STATE', 'Not a join.');
  const name = checkNicknameOnce(ev.nickname);
  if (!name.ok) return reject('NAME_INVALID', name.message);
  const key = nicknameKey(name.nickname);
  if (isBanned(ctx, key, ev.deviceId ?? null)) return reject('KICKED', 'The host removed you from this game; ask the host if you think this is a mistake.');
  if (ctx.locked) return reject('ROOM_LOCKED', 'The room is locked: the host is not letting new players in.');
  let count = 0;
  for (const _ in ctx.players) count++;
  if (count >= ctx.settings.maxPlayers) return reject('ROOM_FULL', `The room is full (${ctx.settings.maxPlayers} players).`);
  if (nicknameTaken(ctx, key)) return reject('NAME_TAKEN', `Someone in this room is already called "${name.nickname}".`);
  if (ctx.players[ev.playerId] || ctx.kickedTokens.includes(ev.token)) return reject('INTERNAL', 'Could not register the player; please try again.');
  return null;
}

/** The nickname keys of a room's players, split once per player (see `nicknameTaken`). */
interface NicknameIndex {
  keys: Map<string, string>; // player id -> key
  folded: Map<string, number>; // folded part -> how many players
  exact: Map<string, number>; // exact part -> how many players
}
/** Kept per room: keyed by the room's candidates array, which lives as long as the room's context. */
const nicknameIndexes = new WeakMap<object, NicknameIndex>();

const bump = (m: Map<string, number>, k: string, by: number) => {
  const n = (m.get(k) ?? 0) + by;
  if (n > 0) m.set(k, n);
  else m.delete(k);
};

/**
 * Whether a player of the room already has a nickname the same as `key` (sameNicknameKey), in O(1) map
 * look-ups after a pass over the player ids (no key is split twice): joining a 2000-player room does
 * not compare the newcomer with everyone.
 */
export function nicknameTaken(ctx: RoomContext, key: string): boolean {
  let index = nicknameIndexes.get(ctx.candidates);
  if (!index) nicknameIndexes.set(ctx.candidates, (index = { keys: new Map(), folded: new Map(), exact: new Map() }));
  const change = (k: string, by: number) => {
    const [folded, exact = folded] = k.split(KEY_SEPARATOR);
    bump(index.folded, folded, by);
    bump(index.exact, exact, by);
  };
  let count = 0;
  for (const id in ctx.players) {
    count++;
    const k = ctx.players[id].key;
    const known = index.keys.get(id);
    if (known === k) continue;
    if (known !== undefined) change(known, -1);
    index.keys.set(id, k);
    change(k, 1);
  }
  if (count !== index.keys.size) {
    for (const [id, k] of [...index.keys]) if (!ctx.players[id]) index.keys.delete(id), change(k, -1);
  }
  const [folded, exact = folded] = key.split(KEY_SEPARATOR);
  return index.folded.has(folded) || index.exact.has(exact);
}

/** Is a player with this nickname key or device banned (kicked) from the room? */
export function isBanned(ctx: RoomContext, key: string, deviceId: string | null): boolean {
  return (ctx.bans ?? []).some((b) => sameNicknameKey(b.key, key) || (deviceId !== null && b.deviceId === deviceId));
}

/** Why an UNBAN cannot apply (no such ban), or null. */
export function unbanProblem(ctx: RoomContext, ev: RoomEvent): Rejection | null {
  if (ev.type !== 'UNBAN') return reject('INVALID_STATE', 'Not an unban.');
  return (ctx.bans ?? []).some((b) => b.id === ev.banId) ? null : reject('NOT_PLAYER', 'That player is not banned from this room (already let back in?).');
}

/** Why a JOIN after the game started cannot happen, or null. */
export function lateJoinProblem(ctx: RoomContext, ev: RoomEvent): Rejection | null {
  if (!ctx.settings.allowLateJoin) return reject('LATE_JOIN_CLOSED', 'The game has started and this room does not take late players.');
  return joinProblem(ctx, ev);
}

/**
 * Why this ANSWER cannot be taken in the current round, or null. An answer made while the round is
 * paused is taken (and timed as of the pause): a student who submits as the host pauses keeps it. A
 * pause during the countdown is different: answering has not opened yet.
 */
export function answerProblem(ctx: RoomContext, ev: RoomEvent): Rejection | null {
  if (ev.type !== 'ANSWER') return reject('INVALID_STATE', 'Not an answer.');
  if (!ctx.players[ev.playerId]) return reject('NOT_PLAYER', 'You are not a player in this room.');
  const round = ctx.round;
  if (!round || !round.hands[ev.playerId]) return reject('ROUND_CLOSED', 'You have no cards in this round.');
  if (round.pausedFrom === 'countdown') return reject('ROUND_CLOSED', 'Answering has not opened yet.');
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
export function playerProblem(ctx: RoomContext, ev: RoomEvent): Rejection | null {
  if (!('playerId' in ev)) return reject('INVALID_STATE', 'No player named.');
  return ctx.players[ev.playerId] ? null : reject('NOT_PLAYER', 'No such player in this room.');
}

/** The round number host commands name now (0 before the first round). */
export function currentRoundNumber(ctx: RoomContext): number {
  return ctx.round?.number ?? 0;
}

function describeTarget(round: number, phase: string): string {
  return round === 0 ? phase : `round ${round} (${phase})`;
}

/**
 * Why a host command is not aimed at where the room is (round number and the phase of the state it
 * arrives in), or null. This is what makes a repeated or stale command harmless.
 */
export function aimProblem(ctx: RoomContext, ev: RoomEvent, params: AimParams): Rejection | null {
  if (!('round' in ev) || !('phase' in ev)) return reject('BAD_REQUEST', 'A host command must name its round and phase.');
  const phase = params.phase === 'paused' ? (ctx.round?.pausedFrom ?? 'answering') : params.phase;
  const round = currentRoundNumber(ctx);
  if (ev.round === round && ev.phase === phase) return null;
  return reject(
    'INVALID_STATE',
    `This command was meant for ${describeTarget(ev.round, ev.phase)}, but the room is now at ${describeTarget(round, phase)}: nothing was done.`,
  );
}

/** START: aimed at the lobby, with players and snippets. */
export function startCheck(ctx: RoomContext, ev: RoomEvent): Rejection | null {
  return aimProblem(ctx, ev, { phase: 'lobby' }) ?? startProblem(ctx);
}

/** Has every connected player with cards answered (and is anyone connected at all)? */
export function everyoneAnswered(ctx: RoomContext): boolean {
  const round = ctx.round;
  if (!round) return false;
  let connected = 0;
  // No array of players per answer; stops at the first connected player still to answer.
  for (const id in ctx.players) {
    const p = ctx.players[id];
    if (!p.connected || !round.hands[p.id]) continue;
    connected++;
    if (!round.answers[p.id]) return false;
  }
  // Nobody connected: wait for the deadline rather than rush through a round no one sees.
  return connected > 0;
}

/** A check as the machine's guards use it. */
export type Check = (ctx: RoomContext, ev: RoomEvent, params: AimParams) => Rejection | null;

/**
 * The checks behind the machine's refusable guards, by guard name. The machine defines each of these
 * guards as `check(...) === null`; its refusal explainer calls the same check to say why.
 */
export const CHECKS = {
  canJoin: (ctx, ev) => joinProblem(ctx, ev),
  canLateJoin: (ctx, ev) => lateJoinProblem(ctx, ev),
  canAnswer: (ctx, ev) => answerProblem(ctx, ev),
  canStart: (ctx, ev) => startCheck(ctx, ev),
  isPlayer: (ctx, ev) => playerProblem(ctx, ev),
  isBanned: (ctx, ev) => unbanProblem(ctx, ev),
  aimedAt: (ctx, ev, params) => aimProblem(ctx, ev, params),
} satisfies Record<string, Check>;

export type CheckName = keyof typeof CHECKS;

/**
 * What an event is refused with when the state it arrives in has no transition for it at all (a state
 * may word it better in its `meta.refuse`).
 */
export const DEFAULT_REFUSALS: Record<RoomEvent['type'], Rejection> = {
  JOIN: reject('INVALID_STATE', 'The game is over.'),
  REJOIN: reject('INVALID_STATE', 'The game is over.'),
  DISCONNECT: reject('INVALID_STATE', 'The game is over.'),
  ANSWER: reject('ROUND_CLOSED', 'No round is accepting answers now.'),
  START: reject('INVALID_STATE', 'The game has already started.'),
  PAUSE: reject('INVALID_STATE', 'Nothing to pause: no round is running.'),
  RESUME: reject('INVALID_STATE', 'The game is not paused.'),
  END_ROUND: reject('INVALID_STATE', 'No round is accepting answers now.'),
  SKIP: reject('INVALID_STATE', 'No round is running: there is nothing to skip.'),
  NEXT: reject('INVALID_STATE', 'There is no next step now.'),
  KICK: reject('INVALID_STATE', 'The game is over.'),
  UNBAN: reject('INVALID_STATE', 'The game is over.'),
  LOCK: reject('INVALID_STATE', 'The game is over.'),
  END: reject('INVALID_STATE', 'The game is over.'),
};
