// The instructor's library as client state: the bank's snippets and the snippets of this browser's
// own decks (read back with their edit tokens), the filters over them, and the deck being built (a
// named, ordered list of picked bank snippets and custom snippets from the editor). Saving sends the
// deck to the server, which simulates every custom snippet itself; the edit token it returns once is
// kept in this browser (saved.ts).
import type { CustomSnippetInput, DeckDetail, DeckItemInput, LibrarySnippet, ModuleKind } from '../../../../shared/deck-protocol.ts';
import type { Difficulty, Topic } from '../../../../shared/protocol.ts';
import type { Connection } from '../connection.svelte.ts';
import { MAX_DECK_MESSAGE_CHARS, savedDecks } from './saved.ts';

/** One snippet the library can show: from the bank or from one of my decks. */
export interface LibraryItem {
  key: string;
  kind: 'bank' | 'custom';
  id: string;
  title: string;
  difficulty: Difficulty;
  topics: Topic[];
  module: ModuleKind;
  lines: number;
  source: string;
  /** For my own snippets: the deck it comes from, its cards and explanation (already mine to read). */
  deckName?: string;
  cards?: string[];
  explanation?: string;
  custom?: CustomSnippetInput;
}

/** The library's filters. */
export interface LibraryFilter {
  text: string;
  topic: Topic | '';
  difficulty: Difficulty | 0;
  module: ModuleKind | '';
  /** Number of lines (cards): '' any, else an exact count. */
  lines: number | 0;
  source: 'all' | 'bank' | 'mine';
}

export const EMPTY_FILTER: LibraryFilter = { text: '', topic: '', difficulty: 0, module: '', lines: 0, source: 'all' };

/** The items matching a filter (text searches title, id and source, case-insensitively). */
export function filterItems(items: readonly LibraryItem[], f: LibraryFilter): LibraryItem[] {
  const text = f.text.trim().toLowerCase();
  return items.filter(
    (i) =>
      (f.source === 'all' || (f.source === 'bank') === (i.kind === 'bank')) &&
      (!f.topic || i.topics.includes(f.topic)) &&
      (!f.difficulty || i.difficulty === f.difficulty) &&
      (!f.module || i.module === f.module) &&
      (!f.lines || i.lines === f.lines) &&
      (!text || i.title.toLowerCase().includes(text) || i.id.toLowerCase().includes(text) || i.source.toLowerCase().includes(text)),
  );
}

/** A place in the deck being built. */
export interface DraftItem {
  key: string;
  title: string;
  lines: number;
  item: DeckItemInput;
}

let draftKeys = 0;

/** The library, the deck being built and this browser's decks. */
export class LibraryState {
  #conn: Connection;
  #bank = $state<LibraryItem[]>([]);
  #mine = $state<LibraryItem[]>([]);
  #error = $state<string | null>(null);
  #notice = $state<string | null>(null);
  #busy = $state(false);
  filter = $state<LibraryFilter>({ ...EMPTY_FILTER });
  draftName = $state('My deck');
  draftId = $state<string | null>(null);
  draft = $state<DraftItem[]>([]);
  /** Shown once after a deck is created: its edit link stays in this browser only. */
  created = $state<{ deckId: string; practicePath: string } | null>(null);

  constructor(conn: Connection) {
    this.#conn = conn;
  }

