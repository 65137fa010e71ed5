// Room machine tests: every transition of the room, driven with createActor and fake timers (the
// machine's deadlines are `after` delays), plus the rule that a refused event changes nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, type Actor } from 'xstate';
import { createRoomMachine, type RoomMachine } from '../../server/room-machine.ts';
import { hostView, playerView } from '../../server/views.ts';
import type { RoomSettings } from '../../shared/protocol.ts';
import { FAKE_DECK, fakeEntry, testDeps, testSettings } from './helpers.ts';

const COUNTDOWN = 3000;
let actor: Actor<RoomMachine>;

function startRoom(settings: Partial<RoomSettings> = {}, candidates = FAKE_DECK) {
  actor = createActor(createRoomMachine(testDeps()), {
    input: { code: 'ABCDEF', joinUrl: 'http://test/?room=ABCDEF', settings: testSettings(settings), candidates, countdownMs: COUNTDOWN },
  }).start();
  return actor;
}

function join(name: string, id = name.toLowerCase()) {
  actor.send({ type: 'JOIN', playerId: id, token: `token-${id}`, nickname: name });
}

const ctx = () => actor.getSnapshot().context;
const value = () => actor.getSnapshot().value;
/** The true order of the current round as card ids. */
const trueIds = () => ctx().round!.cards.map((c) => c.id);
const handOf = (id: string) => ctx().round!.hands[id];

/** Expects `event` to be refused: the snapshot object stays the very same. */
function expectRefused(event: Parameters<Actor<RoomMachine>['send']>[0]) {
  const previous = actor.getSnapshot();
  expect(previous.can(event)).toBe(false);
  actor.send(event);
  expect(actor.getSnapshot()).toBe(previous);
}

/** Lobby with Ada, Bob and Cy, started and counted down: answering round 1. */
function answeringRound(settings: Partial<RoomSettings> = {}) {
  startRoom(settings);
  join('Ada');
  join('Bob');
  join('Cy');
  actor.send({ type: 'START' });
  vi.advanceTimersByTime(COUNTDOWN);
  expect(value()).toEqual({ round: 'answering' });
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2030-01-01T09:00:00Z'));
});
afterEach(() => {
  actor?.stop();
  vi.useRealTimers();
});

describe('lobby', () => {
  it('takes joins with trimmed nicknames and refuses duplicates, bad names, locked and full rooms', () => {
    startRoom({ maxPlayers: 3 });
    expect(value()).toBe('lobby');
    join('  Ada  ', 'ada');
    expect(ctx().players.ada).toMatchObject({ nickname: 'Ada', connected: true, score: 0 });
    expectRefused({ type: 'JOIN', playerId: 'x1', token: 't1', nickname: 'ADA' });
    expectRefused({ type: 'JOIN', playerId: 'x2', token: 't2', nickname: '   ' });
    expectRefused({ type: 'JOIN', playerId: 'x3', token: 't3', nickname: 'a'.repeat(21) });
    expectRefused({ type: 'JOIN', playerId: 'x4', token: 't4', nickname: 'shit' });
    actor.send({ type: 'LOCK', locked: true });
    expect(ctx().locked).toBe(true);
    expectRefused({ type: 'JOIN', playerId: 'bob', token: 'tb', nickname: 'Bob' });
    actor.send({ type: 'LOCK', locked: false });
    join('Bob');
    join('Cy');
    expectRefused({ type: 'JOIN', playerId: 'dee', token: 'td', nickname: 'Dee' }); // full at 3
    expect(Object.keys(ctx().players)).toEqual(['ada', 'bob', 'cy']);
  });

  it('refuses START without players, and game commands that make no sense yet', () => {
    startRoom();
    expectRefused({ type: 'START' });
    for (const type of ['PAUSE', 'RESUME', 'END_ROUND', 'SKIP', 'NEXT'] as const) expectRefused({ type });
    expectRefused({ type: 'ANSWER', playerId: 'nobody', order: [] });
    expectRefused({ type: 'KICK', playerId: 'nobody' });
  });

  it('END in the lobby ends the room', () => {
    startRoom();
    actor.send({ type: 'END' });
    expect(value()).toBe('ended');
    expect(actor.getSnapshot().status).toBe('done');
  });
});

