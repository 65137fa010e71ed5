// The deck library: instructors' own decks in the store (tables of migration 3 in server/store.ts).
// A deck is a named, ordered list of bank snippet ids and custom snippets; a custom snippet is kept
// with the answer key the SERVER computed in the simulation pool (cards in true order, trace), never
// one sent by a client or found in an imported file. Ownership without accounts: a deck's edit token
// is returned once at creation and stored only as a SHA-256 hash (compared with timingSafeEqual); its
// id is public and read-only (the practice link). There is no listing: reading or changing a deck
// needs its token, and a wrong token reads exactly like an unknown deck.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Card, TraceStep } from '../shared/engine/types.ts';
import type { CustomSnippetInput, DeckDetail, DeckFile, DeckItemInput, DeckSnippet, ModuleKind } from '../shared/deck-protocol.ts';
import type { Deck, DeckEntry } from './deck.ts';
import { checkSnippet, type PoolSimulate } from './snippet-check.ts';
import { migrate } from './store.ts';
import { simulateInPool } from './simulation-pool.ts';

/** Limits of the library (environment variables, see readDeckLimits). */
export interface DeckLimits {
  /** Decks one address may keep in the store (DECKS_PER_ADDRESS). */
  decksPerAddress: number;
  /** Characters in one custom snippet (SNIPPET_MAX_CHARS). */
  snippetMaxChars: number;
  /** Snippet checks one socket may ask for per 10 seconds (SNIPPET_CHECKS_PER_10S). */
  checksPer10s: number;
}

export const DEFAULT_DECK_LIMITS: DeckLimits = { decksPerAddress: 50, snippetMaxChars: 4000, checksPer10s: 20 };

