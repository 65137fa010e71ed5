// Per-recipient projections of a room snapshot: what the host screen may see and what one player may
// see. The true order, the scoring and the trace only appear from the reveal on, and a player's view
// holds that player's hand and result only, never anyone's token. Everything the server sends about a
// room goes through here.
import type {
  HostView,
  LeaderboardEntry,
  PlayerView,
  RevealInfo,
  RoomNotice,
  RoomPhase,
  RoundInfo,
  RoundResult,
} from '../shared/protocol.ts';
import { rankStandings } from '../shared/scoring.ts';
import { allowedControls, commandTarget, phaseOf, type RoomSnapshot } from './room-machine.ts';
import type { RoomContext } from './room-types.ts';
import { cardVerdicts, handCards } from './round.ts';

export type { RoomSnapshot } from './room-machine.ts';
export { phaseOf } from './room-machine.ts';

/** How many leaderboard entries a player's view carries (plus their own). */
export const PLAYER_LEADERBOARD_SIZE = 10;

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
    answeredCount: Object.keys(round.answers).length,
    playerCount: Object.keys(round.hands).length,
  };
}

/** The full leaderboard, ranked (score, then total answer time). */
export function leaderboardOf(ctx: RoomContext): LeaderboardEntry[] {
  const ranked = rankStandings(
    Object.values(ctx.players).map((p) => ({ playerId: p.id, nickname: p.nickname, score: p.score, totalSeconds: p.totalMs / 1000, p })),
  );
  return ranked.map(({ p, rank }) => ({
    playerId: p.id,
    nickname: p.nickname,
    score: p.score,
    rank,
    previousRank: p.previousRank,
    roundPoints: p.lastPoints,
    streak: p.streak,
    bestStreak: p.bestStreak,
    connected: p.connected,
    totalSeconds: p.totalMs / 1000,
  }));
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

/** A player's best scored round so far (most points, earliest on a tie). */
function bestRoundOf(ctx: RoomContext, playerId: string): { number: number; points: number } | null {
  let best: { number: number; points: number } | null = null;
  for (const record of ctx.history) {
    if (record.skipped) continue;
    const mine = record.results.find((r) => r.playerId === playerId);
    if (mine && (!best || mine.points > best.points)) best = { number: record.number, points: mine.points };
  }
  return best;
}

/** The views of one snapshot; shared parts are computed once for all recipients. */
export interface RoomViews {
  host(): HostView;
  /** Null when `playerId` is not (or no longer) in the room. */
  player(playerId: string): PlayerView | null;
}

/** Builds the views of a snapshot at server time `now`. */
export function roomViews(snapshot: RoomSnapshot, now: number): RoomViews {
  const ctx = snapshot.context;
  const phase = phaseOf(snapshot);
  const paused = snapshot.matches({ round: 'paused' });
  const round = roundInfo(ctx, phase, paused, now);
  const leaderboard = leaderboardOf(ctx);
  const reveal = phase === 'reveal' ? revealInfo(ctx) : null;
  const top = leaderboard.slice(0, PLAYER_LEADERBOARD_SIZE);
  const handsVisible = phase === 'countdown' || phase === 'answering' || phase === 'reveal';
  const notice = noticeOf(ctx, phase);
  const playerCount = Object.keys(ctx.players).length;
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
    player: (playerId) => {
      const p = ctx.players[playerId];
      if (!p) return null;
      const entry = leaderboard.find((e) => e.playerId === playerId)!;
      const hand = handsVisible && ctx.round?.hands[playerId] ? handCards(ctx.round.hands[playerId], ctx.round.cards) : [];
      const answer = handsVisible ? ctx.round?.answers[playerId] : undefined;
      return {
        role: 'player',
        code: ctx.code,
        playerCount,
        you: {
          id: p.id,
          nickname: p.nickname,
          score: p.score,
          rank: p.ranked ? entry.rank : null,
          streak: p.streak,
          bestStreak: p.bestStreak,
          bestRound: bestRoundOf(ctx, p.id),
        },
        phase,
        paused,
        round,
        hand,
        submitted: answer ? [...answer.order] : null,
        reveal: reveal ? { ...reveal, result: ctx.round?.results?.[playerId] ?? noResult(ctx) } : null,
        leaderboard: top.some((e) => e.playerId === playerId) ? top : [...top, entry],
        notice,
      };
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
