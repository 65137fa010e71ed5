// Load benchmark: `npm run bench:load [-- --players 200 --rounds 3 --rooms 100]`.
// Starts the game server in this process on a free port, opens a room, lets a child process of bot
// players (scripts/bots.ts) join and play, drives the host through the rounds, and prints figures:
// join and answer acknowledgement latency (p50/p95, measured by the bots), how long the server took
// to broadcast a reveal to everyone, the server's event-loop utilisation during the game, and heap
// memory per player and per empty room (measured here, where only the server lives).
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';
import { createApp } from '../server/app.ts';
import { loadDeck } from '../server/deck.ts';
import type { HostView } from '../shared/protocol.ts';
import { withRoomDefaults } from '../shared/schemas.ts';
import { describeStats, type BotStats } from './bots.ts';

const { values } = parseArgs({
  options: {
    players: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '3' },
    rooms: { type: 'string', default: '100' },
  },
});
const PLAYERS = Number(values.players);
const ROUNDS = Number(values.rounds);
const EMPTY_ROOMS = Number(values.rooms);

const gc = (globalThis as { gc?: () => void }).gc;
function heapMb(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
const kb = (mb: number) => `${(mb * 1024).toFixed(1)} kB`;

// Every bot joins from 127.0.0.1: raise the per-address abuse limits (server/limits.ts, README "Abuse
// limits") far above what the run needs, unless the caller set them. The per-socket event rate stays.
for (const [name, value] of Object.entries({
  JOINS_PER_ADDRESS: '1000000',
  CODE_MISSES_PER_ADDRESS: '1000000',
  ROOMS_PER_ADDRESS: '100000',
  ROOMS_PER_SOCKET: '100000',
  ROOM_CREATES_PER_HOUR: '1000000',
  PRACTICE_PER_ADDRESS: '1000000',
  REPORTS_PER_MINUTE: '1000000',
})) process.env[name] ??= value;

const t0 = performance.now();
const deck = loadDeck(() => {});
console.log(`deck: ${deck.length} snippets simulated in ${(performance.now() - t0).toFixed(0)} ms`);

const server = createApp({ deck, log: () => {}, countdownMs: 1000 });
await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
const baseline = heapMb();

// Memory of empty rooms, created straight through the registry.
for (let i = 0; i < EMPTY_ROOMS; i++) server.registry.createRoom(withRoomDefaults({}), url);
const perEmptyRoom = (heapMb() - baseline) / EMPTY_ROOMS;
for (const code of [...server.registry.rooms.keys()]) server.registry.disposeRoom(code, 'shutdown');
const beforeRoom = heapMb();

// The host, in this process.
const host = io(url, { transports: ['websocket'] });
let view: HostView | null = null;
const waiters: { test: (v: HostView) => boolean; resolve: (v: HostView) => void }[] = [];
host.on('host:view', (v) => {
  view = v;
  for (const w of [...waiters]) if (w.test(v)) waiters.splice(waiters.indexOf(w), 1), w.resolve(v);
});
const until = (test: (v: HostView) => boolean) =>
  new Promise<HostView>((resolve) => (view && test(view) ? resolve(view) : waiters.push({ test, resolve })));
await new Promise<void>((resolve) => host.on('connect', () => resolve()));
const created = await host.emitWithAck('room:create', { rounds: ROUNDS, secondsPerRound: 20, maxPlayers: 200 });
if (!created.ok) throw new Error(created.message);
const { code, hostToken } = created;
const cmd = async (event: 'game:start' | 'game:next') => {
  // Aim at the round and phase of the latest view, as the host screen does (the caller waited for it).
  const r = await host.emitWithAck(event, { code, hostToken, ...view!.commandTarget });
  if (!r.ok) throw new Error(`${event}: ${r.message}`);
};

console.log(`room ${code}: ${PLAYERS} bot players joining from a child process...`);
const bots = spawn(process.execPath, ['--import', 'tsx', 'scripts/bots.ts', '--url', url, '--room', code, '--players', String(PLAYERS), '--json', '--min-delay', '300', '--max-delay', '4000'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
let botOutput = '';
bots.stdout.on('data', (d) => (botOutput += d));
const botsDone = new Promise<number>((resolve) => bots.on('exit', (c) => resolve(c ?? 1)));

const joinStart = performance.now();
await until((v) => v.players.length >= Math.min(PLAYERS, 200));
const joinAll = performance.now() - joinStart;
const afterJoin = heapMb();
console.log(`all ${PLAYERS} joined within ${(joinAll / 1000).toFixed(2)} s of starting the bot process`);

const elu0 = performance.eventLoopUtilization();
const gameStart = performance.now();
await cmd('game:start');
const revealLag: number[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  await until((v) => v.phase === 'answering' && v.round?.number === round);
  const reveal = await until((v) => v.phase === 'reveal' && v.round?.number === round);
  // The reveal view is built and sent after the last answer is acknowledged; serverNow is when it was built.
  revealLag.push(Date.now() - reveal.round!.serverNow);
  const d = reveal.reveal!.distribution;
  console.log(`round ${round}: ${d.answered}/${reveal.round!.playerCount} answered, ${d.fullyRight} fully right, average ${d.averageSeconds} s`);
  await cmd('game:next');
  await until((v) => v.phase === 'leaderboard' && v.round?.number === round);
  await cmd('game:next');
}
await until((v) => v.phase === 'podium');
const gameMs = performance.now() - gameStart;
const elu = performance.eventLoopUtilization(elu0);
const code_ = await botsDone;
const stats = JSON.parse(botOutput.trim().split('\n').pop() || '{}') as BotStats;
const final = view as HostView | null;

console.log('');
console.log(`players: ${PLAYERS}, rounds: ${ROUNDS}, game time ${(gameMs / 1000).toFixed(1)} s (bots exit code ${code_})`);
for (const line of describeStats(stats)) console.log(line);
console.log(`host view at reveal received ${revealLag.map((ms) => `${ms} ms`).join(', ')} after it was built (same machine)`);
console.log(`server event-loop utilisation during the game: ${(elu.utilization * 100).toFixed(1)}%`);
console.log(`heap: ${kb(perEmptyRoom)} per empty room; ${kb((afterJoin - beforeRoom) / PLAYERS)} per joined player (room with ${PLAYERS})${gc ? '' : ' (run with --expose-gc for steadier figures)'}`);
if (final) console.log(`podium: ${final.leaderboard.slice(0, 3).map((e) => `${e.rank}. ${e.nickname} ${e.score}`).join(', ')}`);

host.disconnect();
await server.close();
process.exit(0);
