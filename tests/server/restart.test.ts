// A class survives `kill -9`: the real server (server/index.ts) runs as a child process on a fixed free
// port with its own DATA_DIR, and is killed with SIGKILL three times in one game: in the lobby, in the
// middle of a round (right after answers were acknowledged) and during a reveal. After each restart the
// host and the players come back with their stored tokens (the host on a socket that reconnects by
// itself, as the web client does, the players on fresh sockets), and every player, score, acknowledged
// answer, the round and its phase are as they were; the CSV report covers the whole game, also after the
// room has closed and after one more restart. Nobody is ever told the game is over.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvField } from '../../server/report.ts';
import type { HostView, PlayerView } from '../../shared/protocol.ts';
import { client, type TestClient } from './socket-helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'arena-restart-'));
let child: ChildProcess | null = null;
let port = 0;
let url = '';
const clients: TestClient[] = [];

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/** Starts server/index.ts and resolves once it listens (the deck is simulated first: a few seconds). */
async function startServer(extraEnv: Record<string, string> = {}): Promise<string> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ROOM_IDLE_MS: '600000', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let output = '';
  proc.stderr!.on('data', (d) => (output += d));
  // RESTART_TEST_LOG=/some/file keeps what the servers printed, for a failure to be read afterwards.
  const keep = process.env.RESTART_TEST_LOG;
  if (keep) for (const stream of [proc.stdout!, proc.stderr!]) stream.on('data', (d) => appendFileSync(keep, d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    proc.stdout!.on('data', (d) => {
      output += d;
      if (/Local:\s+http/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return output;
}

/** kill -9: no shutdown code runs. */
async function killServer(): Promise<void> {
  const proc = child!;
  child = null;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGKILL');
  await exited;
}

afterAll(async () => {
  for (const c of clients) c.close();
  if (child) await killServer();
  rmSync(dataDir, { recursive: true, force: true });
});

async function connect(options: object = {}): Promise<TestClient> {
  const c = await client(url, options);
  clients.push(c);
  return c;
}

interface Seat {
  nickname: string;
  token: string;
  id: string;
  c: TestClient;
}

const game = {
  code: '',
  hostToken: '',
  host: null as TestClient | null,
  players: [] as Seat[],
  /** Every answer the server acknowledged: round -> player id -> order. */
  acked: new Map<number, Map<string, string[]>>(),
  /** The same answers as the report writes them: "round,nickname" -> card texts joined by " | ". */
  ackedTexts: new Map<string, string>(),
};

function hostView(): HostView {
  return game.host!.last<HostView>('host:view')!;
}

/** A host flow command aimed at the round and phase of the latest host view. */
async function command(event: string, view: HostView = hostView()) {
  const res = await game.host!.ask(event as never, { code: game.code, hostToken: game.hostToken, ...view.commandTarget });
  expect(res, event).toEqual({ ok: true });
}

/** Waits for the host to see `test` true. */
function hostSees(test: (v: HostView) => boolean, timeoutMs = 15_000) {
  return game.host!.waitFor<HostView>('host:view', test, timeoutMs);
}

/** What must not change across a restart: players, scores, phase, round, the acknowledged answers. */
function essentials(v: HostView) {
  return {
    phase: v.phase,
    paused: v.paused,
    round: v.round?.number ?? null,
    players: v.players.map((p) => ({ id: p.id, nickname: p.nickname, score: p.score })).sort((a, b) => a.id.localeCompare(b.id)),
    leaderboard: v.leaderboard.map((e) => ({ id: e.playerId, score: e.score, rank: e.rank })),
    answered: v.round?.answeredCount ?? null,
    reveal: v.reveal ? v.reveal.trueOrder.map((c) => c.text) : null,
  };
}

/** After a restart: the host's socket reconnects by itself and resumes; players rejoin on fresh sockets. */
async function comeBack(before: HostView, hostResumed: Promise<unknown>) {
  // The host socket reconnects once the server is back and resumes, as the web client does.
  const resumed = (await hostResumed) as { ok: boolean; view: HostView };
  expect(resumed.ok, 'host resumed after reconnecting').toBe(true);
  const view = resumed.view;
  expect(essentials(view)).toEqual(essentials(before));
  // The phones come back together (each with its stored token), as a class does after a restart.
  const rejoined = await Promise.all(
    game.players.map(async (seat) => {
      seat.c.close();
      seat.c = await connect();
      return seat.c.ask('room:rejoin', { code: game.code, playerToken: seat.token });
    }),
  );
  for (const [i, seat] of game.players.entries()) {
    const res = rejoined[i];
    expect(res.ok, `${seat.nickname} rejoins: ${JSON.stringify(res)}`).toBe(true);
    const pv = res.view as PlayerView;
    expect(pv.you.id).toBe(seat.id);
    expect(pv.phase).toBe(before.phase);
    expect(pv.you.score).toBe(before.players.find((p) => p.id === seat.id)!.score);
    const round = pv.round?.number;
    if (round !== undefined && game.acked.get(round) && (pv.phase === 'answering' || pv.phase === 'reveal')) {
      expect(pv.submitted, `${seat.nickname}'s acknowledged answer in round ${round}`).toEqual(game.acked.get(round)!.get(seat.id) ?? null);
    }
  }
  return view;
}

/** Called with the host's `host:resume` acknowledgement after its socket reconnected by itself. */
let onHostResumed: ((response: unknown) => void) | null = null;

/** Kill, check nothing is reachable, restart, come back. */
async function killAndRestart(): Promise<HostView> {
  const before = hostView();
  await killServer();
  const hostResumed = new Promise((resolve) => (onHostResumed = resolve));
  const down = await fetch(`${url}/healthz`).then(() => 'up', () => 'down');
  expect(down).toBe('down');
  const log = await startServer();
  expect(log).toMatch(/1 room\(s\) restored/);
  return comeBack(before, hostResumed);
}

/** The latest view a player has: pushed, or in the acknowledgement of its (re)join. */
function latestView(seat: Seat): PlayerView | null {
  for (let i = seat.c.received.length - 1; i >= 0; i--) {
    const { event, payload } = seat.c.received[i];
    if (event === 'player:view') return payload as PlayerView;
    if ((event === 'ack:room:rejoin' || event === 'ack:room:join') && (payload as { ok: boolean }).ok) return (payload as { view: PlayerView }).view;
  }
  return null;
}

async function answer(seat: Seat): Promise<string[]> {
  const view = latestView(seat);
  const pv = view?.phase === 'answering' ? view : await seat.c.waitFor<PlayerView>('player:view', (v) => v.phase === 'answering', 15_000);
  const order = pv.hand.map((c) => c.id).reverse();
  const res = await seat.c.ask('round:answer', { code: game.code, playerToken: seat.token, order });
  expect(res, `${seat.nickname} answers`).toMatchObject({ ok: true });
  const round = pv.round!.number;
  if (!game.acked.has(round)) game.acked.set(round, new Map());
  game.acked.get(round)!.set(seat.id, order);
  game.ackedTexts.set(`${round},${seat.nickname}`, order.map((id) => pv.hand.find((c) => c.id === id)!.text).join(' | '));
  return order;
}

describe('kill -9 and restart', { timeout: 180_000 }, () => {
  it('in the lobby: the room, its host and its players come back', async () => {
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const log = await startServer();
    expect(log).toContain(path.join(dataDir, 'arena.sqlite'));
    // The host's socket reconnects by itself, like the web client's, and resumes with its stored token.
    game.host = await connect({ reconnection: true, reconnectionDelay: 200, reconnectionDelayMax: 500 });
    const created = await game.host.ask('room:create', { rounds: 2, secondsPerRound: 60 });
    expect(created.ok).toBe(true);
    game.code = created.code;
    game.hostToken = created.hostToken;
    game.host.socket.io.on('reconnect', async () => {
      const res = await game.host!.ask('host:resume', { code: game.code, hostToken: game.hostToken });
      onHostResumed?.(res);
    });
    for (const nickname of ['Ada', 'Bob', 'Cy']) {
      const c = await connect();
      const res = await c.ask('room:join', { code: game.code, nickname });
      expect(res.ok, JSON.stringify(res)).toBe(true);
      game.players.push({ nickname, token: res.playerToken, id: res.view.you.id, c });
    }
    await hostSees((v) => v.players.length === 3);

    const view = await killAndRestart();
    expect(view.phase).toBe('lobby');
    expect(view.players.map((p) => p.nickname).sort()).toEqual(['Ada', 'Bob', 'Cy']);
    await hostSees((v) => v.players.length === 3 && v.players.every((p) => p.connected));
  });

  it('mid-round: every acknowledged answer survives, the round keeps its time', async () => {
    await command('game:start');
    await hostSees((v) => v.phase === 'answering', 20_000);
    const [ada, bob] = game.players;
    await answer(ada);
    await answer(bob); // killed right after this acknowledgement
    const before = hostView();
    const endsAt = (await hostSees((v) => v.round?.answeredCount === 2)).round!.endsAt!;
    const leftBefore = endsAt - Date.now();
    const killedAt = Date.now();

    const view = await killAndRestart();
    expect(view.phase).toBe('answering');
    expect(view.round!.number).toBe(1);
    expect(view.round!.answeredCount).toBe(2);
    // The round got its remaining time back: the new deadline is later by about the downtime.
    const away = Date.now() - killedAt;
    const leftAfter = view.round!.endsAt! - view.round!.serverNow;
    // (Without that it would have lost `away` ms; the heartbeat gives at most 1 s extra.)
    expect(leftAfter).toBeGreaterThan(leftBefore - 2000);
    expect(leftAfter).toBeLessThan(leftBefore + 2000);
    expect(away).toBeGreaterThan(1000);
    expect(view.round!.endsAt!).toBeGreaterThan(before.round!.endsAt! + away - 2000);

    // Cy answers after the restart: everyone answered, the reveal scores the acknowledged answers.
    await answer(game.players[2]);
    const reveal = await hostSees((v) => v.phase === 'reveal');
    for (const seat of game.players) {
      const pv = await seat.c.waitFor<PlayerView>('player:view', (v) => v.phase === 'reveal', 10_000);
      expect(pv.reveal!.result.submitted).toEqual(game.acked.get(1)!.get(seat.id));
      expect(pv.you.score).toBe(reveal.players.find((p) => p.id === seat.id)!.score);
    }
  });

  it('during the reveal: scores and the reveal come back, the game goes on to the end', async () => {
    const before = await hostSees((v) => v.phase === 'reveal');
    const scores = before.players.map((p) => p.score);
    const view = await killAndRestart();
    expect(view.phase).toBe('reveal');
    expect(view.reveal!.trueOrder).toEqual(before.reveal!.trueOrder);
    expect(view.players.map((p) => p.score)).toEqual(scores);

    // On to round 2, one answer, then the host ends the round and the game.
    await command('game:next');
    await hostSees((v) => v.phase === 'leaderboard');
    await command('game:next');
    await hostSees((v) => v.phase === 'answering', 20_000);
    await answer(game.players[0]);
    await command('round:end');
    await hostSees((v) => v.phase === 'reveal' && v.round!.number === 2);
    await command('game:end');
    await hostSees((v) => v.phase === 'podium');
    for (const seat of game.players) expect(seat.c.all('room:closed')).toEqual([]);
    expect(game.host!.all('room:closed')).toEqual([]);
  });

  it('the report covers the whole game, after the room closed and after another restart', async () => {
    const finalScores = new Map(hostView().players.map((p) => [p.nickname, p.score]));
    const check = async () => {
      const res = await fetch(`${url}/rooms/${game.code}/report.csv`, { headers: { Authorization: `Bearer ${game.hostToken}` } });
      expect(res.status).toBe(200);
      const csv = await res.text();
      const [roundPart, totalPart] = csv.replace(/^\uFEFF/, '').split('\r\n\r\n');
      const roundRows = roundPart.split('\r\n').slice(1);
      const totalRows = totalPart.trim().split('\r\n').slice(1);
      // Round 1: the three answers; round 2: Ada's answer and two "(no answer)". Every acknowledged
      // answer is in its row, as the cards' texts in the order submitted.
      expect(roundRows.filter((l) => l.startsWith(`${game.code},1,`))).toHaveLength(3);
      expect(roundRows.filter((l) => l.startsWith(`${game.code},2,`))).toHaveLength(3);
      expect(roundRows.filter((l) => l.startsWith(`${game.code},2,`) && l.includes('(no answer)'))).toHaveLength(2);
      expect(game.ackedTexts.size).toBe(4);
      for (const [key, texts] of game.ackedTexts) {
        const [round, nickname] = key.split(',');
        const line = roundRows.find((l) => l.startsWith(`${game.code},${round},`) && l.includes(`,${nickname},`));
        expect(line, key).toContain(csvField(texts));
      }
      expect(totalRows).toHaveLength(3);
      for (const [nickname, score] of finalScores) expect(totalRows.some((l) => l.includes(`,${nickname},`) && l.endsWith(`,${score}`)), `${nickname} total ${score}`).toBe(true);
      return csv;
    };
    const live = await check();
    // The room closes: everyone leaves, and after a restart with ROOM_IDLE_MS at its minimum (1 s) nobody comes back.
    game.host!.socket.io.reconnection(false);
    for (const c of clients) c.close();
    await killServer();
    await startServer({ ROOM_IDLE_MS: '1000' });
    await new Promise((r) => setTimeout(r, 2500));
    const closed = await fetch(`${url}/healthz`).then((r) => r.json());
    expect(closed.rooms).toBe(0);
    expect(await check()).toBe(live);
    await killServer();
    const log = await startServer();
    expect(log).not.toMatch(/restored/);
    expect(await check()).toBe(live);
    // A wrong token gets nothing.
    expect((await fetch(`${url}/rooms/${game.code}/report.csv?token=wrong`)).status).not.toBe(200);
  });
});

describe('an unusable DATA_DIR', () => {
  it('stops the server at start with a message naming the problem', async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: path.join(ROOT, 'package.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr!.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/DATA_DIR .*package\.json cannot be used as a data directory/);
  }, 60_000);
});
