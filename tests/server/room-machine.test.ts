// Room machine tests: every transition of the room, driven with createActor and fake timers (the
// machine's deadlines are `after` delays), plus the rule that a refused event changes nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, type Actor } from 'xstate';
import { allowedControls, commandTarget, createRoomMachine, refusal, type RoomMachine } from '../../server/room-machine.ts';
import type { HostEvent, RoomEvent } from '../../server/room-types.ts';
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

/** A host command aimed at where the room is now (what the host screen would send). */
const aimed = (type: HostEvent['type']): RoomEvent => ({ type, ...commandTarget(actor.getSnapshot()) }) as RoomEvent;
/** Sends a host command aimed at where the room is now. */
const host = (type: HostEvent['type']) => actor.send(aimed(type));

/** Expects `event` to be refused: the snapshot object stays the very same. */
function expectRefused(event: RoomEvent) {
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
  host('START');
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
    expectRefused(aimed('START'));
    for (const type of ['PAUSE', 'RESUME', 'END_ROUND', 'SKIP', 'NEXT'] as const) expectRefused(aimed(type));
    expectRefused({ type: 'ANSWER', playerId: 'nobody', order: [] });
    expectRefused({ type: 'KICK', playerId: 'nobody' });
  });

  it('END in the lobby ends the room', () => {
    startRoom();
    host('END');
    expect(value()).toBe('ended');
    expect(actor.getSnapshot().status).toBe('done');
  });
});

describe('a round', () => {
  it('START deals the first snippet to everyone, counts down, then opens answering with a deadline', () => {
    startRoom();
    join('Ada');
    join('Bob');
    host('START');
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
    host('START');
    expectRefused(aimed('END_ROUND'));
    vi.advanceTimersByTime(COUNTDOWN);
    host('END_ROUND');
    expect(value()).toBe('reveal');
  });
});

