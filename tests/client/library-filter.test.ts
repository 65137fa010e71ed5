// The library's filters (client/src/lib/library/library.svelte.ts filterItems) and its route: each
// filter narrows by its own field, text searches title, id and source, and "mine" vs "bank" split by kind.
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, filterItems, type LibraryItem } from '../../client/src/lib/library/library.svelte.ts';
import { parseRoute, routePath } from '../../client/src/lib/route.ts';

const item = (over: Partial<LibraryItem>): LibraryItem => ({
  key: over.id ?? 'x',
  kind: 'bank',
  id: 'x',
  title: 'X',
  difficulty: 1,
  topics: ['sync'],
  module: 'commonjs',
  lines: 3,
  source: "console.log('x');",
  ...over,
});

const items = [
  item({ id: 'timer-vs-immediate', title: 'Timer or immediate', topics: ['timers', 'setImmediate'], difficulty: 2, lines: 4 }),
  item({ id: 'esm-top-level', title: 'Top-level await', topics: ['async-await'], module: 'module', difficulty: 3, lines: 5, source: 'await null;' }),
  item({ id: 'c-abc', kind: 'custom', title: 'My ticks', topics: ['nextTick'], difficulty: 2, lines: 4, source: "process.nextTick(() => console.log('t'));" }),
];
const ids = (f: Partial<typeof EMPTY_FILTER>) => filterItems(items, { ...EMPTY_FILTER, ...f }).map((i) => i.id);

describe('library filters', () => {
  it('each filter narrows by its own field', () => {
    expect(ids({})).toEqual(['timer-vs-immediate', 'esm-top-level', 'c-abc']);
    expect(ids({ topic: 'timers' })).toEqual(['timer-vs-immediate']);
    expect(ids({ difficulty: 2 })).toEqual(['timer-vs-immediate', 'c-abc']);
    expect(ids({ module: 'module' })).toEqual(['esm-top-level']);
    expect(ids({ lines: 4 })).toEqual(['timer-vs-immediate', 'c-abc']);
    expect(ids({ source: 'mine' })).toEqual(['c-abc']);
    expect(ids({ source: 'bank' })).toEqual(['timer-vs-immediate', 'esm-top-level']);
    expect(ids({ difficulty: 2, source: 'bank' })).toEqual(['timer-vs-immediate']);
  });

  it('text searches title, id and source, ignoring case', () => {
    expect(ids({ text: 'IMMEDIATE' })).toEqual(['timer-vs-immediate']);
    expect(ids({ text: 'esm-' })).toEqual(['esm-top-level']);
    expect(ids({ text: 'nextTick(' })).toEqual(['c-abc']);
    expect(ids({ text: 'nothing like it' })).toEqual([]);
  });

  it('/library is a route of its own', () => {
    expect(parseRoute('/library', '?tab=editor')).toEqual({ name: 'library' });
    expect(routePath({ name: 'library' })).toBe('/library');
    expect(parseRoute('/library/x')).toEqual({ name: 'not-found', path: '/library/x' });
  });
});
