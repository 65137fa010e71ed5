// The load benchmark of issue 10 (`npm run bench:load`): the project server (room machine, views, the
// SQLite store in a temporary DATA_DIR) against a bare Socket.IO server that sends the same bytes to the
// same websocket clients, in one run. Phones live in several client processes
// (scripts/bench-scale-client.mjs) so the clients are not the bottleneck; the hosts in one more. For each
// size (one room of 200, 1000, 2000 players; 200 rooms x 25) it plays a few rounds on both servers and
// prints p50/p99 of round-start delivery (host command sent -> phone has the round), reveal delivery
// (host's "end round" sent -> phone has the reveal) and answer ack, lost messages, bytes per player per
// round, heap per player (project server, measured here where only the servers live) and the ratios
// project / bare. Traffic stays on 127.0.0.1; every wait is bounded and the run stops by itself.
//
//   npm run bench:load                       # all sizes
//   npm run bench:load -- --sizes 200        # quick: one room of 200
//   npm run bench:load -- --sizes 2000,200x25 --rounds 3 --clients 4 --deflate
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Server } from 'socket.io';
import { createApp } from '../server/app.ts';
import { loadDeck } from '../server/deck.ts';
import { checkNickname } from '../server/nickname.ts';
import { openStore } from '../server/store.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '200,1000,2000,200x25' },
    rounds: { type: 'string', default: '2' },
    clients: { type: 'string', default: '4' },
    'answer-spread-ms': { type: 'string', default: '2000' },
    'join-concurrency': { type: 'string', default: '64' },
    'max-minutes': { type: 'string', default: '25' },
    deflate: { type: 'boolean', default: false },
    only: { type: 'string', default: 'both' }, // both | project | bare
  },
});

const ROUNDS = Number(values.rounds);
const CLIENTS = Math.max(1, Number(values.clients));
const SPREAD_MS = Number(values['answer-spread-ms']);
const JOIN_CONCURRENCY = Number(values['join-concurrency']);
const WAIT_MS = 90_000;
const now = () => performance.timeOrigin + performance.now();
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

interface Size {
  label: string;
  rooms: number;
  perRoom: number;
}
const SIZES: Size[] = values.sizes!.split(',').map((s) => {
  const [a, b] = s.trim().split('x').map(Number);
  if (!Number.isInteger(a) || (b !== undefined && !Number.isInteger(b))) throw new Error(`--sizes: "${s}" is not N or ROOMSxPLAYERS`);
  return b === undefined ? { label: `1 room x ${a}`, rooms: 1, perRoom: a } : { label: `${a} rooms x ${b}`, rooms: a, perRoom: b };
});

// The whole run is bounded: past --max-minutes everything stops.
const watchdog = setTimeout(() => {
  console.error(`bench: stopped after ${values['max-minutes']} minutes`);
  for (const c of children) c.kill('SIGKILL');
  process.exit(2);
}, Number(values['max-minutes']) * 60_000);
watchdog.unref();

// ---- client processes ----------------------------------------------------------------------------
const CLIENT_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench-scale-client.mjs');
const children: ChildProcess[] = [];
let nextId = 1;
const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();

function spawnClient(): Promise<ChildProcess> {
  const child = fork(CLIENT_FILE, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: ['--max-old-space-size=1536'] });
  children.push(child);
  child.on('message', (msg: any) => {
    if (msg.id === undefined) return;
    const p = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.ok) p?.resolve(msg.result);
    else p?.reject(new Error(msg.error));
  });
  child.on('exit', (code) => {
    if (code) for (const p of pending.values()) p.reject(new Error(`a client process exited with ${code}`));
  });
  return new Promise((resolve) => child.once('message', () => resolve(child)));
}

function call<T = any>(child: ChildProcess, cmd: string, args: unknown = {}, timeoutMs = WAIT_MS * 2): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error(`client command ${cmd} timed out`));
    }, timeoutMs);
    pending.set(id, {
      resolve: (v) => (clearTimeout(timer), resolve(v)),
      reject: (e) => (clearTimeout(timer), reject(e)),
    });
    child.send({ id, cmd, args });
  });
}

