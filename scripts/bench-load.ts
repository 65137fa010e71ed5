// Store benchmark: `npm run bench:store [-- --players 200 --rounds 3 --rooms 100]`.
// Starts the game server in this process on a free port, opens a room, lets a child process of bot
// players (scripts/bench-store-bots.ts) join and play, drives the host through the rounds, and prints figures:
// join and answer acknowledgement latency (p50/p95, measured by the bots), how long the server took
// to broadcast a reveal to everyone, the server's event-loop utilisation during the game, and heap
// memory per player and per empty room (measured here, where only the server lives). The game is played
// twice in one run, with rooms in memory only and with the SQLite store (server/store.ts), to compare
// answer ack p50/p99 and to measure what the store costs per room event.
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../server/app.ts';
import { loadDeck } from '../server/deck.ts';
import { journalCost } from '../server/journal.ts';
import { nullStore, openStore, type Store } from '../server/store.ts';
import type { HostView } from '../shared/protocol.ts';
import { withRoomDefaults } from '../shared/schemas.ts';
import { percentile } from './bots.ts';

/** What scripts/bench-store-bots.ts prints. */
interface BotStats {
  joined: number;
  joinMs: number[];
  answerAckMs: number[];
  answers: number;
  failures: string[];
}

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

// Memory of empty rooms, created straight through the registry of a server without a store.
const memoryServer = createApp({ deck, log: () => {}, countdownMs: 1000, store: nullStore });
await new Promise<void>((resolve) => memoryServer.httpServer.listen(0, '127.0.0.1', resolve));
const memoryUrl = `http://127.0.0.1:${(memoryServer.httpServer.address() as AddressInfo).port}`;
const baseline = heapMb();
for (let i = 0; i < EMPTY_ROOMS; i++) memoryServer.registry.createRoom(withRoomDefaults({}), memoryUrl);
const perEmptyRoom = (heapMb() - baseline) / EMPTY_ROOMS;
for (const code of [...memoryServer.registry.rooms.keys()]) memoryServer.registry.disposeRoom(code, 'shutdown');
await memoryServer.close();

interface GameFigures {
  label: string;
  stats: BotStats;
  answerP50: number;
  answerP99: number;
  revealLag: number[];
  elu: number;
  perPlayerKb: number;
  gameMs: number;
  botsExit: number;
  podium: string;
}

/** Plays one game of PLAYERS bots for ROUNDS rounds on a fresh server keeping its rooms in `store`. */
async function playGame(label: string, store: Store, rounds = ROUNDS): Promise<GameFigures> {
  const server = createApp({ deck, log: () => {}, countdownMs: 1000, store });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
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
  const created = await host.emitWithAck('room:create', { rounds, secondsPerRound: 20, maxPlayers: 200 });
  if (!created.ok) throw new Error(created.message);
  const { code, hostToken } = created;
  const cmd = async (event: 'game:start' | 'game:next') => {
    // Aim at the round and phase of the latest view, as the host screen does (the caller waited for it).
    const r = await host.emitWithAck(event, { code, hostToken, ...view!.commandTarget });
    if (!r.ok) throw new Error(`${event}: ${r.message}`);
  };

  console.log(`[${label}] room ${code}: ${PLAYERS} bot players joining from a child process...`);
  const bots = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench-store-bots.ts', '--url', url, '--room', code, '--players', String(PLAYERS), '--min-delay', '300', '--max-delay', '4000'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let botOutput = '';
  bots.stdout.on('data', (d) => (botOutput += d));
  const botsDone = new Promise<number>((resolve) => bots.on('exit', (c) => resolve(c ?? 1)));

  const joinStart = performance.now();
  await until((v) => v.players.length >= Math.min(PLAYERS, 200));
  const joinAll = performance.now() - joinStart;
  const afterJoin = heapMb();
  console.log(`[${label}] all ${PLAYERS} joined within ${(joinAll / 1000).toFixed(2)} s of starting the bot process`);

  const elu0 = performance.eventLoopUtilization();
  const gameStart = performance.now();
  await cmd('game:start');
  const revealLag: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    await until((v) => v.phase === 'answering' && v.round?.number === round);
    const reveal = await until((v) => v.phase === 'reveal' && v.round?.number === round);
    // The reveal view is built and sent after the last answer is acknowledged; serverNow is when it was built.
    revealLag.push(Date.now() - reveal.round!.serverNow);
    const d = reveal.reveal!.distribution;
    console.log(`[${label}] round ${round}: ${d.answered}/${reveal.round!.playerCount} answered, average ${d.averageSeconds} s`);
    await cmd('game:next');
    await until((v) => v.phase === 'leaderboard' && v.round?.number === round);
    await cmd('game:next');
  }
  await until((v) => v.phase === 'podium');
  const gameMs = performance.now() - gameStart;
  const elu = performance.eventLoopUtilization(elu0);
  const botsExit = await botsDone;
  const stats = JSON.parse(botOutput.trim().split('\n').pop() || '{}') as BotStats;
  const final = view as HostView | null;
  host.disconnect();
  await server.close();
  return {
    label,
    stats,
    answerP50: percentile(stats.answerAckMs, 50),
    answerP99: percentile(stats.answerAckMs, 99),
    revealLag,
    elu: elu.utilization,
    perPlayerKb: ((afterJoin - beforeRoom) * 1024) / PLAYERS,
    gameMs,
    botsExit,
    podium: final ? final.leaderboard.slice(0, 3).map((e) => `${e.rank}. ${e.nickname} ${e.score}`).join(', ') : '',
  };
}

