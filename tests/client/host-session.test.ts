// The host session's commands against a fake connection: each flow command names the round and
// phase of the view it was drawn from, a repeat aimed at the same view (a double click) is never
// sent, and a refusal as stale after the view moved on is not shown as an error.
import { describe, expect, it } from 'vitest';
import type { HostView } from '../../shared/protocol.ts';
import type { Connection } from '../../client/src/lib/connection.svelte.ts';
import { HostSession } from '../../client/src/lib/session/host.svelte.ts';

function hostView(round: number, phase: HostView['phase']): HostView {
  return {
    role: 'host',
    code: 'ABC123',
    joinUrl: 'http://example.test/?room=ABC123',
    settings: { topics: [], difficulties: [], rounds: 3, secondsPerRound: 60, speedBonus: true, allowLateJoin: true, maxPlayers: 60 },
    phase,
    paused: false,
    locked: false,
    players: [],
    round: null,
    reveal: null,
    leaderboard: [],
    reportPath: '/rooms/ABC123/report.csv',
    allowedCommands: ['game:start', 'game:end', 'room:lock'],
    commandTarget: { round, phase },
    notice: null,
    banned: [],
  };
}

/** A connection that records requests and answers them as told; server pushes are sent by hand. */
class FakeConnection {
  sent: { event: string; payload: Record<string, unknown> }[] = [];
  answer: (event: string) => object = () => ({ ok: true });
  #handlers = new Map<string, (view: unknown) => void>();
  lost = false;

  async request(event: string, payload: Record<string, unknown>) {
    this.sent.push({ event, payload });
    return this.answer(event);
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

async function openedRoom() {
  const conn = new FakeConnection();
  conn.answer = (event) => (event === 'room:create' ? { ok: true, code: 'ABC123', hostToken: 'secret-host-token', view: hostView(0, 'lobby') } : { ok: true });
  const session = new HostSession(conn as unknown as Connection);
  const stop = session.start();
  expect(await session.create({ rounds: 3 })).toBe(true);
  conn.sent = [];
  return { conn, session, stop };
}

describe('HostSession commands', () => {
  it('send the round and phase of the view on screen', async () => {
    const { conn, session, stop } = await openedRoom();
    expect(await session.command('game:start')).toBe(true);
    expect(conn.sent).toEqual([{ event: 'game:start', payload: { code: 'ABC123', hostToken: 'secret-host-token', round: 0, phase: 'lobby' } }]);
    stop();
  });

  it('drop a second press of the same command aimed at the same view (a double click)', async () => {
    const { conn, session, stop } = await openedRoom();
    await session.command('game:start');
    expect(await session.command('game:start')).toBe(false);
    expect(conn.sent).toHaveLength(1);
    // Once the next view arrives, a command is aimed at it and goes out.
    conn.push('host:view', hostView(1, 'countdown'));
    await session.command('game:pause');
    expect(conn.sent.map((s) => [s.event, s.payload.round, s.payload.phase])).toEqual([
      ['game:start', 0, 'lobby'],
      ['game:pause', 1, 'countdown'],
    ]);
    stop();
  });

  it('keep quiet about a stale refusal once the view has moved on, but show other refusals', async () => {
    const { conn, session, stop } = await openedRoom();
    conn.answer = () => {
      // The room moved on while the command travelled.
      conn.push('host:view', hostView(1, 'countdown'));
      return { ok: false, code: 'INVALID_STATE', message: 'This command was meant for round 0 (lobby)' };
    };
    expect(await session.command('game:start')).toBe(false);
    expect(session.error).toBeNull();
    conn.answer = () => ({ ok: false, code: 'NOT_HOST', message: 'Wrong host token.' });
    expect(await session.command('game:pause')).toBe(false);
    expect(session.error).toBe('Wrong host token.');
    stop();
  });
});
