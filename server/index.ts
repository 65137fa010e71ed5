// The entry point: loads the deck (the snippet bank simulated by the engine), builds the server and
// listens on HOST:PORT, printing the local and LAN addresses. See README "## Configuration".
import { networkInterfaces } from 'node:os';
import { createApp } from './app.ts';
import { loadDeck } from './deck.ts';
import { openStore, StoreError, type Store } from './store.ts';
import { readLimits } from './limits.ts';

// Abuse limits come from the environment (README "Abuse limits"): a bad value stops the start, clearly.
try {
  readLimits(process.env);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}

/** An integer from the environment, or the fallback when unset; exits with a message when invalid. */
function envInt(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    console.error(`${name} must be an integer >= ${min} (got "${raw}")`);
    process.exit(1);
  }
  return n;
}

/** IPv4 addresses of this machine on the local network. */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

const port = envInt('PORT', 3000, 0);
const host = process.env.HOST || '0.0.0.0';
// The store first: a bad DATA_DIR stops the server here with a clear message, before any game starts.
const dataDir = process.env.DATA_DIR || './data';
const syncMode = process.env.STORE_SYNC || 'normal';
if (syncMode !== 'normal' && syncMode !== 'full') {
  console.error(`STORE_SYNC must be "normal" or "full" (got "${syncMode}")`);
  process.exit(1);
}
const retentionDays = envInt('REPORT_RETENTION_DAYS', 30, 0);
let store: Store;
try {
  store = openStore({ dataDir, sync: syncMode });
} catch (err) {
  console.error(err instanceof StoreError ? err.message : `Cannot open the store in DATA_DIR ${dataDir}: ${String(err)}`);
  process.exit(1);
}
const DAY_MS = 24 * 60 * 60_000;
const purge = () => {
  const purged = store.purgeClosedBefore(Date.now() - retentionDays * DAY_MS);
  if (purged) console.log(`store: ${purged} finished game(s) older than ${retentionDays} days purged`);
};
purge();

const deck = loadDeck((m) => console.warn(m));
const lan = lanAddresses();
const publicUrl = process.env.PUBLIC_URL?.replace(/\/+$/, '') || null;

const server = createApp({
  deck,
  roomIdleMs: envInt('ROOM_IDLE_MS', 10 * 60_000, 1000),
  maxRooms: envInt('MAX_ROOMS', 500, 1),
  publicUrl,
  log: (m) => console.log(m),
  store,
});

// Rooms that were live when the server stopped come back before it listens, so phones that reconnect
// find them. A round's clock was stopped while the server was away: its deadline moves forward by the
// time since the last heartbeat (at most HEARTBEAT_MS more than the real downtime).
const HEARTBEAT_MS = 1000;
const lastAlive = store.lastHeartbeat();
const downtimeMs = lastAlive === null ? 0 : Math.max(0, Date.now() - lastAlive);
const restored = server.registry.restoreRooms(downtimeMs);
store.heartbeat(Date.now());
setInterval(() => store.heartbeat(Date.now()), HEARTBEAT_MS).unref();
setInterval(purge, DAY_MS).unref();

server.httpServer.on('error', (err: NodeJS.ErrnoException) => {
  console.error(err.code === 'EADDRINUSE' ? `Port ${port} is already in use: set PORT to another one.` : err.message);
  process.exit(1);
});

server.httpServer.listen(port, host, () => {
  const address = server.httpServer.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  // Without PUBLIC_URL, players join at the first LAN address: "localhost" means nothing on a phone.
  if (!publicUrl && lan.length && (host === '0.0.0.0' || host === '::')) server.registry.options.publicUrl = `http://${lan[0]}:${actualPort}`;
  console.log(`Event Loop Arena: ${deck.length} snippets in the deck`);
  console.log(`  Store:   ${store.location}${restored ? ` (${restored} room(s) restored after ${(downtimeMs / 1000).toFixed(1)} s away)` : ''}`);
  console.log(`  Local:   http://localhost:${actualPort}`);
  if (host === '0.0.0.0' || host === '::') for (const ip of lan) console.log(`  Network: http://${ip}:${actualPort}`);
  if (publicUrl) console.log(`  Public:  ${publicUrl}`);
});

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) process.exit(1);
    closing = true;
    console.log('Shutting down...');
    server.close().then(() => {
      store.heartbeat(Date.now());
      store.close();
      process.exit(0);
    });
  });
}
