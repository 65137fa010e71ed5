// Per-recipient projections of a room snapshot: what the host screen may see and what one player may
// see. The true order, the scoring and the trace only appear from the reveal on, and a player's view
// holds that player's hand and result only, never anyone's token. Everything the server sends about a
// room goes through here.
import type {
  HostView,
  LeaderboardEntry,
  PlayerOwn,
  PlayerShared,
  PlayerView,
  RevealInfo,
  RoomNotice,
  RoomPhase,
  RoundInfo,
  RoundResult,
} from '../shared/protocol.ts';
import { composePlayerView } from '../shared/player-view.ts';
import { allowedControls, commandTarget, phaseOf, type RoomSnapshot } from './room-machine.ts';
import type { RoomContext, RoundRecord } from './room-types.ts';
import { leaderboardFor } from './standings.ts';
import { cardVerdicts, handCards } from './round.ts';

export type { RoomSnapshot } from './room-machine.ts';
export { phaseOf } from './room-machine.ts';

/** How many leaderboard entries a player's view carries (plus their own). */
export const PLAYER_LEADERBOARD_SIZE = 10;

function countKeys(record: object): number {
  let n = 0;
  for (const _ in record) n++;
  return n;
}

function roundInfo(ctx: RoomContext, phase: RoomPhase, paused: boolean, now: number): RoundInfo | null {
  const round = ctx.round;
  if (!round || phase === 'lobby' || phase === 'podium' || phase === 'ended') return null;
  const { source, id, title, difficulty, topics } = round.entry.snippet;
  let endsAt: number | null = null;
  let startsAt: number | null = null;
  let remainingMs: number | null = null;
  if (paused) remainingMs = round.pausedFrom === 'answering' ? round.pausedRemainingMs : round.limitMs;
  else if (phase === 'countdown' && round.countdownEndsAt !== null) {
    startsAt = round.countdownEndsAt;
    endsAt = round.countdownEndsAt + round.limitMs;
  } else if (phase === 'answering') endsAt = round.deadlineAt;
  return {
    number: round.number,
    total: ctx.rounds.length,
    snippet: { id, title, difficulty, topics: [...topics], source },
    endsAt,
    serverNow: now,
    startsAt,
    remainingMs,
    limitSeconds: round.limitMs / 1000,
    answeredCount: countKeys(round.answers),
    playerCount: Object.keys(round.hands).length,
  };
}

/** The full leaderboard, ranked (score, then total answer time, then nickname): see server/standings.ts. */
export function leaderboardOf(ctx: RoomContext, owner: object = ctx): LeaderboardEntry[] {
  return leaderboardFor(ctx.players, owner);
}

function revealInfo(ctx: RoomContext): RevealInfo | null {
  const round = ctx.round;
  if (!round || !round.results) return null;
  return {
    trueOrder: round.cards.map((c) => ({ id: c.id, text: c.text, loc: c.loc })),
    trace: round.entry.trace,
    explanation: round.entry.explanation,
  };
}

/** The result of a player who held no cards this round (joined after it was dealt). */
function noResult(ctx: RoomContext): RoundResult {
  return {
    submitted: null,
    verdicts: ctx.round ? cardVerdicts(ctx.round.cards, null, null) : [],
    correct: [],
    inOrder: [],
    cardsRight: 0,
    cardsInOrder: 0,
    fullyRight: false,
    points: 0,
    streak: 0,
    streakBonus: 0,
    seconds: null,
  };
}

/**
 * The notice that a round was skipped: shown during the round that follows it, or at the podium (or
 * end) when the skip, or the host ending the game mid-round, finished the game.
 */
export function noticeOf(ctx: RoomContext, phase: RoomPhase): RoomNotice | null {
  const last = ctx.history[ctx.history.length - 1];
  if (!last?.skipped || !ctx.round) return null;
  if ((phase === 'countdown' || phase === 'answering') && ctx.round.number === last.number + 1) {
    return { kind: 'round-skipped', round: last.number, message: `The host skipped round ${last.number}: it does not count for anyone.` };
  }
  if ((phase === 'podium' || phase === 'ended') && ctx.round.number === last.number) {
    return { kind: 'round-skipped', round: last.number, message: `The game ended during round ${last.number}: that round does not count.` };
  }
  return null;
}

/** Points per player of a scored round, indexed once per round record (records never change). */
const pointsByRecord = new WeakMap<RoundRecord, Map<string, number>>();

