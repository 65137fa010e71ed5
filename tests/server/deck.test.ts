// The deck: built from the real snippet bank through the real engine, leaving out what cannot be dealt;
// and one live round over sockets with the real deck, where the test finds the truth the way a student
// could, by running the dealt source through the engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, loadDeck, selectEntries, type BankSnippet, type Simulate } from '../../server/deck.ts';
import { simulate } from '../../shared/engine/index.ts';
import type { SimulationResult } from '../../shared/engine/types.ts';
import type { PlayerView } from '../../shared/protocol.ts';
import { client, startServer, type TestClient, type TestServer } from './socket-helpers.ts';

const bankSnippet = (id: string, file = `${id}.js`): BankSnippet => ({
  id,
  title: id,
  difficulty: 1,
  topics: ['timers'],
  explanation: 'because',
  file,
  source: `// ${id}`,
});

const result = (lines: string[], deterministic = true): SimulationResult => ({
  output: lines,
  cards: lines.map((text, index) => ({ index, text, stream: 'stdout' as const, loc: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } })),
  deterministic,
  races: deterministic ? [] : ['setTimeout 0 against setImmediate'],
  trace: [],
  exit: { reason: 'normal', code: 0 },
});

describe('buildDeck', () => {
  it('keeps dealable snippets and leaves out refused, racy and one-line ones with a warning each', () => {
    const fake: Simulate = (source, options) => {
      if (source.includes('broken')) throw new Error('Unsupported: Date (1:1)');
      if (source.includes('racy')) return result(['a', 'b'], false);
      if (source.includes('single')) return result(['only']);
      return result(options?.module === 'module' ? ['esm', 'order'] : ['x', 'y', 'z']);
    };
    const warnings: string[] = [];
    const deck = buildDeck(
      [bankSnippet('good'), bankSnippet('broken'), bankSnippet('racy'), bankSnippet('single'), bankSnippet('modern', 'modern.mjs')],
      fake,
      (m) => warnings.push(m),
    );
    expect(deck.map((e) => e.snippet.id)).toEqual(['good', 'modern']);
    expect(deck[0].cards.map((c) => c.text)).toEqual(['x', 'y', 'z']);
    expect(deck[1].cards.map((c) => c.text)).toEqual(['esm', 'order']);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/broken.*Unsupported: Date \(1:1\)/);
    expect(warnings[1]).toMatch(/racy.*race/);
    expect(warnings[2]).toMatch(/single.*nothing to order/);
  });

  it('the real bank gives a deck covering every difficulty, and settings select from it', () => {
    const warnings: string[] = [];
    const deck = loadDeck((m) => warnings.push(m));
    expect(deck.length).toBeGreaterThanOrEqual(60);
    expect(new Set(deck.map((e) => e.snippet.difficulty))).toEqual(new Set([1, 2, 3, 4]));
    for (const e of deck) expect(e.cards.length).toBeGreaterThanOrEqual(2);
    const hardPromises = selectEntries(deck, ['promises'], [3, 4]);
    expect(hardPromises.length).toBeGreaterThan(0);
    for (const e of hardPromises) {
      expect(e.snippet.topics).toContain('promises');
      expect([3, 4]).toContain(e.snippet.difficulty);
    }
    expect(selectEntries(deck, [], [])).toHaveLength(deck.length);
  });
});

describe('a live round with the real deck', () => {
  let ts: TestServer;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    ts = await startServer({ deck: loadDeck(() => {}) });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await ts.close();
  });

  it('scores a player who orders the cards as the engine prints them', async () => {
    const host = await client(ts.url);
    const player = await client(ts.url);
    clients.push(host, player);
    const created = await host.ask('room:create', { rounds: 2, difficulties: [2], speedBonus: false });
    expect(created.ok).toBe(true);
    const { code, hostToken } = created;
    const joined = await player.ask('room:join', { code, nickname: 'Ada' });
    await host.ask('game:start', { code, hostToken, round: 0, phase: 'lobby' });
    const view = await player.waitFor<PlayerView>('player:view', (v) => v.phase === 'answering');
    expect(view.round!.snippet.difficulty).toBe(2);
    const truth = simulate(view.round!.snippet.source).output;
    // Cards with identical text are interchangeable: take the first unused one each time.
    const left = [...view.hand];
    const order = truth.map((text) => left.splice(left.findIndex((c) => c.text === text), 1)[0].id);
    expect(await player.ask('round:answer', { code, playerToken: joined.playerToken, order })).toMatchObject({ ok: true });
    const reveal = await player.waitFor<PlayerView>('player:view', (v) => v.phase === 'reveal');
    expect(reveal.reveal!.result).toMatchObject({ fullyRight: true, points: 1000 });
    expect(reveal.reveal!.trueOrder.map((c) => c.text)).toEqual(truth);
    expect(reveal.reveal!.trace.length).toBeGreaterThan(0);
    expect(reveal.reveal!.explanation.length).toBeGreaterThan(10);
  });
});
