// The store (server/store.ts) and the room journal (server/journal.ts): migrations on an empty and on an
// older database, a clear StoreError for an unusable DATA_DIR, the retention purge, and a room that is
// logged event by event and comes back from the store exactly as it was (answers, hands, scores, the
// round's deadline, which is armed again after the restore).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DB_FILE, MIGRATIONS, openStore, StoreError, type Store } from '../../server/store.ts';
import { RoomRegistry, LiveRoom, RESTORE_GRACE_MS } from '../../server/rooms.ts';
import { roomViews } from '../../server/views.ts';
import type { RoomEvent } from '../../server/room-types.ts';
import { FAKE_DECK, testDeps, testSettings } from './helpers.ts';

const dirs: string[] = [];
const stores: Store[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'arena-store-'));
  dirs.push(dir);
  return dir;
}
function open(dataDir: string, migrateTo?: number): Store {
  const store = openStore({ dataDir, migrateTo });
  stores.push(store);
  return store;
}
afterEach(() => {
  vi.useRealTimers();
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function schemaOf(dir: string) {
  const db = new Database(path.join(dir, DB_FILE), { readonly: true });
  try {
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      journalMode: db.pragma('journal_mode', { simple: true }) as string,
      tables: (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[]),
    };
  } finally {
    db.close();
  }
}

describe('migrations', () => {
  it('an empty DATA_DIR (even a missing one) gets the latest schema, in WAL mode', () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const store = open(dir);
    expect(store.durable).toBe(true);
    store.close();
    const schema = schemaOf(dir);
    expect(schema.version).toBe(MIGRATIONS.length);
    expect(schema.journalMode).toBe('wal');
    expect(schema.tables).toEqual(expect.arrayContaining(['room_events', 'rooms', 'server_meta']));
  });

  it('an older database is migrated forward and keeps its rooms and events', () => {
    const dir = tempDir();
    const old = open(dir, 1);
    old.createRoom('ACDEFG', 'host-token', 1000, '{"old":true}');
    old.appendEvent('ACDEFG', 1, 1001, '{"type":"LOCK","locked":true}', '[]');
    // Version 1 has no server_meta table: the heartbeat only exists from version 2 on.
    expect(() => old.heartbeat(5)).toThrow();
    old.close();
    expect(schemaOf(dir).version).toBe(1);

    const store = open(dir);
    const room = store.getRoom('ACDEFG')!;
    expect(room).toMatchObject({ code: 'ACDEFG', hostToken: 'host-token', status: 'live', snapshot: '{"old":true}', snapshotSeq: 0 });
    expect(room.events).toEqual([{ seq: 1, event: '{"type":"LOCK","locked":true}', tape: '[]' }]);
    store.heartbeat(1234);
    expect(store.lastHeartbeat()).toBe(1234);
    store.close(); // the server holds its database exclusively while it runs
    expect(schemaOf(dir).version).toBe(MIGRATIONS.length);
  });

  it('a database from a newer server is refused with a clear error', () => {
    const dir = tempDir();
    open(dir).close();
    const db = new Database(path.join(dir, DB_FILE));
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    db.close();
    expect(() => open(dir)).toThrow(StoreError);
    expect(() => open(dir)).toThrow(/newer than this server knows/);
  });
});

describe('an unusable DATA_DIR fails at start with a clear message', () => {
  it('a corrupt database file', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, DB_FILE), Buffer.alloc(8192, 0x5a));
    let error: unknown;
    try {
      open(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toContain(path.join(dir, DB_FILE));
    expect((error as Error).message).toMatch(/unusable .*not a database.*move it away/);
  });

  it('a DATA_DIR that another server is using', () => {
    const dir = tempDir();
    open(dir);
    expect(() => open(dir)).toThrow(/in use by another process/);
  });

  it('a DATA_DIR that is a file, not a directory', () => {
    const file = path.join(tempDir(), 'not-a-dir');
    writeFileSync(file, 'x');
    expect(() => open(file)).toThrow(StoreError);
    expect(() => open(file)).toThrow(/cannot be used as a data directory.*writable directory/);
  });

  it('a DATA_DIR below a file cannot be created', () => {
    const file = path.join(tempDir(), 'plain-file');
    writeFileSync(file, 'x');
    expect(() => open(path.join(file, 'data'))).toThrow(/cannot be used as a data directory \((ENOTDIR|EEXIST)/);
  });
});