describe('a round', () => {
  it('START deals the first snippet to everyone, counts down, then opens answering with a deadline', () => {
    startRoom();
    join('Ada');
    join('Bob');
    actor.send({ type: 'START' });
    expect(value()).toEqual({ round: 'countdown' });
    const round = ctx().round!;
    expect(round.number).toBe(1);
    expect(ctx().rounds.map((r) => r.snippet.difficulty)).toEqual([1, 1, 2]); // easiest first
    expect(new Set(round.cards.map((c) => c.id)).size).toBe(round.cards.length);
    for (const id of ['ada', 'bob']) expect([...handOf(id)].sort()).toEqual([...trueIds()].sort());
    expectRefused({ type: 'ANSWER', playerId: 'ada', order: handOf('ada') }); // not open yet
    vi.advanceTimersByTime(COUNTDOWN - 1);
    expect(value()).toEqual({ round: 'countdown' });
    vi.advanceTimersByTime(1);
    expect(value()).toEqual({ round: 'answering' });
    expect(ctx().round!.deadlineAt).toBe(Date.now() + 10_000);
  });

  it('closes at the deadline and scores: right answer after 2 s of 10 = 900, silence = 0', () => {
    answeringRound();
    vi.advanceTimersByTime(2000);
    actor.send({ type: 'ANSWER', playerId: 'ada', order: trueIds() });
    expect(ctx().round!.answers.ada).toEqual({ order: trueIds(), ms: 2000 });
    vi.advanceTimersByTime(7999);
    expect(value()).toEqual({ round: 'answering' });
    vi.advanceTimersByTime(1);
    expect(value()).toBe('reveal');
    const results = ctx().round!.results!;
    expect(results.ada).toMatchObject({ fullyRight: true, points: 900, streak: 1, seconds: 2 }); // 1000 * (1 - 0.5 * 2/10)
    expect(results.bob).toMatchObject({ submitted: null, points: 0, streak: 0 });
    expect(ctx().players.ada.score).toBe(900);
    expect(ctx().players.bob.totalMs).toBe(10_000); // no answer counts the full limit
    expect(ctx().round!.distribution).toMatchObject({ answered: 1, fullyRight: 1, averageSeconds: 2 });
  });

  it('refuses a second answer, an order that is not a permutation, and strangers', () => {
    answeringRound();
    const ids = trueIds();
    expectRefused({ type: 'ANSWER', playerId: 'ada', order: ids.slice(1) });
    expectRefused({ type: 'ANSWER', playerId: 'ada', order: [ids[0], ...ids.slice(0, -1)] });
    expectRefused({ type: 'ANSWER', playerId: 'ada', order: [...ids.slice(1), 'forged'] });
    expectRefused({ type: 'ANSWER', playerId: 'mallory', order: ids });
    actor.send({ type: 'ANSWER', playerId: 'ada', order: ids });
    expectRefused({ type: 'ANSWER', playerId: 'ada', order: [...ids].reverse() });
    expect(ctx().round!.answers.ada.order).toEqual(ids);
  });

  it('ends early when every connected player has answered, and does not wait for one who left', () => {
    answeringRound();
    actor.send({ type: 'DISCONNECT', playerId: 'cy' });
    expect(ctx().players.cy.connected).toBe(false);
    actor.send({ type: 'ANSWER', playerId: 'ada', order: trueIds() });
    expect(value()).toEqual({ round: 'answering' });
    actor.send({ type: 'ANSWER', playerId: 'bob', order: [...trueIds()].reverse() });
    expect(value()).toBe('reveal');
    expect(ctx().round!.results!.cy.points).toBe(0);
    expect(ctx().players.cy).toMatchObject({ connected: false, score: 0 }); // keeps the place
  });

  it('waits for the deadline when nobody is connected', () => {
    answeringRound();
    for (const id of ['ada', 'bob', 'cy']) actor.send({ type: 'DISCONNECT', playerId: id });
    expect(value()).toEqual({ round: 'answering' });
    actor.send({ type: 'REJOIN', playerId: 'ada' });
    expect(ctx().players.ada.connected).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(value()).toBe('reveal');
  });

  it('END_ROUND closes answering at once; it is refused during the countdown', () => {
    startRoom();
    join('Ada');
    actor.send({ type: 'START' });
    expectRefused({ type: 'END_ROUND' });
    vi.advanceTimersByTime(COUNTDOWN);
    actor.send({ type: 'END_ROUND' });
    expect(value()).toBe('reveal');
  });
});

