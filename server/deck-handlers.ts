// The socket edge of decks, the snippet editor, the library and the host's history (events of
// shared/deck-protocol.ts). Same order as server/handlers.ts: rate limit -> validate (zod) -> act
// -> acknowledge. Custom code is simulated only in the worker pool (server/snippet-check.ts); a deck
// is read or changed only with its edit token; HOST_KEY, when set, is needed to make a deck.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { GameAnalysis, LibrarySnippet } from '../shared/deck-protocol.ts';
import {
  deckAuthSchema,
  deckCreateSchema,
  deckDuplicateSchema,
  deckImportSchema,
  deckUpdateSchema,
  historyAnalysisSchema,
  libraryBankSchema,
  libraryPreviewSchema,
  snippetCheckSchema,
} from '../shared/deck-schemas.ts';
import { loadBank } from '../shared/snippets/index.ts';
import { isRefusal, type DeckLibrary, type DeckRefusal } from './deck-library.ts';
import { edgeHandler, fail, type AckData, type EventName, type Reply } from './edge.ts';
import { CODE_GUESSING_MESSAGE } from './limits.ts';
import { sameSecret, type GameSocket, type RoomRegistry } from './rooms.ts';
import type { RoomContext } from './room-types.ts';
import { checkSnippet } from './snippet-check.ts';
import { leaderboardOf } from './views.ts';



/** Rate limiters of the deck events, shared by every socket of one server. */
export class DeckGuard {
  /** Snippet checks per socket (the editor checks as the instructor types, debounced). */
  readonly checks: RateLimiterMemory;
  /** Snippet checks per address (several tabs or sockets). */
  readonly checksByAddress: RateLimiterMemory;
  /** Deck saves that may simulate snippets (create, update, import) per address. */
  readonly saves: RateLimiterMemory;

  constructor(checksPer10s: number) {
    this.checks = new RateLimiterMemory({ points: checksPer10s, duration: 10, keyPrefix: 'snippet-checks' });
    this.checksByAddress = new RateLimiterMemory({ points: checksPer10s * 5, duration: 10, keyPrefix: 'snippet-checks-addr' });
    this.saves = new RateLimiterMemory({ points: 60, duration: 600, keyPrefix: 'deck-saves' });
  }
}

async function take(limiter: RateLimiterMemory, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (err) {
    if (err instanceof RateLimiterRes) return false;
    throw err;
  }
}

/** The module kind of a bank snippet, from its file name. */
const bankModules = new Map<string, 'commonjs' | 'module'>();
function bankModule(id: string): 'commonjs' | 'module' {
  if (bankModules.size === 0) for (const s of loadBank()) bankModules.set(s.id, /\.mjs$/.test(s.file) ? 'module' : 'commonjs');
  return bankModules.get(id) ?? 'commonjs';
}

/** The per-snippet analysis of a game from its room context (the history keeps each scored round's distribution). */
export function analyseGame(ctx: RoomContext): GameAnalysis {
  const board = leaderboardOf(ctx);
  const players = board.length;
  const averageScore = players ? Math.round(board.reduce((sum, e) => sum + e.score, 0) / players) : 0;
  return {
    code: ctx.code,
    players,
    averageScore,
    rounds: ctx.history.map((round) => {
      const textOf = new Map(round.cards.map((c) => [c.id, c.text]));
      const d = round.distribution;
      return {
        number: round.number,
        title: round.title,
        snippetId: round.snippetId,
        skipped: round.skipped,
        cards: round.cards.map((c) => c.text),
        players: d?.players ?? 0,
        percentFullyRight: d?.percentFullyRight ?? 0,
        commonWrongOrders: (d?.commonWrongOrders ?? []).map((w) => ({ order: w.order.map((id) => textOf.get(id) ?? '?'), count: w.count, percent: w.percent })),
        mostMisplaced: d?.mostMisplaced ? { text: textOf.get(d.mostMisplaced.cardId) ?? '?', count: d.mostMisplaced.count, percent: d.mostMisplaced.percent } : null,
      };
    }),
  };
}