describe('retention', () => {
  it('purges finished games closed before the cut-off, never live rooms or recent games', () => {
    const store = open(tempDir());
    const day = 24 * 60 * 60_000;
    const now = 100 * day;
    for (const code of ['OLDONE', 'RECENT', 'LIVEXX']) store.createRoom(code, 't', now - 60 * day, '{}');
    store.appendEvent('OLDONE', 1, now - 60 * day, '{}', '[]');
    store.closeRoom('OLDONE', 0, now - 31 * day, '{"final":1}');
    store.closeRoom('RECENT', 0, now - 29 * day, '{"final":2}');
    expect(store.purgeClosedBefore(now - 30 * day)).toBe(1);
    expect(store.getRoom('OLDONE')).toBeNull();
    expect(store.getRoom('RECENT')).toMatchObject({ status: 'closed', snapshot: '{"final":2}' });
    expect(store.liveRooms().map((r) => r.code)).toEqual(['LIVEXX']);
    expect(store.purgeClosedBefore(now - 30 * day)).toBe(0);
  });
});

/** A registry on `store`, as a server would build it (seeded randomness, the test clock). */
function registryOn(store: Store, seed = 7) {
  return new RoomRegistry({
    deck: FAKE_DECK,
    deps: testDeps(seed),
    publicUrl: null,
    roomIdleMs: 10 * 60_000,
    maxRooms: 10,
    countdownMs: 500,
    broadcastIntervalMs: 5,
    log: () => {},
    store,
  });
}

function join(room: LiveRoom, registry: RoomRegistry, nickname: string): { id: string; token: string } {
  const id = registry.options.deps.randomId(9);
  const token = registry.newToken();
  const refused = room.send({ type: 'JOIN', playerId: id, token, nickname } as RoomEvent);
  expect(refused).toBeNull();
  room.tokens.set(token, id);
  return { id, token };
}

/** A flow command aimed at where the room is now (commands name their round and phase). */
function command(room: LiveRoom, type: 'START' | 'NEXT' | 'PAUSE' | 'RESUME' | 'END', now: number) {
  const target = (roomViews(room.actor.getSnapshot(), now).host() as { commandTarget?: object }).commandTarget ?? {};
  return room.send({ type, ...target } as RoomEvent);
}

/** What SIGKILL leaves: rooms stop where they are, nothing is closed or told. */
function kill(registry: RoomRegistry) {
  for (const room of registry.rooms.values()) room.dispose('killed', false);
  registry.rooms.clear();
}