describe('pause', () => {
  it('freezes the answering deadline and restores the time that was left', () => {
    answeringRound();
    vi.advanceTimersByTime(4000);
    actor.send({ type: 'PAUSE' });
    expect(value()).toEqual({ round: 'paused' });
    expect(ctx().round!.pausedRemainingMs).toBe(6000);
    expectRefused({ type: 'ANSWER', playerId: 'ada', order: trueIds() });
    expectRefused({ type: 'PAUSE' });
    vi.advanceTimersByTime(60_000);
    expect(value()).toEqual({ round: 'paused' });
    actor.send({ type: 'RESUME' });
    expect(value()).toEqual({ round: 'answering' });
    expectRefused({ type: 'RESUME' });
    vi.advanceTimersByTime(1000);
    actor.send({ type: 'ANSWER', playerId: 'ada', order: trueIds() });
    expect(ctx().round!.answers.ada.ms).toBe(5000); // 4 s before the pause + 1 s after: the pause does not count
    vi.advanceTimersByTime(4999);
    expect(value()).toEqual({ round: 'answering' });
    vi.advanceTimersByTime(1);
    expect(value()).toBe('reveal');
  });

  it('freezes the countdown too, and END_ROUND or SKIP work while paused', () => {
    startRoom();
    join('Ada');
    actor.send({ type: 'START' });
    vi.advanceTimersByTime(1000);
    actor.send({ type: 'PAUSE' });
    expect(ctx().round).toMatchObject({ pausedFrom: 'countdown', pausedRemainingMs: 2000 });
    expect(hostView(actor.getSnapshot(), Date.now())).toMatchObject({ phase: 'countdown', paused: true });
    vi.advanceTimersByTime(30_000);
    actor.send({ type: 'RESUME' });
    expect(value()).toEqual({ round: 'countdown' });
    vi.advanceTimersByTime(1999);
    expect(value()).toEqual({ round: 'countdown' });
    vi.advanceTimersByTime(1);
    expect(value()).toEqual({ round: 'answering' });
    actor.send({ type: 'PAUSE' });
    actor.send({ type: 'END_ROUND' });
    expect(value()).toBe('reveal');
  });
});