/** A player's best scored round so far (most points, earliest on a tie). */
function bestRoundOf(ctx: RoomContext, playerId: string): { number: number; points: number } | null {
  let best: { number: number; points: number } | null = null;
  for (const record of ctx.history) {
    if (record.skipped) continue;
    let points = pointsByRecord.get(record);
    if (!points) pointsByRecord.set(record, (points = new Map(record.results.map((r) => [r.playerId, r.points]))));
    const mine = points.get(playerId);
    if (mine !== undefined && (!best || mine > best.points)) best = { number: record.number, points: mine };
  }
  return best;
}

/** The views of one snapshot; shared parts are computed once for all recipients. */
export interface RoomViews {
  host(): HostView;
  /** Null when `playerId` is not (or no longer) in the room. */
  player(playerId: string): PlayerView | null;
  /** What every player sees alike (one room broadcast); `seq`/`ownSince` are the caller's. */
  shared(seq?: number, ownSince?: number): PlayerShared;
  /** What only `playerId` sees, built with shared part `seq`; null when not in the room. */
  own(playerId: string, seq?: number): PlayerOwn | null;
}

/** Builds the views of a snapshot at server time `now`. */
export function roomViews(snapshot: RoomSnapshot, now: number): RoomViews {
  const ctx = snapshot.context;
  const phase = phaseOf(snapshot);
  const paused = snapshot.matches({ round: 'paused' });
  const round = roundInfo(ctx, phase, paused, now);
  const leaderboard = leaderboardOf(ctx, snapshot.machine);
  let entries: Map<string, LeaderboardEntry> | null = null;
  const entryOf = (playerId: string) => (entries ??= new Map(leaderboard.map((e) => [e.playerId, e]))).get(playerId) ?? null;
  const reveal = phase === 'reveal' ? revealInfo(ctx) : null;
  const top = leaderboard.slice(0, PLAYER_LEADERBOARD_SIZE);
  const handsVisible = phase === 'countdown' || phase === 'answering' || phase === 'reveal';
  const notice = noticeOf(ctx, phase);
  const playerCount = countKeys(ctx.players);
  const shared = (seq = 0, ownSince = 0): PlayerShared => ({ code: ctx.code, seq, ownSince, playerCount, phase, paused, round, reveal, top, notice });
  const own = (playerId: string, seq = 0): PlayerOwn | null => {
    const p = ctx.players[playerId];
    if (!p) return null;
    const entry = entryOf(playerId);
    const hand = handsVisible && ctx.round?.hands[playerId] ? handCards(ctx.round.hands[playerId], ctx.round.cards) : [];
    const answer = handsVisible ? ctx.round?.answers[playerId] : undefined;
    return {
      code: ctx.code,
      seq,
      you: {
        id: p.id,
        nickname: p.nickname,
        score: p.score,
        rank: p.ranked && entry ? entry.rank : null,
        streak: p.streak,
        bestStreak: p.bestStreak,
        bestRound: bestRoundOf(ctx, p.id),
      },
      hand,
      submitted: answer ? [...answer.order] : null,
      result: reveal ? (ctx.round?.results?.[playerId] ?? noResult(ctx)) : null,
      entry,
    };
  };
  return {
    host: () => ({
      role: 'host',
      code: ctx.code,
      joinUrl: ctx.joinUrl,
      settings: { ...ctx.settings, rounds: ctx.rounds.length || ctx.settings.rounds },
      phase,
      paused,
      locked: ctx.locked,
      players: Object.values(ctx.players).map((p) => ({
        id: p.id,
        nickname: p.nickname,
        connected: p.connected,
        score: p.score,
        answered: Boolean(ctx.round && handsVisible && ctx.round.answers[p.id]),
      })),
      round,
      reveal: reveal && ctx.round?.distribution ? { ...reveal, distribution: ctx.round.distribution } : null,
      leaderboard,
      reportPath: `/rooms/${ctx.code}/report.csv`,
      allowedCommands: allowedControls(snapshot),
      banned: (ctx.bans ?? []).map((b) => ({ id: b.id, nickname: b.nickname })),
      commandTarget: commandTarget(snapshot),
      notice,
    }),
    shared,
    own,
    player: (playerId) => {
      const mine = own(playerId);
      return mine ? composePlayerView(shared(), mine) : null;
    },
  };
}

/** What the host screen may see. */
export function hostView(snapshot: RoomSnapshot, now: number): HostView {
  return roomViews(snapshot, now).host();
}

/** What player `playerId` may see (null if not in the room). */
export function playerView(snapshot: RoomSnapshot, playerId: string, now: number): PlayerView | null {
  return roomViews(snapshot, now).player(playerId);
}
