// A phone's view rebuilt from the two parts the server sends (issue 10): the part shared by the whole
// room (`room:shared`, one broadcast per room event) and the player's own part (`player:own`, per socket,
// only when it changed). Used by the server (views.ts builds full views the same way) and by the phone
// (client/src/lib/session/player.svelte.ts), so both always agree on what a PlayerView is.
import type { PlayerOwn, PlayerShared, PlayerView, RoomProgress } from './protocol.ts';

/** True when `own` goes with `shared` (it is at least as fresh as the last full refresh of own parts). */
export function ownMatches(shared: PlayerShared, own: PlayerOwn): boolean {
  return own.code === shared.code && own.seq >= shared.ownSince;
}

/** The player's full view from the room's shared part and the player's own part. */
export function composePlayerView(shared: PlayerShared, own: PlayerOwn): PlayerView {
  const { top } = shared;
  const entry = own.entry;
  return {
    role: 'player',
    code: shared.code,
    playerCount: shared.playerCount,
    you: own.you,
    phase: shared.phase,
    paused: shared.paused,
    round: shared.round,
    hand: own.hand,
    submitted: own.submitted,
    reveal: shared.reveal && own.result ? { ...shared.reveal, result: own.result } : null,
    leaderboard: !entry || top.some((e) => e.playerId === entry.playerId) ? top : [...top, entry],
    notice: shared.notice,
  };
}

/**
 * The shared part after a `room:progress` delta, or null when the delta does not apply to it (it was
 * built on another shared part: the phone keeps what it has; the next full shared part comes soon).
 */
export function applyProgress(shared: PlayerShared, progress: RoomProgress): PlayerShared | null {
  if (progress.code !== shared.code || progress.base !== shared.seq) return null;
  const round =
    shared.round && progress.answeredCount !== null
      ? { ...shared.round, answeredCount: progress.answeredCount, playerCount: progress.handCount ?? shared.round.playerCount }
      : shared.round;
  // `seq` stays the base's: further deltas name it, and own parts are checked against ownSince.
  return { ...shared, playerCount: progress.playerCount, round };
}
