// Solo practice as a one-player room: the same room machine (server/room-machine.ts) in solo mode, so
// practice deals, records, scores and projects rounds exactly as a live room does, through the same
// events (JOIN, START, ANSWER, NEXT with its round and phase) and the same refusals. Solo mode opens
// answering at once (no countdown), passes the leaderboard step, and its podium is the run's summary.
//
//   start: JOIN (the student) + START --> answering --ANSWER | deadline--> reveal --NEXT--> answering | summary
import type { Actor } from 'xstate';
import type { PracticeSettings, PracticeView } from '../shared/protocol.ts';
import type { DeckEntry } from './deck.ts';
import type { Deps } from './deps.ts';
import { commandTarget, createRoomMachine, phaseOf, refusal, type RoomMachine, type RoomSnapshot } from './room-machine.ts';
import type { RoomEvent, RoomInput } from './room-types.ts';
import { reject, type Rejection } from './rules.ts';
import { roomViews } from './views.ts';

/** The student's player id inside their practice room. */
export const PRACTICE_PLAYER = 'you';

export interface PracticeInput {
  id: string;
  settings: PracticeSettings;
  /** The run's snippets (picked by the registry). */
  rounds: DeckEntry[];
}

/** Practice uses the room machine itself. */
export function createPracticeMachine(deps: Deps): RoomMachine {
  return createRoomMachine(deps);
}

export type PracticeMachine = RoomMachine;
export type PracticeSnapshot = RoomSnapshot;

/** The room input of a practice run: one player, time by difficulty, speed bonus on, no countdown. */
export function practiceInput({ id, settings, rounds }: PracticeInput): RoomInput {
  return {
    code: id,
    joinUrl: '',
    settings: {
      topics: settings.topics,
      difficulties: settings.difficulties,
      rounds: rounds.length,
      secondsPerRound: null,
      speedBonus: true,
      allowLateJoin: false,
      maxPlayers: 1,
    },
    candidates: rounds,
    countdownMs: 0,
    solo: true,
  };
}

/** Sends `event` if the room accepts it, else says why (and changes nothing). */
function sendIfAllowed(actor: Actor<RoomMachine>, event: RoomEvent): Rejection | null {
  const rejection = refusal(actor.getSnapshot(), event);
  if (!rejection) actor.send(event);
  return rejection;
}

/** Seats the student and deals the first round (call once, right after starting the actor). */
export function beginPractice(actor: Actor<RoomMachine>): void {
  actor.send({ type: 'JOIN', playerId: PRACTICE_PLAYER, token: `practice-${actor.getSnapshot().context.code}`, nickname: 'You' });
  actor.send({ type: 'START', ...commandTarget(actor.getSnapshot()) });
}

/**
 * The student's answer. An answer that arrives after the deadline (the round already closed and
 * revealed) is refused with ROUND_CLOSED and a clear sentence; the caller should push the view again.
 */
export function answerPractice(actor: Actor<RoomMachine>, order: string[]): Rejection | null {
  const rejection = sendIfAllowed(actor, { type: 'ANSWER', playerId: PRACTICE_PLAYER, order });
  if (rejection?.code === 'ROUND_CLOSED' && phaseOf(actor.getSnapshot()) === 'reveal') {
    return reject('ROUND_CLOSED', 'Time ran out: the round closed at its deadline before this answer arrived, so it was not counted. Here is the reveal.');
  }
  return rejection;
}

/** On to the next round (or the summary after the last one). */
export function nextPractice(actor: Actor<RoomMachine>): Rejection | null {
  const snapshot = actor.getSnapshot();
  if (phaseOf(snapshot) === 'answering') return reject('INVALID_STATE', 'Answer this round first.');
  return sendIfAllowed(actor, { type: 'NEXT', ...commandTarget(snapshot) });
}

/** What the practising student sees: their player view of the room, in practice terms. */
export function practiceView(snapshot: PracticeSnapshot, now: number): PracticeView {
  const ctx = snapshot.context;
  const roomPhase = phaseOf(snapshot);
  const phase = roomPhase === 'reveal' ? 'reveal' : roomPhase === 'podium' || roomPhase === 'ended' ? 'summary' : 'answering';
  const me = roomViews(snapshot, now).player(PRACTICE_PLAYER);
  const scored = ctx.history.filter((r) => !r.skipped).flatMap((r) => r.results.filter((x) => x.playerId === PRACTICE_PLAYER));
  return {
    role: 'practice',
    id: ctx.code,
    phase,
    round: phase === 'summary' ? null : (me?.round ?? null),
    hand: phase === 'summary' ? [] : (me?.hand ?? []),
    reveal: phase === 'reveal' ? (me?.reveal ?? null) : null,
    score: me?.you.score ?? 0,
    streak: me?.you.streak ?? 0,
    summary:
      phase === 'summary'
        ? {
            rounds: scored.length,
            fullyRight: scored.filter((r) => r.fullyRight).length,
            score: me?.you.score ?? 0,
            // The measure behind the points: cards in the right order (see RoundResult.cardsInOrder).
            cardsRight: scored.reduce((n, r) => n + r.cardsInOrder, 0),
            cardsTotal: ctx.history.filter((r) => !r.skipped).reduce((n, r) => n + r.cards.length, 0),
          }
        : null,
  };
}
