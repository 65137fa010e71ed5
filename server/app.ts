// The server factory: Express (health check, CSV report, the built client with an SPA fallback) and
// Socket.IO on one http server, without listening. server/index.ts listens; tests call this on port 0.
import { createServer, type Server as HttpServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../shared/protocol.ts';
import type { Deck } from './deck.ts';
import { systemDeps, type Deps } from './deps.ts';
import { attachHandlers } from './handlers.ts';
import { DeckLibrary, readDeckLimits, type DeckLimits } from './deck-library.ts';
import { attachDeckHandlers, DeckGuard } from './deck-handlers.ts';
import { closeSharedPool } from './simulation-pool.ts';
import { AbuseGuard, clientAddress, CODE_GUESSING_MESSAGE, readLimits, type Limits } from './limits.ts';
import { DEFAULT_COUNTDOWN_MS } from './room-machine.ts';
import { buildReport } from './report.ts';
import { serveClient } from './static.ts';
import { RoomRegistry, type SocketData } from './rooms.ts';
import { memoryStore, type Store } from './store.ts';

export interface AppOptions {
  /** The dealable snippets (see server/deck.ts `loadDeck`). */
  deck: Deck;
  deps?: Deps;
  publicUrl?: string | null;
  roomIdleMs?: number;
  maxRooms?: number;
  countdownMs?: number;
  broadcastIntervalMs?: number;
  /** Directory of the built client; default dist/client. */
  clientDir?: string;
  log?: (message: string) => void;
  /** Abuse limits (server/limits.ts); unset fields come from the environment (`readLimits`). */
  limits?: Partial<Limits>;
  /** Where rooms are kept (server/store.ts); default: a fresh SQLite store in memory, closed with the server. */
  store?: Store;
  /** Deck limits (server/deck-library.ts); unset fields come from the environment (`readDeckLimits`). */
  deckLimits?: Partial<DeckLimits>;
}

export interface GameServer {
  app: express.Express;
  httpServer: HttpServer;
  io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
  registry: RoomRegistry;
  /** Stops every room and practice run, closes sockets and the http server. */
  close(): Promise<void>;
}

const DEFAULT_CLIENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/client');

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Event Loop Arena</title>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;line-height:1.5">
<h1>Event Loop Arena</h1><p>The game server is running, but the web client has not been built yet.</p>
<p>Run <code>npm run build</code> (or start with <code>npm start</code>, which builds first), then reload this page.</p></body></html>`;

/** Builds the Express app, the http server and Socket.IO, wired to a fresh room registry. */
export function createApp(options: AppOptions): GameServer {
  const deps = options.deps ?? systemDeps;
  const log = options.log ?? ((m: string) => console.log(m));
  const store = options.store ?? memoryStore();
  const guard = new AbuseGuard({ ...readLimits(process.env), ...options.limits });
  // Instructors' decks live in the same database as rooms (a private in-memory one for the no-op store).
  const decks = new DeckLibrary({ db: store.database, bank: options.deck, limits: { ...readDeckLimits(process.env), ...options.deckLimits }, now: () => deps.now() });
  const deckGuard = new DeckGuard(decks.limits.checksPer10s);
  const registry = new RoomRegistry({
    decks,
    guard,
    store,
    deck: options.deck,
    deps,
    publicUrl: options.publicUrl ?? null,
    roomIdleMs: options.roomIdleMs ?? 10 * 60_000,
    maxRooms: options.maxRooms ?? 500,
    countdownMs: options.countdownMs ?? DEFAULT_COUNTDOWN_MS,
    broadcastIntervalMs: options.broadcastIntervalMs ?? 100,
    log,
  });
  const startedAt = deps.now();

  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', ...registry.stats(), uptime: Math.round((deps.now() - startedAt) / 1000), hostKeyRequired: guard.limits.hostKey !== null });
  });

  // An unknown room and a wrong token get the same answer (so the report cannot tell which codes exist),
  // requests are limited per address, and each failure counts as a wrong room code.
  const NO_REPORT = { ok: false, code: 'ROOM_NOT_FOUND', message: 'No report here: check the room code and use the host token of that room.' };
  app.get('/rooms/:code/report.csv', async (req, res) => {
    const address = clientAddress(req.socket.remoteAddress, req.headers, guard.limits.trustProxy);
    const tooMany = { ok: false, code: 'RATE_LIMITED', message: CODE_GUESSING_MESSAGE };
    if (!(await guard.reports.take(address))) {
      return void res.status(429).json({ ok: false, code: 'RATE_LIMITED', message: 'Too many report requests from your network: wait a minute.' });
    }
    const code = String(req.params.code).toUpperCase();
    const header = req.get('authorization') ?? '';
    const bearer = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    const token = bearer ?? (typeof req.query.token === 'string' ? req.query.token : '');
    // A live room, or a finished one still in the store (REPORT_RETENTION_DAYS).
    const context = registry.reportContext(code, token);
    if (!context) {
      // An address over its wrong-code limit is told so for every failure (never "not found" vs "found").
      if (await guard.codeMisses.blocked(address)) return void res.status(429).json(tooMany);
      await guard.codeMisses.take(address);
      return void res.status(404).json(NO_REPORT);
    }
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set('Content-Disposition', `attachment; filename="event-loop-arena-${code}.csv"`);
    res.set('Cache-Control', 'no-store');
    res.send(buildReport(context));
  });

  // The built client: precompressed hashed assets with immutable caching, index.html no-cache (server/static.ts).
  serveClient(app, options.clientDir ?? DEFAULT_CLIENT_DIR, NOT_BUILT_PAGE);

  const httpServer = createServer(app);
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(httpServer, {
    maxHttpBufferSize: 64 * 1024,
    // Short pings find a phone that stopped reading quickly (LiveRoom marks it away, see STALL_GRACE_MS).
    pingInterval: guard.limits.pingIntervalMs,
    pingTimeout: guard.limits.pingTimeoutMs,
  });
  io.on('connection', (socket) => {
    attachHandlers(socket, registry);
    attachDeckHandlers(socket, registry, decks, deckGuard);
  });

  return {
    app,
    httpServer,
    io,
    registry,
    close: async () => {
      registry.close();
      // Snippets simulated for this server (server/simulation-pool.ts) stop with it.
      await closeSharedPool();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      decks.close();
      if (!options.store) store.close();
    },
  };
}
