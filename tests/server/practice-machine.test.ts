// Practice as a one-player room, with fake timers: the deadline closes a solo round without an answer
// (and the view moves on by itself), an answer closes it at once, a late answer gets a clear refusal,
// and the run ends with a summary after the last round. Same events and scoring as a live room.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, type Actor } from 'xstate';
import {
  answerPractice,
  beginPractice,
  createPracticeMachine,
  nextPractice,
  practiceInput,
  practiceView,
  PRACTICE_PLAYER,
  type PracticeMachine,
} from '../../server/practice-machine.ts';
import type { PracticeView } from '../../shared/protocol.ts';
import { FAKE_DECK, testDeps } from './helpers.ts';

let actor: Actor<PracticeMachine>;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2030-01-01T09:00:00Z'));
});
afterEach(() => {
  actor?.stop();
  vi.useRealTimers();
});

/** A run over alpha (difficulty 1, 4 cards: 30 s) then gamma (difficulty 2, 5 cards: 45 s), recording every pushed view. */
function run() {
  actor = createActor(createPracticeMachine(testDeps(3)), {
    input: practiceInput({ id: 'p1', settings: { difficulties: [], topics: [], rounds: 2 }, rounds: [FAKE_DECK[0], FAKE_DECK[2]] }),
  });
  const pushed: PracticeView[] = [];
  actor.subscribe((snapshot) => pushed.push(practiceView(snapshot, Date.now())));
  actor.start();
  beginPractice(actor);
  return pushed;
}

const ctx = () => actor.getSnapshot().context;
const trueIds = () => ctx().round!.cards.map((c) => c.id);

describe('practice (a solo room)', () => {
  it('closes a round at its deadline, scores no answer as 0, and pushes the reveal view by itself (bug 4)', () => {
    const pushed = run();
    expect(practiceView(actor.getSnapshot(), Date.now())).toMatchObject({ phase: 'answering', round: { number: 1, total: 2, limitSeconds: 30 } });
    vi.advanceTimersByTime(29_999);
    expect(pushed.at(-1)!.phase).toBe('answering');
    vi.advanceTimersByTime(1);
    const last = pushed.at(-1)!;
    expect(last.phase).toBe('reveal');
    expect(last.reveal!.result).toMatchObject({ submitted: null, points: 0 });
    // The auto-submit arriving just after the deadline gets a clear refusal, not a silent drop.
    expect(answerPractice(actor, trueIds())).toEqual({
      code: 'ROUND_CLOSED',
      message: expect.stringMatching(/^Time ran out/),
    });
    expect(practiceView(actor.getSnapshot(), Date.now()).phase).toBe('reveal');
  });

  it('an answer closes the round at once; refused events change nothing; the run ends in a summary', () => {
    run();
    const ids = trueIds();
    const previous = actor.getSnapshot();
    expect(answerPractice(actor, ids.slice(1))).toMatchObject({ code: 'INVALID_ORDER' });
    expect(nextPractice(actor)).toEqual({ code: 'INVALID_STATE', message: 'Answer this round first.' });
    expect(actor.getSnapshot()).toBe(previous);
    vi.advanceTimersByTime(6000);
    expect(answerPractice(actor, ids)).toBeNull();
    // 1000 * (1 - 0.5 * 6/30) = 900
    const atReveal = practiceView(actor.getSnapshot(), Date.now());
    expect(atReveal).toMatchObject({ phase: 'reveal', score: 900, streak: 1 });
    expect(atReveal.reveal!.trueOrder.map((c) => c.text)).toEqual(FAKE_DECK[0].cards.map((c) => c.text));
    expect(atReveal.reveal!.result.verdicts.every((v) => v.inPlace && v.inOrder)).toBe(true);
    expect(nextPractice(actor)).toBeNull();
    expect(ctx().round!.number).toBe(2);
    const answering = practiceView(actor.getSnapshot(), Date.now());
    expect(answering).toMatchObject({ phase: 'answering', reveal: null });
    expect(JSON.stringify(answering)).not.toContain('TRACE-SENTINEL');
    vi.advanceTimersByTime(45_000); // difficulty 2 with 5 cards: 45 s
    expect(practiceView(actor.getSnapshot(), Date.now()).phase).toBe('reveal');
    expect(nextPractice(actor)).toBeNull();
    const summary = practiceView(actor.getSnapshot(), Date.now());
    expect(summary).toMatchObject({ phase: 'summary', round: null, hand: [] });
    expect(summary.summary).toEqual({ rounds: 2, fullyRight: 1, score: 900, cardsRight: 4, cardsTotal: 9 });
  });

  it('goes through the room machine: the student is the only player and the events are the room events', () => {
    run();
    expect(Object.keys(ctx().players)).toEqual([PRACTICE_PLAYER]);
    expect(ctx().solo).toBe(true);
    expect(actor.getSnapshot().value).toEqual({ round: 'answering' });
  });
});
