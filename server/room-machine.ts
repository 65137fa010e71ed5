// The room machine: one XState v5 actor per live room (and per solo practice run: a one-player room),
// the single authority on its game: what is allowed now, why something is refused, and what happens.
// It knows players by id (the socket edge authenticates tokens) and nothing about sockets. Deadlines are
// machine delays read from the context, so pausing (which leaves the timed state) freezes them and
// resuming re-enters with the time that was left. Clock and randomness come from the injected Deps;
// events are plain data, so a room can be replayed from its event log.
//
//   lobby --START--> round[countdown --after--> answering] --deadline | everyone answered | END_ROUND--> reveal
//   reveal --NEXT--> leaderboard --NEXT--> round (next snippet) | podium --NEXT | END--> ended
//   round.countdown | round.answering --PAUSE--> round.paused --RESUME--> where it was, with the time it had
//   round --SKIP--> next round | podium | ended;  END --> podium (or ended if nothing was scored)
//   solo (practice): no countdown, and the leaderboard step passes straight on.
//
// Every host command names the round and phase it is meant for; each host transition is guarded by
// `aimedAt` with the phase of its state, so a repeated or stale command is refused and changes nothing.
// Refusal reasons come from the checks behind the guards (server/rules.ts) or, for an event a state has
// no transition for, from that state's `meta.refuse`: see `refusal()`.
import { assertEvent, assign, setup, type SnapshotFrom } from 'xstate';
import type { HostCommand, HostControl, HostTarget, RoomPhase, RoundDistribution, RoundResult } from '../shared/protocol.ts';
import type { Deps } from './deps.ts';
import { nicknameKey } from './nickname.ts';
import { ranksOf } from './standings.ts';
import { answerMs, dealCards, dealHand, pickRounds, roundDistribution, roundSeconds, scoreAnswer } from './round.ts';
import type { HostEvent, PlayerState, RoomContext, RoomEvent, RoomInput, RoundRecord, RoundState } from './room-types.ts';
import {
  CHECKS,
  checkNicknameOnce,
  DEFAULT_REFUSALS,
  currentRoundNumber,
  everyoneAnswered,
  reject,
  type Aim,
  type AimParams,
  type CheckName,
  type Rejection,
} from './rules.ts';

export type { RoomContext, RoomEvent, RoomInput } from './room-types.ts';
export type { Rejection } from './rules.ts';

/** Default "get ready" time before answering opens. */
export const DEFAULT_COUNTDOWN_MS = 3000;

/** The machine event of each host flow command. */
export const HOST_COMMAND_EVENTS: Record<HostCommand, HostEvent['type']> = {
  'game:start': 'START',
  'game:pause': 'PAUSE',
  'game:resume': 'RESUME',
  'round:end': 'END_ROUND',
  'round:skip': 'SKIP',
  'game:next': 'NEXT',
  'game:end': 'END',
};

/** What a state may say about events it has no transition for. */
interface StateMeta {
  refuse?: Partial<Record<RoomEvent['type'], Rejection>>;
}

function withPlayer(players: Record<string, PlayerState>, id: string, change: Partial<PlayerState>): Record<string, PlayerState> {
  const player = players[id];
  if (!player) return players;
  return { ...players, [id]: { ...player, ...change } };
}

/** The history record of a round, scored or skipped. */
function roundRecord(round: RoundState, skipped: boolean, results: RoundRecord['results'], distribution: RoundDistribution | null = null): RoundRecord {
  return {
    number: round.number,
    snippetId: round.entry.snippet.id,
    title: round.entry.snippet.title,
    skipped,
    cards: round.cards.map((c) => ({ id: c.id, text: c.text })),
    limitSeconds: round.limitMs / 1000,
    results,
    distribution,
  };
}

/** The guard reference of a host transition in a state showing `phase`. */
const aimedAt = (phase: Aim) => ({ type: 'aimedAt' as const, params: { phase } });

/** SKIP and END from inside a round (state showing `phase`): the round is recorded as skipped. */
const leaveRound = (phase: Aim) => ({
  SKIP: { guard: aimedAt(phase), target: '#room.skipping', actions: 'recordSkipped' as const },
  END: { guard: aimedAt(phase), target: '#room.closing', actions: 'recordSkipped' as const },
});