/** Attaches the deck, editor, library and history events to a socket. */
export function attachDeckHandlers(socket: GameSocket, registry: RoomRegistry, decks: DeckLibrary, deckGuard: DeckGuard): void {
  const { guard, options } = registry;
  const { log } = options;
  const address = () => socket.data.address;

  const handle = edgeHandler(socket, guard, log);

  /** True when the server needs a host key and this one is missing or wrong (and replies so). */
  function missingHostKey(hostKey: string | undefined, reply: Reply<object>): boolean {
    const key = guard.limits.hostKey;
    if (key === null || (hostKey && sameSecret(hostKey, key))) return false;
    reply(fail('NOT_HOST', 'This server needs the host key to make decks: ask whoever runs it.'));
    return true;
  }

  const refused = (r: DeckRefusal) => fail(r.code, r.message);

  handle('deck:create', deckCreateSchema, async (req, reply) => {
    if (missingHostKey(req.hostKey, reply as Reply<object>)) return;
    if (!(await take(deckGuard.saves, address()))) return reply(fail('RATE_LIMITED', 'Too many deck saves from your network: wait a few minutes.'));
    const made = await decks.create(address(), req.name, req.items);
    reply(isRefusal(made) ? refused(made) : { ok: true, ...made });
  });

  handle('deck:get', deckAuthSchema, (req, reply) => {
    const got = decks.get(req.deckId, req.editToken);
    reply(isRefusal(got) ? refused(got) : { ok: true, ...got });
  });

  handle('deck:update', deckUpdateSchema, async (req, reply) => {
    if (!(await take(deckGuard.saves, address()))) return reply(fail('RATE_LIMITED', 'Too many deck saves from your network: wait a few minutes.'));
    const updated = await decks.update(req.deckId, req.editToken, req.name, req.items);
    reply(isRefusal(updated) ? refused(updated) : { ok: true, ...updated });
  });

  handle('deck:duplicate', deckDuplicateSchema, (req, reply) => {
    if (missingHostKey(req.hostKey, reply as Reply<object>)) return;
    const copy = decks.duplicate(address(), req.deckId, req.editToken);
    reply(isRefusal(copy) ? refused(copy) : { ok: true, ...copy });
  });

  handle('deck:delete', deckAuthSchema, (req, reply) => {
    const gone = decks.delete(req.deckId, req.editToken);
    reply(isRefusal(gone) ? refused(gone) : { ok: true });
  });

  handle('deck:export', deckAuthSchema, (req, reply) => {
    const file = decks.export(req.deckId, req.editToken);
    reply(isRefusal(file) ? refused(file) : { ok: true, ...file });
  });

  handle('deck:import', deckImportSchema, async (req, reply) => {
    if (missingHostKey(req.hostKey, reply as Reply<object>)) return;
    if (!(await take(deckGuard.saves, address()))) return reply(fail('RATE_LIMITED', 'Too many deck saves from your network: wait a few minutes.'));
    const made = await decks.import(address(), req.file);
    reply(isRefusal(made) ? refused(made) : { ok: true, ...made });
  });

  handle('snippet:check', snippetCheckSchema, async (req, reply) => {
    if (!(await take(deckGuard.checks, socket.id)) || !(await take(deckGuard.checksByAddress, address()))) {
      return reply(fail('RATE_LIMITED', 'The editor is checking too often: pause typing for a few seconds.'));
    }
    if (req.source.length > decks.limits.snippetMaxChars) {
      return reply(fail('BAD_REQUEST', `The snippet has ${req.source.length} characters; a snippet has at most ${decks.limits.snippetMaxChars}.`));
    }
    const { check } = await checkSnippet(req.source, req.module);
    reply({ ok: true, check });
  });

  handle('library:bank', libraryBankSchema, (_req, reply) => {
    const snippets: LibrarySnippet[] = options.deck.map((e) => ({
      id: e.snippet.id,
      title: e.snippet.title,
      difficulty: e.snippet.difficulty,
      topics: [...e.snippet.topics],
      module: bankModule(e.snippet.id),
      lines: e.cards.length,
      source: e.snippet.source,
    }));
    reply({ ok: true, snippets });
  });

  handle('library:preview', libraryPreviewSchema, (req, reply) => {
    const entry = options.deck.find((e) => e.snippet.id === req.id);
    if (!entry) return reply(fail('BAD_REQUEST', `There is no bank snippet "${req.id}".`));
    // A snippet a live room is dealing shows no answer: the library must not be a way to read one.
    if (registry.liveSnippetIds().has(entry.snippet.id)) {
      return reply(fail('INVALID_STATE', 'A live game is playing this snippet right now: its preview opens after the round is revealed.'));
    }
    reply({
      ok: true,
      preview: { id: entry.snippet.id, cards: entry.cards.map((c) => c.text), explanation: entry.explanation, trace: entry.trace, locs: entry.cards.map((c) => c.loc) },
    });
  });

  handle('history:analysis', historyAnalysisSchema, async (req, reply) => {
    if (!(await guard.reports.take(address()))) return reply(fail('RATE_LIMITED', 'Too many report requests from your network: wait a minute.'));
    const ctx = registry.reportContext(req.code, req.hostToken);
    if (!ctx) {
      if (await guard.codeMisses.blocked(address())) return reply(fail('RATE_LIMITED', CODE_GUESSING_MESSAGE));
      await guard.codeMisses.take(address());
      return reply(fail('ROOM_NOT_FOUND', 'No game here: check the room code and use the host token of that room.'));
    }
    reply({ ok: true, analysis: analyseGame(ctx) });
  });
}
