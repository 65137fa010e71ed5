// A phone's session against a fake connection: an answer refused because a pause reached the
// server first is kept and sent again as soon as the room resumes (a pause never costs a player
// their answer), and a join carries this device's id.
import { describe, expect, it } from 'vitest';
import type { PlayerView } from '../../shared/protocol.ts';
import type { Connection } from '../../client/src/lib/connection.svelte.ts';
import { PlayerSession } from '../../client/src/lib/session/player.svelte.ts';
import { TRUE_ORDER } from './fixtures.ts';

function playerView(phase: PlayerView['phase'], paused: boolean, submitted: string[] | null = null): PlayerView {
  return {
    role: 'player',
    code: 'ABC123',
    playerCount: 3,
    you: { id: 'p1', nickname: 'Pia', score: 0, rank: null, streak: 0, bestStreak: 0, bestRound: null },
    phase,
    paused,
    round: {
      number: 1,
      total: 3,
      snippet: { id: 'r1', title: 'A snippet', difficulty: 1, topics: ['sync'], source: "console.log('A');" },
      endsAt: null,
      serverNow: Date.now(),
      startsAt: null,
      remainingMs: paused ? 30_000 : null,
      limitSeconds: 60,
      answeredCount: 0,
      playerCount: 3,
    },
    hand: TRUE_ORDER.slice().reverse(),
    submitted,
    reveal: null,
    leaderboard: [],
    notice: null,
  };
}

class FakeConnection {
  sent: { event: string; payload: Record<string, unknown> }[] = [];
  answer: (event: string, payload: Record<string, unknown>) => object = () => ({ ok: true });
  #handlers = new Map<string, (view: unknown) => void>();
  lost = false;
  async request(event: string, payload: Record<string, unknown>) {
    this.sent.push({ event, payload });
    return this.answer(event, payload);
  }
  on(event: string, handler: (view: unknown) => void) {
    this.#handlers.set(event, handler);
    return () => this.#handlers.delete(event);
  }
  onReconnect() {
    return () => {};
  }
  push(event: string, view: unknown) {
    this.#handlers.get(event)?.(view);
  }
}

describe('PlayerSession', () => {
  it('keeps an answer refused for a pause and sends it when the game resumes', async () => {
    const conn = new FakeConnection();
    conn.answer = (event) => (event === 'room:join' ? { ok: true, playerToken: 'tok', view: playerView('answering', false) } : { ok: true });
    const session = new PlayerSession(conn as unknown as Connection, 'ABC123');
    const stop = session.start();
    expect(await session.join('ABC123', 'Pia')).toBe(true);
    expect(conn.sent[0]!.payload.deviceId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);

    // The pause reaches the server just before the answer: refused.
    conn.answer = () => ({ ok: false, code: 'ROUND_CLOSED', message: 'The game is paused: answer once it resumes.' });
    const order = session.hand.order;
    expect(await session.submit()).toBe(true);
    expect(session.error).toBeNull();
    conn.push('player:view', playerView('answering', true));
    expect(session.answerQueued).toBe(true);

    // Resumed: the kept answer goes in by itself, in the order the player had.
    conn.answer = (_event, payload) => ({ ok: true, submitted: payload.order });
    conn.sent = [];
    conn.push('player:view', playerView('answering', false));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(conn.sent.map((s) => s.event)).toEqual(['round:answer']);
    expect(conn.sent[0]!.payload.order).toEqual(order);
    stop();
  });

  it('forgets a kept answer when the round is over before a resume', async () => {
    const conn = new FakeConnection();
    conn.answer = (event) => (event === 'room:join' ? { ok: true, playerToken: 'tok', view: playerView('answering', true) } : { ok: false, code: 'ROUND_CLOSED', message: 'The game is paused.' });
    const session = new PlayerSession(conn as unknown as Connection, 'ABC123');
    const stop = session.start();
    await session.join('ABC123', 'Pia');
    await session.submit();
    expect(session.answerQueued).toBe(true);
    conn.sent = [];
    conn.push('player:view', { ...playerView('reveal', false), round: { ...playerView('reveal', false).round!, number: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(conn.sent).toEqual([]);
    expect(session.answerQueued).toBe(false);
    stop();
  });
});