/** The deck limits from the environment; throws naming the variable when one is invalid. */
export function readDeckLimits(env: NodeJS.ProcessEnv): DeckLimits {
  const limits = { ...DEFAULT_DECK_LIMITS };
  const names: [keyof DeckLimits, string][] = [
    ['decksPerAddress', 'DECKS_PER_ADDRESS'],
    ['snippetMaxChars', 'SNIPPET_MAX_CHARS'],
    ['checksPer10s', 'SNIPPET_CHECKS_PER_10S'],
  ];
  for (const [field, name] of names) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be an integer >= 1 (got "${raw}")`);
    limits[field] = n;
  }
  return limits;
}

/** A refusal with a code for the acknowledgement and a sentence for people. */
export interface DeckRefusal {
  refused: true;
  code: 'DECK_NOT_FOUND' | 'SNIPPET_REFUSED' | 'RATE_LIMITED' | 'BAD_REQUEST';
  message: string;
}

const refuse = (code: DeckRefusal['code'], message: string): DeckRefusal => ({ refused: true, code, message });
export const isRefusal = (x: unknown): x is DeckRefusal => typeof x === 'object' && x !== null && (x as DeckRefusal).refused === true;

/** The one answer for an unknown deck and a wrong token alike. */
export const NO_DECK = 'No deck here: check the link, and open it from the browser that made it (its edit link).';

/** A custom snippet as stored: the instructor's fields plus the server's answer key. */
interface StoredCustom extends CustomSnippetInput {
  id: string;
  cards: Card[];
  trace: TraceStep[];
}

type StoredItem = { bank: string } | { custom: string };

interface DeckRow {
  id: string;
  edit_hash: string;
  name: string;
  address: string;
  created_at: number;
  updated_at: number;
  items: string;
}

interface SnippetRow {
  id: string;
  title: string;
  difficulty: number;
  topics: string;
  explanation: string;
  module: ModuleKind;
  source: string;
  cards: string;
  trace: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest();

/** The id of a custom snippet: the same source and module kind always get the same id. */
export function customSnippetId(source: string, module: ModuleKind): string {
  return 'c-' + createHash('sha256').update(`${module}\n${source}`).digest('base64url').slice(0, 16);
}

export interface DeckLibraryOptions {
  /** The store's database (migrated); null = a private in-memory database. */
  db: Database.Database | null;
  /** The bank as dealt (server/deck.ts). */
  bank: Deck;
  limits?: Partial<DeckLimits>;
  simulate?: PoolSimulate;
  now?: () => number;
}

/** Instructors' decks: create, read, edit, duplicate, delete, export, import, and their playable entries. */
export class DeckLibrary {
  readonly limits: DeckLimits;
  private readonly db: Database.Database;
  private readonly ownDb: boolean;
  private readonly bankById = new Map<string, DeckEntry>();
  private readonly simulate: PoolSimulate;
  private readonly now: () => number;

  constructor(options: DeckLibraryOptions) {
    this.limits = { ...DEFAULT_DECK_LIMITS, ...options.limits };
    this.ownDb = options.db === null;
    this.db = options.db ?? new Database(':memory:');
    if (this.ownDb) migrate(this.db);
    for (const entry of options.bank) this.bankById.set(entry.snippet.id, entry);
    this.simulate = options.simulate ?? simulateInPool;
    this.now = options.now ?? Date.now;
  }

  close(): void {
    if (this.ownDb && this.db.open) this.db.close();
  }

  /** Creates a deck (every custom snippet checked in the pool first). The edit token is returned only here. */
  async create(address: string, name: string, items: DeckItemInput[]): Promise<{ deckId: string; editToken: string; deck: DeckDetail } | DeckRefusal> {
    const owned = this.db.prepare(`SELECT COUNT(*) FROM decks WHERE address = ?`).pluck().get(address) as number;
    if (owned >= this.limits.decksPerAddress) {
      return refuse('RATE_LIMITED', `Your network already keeps ${owned} decks on this server (the limit is ${this.limits.decksPerAddress}): delete one before making another.`);
    }
    const prepared = await this.prepare(items, new Map());
    if (isRefusal(prepared)) return prepared;
    const deckId = randomBytes(12).toString('base64url');
    const editToken = randomBytes(24).toString('base64url');
    const at = this.now();
    this.db.transaction(() => {
      this.db
        .prepare(`INSERT INTO decks (id, edit_hash, name, address, created_at, updated_at, items) VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(deckId, hashToken(editToken).toString('hex'), name, address, at, at, JSON.stringify(prepared.items));
      this.writeSnippets(deckId, prepared.customs);
    })();
    return { deckId, editToken, deck: this.detail(this.row(deckId)!) };
  }

  /** The deck for its owner, or a refusal (unknown deck and wrong token read the same). */
  get(deckId: string, editToken: string): { deck: DeckDetail } | DeckRefusal {
    const row = this.owned(deckId, editToken);
    return row ? { deck: this.detail(row) } : refuse('DECK_NOT_FOUND', NO_DECK);
  }

  /** Replaces a deck's name and items; unchanged custom snippets keep their stored answer key. */
  async update(deckId: string, editToken: string, name: string, items: DeckItemInput[]): Promise<{ deck: DeckDetail } | DeckRefusal> {
    if (!this.owned(deckId, editToken)) return refuse('DECK_NOT_FOUND', NO_DECK);
    const prepared = await this.prepare(items, this.customsOf(deckId));
    if (isRefusal(prepared)) return prepared;
    // The deck may have been deleted while its snippets were simulated: check the token again.
    const row = this.owned(deckId, editToken);
    if (!row) return refuse('DECK_NOT_FOUND', NO_DECK);
    this.db.transaction(() => {
      this.db.prepare(`UPDATE decks SET name = ?, items = ?, updated_at = ? WHERE id = ?`).run(name, JSON.stringify(prepared.items), this.now(), deckId);
      this.db.prepare(`DELETE FROM deck_snippets WHERE deck_id = ?`).run(deckId);
      this.writeSnippets(deckId, prepared.customs);
    })();
    return { deck: this.detail(this.row(deckId)!) };
  }

  /** A copy of a deck under a new id and edit token ("Copy of …"). */
  duplicate(address: string, deckId: string, editToken: string): { deckId: string; editToken: string; deck: DeckDetail } | DeckRefusal {
    const row = this.owned(deckId, editToken);
    if (!row) return refuse('DECK_NOT_FOUND', NO_DECK);
    const owned = this.db.prepare(`SELECT COUNT(*) FROM decks WHERE address = ?`).pluck().get(address) as number;
    if (owned >= this.limits.decksPerAddress) {
      return refuse('RATE_LIMITED', `Your network already keeps ${owned} decks on this server (the limit is ${this.limits.decksPerAddress}): delete one before making another.`);
    }
    const newId = randomBytes(12).toString('base64url');
    const newToken = randomBytes(24).toString('base64url');
    const at = this.now();
    const name = `Copy of ${row.name}`.slice(0, 80);
    this.db.transaction(() => {
      this.db
        .prepare(`INSERT INTO decks (id, edit_hash, name, address, created_at, updated_at, items) VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(newId, hashToken(newToken).toString('hex'), name, address, at, at, row.items);
      this.writeSnippets(newId, [...this.customsOf(deckId).values()]);
    })();
    return { deckId: newId, editToken: newToken, deck: this.detail(this.row(newId)!) };
  }

  /** Deletes a deck and its custom snippets. */
  delete(deckId: string, editToken: string): { deleted: true } | DeckRefusal {
    if (!this.owned(deckId, editToken)) return refuse('DECK_NOT_FOUND', NO_DECK);
    this.db.prepare(`DELETE FROM decks WHERE id = ?`).run(deckId);
    return { deleted: true };
  }

  /** The deck as one JSON file, snippets included (the cards are there to read; import ignores them). */
  export(deckId: string, editToken: string): { file: DeckFile } | DeckRefusal {
    const row = this.owned(deckId, editToken);
    if (!row) return refuse('DECK_NOT_FOUND', NO_DECK);
    const customs = this.customsOf(deckId);
    const items: DeckFile['items'] = [];
    for (const item of JSON.parse(row.items) as StoredItem[]) {
      if ('bank' in item) items.push({ bank: item.bank });
      else {
        const c = customs.get(item.custom);
        if (c) items.push({ custom: { ...publicFields(c), cards: c.cards.map((x) => x.text) } });
      }
    }
    return { file: { format: 'event-loop-arena-deck', version: 1, name: row.name, items } };
  }

  /** Imports a deck file as a new deck: every custom snippet is simulated again; the file's cards are ignored. */
  async import(address: string, file: DeckFile): Promise<{ deckId: string; editToken: string; deck: DeckDetail } | DeckRefusal> {
    const items: DeckItemInput[] = file.items.map((item) => ('bank' in item ? { bank: item.bank } : { custom: publicFields(item.custom) }));
    return this.create(address, file.name, items);
  }

  /** The playable entries of a deck for a live game, in deck order (owner only). */
  playable(deckId: string, editToken: string): DeckEntry[] | DeckRefusal {
    const row = this.owned(deckId, editToken);
    if (!row) return refuse('DECK_NOT_FOUND', NO_DECK);
    return this.entries(row);
  }

  /** The entries of a deck for practice, by its public id (read-only; no token). */
  practiceEntries(deckId: string): DeckEntry[] | null {
    const row = this.row(deckId);
    return row ? this.entries(row) : null;
  }

  /** Simulates and checks every custom snippet; bank ids must exist. */
  private async prepare(items: DeckItemInput[], known: Map<string, StoredCustom>): Promise<{ items: StoredItem[]; customs: StoredCustom[] } | DeckRefusal> {
    const stored: StoredItem[] = [];
    const customs = new Map<string, StoredCustom>();
    const seen = new Set<string>();
    for (const [i, item] of items.entries()) {
      const place = `Snippet ${i + 1}`;
      if ('bank' in item) {
        if (!this.bankById.has(item.bank)) return refuse('SNIPPET_REFUSED', `${place}: there is no bank snippet "${item.bank}".`);
        if (seen.has(item.bank)) return refuse('SNIPPET_REFUSED', `${place}: "${item.bank}" is already in this deck.`);
        seen.add(item.bank);
        stored.push({ bank: item.bank });
        continue;
      }
      const c = item.custom;
      const title = `${place} ("${c.title}")`;
      if (c.source.length > this.limits.snippetMaxChars) {
        return refuse('SNIPPET_REFUSED', `${title} has ${c.source.length} characters; a snippet has at most ${this.limits.snippetMaxChars}.`);
      }
      const id = customSnippetId(c.source, c.module);
      if (seen.has(id)) return refuse('SNIPPET_REFUSED', `${title} is the same code as an earlier snippet of this deck.`);
      seen.add(id);
      let key = known.get(id);
      if (!key) {
        const { check, result } = await checkSnippet(c.source, c.module, this.simulate);
        if (!result || !check.playable) {
          const problem = check.problems[0];
          const where = problem.line !== null && !problem.message.includes(`(${problem.line}:${problem.column})`) ? ` (${problem.line}:${problem.column})` : '';
          return refuse('SNIPPET_REFUSED', `${title} cannot be played: ${problem.message}${where}`);
        }
        key = { ...publicFields(c), id, cards: result.cards, trace: result.trace };
      }
      customs.set(id, { ...publicFields(c), id, cards: key.cards, trace: key.trace });
      stored.push({ custom: id });
    }
    return { items: stored, customs: [...customs.values()] };
  }

  private writeSnippets(deckId: string, customs: StoredCustom[]): void {
    const insert = this.db.prepare(
      `INSERT INTO deck_snippets (deck_id, id, title, difficulty, topics, explanation, module, source, cards, trace) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const c of customs) {
      insert.run(deckId, c.id, c.title, c.difficulty, JSON.stringify(c.topics), c.explanation, c.module, c.source, JSON.stringify(c.cards), JSON.stringify(c.trace));
    }
  }

  private row(deckId: string): DeckRow | null {
    return (this.db.prepare(`SELECT * FROM decks WHERE id = ?`).get(deckId) as DeckRow | undefined) ?? null;
  }

  /** The row when `editToken` is its edit token; null for an unknown deck or a wrong token alike. */
  private owned(deckId: string, editToken: string): DeckRow | null {
    const row = this.row(deckId);
    const given = hashToken(editToken);
    // Compare even when the deck is unknown, so both answers take the same time.
    const expected = row ? Buffer.from(row.edit_hash, 'hex') : Buffer.alloc(given.length);
    const same = expected.length === given.length && timingSafeEqual(expected, given);
    return row && same ? row : null;
  }

  private customsOf(deckId: string): Map<string, StoredCustom> {
    const rows = this.db.prepare(`SELECT * FROM deck_snippets WHERE deck_id = ?`).all(deckId) as SnippetRow[];
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          title: r.title,
          difficulty: r.difficulty as CustomSnippetInput['difficulty'],
          topics: JSON.parse(r.topics),
          explanation: r.explanation,
          module: r.module,
          source: r.source,
          cards: JSON.parse(r.cards),
          trace: JSON.parse(r.trace),
        },
      ]),
    );
  }

  private entries(row: DeckRow): DeckEntry[] {
    const customs = this.customsOf(row.id);
    const entries: DeckEntry[] = [];
    for (const item of JSON.parse(row.items) as StoredItem[]) {
      if ('bank' in item) {
        const entry = this.bankById.get(item.bank);
        if (entry) entries.push(entry);
        continue;
      }
      const c = customs.get(item.custom);
      if (!c) continue;
      entries.push({
        snippet: { id: c.id, title: c.title, difficulty: c.difficulty, topics: [...c.topics], source: c.source },
        explanation: c.explanation,
        cards: c.cards,
        trace: c.trace,
      });
    }
    return entries;
  }

  private detail(row: DeckRow): DeckDetail {
    const customs = this.customsOf(row.id);
    const snippets: DeckSnippet[] = [];
    for (const item of JSON.parse(row.items) as StoredItem[]) {
      if ('bank' in item) {
        const e = this.bankById.get(item.bank);
        if (!e) continue;
        snippets.push({
          id: e.snippet.id,
          kind: 'bank',
          title: e.snippet.title,
          difficulty: e.snippet.difficulty,
          topics: [...e.snippet.topics],
          explanation: e.explanation,
          module: /^\s*(import|export)\b/m.test(e.snippet.source) ? 'module' : 'commonjs',
          source: e.snippet.source,
          cards: e.cards.map((c) => c.text),
        });
      } else {
        const c = customs.get(item.custom);
        if (c) snippets.push({ ...publicFields(c), id: c.id, kind: 'custom', cards: c.cards.map((x) => x.text) });
      }
    }
    return { id: row.id, name: row.name, createdAt: row.created_at, updatedAt: row.updated_at, snippets, practicePath: `/practice?deck=${row.id}` };
  }
}

/** The fields an instructor writes, nothing else (drops an answer key a file may carry). */
function publicFields(c: CustomSnippetInput): CustomSnippetInput {
  return { title: c.title, difficulty: c.difficulty, topics: [...c.topics], explanation: c.explanation, module: c.module, source: c.source };
}
