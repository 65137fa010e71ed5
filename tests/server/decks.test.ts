// Instructors' decks over real sockets (server/deck-library.ts, server/deck-handlers.ts): create, read,
// edit, duplicate, export, import and delete with the edit token's authority (a wrong or missing token
// changes nothing and reads like an unknown deck); custom snippets get the answer key the SERVER
// computes in the worker pool (an imported file's cards are ignored); a race, an engine refusal or a
// broken card rule cannot be saved as playable; a deck is played live in its order and rehearsed by its
// practice id without ever dealing a snippet a live room is answering; a hostile snippet in the editor
// is stopped in the worker while a live room keeps its acknowledgement latency; the host's history gets
// a per-snippet analysis by host token.
process.env.SIM_TIMEOUT_MS = '1500';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../shared/engine/index.ts';
import type { DeckDetail, DeckFile, SnippetCheck } from '../../shared/deck-protocol.ts';
import type { HostView, PracticeView } from '../../shared/protocol.ts';
import { closeSharedPool } from '../../server/simulation-pool.ts';
import { commandTarget, phaseOf } from '../../server/room-machine.ts';
import { openStore } from '../../server/store.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { client, startServer, type TestClient, type TestServer } from './socket-helpers.ts';

const ORDERED = "console.log('sync');\nsetTimeout(() => console.log('timeout'), 0);\nPromise.resolve().then(() => console.log('then'));\nprocess.nextTick(() => console.log('tick'));";
const ORDERED_TRUTH = ['sync', 'tick', 'then', 'timeout'];
const SECOND = "console.log('one');\nqueueMicrotask(() => console.log('three'));\nconsole.log('two');";
const RACE = "setTimeout(() => console.log('timeout'), 0);\nsetImmediate(() => console.log('immediate'));\nconsole.log('main');";
const SYNTAX = "console.log('a');\nconsole.log('b'\nconsole.log('c');";

const custom = (source: string, title = 'Queues') => ({
  custom: { title, difficulty: 2, topics: ['promises'], explanation: 'Why it prints so.', module: 'commonjs', source },
});

let ts: TestServer;
const clients: TestClient[] = [];
async function newClient() {
  const c = await client(ts.url);
  // Snippets go through the worker pool (a worker starts, a runaway one is stopped and replaced):
  // acknowledgements may take longer than the helpers' 3 s on a busy machine.
  c.ask = async (event, payload) => {
    const response = await (c.socket.timeout(30_000) as any).emitWithAck(event, payload);
    c.received.push({ event: `ack:${event}`, payload: response });
    return response;
  };
  clients.push(c);
  return c;
}
const aim = (code: string) => commandTarget(ts.server.registry.getRoom(code)!.actor.getSnapshot());

beforeAll(async () => {
  ts = await startServer({ limits: { eventsPerSocket: 100_000 } });
  // Start the pool's worker before any timing is measured.
  const warm = await newClient();
  expect((await warm.ask('snippet:check', { source: SECOND, module: 'commonjs' })).ok).toBe(true);
}, 60_000);
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});
afterAll(async () => {
  await ts?.close();
  await closeSharedPool();
});

