// Host commands over real sockets (issue 8, bug 1): every flow command names the round and phase the
// host screen showed, so a double click (two identical commands in flight) acts once and a stale command
// is refused with INVALID_STATE; the host view says which commands the machine allows now.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostView, PlayerView } from '../../shared/protocol.ts';
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

async function newClient() {
  const c = await client(ts.url);
  clients.push(c);
  return c;
}

const isPhase = (phase: string, round?: number) => (v: PlayerView | HostView) => v.phase === phase && (round === undefined || v.round?.number === round);

/** A room with a host and two players, in the lobby. */
async function lobby() {
  const host = await newClient();
  const created = await host.ask('room:create', { rounds: 3, secondsPerRound: 10 });
  expect(created.ok).toBe(true);
  const { code, hostToken } = created as { code: string; hostToken: string };
  const players: { c: TestClient; token: string }[] = [];
  for (const nickname of ['Ada', 'Bob']) {
    const c = await newClient();
    const res = await c.ask('room:join', { code, nickname });
    expect(res.ok).toBe(true);
    players.push({ c, token: res.playerToken });
  }
  const view = await host.waitFor<HostView>('host:view', (v) => v.players.length === 2);
  return { host, code, hostToken, players, view };
}

/** Clicks a control twice from the same view: both commands are in flight before any answer. */
async function doubleClick(host: TestClient, event: 'game:start' | 'game:next', auth: { code: string; hostToken: string }, view: HostView) {
  return Promise.all([host.ask(event, { ...auth, ...view.commandTarget }), host.ask(event, { ...auth, ...view.commandTarget })]);
}

