// The room's vocabulary: the machine's context, its events, and the records a game leaves behind
// (read by the views, the rules and the CSV report). Plain data, no sockets.
import type { HostTarget, RoomSettings, RoundDistribution, RoundResult } from '../shared/protocol.ts';
import type { DeckEntry } from './deck.ts';
import type { Answer, RoundCard } from './round.ts';

/** What a room machine is created with. */
export interface RoomInput {
  code: string;
  /** Where players join (shown on the host screen and in its QR code). */
  joinUrl: string;
  settings: RoomSettings;
  /** Deck entries matching the settings; the game's rounds are picked from these at START. */
  candidates: DeckEntry[];
  /** The "get ready" pause before answering opens, in ms (default 3000; 0 opens answering at once). */
  countdownMs?: number;
  /** Play the candidates in their order (a deck) rather than a random pick. */
  ordered?: boolean;
  /**
   * A solo practice run rather than a class: one player, no leaderboard step (NEXT at the reveal deals
   * the next round) and the podium is the run's summary. Same events, rules and scoring otherwise.
   */
  solo?: boolean;
}

export interface PlayerState {
  id: string;
  nickname: string;
  /** Case-insensitive key for uniqueness. */
  key: string;
  /** The phone's own id (from its storage), if it sent one: a kick bans it too. */
  deviceId?: string | null;
  /** Secret: never leaves the server except in this player's own join acknowledgement. */
  token: string;
  connected: boolean;
  score: number;
  /** Consecutive fully right rounds so far. */
  streak: number;
  /** The longest streak so far. */
  bestStreak: number;
  /** Sum of answer times in ms (a round not answered counts its full limit): the tie-breaker. */
  totalMs: number;
  /** Points earned in the last scored round. */
  lastPoints: number;
  /** Rank before the last scored round; null if not ranked then. */
  previousRank: number | null;
  /** Has been through at least one scored round. */
  ranked: boolean;
  /** Number of the round being played when the player joined (0 = lobby). */
  joinedInRound: number;
}

export interface RoundState {
  /** From 1. */
  number: number;
  entry: DeckEntry;
  /** The cards in true order under this round's random ids. Secret until the reveal. */
  cards: RoundCard[];
  limitMs: number;
  /** Each player's private shuffle of the card ids. */
  hands: Record<string, string[]>;
  answers: Record<string, Answer>;
  /** While counting down: when answering opens. */
  countdownEndsAt: number | null;
  /** While answering: when answering closes (moved forward by pauses). */
  deadlineAt: number | null;
  /** While paused: which part of the round was frozen and how much of it was left. */
  pausedFrom: 'countdown' | 'answering' | null;
  pausedRemainingMs: number | null;
  /** Filled at the reveal. */
  results: Record<string, RoundResult> | null;
  distribution: RoundDistribution | null;
}

/** One player's line in the history of a round. */
export interface PlayerRoundRecord extends RoundResult {
  playerId: string;
  nickname: string;
}

/** What a finished (or skipped) round leaves for the report. */
export interface RoundRecord {
  number: number;
  snippetId: string;
  title: string;
  skipped: boolean;
  cards: { id: string; text: string }[];
  limitSeconds: number;
  results: PlayerRoundRecord[];
  /** The class-wide picture at the reveal (common wrong orders, most misplaced card...); null when skipped. */
  distribution: RoundDistribution | null;
}

export interface RoomContext {
  code: string;
  joinUrl: string;
  settings: RoomSettings;
  candidates: DeckEntry[];
  /** A deck: rounds are the candidates in order (optional: rooms stored before decks have none). */
  ordered?: boolean;
  /** The snippets of this game, picked at START. */
  rounds: DeckEntry[];
  countdownMs: number;
  /** A solo practice run (see RoomInput.solo). */
  solo: boolean;
  /** In join order. */
  players: Record<string, PlayerState>;
  /** Tokens of kicked players: they cannot come back under them. */
  kickedTokens: string[];
  /**
   * Players the host kicked in this game, kept out by nickname key (look-alikes included) and device id
   * until the host unbans them. Optional: rooms stored before bans existed have none.
   */
  bans?: Ban[];
  locked: boolean;
  round: RoundState | null;
  history: RoundRecord[];
}

/** The host's flow commands. Each names the round and phase it is meant for (HostTarget). */
export type HostEvent = ({ type: 'START' } | { type: 'PAUSE' } | { type: 'RESUME' } | { type: 'END_ROUND' } | { type: 'SKIP' } | { type: 'NEXT' } | { type: 'END' }) &
  HostTarget;

/**
 * Events of the room machine: plain serialisable objects (the store logs them). Player ids are already
 * authenticated by the edge (token -> id).
 */
export type RoomEvent =
  | { type: 'JOIN'; playerId: string; token: string; nickname: string; deviceId?: string | null }
  | { type: 'REJOIN'; playerId: string }
  | { type: 'DISCONNECT'; playerId: string }
  | { type: 'ANSWER'; playerId: string; order: string[] }
  | HostEvent
  | { type: 'KICK'; playerId: string }
  | { type: 'UNBAN'; banId: string }
  | { type: 'LOCK'; locked: boolean };

/** A kicked player kept out of the room: `id` is the kicked player's id (the host unbans by it). */
export interface Ban {
  id: string;
  nickname: string;
  /** nicknameKey() of the nickname: any look-alike name is refused too. */
  key: string;
  deviceId: string | null;
}
