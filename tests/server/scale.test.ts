// Issue 10 (a lecture hall of 2000 phones): the incremental standings rank exactly like a full sort with
// the locale comparator over random sequences of joins, kicks and scores; over real sockets a room event
// is ONE encoded room broadcast (the shared part or a small delta), each phone gets its own part only when
// it changed, and the view a phone composes from the parts equals the full view the server would build.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyProgress, composePlayerView } from '../../shared/player-view.ts';
import type { HostView, PlayerShared, PlayerView, RoomProgress } from '../../shared/protocol.ts';
import { rankStandings } from '../../shared/scoring.ts';
import type { PlayerState } from '../../server/room-types.ts';
import { NicknameOrder, leaderboardFor, rankPlayers } from '../../server/standings.ts';
import { mulberry32 } from '../gen/rng.ts';
import { client, startServer, type TestClient, type TestServer } from './socket-helpers.ts';

const NAMES = ['Ada', 'ada2', 'Émile', 'emile', 'Zoë', 'zoe', 'Bob', 'bob_', 'Ångström', 'Ola', 'Ölaf', 'olaf', 'Ćwik', 'Cwik', 'Dana', 'Éa', 'ea', 'Ab', 'aB c'];

function player(id: string, nickname: string, score: number, totalMs: number): PlayerState {
  return {
    id,
    nickname,
    key: nickname.toLowerCase(),
    token: `t-${id}`,
    connected: true,
    score,
    streak: 0,
    bestStreak: 0,
    totalMs,
    lastPoints: 0,
    previousRank: null,
    ranked: true,
    joinedInRound: 0,
  };
}

/** The reference: the full sort with the locale comparator (shared/scoring.ts rankStandings). */
function reference(players: Record<string, PlayerState>) {
  return rankStandings(Object.values(players).map((p) => ({ playerId: p.id, nickname: p.nickname, score: p.score, totalSeconds: p.totalMs / 1000 }))).map((r) => [
    r.playerId,
    r.rank,
  ]);
}

describe('incremental standings', () => {
  it('rank like a full locale sort after every step of random joins, kicks and scoring (20 seeds x 60 steps)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rand = mulberry32(seed);
      const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
      const order = new NicknameOrder();
      let players: Record<string, PlayerState> = {};
      let next = 0;
      let checked = 0;
      for (let step = 0; step < 60; step++) {
        const ids = Object.keys(players);
        const r = rand();
        if (r < 0.5 || ids.length < 2) {
          // Joins (a burst of 1-4); ids in any order, names often sharing a collation class.
          const burst = 1 + Math.floor(rand() * 4);
          for (let i = 0; i < burst; i++) {
            const id = `p${Math.floor(rand() * 1e6).toString(36)}${next++}`;
            players = { ...players, [id]: player(id, `${pick(NAMES)}${rand() < 0.3 ? '' : ` ${Math.floor(rand() * 5)}`}`, 0, 0) };
          }
        } else if (r < 0.65) {
          const gone = pick(ids);
          players = { ...players };
          delete players[gone];
        } else {
          // A scored round: few distinct scores and times, so ties by score and time are common.
          const scored: Record<string, PlayerState> = {};
          for (const [id, p] of Object.entries(players)) {
            scored[id] = { ...p, score: p.score + pick([0, 0, 100, 250]), totalMs: p.totalMs + pick([0, 5000, 5000, 12_000]) };
          }
          players = scored;
        }
        const mine = rankPlayers(players, order).map(({ p, rank }) => [p.id, rank]);
        expect(mine, `seed ${seed} step ${step}`).toEqual(reference(players));
        checked++;
      }
      expect(checked).toBe(60);
    }
  });

  it('the leaderboard is cached per players record and rebuilt when the record changes', () => {
    const owner = {};
    const a = { x: player('x', 'Bob', 10, 0), y: player('y', 'ada', 10, 0) };
    const first = leaderboardFor(a, owner);
    expect(first.map((e) => e.nickname)).toEqual(['ada', 'Bob']);
    expect(leaderboardFor(a, owner)).toBe(first);
    const b = { ...a, y: { ...a.y, score: 0 } };
    const second = leaderboardFor(b, owner);
    expect(second).not.toBe(first);
    expect(second.map((e) => [e.nickname, e.rank])).toEqual([
      ['Bob', 1],
      ['ada', 2],
    ]);
  });
});

describe('applyProgress', () => {
  const shared: PlayerShared = {
    code: 'ROOM42',
    seq: 7,
    ownSince: 5,
    playerCount: 3,
    phase: 'answering',
    paused: false,
    round: { number: 1, total: 2, snippet: { id: 's', title: 't', difficulty: 1, topics: [], source: '' }, endsAt: 1, serverNow: 0, startsAt: null, remainingMs: null, limitSeconds: 10, answeredCount: 0, playerCount: 3 },
    reveal: null,
    top: [],
    notice: null,
  };
  it('updates the counts of the shared part it was built on, and only that one', () => {
    const delta: RoomProgress = { code: 'ROOM42', seq: 9, base: 7, playerCount: 4, answeredCount: 2, handCount: 3 };
    const next = applyProgress(shared, delta)!;
    expect(next.round!.answeredCount).toBe(2);
    expect(next.playerCount).toBe(4);
    expect(next.seq).toBe(7); // later deltas still name the same base
    expect(shared.round!.answeredCount).toBe(0); // not mutated
    expect(applyProgress(shared, { ...delta, base: 6 })).toBeNull();
    expect(applyProgress(shared, { ...delta, code: 'OTHER1' })).toBeNull();
  });
});

