// The deck: every bank snippet the server can deal, simulated once at startup. A deck entry holds what
// a round needs (the snippet as dealt, its cards in true order, the trace for the replay, the
// explanation). Snippets the engine refuses or whose order is a race are left out with a warning, so a
// round can never be dealt with a wrong or ambiguous answer.
import type { Card, SimulateOptions, SimulationResult, TraceStep } from '../shared/engine/types.ts';
import type { DealtSnippet, Difficulty, Topic } from '../shared/protocol.ts';
import { simulate } from '../shared/engine/index.ts';
import { loadBank } from '../shared/snippets/index.ts';

/** One dealable snippet with its truth. */
export interface DeckEntry {
  snippet: DealtSnippet;
  explanation: string;
  /** Output lines in true order, with the console call that printed each. */
  cards: Card[];
  trace: TraceStep[];
}

export type Deck = readonly DeckEntry[];

/** The shape of a bank snippet (shared/snippets `loadBank()`), as far as the deck needs it. */
export interface BankSnippet {
  id: string;
  title: string;
  difficulty: Difficulty;
  topics: Topic[];
  explanation: string;
  file: string;
  source: string;
}

export type Simulate = (source: string, options?: SimulateOptions) => SimulationResult;

/** Simulates every snippet once and keeps the dealable ones; `warn` hears about the others. */
export function buildDeck(bank: readonly BankSnippet[], simulate: Simulate, warn: (message: string) => void = console.warn): DeckEntry[] {
  const deck: DeckEntry[] = [];
  for (const s of bank) {
    let result: SimulationResult;
    try {
      result = simulate(s.source, { module: /\.mjs$/.test(s.file) ? 'module' : 'commonjs' });
    } catch (err) {
      warn(`deck: snippet ${s.id} left out, the engine refused it: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    if (!result.deterministic) {
      warn(`deck: snippet ${s.id} left out, its order is a race: ${result.races.join(' ')}`);
      continue;
    }
    if (result.cards.length < 2) {
      warn(`deck: snippet ${s.id} left out, it prints ${result.cards.length} line(s): nothing to order`);
      continue;
    }
    deck.push({
      snippet: { id: s.id, title: s.title, difficulty: s.difficulty, topics: [...s.topics], source: s.source },
      explanation: s.explanation,
      cards: result.cards,
      trace: result.trace,
    });
  }
  return deck;
}

/** Loads the snippet bank (shared/snippets) and simulates every snippet with the engine. */
export function loadDeck(warn: (message: string) => void = console.warn): DeckEntry[] {
  return buildDeck(loadBank(), simulate, warn);
}

/** The entries matching a room's choice of topics and difficulties (an empty list means all). */
export function selectEntries(deck: Deck, topics: readonly Topic[], difficulties: readonly Difficulty[]): DeckEntry[] {
  return deck.filter(
    (e) =>
      (difficulties.length === 0 || difficulties.includes(e.snippet.difficulty)) &&
      (topics.length === 0 || e.snippet.topics.some((t) => topics.includes(t))),
  );
}