describe('double clicks act once', () => {
  it('a double click on Start game starts round 1, not round 2', async () => {
    const { host, code, hostToken, players, view } = await lobby();
    expect(view.commandTarget).toEqual({ round: 0, phase: 'lobby' });
    expect(view.allowedCommands).toContain('game:start');
    const acks = await doubleClick(host, 'game:start', { code, hostToken }, view);
    expect(acks.map((a) => a.ok).sort()).toEqual([false, true]);
    expect(acks.find((a) => !a.ok)).toMatchObject({ code: 'INVALID_STATE' });
    // A third click that landed on "Skip round" but was drawn from the lobby view is refused too.
    expect(await host.ask('round:skip', { code, hostToken, ...view.commandTarget })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    const answering = await players[0].c.waitFor<PlayerView>('player:view', isPhase('answering'));
    expect(answering.round!.number).toBe(1);
    expect(ts.server.registry.getRoom(code)!.actor.getSnapshot().context.history).toEqual([]);
  });

  it('a double click on Show leaderboard shows the leaderboard (not the next round)', async () => {
    const { host, code, hostToken, view } = await lobby();
    await host.ask('game:start', { code, hostToken, ...view.commandTarget });
    const answering = await host.waitFor<HostView>('host:view', isPhase('answering', 1));
    expect(await host.ask('round:end', { code, hostToken, ...answering.commandTarget })).toEqual({ ok: true });
    const reveal = await host.waitFor<HostView>('host:view', isPhase('reveal', 1));
    expect(reveal.commandTarget).toEqual({ round: 1, phase: 'reveal' });
    expect(reveal.allowedCommands).toEqual(['game:next', 'game:end', 'player:kick', 'room:lock']);
    const acks = await doubleClick(host, 'game:next', { code, hostToken }, reveal);
    expect(acks.filter((a) => a.ok)).toHaveLength(1);
    expect(acks.find((a) => !a.ok)!.message).toMatch(/meant for round 1 \(reveal\)/);
    const board = await host.waitFor<HostView>('host:view', isPhase('leaderboard', 1));
    expect(ts.server.registry.getRoom(code)!.actor.getSnapshot().value).toBe('leaderboard');
    expect(board.allowedCommands).toContain('game:next');
  });

  it('a double click on Next round deals round 2 once and its countdown is not paused', async () => {
    const { host, code, hostToken, players, view } = await lobby();
    await host.ask('game:start', { code, hostToken, ...view.commandTarget });
    const answering = await host.waitFor<HostView>('host:view', isPhase('answering', 1));
    await host.ask('round:end', { code, hostToken, ...answering.commandTarget });
    const reveal = await host.waitFor<HostView>('host:view', isPhase('reveal', 1));
    await host.ask('game:next', { code, hostToken, ...reveal.commandTarget });
    const board = await host.waitFor<HostView>('host:view', isPhase('leaderboard', 1));
    const acks = await doubleClick(host, 'game:next', { code, hostToken }, board);
    expect(acks.filter((a) => a.ok)).toHaveLength(1);
    // The second click, had it hit "Pause" drawn from the leaderboard view, is refused as well.
    expect(await host.ask('game:pause', { code, hostToken, ...board.commandTarget })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    const next = await players[1].c.waitFor<PlayerView>('player:view', isPhase('answering', 2));
    expect(next.paused).toBe(false);
    const hostNow = await host.waitFor<HostView>('host:view', isPhase('answering', 2));
    expect(hostNow).toMatchObject({ paused: false, commandTarget: { round: 2, phase: 'answering' } });
  });
});

describe('stale commands and the allowed list', () => {
  it('a command without its round and phase is a bad request; one aimed at another round is refused', async () => {
    const { host, code, hostToken, view } = await lobby();
    expect(await host.ask('game:start', { code, hostToken })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(await host.ask('game:start', { code, hostToken, round: 0, phase: 'reveal' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await host.ask('game:start', { code, hostToken, ...view.commandTarget })).toEqual({ ok: true });
    const countdown = await host.waitFor<HostView>('host:view', (v) => v.round?.number === 1);
    expect(countdown.allowedCommands).not.toContain('game:start');
    expect(await host.ask('game:pause', { code, hostToken, round: 2, phase: countdown.phase })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  it('every command the host view allows is accepted, and an answer made while paused is kept', async () => {
    const { host, code, hostToken, players, view } = await lobby();
    await host.ask('game:start', { code, hostToken, ...view.commandTarget });
    const answering = await host.waitFor<HostView>('host:view', isPhase('answering', 1));
    expect(answering.allowedCommands).toEqual(['game:pause', 'round:end', 'round:skip', 'game:end', 'player:kick', 'room:lock']);
    expect(await host.ask('game:pause', { code, hostToken, ...answering.commandTarget })).toEqual({ ok: true });
    const paused = await host.waitFor<HostView>('host:view', (v) => v.paused);
    expect(paused.allowedCommands).toEqual(['game:resume', 'round:end', 'round:skip', 'game:end', 'player:kick', 'room:lock']);
    const phone = await players[0].c.waitFor<PlayerView>('player:view', (v) => v.paused);
    const order = phone.hand.map((c) => c.id);
    expect(await players[0].c.ask('round:answer', { code, playerToken: players[0].token, order })).toEqual({ ok: true, submitted: order });
    expect(await host.ask('round:end', { code, hostToken, ...paused.commandTarget })).toEqual({ ok: true });
    const reveal = await players[0].c.waitFor<PlayerView>('player:view', isPhase('reveal', 1));
    expect(reveal.reveal!.result.submitted).toEqual(order);
    const hostReveal = await host.waitFor<HostView>('host:view', isPhase('reveal', 1));
    expect(hostReveal.reveal!.distribution).toMatchObject({ players: 2, answered: 1, noAnswer: 1 });
  });
});

describe('what phones and the projector are told', () => {
  it('a skipped round: phones get a notice in the next round; the reveal counts everyone in its percentages', async () => {
    const { host, code, hostToken, players, view } = await lobby();
    await host.ask('game:start', { code, hostToken, ...view.commandTarget });
    const first = await host.waitFor<HostView>('host:view', isPhase('answering', 1));
    expect(await host.ask('round:skip', { code, hostToken, ...first.commandTarget })).toEqual({ ok: true });
    const next = await players[0].c.waitFor<PlayerView>('player:view', (v) => v.round?.number === 2);
    expect(next.notice).toEqual({ kind: 'round-skipped', round: 1, message: 'The host skipped round 1: it does not count for anyone.' });
    const answering = await players[0].c.waitFor<PlayerView>('player:view', isPhase('answering', 2));
    const order = answering.hand.map((c) => c.id);
    await players[0].c.ask('round:answer', { code, playerToken: players[0].token, order });
    const hostAnswering = await host.waitFor<HostView>('host:view', (v) => v.phase === 'answering' && v.round?.answeredCount === 1);
    await host.ask('round:end', { code, hostToken, ...hostAnswering.commandTarget });
    const reveal = await host.waitFor<HostView>('host:view', isPhase('reveal', 2));
    const d = reveal.reveal!.distribution;
    expect(d).toMatchObject({ players: 2, answered: 1, noAnswer: 1 });
    // One of two players answered: a card that player placed right is 50%, not "1 of 1: 100%".
    for (const card of d.perCard) expect(card.percentRight).toBe(card.right * 50);
    const phone = await players[0].c.waitFor<PlayerView>('player:view', isPhase('reveal', 2));
    expect(phone.notice).toBeNull();
    expect(phone.reveal!.result.verdicts.map((v) => v.cardId)).toEqual(phone.reveal!.trueOrder.map((c) => c.id));
    expect(phone.reveal!.result.verdicts.map((v) => v.placedAt!).sort((a, b) => a - b)).toEqual(order.map((_, i) => i));
  });
});
