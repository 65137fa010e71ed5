// What this browser remembers of the instructor's own work: the decks it made (id, edit token, name)
// and the games it hosted (room code, host token, date, deck). Nothing here is on the server's list of
// anyone else: a deck is read back only with its edit token, a game's analysis only with its host token.
// Reads tolerate a missing, full or blocked localStorage, like client/src/lib/storage.ts.

const PREFIX = 'ela:';

/**
 * The largest deck message the server reads (Socket.IO maxHttpBufferSize is 64 kB; a bigger message
 * would close the connection), with room for the rest of the request.
 */
export const MAX_DECK_MESSAGE_CHARS = 60_000;

function read<T>(key: string, fallback: T): T {
  try {
    const raw = globalThis.localStorage?.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the list is simply not kept.
  }
}

/** A deck made in this browser: its edit token is the only key to it. */
export interface SavedDeck {
  deckId: string;
  editToken: string;
  name: string;
  savedAt: string;
}

export const savedDecks = {
  list: (): SavedDeck[] => read<SavedDeck[]>('decks', []),
  put(deck: SavedDeck): void {
    write('decks', [deck, ...savedDecks.list().filter((d) => d.deckId !== deck.deckId)]);
  },
  forget(deckId: string): void {
    write('decks', savedDecks.list().filter((d) => d.deckId !== deckId));
  },
  get: (deckId: string): SavedDeck | null => savedDecks.list().find((d) => d.deckId === deckId) ?? null,
};

/** A game hosted from this browser. */
export interface PastGame {
  code: string;
  hostToken: string;
  at: string;
  deckName: string | null;
}

export const pastGames = {
  list: (): PastGame[] => read<PastGame[]>('games', []),
  add(game: PastGame): void {
    write('games', [game, ...pastGames.list().filter((g) => g.code !== game.code)].slice(0, 100));
  },
};

/** The deck the host setup should preselect (set by "Play live" in the library). */
export function chooseDeckForNextGame(deckId: string | null): void {
  try {
    if (deckId) globalThis.sessionStorage?.setItem(PREFIX + 'play-deck', deckId);
    else globalThis.sessionStorage?.removeItem(PREFIX + 'play-deck');
  } catch {
    // No session storage: the host picks the deck in the list.
  }
}

export function deckChosenForNextGame(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(PREFIX + 'play-deck') ?? null;
  } catch {
    return null;
  }
}
