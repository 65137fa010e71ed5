// The one typed contract between the game server and its clients (host screen, phone player,
// practice). Event names are `domain:verb`; every client event carries an acknowledgement
// `Response<T>`; every server event carries a view built for that one recipient, so a secret
// (the true order before the reveal, another player's token) can never ride along by accident.
import type { Card, TraceStep } from './engine/types.ts';
import type { DeckClientEvents } from './deck-protocol.ts';

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
  | 'ALREADY_JOINED' // this connection already holds a seat in the room (one seat per socket per room)
  | 'DECK_NOT_FOUND' // unknown deck, or not its edit token (the same answer: no deck can be probed)
  | 'SNIPPET_REFUSED' // a custom snippet is refused for play (engine refusal, race, card rules)
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
  maxPlayers: number; // 1..2000 (the server caps it with MAX_PLAYERS)
}

/** The room's state as clients see it. `countdown` is the short "get ready" before answering. */
export const ROOM_PHASES = ['lobby', 'countdown', 'answering', 'reveal', 'leaderboard', 'podium', 'ended'] as const;
export type RoomPhase = (typeof ROOM_PHASES)[number];

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
  /** Present when console.error/warn printed the line (stderr); a card without it came from stdout. */
  stream?: 'stderr';
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
  /** Consecutive fully right rounds up to now (0 after a round not fully right). */
  streak: number;
  /** The longest streak this player has had in this game. */
  bestStreak: number;
  connected: boolean;
  /** Sum of answer times in seconds, the tie-breaker. */
  totalSeconds: number;
}

/**
 * One card of the round, judged for one player, listed by the card's TRUE position (index 0 = the
 * first line printed). This is the one numbering from the engine to the phone: clients should not
 * re-derive positions from `submitted`.
 */
export interface CardVerdict {
  cardId: string;
  /** Where this card belongs (0-based) = its index in `trueOrder`. */
  truePosition: number;
  /** Where the player put it (0-based), or null if the player did not answer. */
  placedAt: number | null;
  /** The player put it exactly at its true position. */
  inPlace: boolean;
  /**
   * The card is part of the player's longest correct subsequence (kept in the right order relative to
   * the others): the measure behind the points. False = one of the cards to move. False when no answer.
   */
  inOrder: boolean;
}

