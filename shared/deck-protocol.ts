// The deck part of the typed protocol (merged into shared/protocol.ts ClientToServerEvents): an
// instructor's own decks (named, ordered sets of bank snippets and custom snippets), the snippet
// check behind the live editor, the library's bank listing and preview, and the host's game history.
// A deck is owned by whoever holds its edit token (shown once, kept in the browser); its practice id
// is public and read-only. Custom snippets' answer keys (cards, trace) are always computed by the
// server, never taken from a client.
import type { Card, SourceRange, TraceStep } from './engine/types.ts';
import type { Ack, Difficulty, Topic } from './protocol.ts';

export type ModuleKind = 'commonjs' | 'module';

/** A custom snippet as an instructor writes it (no answer key: the server computes it). */
export interface CustomSnippetInput {
  title: string;
  difficulty: Difficulty;
  topics: Topic[];
  explanation: string;
  module: ModuleKind;
  source: string;
}

/** One place in a deck: a bank snippet by id, or a custom snippet. */
export type DeckItemInput = { bank: string } | { custom: CustomSnippetInput };

/** A snippet in a deck as its owner reads it back: metadata, source and the server's answer key. */
export interface DeckSnippet extends CustomSnippetInput {
  id: string;
  kind: 'bank' | 'custom';
  /** Output lines in true order (the cards). */
  cards: string[];
}

/** A deck as its owner sees it (needs the edit token). */
export interface DeckDetail {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  snippets: DeckSnippet[];
  /** Path students open to rehearse the deck alone. */
  practicePath: string;
}

/** The JSON file a deck is exported to and imported from. `cards` in it are informative only. */
export interface DeckFile {
  format: 'event-loop-arena-deck';
  version: 1;
  name: string;
  items: ({ bank: string } | { custom: CustomSnippetInput & { cards?: string[] } })[];
}

/** Why the engine refused a snippet, located when it can be. */
export interface SnippetProblem {
  /** 'refused' (syntax, unsupported, budget), 'race', 'cards' (card rules), 'limit' (timeout, memory, size). */
  kind: 'refused' | 'race' | 'cards' | 'limit';
  message: string;
  line: number | null;
  column: number | null;
}

/** What the editor shows for a snippet as typed. */
export interface SnippetCheck {
  /** Output lines in order, with the console call that printed each (empty when refused). */
  cards: Pick<Card, 'text' | 'stream' | 'loc'>[];
  deterministic: boolean;
  /** The engine's sentences naming the two events that can swap. */
  races: string[];
  /** Everything that keeps the snippet from being playable; empty = playable. */
  problems: SnippetProblem[];
  playable: boolean;
  /** A draft explanation from the trace: which queue each line came from and why it ran then. */
  explanationDraft: string;
  trace: TraceStep[];
  /** Milliseconds the simulation took on the server (pool wait included). */
  ms: number;
}

/** One bank snippet in the library listing (no answer: lines is only how many cards). */
export interface LibrarySnippet {
  id: string;
  title: string;
  difficulty: Difficulty;
  topics: Topic[];
  module: ModuleKind;
  lines: number;
  source: string;
}

/** A snippet's preview: the output in order, the explanation and the replay. */
export interface SnippetPreview {
  id: string;
  cards: string[];
  explanation: string;
  trace: TraceStep[];
  locs: SourceRange[];
}

/** Per-snippet analysis of a finished (or live) game, for the host's history. */
export interface GameAnalysis {
  code: string;
  players: number;
  averageScore: number;
  rounds: {
    number: number;
    title: string;
    snippetId: string;
    skipped: boolean;
    cards: string[];
    players: number;
    percentFullyRight: number;
    /** Most common wrong orders, as card texts. */
    commonWrongOrders: { order: string[]; count: number; percent: number }[];
    mostMisplaced: { text: string; count: number; percent: number } | null;
  }[];
}

type DeckAuth = { deckId: string; editToken: string };

/** Deck events: merged into ClientToServerEvents. */
export interface DeckClientEvents {
  /** `hostKey`: needed when the server runs with HOST_KEY. The edit token is in this ack only. */
  'deck:create': (req: { name: string; items: DeckItemInput[]; hostKey?: string }, ack: Ack<{ deckId: string; editToken: string; deck: DeckDetail }>) => void;
  'deck:get': (req: DeckAuth, ack: Ack<{ deck: DeckDetail }>) => void;
  'deck:update': (req: DeckAuth & { name: string; items: DeckItemInput[] }, ack: Ack<{ deck: DeckDetail }>) => void;
  'deck:duplicate': (req: DeckAuth & { hostKey?: string }, ack: Ack<{ deckId: string; editToken: string; deck: DeckDetail }>) => void;
  'deck:delete': (req: DeckAuth, ack: Ack) => void;
  'deck:export': (req: DeckAuth, ack: Ack<{ file: DeckFile }>) => void;
  'deck:import': (req: { file: DeckFile; hostKey?: string }, ack: Ack<{ deckId: string; editToken: string; deck: DeckDetail }>) => void;
  /** The editor's check of a snippet as typed (simulated in the server's worker pool). */
  'snippet:check': (req: { source: string; module: ModuleKind }, ack: Ack<{ check: SnippetCheck }>) => void;
  'library:bank': (req: Record<string, never>, ack: Ack<{ snippets: LibrarySnippet[] }>) => void;
  /** A bank snippet's answer for the preview; refused while a live room deals it. */
  'library:preview': (req: { id: string }, ack: Ack<{ preview: SnippetPreview }>) => void;
  /** The per-snippet analysis of one of the host's games (live or kept for the report). */
  'history:analysis': (req: { code: string; hostToken: string }, ack: Ack<{ analysis: GameAnalysis }>) => void;
}
