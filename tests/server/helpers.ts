// Test helpers for the server: seeded randomness, a clock that follows vitest's fake timers, and a small
// fake deck so the room machine can be tested without the engine.
import type { RoomSettings } from '../../shared/protocol.ts';
import type { DeckEntry } from '../../server/deck.ts';
import type { Deps } from '../../server/deps.ts';
import { mulberry32 } from '../gen/rng.ts';

/** The tests' one seeded generator (tests/gen/rng.ts): repeatable shuffles. */
export const seededRandom = mulberry32;

/** Deps with a seeded shuffle and `Date.now` as the clock (faked by vi.useFakeTimers). */
export function testDeps(seed = 42): Deps {
  const random = seededRandom(seed);
  return {
    now: () => Date.now(),
    randomInt: (max) => Math.floor(random() * max),
    randomId: (bytes) => {
      let s = '';
      for (let i = 0; i < bytes; i++) s += Math.floor(random() * 256).toString(16).padStart(2, '0');
      return s;
    },
  };
}

const loc = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 20 } });

/** A deck entry whose true output is `lines`. */
export function fakeEntry(id: string, lines: string[], difficulty: 1 | 2 | 3 | 4 = 1): DeckEntry {
  return {
    snippet: {
      id,
      title: `Snippet ${id}`,
      difficulty,
      topics: ['promises'],
      source: lines.map((l) => `console.log(${JSON.stringify(l)});`).join('\n'),
    },
    explanation: `Why ${id} prints in this order.`,
    cards: lines.map((text, index) => ({ index, text, stream: 'stdout' as const, loc: loc(index + 1) })),
    trace: [
      {
        kind: 'script-start',
        text: 'TRACE-SENTINEL the script starts',
        loc: null,
        snapshot: { stack: [], queues: { nextTick: [], microtask: [], timers: [], check: [], io: [] }, phase: 'main', time: 0, console: [] },
      },
    ],
  };
}

/** Three snippets of difficulty 1, 1 and 2 (the game deals them easiest first). */
export const FAKE_DECK: DeckEntry[] = [
  fakeEntry('alpha', ['alpha-one', 'alpha-two', 'alpha-three', 'alpha-four']),
  fakeEntry('beta', ['beta-one', 'beta-two', 'beta-three']),
  fakeEntry('gamma', ['gamma-one', 'gamma-two', 'gamma-three', 'gamma-four', 'gamma-five'], 2),
];

/** Room settings for tests: 10-second rounds, speed bonus on. */
export function testSettings(over: Partial<RoomSettings> = {}): RoomSettings {
  return { topics: [], difficulties: [], rounds: 3, secondsPerRound: 10, speedBonus: true, allowLateJoin: true, maxPlayers: 50, ...over };
}