/** One player's own result for a round. */
export interface RoundResult {
  /** The order the player submitted (card ids), or null if they did not answer. */
  submitted: string[] | null;
  /** Each card's verdict, by TRUE position (see CardVerdict). Empty only when the round had no cards. */
  verdicts: CardVerdict[];
  /** @deprecated by `verdicts`. For each position of the submitted order: was that card in its true position. */
  correct: boolean[];
  /**
   * For each position of the submitted order: is the card part of the longest correct subsequence
   * (the cards that are in the right order relative to each other; the others are the ones to move).
   */
  inOrder: boolean[];
  /** Cards at their exact true position (not the scoring measure; see cardsInOrder). */
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

/** A wrong order that several players chose, for the reveal's teaching moment. */
export interface WrongOrder {
  /** Card ids (ids of `trueOrder`) in the order these players submitted. */
  order: string[];
  /** How many players submitted exactly this order. */
  count: number;
  /** count / players (all players of the round), as a whole percentage 0..100. */
  percent: number;
}

/**
 * What the host sees at a reveal, besides the true order and the trace. Every percentage is over ALL
 * the players who held cards this round (`players`), answered or not: "no answer" is counted.
 */
export interface RoundDistribution {
  /**
   * Per card of the true order (same order as `trueOrder`): `right` = players who put it at its true
   * position, `inOrder` = players who kept it in the right order (the scoring measure), `noAnswer`,
   * and `percentRight` = right / players.
   */
  perCard: { cardId: string; right: number; inOrder: number; noAnswer: number; percentRight: number }[];
  /** Players who held cards this round (answered or not): the denominator of every percentage. */
  players: number;
  answered: number;
  /** players - answered. */
  noAnswer: number;
  fullyRight: number;
  /** fullyRight / players, 0..100. */
  percentFullyRight: number;
  averageSeconds: number | null;
  /** The most common wrong orders, most chosen first (at most 3; only orders chosen at least once). */
  commonWrongOrders: WrongOrder[];
  /**
   * The card most often out of order among those who answered (not part of their longest correct
   * subsequence), with how many misplaced it; null when nobody misplaced a card.
   */
  mostMisplaced: { cardId: string; count: number; percent: number } | null;
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

/**
 * Host commands that move the game. Each carries the round and phase the host screen showed when the
 * host pressed it (`HostTarget`), so a repeated or stale command (double click, a click that crossed a
 * phase change) is refused with INVALID_STATE instead of acting twice.
 */
export type HostCommand = 'game:start' | 'game:pause' | 'game:resume' | 'round:end' | 'round:skip' | 'game:next' | 'game:end';

/** Every host control the server may allow: the flow commands plus kick and lock. */
export type HostControl = HostCommand | 'player:kick' | 'player:unban' | 'room:lock';

/** A player the host kicked: kept out (by nickname look-alikes and device) until the host allows them back. */
export interface BannedPlayer {
  /** Send as `banId` in `player:unban`. */
  id: string;
  nickname: string;
}

/**
 * What a host command is aimed at: copy `HostView.commandTarget` of the view the button was drawn
 * from. `round` is the round number (0 before the first round); `phase` is `HostView.phase` (a paused
 * round keeps the phase it was paused in).
 */
export interface HostTarget {
  round: number;
  phase: RoomPhase;
}

/** A short message for phones (and the host) about something that just happened to the game. */
export interface RoomNotice {
  kind: 'round-skipped';
  /** The round concerned (from 1). */
  round: number;
  message: string;
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
  /**
   * The host controls the room machine accepts right now (decided by the machine itself). Render the
   * controls from this list; anything not in it would be refused.
   */
  allowedCommands: HostControl[];
  /** The round and phase to send with a host command drawn from this view. */
  commandTarget: HostTarget;
  /** Set just after a round was skipped (during the next round or the podium it led to), else null. */
  notice: RoomNotice | null;
  /** Players kicked in this game, kept out until `player:unban`. */
  banned: BannedPlayer[];
}

export interface PlayerView {
  role: 'player';
  code: string;
  /** Players in the room now (connected or not; kicked players excluded), in every phase. */
  playerCount: number;
  you: {
    id: string;
    nickname: string;
    score: number;
    rank: number | null;
    streak: number;
    /** Longest streak in this game. */
    bestStreak: number;
    /** This player's best scored round so far (most points; earliest on a tie), or null. */
    bestRound: { number: number; points: number } | null;
  };
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
  /** Set just after a round was skipped (during the next round or the podium it led to), else null. */
  notice: RoomNotice | null;
}

/**
 * The part of a phone's view that is the same for every player of a room (issue 10): sent once per room
 * event as ONE Socket.IO room broadcast (`room:shared`), so a 2000-phone room costs one encoding, and the
 * reveal's trace travels once per room. The phone rebuilds its PlayerView with `composePlayerView`
 * (shared/player-view.ts) from the latest shared part and its own part (`player:own`).
 */
export interface PlayerShared {
  code: string;
  /** Increases with every broadcast of the room. */
  seq: number;
  /**
   * Every player's own part was re-sent at this seq (phase change, scoring): an own part older than this
   * does not go with this shared part (the phone waits for the fresh one, which follows at once).
   */
  ownSince: number;
  playerCount: number;
  phase: RoomPhase;
  paused: boolean;
  round: RoundInfo | null;
  /** From the reveal on: true order, trace, explanation (the same for everyone). */
  reveal: RevealInfo | null;
  /** The top ten of the leaderboard. */
  top: LeaderboardEntry[];
  notice: RoomNotice | null;
}

/**
 * While a round is open (or players gather in the lobby), a room event that changed only counts is sent
 * as this small delta (`room:progress`, one room broadcast) instead of the whole shared part: the phone
 * applies it to its latest PlayerShared (`applyProgress` in shared/player-view.ts).
 */
export interface RoomProgress {
  code: string;
  seq: number;
  /** The shared part this delta applies to (the phone ignores a delta for another one). */
  base: number;
  playerCount: number;
  /** Answers in so far (null outside a round). */
  answeredCount: number | null;
  /** Players holding cards this round (null outside a round). */
  handCount: number | null;
}

/** What only this player sees (`player:own`, per socket): sent when it changed, not on every room event. */
export interface PlayerOwn {
  code: string;
  /** The `PlayerShared.seq` this part was built with. */
  seq: number;
  you: PlayerView['you'];
  hand: HandCard[];
  submitted: string[] | null;
  /** At the reveal: this player's result. */
  result: RoundResult | null;
  /** This player's leaderboard entry (the phone adds it under the top ten when it is not among them). */
  entry: LeaderboardEntry | null;
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
  /** A full view (join/rejoin acks and rare resyncs); room events come as `room:shared` + `player:own`. */
  'player:view': (view: PlayerView) => void;
  /** The part of the player view shared by the whole room: one broadcast per room event. */
  'room:shared': (shared: PlayerShared) => void;
  /** This player's own part, sent when it changed. */
  'player:own': (own: PlayerOwn) => void;
  /** Counts that changed within a phase (answers, joins): applied to the latest shared part. */
  'room:progress': (progress: RoomProgress) => void;
  'practice:view': (view: PracticeView) => void;
  /** This player was removed by the host; the client should forget its token. */
  'player:kicked': (info: { message: string }) => void;
  /** The room no longer exists (ended and disposed). */
  'room:closed': (info: { message: string }) => void;
}

type HostAuth = { code: string; hostToken: string };
/** A host command's payload: credentials plus the round and phase it is meant for. */
export type HostCommandRequest = HostAuth & HostTarget;

export interface ClientToServerEvents extends DeckClientEvents {
  /**
   * `hostKey`: needed when the server runs with HOST_KEY (GET /healthz says `hostKeyRequired`).
   * `deck`: play one of the host's decks (its snippets in deck order; topics and difficulties are ignored).
   */
  'room:create': (settings: Partial<RoomSettings> & { hostKey?: string; deck?: { deckId: string; editToken: string } }, ack: Ack<{ code: string; hostToken: string; view: HostView }>) => void;
  /** The host screen reloaded: resume control with the host token. */
  'host:resume': (req: HostAuth, ack: Ack<{ view: HostView }>) => void;
  /** `deviceId`: the phone's own random id (kept in its storage), so a kicked player stays out. */
  'room:join': (req: { code: string; nickname: string; deviceId?: string }, ack: Ack<{ playerToken: string; view: PlayerView }>) => void;
  /** A player's phone reloaded or reconnected: come back with the stored token. */
  'room:rejoin': (req: { code: string; playerToken: string }, ack: Ack<{ view: PlayerView }>) => void;
  'game:start': (req: HostCommandRequest, ack: Ack) => void;
  'game:pause': (req: HostCommandRequest, ack: Ack) => void;
  'game:resume': (req: HostCommandRequest, ack: Ack) => void;
  /** Close answering now (before the deadline). */
  'round:end': (req: HostCommandRequest, ack: Ack) => void;
  /** Abandon the current round without scoring it. */
  'round:skip': (req: HostCommandRequest, ack: Ack) => void;
  /** Advance: reveal -> leaderboard -> next round (or podium). */
  'game:next': (req: HostCommandRequest, ack: Ack) => void;
  /** Removes a player and keeps them out (nickname look-alikes, device, token) for the rest of the game. */
  'player:kick': (req: HostAuth & { playerId: string }, ack: Ack) => void;
  /** Lets a kicked player back in (`banId` from `HostView.banned`). */
  'player:unban': (req: HostAuth & { banId: string }, ack: Ack) => void;
  'room:lock': (req: HostAuth & { locked: boolean }, ack: Ack) => void;
  'game:end': (req: HostCommandRequest, ack: Ack) => void;
  'round:answer': (req: { code: string; playerToken: string; order: string[] }, ack: Ack<{ submitted: string[] }>) => void;
  /** `deck`: a deck's practice id (`/practice?deck=…`): its snippets in order instead of the bank. */
  'practice:start': (settings: Partial<PracticeSettings> & { deck?: string }, ack: Ack<{ token: string; view: PracticeView }>) => void;
  'practice:answer': (req: { token: string; order: string[] }, ack: Ack<{ view: PracticeView }>) => void;
  'practice:next': (req: { token: string }, ack: Ack<{ view: PracticeView }>) => void;
}
