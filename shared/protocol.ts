// The one typed contract between the game server and its clients (host screen, phone player,
// practice). Event names are `domain:verb`; every client event carries an acknowledgement
// `Response<T>`; every server event carries a view built for that one recipient, so a secret
// (the true order before the reveal, another player's token) can never ride along by accident.
import type { Card, TraceStep } from './engine/types.ts';

/** Closed set of error codes a client can receive in a failed acknowledgement. */
export type ErrorCode =
  | 'BAD_REQUEST' // payload failed schema validation
  | 'ROOM_NOT_FOUND'
  | 'ROOM_LOCKED'
  | 'ROOM_FULL'
  | 'NAME_TAKEN'
  | 'NAME_INVALID' // empty, too long, or rejected by the profanity filter
  | 'NOT_HOST' // missing or wrong host token
  | 'NOT_PLAYER' // missing or wrong player token
  | 'KICKED'
  | 'LATE_JOIN_CLOSED' // the game has started and late join is off
  | 'ALREADY_ANSWERED'
  | 'ROUND_CLOSED' // no round is accepting answers now
  | 'INVALID_ORDER' // the order is not a permutation of the round's card ids
  | 'INVALID_STATE' // the command makes no sense in the room's current state
  | 'NO_SNIPPETS' // the settings select no snippet from the bank
  | 'RATE_LIMITED'
  | 'INTERNAL';

/** Every acknowledgement: success with data, or a code and a sentence for people. */
export type Response<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; code: ErrorCode; message: string };

export type Ack<T extends object = object> = (response: Response<T>) => void;

/** Topics of the snippet bank. */
export const TOPICS = [
  'sync',
  'timers',
  'promises',
  'async-await',
  'nextTick',
  'setImmediate',
  'io',
  'intervals',
  'errors',
  'closures',
  'mixed',
] as const;
export type Topic = (typeof TOPICS)[number];

export type Difficulty = 1 | 2 | 3 | 4;

/** What the host chooses when creating a room. Omitted fields take server defaults. */
export interface RoomSettings {
  topics: Topic[]; // empty = all topics
  difficulties: Difficulty[]; // empty = all difficulties
  rounds: number; // 1..30
  /** Seconds per round (5..600); null = by difficulty (the server's default table, see README). */
  secondsPerRound: number | null;
  speedBonus: boolean;
  allowLateJoin: boolean;
  maxPlayers: number; // 1..200
}

/** The room's state as clients see it. `countdown` is the short "get ready" before answering. */
export type RoomPhase =
  | 'lobby'
  | 'countdown'
  | 'answering'
  | 'reveal'
  | 'leaderboard'
  | 'podium'
  | 'ended';

/** A snippet as dealt to everyone: source and metadata, never its output. */
export interface DealtSnippet {
  id: string;
  title: string;
  difficulty: Difficulty;
  topics: Topic[];
  source: string;
}

/** A card as a player holds it: an opaque id (random per round) and its text. */
export interface HandCard {
  id: string;
  text: string;
  /**
   * The console call that printed this card: a place in the source the player already sees, not a
   * place in the order, so a phone can mark it in the snippet while the player is still ordering.
   */
  loc: Card['loc'];
}

/** A card of the true order, revealed: its id, text and the console call that printed it. */
export type RevealedCard = HandCard;

export interface PlayerSummary {
  id: string;
  nickname: string;
  connected: boolean;
  score: number;
  /** True once the player has answered the current round. */
  answered: boolean;
}

export interface LeaderboardEntry {
  playerId: string;
  nickname: string;
  score: number;
  rank: number;
  /** Rank before this round (null if the player was not ranked yet). */
  previousRank: number | null;
  /** Points earned in the last round. */
  roundPoints: number;
  streak: number;
  connected: boolean;
  /** Sum of answer times in seconds, the tie-breaker. */
  totalSeconds: number;
}

/** One player's own result for a round. */
export interface RoundResult {
  /** The order the player submitted (card ids), or null if they did not answer. */
  submitted: string[] | null;
  /** For each position of the submitted order: was that card in its true position. */
  correct: boolean[];
  /**
   * For each position of the submitted order: is the card part of the longest correct subsequence
   * (the cards that are in the right order relative to each other; the others are the ones to move).
   */
  inOrder: boolean[];
  cardsRight: number;
  /** Length of the longest correct subsequence: the measure behind partial credit (see shared/scoring.ts). */
  cardsInOrder: number;
  fullyRight: boolean;
  /** Points for this round, streak bonus included. */
  points: number;
  streak: number;
  /** Part of `points` that came from the streak. */
  streakBonus: number;
  seconds: number | null;
}

/** What the host sees at a reveal, besides the true order and the trace. */
export interface RoundDistribution {
  /** Per card id of the true order: how many players placed it in its true position. */
  perCard: { cardId: string; right: number }[];
  answered: number;
  fullyRight: number;
  averageSeconds: number | null;
}

/** The reveal, shared by host and player views. */
export interface RevealInfo {
  trueOrder: RevealedCard[];
  trace: TraceStep[];
  explanation: string;
}