// The same game twice in this run: rooms in memory only (the no-op store), then in the SQLite store
// (a fresh DATA_DIR, WAL, synchronous=NORMAL: every answer is in the database before its ack).
const dataDir = mkdtempSync(path.join(tmpdir(), 'arena-bench-'));
const sqlite = openStore({ dataDir });
const games: GameFigures[] = [];
// A one-round warm-up game first (not reported): otherwise the first measured game pays for the JIT.
await playGame('warm-up', nullStore, 1);
games.push(await playGame('in-memory', nullStore));
const costBefore = { ...journalCost };
games.push(await playGame('sqlite store', sqlite));
const cost = {
  events: journalCost.events - costBefore.events,
  logged: journalCost.logged - costBefore.logged,
  logMs: journalCost.logMs - costBefore.logMs,
  snapshots: journalCost.snapshots - costBefore.snapshots,
  eventMs: journalCost.eventMs - costBefore.eventMs,
  snapshotMs: journalCost.snapshotMs - costBefore.snapshotMs,
};
sqlite.close();
rmSync(dataDir, { recursive: true, force: true });

const f = (ms: number) => `${ms.toFixed(1)} ms`;
for (const g of games) {
  console.log('');
  console.log(`== ${g.label}: players ${PLAYERS}, rounds ${ROUNDS}, game time ${(g.gameMs / 1000).toFixed(1)} s (bots exit code ${g.botsExit})`);
  console.log(`bots joined: ${g.stats.joined}; answers accepted: ${g.stats.answers}; join ack p50 ${f(percentile(g.stats.joinMs, 50))}`);
  if (g.stats.failures.length) console.log(`problems (${g.stats.failures.length}): ${g.stats.failures.slice(0, 5).join('; ')}`);
  console.log(`answer ack: p50 ${f(g.answerP50)}, p99 ${f(g.answerP99)} (${g.stats.answerAckMs.length} answers)`);
  console.log(`host view at reveal received ${g.revealLag.map((ms) => `${ms} ms`).join(', ')} after it was built (same machine)`);
  console.log(`server event-loop utilisation during the game: ${(g.elu * 100).toFixed(1)}%`);
  console.log(`heap: ${g.perPlayerKb.toFixed(1)} kB per joined player (room with ${PLAYERS})${gc ? '' : ' (run with --expose-gc for steadier figures)'}`);
  if (g.podium) console.log(`podium: ${g.podium}`);
}
console.log('');
console.log(`heap: ${kb(perEmptyRoom)} per empty room`);
const [mem, db] = games;
const pct = (a: number, b: number) => `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(1)}%`;
console.log(`answer ack with the store vs in memory: p50 ${f(db.answerP50)} vs ${f(mem.answerP50)} (${pct(mem.answerP50, db.answerP50)}), p99 ${f(db.answerP99)} vs ${f(mem.answerP99)} (${pct(mem.answerP99, db.answerP99)})`);
const logUs = cost.logged ? (cost.logMs * 1000) / cost.logged : 0;
console.log(
  `store cost: ${cost.events} room events, ${(cost.eventMs * 1000 / Math.max(1, cost.events)).toFixed(0)} µs per event on average ` +
    `(${cost.logged} appended to the log at about ${logUs.toFixed(0)} µs each; ${cost.snapshots} snapshots at ${(cost.snapshotMs * 1000 / Math.max(1, cost.snapshots)).toFixed(0)} µs each)`,
);

process.exit(0);
