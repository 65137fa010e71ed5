// Practice machine tests with fake timers: the deadline closes a solo round without an answer, an
// answer closes it at once, and the run ends with a summary after the last round.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { createPracticeMachine, practiceView } from '../../server/practice-machine.ts';
import { FAKE_DECK, testDeps } from './helpers.ts';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2030-01-01T09:00:00Z'));
});
afterEach(() => vi.useRealTimers());

function run() {
  return createActor(createPracticeMachine(testDeps(3)), {
    input: { id: 'p1', settings: { difficulties: [], topics: [], rounds: 2 }, rounds: [FAKE_DECK[0], FAKE_DECK[2]] },
  }).start();
}

describe('practice machine', () => {
  it('closes a round at its deadline (30 s for difficulty 1 with 4 cards) and scores no answer as 0', () => {
    const actor = run();
    expect(actor.getSnapshot().value).toBe('answering');
    expect(actor.getSnapshot().context.round!.limitMs).toBe(30_000);
    vi.advanceTimersByTime(29_999);
    expect(actor.getSnapshot().value).toBe('answering');
    vi.advanceTimersByTime(1);
    expect(actor.getSnapshot().value).toBe('reveal');
    expect(actor.getSnapshot().context.round!.result).toMatchObject({ submitted: null, points: 0 });
  });

  it('an answer closes the round at once; a refused answer changes nothing; the run ends in a summary', () => {
    const actor = run();
    const cards = actor.getSnapshot().context.round!.cards;
    const previous = actor.getSnapshot();
    actor.send({ type: 'ANSWER', order: cards.slice(1).map((c) => c.id) });
    expect(actor.getSnapshot()).toBe(previous);
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot()).toBe(previous);
    vi.advanceTimersByTime(6000);
    actor.send({ type: 'ANSWER', order: cards.map((c) => c.id) });
    // 1000 * (1 - 0.5 * 6/30) = 900
    expect(actor.getSnapshot().context).toMatchObject({ score: 900, streak: 1 });
    const atReveal = practiceView(actor.getSnapshot(), Date.now());
    expect(atReveal.reveal!.trueOrder.map((c) => c.text)).toEqual(FAKE_DECK[0].cards.map((c) => c.text));
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.round!.number).toBe(2);
    const answering = practiceView(actor.getSnapshot(), Date.now());
    expect(answering.reveal).toBeNull();
    expect(JSON.stringify(answering)).not.toContain('TRACE-SENTINEL');
    vi.advanceTimersByTime(60_000); // difficulty 2 with 5 cards: 45 s
    expect(actor.getSnapshot().value).toBe('reveal');
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(practiceView(actor.getSnapshot(), Date.now()).summary).toEqual({ rounds: 2, fullyRight: 1, score: 900, cardsRight: 4, cardsTotal: 9 });
  });
});
