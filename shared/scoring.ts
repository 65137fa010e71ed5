// Scoring: how many points an ordering of a round's cards is worth, and the leaderboard built from
// those points. Pure functions (no clock, no randomness) shared by the game server and any client
// that wants to explain a score.
//
// The formula (README "## Scoring" says the same, with a worked example):
//
//   n           = number of cards in the round
//   inOrder     = length of the longest subsequence of the submitted order whose cards are in their
//                 true relative order (the longest correct subsequence). n - inOrder is the fewest
//                 cards a player would have to pick up and put back elsewhere to fix the answer.
//   accuracy    = (inOrder - 1) / (n - 1)   (1 when n = 1). One card alone is always "in order", so
//                 credit starts at the second card: a fully reversed order scores 0, a perfect one 1.
//   base        = round(MAX_POINTS * accuracy)
//   speedFactor = 1 - 0.5 * (seconds / limitSeconds), kept within [0.5, 1]   (1 when speed bonus is off)
//   streak      = consecutive fully right rounds including this one (0 when this round is not fully right)
//   streakBonus = STREAK_STEP * min(streak - 1, STREAK_CAP_STEPS)   (0 when streak < 2)
//   points      = round(base * speedFactor) + streakBonus
//
// Cards with identical text are interchangeable: swapping two identical lines changes nothing on the
// screen, so it must change nothing in the score. That is why scoring works on card texts.
//
// Ranking: score descending, then total answer seconds ascending (a round not answered counts its
// full time limit), then equal rank ("1, 2, 2, 4").

/** Points for a perfect order before the speed factor and streak bonus. */
export const MAX_POINTS = 1000;
/** Bonus per consecutive fully right round after the first. */
export const STREAK_STEP = 100;
/** The streak bonus stops growing after this many steps (so at most 500). */
export const STREAK_CAP_STEPS = 5;
/** The slowest possible answer still earns this share of its base points. */
export const MIN_SPEED_FACTOR = 0.5;

/** How one submitted order compares with the true order. */
export interface Placement {
  /** Per position of the submitted order: is the card at that position the true card for it. */
  correct: boolean[];
  /** Number of `true` in `correct`: cards in their exact true position. */
  cardsRight: number;
  /** Per position of the submitted order: is the card part of the longest correct subsequence. */
  inOrder: boolean[];
  /** Length of the longest correct subsequence. */
  inOrderCount: number;
  fullyRight: boolean;
  /** (inOrderCount - 1) / (n - 1), or 1 for a single card; 0 for an empty round. */
  accuracy: number;
}

/**
 * Compares a submitted order with the true order, both given as card texts. The submitted list must
 * be a permutation of the true one (the server checks that before scoring).
 */
export function placement(trueTexts: readonly string[], submittedTexts: readonly string[]): Placement {
  const n = trueTexts.length;
  if (submittedTexts.length !== n) throw new RangeError('placement: the submitted order must have as many cards as the true order');
  const correct = submittedTexts.map((text, i) => text === trueTexts[i]);
  // Map each submitted card to a true index. The k-th occurrence of a text in the submission gets the
  // k-th true position of that text, which is the assignment that keeps identical cards in order.
  const positionsOf = new Map<string, number[]>();
  trueTexts.forEach((text, i) => {
    const list = positionsOf.get(text);
    if (list) list.push(i);
    else positionsOf.set(text, [i]);
  });
  const used = new Map<string, number>();
  const trueIndex = submittedTexts.map((text) => {
    const list = positionsOf.get(text);
    const k = used.get(text) ?? 0;
    if (!list || k >= list.length) throw new RangeError(`placement: card "${text}" is not in the true order`);
    used.set(text, k + 1);
    return list[k];
  });
  const members = longestIncreasingSubsequence(trueIndex);
  const inOrder = trueIndex.map((_, i) => members.has(i));
  const inOrderCount = members.size;
  const cardsRight = correct.filter(Boolean).length;
  const accuracy = n === 0 ? 0 : n === 1 ? 1 : (inOrderCount - 1) / (n - 1);
  return { correct, cardsRight, inOrder, inOrderCount, fullyRight: n > 0 && cardsRight === n, accuracy };
}