/** Builds the room machine around the given clock and randomness. */
export function createRoomMachine(deps: Deps) {
  /** Lives as long as the machine: keys this room's nickname order (server/standings.ts). */
  const standingsKey = {};
  return setup({
    types: {
      context: {} as RoomContext,
      events: {} as RoomEvent,
      input: {} as RoomInput,
      meta: {} as StateMeta,
    },
    guards: {
      // Refusable guards: each is its check from server/rules.ts (the check says why when it fails).
      canJoin: ({ context, event }) => CHECKS.canJoin(context, event) === null,
      canLateJoin: ({ context, event }) => CHECKS.canLateJoin(context, event) === null,
      canAnswer: ({ context, event }) => CHECKS.canAnswer(context, event) === null,
      canStart: ({ context, event }) => CHECKS.canStart(context, event) === null,
      isPlayer: ({ context, event }) => CHECKS.isPlayer(context, event) === null,
      isBanned: ({ context, event }) => CHECKS.isBanned(context, event) === null,
      aimedAt: ({ context, event }, params: AimParams) => CHECKS.aimedAt(context, event, params) === null,
      // Branch conditions (which way an accepted event goes; never a reason to refuse).
      everyoneAnswered: ({ context }) => everyoneAnswered(context),
      hasMoreRounds: ({ context }) => context.round !== null && context.round.number < context.rounds.length,
      pausedInCountdown: ({ context }) => context.round?.pausedFrom === 'countdown',
      hasScoredRound: ({ context }) => context.history.some((r) => !r.skipped),
      noCountdown: ({ context }) => context.countdownMs <= 0,
      solo: ({ context }) => context.solo,
    },
    delays: {
      countdown: ({ context }) => Math.max(0, (context.round?.countdownEndsAt ?? 0) - deps.now()),
      answerDeadline: ({ context }) => Math.max(0, (context.round?.deadlineAt ?? 0) - deps.now()),
    },
    actions: {
      addPlayer: assign(({ context, event }) => {
        assertEvent(event, 'JOIN');
        const check = checkNicknameOnce(event.nickname);
        const nickname = check.ok ? check.nickname : event.nickname;
        const player: PlayerState = {
          id: event.playerId,
          nickname,
          key: nicknameKey(nickname),
          deviceId: event.deviceId ?? null,
          token: event.token,
          connected: true,
          score: 0,
          streak: 0,
          bestStreak: 0,
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
        if (!player) return { players, round };
        // Kick means gone for the rest of the game: the name (and its look-alikes) and the device are banned.
        const ban = { id: player.id, nickname: player.nickname, key: player.key, deviceId: player.deviceId ?? null };
        return { players, round, kickedTokens: [...context.kickedTokens, player.token], bans: [...(context.bans ?? []), ban] };
      }),
      unban: assign(({ context, event }) => {
        assertEvent(event, 'UNBAN');
        return { bans: (context.bans ?? []).filter((b) => b.id !== event.banId) };
      }),
      // A deck's rounds come in the instructor's order; the bank's are picked at random.
      pickRounds: assign(({ context }) => ({
        rounds: context.ordered ? context.candidates.slice(0, context.settings.rounds) : pickRounds(context.candidates, context.settings.rounds, deps),
      })),
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
        const ms = answerMs(round.limitMs, round.deadlineAt, round.pausedRemainingMs, deps.now());
        // O(1) per answer: the answers record is this round's own and only ever grows, so it is extended
        // in place instead of copied (a copy per answer made a 2000-player round quadratic). The round
        // object is renewed so the snapshot still changes; nothing keeps an older snapshot's answers.
        round.answers[event.playerId] = { order: [...event.order], ms };
        return { round: { ...round } };
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
        const before = ranksOf(context.players, standingsKey);
        const players = { ...context.players };
        const results: Record<string, RoundResult> = {};
        for (const id of Object.keys(round.hands)) {
          const player = players[id];
          if (!player) continue;
          const answer = round.answers[id];
          const result = scoreAnswer(round.cards, answer, round.limitMs, context.settings.speedBonus, player.streak);
          results[id] = result;
          players[id] = {
            ...player,
            score: player.score + result.points,
            streak: result.streak,
            bestStreak: Math.max(player.bestStreak, result.streak),
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
        const distribution = roundDistribution(round.cards, Object.values(results));
        const record = roundRecord(
          round,
          false,
          Object.entries(results).map(([playerId, r]) => ({ ...r, playerId, nickname: players[playerId].nickname })),
          distribution,
        );
        return {
          players,
          round: {
            ...round,
            deadlineAt: null,
            countdownEndsAt: null,
            pausedFrom: null,
            pausedRemainingMs: null,
            results,
            distribution,
          },
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
      ordered: input.ordered ?? false,
      rounds: [],
      countdownMs: input.countdownMs ?? DEFAULT_COUNTDOWN_MS,
      solo: input.solo ?? false,
      players: {},
      kickedTokens: [],
      bans: [],
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
      UNBAN: { guard: 'isBanned', actions: 'unban' },
    },
    states: {
      lobby: {
        meta: { refuse: { NEXT: reject('INVALID_STATE', 'Start the game first.') } },
        on: {
          JOIN: { guard: 'canJoin', actions: 'addPlayer' },
          START: { guard: 'canStart', target: 'round', actions: 'pickRounds' },
          END: { guard: aimedAt('lobby'), target: 'ended' },
        },
      },
      round: {
        entry: 'dealRound',
        initial: 'countdown',
        meta: { refuse: { NEXT: reject('INVALID_STATE', 'The round is still running: end it early or wait for the deadline.') } },
        on: {
          JOIN: { guard: 'canLateJoin', actions: ['addPlayer', 'dealLateHand'] },
        },
        states: {
          countdown: {
            meta: {
              refuse: {
                ANSWER: reject('ROUND_CLOSED', 'Answering has not opened yet.'),
                END_ROUND: reject('INVALID_STATE', 'Answering has not opened yet.'),
              },
            },
            always: { guard: 'noCountdown', target: 'answering', actions: 'openAnswering' },
            after: { countdown: { target: 'answering', actions: 'openAnswering' } },
            on: {
              PAUSE: { guard: aimedAt('countdown'), target: 'paused', actions: 'freezeCountdown' },
              ...leaveRound('countdown'),
            },
          },
          answering: {
            always: { guard: 'everyoneAnswered', target: '#room.reveal' },
            after: { answerDeadline: '#room.reveal' },
            on: {
              ANSWER: { guard: 'canAnswer', actions: 'recordAnswer' },
              END_ROUND: { guard: aimedAt('answering'), target: '#room.reveal' },
              PAUSE: { guard: aimedAt('answering'), target: 'paused', actions: 'freezeAnswering' },
              ...leaveRound('answering'),
            },
          },
          paused: {
            meta: { refuse: { PAUSE: reject('INVALID_STATE', 'The game is already paused.') } },
            on: {
              // Answers made during the pause are kept, timed as of the pause (see rules.answerProblem).
              ANSWER: { guard: 'canAnswer', actions: 'recordAnswer' },
              RESUME: { guard: aimedAt('paused'), target: 'resuming' },
              END_ROUND: { guard: aimedAt('paused'), target: '#room.reveal' },
              ...leaveRound('paused'),
            },
          },
          resuming: {
            always: [
              { guard: 'pausedInCountdown', target: 'countdown', actions: 'resumeCountdown' },
              { target: 'answering', actions: 'resumeAnswering' },
            ],
          },
        },
      },
      /** Passing states (never at rest): where a skipped round, an ended game or a NEXT leads. */
      skipping: {
        always: [{ guard: 'hasMoreRounds', target: 'round' }, { guard: 'hasScoredRound', target: 'podium' }, { target: 'ended' }],
      },
      closing: {
        always: [{ guard: 'hasScoredRound', target: 'podium' }, { target: 'ended' }],
      },
      advancing: {
        always: [{ guard: 'hasMoreRounds', target: 'round' }, { target: 'podium' }],
      },
      reveal: {
        entry: 'scoreRound',
        on: {
          JOIN: { guard: 'canLateJoin', actions: 'addPlayer' },
          NEXT: { guard: aimedAt('reveal'), target: 'leaderboard' },
          END: { guard: aimedAt('reveal'), target: 'podium' },
        },
      },
      leaderboard: {
        always: { guard: 'solo', target: 'advancing' },
        on: {
          JOIN: { guard: 'canLateJoin', actions: 'addPlayer' },
          NEXT: { guard: aimedAt('leaderboard'), target: 'advancing' },
          END: { guard: aimedAt('leaderboard'), target: 'podium' },
        },
      },
      podium: {
        on: {
          NEXT: { guard: aimedAt('podium'), target: 'ended' },
          END: { guard: aimedAt('podium'), target: 'ended' },
        },
      },
      ended: { type: 'final' },
    },
  });
}

export type RoomMachine = ReturnType<typeof createRoomMachine>;
export type RoomSnapshot = SnapshotFrom<RoomMachine>;

/** The phase clients see; a paused round keeps the phase it was paused in. */
export function phaseOf(snapshot: RoomSnapshot): RoomPhase {
  if (snapshot.matches('lobby')) return 'lobby';
  if (snapshot.matches({ round: 'countdown' })) return 'countdown';
  if (snapshot.matches({ round: 'answering' })) return 'answering';
  if (snapshot.matches({ round: 'paused' })) return snapshot.context.round?.pausedFrom === 'countdown' ? 'countdown' : 'answering';
  if (snapshot.matches('reveal')) return 'reveal';
  if (snapshot.matches('leaderboard')) return 'leaderboard';
  if (snapshot.matches('podium')) return 'podium';
  return 'ended';
}

/** The round and phase a host command must name to act now. */
export function commandTarget(snapshot: RoomSnapshot): HostTarget {
  return { round: currentRoundNumber(snapshot.context), phase: phaseOf(snapshot) };
}

/** A state node as far as refusal() reads it. */
interface NodeLike {
  states: Record<string, NodeLike>;
  meta?: StateMeta;
  transitions: Map<string, readonly { guard?: unknown }[]>;
}

/** The active state nodes, innermost first. */
function activeNodes(snapshot: RoomSnapshot): NodeLike[] {
  const chain: NodeLike[] = [];
  let node = snapshot.machine.root as unknown as NodeLike;
  let value: unknown = snapshot.value;
  chain.push(node);
  while (value !== null && value !== undefined) {
    const key = typeof value === 'string' ? value : Object.keys(value as object)[0];
    node = node.states[key];
    if (!node) break;
    chain.push(node);
    value = typeof value === 'string' ? null : (value as Record<string, unknown>)[key];
  }
  return chain.reverse();
}

/** The reason the check behind `guard` gives for refusing `event`, or null (not a refusable guard, or it passes). */
function guardRejection(guard: unknown, ctx: RoomContext, event: RoomEvent): Rejection | null {
  const ref = typeof guard === 'string' ? { type: guard, params: undefined } : (guard as { type?: unknown; params?: unknown } | undefined);
  if (!ref || typeof ref.type !== 'string' || !(ref.type in CHECKS)) return null;
  return CHECKS[ref.type as CheckName](ctx, event, ref.params as AimParams);
}

/**
 * Null if the machine accepts `event` now, else why not. The reason is the failing check of a guard on
 * the event's transitions (innermost state first), else what the state's `meta.refuse` says about the
 * event, else the event's default refusal. Nothing here matches state names.
 */
export function refusal(snapshot: RoomSnapshot, event: RoomEvent): Rejection | null {
  if (snapshot.status !== 'active') return reject('INVALID_STATE', 'The game is over.');
  if (snapshot.can(event)) return null;
  const nodes = activeNodes(snapshot);
  for (const node of nodes) {
    for (const transition of node.transitions.get(event.type) ?? []) {
      const rejection = guardRejection(transition.guard, snapshot.context, event);
      if (rejection) return rejection;
    }
  }
  for (const node of nodes) {
    const reason = node.meta?.refuse?.[event.type];
    if (reason) return reason;
  }
  return DEFAULT_REFUSALS[event.type];
}

/** The host controls the machine accepts now, asked of the machine itself (snapshot.can per command). */
export function allowedControls(snapshot: RoomSnapshot): HostControl[] {
  if (snapshot.status !== 'active') return [];
  const target = commandTarget(snapshot);
  const ctx = snapshot.context;
  const allowed: HostControl[] = [];
  for (const [command, type] of Object.entries(HOST_COMMAND_EVENTS) as [HostCommand, HostEvent['type']][]) {
    if (snapshot.can({ type, ...target } as RoomEvent)) allowed.push(command);
  }
  const someone = Object.keys(ctx.players)[0];
  if (someone !== undefined && snapshot.can({ type: 'KICK', playerId: someone })) allowed.push('player:kick');
  const banned = ctx.bans?.[0];
  if (banned && snapshot.can({ type: 'UNBAN', banId: banned.id })) allowed.push('player:unban');
  if (snapshot.can({ type: 'LOCK', locked: !ctx.locked })) allowed.push('room:lock');
  return allowed;
}