// ---- figures -----------------------------------------------------------------------------------------
function pct(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface Figures {
  server: 'project' | 'bare';
  joinTotalS: number;
  joinP99: number;
  joinFailures: number;
  start: number[];
  reveal: number[];
  ack: number[];
  lost: number;
  startBytes: number;
  revealBytes: number;
  bytesPerPlayerRound: number;
  heapPerPlayerKb: number | null;
  load: string;
  errors: string[];
}

/** A nickname the server accepts (a few numbers read as words to the profanity filter, e.g. 455). */
function benchNickname(room: number, seat: number): string {
  const letters = (n: number) => n.toString(26).replace(/./g, (d) => 'bcdfghjkmnpqrstvwxz'[parseInt(d, 26) % 19] ?? 'k');
  const tries = [`Player ${room}.${seat}`, `Seat ${room}/${seat}`, `Pupil ${letters(room)} ${letters(seat)}`];
  for (let k = 0; k < 40; k++) tries.push(`Pupil ${letters(room * 7919 + seat * 31 + k)}`);
  for (const name of tries) if (checkNickname(name).ok) return name;
  throw new Error(`no acceptable nickname for room ${room} seat ${seat}`);
}

// ---- servers -----------------------------------------------------------------------------------------
async function startProject(dataDir: string) {
  const t0 = performance.now();
  const deck = loadDeck(() => {});
  console.log(`deck: ${deck.length} snippets simulated in ${(performance.now() - t0).toFixed(0)} ms`);
  const store = openStore({ dataDir });
  const server = createApp({
    deck,
    log: () => {},
    countdownMs: 0,
    store,
    // Every phone of the benchmark comes from 127.0.0.1: the per-address limits must not count them.
    limits: {
      joinsPerAddress: 1_000_000,
      codeMissesPerAddress: 1_000_000,
      roomsPerAddress: 100_000,
      roomsPerSocket: 100_000,
      roomCreatesPerHour: 1_000_000,
      eventsPerSocket: 100_000,
      maxPlayers: 2000,
    },
  });
  if (values.deflate) enableDeflate(server.io);
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  return { server, store, url };
}

/** Per-message deflate on an existing Socket.IO server (read by ws at each upgrade). */
function enableDeflate(io: Server) {
  const ws = (io.engine as unknown as { ws?: { options: Record<string, unknown> } }).ws;
  if (ws) ws.options.perMessageDeflate = { threshold: 1024 };
}

/**
 * The bare Socket.IO server: joins put the socket in a Socket.IO room and ack; answers are acked at once;
 * a host's `bare:command` broadcasts one packet of the size the project sent for that event to the room.
 */
async function startBare() {
  const httpServer = createServer();
  const io = new Server(httpServer, { maxHttpBufferSize: 64 * 1024, ...(values.deflate ? { perMessageDeflate: { threshold: 1024 } } : {}) });
  let rooms = 0;
  io.on('connection', (socket) => {
    socket.on('room:create', (_settings, ack) => ack({ ok: true, code: `B${++rooms}`, hostToken: 'bare', view: null }));
    socket.on('room:join', (req, ack) => {
      socket.join(req.code);
      ack({ ok: true, playerToken: 'bare', view: null });
    });
    socket.on('round:answer', (req, ack) => ack({ ok: true, submitted: req.order }));
    socket.on('bare:command', (req, ack) => {
      const phase = req.kind === 'round:end' ? 'reveal' : 'answering';
      const shell = { phase, round: { number: req.round }, pad: '' };
      const overhead = Buffer.byteLength(`2${JSON.stringify(['player:view', shell])}`);
      shell.pad = 'x'.repeat(Math.max(0, req.bytes - overhead));
      io.to(req.code).emit('player:view', shell);
      ack({ ok: true });
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return { url, close: () => new Promise<void>((resolve) => io.close(() => resolve())) };
}

function heapMb(): number {
  for (let i = 0; i < 3; i++) global.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

// ---- one game --------------------------------------------------------------------------------------
async function waitArrived(phones: ChildProcess[], key: string, expected: number): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const counts = await Promise.all(phones.map((c) => call<{ arrived: number }>(c, 'countArrived', { key })));
    if (counts.reduce((s, c) => s + c.arrived, 0) >= expected) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function delivery(phones: ChildProcess[], key: string, sentAt: Record<string, number>) {
  const parts = await Promise.all(phones.map((c) => call<{ times: { code: string; t: number | null; bytes: number }[] }>(c, 'arrivals', { key })));
  const ms: number[] = [];
  const bytes: number[] = [];
  let lost = 0;
  for (const { times } of parts) {
    for (const { code, t, bytes: b } of times) {
      if (t === null || sentAt[code] === undefined) lost++;
      else ms.push(t - sentAt[code]), bytes.push(b);
    }
  }
  return { ms, lost, meanBytes: bytes.length ? bytes.reduce((a, b) => a + b, 0) / bytes.length : 0 };
}

async function playGame(
  kind: 'project' | 'bare',
  url: string,
  size: Size,
  hostChild: ChildProcess,
  phones: ChildProcess[],
  project: Awaited<ReturnType<typeof startProject>> | null,
  sizes: { start: number; reveal: number },
): Promise<Figures> {
  const errors: string[] = [];
  const heapBefore = kind === 'project' ? heapMb() : 0;
  const settings = { rounds: ROUNDS, secondsPerRound: 600, maxPlayers: Math.min(2000, size.perRoom), speedBonus: true };
  const { codes } = await call<{ codes: string[] }>(hostChild, 'createRooms', { url, count: size.rooms, settings });
  // Seats dealt round-robin over the client processes, so every room's phones are spread over them.
  const seats: { code: string; nickname: string; silent: boolean }[][] = phones.map(() => []);
  let k = 0;
  for (const [r, code] of codes.entries()) {
    // One phone per room never answers: the host ends the round, so the reveal has a known start.
    for (let i = 0; i < size.perRoom; i++) seats[k++ % phones.length].push({ code, nickname: benchNickname(r, i), silent: i === 0 });
  }
  const joinStart = now();
  const joins = await Promise.all(
    phones.map((c, i) => call<{ joinMs: number[]; failures: number; errors: string[] }>(c, 'join', { url, seats: seats[i], concurrency: Math.max(1, Math.round(JOIN_CONCURRENCY / phones.length)) }, 15 * 60_000)),
  );
  const joinTotalS = (now() - joinStart) / 1000;
  const joinMs = joins.flatMap((j) => j.joinMs);
  const joinFailures = joins.reduce((s, j) => s + j.failures, 0);
  for (const j of joins) errors.push(...j.errors);
  const joined = size.rooms * size.perRoom - joinFailures;
  const heapPerPlayerKb = kind === 'project' ? ((heapMb() - heapBefore) * 1024) / Math.max(1, joined) : null;

  await Promise.all(phones.map((c) => call(c, 'resetBytes')));
  const start: number[] = [];
  const reveal: number[] = [];
  const ack: number[] = [];
  let lost = 0;
  let startBytes = 0;
  let revealBytes = 0;
  const bareBytes = (b: number) => ({ bare: kind === 'bare', bytes: Math.round(b) });
  for (let n = 1; n <= ROUNDS; n++) {
    const open = await call<{ sentAt: Record<string, number>; errors: string[] }>(hostChild, 'command', {
      command: n === 1 ? 'game:start' : 'game:next',
      phase: n === 1 ? 'lobby' : 'leaderboard',
      round: n,
      ...bareBytes(sizes.start),
    });
    errors.push(...open.errors);
    await waitArrived(phones, `start:${n}`, joined);
    const s = await delivery(phones, `start:${n}`, open.sentAt);
    start.push(...s.ms);
    lost += s.lost;
    startBytes = s.meanBytes;

    const answers = await Promise.all(phones.map((c) => call<{ ackMs: number[]; failures: number; errors: string[] }>(c, 'answer', { round: n, spreadMs: SPREAD_MS })));
    for (const a of answers) ack.push(...a.ackMs), (lost += a.failures), errors.push(...a.errors);

    const end = await call<{ sentAt: Record<string, number>; errors: string[] }>(hostChild, 'command', {
      command: 'round:end',
      phase: 'answering',
      round: n,
      ...bareBytes(sizes.reveal),
    });
    errors.push(...end.errors);
    await waitArrived(phones, `reveal:${n}`, joined);
    const r = await delivery(phones, `reveal:${n}`, end.sentAt);
    reveal.push(...r.ms);
    lost += r.lost;
    revealBytes = r.meanBytes;
    if (n < ROUNDS) {
      const next = await call<{ errors: string[] }>(hostChild, 'command', { command: 'game:next', phase: 'reveal', round: n, ...bareBytes(0) });
      errors.push(...next.errors);
    }
  }
  const bytes = (await Promise.all(phones.map((c) => call<{ bytes: number }>(c, 'arrivals', { key: '-' })))).reduce((s, p) => s + p.bytes, 0);
  await Promise.all([hostChild, ...phones].map((c) => call(c, 'close')));
  if (project) for (const code of codes) project.server.registry.disposeRoom(code, 'idle');
  return {
    server: kind,
    joinTotalS,
    joinP99: pct(joinMs, 99),
    joinFailures,
    start,
    reveal,
    ack,
    lost,
    startBytes,
    revealBytes,
    bytesPerPlayerRound: bytes / Math.max(1, joined) / ROUNDS,
    heapPerPlayerKb,
    load: load(),
    errors: errors.slice(0, 5),
  };
}

// ---- the run -----------------------------------------------------------------------------------------
const f = (n: number) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : '-');
const row = (x: Figures) =>
  [
    x.server.padEnd(8),
    `join ${x.joinTotalS.toFixed(1)} s (p99 ${f(x.joinP99)} ms${x.joinFailures ? `, ${x.joinFailures} failed` : ''})`,
    `start p50/p99 ${f(pct(x.start, 50))}/${f(pct(x.start, 99))} ms`,
    `reveal ${f(pct(x.reveal, 50))}/${f(pct(x.reveal, 99))} ms`,
    `ack ${f(pct(x.ack, 50))}/${f(pct(x.ack, 99))} ms`,
    `lost ${x.lost}`,
    `${(x.bytesPerPlayerRound / 1024).toFixed(1)} kB/player/round (start ${(x.startBytes / 1024).toFixed(1)} kB, reveal ${(x.revealBytes / 1024).toFixed(1)} kB)`,
    x.heapPerPlayerKb === null ? '' : `heap ${x.heapPerPlayerKb.toFixed(1)} kB/player`,
    `load ${x.load}`,
  ].join(' | ');

const dataDir = mkdtempSync(path.join(tmpdir(), 'arena-bench-'));
console.log(`bench:load — sizes ${SIZES.map((s) => s.label).join(', ')}; ${ROUNDS} rounds; ${CLIENTS} phone processes; answers spread over ${SPREAD_MS} ms; deflate ${values.deflate ? 'on' : 'off'}; load avg ${load()}`);
const project = await startProject(dataDir);
const bare = await startBare();
const hostChild = await spawnClient();
const phones = await Promise.all(Array.from({ length: CLIENTS }, () => spawnClient()));
const results: { size: Size; project?: Figures; bare?: Figures }[] = [];
try {
  for (const size of SIZES) {
    console.log(`\n== ${size.label} (${size.rooms * size.perRoom} players) — load avg ${load()}`);
    const entry: (typeof results)[number] = { size };
    if (values.only !== 'bare') {
      entry.project = await playGame('project', project.url, size, hostChild, phones, project, { start: 0, reveal: 0 });
      console.log(row(entry.project));
      if (entry.project.errors.length) console.log(`   errors: ${entry.project.errors.join(' / ')}`);
    }
    if (values.only !== 'project') {
      // Same bytes as the project sent per phone for each event (a typical size when the project was not run).
      const sizes = { start: entry.project?.startBytes || 2500, reveal: entry.project?.revealBytes || 22_000 };
      entry.bare = await playGame('bare', bare.url, size, hostChild, phones, null, sizes);
      console.log(row(entry.bare));
      if (entry.bare.errors.length) console.log(`   errors: ${entry.bare.errors.join(' / ')}`);
    }
    if (entry.project && entry.bare) {
      const ratio = (a: number[], b: number[]) => (pct(a, 99) / pct(b, 99)).toFixed(2);
      console.log(
        `ratios project/bare p99: round start ${ratio(entry.project.start, entry.bare.start)}x (target <= 1.25), reveal ${ratio(entry.project.reveal, entry.bare.reveal)}x (target <= 1.5); answer ack p99 ${f(pct(entry.project.ack, 99))} ms (target < 50)`,
      );
    }
    results.push(entry);
  }
} finally {
  for (const c of children) c.kill();
  await project.server.close();
  project.store.close();
  await bare.close();
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(`\ndone; load avg ${load()}`);
process.exit(0);
