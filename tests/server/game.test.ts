// Integration over real sockets: a server on a free port, a host and several socket.io-client players.
// Whole games to the podium with scores checked against hand-worked numbers, reconnection, kick, late
// join, secrecy of the true order before the reveal, refusals that change nothing, and the CSV report.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostView, PlayerView } from '../../shared/protocol.ts';
import { commandTarget } from '../../server/room-machine.ts';
import { FAKE_DECK } from './helpers.ts';
import { client, startServer, type TestClient, type TestServer } from './socket-helpers.ts';

let ts: TestServer;
const clients: TestClient[] = [];

beforeEach(async () => {
  ts = await startServer();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await ts.close();
});

/** The round and phase a host command must name now (the host screen copies them from its latest view). */
const aim = (code: string) => commandTarget(ts.server.registry.getRoom(code)!.actor.getSnapshot());

async function newClient() {
  const c = await client(ts.url);
  clients.push(c);
  return c;
}

/** True output lines of the snippet a view is about (the test built the deck, so it knows). */
function truthOf(view: { round: { snippet: { id: string } } | null }): string[] {
  return FAKE_DECK.find((e) => e.snippet.id === view.round!.snippet.id)!.cards.map((c) => c.text);
}

/** Orders a hand the right way, by the known truth. */
function perfect(view: PlayerView): string[] {
  const truth = truthOf(view);
  return [...view.hand].sort((a, b) => truth.indexOf(a.text) - truth.indexOf(b.text)).map((c) => c.id);
}
const swapFirstTwo = (view: PlayerView) => {
  const o = perfect(view);
  return [o[1], o[0], ...o.slice(2)];
};
const reversed = (view: PlayerView) => perfect(view).reverse();

async function createRoom(host: TestClient, settings: object = {}) {
  const res = await host.ask('room:create', { rounds: 3, secondsPerRound: 10, speedBonus: true, ...settings });
  expect(res.ok).toBe(true);
  return res as { ok: true; code: string; hostToken: string; view: HostView };
}

async function join(code: string, nickname: string) {
  const c = await newClient();
  const res = await c.ask('room:join', { code, nickname });
  expect(res).toMatchObject({ ok: true });
  return { c, token: res.playerToken as string, id: res.view.you.id as string };
}

const isPhase = (phase: string, round?: number) => (v: PlayerView | HostView) => v.phase === phase && (round === undefined || v.round?.number === round);