describe('pause', () => {
  it('freezes the answering deadline and restores the time that was left', () => {
    answeringRound();
    vi.advanceTimersByTime(4000);
    host('PAUSE');
    expect(value()).toEqual({ round: 'paused' });
    expect(ctx().round!.pausedRemainingMs).toBe(6000);
    expectRefused(aimed('PAUSE'));
    vi.advanceTimersByTime(60_000);
    expect(value()).toEqual({ round: 'paused' });
    host('RESUME');
    expect(value()).toEqual({ round: 'answering' });
    expectRefused(aimed('RESUME'));
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
    host('START');
    vi.advanceTimersByTime(1000);
    host('PAUSE');
    expect(ctx().round).toMatchObject({ pausedFrom: 'countdown', pausedRemainingMs: 2000 });
    expect(hostView(actor.getSnapshot(), Date.now())).toMatchObject({ phase: 'countdown', paused: true });
    vi.advanceTimersByTime(30_000);
    host('RESUME');
    expect(value()).toEqual({ round: 'countdown' });
    vi.advanceTimersByTime(1999);
    expect(value()).toEqual({ round: 'countdown' });
    vi.advanceTimersByTime(1);
    expect(value()).toEqual({ round: 'answering' });
    host('PAUSE');
    host('END_ROUND');
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
    host('END_ROUND');
    expect(ctx().players.bob.score).toBe(950);
    expect(ctx().players.ada.score).toBe(750);
    expectRefused(aimed('START'));
    host('NEXT');
    expect(value()).toBe('leaderboard');
    host('NEXT');
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
    host('NEXT');
    host('NEXT');
    vi.advanceTimersByTime(COUNTDOWN);
    host('END_ROUND');
    host('NEXT');
    expect(value()).toBe('leaderboard');
    host('NEXT');
    expect(value()).toBe('podium'); // three rounds played
    expect(ctx().history.map((r) => [r.number, r.skipped])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    host('NEXT');
    expect(value()).toBe('ended');
  });

  it('SKIP abandons a round unscored and deals the next; skipping the last goes to the podium', () => {
    answeringRound({ rounds: 2 });
    actor.send({ type: 'ANSWER', playerId: 'ada', order: trueIds() });
    host('SKIP');
    expect(value()).toEqual({ round: 'countdown' });
    expect(ctx().round!.number).toBe(2);
    expect(ctx().players.ada.score).toBe(0);
    expect(ctx().history).toMatchObject([{ number: 1, skipped: true, results: [] }]);
    vi.advanceTimersByTime(COUNTDOWN);
    host('END_ROUND');
    host('NEXT');
    host('NEXT');
    expect(value()).toBe('podium');
  });

  it('skipping every round of a game ends it without a podium', () => {
    answeringRound({ rounds: 1 });
    host('SKIP');
    expect(value()).toBe('ended');
  });

  it('END mid-round goes to the podium once a round was scored', () => {
    answeringRound();
    host('END_ROUND');
    host('NEXT');
    host('NEXT');
    host('END');
    expect(value()).toBe('podium');
    expect(ctx().history.map((r) => r.skipped)).toEqual([false, true]);
  });

  it('END from the reveal and the leaderboard goes to the podium; END on the podium ends the room', () => {
    answeringRound();
    host('END_ROUND');
    host('END');
    expect(value()).toBe('podium');
    expectRefused({ type: 'JOIN', playerId: 'dee', token: 'td', nickname: 'Dee' });
    expectRefused(aimed('START'));
    host('END');
    expect(value()).toBe('ended');
    // A finished actor takes no events at all (the edge checks `status` before `can`).
    const done = actor.getSnapshot();
    expect(done.status).toBe('done');
    actor.send({ type: 'LOCK', locked: true });
    expect(actor.getSnapshot()).toBe(done);
    answeringRound();
    host('END_ROUND');
    host('NEXT');
    host('END');
    expect(value()).toBe('podium');
  });

  it('SKIP while paused deals the next round, unpaused and with a fresh countdown', () => {
    answeringRound();
    host('PAUSE');
    host('SKIP');
    expect(value()).toEqual({ round: 'countdown' });
    expect(ctx().round).toMatchObject({ number: 2, pausedFrom: null, countdownEndsAt: Date.now() + COUNTDOWN });
    vi.advanceTimersByTime(COUNTDOWN);
    expect(value()).toEqual({ round: 'answering' });
  });

  it('caps the rounds at the number of matching snippets', () => {
    startRoom({ rounds: 10 }, [fakeEntry('only', ['x', 'y'])]);
    join('Ada');
    host('START');
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
    host('END_ROUND');
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
    const hostJson = JSON.stringify(hostView(actor.getSnapshot(), now));
    expect(hostJson).not.toContain('TRACE-SENTINEL');
    expect(hostJson).not.toContain('token-');
    expect(hostJson).not.toContain('"hand"');
    host('END_ROUND');
    const revealed = playerView(actor.getSnapshot(), 'ada', Date.now())!;
    expect(revealed.reveal!.trueOrder.map((c) => c.text)).toEqual(truthTexts);
    expect(revealed.reveal!.trace[0].text).toContain('TRACE-SENTINEL');
  });

  it('a paused round shows no deadline but the time left', () => {
    answeringRound();
    vi.advanceTimersByTime(2500);
    host('PAUSE');
    const view = playerView(actor.getSnapshot(), 'ada', Date.now())!;
    expect(view).toMatchObject({ phase: 'answering', paused: true });
    expect(view.round).toMatchObject({ endsAt: null, remainingMs: 7500, limitSeconds: 10 });
  });
});

describe('host commands name their round and phase (issue 8, bug 1)', () => {
  it('a double START is refused: round 1 is not skipped', () => {
    startRoom();
    join('Ada');
    const click = aimed('START');
    actor.send(click);
    expect(value()).toEqual({ round: 'countdown' });
    const before = actor.getSnapshot();
    expect(refusal(before, click)).toMatchObject({ code: 'INVALID_STATE' });
    actor.send(click);
    expect(actor.getSnapshot()).toBe(before);
    expect(ctx().round!.number).toBe(1);
  });

  it('a SKIP aimed at the lobby (a double click landing on Skip) is refused in round 1', () => {
    startRoom();
    join('Ada');
    const lobbyTarget = commandTarget(actor.getSnapshot());
    host('START');
    expectRefused({ type: 'SKIP', ...lobbyTarget });
    expect(refusal(actor.getSnapshot(), { type: 'SKIP', ...lobbyTarget })!.message).toMatch(/meant for lobby.*round 1 \(countdown\)/);
  });

  it('a double NEXT on the reveal stays on the leaderboard; a double NEXT on the leaderboard leaves the countdown running', () => {
    answeringRound();
    host('END_ROUND');
    const showLeaderboard = aimed('NEXT');
    actor.send(showLeaderboard);
    expect(value()).toBe('leaderboard');
    expectRefused(showLeaderboard);
    expect(refusal(actor.getSnapshot(), showLeaderboard)).toEqual({
      code: 'INVALID_STATE',
      message: 'This command was meant for round 1 (reveal), but the room is now at round 1 (leaderboard): nothing was done.',
    });
    const nextRound = aimed('NEXT');
    actor.send(nextRound);
    expect(value()).toEqual({ round: 'countdown' });
    expectRefused(nextRound);
    // A Pause aimed at the leaderboard (the button under the cursor changed) does not pause the countdown.
    expectRefused({ type: 'PAUSE', round: 1, phase: 'leaderboard' });
    vi.advanceTimersByTime(COUNTDOWN);
    expect(value()).toEqual({ round: 'answering' });
    expect(ctx().round!.number).toBe(2);
  });

  it('a stale PAUSE aimed at the countdown is refused once answering opened; RESUME names the paused phase', () => {
    answeringRound();
    expectRefused({ type: 'PAUSE', round: 1, phase: 'countdown' });
    host('PAUSE');
    expect(commandTarget(actor.getSnapshot())).toEqual({ round: 1, phase: 'answering' });
    expectRefused({ type: 'RESUME', round: 1, phase: 'countdown' });
    expectRefused({ type: 'RESUME', round: 2, phase: 'answering' });
    actor.send({ type: 'RESUME', round: 1, phase: 'answering' });
    expect(value()).toEqual({ round: 'answering' });
  });
});

describe('the machine is the only authority (refusal reasons and allowed commands)', () => {
  it('refusal() reads its reasons from the guards and the states', () => {
    answeringRound({ allowLateJoin: false });
    const snap = () => actor.getSnapshot();
    expect(refusal(snap(), { type: 'JOIN', playerId: 'dee', token: 'td', nickname: 'Dee' })).toMatchObject({ code: 'LATE_JOIN_CLOSED' });
    expect(refusal(snap(), { type: 'ANSWER', playerId: 'ada', order: ['x'] })).toMatchObject({ code: 'INVALID_ORDER' });
    expect(refusal(snap(), { type: 'ANSWER', playerId: 'zed', order: trueIds() })).toMatchObject({ code: 'NOT_PLAYER' });
    expect(refusal(snap(), aimed('NEXT'))).toEqual({ code: 'INVALID_STATE', message: 'The round is still running: end it early or wait for the deadline.' });
    expect(refusal(snap(), aimed('RESUME'))).toEqual({ code: 'INVALID_STATE', message: 'The game is not paused.' });
    expect(refusal(snap(), { type: 'KICK', playerId: 'zed' })).toMatchObject({ code: 'NOT_PLAYER' });
    expect(refusal(snap(), aimed('PAUSE'))).toBeNull();
    host('PAUSE');
    expect(refusal(snap(), aimed('PAUSE'))).toEqual({ code: 'INVALID_STATE', message: 'The game is already paused.' });
    startRoom();
    join('Ada');
    host('START');
    expect(refusal(snap(), { type: 'ANSWER', playerId: 'ada', order: trueIds() })).toEqual({ code: 'ROUND_CLOSED', message: 'Answering has not opened yet.' });
    expect(refusal(snap(), aimed('END_ROUND'))).toMatchObject({ message: 'Answering has not opened yet.' });
    startRoom();
    expect(refusal(snap(), aimed('START'))).toMatchObject({ code: 'INVALID_STATE', message: expect.stringMatching(/at least one player/) });
    expect(refusal(snap(), aimed('NEXT'))).toMatchObject({ message: 'Start the game first.' });
  });

  it('allowedCommands lists exactly the host controls the machine accepts, in every phase', () => {
    const commands = ['START', 'PAUSE', 'RESUME', 'END_ROUND', 'SKIP', 'NEXT', 'END'] as const;
    const names = { START: 'game:start', PAUSE: 'game:pause', RESUME: 'game:resume', END_ROUND: 'round:end', SKIP: 'round:skip', NEXT: 'game:next', END: 'game:end' } as const;
    const seen: string[][] = [];
    const check = () => {
      const snapshot = actor.getSnapshot();
      const allowed = allowedControls(snapshot);
      for (const type of commands) expect(allowed.includes(names[type]), `${type} in ${JSON.stringify(snapshot.value)}`).toBe(refusal(snapshot, aimed(type)) === null);
      expect(hostView(snapshot, Date.now()).allowedCommands).toEqual(allowed);
      seen.push(allowed);
    };
    startRoom({ rounds: 2 });
    check();
    expect(seen[0]).toEqual(['game:end', 'room:lock']); // nobody to start with or kick
    join('Ada');
    check();
    expect(seen[1]).toEqual(['game:start', 'game:end', 'player:kick', 'room:lock']);
    host('START');
    check();
    expect(seen[2]).toEqual(['game:pause', 'round:skip', 'game:end', 'player:kick', 'room:lock']);
    vi.advanceTimersByTime(COUNTDOWN);
    check();
    expect(seen[3]).toEqual(['game:pause', 'round:end', 'round:skip', 'game:end', 'player:kick', 'room:lock']);
    host('PAUSE');
    check();
    expect(seen[4]).toEqual(['game:resume', 'round:end', 'round:skip', 'game:end', 'player:kick', 'room:lock']);
    host('END_ROUND');
    check();
    expect(seen[5]).toEqual(['game:next', 'game:end', 'player:kick', 'room:lock']);
    host('NEXT');
    check();
    host('NEXT');
    vi.advanceTimersByTime(COUNTDOWN);
    host('END_ROUND');
    host('NEXT');
    host('NEXT');
    expect(value()).toBe('podium');
    check();
    expect(seen.at(-1)).toEqual(['game:next', 'game:end', 'player:kick', 'room:lock']);
    host('END');
    check();
    expect(seen.at(-1)).toEqual([]);
  });
});

describe('an answer made while paused is kept (issue 8, bug 3)', () => {
  it('is accepted while paused, timed as of the pause, and scored after End round now', () => {
    answeringRound();
    vi.advanceTimersByTime(3000);
    host('PAUSE');
    vi.advanceTimersByTime(20_000); // the class discusses; the paused time must not count
    actor.send({ type: 'ANSWER', playerId: 'ada', order: trueIds() });
    expect(ctx().round!.answers.ada).toEqual({ order: trueIds(), ms: 3000 });
    expect(value()).toEqual({ round: 'paused' });
    host('END_ROUND');
    expect(ctx().round!.results!.ada).toMatchObject({ submitted: trueIds(), fullyRight: true, seconds: 3, points: 850 });
  });

  it('is still refused during a countdown pause (answering never opened), and a second answer stays refused', () => {
    startRoom();
    join('Ada');
    host('START');
    host('PAUSE');
    const answer = { type: 'ANSWER' as const, playerId: 'ada', order: trueIds() };
    expect(refusal(actor.getSnapshot(), answer)).toEqual({ code: 'ROUND_CLOSED', message: 'Answering has not opened yet.' });
    host('RESUME');
    vi.advanceTimersByTime(COUNTDOWN);
    join('Bob');
    host('PAUSE');
    actor.send(answer);
    expect(refusal(actor.getSnapshot(), answer)).toMatchObject({ code: 'ALREADY_ANSWERED' });
  });

  it('when everyone answered during the pause, the round closes on resume', () => {
    answeringRound();
    host('PAUSE');
    for (const id of ['ada', 'bob', 'cy']) actor.send({ type: 'ANSWER', playerId: id, order: trueIds() });
    expect(value()).toEqual({ round: 'paused' });
    host('RESUME');
    expect(value()).toBe('reveal');
  });
});

describe('the reveal: verdicts, distribution over everyone, teaching data (issue 8, bugs 6 and 9)', () => {
  it('percentages count every player of the round, answered or not', () => {
    answeringRound();
    actor.send({ type: 'ANSWER', playerId: 'ada', order: trueIds() });
    host('END_ROUND');
    const d = hostView(actor.getSnapshot(), Date.now()).reveal!.distribution;
    expect(d).toMatchObject({ players: 3, answered: 1, noAnswer: 2, fullyRight: 1, percentFullyRight: 33 });
    expect(d.perCard.map((c) => [c.right, c.noAnswer, c.percentRight])).toEqual(trueIds().map(() => [1, 2, 33]));
  });

  it('each card has its verdict by true position, for the player who answered and the one who did not', () => {
    answeringRound();
    const [a, b, c, d] = trueIds();
    actor.send({ type: 'ANSWER', playerId: 'ada', order: [b, a, c, d] });
    host('END_ROUND');
    const result = ctx().round!.results!.ada;
    expect(result.verdicts.map((v) => [v.cardId, v.truePosition, v.placedAt, v.inPlace])).toEqual([
      [a, 0, 1, false],
      [b, 1, 0, false],
      [c, 2, 2, true],
      [d, 3, 3, true],
    ]);
    expect(result.verdicts.filter((v) => v.inOrder)).toHaveLength(3); // one of a/b is the card to move
    expect(result.cardsInOrder).toBe(3);
    const silent = playerView(actor.getSnapshot(), 'bob', Date.now())!.reveal!.result;
    expect(silent.verdicts.map((v) => [v.truePosition, v.placedAt, v.inPlace, v.inOrder])).toEqual([0, 1, 2, 3].map((i) => [i, null, false, false]));
  });

  it('lists the most common wrong orders with counts, and the card most often out of order', () => {
    startRoom();
    for (const name of ['Ada', 'Bob', 'Cy', 'Dee', 'Eve']) join(name);
    host('START');
    vi.advanceTimersByTime(COUNTDOWN);
    const [a, b, c, d] = trueIds();
    actor.send({ type: 'ANSWER', playerId: 'ada', order: [a, b, d, c] });
    actor.send({ type: 'ANSWER', playerId: 'bob', order: [a, b, d, c] });
    actor.send({ type: 'ANSWER', playerId: 'cy', order: [b, a, c, d] });
    actor.send({ type: 'ANSWER', playerId: 'dee', order: [a, b, c, d] });
    host('END_ROUND');
    const dist = ctx().round!.distribution!;
    expect(dist.commonWrongOrders).toEqual([
      { order: [a, b, d, c], count: 2, percent: 40 },
      { order: [b, a, c, d], count: 1, percent: 20 },
    ]);
    const misplaced = dist.mostMisplaced!;
    expect(misplaced.count).toBe(2);
    expect([c, d]).toContain(misplaced.cardId);
    expect(misplaced.percent).toBe(40);
    // Kept with the round's history for later analysis.
    expect(ctx().history[0].distribution).toEqual(dist);
  });

  it('no wrong order and no misplaced card when everyone is right', () => {
    answeringRound();
    for (const id of ['ada', 'bob', 'cy']) actor.send({ type: 'ANSWER', playerId: id, order: trueIds() });
    expect(ctx().round!.distribution).toMatchObject({ commonWrongOrders: [], mostMisplaced: null, percentFullyRight: 100 });
  });
});

describe('notices, streaks and the recap', () => {
  it('phones get a notice during the round after a skip, and at the podium when a skip ended the game', () => {
    answeringRound({ rounds: 2 });
    expect(playerView(actor.getSnapshot(), 'ada', Date.now())!.notice).toBeNull();
    host('SKIP');
    expect(playerView(actor.getSnapshot(), 'ada', Date.now())!.notice).toEqual({
      kind: 'round-skipped',
      round: 1,
      message: 'The host skipped round 1: it does not count for anyone.',
    });
    expect(hostView(actor.getSnapshot(), Date.now()).notice).toMatchObject({ round: 1 });
    vi.advanceTimersByTime(COUNTDOWN);
    expect(playerView(actor.getSnapshot(), 'ada', Date.now())!.notice).toMatchObject({ round: 1 });
    host('END_ROUND');
    expect(playerView(actor.getSnapshot(), 'ada', Date.now())!.notice).toBeNull();
  });

  it('leaderboard entries carry the current and the best streak; the player view has the recap', () => {
    answeringRound();
    actor.send({ type: 'ANSWER', playerId: 'ada', order: trueIds() });
    host('END_ROUND');
    host('NEXT');
    host('NEXT');
    vi.advanceTimersByTime(COUNTDOWN);
    actor.send({ type: 'ANSWER', playerId: 'ada', order: trueIds() });
    host('END_ROUND');
    let ada = hostView(actor.getSnapshot(), Date.now()).leaderboard.find((e) => e.playerId === 'ada')!;
    expect([ada.streak, ada.bestStreak]).toEqual([2, 2]);
    host('NEXT');
    host('NEXT');
    vi.advanceTimersByTime(COUNTDOWN);
    actor.send({ type: 'ANSWER', playerId: 'ada', order: [...trueIds()].reverse() });
    host('END_ROUND');
    ada = hostView(actor.getSnapshot(), Date.now()).leaderboard.find((e) => e.playerId === 'ada')!;
    expect([ada.streak, ada.bestStreak]).toEqual([0, 2]);
    const you = playerView(actor.getSnapshot(), 'ada', Date.now())!.you;
    expect(you).toMatchObject({ streak: 0, bestStreak: 2, bestRound: { number: 2, points: 1100 } });
    expect(playerView(actor.getSnapshot(), 'bob', Date.now())!.you.bestRound).toEqual({ number: 1, points: 0 });
    expect(playerView(actor.getSnapshot(), 'bob', Date.now())!.playerCount).toBe(3);
  });
});

describe('solo (practice is a one-player room)', () => {
  it('opens answering at once, and NEXT at the reveal deals the next round; the podium ends the run', () => {
    actor = createActor(createRoomMachine(testDeps()), {
      input: { code: 'SOLO01', joinUrl: '', settings: testSettings({ rounds: 2 }), candidates: FAKE_DECK, countdownMs: 0, solo: true },
    }).start();
    join('You', 'me');
    host('START');
    expect(value()).toEqual({ round: 'answering' });
    actor.send({ type: 'ANSWER', playerId: 'me', order: trueIds() });
    expect(value()).toBe('reveal');
    host('NEXT');
    expect(value()).toEqual({ round: 'answering' });
    expect(ctx().round!.number).toBe(2);
    vi.advanceTimersByTime(10_000);
    expect(value()).toBe('reveal');
    host('NEXT');
    expect(value()).toBe('podium');
  });
});
