// What the browser remembers: player seats per room, the host seat, the practice personal best;
// and that a broken localStorage never breaks the game.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostSeat, playerSeats, practiceBest } from '../../client/src/lib/storage.ts';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, String(v));
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

const g = globalThis as { localStorage?: unknown };

describe('storage', () => {
  let store: MemoryStorage;
  beforeEach(() => {
    store = new MemoryStorage();
    g.localStorage = store;
  });
  afterEach(() => {
    delete g.localStorage;
  });

  it('keeps one player seat per room code', () => {
    playerSeats.set({ code: 'AAA111', playerToken: 't1', nickname: 'Ada' });
    playerSeats.set({ code: 'BBB222', playerToken: 't2', nickname: 'Bob' });
    expect(playerSeats.get('AAA111')).toEqual({ code: 'AAA111', playerToken: 't1', nickname: 'Ada' });
    playerSeats.forget('AAA111');
    expect(playerSeats.get('AAA111')).toBeNull();
    expect(playerSeats.get('BBB222')?.playerToken).toBe('t2');
  });

  it('keeps the host seat until forgotten', () => {
    expect(hostSeat.get()).toBeNull();
    hostSeat.set({ code: 'CCC333', hostToken: 'h' });
    expect(hostSeat.get()).toEqual({ code: 'CCC333', hostToken: 'h' });
    hostSeat.forget();
    expect(hostSeat.get()).toBeNull();
  });

  it('records a practice run only when it beats the best score', () => {
    expect(practiceBest.offer({ score: 500, fullyRight: 2, rounds: 5 }, 'd1')).toBe(true);
    expect(practiceBest.offer({ score: 400, fullyRight: 4, rounds: 5 }, 'd2')).toBe(false);
    expect(practiceBest.offer({ score: 500, fullyRight: 5, rounds: 5 }, 'd3')).toBe(false);
    expect(practiceBest.get()).toEqual({ score: 500, fullyRight: 2, rounds: 5, at: 'd1' });
    expect(practiceBest.offer({ score: 501, fullyRight: 1, rounds: 5 }, 'd4')).toBe(true);
    expect(practiceBest.get()?.score).toBe(501);
  });

  it('survives garbage in storage and a storage that throws', () => {
    store.setItem('ela:host', '{not json');
    expect(hostSeat.get()).toBeNull();
    g.localStorage = {
      getItem() {
        throw new Error('blocked');
      },
      setItem() {
        throw new Error('full');
      },
      removeItem() {
        throw new Error('blocked');
      },
    };
    expect(() => hostSeat.set({ code: 'X', hostToken: 'y' })).not.toThrow();
    expect(hostSeat.get()).toBeNull();
    expect(practiceBest.offer({ score: 1, fullyRight: 0, rounds: 1 })).toBe(true);
  });
});
