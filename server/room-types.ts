// The room's vocabulary: the machine's context, its events, and the records a game leaves behind
// (read by the views, the rules and the CSV report). Plain data, no sockets.
import type { RoomSettings, RoundDistribution, RoundResult } from '../shared/protocol.ts';
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
  /** The "get ready" pause before answering opens, in ms (default 3000). */
  countdownMs?: number;
}

export interface PlayerState {
  id: string;
  nickname: string;
  /** Case-insensitive key for uniqueness. */
  key: string;
  /** Secret: never leaves the server except in this player's own join acknowledgement. */
  token: string;
  connected: boolean;
  score: number;
  /** Consecutive fully right rounds so far. */
  streak: number;
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
}

export interface RoomContext {
  code: string;
  joinUrl: string;
  settings: RoomSettings;
  candidates: DeckEntry[];
  /** The snippets of this game, picked at START. */
  rounds: DeckEntry[];
  countdownMs: number;
  /** In join order. */
  players: Record<string, PlayerState>;
  /** Tokens of kicked players: they cannot come back under them. */
  kickedTokens: string[];
  locked: boolean;
  round: RoundState | null;
  history: RoundRecord[];
}

/** Events of the room machine. Player ids are already authenticated by the edge (token -> id). */
export type RoomEvent =
  | { type: 'JOIN'; playerId: string; token: string; nickname: string }
  | { type: 'REJOIN'; playerId: string }
  | { type: 'DISCONNECT'; playerId: string }
  | { type: 'ANSWER'; playerId: string; order: string[] }
  | { type: 'START' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'END_ROUND' }
  | { type: 'SKIP' }
  | { type: 'NEXT' }
  | { type: 'KICK'; playerId: string }
  | { type: 'LOCK'; locked: boolean }
  | { type: 'END' };