export interface RoundInfo {
  number: number; // from 1
  total: number;
  snippet: DealtSnippet;
  /**
   * Server clock (epoch ms) when answering closes, and the server clock when this view was built.
   * During the countdown `endsAt` already counts the countdown; while paused it is null (see remainingMs).
   */
  endsAt: number | null;
  serverNow: number;
  /** Server clock when answering opens (during the countdown), else null. */
  startsAt: number | null;
  /** While paused: milliseconds of answering time left (the countdown's rest not included), else null. */
  remainingMs: number | null;
  /** The round's time limit for answering, in seconds. */
  limitSeconds: number;
  answeredCount: number;
  playerCount: number;
}

export interface HostView {
  role: 'host';
  code: string;
  /**
   * Where players join: `<base>/?room=CODE`, base being PUBLIC_URL, else the server's LAN address, else
   * the address the host used. The landing page prefills the code from `?room=`.
   */
  joinUrl: string;
  settings: RoomSettings;
  phase: RoomPhase;
  paused: boolean;
  locked: boolean;
  players: PlayerSummary[];
  /** Set in countdown, answering, reveal and leaderboard (the round just played); null otherwise. */
  round: RoundInfo | null;
  /** Set in the reveal phase only. */
  reveal: (RevealInfo & { distribution: RoundDistribution }) | null;
  leaderboard: LeaderboardEntry[];
  /** Path of the CSV report (GET with `Authorization: Bearer <hostToken>` or `?token=`). */
  reportPath: string;
}

export interface PlayerView {
  role: 'player';
  code: string;
  you: { id: string; nickname: string; score: number; rank: number | null; streak: number };
  phase: RoomPhase;
  paused: boolean;
  round: RoundInfo | null;
  /** This player's shuffled hand for the current round (countdown, answering, reveal; else empty). */
  hand: HandCard[];
  /** The order this player submitted this round, if any. */
  submitted: string[] | null;
  reveal: (RevealInfo & { result: RoundResult }) | null;
  /** The top ten, plus this player's own entry when not among them (the host view has everyone). */
  leaderboard: LeaderboardEntry[];
}

export interface PracticeSettings {
  difficulties: Difficulty[]; // empty = all
  topics: Topic[]; // empty = all
  rounds: number; // 1..20
}

export interface PracticeView {
  role: 'practice';
  id: string;
  phase: 'answering' | 'reveal' | 'summary';
  round: RoundInfo | null;
  hand: HandCard[];
  reveal: (RevealInfo & { result: RoundResult }) | null;
  score: number;
  streak: number;
  /** Filled when phase is `summary`. */
  summary: { rounds: number; fullyRight: number; score: number; cardsRight: number; cardsTotal: number } | null;
}

export interface ServerToClientEvents {
  'host:view': (view: HostView) => void;
  'player:view': (view: PlayerView) => void;
  'practice:view': (view: PracticeView) => void;
  /** This player was removed by the host; the client should forget its token. */
  'player:kicked': (info: { message: string }) => void;
  /** The room no longer exists (ended and disposed). */
  'room:closed': (info: { message: string }) => void;
}

type HostAuth = { code: string; hostToken: string };

export interface ClientToServerEvents {
  'room:create': (settings: Partial<RoomSettings>, ack: Ack<{ code: string; hostToken: string; view: HostView }>) => void;
  /** The host screen reloaded: resume control with the host token. */
  'host:resume': (req: HostAuth, ack: Ack<{ view: HostView }>) => void;
  'room:join': (req: { code: string; nickname: string }, ack: Ack<{ playerToken: string; view: PlayerView }>) => void;
  /** A player's phone reloaded or reconnected: come back with the stored token. */
  'room:rejoin': (req: { code: string; playerToken: string }, ack: Ack<{ view: PlayerView }>) => void;
  'game:start': (req: HostAuth, ack: Ack) => void;
  'game:pause': (req: HostAuth, ack: Ack) => void;
  'game:resume': (req: HostAuth, ack: Ack) => void;
  /** Close answering now (before the deadline). */
  'round:end': (req: HostAuth, ack: Ack) => void;
  /** Abandon the current round without scoring it. */
  'round:skip': (req: HostAuth, ack: Ack) => void;
  /** Advance: reveal -> leaderboard -> next round (or podium). */
  'game:next': (req: HostAuth, ack: Ack) => void;
  'player:kick': (req: HostAuth & { playerId: string }, ack: Ack) => void;
  'room:lock': (req: HostAuth & { locked: boolean }, ack: Ack) => void;
  'game:end': (req: HostAuth, ack: Ack) => void;
  'round:answer': (req: { code: string; playerToken: string; order: string[] }, ack: Ack<{ submitted: string[] }>) => void;
  'practice:start': (settings: Partial<PracticeSettings>, ack: Ack<{ token: string; view: PracticeView }>) => void;
  'practice:answer': (req: { token: string; order: string[] }, ack: Ack<{ view: PracticeView }>) => void;
  'practice:next': (req: { token: string }, ack: Ack<{ view: PracticeView }>) => void;
}