describe('between rounds and the end', () => {
  it('reveal -> leaderboard -> next round ... -> podium -> ended, with previous ranks', () => {
    answeringRound();
    // Round 1: Bob perfect at 1 s (950), Ada perfect at 5 s (750), Cy silent.
    vi.advanceTimersByTime(1000);
    actor.send({ type: 'ANSWER', playerId: 'bob', order: trueIds() });
    vi.advanceTimersByTime(4000);
    actor.send({ type: 'ANSWER', playerId: 'ada', order: trueIds() });
    actor.send({ type: 'END_ROUND' });
    expect(ctx().players.bob.score).toBe(950);
    expect(ctx().players.ada.score).toBe(750);
    expectRefused({ type: 'START' });
    actor.send({ type: 'NEXT' });
    expect(value()).toBe('leaderboard');
    actor.send({ type: 'NEXT' });
    expect(value()).toEqual({ round: 'countdown' });
    expect(ctx().round!.number).toBe(2);
    vi.advanceTimersByTime(COUNTDOWN);
    // Round 2: Ada perfect at once (1000 + 100 streak), Bob reversed (0, streak broken).
    actor.send({ type: 'ANSWER', playerId: 'ada', order: trueIds() });
    actor.send({ type: 'ANSWER', playerId: 'bob', order: [...trueIds()].reverse() });
    actor.send({ type: 'ANSWER', playerId: 'cy', order: handOf('cy') });
    expect(value()).toBe('reveal');
    expect(ctx().players.ada).toMatchObject({ score: 1850, streak: 2, previousRank: 2, lastPoints: 1100 });
    expect(ctx().players.bob).toMatchObject({ score: 950, streak: 0, previousRank: 1 });
    const board = hostView(actor.getSnapshot(), Date.now()).leaderboard;
    expect(board.map((e) => [e.nickname, e.rank, e.previousRank])).toEqual([
      ['Ada', 1, 2],
      ['Bob', 2, 1],
      ['Cy', 3, 3],
    ]);
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NEXT' });
    vi.advanceTimersByTime(COUNTDOWN);
    actor.send({ type: 'END_ROUND' });
    actor.send({ type: 'NEXT' });
    expect(value()).toBe('leaderboard');
    actor.send({ type: 'NEXT' });
    expect(value()).toBe('podium'); // three rounds played
    expect(ctx().history.map((r) => [r.number, r.skipped])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    actor.send({ type: 'NEXT' });
    expect(value()).toBe('ended');
  });

  it('SKIP abandons a round unscored and deals the next; skipping the last goes to the podium', () => {
    answeringRound({ rounds: 2 });
    actor.send({ type: 'ANSWER', playerId: 'ada', order: trueIds() });
    actor.send({ type: 'SKIP' });
    expect(value()).toEqual({ round: 'countdown' });
    expect(ctx().round!.number).toBe(2);
    expect(ctx().players.ada.score).toBe(0);
    expect(ctx().history).toMatchObject([{ number: 1, skipped: true, results: [] }]);
    vi.advanceTimersByTime(COUNTDOWN);
    actor.send({ type: 'END_ROUND' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NEXT' });
    expect(value()).toBe('podium');
  });

  it('skipping every round of a game ends it without a podium', () => {
    answeringRound({ rounds: 1 });
    actor.send({ type: 'SKIP' });
    expect(value()).toBe('ended');
  });

  it('END mid-round goes to the podium once a round was scored', () => {
    answeringRound();
    actor.send({ type: 'END_ROUND' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'END' });
    expect(value()).toBe('podium');
    expect(ctx().history.map((r) => r.skipped)).toEqual([false, true]);
  });

  it('END from the reveal and the leaderboard goes to the podium; END on the podium ends the room', () => {
    answeringRound();
    actor.send({ type: 'END_ROUND' });
    actor.send({ type: 'END' });
    expect(value()).toBe('podium');
    expectRefused({ type: 'JOIN', playerId: 'dee', token: 'td', nickname: 'Dee' });
    expectRefused({ type: 'START' });
    actor.send({ type: 'END' });
    expect(value()).toBe('ended');
    // A finished actor takes no events at all (the edge checks `status` before `can`).
    const done = actor.getSnapshot();
    expect(done.status).toBe('done');
    actor.send({ type: 'LOCK', locked: true });
    expect(actor.getSnapshot()).toBe(done);
    answeringRound();
    actor.send({ type: 'END_ROUND' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'END' });
    expect(value()).toBe('podium');
  });

  it('SKIP while paused deals the next round, unpaused and with a fresh countdown', () => {
    answeringRound();
    actor.send({ type: 'PAUSE' });
    actor.send({ type: 'SKIP' });
    expect(value()).toEqual({ round: 'countdown' });
    expect(ctx().round).toMatchObject({ number: 2, pausedFrom: null, countdownEndsAt: Date.now() + COUNTDOWN });
    vi.advanceTimersByTime(COUNTDOWN);
    expect(value()).toEqual({ round: 'answering' });
  });

  it('caps the rounds at the number of matching snippets', () => {
    startRoom({ rounds: 10 }, [fakeEntry('only', ['x', 'y'])]);
    join('Ada');
    actor.send({ type: 'START' });
    expect(ctx().rounds).toHaveLength(1);
  });
});

describe('kick, lock and late join', () => {
  it('KICK removes the player and remembers the token; the round closes if the rest answered', () => {
    answeringRound();
    actor.send({ type: 'ANSWER', playerId: 'ada', order: trueIds() });
    actor.send({ type: 'ANSWER', playerId: 'bob', order: trueIds() });
    actor.send({ type: 'KICK', playerId: 'cy' });
    expect(ctx().players.cy).toBeUndefined();
    expect(ctx().kickedTokens).toEqual(['token-cy']);
    expect(value()).toBe('reveal');
    expect(Object.keys(ctx().round!.results!)).toEqual(['ada', 'bob']);
    expectRefused({ type: 'REJOIN', playerId: 'cy' });
  });

  it('late join on: a player joining mid-answering gets a hand of their own', () => {
    answeringRound();
    join('Dee');
    expect([...handOf('dee')].sort()).toEqual([...trueIds()].sort());
    expect(ctx().players.dee.joinedInRound).toBe(1);
    actor.send({ type: 'ANSWER', playerId: 'dee', order: trueIds() });
    expect(ctx().round!.answers.dee).toBeDefined();
  });

  it('late join off: refused once the game started, in every phase', () => {
    answeringRound({ allowLateJoin: false });
    expectRefused({ type: 'JOIN', playerId: 'dee', token: 'td', nickname: 'Dee' });
    actor.send({ type: 'END_ROUND' });
    expectRefused({ type: 'JOIN', playerId: 'dee', token: 'td', nickname: 'Dee' });
  });

  it('LOCK refuses new players mid-game even with late join on', () => {
    answeringRound();
    actor.send({ type: 'LOCK', locked: true });
    expectRefused({ type: 'JOIN', playerId: 'dee', token: 'td', nickname: 'Dee' });
  });
});

describe('views', () => {
  it('never show the true order before the reveal, and each player sees only their own hand', () => {
    answeringRound();
    const now = Date.now();
    const truthTexts = ctx().round!.cards.map((c) => c.text);
    for (const id of ['ada', 'bob', 'cy']) {
      const view = playerView(actor.getSnapshot(), id, now)!;
      const json = JSON.stringify(view);
      expect(json).not.toContain('TRACE-SENTINEL');
      expect(json).not.toContain('trueOrder');
      expect(json).not.toContain('token-');
      expect(view.hand.map((c) => c.id)).toEqual(handOf(id));
      expect([...view.hand.map((c) => c.text)].sort()).toEqual([...truthTexts].sort());
      expect(view.reveal).toBeNull();
    }
    const host = JSON.stringify(hostView(actor.getSnapshot(), now));
    expect(host).not.toContain('TRACE-SENTINEL');
    expect(host).not.toContain('token-');
    expect(host).not.toContain('"hand"');
    actor.send({ type: 'END_ROUND' });
    const revealed = playerView(actor.getSnapshot(), 'ada', Date.now())!;
    expect(revealed.reveal!.trueOrder.map((c) => c.text)).toEqual(truthTexts);
    expect(revealed.reveal!.trace[0].text).toContain('TRACE-SENTINEL');
  });

  it('a paused round shows no deadline but the time left', () => {
    answeringRound();
    vi.advanceTimersByTime(2500);
    actor.send({ type: 'PAUSE' });
    const view = playerView(actor.getSnapshot(), 'ada', Date.now())!;
    expect(view).toMatchObject({ phase: 'answering', paused: true });
    expect(view.round).toMatchObject({ endsAt: null, remainingMs: 7500, limitSeconds: 10 });
  });
});