  get items(): LibraryItem[] {
    return [...this.#mine, ...this.#bank];
  }
  get matches(): LibraryItem[] {
    return filterItems(this.items, this.filter);
  }
  get error() {
    return this.#error;
  }
  get notice() {
    return this.#notice;
  }
  get busy() {
    return this.#busy;
  }
  get conn() {
    return this.#conn;
  }

  say(notice: string | null, error: string | null = null) {
    this.#notice = notice;
    this.#error = error;
  }

  /** Loads the bank and the snippets of this browser's decks. */
  async load(): Promise<void> {
    const bank = await this.#conn.request('library:bank', {});
    if (!bank.ok) return this.say(null, bank.message);
    this.#bank = bank.snippets.map((s: LibrarySnippet) => ({ ...s, key: `bank:${s.id}`, kind: 'bank' as const }));
    await this.loadMine();
  }

  async loadMine(): Promise<void> {
    const mine: LibraryItem[] = [];
    for (const saved of savedDecks.list()) {
      const reply = await this.#conn.request('deck:get', { deckId: saved.deckId, editToken: saved.editToken });
      if (!reply.ok) continue;
      for (const s of reply.deck.snippets) {
        if (s.kind !== 'custom') continue;
        const custom: CustomSnippetInput = { title: s.title, difficulty: s.difficulty, topics: s.topics, explanation: s.explanation, module: s.module, source: s.source };
        mine.push({ ...custom, key: `mine:${saved.deckId}:${s.id}`, kind: 'custom', id: s.id, lines: s.cards.length, deckName: reply.deck.name, cards: s.cards, custom });
      }
    }
    this.#mine = mine;
  }

  /** Puts a library snippet at the end of the deck being built. */
  pick(item: LibraryItem): void {
    const input: DeckItemInput = item.kind === 'bank' ? { bank: item.id } : { custom: item.custom! };
    this.draft = [...this.draft, { key: `d${++draftKeys}`, title: item.title, lines: item.lines, item: input }];
  }

  /** Adds a snippet written in the editor. */
  addCustom(custom: CustomSnippetInput, lines: number): void {
    this.draft = [...this.draft, { key: `d${++draftKeys}`, title: custom.title, lines, item: { custom } }];
  }

  move(index: number, by: -1 | 1): void {
    const to = index + by;
    if (to < 0 || to >= this.draft.length) return;
    const next = [...this.draft];
    [next[index], next[to]] = [next[to], next[index]];
    this.draft = next;
  }

  remove(index: number): void {
    this.draft = this.draft.filter((_, i) => i !== index);
  }

  /** Loads one of my decks into the builder, to edit it. */
  open(deck: DeckDetail): void {
    this.draftId = deck.id;
    this.draftName = deck.name;
    this.draft = deck.snippets.map((s) => ({
      key: `d${++draftKeys}`,
      title: s.title,
      lines: s.cards.length,
      item: s.kind === 'bank' ? { bank: s.id } : { custom: { title: s.title, difficulty: s.difficulty, topics: s.topics, explanation: s.explanation, module: s.module, source: s.source } },
    }));
  }

  /** Creates the deck (or saves the one being edited); the server checks and simulates every snippet. */
  async save(hostKey: string): Promise<boolean> {
    const items = this.draft.map((d) => d.item);
    const size = JSON.stringify(items).length;
    if (size > MAX_DECK_MESSAGE_CHARS) {
      this.say(null, `This deck is ${Math.round(size / 1000)} kB of code; a deck can be at most ${MAX_DECK_MESSAGE_CHARS / 1000} kB: split it in two.`);
      return false;
    }
    this.#busy = true;
    try {
      const saved = this.draftId ? savedDecks.get(this.draftId) : null;
      if (saved) {
        const reply = await this.#conn.request('deck:update', { deckId: saved.deckId, editToken: saved.editToken, name: this.draftName, items });
        if (!reply.ok) return (this.say(null, reply.message), false);
        savedDecks.put({ ...saved, name: reply.deck.name, savedAt: new Date().toISOString() });
        this.say(`Saved "${reply.deck.name}" (${reply.deck.snippets.length} snippets).`);
      } else {
        const reply = await this.#conn.request('deck:create', { name: this.draftName, items, ...(hostKey ? { hostKey } : {}) });
        if (!reply.ok) return (this.say(null, reply.message), false);
        savedDecks.put({ deckId: reply.deckId, editToken: reply.editToken, name: reply.deck.name, savedAt: new Date().toISOString() });
        this.draftId = reply.deckId;
        this.created = { deckId: reply.deckId, practicePath: reply.deck.practicePath };
        this.say(`Created "${reply.deck.name}" (${reply.deck.snippets.length} snippets). Its edit key is kept in this browser.`);
      }
      await this.loadMine();
      return true;
    } finally {
      this.#busy = false;
    }
  }

  newDraft(): void {
    this.draftId = null;
    this.draftName = 'My deck';
    this.draft = [];
    this.created = null;
  }
}