describe('a whole game', () => {
  it('host and three players play three rounds to the podium; scores, secrecy and report check out', async () => {
    const host = await newClient();
    const { code, hostToken } = await createRoom(host);
    expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY346789]{6}$/);
    expect(hostToken.length).toBeGreaterThanOrEqual(22); // >= 128 bits in base64url
    const ada = await join(code, 'Ada');
    const bob = await join(code, 'Bob');
    const cy = await join(code, 'Cy');
    const players = [ada, bob, cy];
    await host.waitFor<HostView>('host:view', (v) => v.players.length === 3);

    const expectedScores = { ada: 0, bob: 0, cy: 0 };
    // Hand-worked (shared/scoring.ts): Ada is always right at 2 s of 10 -> 1000 * (1 - 0.5 * 0.2) = 900,
    // plus the streak bonus (0, 100, 200). Bob swaps the first two cards at 5 s -> accuracy
    // (n - 2)/(n - 1), factor 0.75: 4 cards round(667 * 0.75) = 500, 3 cards 500 * 0.75 = 375,
    // 5 cards round(750 * 0.75) = 563. Cy answers the reverse at 1 s: 0.
    const bobPoints: Record<number, number> = { 4: 500, 3: 375, 5: 563 };
    const adaPoints = [900, 1000, 1100];

    expect(await host.ask('game:start', { code, hostToken, ...aim(code) })).toEqual({ ok: true });
    for (let round = 1; round <= 3; round++) {
      const views = await Promise.all(players.map((p) => p.c.waitFor<PlayerView>('player:view', isPhase('answering', round))));
      const n = views[0].hand.length;
      ts.clock.advance(1000);
      expect(await cy.c.ask('round:answer', { code, playerToken: cy.token, order: reversed(views[2]) })).toMatchObject({ ok: true });
      ts.clock.advance(1000);
      const adaOrder = perfect(views[0]);
      expect(await ada.c.ask('round:answer', { code, playerToken: ada.token, order: adaOrder })).toEqual({ ok: true, submitted: adaOrder });
      ts.clock.advance(3000);
      expect(await bob.c.ask('round:answer', { code, playerToken: bob.token, order: swapFirstTwo(views[1]) })).toMatchObject({ ok: true });

      // Everyone connected answered: the round closes without waiting for the deadline.
      const [ra, rb, rc] = await Promise.all(players.map((p) => p.c.waitFor<PlayerView>('player:view', isPhase('reveal', round))));
      expect(ra.reveal!.result).toMatchObject({ fullyRight: true, points: adaPoints[round - 1], streak: round, seconds: 2 });
      expect(rb.reveal!.result).toMatchObject({ fullyRight: false, points: bobPoints[n], cardsRight: n - 2, cardsInOrder: n - 1, seconds: 5 });
      expect(rb.reveal!.result.correct).toEqual([false, false, ...Array(n - 2).fill(true)]);
      expect(rc.reveal!.result).toMatchObject({ points: 0, cardsInOrder: 1 });
      expect(ra.reveal!.trueOrder.map((c) => c.text)).toEqual(truthOf(ra));
      expect(ra.reveal!.trace[0].text).toContain('TRACE-SENTINEL');
      expectedScores.ada += adaPoints[round - 1];
      expectedScores.bob += bobPoints[n];
      expect(ra.you.score).toBe(expectedScores.ada);
      expect(rb.you.score).toBe(expectedScores.bob);

      const hostReveal = await host.waitFor<HostView>('host:view', isPhase('reveal', round));
      const dist = hostReveal.reveal!.distribution;
      expect(dist).toMatchObject({ answered: 3, fullyRight: 1, averageSeconds: 2.667 }); // (1 + 2 + 5) / 3
      // Per card: Ada always right; Bob right from the third card on; Cy (reversed) only on the middle card of an odd hand.
      const expectedPerCard = Array.from({ length: n }, (_, i) => 1 + (i >= 2 ? 1 : 0) + (n % 2 === 1 && i === (n - 1) / 2 ? 1 : 0));
      expect(dist.perCard.map((c) => c.right)).toEqual(expectedPerCard);
      expect(dist.perCard.map((c) => c.cardId)).toEqual(hostReveal.reveal!.trueOrder.map((c) => c.id));

      expect(await host.ask('game:next', { code, hostToken, ...aim(code) })).toEqual({ ok: true });
      const board = await host.waitFor<HostView>('host:view', isPhase('leaderboard', round));
      expect(board.leaderboard.map((e) => [e.nickname, e.score, e.rank, e.previousRank, e.roundPoints])).toEqual([
        ['Ada', expectedScores.ada, 1, round === 1 ? null : 1, adaPoints[round - 1]],
        ['Bob', expectedScores.bob, 2, round === 1 ? null : 2, bobPoints[n]],
        ['Cy', 0, 3, round === 1 ? null : 3, 0],
      ]);
      expect(await host.ask('game:next', { code, hostToken, ...aim(code) })).toEqual({ ok: true });
    }
    expect(expectedScores).toEqual({ ada: 3000, bob: 1438, cy: 0 });
    const podium = await host.waitFor<HostView>('host:view', isPhase('podium'));
    expect(podium.leaderboard.map((e) => [e.nickname, e.score, e.rank])).toEqual([
      ['Ada', 3000, 1],
      ['Bob', 1438, 2],
      ['Cy', 0, 3],
    ]);
    const cyPodium = await cy.c.waitFor<PlayerView>('player:view', isPhase('podium'));
    expect(cyPodium.you).toMatchObject({ score: 0, rank: 3 });

    // Secrecy: every payload a player received before each reveal.
    let handsEqualToTruth = 0;
    let handsSeen = 0;
    for (const p of players) {
      const revealed = new Set<number>();
      for (const { event, payload } of p.c.received) {
        const json = JSON.stringify(payload);
        expect(json).not.toContain('hostToken');
        expect(json).not.toContain(hostToken);
        for (const other of players) if (other !== p) expect(json).not.toContain(other.token);
        const view = (event === 'player:view' ? payload : (payload as any)?.view) as PlayerView | undefined;
        if (!view || view.role !== 'player') continue;
        if (view.phase === 'reveal' && view.round) revealed.add(view.round.number);
        if (!view.round || revealed.has(view.round.number) || view.phase === 'reveal') continue;
        expect(view.reveal).toBeNull();
        expect(json).not.toContain('trueOrder');
        expect(json).not.toContain('"trace"');
        expect(json).not.toContain('"output"');
        expect(json).not.toContain('TRACE-SENTINEL');
        expect(json).not.toContain('"correct"');
        const truth = truthOf(view);
        expect(json).not.toContain(JSON.stringify(truth).slice(1, -1));
        if (view.hand.length) {
          handsSeen++;
          if (view.hand.every((c, i) => c.text === truth[i])) handsEqualToTruth++;
        }
      }
    }
    expect(handsSeen).toBeGreaterThan(9);
    expect(handsEqualToTruth).toBeLessThan(handsSeen / 3);

    // The report, with the host token.
    const res = await fetch(`${ts.url}/rooms/${code}/report.csv`, { headers: { Authorization: `Bearer ${hostToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const csv = (await res.text()).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('room,round,snippet,player,order submitted,cards right,cards,fully right,seconds,points');
    expect(lines.filter((l) => l.includes(',Ada,') && /,yes,2\.0,/.test(l))).toHaveLength(3);
    expect(lines).toContain(`${code},1,Ada,3,3,6.0,3000`);
    expect(lines).toContain(`${code},2,Bob,3,0,15.0,1438`);
    expect(lines).toContain(`${code},3,Cy,3,0,3.0,0`);
    expect(await host.ask('game:next', { code, hostToken, ...aim(code) })).toEqual({ ok: true });
    await host.waitFor<HostView>('host:view', isPhase('ended'));
  });
});

describe('reconnection', () => {
  it('a player who drops mid-round comes back with the same score, hand and submitted answer', async () => {
    const host = await newClient();
    const { code, hostToken } = await createRoom(host, { rounds: 2, speedBonus: false });
    const ada = await join(code, 'Ada');
    const bob = await join(code, 'Bob');
    const cy = await join(code, 'Cy');
    await host.ask('game:start', { code, hostToken, ...aim(code) });
    let views = await Promise.all([ada, bob, cy].map((p) => p.c.waitFor<PlayerView>('player:view', isPhase('answering', 1))));
    for (const [i, p] of [ada, bob, cy].entries()) await p.c.ask('round:answer', { code, playerToken: p.token, order: perfect(views[i]) });
    await ada.c.waitFor<PlayerView>('player:view', isPhase('reveal', 1));
    await host.ask('game:next', { code, hostToken, ...aim(code) });
    await host.ask('game:next', { code, hostToken, ...aim(code) });
    views = await Promise.all([ada, bob, cy].map((p) => p.c.waitFor<PlayerView>('player:view', isPhase('answering', 2))));
    const adaScore = views[0].you.score;
    expect(adaScore).toBe(1000); // fully right, no speed bonus

    // Ada answers, then her phone drops; Cy drops before answering.
    const adaOrder = swapFirstTwo(views[0]);
    await ada.c.ask('round:answer', { code, playerToken: ada.token, order: adaOrder });
    ada.c.close();
    cy.c.close();
    const offline = await host.waitFor<HostView>('host:view', (v) => v.players.filter((p) => !p.connected).length === 2);
    expect(offline.players.map((p) => [p.nickname, p.connected])).toEqual([
      ['Ada', false],
      ['Bob', true],
      ['Cy', false],
    ]);
    expect(offline.phase).toBe('answering'); // still waiting for Bob

    const back = await newClient();
    const rejoin = await back.ask('room:rejoin', { code, playerToken: ada.token });
    expect(rejoin.ok).toBe(true);
    const v: PlayerView = rejoin.view;
    expect(v.you).toMatchObject({ nickname: 'Ada', score: adaScore, streak: 1 });
    expect(v.phase).toBe('answering');
    expect(v.hand).toEqual(views[0].hand);
    expect(v.submitted).toEqual(adaOrder);
    expect(await back.ask('round:answer', { code, playerToken: ada.token, order: adaOrder })).toMatchObject({ ok: false, code: 'ALREADY_ANSWERED' });
    const online = (hv: HostView, name: string) => hv.players.find((p) => p.nickname === name)?.connected;
    await host.waitFor<HostView>('host:view', (hv) => online(hv, 'Ada') === true && online(hv, 'Cy') === false);

    // Bob answers: every connected player has answered, Cy is offline: the round does not stall.
    await bob.c.ask('round:answer', { code, playerToken: bob.token, order: perfect(views[1]) });
    const revealed = await back.waitFor<PlayerView>('player:view', isPhase('reveal', 2));
    expect(revealed.reveal!.result.submitted).toEqual(adaOrder);
    expect(revealed.you.score).toBe(adaScore + revealed.reveal!.result.points);

    // The host reloads and resumes control with the host token.
    host.close();
    const host2 = await newClient();
    const resumed = await host2.ask('host:resume', { code, hostToken });
    expect(resumed).toMatchObject({ ok: true, view: { phase: 'reveal', code } });
    expect(await host2.ask('game:next', { code, hostToken, ...aim(code) })).toEqual({ ok: true });
    await host2.waitFor<HostView>('host:view', isPhase('leaderboard'));
  });
});

describe('kick and late join', () => {
  it('a kicked player is told, cannot come back with the token, and the others play on', async () => {
    const host = await newClient();
    const { code, hostToken } = await createRoom(host);
    const ada = await join(code, 'Ada');
    const bob = await join(code, 'Bob');
    await host.ask('game:start', { code, hostToken, ...aim(code) });
    const [va] = await Promise.all([ada, bob].map((p) => p.c.waitFor<PlayerView>('player:view', isPhase('answering', 1))));
    await ada.c.ask('round:answer', { code, playerToken: ada.token, order: perfect(va) });
    const kicked = bob.c.next('player:kicked');
    expect(await host.ask('player:kick', { code, hostToken, playerId: bob.id })).toEqual({ ok: true });
    expect((await kicked).message).toMatch(/removed/);
    // Bob was the only one left to answer: the round closes.
    const after = await host.waitFor<HostView>('host:view', isPhase('reveal', 1));
    expect(after.players.map((p) => p.nickname)).toEqual(['Ada']);
    expect(await bob.c.ask('room:rejoin', { code, playerToken: bob.token })).toMatchObject({ ok: false, code: 'KICKED' });
    const fresh = await newClient();
    expect(await fresh.ask('room:rejoin', { code, playerToken: bob.token })).toMatchObject({ ok: false, code: 'KICKED' });
    expect(await bob.c.ask('round:answer', { code, playerToken: bob.token, order: ['x'] })).toMatchObject({ ok: false, code: 'KICKED' });
    expect(await host.ask('player:kick', { code, hostToken, playerId: bob.id })).toMatchObject({ ok: false, code: 'NOT_PLAYER' });
  });

  it('a late joiner gets a hand mid-round and is scored; with late join off they are turned away', async () => {
    const host = await newClient();
    const { code, hostToken } = await createRoom(host, { speedBonus: false });
    const ada = await join(code, 'Ada');
    await host.ask('game:start', { code, hostToken, ...aim(code) });
    await ada.c.waitFor<PlayerView>('player:view', isPhase('answering', 1));
    const dee = await join(code, 'Dee');
    const dv = await dee.c.waitFor<PlayerView>('player:view', isPhase('answering', 1));
    expect(dv.hand.map((c) => c.text).sort()).toEqual([...truthOf(dv)].sort());
    expect(dv.round!.playerCount).toBe(2);
    await dee.c.ask('round:answer', { code, playerToken: dee.token, order: perfect(dv) });
    await host.ask('round:end', { code, hostToken, ...aim(code) });
    const reveal = await dee.c.waitFor<PlayerView>('player:view', isPhase('reveal', 1));
    expect(reveal.reveal!.result).toMatchObject({ fullyRight: true, points: 1000 });

    const host2 = await newClient();
    const closed = await createRoom(host2, { allowLateJoin: false });
    await join(closed.code, 'Eve');
    await host2.ask('game:start', { code: closed.code, hostToken: closed.hostToken, ...aim(closed.code) });
    const late = await newClient();
    expect(await late.ask('room:join', { code: closed.code, nickname: 'Finn' })).toMatchObject({ ok: false, code: 'LATE_JOIN_CLOSED' });
  });
});

describe('refusals', () => {
  it('malformed and unauthorised events get error acks and change nothing', async () => {
    const host = await newClient();
    const { code, hostToken } = await createRoom(host);
    const ada = await join(code, 'Ada');
    const mallory = await newClient();
    const snapshot = async () => {
      const v = (await host.ask('host:resume', { code, hostToken })).view as HostView;
      return JSON.stringify({ ...v, round: v.round && { ...v.round, serverNow: 0 } });
    };
    const before = await snapshot();

    const cases: [string, unknown, string][] = [
      ['game:start', { code, hostToken: 'wrong-token', ...aim(code) }, 'NOT_HOST'],
      ['game:start', { code }, 'BAD_REQUEST'],
      ['game:start', null, 'BAD_REQUEST'],
      ['game:start', 'START', 'BAD_REQUEST'],
      ['game:end', { code, hostToken: ada.token, ...aim(code) }, 'NOT_HOST'],
      ['player:kick', { code, hostToken: 'nope', playerId: ada.id }, 'NOT_HOST'],
      ['room:lock', { code, hostToken, locked: 'yes' }, 'BAD_REQUEST'],
      ['room:create', { rounds: 0 }, 'BAD_REQUEST'],
      ['room:create', { maxPlayers: 10_000 }, 'BAD_REQUEST'],
      ['room:create', { topics: ['cooking'] }, 'BAD_REQUEST'],
      ['room:create', { difficulties: [4], topics: ['promises'] }, 'NO_SNIPPETS'],
      ['room:join', { code: 'ZZZZZZ', nickname: 'Mal' }, 'ROOM_NOT_FOUND'],
      ['room:join', { code, nickname: 'ADA' }, 'NAME_TAKEN'],
      ['room:join', { code, nickname: '' }, 'NAME_INVALID'],
      ['room:join', { code, nickname: 'Bitch' }, 'NAME_INVALID'],
      ['room:join', { code, nickname: 'x'.repeat(21) }, 'NAME_INVALID'],
      ['room:join', { code, nickname: 42 }, 'BAD_REQUEST'],
      ['room:rejoin', { code, playerToken: 'forged' }, 'NOT_PLAYER'],
      ['round:answer', { code, playerToken: ada.token, order: ['a'] }, 'ROUND_CLOSED'],
      ['round:answer', { code, playerToken: ada.token, order: 'a,b' }, 'BAD_REQUEST'],
      ['round:answer', { code, playerToken: 'forged', order: ['a'] }, 'NOT_PLAYER'],
      ['game:start', { code, hostToken }, 'BAD_REQUEST'], // a host command must name its round and phase
      ['game:pause', { code, hostToken, ...aim(code) }, 'INVALID_STATE'],
      ['game:next', { code, hostToken, ...aim(code) }, 'INVALID_STATE'],
      ['round:skip', { code, hostToken, ...aim(code) }, 'INVALID_STATE'],
      ['practice:answer', { token: 'nope', order: ['a'] }, 'NOT_PLAYER'],
    ];
    for (const [event, payload, code_] of cases) {
      const res = await mallory.ask(event as any, payload);
      expect(res, `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, code: code_ });
      expect(typeof res.message).toBe('string');
    }
    // No acknowledgement callback at all: nothing crashes, nothing changes.
    mallory.socket.emit('game:start' as any, { code, hostToken: 'wrong' });
    mallory.socket.emit('round:answer' as any);
    expect(await snapshot()).toBe(before);

    // Mid-round refusals.
    await host.ask('game:start', { code, hostToken, ...aim(code) });
    const va = await ada.c.waitFor<PlayerView>('player:view', isPhase('answering', 1));
    const ids = va.hand.map((c) => c.id);
    for (const [order, expected] of [
      [ids.slice(1), 'INVALID_ORDER'],
      [[...ids.slice(1), ids[1]], 'INVALID_ORDER'],
      [[...ids.slice(1), 'forged'], 'INVALID_ORDER'],
    ] as const) {
      expect(await ada.c.ask('round:answer', { code, playerToken: ada.token, order })).toMatchObject({ ok: false, code: expected });
    }
    expect(await ada.c.ask('game:next', { code, hostToken: ada.token, ...aim(code) })).toMatchObject({ ok: false, code: 'NOT_HOST' });
    expect(await host.ask('game:start', { code, hostToken, ...aim(code) })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await host.ask('game:pause', { code, hostToken, ...aim(code) })).toEqual({ ok: true });
    // An answer made while paused is kept (issue 8, bug 3); a second one is still refused.
    expect(await ada.c.ask('round:answer', { code, playerToken: ada.token, order: ids })).toMatchObject({ ok: true });
    expect(await host.ask('game:resume', { code, hostToken, ...aim(code) })).toEqual({ ok: true });
    // Ada was the only player: everyone has answered, so the round closes on resume with her answer.
    const revealed = await ada.c.waitFor<PlayerView>('player:view', isPhase('reveal', 1));
    expect(revealed.reveal!.result.submitted).toEqual(ids);
    expect(await ada.c.ask('round:answer', { code, playerToken: ada.token, order: ids })).toMatchObject({ ok: false, code: 'ROUND_CLOSED' });
  });

  it('rate-limits a flood of events from one socket', async () => {
    const spam = await newClient();
    // The test clock stands still, so the bucket never refills: 40 pass, the rest are refused.
    const replies = await Promise.all(Array.from({ length: 60 }, () => spam.ask('room:join', { code: 'QQQQQQ', nickname: 'Spam' })));
    expect(replies.filter((r) => r.code === 'ROOM_NOT_FOUND')).toHaveLength(40);
    expect(replies.filter((r) => r.code === 'RATE_LIMITED')).toHaveLength(20);
  });

  it('locking the room turns new players away but lets existing ones rejoin', async () => {
    const host = await newClient();
    const { code, hostToken } = await createRoom(host);
    const ada = await join(code, 'Ada');
    expect(await host.ask('room:lock', { code, hostToken, locked: true })).toEqual({ ok: true });
    const late = await newClient();
    expect(await late.ask('room:join', { code, nickname: 'Bob' })).toMatchObject({ ok: false, code: 'ROOM_LOCKED' });
    ada.c.close();
    const back = await newClient();
    expect(await back.ask('room:rejoin', { code: code.toLowerCase(), playerToken: ada.token })).toMatchObject({ ok: true });
    expect(await host.ask('room:lock', { code, hostToken, locked: false })).toEqual({ ok: true });
    expect(await late.ask('room:join', { code, nickname: 'Bob' })).toMatchObject({ ok: true });
  });
});