describe('deck authority', () => {
  it('creates a deck with the server-computed key; only the edit token reads, edits, exports or deletes it', async () => {
    const owner = await newClient();
    const made = await owner.ask('deck:create', { name: 'Week 3', items: [custom(ORDERED), { bank: 'beta' }] });
    expect(made.ok).toBe(true);
    expect(made.editToken.length).toBeGreaterThanOrEqual(32);
    const deck: DeckDetail = made.deck;
    expect(deck.name).toBe('Week 3');
    expect(deck.practicePath).toBe(`/practice?deck=${made.deckId}`);
    expect(deck.snippets.map((s) => s.kind)).toEqual(['custom', 'bank']);
    expect(deck.snippets[0].cards).toEqual(ORDERED_TRUTH);
    expect(deck.snippets[1].cards).toEqual(['beta-one', 'beta-two', 'beta-three']);
    // The edit token never comes back after creation.
    expect(JSON.stringify(deck)).not.toContain(made.editToken);

    const stranger = await newClient();
    const wrong = { deckId: made.deckId, editToken: 'x'.repeat(32) };
    const unknown = { deckId: 'NoSuchDeck123', editToken: made.editToken };
    for (const auth of [wrong, unknown]) {
      expect(await stranger.ask('deck:get', auth)).toMatchObject({ ok: false, code: 'DECK_NOT_FOUND' });
      expect(await stranger.ask('deck:update', { ...auth, name: 'Hijacked', items: [{ bank: 'alpha' }] })).toMatchObject({ ok: false, code: 'DECK_NOT_FOUND' });
      expect(await stranger.ask('deck:export', auth)).toMatchObject({ ok: false, code: 'DECK_NOT_FOUND' });
      expect(await stranger.ask('deck:delete', auth)).toMatchObject({ ok: false, code: 'DECK_NOT_FOUND' });
      expect(await stranger.ask('deck:duplicate', auth)).toMatchObject({ ok: false, code: 'DECK_NOT_FOUND' });
    }
    // A wrong token and an unknown deck get the very same message.
    const a = await stranger.ask('deck:get', wrong);
    const b = await stranger.ask('deck:get', unknown);
    expect(a.message).toBe(b.message);
    // No token at all is a bad request, and changes nothing either.
    expect(await stranger.ask('deck:delete', { deckId: made.deckId })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(await stranger.ask('deck:update', { deckId: made.deckId, name: 'x', items: [{ bank: 'alpha' }] })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    const still = await owner.ask('deck:get', { deckId: made.deckId, editToken: made.editToken });
    expect(still.deck).toEqual(deck);

    // The owner edits: reorder, rename, add a custom snippet.
    const edited = await owner.ask('deck:update', {
      deckId: made.deckId,
      editToken: made.editToken,
      name: 'Week 3 (v2)',
      items: [{ bank: 'beta' }, custom(SECOND, 'Microtask'), custom(ORDERED)],
    });
    expect(edited.ok).toBe(true);
    expect(edited.deck.name).toBe('Week 3 (v2)');
    expect(edited.deck.snippets.map((s: { title: string }) => s.title)).toEqual(['Snippet beta', 'Microtask', 'Queues']);
    expect(edited.deck.snippets[1].cards).toEqual(['one', 'two', 'three']);

    // Duplicate: a new id and token, the same snippets; the original is untouched.
    const copy = await owner.ask('deck:duplicate', { deckId: made.deckId, editToken: made.editToken });
    expect(copy.ok).toBe(true);
    expect(copy.deckId).not.toBe(made.deckId);
    expect(copy.deck.name).toBe('Copy of Week 3 (v2)');
    expect(copy.deck.snippets.map((s: { cards: string[] }) => s.cards)).toEqual(edited.deck.snippets.map((s: { cards: string[] }) => s.cards));
    expect(await owner.ask('deck:get', { deckId: made.deckId, editToken: copy.editToken })).toMatchObject({ ok: false, code: 'DECK_NOT_FOUND' });

    // Delete: gone for its owner too, the copy stays.
    expect(await owner.ask('deck:delete', { deckId: made.deckId, editToken: made.editToken })).toEqual({ ok: true });
    expect(await owner.ask('deck:get', { deckId: made.deckId, editToken: made.editToken })).toMatchObject({ ok: false, code: 'DECK_NOT_FOUND' });
    expect((await owner.ask('deck:get', { deckId: copy.deckId, editToken: copy.editToken })).ok).toBe(true);
  }, 60_000);

  it('exports one JSON file with the snippets; an import with a tampered answer key gets the server keys', async () => {
    const owner = await newClient();
    const made = await owner.ask('deck:create', { name: 'Export me', items: [custom(ORDERED), { bank: 'alpha' }] });
    const exported = await owner.ask('deck:export', { deckId: made.deckId, editToken: made.editToken });
    expect(exported.ok).toBe(true);
    const file: DeckFile = exported.file;
    expect(file).toMatchObject({ format: 'event-loop-arena-deck', version: 1, name: 'Export me' });
    expect(file.items[0]).toMatchObject({ custom: { source: ORDERED, module: 'commonjs', cards: ORDERED_TRUTH } });
    expect(file.items[1]).toEqual({ bank: 'alpha' });
    // The file round-trips through JSON text as a download would.
    const tampered = JSON.parse(JSON.stringify(file)) as DeckFile;
    const c = tampered.items[0] as { custom: { cards?: string[] } };
    c.custom.cards = ['timeout', 'then', 'tick', 'sync'];
    const imported = await owner.ask('deck:import', { file: tampered });
    expect(imported.ok).toBe(true);
    expect(imported.deckId).not.toBe(made.deckId);
    expect(imported.deck.snippets[0].cards).toEqual(ORDERED_TRUTH);
    expect(imported.deck.snippets[0].cards).toEqual(simulate(ORDERED).output);
    // And the game deals the server's truth: the room's first round reveals it.
    const host = await newClient();
    const room = await host.ask('room:create', { secondsPerRound: 10, deck: { deckId: imported.deckId, editToken: imported.editToken } });
    expect(room.ok).toBe(true);
    const entry = ts.server.registry.getRoom(room.code)!.actor.getSnapshot().context.candidates[0];
    expect(entry.cards.map((x) => x.text)).toEqual(ORDERED_TRUTH);
    // A file whose shape is wrong is refused by the schema, naming the field.
    const bad = await owner.ask('deck:import', { file: { ...file, format: 'something-else' } });
    expect(bad).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(bad.message).toMatch(/file\.format/);
    // Unknown keys (an injected trace) are refused too.
    const injected = JSON.parse(JSON.stringify(file));
    injected.items[0].custom.trace = [];
    expect(await owner.ask('deck:import', { file: injected })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  }, 60_000);

  it('a race, an engine refusal or a broken card rule cannot be saved as playable, each with its message', async () => {
    const owner = await newClient();
    const race = await owner.ask('deck:create', { name: 'Racy', items: [custom(RACE)] });
    expect(race).toMatchObject({ ok: false, code: 'SNIPPET_REFUSED' });
    // The engine's sentence naming the two events that can swap.
    expect(race.message).toMatch(/Snippet 1 \("Queues"\) cannot be played: Timing race: the immediate set at 2:1 and the 0 ms timer set at 1:1/);
    const syntax = await owner.ask('deck:create', { name: 'Broken', items: [{ bank: 'alpha' }, custom(SYNTAX, 'Typo')] });
    expect(syntax).toMatchObject({ ok: false, code: 'SNIPPET_REFUSED' });
    expect(syntax.message).toMatch(/^Snippet 2 \("Typo"\) cannot be played: .*\(3:1\)/);
    const short = await owner.ask('deck:create', { name: 'Short', items: [custom("console.log('a'); console.log('b');")] });
    expect(short.message).toMatch(/prints 2 lines; a round needs at least 3 cards/);
    const twice = await owner.ask('deck:create', { name: 'Twice', items: [custom("console.log('a'); console.log('b'); console.log('a');")] });
    expect(twice.message).toMatch(/"a" is printed twice/);
    const long = await owner.ask('deck:create', { name: 'Long', items: [custom(`console.log('${'x'.repeat(61)}'); console.log('b'); console.log('c');`)] });
    expect(long.message).toMatch(/has 61 characters; a card has at most 60/);
    const many = await owner.ask('deck:create', { name: 'Many', items: [custom('for (let i = 0; i < 13; i++) console.log(i);')] });
    expect(many.message).toMatch(/prints 13 lines; a round has at most 12 cards/);
    const unknownBank = await owner.ask('deck:create', { name: 'Ghost', items: [{ bank: 'no-such' }] });
    expect(unknownBank).toMatchObject({ ok: false, code: 'SNIPPET_REFUSED', message: 'Snippet 1: there is no bank snippet "no-such".' });
    // An edit that adds a race leaves the deck as it was.
    const good = await owner.ask('deck:create', { name: 'Good', items: [custom(ORDERED)] });
    const spoiled = await owner.ask('deck:update', { deckId: good.deckId, editToken: good.editToken, name: 'Good', items: [custom(ORDERED), custom(RACE, 'Race')] });
    expect(spoiled).toMatchObject({ ok: false, code: 'SNIPPET_REFUSED' });
    expect((await owner.ask('deck:get', { deckId: good.deckId, editToken: good.editToken })).deck.snippets).toHaveLength(1);
  }, 60_000);

  it('limits: snippet size cap, decks per address, and HOST_KEY for making decks', async () => {
    const limited = await startServer({ limits: { eventsPerSocket: 100_000, hostKey: 'sesame' }, deckLimits: { decksPerAddress: 2, snippetMaxChars: 200 } });
    const c = await client(limited.url);
    try {
      expect(await c.ask('deck:create', { name: 'No key', items: [{ bank: 'alpha' }] })).toMatchObject({ ok: false, code: 'NOT_HOST' });
      expect(await c.ask('deck:create', { name: 'Bad key', items: [{ bank: 'alpha' }], hostKey: 'open' })).toMatchObject({ ok: false, code: 'NOT_HOST' });
      const big = await c.ask('deck:create', { name: 'Big', items: [custom(`console.log(1);\n${'// padding\n'.repeat(30)}`)], hostKey: 'sesame' });
      expect(big).toMatchObject({ ok: false, code: 'SNIPPET_REFUSED' });
      expect(big.message).toMatch(/a snippet has at most 200/);
      expect((await c.ask('deck:create', { name: 'One', items: [{ bank: 'alpha' }], hostKey: 'sesame' })).ok).toBe(true);
      const two = await c.ask('deck:create', { name: 'Two', items: [{ bank: 'beta' }], hostKey: 'sesame' });
      expect(two.ok).toBe(true);
      const three = await c.ask('deck:create', { name: 'Three', items: [{ bank: 'gamma' }], hostKey: 'sesame' });
      expect(three).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
      expect(three.message).toMatch(/already keeps 2 decks/);
      // Deleting one makes room again.
      expect(await c.ask('deck:delete', { deckId: two.deckId, editToken: two.editToken })).toEqual({ ok: true });
      expect((await c.ask('deck:create', { name: 'Three', items: [{ bank: 'gamma' }], hostKey: 'sesame' })).ok).toBe(true);
    } finally {
      c.close();
      await limited.close();
    }
  }, 60_000);
});

describe('snippet check (the editor)', () => {
  it('gives cards, a draft explanation from the trace and the trace; refusals and races located', async () => {
    const editor = await newClient();
    const ok = await editor.ask('snippet:check', { source: ORDERED, module: 'commonjs' });
    expect(ok.ok).toBe(true);
    const check: SnippetCheck = ok.check;
    expect(check.cards.map((c) => c.text)).toEqual(ORDERED_TRUTH);
    expect(check.cards[1].loc.start.line).toBe(4);
    expect(check.playable).toBe(true);
    expect(check.problems).toEqual([]);
    expect(check.trace.length).toBeGreaterThan(5);
    const draft = check.explanationDraft.split('\n');
    expect(draft).toHaveLength(4);
    expect(draft[0]).toMatch(/^1\. "sync" comes from the main script/);
    expect(draft[1]).toMatch(/^2\. "tick" comes from the nextTick queue/);
    expect(draft[2]).toMatch(/^3\. "then" comes from the microtask queue/);
    expect(draft[3]).toMatch(/^4\. "timeout" comes from the timers phase: its timer was due at 1 ms/);

    const syntax = (await editor.ask('snippet:check', { source: SYNTAX, module: 'commonjs' })).check as SnippetCheck;
    expect(syntax.playable).toBe(false);
    expect(syntax.problems[0]).toMatchObject({ kind: 'refused', line: 3, column: 1 });

    const race = (await editor.ask('snippet:check', { source: RACE, module: 'commonjs' })).check as SnippetCheck;
    expect(race.playable).toBe(false);
    expect(race.deterministic).toBe(false);
    expect(race.problems[0]).toMatchObject({ kind: 'race', line: 2, column: 1 });
    expect(race.problems[0].message).toMatch(/^Timing race: the immediate set at 2:1 and the 0 ms timer set at 1:1.*Fix the race/);

    const esm = (await editor.ask('snippet:check', { source: "import { setTimeout as wait } from 'node:timers/promises';\nconsole.log('a');\nawait wait(1);\nconsole.log('b');\nconsole.log('c');", module: 'module' })).check as SnippetCheck;
    expect(esm.cards.map((c) => c.text)).toEqual(['a', 'b', 'c']);

    expect(await editor.ask('snippet:check', { source: ORDERED, module: 'typescript' })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  }, 60_000);

  it('a hostile snippet is stopped in the worker while a live room keeps its ack latency', async () => {
    const host = await newClient();
    const room = await host.ask('room:create', { rounds: 2, secondsPerRound: 30 });
    const editor = await newClient();
    let done = false;
    let slowest = 0;
    let acks = 0;
    const pinger = (async () => {
      while (!done) {
        const start = performance.now();
        const res = await host.ask('host:resume', { code: room.code, hostToken: room.hostToken });
        if (!res.ok) throw new Error(JSON.stringify(res));
        slowest = Math.max(slowest, performance.now() - start);
        acks++;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const checks: SnippetCheck[] = [];
    // An endless loop whose every step does real work: the step budget (which ends a plain `while (true)`
    // in well under a second on the fast path) cannot stop it in time, only the pool's wall clock can.
    for (const source of ['let n = 0;\nwhile (true) { n += JSON.stringify(new Array(2000).fill(n)).length; }', 'function down(n) { return down(n + 1) + 1; }\ndown(0);', 'for (let i = 0; i < 200000; i++) console.log("line " + i);']) {
      const res = await editor.ask('snippet:check', { source, module: 'commonjs' });
      expect(res.ok).toBe(true);
      checks.push(res.check);
    }
    done = true;
    await pinger;
    // The infinite loop is stopped by the pool's wall clock (SIM_TIMEOUT_MS=1500 here).
    expect(checks[0].problems[0]).toMatchObject({ kind: 'limit' });
    expect(checks[0].problems[0].message).toMatch(/longer than 1500 ms and was stopped/);
    expect(checks[1].problems[0]).toMatchObject({ kind: 'refused', line: 1 });
    expect(checks[1].problems[0].message).toMatch(/^Runaway recursion/);
    expect(checks[2].playable).toBe(false);
    expect(checks.every((c) => c.cards.length === 0 || !c.playable)).toBe(true);
    console.log(`hostile snippets in the pool: ${acks} host acks meanwhile, slowest ${Math.round(slowest)} ms`);
    expect(acks).toBeGreaterThan(10);
    expect(slowest).toBeLessThan(750);
  }, 90_000);
});

describe('playing a deck', () => {
  it('a live game deals the deck in its order; a wrong token opens nothing', async () => {
    const owner = await newClient();
    const made = await owner.ask('deck:create', { name: 'Ordered', items: [{ bank: 'gamma' }, custom(SECOND, 'Micro'), { bank: 'alpha' }] });
    expect(await owner.ask('room:create', { deck: { deckId: made.deckId, editToken: 'y'.repeat(32) } })).toMatchObject({ ok: false, code: 'DECK_NOT_FOUND' });
    const room = await owner.ask('room:create', { secondsPerRound: 10, deck: { deckId: made.deckId, editToken: made.editToken } });
    expect(room.ok).toBe(true);
    expect(room.view.settings.rounds).toBe(3);
    const player = await newClient();
    expect((await player.ask('room:join', { code: room.code, nickname: 'Ada' })).ok).toBe(true);
    expect(await owner.ask('game:start', { code: room.code, hostToken: room.hostToken, ...aim(room.code) })).toEqual({ ok: true });
    const rounds = ts.server.registry.getRoom(room.code)!.actor.getSnapshot().context.rounds;
    // gamma has difficulty 2 and alpha 1: a random pick would deal alpha first; the deck keeps its order.
    expect(rounds.map((r) => r.snippet.title)).toEqual(['Snippet gamma', 'Micro', 'Snippet alpha']);
    const view = await owner.waitFor<HostView>('host:view', (v) => v.round?.number === 1);
    expect(view.round!.snippet.id).toBe('gamma');
    await owner.ask('game:end', { code: room.code, hostToken: room.hostToken, ...aim(room.code) });
  }, 60_000);

  it('the practice link rehearses the deck by its public id, never a snippet a live room is answering', async () => {
    const owner = await newClient();
    const made = await owner.ask('deck:create', { name: 'Homework', items: [custom(ORDERED), custom(SECOND, 'Micro')] });
    const student = await newClient();
    expect(await student.ask('practice:start', { deck: 'NoSuchDeck123' })).toMatchObject({ ok: false, code: 'DECK_NOT_FOUND' });
    const run = await student.ask('practice:start', { deck: made.deckId });
    expect(run.ok).toBe(true);
    let view: PracticeView = run.view;
    expect(view.round!.total).toBe(2);
    expect(view.round!.snippet.title).toBe('Queues');
    expect(view.hand.map((c) => c.text).sort()).toEqual([...ORDERED_TRUTH].sort());
    // The practice view carries no edit token and no answer before the reveal.
    expect(JSON.stringify(view)).not.toContain(made.editToken);
    expect(view.reveal).toBeNull();

    // A live room now plays the same deck and starts: its first round is ORDERED.
    const room = await owner.ask('room:create', { secondsPerRound: 30, deck: { deckId: made.deckId, editToken: made.editToken } });
    const p = await newClient();
    await p.ask('room:join', { code: room.code, nickname: 'Bo' });
    expect(await owner.ask('game:start', { code: room.code, hostToken: room.hostToken, ...aim(room.code) })).toEqual({ ok: true });
    // A fresh practice run of the deck skips both live snippets: nothing to deal.
    const blocked = await student.ask('practice:start', { deck: made.deckId });
    expect(blocked).toMatchObject({ ok: false, code: 'NO_SNIPPETS' });
    // The run already open was showing ORDERED: it was skipped at once, before any reveal.
    view = await student.waitFor<PracticeView>('practice:view', (v) => v.round?.snippet.title !== 'Queues' || v.phase === 'summary');
    expect(view.reveal === null || view.reveal.trueOrder.map((c) => c.text).join() !== ORDERED_TRUTH.join()).toBe(true);
    await owner.ask('game:end', { code: room.code, hostToken: room.hostToken, ...aim(room.code) });
  }, 60_000);
});

describe('history', () => {
  it('a per-snippet analysis of a game by host token: share fully right, common wrong orders, most misplaced card', async () => {
    const host = await newClient();
    const made = await host.ask('deck:create', { name: 'Analysed', items: [custom(ORDERED)] });
    const room = await host.ask('room:create', { secondsPerRound: 30, deck: { deckId: made.deckId, editToken: made.editToken } });
    const ada = await newClient();
    const bob = await newClient();
    const adaJoin = await ada.ask('room:join', { code: room.code, nickname: 'Ada' });
    const bobJoin = await bob.ask('room:join', { code: room.code, nickname: 'Bob' });
    expect(await host.ask('game:start', { code: room.code, hostToken: room.hostToken, ...aim(room.code) })).toEqual({ ok: true });
    await host.waitFor<HostView>('host:view', (v) => v.phase === 'answering');
    // Each phone's hand from a rejoin (a full view in every transport).
    const adaView = (await ada.ask('room:rejoin', { code: room.code, playerToken: adaJoin.playerToken })).view;
    const bobView = (await bob.ask('room:rejoin', { code: room.code, playerToken: bobJoin.playerToken })).view;
    const right = (hand: { id: string; text: string }[]) => [...hand].sort((a, b) => ORDERED_TRUTH.indexOf(a.text) - ORDERED_TRUTH.indexOf(b.text)).map((c) => c.id);
    const adaOrder = right(adaView.hand);
    // Bob puts 'timeout' first: the classic mistake.
    const bobRight = right(bobView.hand);
    const bobOrder = [bobRight[3], bobRight[0], bobRight[1], bobRight[2]];
    expect((await ada.ask('round:answer', { code: room.code, playerToken: adaJoin.playerToken, order: adaOrder })).ok).toBe(true);
    expect((await bob.ask('round:answer', { code: room.code, playerToken: bobJoin.playerToken, order: bobOrder })).ok).toBe(true);
    await host.waitFor<HostView>('host:view', (v) => v.phase === 'reveal');

    expect(await host.ask('history:analysis', { code: room.code, hostToken: 'z'.repeat(32) })).toMatchObject({ ok: false, code: 'ROOM_NOT_FOUND' });
    const res = await host.ask('history:analysis', { code: room.code, hostToken: room.hostToken });
    expect(res.ok).toBe(true);
    expect(res.analysis.players).toBe(2);
    expect(res.analysis.averageScore).toBeGreaterThan(0);
    const [round] = res.analysis.rounds;
    expect(round).toMatchObject({ number: 1, title: 'Queues', skipped: false, cards: ORDERED_TRUTH, players: 2, percentFullyRight: 50 });
    expect(round.commonWrongOrders).toEqual([{ order: ['timeout', 'sync', 'tick', 'then'], count: 1, percent: 50 }]);
    expect(round.mostMisplaced).toEqual({ text: 'timeout', count: 1, percent: 50 });
    // The analysis does not leak a player's token.
    expect(JSON.stringify(res)).not.toContain(adaJoin.playerToken);
  }, 60_000);
});

describe('durability', () => {
  it('decks and a room playing a custom snippet survive a restart of the server on the same DATA_DIR', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'decks-'));
    try {
      let store = openStore({ dataDir: dir });
      let server = await startServer({ store, limits: { eventsPerSocket: 100_000 } });
      let c = await client(server.url);
      const made = await c.ask('deck:create', { name: 'Kept', items: [custom(ORDERED)] });
      expect(made.ok).toBe(true);
      const room = await c.ask('room:create', { secondsPerRound: 60, deck: { deckId: made.deckId, editToken: made.editToken } });
      const p = await client(server.url);
      await p.ask('room:join', { code: room.code, nickname: 'Ada' });
      expect(await c.ask('game:start', { code: room.code, hostToken: room.hostToken, ...commandTarget(server.server.registry.getRoom(room.code)!.actor.getSnapshot()) })).toEqual({ ok: true });
      c.close();
      p.close();
      await server.close();
      store.close();

      store = openStore({ dataDir: dir });
      server = await startServer({ store, limits: { eventsPerSocket: 100_000 } });
      expect(server.server.registry.restoreRooms(0)).toBe(1);
      const restored = server.server.registry.getRoom(room.code)!.actor.getSnapshot();
      expect(['countdown', 'answering']).toContain(phaseOf(restored));
      expect(restored.context.round!.entry.cards.map((x) => x.text)).toEqual(ORDERED_TRUTH);
      c = await client(server.url);
      const again = await c.ask('deck:get', { deckId: made.deckId, editToken: made.editToken });
      expect(again.ok).toBe(true);
      expect(again.deck.snippets[0].cards).toEqual(ORDERED_TRUTH);
      c.close();
      await server.close();
      store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
