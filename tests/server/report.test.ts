// The CSV report (issue 8, bug 9): "cards right" is the measure the points come from (the cards in the
// right order, longest correct subsequence), and a kicked player leaves the report with all their rows,
// consistently with their totals. Driven through the room machine with fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, type Actor } from 'xstate';
import { buildReport } from '../../server/report.ts';
import { commandTarget, createRoomMachine, type RoomMachine } from '../../server/room-machine.ts';
import type { HostEvent, RoomEvent } from '../../server/room-types.ts';
import { FAKE_DECK, testDeps, testSettings } from './helpers.ts';

const COUNTDOWN = 1000;
let actor: Actor<RoomMachine>;

const ctx = () => actor.getSnapshot().context;
const host = (type: HostEvent['type']) => actor.send({ type, ...commandTarget(actor.getSnapshot()) } as RoomEvent);
const trueIds = () => ctx().round!.cards.map((c) => c.id);
const csvLines = () => buildReport(ctx()).replace(/^\uFEFF/, '').trim().split('\r\n');

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2030-01-01T09:00:00Z'));
  actor = createActor(createRoomMachine(testDeps()), {
    input: { code: 'ABCDEF', joinUrl: '', settings: testSettings({ rounds: 2, speedBonus: false }), candidates: FAKE_DECK, countdownMs: COUNTDOWN },
  }).start();
  for (const [id, nickname] of [['ada', 'Ada'], ['bob', 'Bob'], ['cy', 'Cy']]) actor.send({ type: 'JOIN', playerId: id, token: `t-${id}`, nickname });
  host('START');
  vi.advanceTimersByTime(COUNTDOWN);
});
afterEach(() => {
  actor.stop();
  vi.useRealTimers();
});

describe('report.csv', () => {
  it('"cards right" counts the cards in order, the measure behind the points', () => {
    // Round 1 has 4 cards. Bob moves the first card to the end: no card at its exact place, but three in order.
    const [a, b, c, d] = trueIds();
    actor.send({ type: 'ANSWER', playerId: 'bob', order: [b, c, d, a] });
    host('END_ROUND');
    const result = ctx().round!.results!.bob;
    expect(result.cardsRight).toBe(0); // exact positions: the old, misleading column
    expect(result.cardsInOrder).toBe(3);
    expect(result.points).toBe(667); // round(1000 * (3 - 1) / (4 - 1))
    const bobRow = csvLines().find((l) => l.includes(',Bob,'))!;
    const fields = bobRow.split(',');
    const header = csvLines()[0].split(',');
    expect(fields[header.indexOf('cards right')]).toBe('3');
    expect(fields[header.indexOf('points')]).toBe('667');
  });

  it('a kicked player leaves the report: rows and totals together', () => {
    actor.send({ type: 'ANSWER', playerId: 'cy', order: trueIds() });
    actor.send({ type: 'ANSWER', playerId: 'ada', order: trueIds() });
    host('END_ROUND');
    expect(csvLines().filter((l) => l.includes(',Cy,'))).toHaveLength(2); // a round row and a total row
    actor.send({ type: 'KICK', playerId: 'cy' });
    const lines = csvLines();
    expect(lines.filter((l) => l.includes('Cy'))).toEqual([]);
    // Everyone still in the room keeps a round row and a total row.
    expect(lines.filter((l) => l.includes(',Ada,'))).toHaveLength(2);
    expect(lines.filter((l) => l.includes(',Bob,'))).toHaveLength(2);
  });

  it('a skipped round keeps its line', () => {
    host('SKIP');
    expect(csvLines()).toContain('ABCDEF,1,Snippet alpha,,(round skipped),,4,,,0');
  });
});