describe('the room journal', () => {
  it('logs each answer as one event and restores the room exactly, re-arming its deadline', () => {
    vi.useFakeTimers({ now: Date.UTC(2030, 0, 1, 9) });
    const store = open(tempDir());
    const first = registryOn(store);
    const room = first.createRoom(testSettings({ rounds: 2, secondsPerRound: 10 }), 'http://x') as LiveRoom;
    expect(room).toBeInstanceOf(LiveRoom);
    const players = ['Ada', 'Bob', 'Cy'].map((n) => join(room, first, n));
    expect(command(room, 'START', Date.now())).toBeNull();
    vi.advanceTimersByTime(600); // the countdown ends: answering
    expect(room.actor.getSnapshot().matches({ round: 'answering' })).toBe(true);
    vi.advanceTimersByTime(2000);
    const ctx = room.actor.getSnapshot().context;
    const answers = players.slice(0, 2).map((p) => ({ ...p, order: [...ctx.round!.hands[p.id]].reverse() }));
    for (const a of answers) expect(room.send({ type: 'ANSWER', playerId: a.id, order: a.order })).toBeNull();

    // Each answer is one line of the log after the snapshot taken when answering opened.
    const stored = store.getRoom(room.code)!;
    expect(stored.events.map((e) => JSON.parse(e.event).type)).toEqual(['ANSWER', 'ANSWER']);
    // ...with the clock readings the answer consumed (its time is computed from them).
    for (const e of stored.events) {
      const tape = JSON.parse(e.tape) as unknown[];
      expect(tape.length).toBeGreaterThan(0);
      expect(tape.every((v) => v === Date.now())).toBe(true);
    }
    const before = structuredClone(room.actor.getSnapshot().context);

    // "kill": drop the first registry without closing anything, build a second one on the same store.
    kill(first);
    vi.advanceTimersByTime(30_000); // the server is away for 30 s
    const second = registryOn(store, 99);
    expect(second.restoreRooms(30_000)).toBe(1);
    const back = second.getRoom(room.code)!;
    expect(back.isHost(room.hostToken)).toBe(true);
    const after = back.actor.getSnapshot();
    expect(after.matches({ round: 'answering' })).toBe(true);
    // Same players, hands and acknowledged answers (with their times); the deadline moved by the downtime.
    expect(after.context.players).toEqual(before.players);
    expect(after.context.round!.hands).toEqual(before.round!.hands);
    expect(after.context.round!.answers).toEqual(before.round!.answers);
    expect(after.context.round!.deadlineAt).toBe(before.round!.deadlineAt! + 30_000);
    for (const p of players) expect(back.tokens.get(p.token)).toBe(p.id);
    // The restore is stored as one snapshot: nothing left to replay.
    expect(store.getRoom(room.code)!.events).toEqual([]);

    // The deadline is armed again: 10 s - 2.1 s spent before the kill = 7.9 s after the restart.
    vi.advanceTimersByTime(7800);
    expect(back.actor.getSnapshot().matches({ round: 'answering' })).toBe(true);
    vi.advanceTimersByTime(200);
    expect(back.actor.getSnapshot().matches('reveal')).toBe(true);
    const results = back.actor.getSnapshot().context.round!.results!;
    expect(results[answers[0].id].submitted).toEqual(answers[0].order);
    expect(results[answers[1].id].submitted).toEqual(answers[1].order);
    expect(results[players[2].id].submitted).toBeNull();
    second.close();
  });

  it('a paused round stays paused with the time it had; a deadline that fires is stored as a snapshot', () => {
    vi.useFakeTimers({ now: Date.UTC(2030, 0, 1, 9) });
    const store = open(tempDir());
    const first = registryOn(store);
    const room = first.createRoom(testSettings({ rounds: 1, secondsPerRound: 10 }), 'http://x') as LiveRoom;
    const ada = join(room, first, 'Ada');
    command(room, 'START', Date.now());
    vi.advanceTimersByTime(600);
    vi.advanceTimersByTime(4000);
    expect(command(room, 'PAUSE', Date.now())).toBeNull();
    const remaining = room.actor.getSnapshot().context.round!.pausedRemainingMs;
    expect(remaining).toBe(5900); // answering opened 100 ms before the first 600 ms were over
    kill(first);
    vi.advanceTimersByTime(60_000);
    const second = registryOn(store);
    second.restoreRooms(60_000);
    const back = second.getRoom(room.code)!;
    expect(back.actor.getSnapshot().matches({ round: 'paused' })).toBe(true);
    // Restored players count as connected until RESTORE_GRACE_MS has passed without their phone.
    expect(back.actor.getSnapshot().context.players[ada.id].connected).toBe(true);
    vi.advanceTimersByTime(RESTORE_GRACE_MS - 10);
    expect(back.actor.getSnapshot().context.players[ada.id].connected).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(back.actor.getSnapshot().context.players[ada.id].connected).toBe(false);
    expect(back.actor.getSnapshot().matches({ round: 'paused' })).toBe(true);
    expect(command(back, 'RESUME', Date.now())).toBeNull();
    vi.advanceTimersByTime(5890);
    expect(back.actor.getSnapshot().matches({ round: 'answering' })).toBe(true);
    vi.advanceTimersByTime(20);
    // The deadline fired on its own (no event): the store has the reveal without any log line.
    expect(back.actor.getSnapshot().matches('reveal')).toBe(true);
    const stored = store.getRoom(room.code)!;
    expect(stored.events).toEqual([]);
    expect(JSON.parse(stored.snapshot).value).toBe('reveal');
    second.close();
  });

  it('a closed room keeps its report in the store; a live room is not closed by a shutdown', () => {
    vi.useFakeTimers({ now: Date.UTC(2030, 0, 1, 9) });
    const store = open(tempDir());
    const registry = registryOn(store);
    const ended = registry.createRoom(testSettings({ rounds: 1 }), 'http://x') as LiveRoom;
    const kept = registry.createRoom(testSettings({ rounds: 1 }), 'http://x') as LiveRoom;
    join(ended, registry, 'Ada');
    registry.disposeRoom(ended.code, 'idle');
    expect(store.getRoom(ended.code)!.status).toBe('closed');
    expect(registry.reportContext(ended.code, ended.hostToken)!.players).toEqual(ended.actor.getSnapshot().context.players);
    expect(registry.reportContext(ended.code, 'wrong')).toBeNull();
    registry.close(); // shutdown
    expect(store.getRoom(kept.code)!.status).toBe('live');
    expect(store.liveRooms().map((r) => r.code)).toEqual([kept.code]);
  });
});
