// The entry point: loads the deck (the snippet bank simulated by the engine), builds the server and
// listens on HOST:PORT, printing the local and LAN addresses. See README "## Configuration".
import { networkInterfaces } from 'node:os';
import { createApp } from './app.ts';
import { loadDeck } from './deck.ts';

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
const deck = loadDeck((m) => console.warn(m));
const lan = lanAddresses();
const publicUrl = process.env.PUBLIC_URL?.replace(/\/+$/, '') || null;

const server = createApp({
  deck,
  roomIdleMs: envInt('ROOM_IDLE_MS', 10 * 60_000, 1000),
  maxRooms: envInt('MAX_ROOMS', 500, 1),
  publicUrl,
  log: (m) => console.log(m),
});

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
    server.close().then(() => process.exit(0));
  });
}