describe('http', () => {
  it('report.csv needs the host token and escapes what a spreadsheet would run', async () => {
    const host = await newClient();
    const { code, hostToken } = await createRoom(host, { rounds: 1, speedBonus: false });
    const evil = await join(code, '=HYPERLINK("x")');
    const comma = await join(code, 'Smith, J');
    await host.ask('game:start', { code, hostToken, ...aim(code) });
    const v = await evil.c.waitFor<PlayerView>('player:view', isPhase('answering', 1));
    await evil.c.ask('round:answer', { code, playerToken: evil.token, order: perfect(v) });
    await host.ask('round:end', { code, hostToken, ...aim(code) });
    await host.waitFor<HostView>('host:view', isPhase('reveal'));
    expect(comma.token).toBeTruthy();

    // No token, a wrong one, a player's, or an unknown room: one and the same answer (abuse.test.ts checks the bodies).
    expect((await fetch(`${ts.url}/rooms/${code}/report.csv`)).status).toBe(404);
    expect((await fetch(`${ts.url}/rooms/${code}/report.csv?token=wrong`)).status).toBe(404);
    expect((await fetch(`${ts.url}/rooms/${code}/report.csv`, { headers: { Authorization: `Bearer ${evil.token}` } })).status).toBe(404);
    expect((await fetch(`${ts.url}/rooms/QQQQQQ/report.csv?token=${hostToken}`)).status).toBe(404);
    const res = await fetch(`${ts.url}/rooms/${code}/report.csv?token=${encodeURIComponent(hostToken)}`);
    expect(res.status).toBe(200);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    const truth = truthOf(v);
    expect(lines).toContain(`${code},1,Snippet ${v.round!.snippet.id},"'=HYPERLINK(""x"")",${truth.join(' | ')},${truth.length},${truth.length},yes,0.0,1000`);
    expect(lines).toContain(`${code},1,Snippet ${v.round!.snippet.id},"Smith, J",(no answer),0,${truth.length},no,,0`);
    expect(lines).toContain(`${code},1,"'=HYPERLINK(""x"")",1,1,0.0,1000`);
  });

  it('serves the built client with an SPA fallback, but not for API paths', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join: joinPath } = await import('node:path');
    const dir = mkdtempSync(joinPath(tmpdir(), 'arena-client-'));
    writeFileSync(joinPath(dir, 'index.html'), '<!doctype html><title>ARENA-INDEX</title>');
    writeFileSync(joinPath(dir, 'app.js'), 'console.log("ARENA-ASSET")');
    await ts.close();
    ts = await startServer({ clientDir: dir });
    expect(await (await fetch(`${ts.url}/`)).text()).toContain('ARENA-INDEX');
    expect(await (await fetch(`${ts.url}/play/ABCDEF`)).text()).toContain('ARENA-INDEX');
    expect(await (await fetch(`${ts.url}/app.js`)).text()).toContain('ARENA-ASSET');
    expect((await fetch(`${ts.url}/rooms/ABCDEF/other`)).status).toBe(404);
    expect((await fetch(`${ts.url}/healthz`)).headers.get('content-type')).toMatch(/json/);
  });

  it('serves /healthz and a build hint when the client is not built', async () => {
    await ts.close();
    ts = await startServer({ clientDir: '/nonexistent-client-dir' });
    const host = await newClient();
    const { code } = await createRoom(host);
    await join(code, 'Ada');
    const health = await (await fetch(`${ts.url}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', rooms: 1, players: 1 });
    expect(typeof health.uptime).toBe('number');
    const page = await fetch(`${ts.url}/host/anything`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('npm run build');
  });
});

describe('limits and cleanup', () => {
  it('refuses rooms beyond MAX_ROOMS and disposes a room once nobody is connected for ROOM_IDLE_MS', async () => {
    await ts.close();
    ts = await startServer({ maxRooms: 1, roomIdleMs: 150 });
    const host = await newClient();
    const { code, hostToken } = await createRoom(host);
    const other = await newClient();
    expect(await other.ask('room:create', {})).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    const ada = await join(code, 'Ada');
    host.close();
    ada.c.close();
    await new Promise((r) => setTimeout(r, 400));
    expect(await (await fetch(`${ts.url}/healthz`)).json()).toMatchObject({ rooms: 0, players: 0 });
    expect(await other.ask('host:resume', { code, hostToken })).toMatchObject({ ok: false, code: 'ROOM_NOT_FOUND' });
    expect(await other.ask('room:create', {})).toMatchObject({ ok: true });
  });

  it('a room with someone still connected is kept', async () => {
    await ts.close();
    ts = await startServer({ roomIdleMs: 100 });
    const host = await newClient();
    const { code } = await createRoom(host);
    const ada = await join(code, 'Ada');
    ada.c.close();
    await new Promise((r) => setTimeout(r, 300));
    expect(await (await fetch(`${ts.url}/healthz`)).json()).toMatchObject({ rooms: 1, players: 0 });
  });
});

describe('practice', () => {
  it('plays solo rounds with the same scoring and ends with a summary', async () => {
    const me = await newClient();
    const start = await me.ask('practice:start', { rounds: 2, difficulties: [1] });
    expect(start.ok).toBe(true);
    const { token } = start;
    let view = start.view;
    expect(view).toMatchObject({ role: 'practice', phase: 'answering', reveal: null, summary: null });
    expect(JSON.stringify(view)).not.toContain('TRACE-SENTINEL');
    expect(await me.ask('practice:next', { token })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    const ids = view.hand.map((c: { id: string }) => c.id);
    expect(await me.ask('practice:answer', { token, order: ids.slice(1) })).toMatchObject({ ok: false, code: 'INVALID_ORDER' });
    ts.clock.advance(3000); // 3 s of a 30 s difficulty-1 round
    const truth = truthOf(view);
    const order = [...view.hand].sort((a: any, b: any) => truth.indexOf(a.text) - truth.indexOf(b.text)).map((c: any) => c.id);
    const answered = await me.ask('practice:answer', { token, order });
    expect(answered.view.phase).toBe('reveal');
    expect(answered.view.reveal.result).toMatchObject({ fullyRight: true, points: 950 }); // 1000 * (1 - 0.5 * 3/30)
    expect(await me.ask('practice:answer', { token, order })).toMatchObject({ ok: false, code: 'ROUND_CLOSED' });
    view = (await me.ask('practice:next', { token })).view;
    expect(view).toMatchObject({ phase: 'answering', round: { number: 2, total: 2 } });
    const reversedOrder = [...view.hand].sort((a: any, b: any) => truthOf(view).indexOf(b.text) - truthOf(view).indexOf(a.text)).map((c: any) => c.id);
    await me.ask('practice:answer', { token, order: reversedOrder });
    const summary = (await me.ask('practice:next', { token })).view;
    expect(summary).toMatchObject({ phase: 'summary', score: 950, summary: { rounds: 2, fullyRight: 1, score: 950 } });
    expect(await me.ask('practice:start', { difficulties: [4] })).toMatchObject({ ok: false, code: 'NO_SNIPPETS' });
  });
});
