// The room machine: one XState v5 actor per live room, the single authority on its game. It knows
// players by id (the socket edge authenticates tokens) and nothing about sockets. Deadlines are machine
// delays read from the context, so pausing (which leaves the timed state) freezes them and resuming
// re-enters with the time that was left. Clock and randomness come from the injected Deps.
//
//   lobby --START--> round[countdown --after--> answering] --deadline | everyone answered | END_ROUND--> reveal
//   reveal --NEXT--> leaderboard --NEXT--> round (next snippet) | podium --NEXT | END--> ended
//   round.countdown | round.answering --PAUSE--> round.paused --RESUME--> where it was, with the time it had
//   round --SKIP--> next round | podium;  any --END--> podium (or ended if nothing was scored)
import { assertEvent, assign, setup } from 'xstate';
import type { RoundDistribution, RoundResult } from '../shared/protocol.ts';
import type { Deps } from './deps.ts';
import { checkNickname, nicknameKey } from './nickname.ts';
import { dealCards, dealHand, pickRounds, roundSeconds, scoreAnswer } from './round.ts';
import { rankStandings } from '../shared/scoring.ts';
import type { PlayerState, RoomContext, RoomEvent, RoomInput, RoundRecord, RoundState } from './room-types.ts';
import { answerProblem, everyoneAnswered, joinProblem, playerProblem, startProblem } from './rules.ts';

export type { RoomContext, RoomEvent, RoomInput } from './room-types.ts';

/** Default "get ready" time before answering opens. */
export const DEFAULT_COUNTDOWN_MS = 3000;

/** Ranks of the players by their current standing. */
function currentRanks(players: Record<string, PlayerState>): Map<string, number> {
  const ranked = rankStandings(
    Object.values(players).map((p) => ({ playerId: p.id, nickname: p.nickname, score: p.score, totalSeconds: p.totalMs / 1000 })),
  );
  return new Map(ranked.map((r) => [r.playerId, r.rank]));
}

function withPlayer(players: Record<string, PlayerState>, id: string, change: Partial<PlayerState>): Record<string, PlayerState> {
  const player = players[id];
  if (!player) return players;
  return { ...players, [id]: { ...player, ...change } };
}

/** The history record of a round, scored or skipped. */
function roundRecord(round: RoundState, skipped: boolean, results: RoundRecord['results']): RoundRecord {
  return {
    number: round.number,
    snippetId: round.entry.snippet.id,
    title: round.entry.snippet.title,
    skipped,
    cards: round.cards.map((c) => ({ id: c.id, text: c.text })),
    limitSeconds: round.limitMs / 1000,
    results,
  };
}