/**
 * Positions (indices into `values`) of one longest strictly increasing subsequence, O(n log n).
 * Among several longest ones it returns the one that ends earliest and, going back, picks the
 * latest predecessor: deterministic for a given input.
 */
export function longestIncreasingSubsequence(values: readonly number[]): Set<number> {
  const tails: number[] = []; // tails[k] = position of the smallest tail of an increasing run of length k+1
  const previous: number[] = new Array(values.length).fill(-1);
  values.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1];
    tails[lo] = i;
  });
  const members = new Set<number>();
  let at = tails.length ? tails[tails.length - 1] : -1;
  while (at !== -1) {
    members.add(at);
    at = previous[at];
  }
  return members;
}

/** Share of base points kept for an answer after `seconds` out of `limitSeconds`. */
export function speedFactor(seconds: number, limitSeconds: number): number {
  if (!(limitSeconds > 0)) return 1;
  const used = Math.min(Math.max(seconds / limitSeconds, 0), 1);
  return 1 - (1 - MIN_SPEED_FACTOR) * used;
}

/** Bonus for a streak of `streak` consecutive fully right rounds (including this one). */
export function streakBonus(streak: number): number {
  if (streak < 2) return 0;
  return STREAK_STEP * Math.min(streak - 1, STREAK_CAP_STEPS);
}

export interface RoundScoreInput {
  trueTexts: readonly string[];
  /** Submitted order as card texts, or null when the player did not answer. */
  submittedTexts: readonly string[] | null;
  /** Answer time in seconds (ignored when not answered). */
  seconds: number | null;
  limitSeconds: number;
  speedBonus: boolean;
  /** The player's streak before this round. */
  previousStreak: number;
}

export interface RoundScore {
  placement: Placement | null;
  base: number;
  speedFactor: number;
  streak: number;
  streakBonus: number;
  points: number;
}

/** Scores one player's round: the whole formula from the header comment. */
export function scoreRound(input: RoundScoreInput): RoundScore {
  if (input.submittedTexts === null) {
    return { placement: null, base: 0, speedFactor: 0, streak: 0, streakBonus: 0, points: 0 };
  }
  const place = placement(input.trueTexts, input.submittedTexts);
  const base = Math.round(MAX_POINTS * place.accuracy);
  const factor = input.speedBonus ? speedFactor(input.seconds ?? input.limitSeconds, input.limitSeconds) : 1;
  const streak = place.fullyRight ? input.previousStreak + 1 : 0;
  const bonus = streakBonus(streak);
  return { placement: place, base, speedFactor: factor, streak, streakBonus: bonus, points: Math.round(base * factor) + bonus };
}

/** What ranking needs to know about a player. */
export interface Standing {
  playerId: string;
  nickname: string;
  score: number;
  totalSeconds: number;
}

/**
 * Ranks standings: score descending, then total answer seconds ascending; exact ties share a rank
 * (competition ranking 1, 2, 2, 4) and are listed by nickname. Returns a new sorted array.
 */
export function rankStandings<T extends Standing>(standings: readonly T[]): (T & { rank: number })[] {
  const sorted = [...standings].sort(
    (a, b) =>
      b.score - a.score ||
      a.totalSeconds - b.totalSeconds ||
      a.nickname.localeCompare(b.nickname, 'en', { sensitivity: 'base' }) ||
      (a.playerId < b.playerId ? -1 : a.playerId > b.playerId ? 1 : 0),
  );
  let rank = 0;
  return sorted.map((s, i) => {
    const prev = sorted[i - 1];
    if (!prev || prev.score !== s.score || prev.totalSeconds !== s.totalSeconds) rank = i + 1;
    return { ...s, rank };
  });
}
