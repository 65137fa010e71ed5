// Solo practice: a student plays timed rounds alone, with the same dealing and scoring as a live room
// but no host: answering closes on the answer or at the deadline (a machine delay), the reveal waits
// for NEXT, and after the last round the run ends with a summary.
//
//   answering --ANSWER | deadline--> reveal --NEXT--> answering (next snippet) | summary
import { assertEvent, assign, setup } from 'xstate';
import type { HandCard, PracticeSettings, PracticeView, RoundResult } from '../shared/protocol.ts';
import type { DeckEntry } from './deck.ts';
import type { Deps } from './deps.ts';
import { dealCards, dealHand, handCards, isPermutation, roundSeconds, scoreAnswer, type Answer, type RoundCard } from './round.ts';
import type { SnapshotFrom } from 'xstate';

export interface PracticeInput {
  id: string;
  settings: PracticeSettings;
  /** The run's snippets, in the order they are dealt. */
  rounds: DeckEntry[];
}

interface PracticeRound {
  number: number;
  entry: DeckEntry;
  cards: RoundCard[];
  hand: string[];
  limitMs: number;
  deadlineAt: number;
  answer: Answer | null;
  result: RoundResult | null;
}

export interface PracticeContext {
  id: string;
  settings: PracticeSettings;
  rounds: DeckEntry[];
  round: PracticeRound | null;
  score: number;
  streak: number;
  results: RoundResult[];
  cardsTotal: number;
}

export type PracticeEvent = { type: 'ANSWER'; order: string[] } | { type: 'NEXT' };

/** Builds the practice machine around the given clock and randomness. */
export function createPracticeMachine(deps: Deps) {
  return setup({
    types: { context: {} as PracticeContext, events: {} as PracticeEvent, input: {} as PracticeInput },
    guards: {
      validAnswer: ({ context, event }) => event.type === 'ANSWER' && context.round !== null && isPermutation(event.order, context.round.cards),
      hasMoreRounds: ({ context }) => (context.round?.number ?? 0) < context.rounds.length,
    },
    delays: {
      answerDeadline: ({ context }) => Math.max(0, (context.round?.deadlineAt ?? 0) - deps.now()),
    },
    actions: {
      dealRound: assign(({ context }) => {
        const number = (context.round?.number ?? 0) + 1;
        const entry = context.rounds[number - 1];
        const cards = dealCards(entry, deps);
        const limitMs = roundSeconds(entry, null) * 1000;
        return {
          round: { number, entry, cards, hand: dealHand(cards, deps), limitMs, deadlineAt: deps.now() + limitMs, answer: null, result: null },
        };
      }),
      recordAnswer: assign(({ context, event }) => {
        assertEvent(event, 'ANSWER');
        const round = context.round!;
        const ms = Math.min(round.limitMs, Math.max(0, round.limitMs - (round.deadlineAt - deps.now())));
        return { round: { ...round, answer: { order: [...event.order], ms } } };
      }),
      scoreRound: assign(({ context }) => {
        const round = context.round!;
        const result = scoreAnswer(round.cards, round.answer ?? undefined, round.limitMs, true, context.streak);
        return {
          round: { ...round, result },
          score: context.score + result.points,
          streak: result.streak,
          results: [...context.results, result],
          cardsTotal: context.cardsTotal + round.cards.length,
        };
      }),
    },
  }).createMachine({
    id: 'practice',
    context: ({ input }) => ({ id: input.id, settings: input.settings, rounds: input.rounds, round: null, score: 0, streak: 0, results: [], cardsTotal: 0 }),
    initial: 'answering',
    states: {
      answering: {
        entry: 'dealRound',
        after: { answerDeadline: 'reveal' },
        on: { ANSWER: { guard: 'validAnswer', target: 'reveal', actions: 'recordAnswer' } },
      },
      reveal: {
        entry: 'scoreRound',
        on: { NEXT: [{ guard: 'hasMoreRounds', target: 'answering' }, { target: 'summary' }] },
      },
      summary: { type: 'final' },
    },
  });
}

export type PracticeMachine = ReturnType<typeof createPracticeMachine>;
export type PracticeSnapshot = SnapshotFrom<PracticeMachine>;

/** What the practising student sees; the true order only from the reveal on. */
export function practiceView(snapshot: PracticeSnapshot, now: number): PracticeView {
  const ctx = snapshot.context;
  const phase = snapshot.matches('answering') ? 'answering' : snapshot.matches('reveal') ? 'reveal' : 'summary';
  const round = ctx.round;
  const hand: HandCard[] = round && phase !== 'summary' ? handCards(round.hand, round.cards) : [];
  return {
    role: 'practice',
    id: ctx.id,
    phase,
    round:
      round && phase !== 'summary'
        ? {
            number: round.number,
            total: ctx.rounds.length,
            snippet: { ...round.entry.snippet, topics: [...round.entry.snippet.topics] },
            endsAt: phase === 'answering' ? round.deadlineAt : null,
            serverNow: now,
            startsAt: null,
            remainingMs: null,
            limitSeconds: round.limitMs / 1000,
            answeredCount: round.answer ? 1 : 0,
            playerCount: 1,
          }
        : null,
    hand,
    reveal:
      phase === 'reveal' && round?.result
        ? {
            trueOrder: round.cards.map((c) => ({ id: c.id, text: c.text, loc: c.loc })),
            trace: round.entry.trace,
            explanation: round.entry.explanation,
            result: round.result,
          }
        : null,
    score: ctx.score,
    streak: ctx.streak,
    summary:
      phase === 'summary'
        ? {
            rounds: ctx.results.length,
            fullyRight: ctx.results.filter((r) => r.fullyRight).length,
            score: ctx.score,
            cardsRight: ctx.results.reduce((n, r) => n + r.cardsRight, 0),
            cardsTotal: ctx.cardsTotal,
          }
        : null,
  };
}