describe('room events over sockets', () => {
  let ts: TestServer;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    ts = await startServer();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await ts.close();
  });
  const newClient = async () => {
    const c = await client(ts.url);
    clients.push(c);
    return c;
  };

  it('one encoded broadcast per room event; own parts only to whom they changed; composed views equal full views', async () => {
    const host = await newClient();
    const created = await host.ask('room:create', { rounds: 2, secondsPerRound: 30 });
    const { code, hostToken } = created as { code: string; hostToken: string };
    const players: { c: TestClient; token: string; id: string }[] = [];
    for (const nickname of ['Ada', 'Bob', 'Cy']) {
      const c = await newClient();
      const res = await c.ask('room:join', { code, nickname });
      expect(res.ok).toBe(true);
      players.push({ c, token: res.playerToken, id: res.view.you.id });
    }
    const lobby = await host.waitFor<HostView>('host:view', (v) => v.players.length === 3);
    expect((await host.ask('game:start', { code, hostToken, ...lobby.commandTarget })).ok).toBe(true);
    const views = await Promise.all(players.map((p) => p.c.waitFor<PlayerView>('player:view', (v) => v.phase === 'answering')));
    // Let the broadcasts of the new phase settle, then watch one answer.
    await new Promise((r) => setTimeout(r, 50));
    const adapter = ts.server.io.of('/').adapter;
    const broadcast = vi.spyOn(adapter, 'broadcast');
    const before = players.map((p) => p.c.received.length);
    const [ada, bob, cy] = players;
    const ack = await ada.c.ask('round:answer', { code, playerToken: ada.token, order: views[0].hand.map((h) => h.id) });
    expect(ack.ok).toBe(true);
    await bob.c.waitFor<PlayerView>('player:view', (v) => v.round?.answeredCount === 1);
    await ada.c.waitFor<PlayerView>('player:view', (v) => v.submitted !== null);
    await new Promise((r) => setTimeout(r, 30));
    const toPlayers = broadcast.mock.calls.filter(([, opts]) => opts.rooms.has(`players:${code}`));
    expect(toPlayers).toHaveLength(1); // the answer cost one encoded packet for the whole room
    expect(toPlayers[0][0].data[0]).toBe('room:progress'); // counts only: a small delta
    const since = (i: number, event: string) => players[i].c.received.slice(before[i]).filter((r) => r.event === event);
    expect(since(0, 'player:own')).toHaveLength(1); // Ada's own part changed (submitted)
    expect(since(1, 'player:own')).toHaveLength(0);
    expect(since(2, 'player:own')).toHaveLength(0);
    const delta = since(1, 'room:progress')[0].payload as RoomProgress;
    expect(delta).toMatchObject({ code, answeredCount: 1, playerCount: 3, handCount: 3 });
    expect(JSON.stringify(delta).length).toBeLessThan(200);
    broadcast.mockRestore();

    // The composed view equals the full view a rejoin gets (but the server clock of the moment).
    const composed = bob.c.last<PlayerView>('player:view')!;
    const full = (await bob.c.ask('room:rejoin', { code, playerToken: bob.token })).view as PlayerView;
    const noClock = (v: PlayerView) => ({ ...v, round: v.round && { ...v.round, serverNow: 0 } });
    expect(noClock(composed)).toEqual(noClock(full));

    // Everyone answers: the reveal's shared part (trace included) is one broadcast; own parts carry results only.
    const broadcast2 = vi.spyOn(adapter, 'broadcast');
    for (const p of [bob, cy]) {
      const v = p.c.last<PlayerView>('player:view')!;
      expect((await p.c.ask('round:answer', { code, playerToken: p.token, order: v.hand.map((h) => h.id) })).ok).toBe(true);
    }
    const reveals = await Promise.all(players.map((p) => p.c.waitFor<PlayerView>('player:view', (v) => v.phase === 'reveal')));
    await new Promise((r) => setTimeout(r, 30));
    const revealPackets = broadcast2.mock.calls.filter(([packet, opts]) => opts.rooms.has(`players:${code}`) && (packet.data[1] as PlayerShared).phase === 'reveal');
    expect(revealPackets).toHaveLength(1);
    broadcast2.mockRestore();
    for (const [i, p] of players.entries()) {
      const own = p.c.all('player:own').at(-1) as { result: unknown; seq: number };
      expect(own.result).not.toBeNull();
      expect(JSON.stringify(own)).not.toContain('"trace"');
      expect(reveals[i].reveal!.result).toEqual(own.result);
      expect(reveals[i].reveal!.trace).toBeDefined();
      const shared = p.c.all<PlayerShared>('room:shared').at(-1)!;
      expect(composePlayerView(shared, own as never)).toEqual(reveals[i]);
    }
    expect(reveals[0].reveal!.result.verdicts.length).toBe(reveals[0].reveal!.trueOrder.length);
  });
});
