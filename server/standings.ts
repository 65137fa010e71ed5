// The room's standings at the cost of a sort of numbers: players are ranked by score, then total answer
// time, then nickname (English collation, accents and case ignored) and id. The nickname order is kept
// per room as a sorted list that new players are inserted into by binary search (one collator, made once:
// no localeCompare with options per comparison), so ranking a 2000-player room compares numbers only, and
// the full leaderboard is cached per players record (the machine replaces it on every change to players,
// so during answering, when only answers change, every broadcast reuses it).
import type { LeaderboardEntry } from '../shared/protocol.ts';
import type { PlayerState } from './room-types.ts';

/** The nickname comparison of the standings (the same as localeCompare(b, 'en', { sensitivity: 'base' })). */
export const nicknameCollator = new Intl.Collator('en', { sensitivity: 'base' });

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Players of one room in nickname order (then id); `position` is each one's place in that order. */
export class NicknameOrder {
  private sorted: { id: string; nickname: string }[] = [];
  private readonly known = new Map<string, string>(); // id -> nickname
  private readonly position = new Map<string, number>();
  private stale = false;

  private compare(a: { id: string; nickname: string }, b: { id: string; nickname: string }): number {
    return nicknameCollator.compare(a.nickname, b.nickname) || byId(a.id, b.id);
  }

  /** Brings the order up to date with `players` (inserts newcomers, drops those who left); returns positions. */
  update(players: Record<string, PlayerState>): Map<string, number> {
    let count = 0;
    for (const id in players) {
      count++;
      const p = players[id];
      const known = this.known.get(id);
      if (known === p.nickname) continue;
      if (known !== undefined) this.remove(id);
      const item = { id, nickname: p.nickname };
      let lo = 0;
      let hi = this.sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.compare(this.sorted[mid], item) < 0) lo = mid + 1;
        else hi = mid;
      }
      this.sorted.splice(lo, 0, item);
      this.known.set(id, p.nickname);
      this.stale = true;
    }
    if (count !== this.known.size) {
      for (const id of [...this.known.keys()]) if (!players[id]) this.remove(id);
    }
    if (this.stale) {
      this.position.clear();
      this.sorted.forEach((s, i) => this.position.set(s.id, i));
      this.stale = false;
    }
    return this.position;
  }

  /** The players in nickname order (then id), as of the last update. */
  list(): readonly { id: string; nickname: string }[] {
    return this.sorted;
  }

  private remove(id: string): void {
    const at = this.sorted.findIndex((s) => s.id === id);
    if (at >= 0) this.sorted.splice(at, 1);
    this.known.delete(id);
    this.stale = true;
  }
}

/** Ranked players: equal score and equal total time share a rank (1, 1, 3...). */
export function rankPlayers(players: Record<string, PlayerState>, order: NicknameOrder): { p: PlayerState; rank: number }[] {
  order.update(players);
  // Start from nickname order, then a stable sort by score and time: ties keep nickname order, and in the
  // lobby (everyone at 0) the list is already sorted, which TimSort passes through in linear time.
  const list = order.list().map((s) => players[s.id]);
  list.sort((a, b) => b.score - a.score || a.totalMs - b.totalMs);
  let rank = 0;
  return list.map((p, i) => {
    const prev = list[i - 1];
    if (!prev || prev.score !== p.score || prev.totalMs !== p.totalMs) rank = i + 1;
    return { p, rank };
  });
}

/** Leaderboards already built, per players record (a new record means something changed). */
const boards = new WeakMap<Record<string, PlayerState>, LeaderboardEntry[]>();
/** Nickname orders, per room (keyed by the room's context code and machine: see `orderFor`). */
const orders = new WeakMap<object, NicknameOrder>();

/** The nickname order kept for a room; `owner` is an object that lives as long as the room (its machine). */
export function orderFor(owner: object): NicknameOrder {
  let order = orders.get(owner);
  if (!order) orders.set(owner, (order = new NicknameOrder()));
  return order;
}

/** The full leaderboard of `players` (cached per players record). */
export function leaderboardFor(players: Record<string, PlayerState>, owner: object): LeaderboardEntry[] {
  const cached = boards.get(players);
  if (cached) return cached;
  const board = rankPlayers(players, orderFor(owner)).map(({ p, rank }) => ({
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
  boards.set(players, board);
  return board;
}

/** Ranks by the current standing (for previousRank at scoring): id -> rank. */
export function ranksOf(players: Record<string, PlayerState>, owner: object): Map<string, number> {
  return new Map(leaderboardFor(players, owner).map((e) => [e.playerId, e.rank]));
}