/** Builds the room machine around the given clock and randomness. */
export function createRoomMachine(deps: Deps) {
  return setup({
    types: {
      context: {} as RoomContext,
      events: {} as RoomEvent,
      input: {} as RoomInput,
    },
    guards: {
      canJoin: ({ context, event }) => event.type === 'JOIN' && joinProblem(context, event) === null,
      canLateJoin: ({ context, event }) => context.settings.allowLateJoin && event.type === 'JOIN' && joinProblem(context, event) === null,
      canAnswer: ({ context, event }) => event.type === 'ANSWER' && answerProblem(context, event) === null,
      canStart: ({ context }) => startProblem(context) === null,
      isPlayer: ({ context, event }) => 'playerId' in event && playerProblem(context, event.playerId) === null,
      everyoneAnswered: ({ context }) => everyoneAnswered(context),
      hasMoreRounds: ({ context }) => context.round !== null && context.round.number < context.rounds.length,
      pausedInCountdown: ({ context }) => context.round?.pausedFrom === 'countdown',
      hasScoredRound: ({ context }) => context.history.some((r) => !r.skipped),
    },
    delays: {
      countdown: ({ context }) => Math.max(0, (context.round?.countdownEndsAt ?? 0) - deps.now()),
      answerDeadline: ({ context }) => Math.max(0, (context.round?.deadlineAt ?? 0) - deps.now()),
    },
    actions: {
      addPlayer: assign(({ context, event }) => {
        assertEvent(event, 'JOIN');
        const check = checkNickname(event.nickname);
        const nickname = check.ok ? check.nickname : event.nickname;
        const player: PlayerState = {
          id: event.playerId,
          nickname,
          key: nicknameKey(nickname),
          token: event.token,
          connected: true,
          score: 0,
          streak: 0,
          totalMs: 0,
          lastPoints: 0,
          previousRank: null,
          ranked: false,
          joinedInRound: context.round?.number ?? 0,
        };
        return { players: { ...context.players, [player.id]: player } };
      }),
      dealLateHand: assign(({ context, event }) => {
        assertEvent(event, 'JOIN');
        const round = context.round;
        if (!round) return {};
        return { round: { ...round, hands: { ...round.hands, [event.playerId]: dealHand(round.cards, deps) } } };
      }),
      markConnected: assign(({ context, event }) => {
        assertEvent(event, 'REJOIN');
        return { players: withPlayer(context.players, event.playerId, { connected: true }) };
      }),
      markDisconnected: assign(({ context, event }) => {
        assertEvent(event, 'DISCONNECT');
        return { players: withPlayer(context.players, event.playerId, { connected: false }) };
      }),
      setLocked: assign(({ event }) => {
        assertEvent(event, 'LOCK');
        return { locked: event.locked };
      }),
      kickPlayer: assign(({ context, event }) => {
        assertEvent(event, 'KICK');
        const player = context.players[event.playerId];
        const players = { ...context.players };
        delete players[event.playerId];
        let round = context.round;
        if (round && (round.hands[event.playerId] || round.answers[event.playerId])) {
          const hands = { ...round.hands };
          const answers = { ...round.answers };
          delete hands[event.playerId];
          delete answers[event.playerId];
          round = { ...round, hands, answers };
        }
        return { players, round, kickedTokens: player ? [...context.kickedTokens, player.token] : context.kickedTokens };
      }),
      pickRounds: assign(({ context }) => ({ rounds: pickRounds(context.candidates, context.settings.rounds, deps) })),
      dealRound: assign(({ context }) => {
        const number = (context.round?.number ?? 0) + 1;
        const entry = context.rounds[number - 1];
        const cards = dealCards(entry, deps);
        const hands: Record<string, string[]> = {};
        for (const id of Object.keys(context.players)) hands[id] = dealHand(cards, deps);
        const round: RoundState = {
          number,
          entry,
          cards,
          limitMs: roundSeconds(entry, context.settings.secondsPerRound) * 1000,
          hands,
          answers: {},
          countdownEndsAt: deps.now() + context.countdownMs,
          deadlineAt: null,
          pausedFrom: null,
          pausedRemainingMs: null,
          results: null,
          distribution: null,
        };
        return { round };
      }),
      openAnswering: assign(({ context }) => ({
        round: { ...context.round!, countdownEndsAt: null, deadlineAt: deps.now() + context.round!.limitMs },
      })),
      recordAnswer: assign(({ context, event }) => {
        assertEvent(event, 'ANSWER');
        const round = context.round!;
        const left = Math.max(0, (round.deadlineAt ?? deps.now()) - deps.now());
        const ms = Math.min(round.limitMs, Math.max(0, round.limitMs - left));
        return { round: { ...round, answers: { ...round.answers, [event.playerId]: { order: [...event.order], ms } } } };
      }),
      freezeCountdown: assign(({ context }) => {
        const round = context.round!;
        return {
          round: { ...round, pausedFrom: 'countdown' as const, pausedRemainingMs: Math.max(0, (round.countdownEndsAt ?? 0) - deps.now()), countdownEndsAt: null },
        };
      }),
      freezeAnswering: assign(({ context }) => {
        const round = context.round!;
        return {
          round: { ...round, pausedFrom: 'answering' as const, pausedRemainingMs: Math.max(0, (round.deadlineAt ?? 0) - deps.now()), deadlineAt: null },
        };
      }),
      resumeCountdown: assign(({ context }) => {
        const round = context.round!;
        return { round: { ...round, pausedFrom: null, pausedRemainingMs: null, countdownEndsAt: deps.now() + (round.pausedRemainingMs ?? 0) } };
      }),
      resumeAnswering: assign(({ context }) => {
        const round = context.round!;
        return { round: { ...round, pausedFrom: null, pausedRemainingMs: null, deadlineAt: deps.now() + (round.pausedRemainingMs ?? 0) } };
      }),
      scoreRound: assign(({ context }) => {
        const round = context.round!;
        const before = currentRanks(context.players);
        const players = { ...context.players };
        const results: Record<string, RoundResult> = {};
        const perCard = round.cards.map(() => 0);
        let answered = 0;
        let fullyRight = 0;
        let answerMs = 0;
        const textOf = new Map(round.cards.map((c) => [c.id, c.text]));
        for (const id of Object.keys(round.hands)) {
          const player = players[id];
          if (!player) continue;
          const answer = round.answers[id];
          const result = scoreAnswer(round.cards, answer, round.limitMs, context.settings.speedBonus, player.streak);
          results[id] = result;
          if (answer) {
            answered++;
            answerMs += answer.ms;
            if (result.fullyRight) fullyRight++;
            answer.order.forEach((cardId, i) => {
              if (textOf.get(cardId) === round.cards[i].text) perCard[i]++;
            });
          }
          players[id] = {
            ...player,
            score: player.score + result.points,
            streak: result.streak,
            totalMs: player.totalMs + (answer ? answer.ms : round.limitMs),
            lastPoints: result.points,
            previousRank: player.ranked ? (before.get(id) ?? null) : null,
            ranked: true,
          };
        }
        // Players who had no cards this round (joined after it was dealt) earned nothing in it.
        for (const id of Object.keys(players)) {
          if (!results[id]) players[id] = { ...players[id], lastPoints: 0, previousRank: players[id].ranked ? (before.get(id) ?? null) : null };
        }
        const distribution: RoundDistribution = {
          perCard: round.cards.map((c, i) => ({ cardId: c.id, right: perCard[i] })),
          answered,
          fullyRight,
          averageSeconds: answered ? Math.round(answerMs / answered) / 1000 : null,
        };
        const record = roundRecord(
          round,
          false,
          Object.entries(results).map(([playerId, r]) => ({ ...r, playerId, nickname: players[playerId].nickname })),
        );
        return {
          players,
          round: { ...round, deadlineAt: null, countdownEndsAt: null, pausedFrom: null, pausedRemainingMs: null, results, distribution },
          history: [...context.history, record],
        };
      }),
      recordSkipped: assign(({ context }) => ({
        history: context.round ? [...context.history, roundRecord(context.round, true, [])] : context.history,
      })),
    },
  }).createMachine({
    id: 'room',
    context: ({ input }) => ({
      code: input.code,
      joinUrl: input.joinUrl,
      settings: input.settings,
      candidates: input.candidates,
      rounds: [],
      countdownMs: input.countdownMs ?? DEFAULT_COUNTDOWN_MS,
      players: {},
      kickedTokens: [],
      locked: false,
      round: null,
      history: [],
    }),
    initial: 'lobby',
    on: {
      REJOIN: { guard: 'isPlayer', actions: 'markConnected' },
      DISCONNECT: { guard: 'isPlayer', actions: 'markDisconnected' },
      LOCK: { actions: 'setLocked' },
      KICK: { guard: 'isPlayer', actions: 'kickPlayer' },
    },
    states: {
      lobby: {
        on: {
          JOIN: { guard: 'canJoin', actions: 'addPlayer' },
          START: { guard: 'canStart', target: 'round', actions: 'pickRounds' },
          END: 'ended',
        },
      },
      round: {
        entry: 'dealRound',
        initial: 'countdown',
        on: {
          JOIN: { guard: 'canLateJoin', actions: ['addPlayer', 'dealLateHand'] },
          SKIP: [
            { guard: 'hasMoreRounds', target: 'round', reenter: true, actions: 'recordSkipped' },
            { guard: 'hasScoredRound', target: 'podium', actions: 'recordSkipped' },
            { target: 'ended', actions: 'recordSkipped' },
          ],
          END: [
            { guard: 'hasScoredRound', target: 'podium', actions: 'recordSkipped' },
            { target: 'ended', actions: 'recordSkipped' },
          ],
        },
        states: {
          countdown: {
            after: { countdown: { target: 'answering', actions: 'openAnswering' } },
            on: { PAUSE: { target: 'paused', actions: 'freezeCountdown' } },
          },
          answering: {
            always: { guard: 'everyoneAnswered', target: '#room.reveal' },
            after: { answerDeadline: '#room.reveal' },
            on: {
              ANSWER: { guard: 'canAnswer', actions: 'recordAnswer' },
              END_ROUND: '#room.reveal',
              PAUSE: { target: 'paused', actions: 'freezeAnswering' },
            },
          },
          paused: {
            on: {
              RESUME: [
                { guard: 'pausedInCountdown', target: 'countdown', actions: 'resumeCountdown' },
                { target: 'answering', actions: 'resumeAnswering' },
              ],
              END_ROUND: '#room.reveal',
            },
          },
        },
      },
      reveal: {
        entry: 'scoreRound',
        on: {
          JOIN: { guard: 'canLateJoin', actions: 'addPlayer' },
          NEXT: 'leaderboard',
          END: 'podium',
        },
      },
      leaderboard: {
        on: {
          JOIN: { guard: 'canLateJoin', actions: 'addPlayer' },
          NEXT: [{ guard: 'hasMoreRounds', target: 'round' }, { target: 'podium' }],
          END: 'podium',
        },
      },
      podium: {
        on: { NEXT: 'ended', END: 'ended' },
      },
      ended: { type: 'final' },
    },
  });
}

export type RoomMachine = ReturnType<typeof createRoomMachine>;
