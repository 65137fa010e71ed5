// The store: the one module that reads and writes the server's durable state. SQLite through
// better-sqlite3, one file under DATA_DIR, WAL mode, numbered schema migrations applied at start
// (PRAGMA user_version), prepared statements only. Rooms are kept as an append-only log of accepted
// events plus a periodic snapshot (server/journal.ts decides what goes in them); finished rooms stay for
// the CSV report until the retention purge. `openStore()` fails at start with a StoreError that says
// what is wrong with DATA_DIR; nothing fails later in the middle of a game because of the directory.
//
// Durability: every write is a synchronous autocommit before the caller acknowledges anything. In WAL
// mode with synchronous=NORMAL a committed transaction is in the WAL file (the OS page cache) when the
// call returns, so it survives the process being killed (kill -9, a crash); a power cut or kernel panic
// can lose the last transactions since the previous WAL checkpoint (never corrupt the file).
// synchronous=FULL (STORE_SYNC=full) fsyncs each commit and also survives a power cut, at the price of
// one fsync per event.
import { mkdirSync, accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** A problem with DATA_DIR or its database, found at start. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** A room as the store holds it: the latest snapshot and the events logged after it. */
export interface StoredRoom {
  code: string;
  hostToken: string;
  status: 'live' | 'closed';
  createdAt: number;
  closedAt: number | null;
  /** Sequence number of the last event the snapshot includes. */
  snapshotSeq: number;
  snapshot: string;
  /** Events after the snapshot, in order. */
  events: { seq: number; event: string; tape: string }[];
}

/** What the rest of the server may ask of the store. */
export interface Store {
  /** Where the data lives ('memory' for the in-memory store, 'none' for the no-op store). */
  readonly location: string;
  /** True when rooms outlive the process (a file); false for the in-memory and no-op stores. */
  readonly durable: boolean;
  /** The SQLite database (decks live in it, server/deck-library.ts); null for the no-op store. */
  readonly database: Database.Database | null;
  createRoom(code: string, hostToken: string, at: number, snapshot: string): void;
  /** Appends one accepted event (and the clock/randomness values it consumed) to a room's log. */
  appendEvent(code: string, seq: number, at: number, event: string, tape: string): void;
  /** Replaces a room's snapshot and drops the events it includes. */
  saveSnapshot(code: string, seq: number, at: number, snapshot: string): void;
  /** Marks a room finished (kept for the report until the purge), with its final snapshot. */
  closeRoom(code: string, seq: number, at: number, snapshot: string): void;
  /** Every room that was live, with its snapshot and pending events. */
  liveRooms(): StoredRoom[];
  /** One room (live or closed), or null. */
  getRoom(code: string): StoredRoom | null;
  /** Deletes rooms closed before `before`; returns how many. */
  purgeClosedBefore(before: number): number;
  /** Records that the server was alive at `at` (to measure downtime after a crash). */
  heartbeat(at: number): void;
  lastHeartbeat(): number | null;
  close(): void;
}

/**
 * Numbered migrations: migration i brings the schema from version i to i + 1. Never edit a released
 * one; append a new one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: rooms with their latest snapshot, and the event log after it.
  `CREATE TABLE rooms (
     code TEXT PRIMARY KEY,
     host_token TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('live', 'closed')),
     created_at INTEGER NOT NULL,
     closed_at INTEGER,
     snapshot_seq INTEGER NOT NULL,
     snapshot TEXT NOT NULL
   );
   CREATE TABLE room_events (
     code TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     at INTEGER NOT NULL,
     event TEXT NOT NULL,
     tape TEXT NOT NULL,
     PRIMARY KEY (code, seq)
   ) WITHOUT ROWID;`,
  // 2: server facts (the heartbeat), and finding rooms to restore or purge without a full scan.
  `CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
   CREATE INDEX rooms_by_status ON rooms (status, closed_at);`,
  // 3: instructors' decks (server/deck-library.ts): the deck with its ordered items and the hash of its
  // edit token, and each custom snippet with the answer key the server computed.
  `CREATE TABLE decks (
     id TEXT PRIMARY KEY,
     edit_hash TEXT NOT NULL,
     name TEXT NOT NULL,
     address TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     items TEXT NOT NULL
   );
   CREATE INDEX decks_by_address ON decks (address);
   CREATE TABLE deck_snippets (
     deck_id TEXT NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
     id TEXT NOT NULL,
     title TEXT NOT NULL,
     difficulty INTEGER NOT NULL,
     topics TEXT NOT NULL,
     explanation TEXT NOT NULL,
     module TEXT NOT NULL CHECK (module IN ('commonjs', 'module')),
     source TEXT NOT NULL,
     cards TEXT NOT NULL,
     trace TEXT NOT NULL,
     PRIMARY KEY (deck_id, id)
   ) WITHOUT ROWID;`,
];

export interface OpenStoreOptions {
  /** Directory of the database file (created if missing), or ':memory:'. */
  dataDir: string;
  /** 'normal' (default: survives a process kill) or 'full' (also survives a power cut). */
  sync?: 'normal' | 'full';
  /** Apply only the first n migrations (tests of older databases). */
  migrateTo?: number;
}

/** The database file name inside DATA_DIR. */
export const DB_FILE = 'arena.sqlite';

/** Brings a database to the latest schema version, one transaction per migration. Returns the version. */
export function migrate(db: Database.Database, upTo = MIGRATIONS.length): number {
  let version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new StoreError(`The database is at schema version ${version}, newer than this server knows (${MIGRATIONS.length}): upgrade the server.`);
  }
  while (version < upTo) {
    const sql = MIGRATIONS[version];
    const next = version + 1;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${next}`);
    }).immediate();
    version = next;
  }
  return version;
}

/** Opens (creating and migrating if needed) the SQLite store. Throws StoreError with a clear message. */
export function openStore(options: OpenStoreOptions): Store {
  const memory = options.dataDir === ':memory:';
  let file = ':memory:';
  if (!memory) {
    const dir = path.resolve(options.dataDir);
    try {
      mkdirSync(dir, { recursive: true });
      if (!statSync(dir).isDirectory()) throw new Error('not a directory');
      accessSync(dir, constants.W_OK | constants.R_OK);
    } catch (err) {
      throw new StoreError(`DATA_DIR ${dir} cannot be used as a data directory (${reason(err)}): point DATA_DIR at a writable directory.`);
    }
    file = path.join(dir, DB_FILE);
  }
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (err) {
    throw new StoreError(`Cannot open the database ${file} (${reason(err)}): check DATA_DIR and its permissions.`);
  }
  try {
    // quick_check reads every page: a damaged file is found here, not in the middle of a game.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check: ${String(check)}`);
    if (!memory) {
      // One server owns its DATA_DIR: exclusive locking keeps the WAL index in memory (no shared-memory
      // locks per commit: about half the cost of an insert) and stops a second server on the same files.
      db.pragma('locking_mode = EXCLUSIVE');
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new Error(`could not switch to WAL mode (got ${String(mode)})`);
    }
    db.pragma(`synchronous = ${options.sync === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    migrate(db, options.migrateTo);
    // A write at start proves the file is writable now rather than at the first answer.
    if ((options.migrateTo ?? MIGRATIONS.length) >= 2) db.prepare(`INSERT OR REPLACE INTO server_meta (key, value) VALUES ('opened_at', ?)`).run(String(Date.now()));
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    if (err && typeof err === 'object' && 'code' in err && err.code === 'SQLITE_BUSY') {
      throw new StoreError(`The database ${file} is in use by another process (another server with the same DATA_DIR?): stop it or choose another DATA_DIR.`);
    }
    throw new StoreError(`The database ${file} is unusable (${reason(err)}): move it away to start with an empty store, or restore a backup.`);
  }
  return new SqliteStore(db, memory ? 'memory' : file);
}

function reason(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return `${err.code}: ${(err as unknown as Error).message}`;
  return err instanceof Error ? err.message : String(err);
}

/** The SQLite store; every statement is prepared once. */
class SqliteStore implements Store {
  readonly durable: boolean;
  get database(): Database.Database {
    return this.db;
  }
  private readonly insertRoom;
  private readonly deleteClosedCode;
  private readonly insertEvent;
  private readonly updateSnapshot;
  private readonly deleteEventsUpTo;
  private readonly markClosed;
  private readonly selectLive;
  private readonly selectRoom;
  private readonly selectEvents;
  private readonly deleteClosed;
  // server_meta comes with migration 2: prepared on first use (a store opened at version 1 still works).
  private putMeta: Database.Statement | null = null;
  private getMeta: Database.Statement | null = null;
  private readonly snapshotTx;
  private readonly closeTx;

  constructor(
    private readonly db: Database.Database,
    readonly location: string,
  ) {
    this.durable = location !== 'memory';
    this.insertRoom = db.prepare(
      `INSERT INTO rooms (code, host_token, status, created_at, closed_at, snapshot_seq, snapshot) VALUES (?, ?, 'live', ?, NULL, 0, ?)`,
    );
    this.deleteClosedCode = db.prepare(`DELETE FROM rooms WHERE code = ? AND status = 'closed'`);
    this.insertEvent = db.prepare(`INSERT INTO room_events (code, seq, at, event, tape) VALUES (?, ?, ?, ?, ?)`);
    this.updateSnapshot = db.prepare(`UPDATE rooms SET snapshot_seq = ?, snapshot = ? WHERE code = ?`);
    this.deleteEventsUpTo = db.prepare(`DELETE FROM room_events WHERE code = ? AND seq <= ?`);
    this.markClosed = db.prepare(`UPDATE rooms SET status = 'closed', closed_at = ? WHERE code = ?`);
    this.selectLive = db.prepare(`SELECT * FROM rooms WHERE status = 'live' ORDER BY created_at`);
    this.selectRoom = db.prepare(`SELECT * FROM rooms WHERE code = ?`);
    this.selectEvents = db.prepare(`SELECT seq, event, tape FROM room_events WHERE code = ? AND seq > ? ORDER BY seq`);
    this.deleteClosed = db.prepare(`DELETE FROM rooms WHERE status = 'closed' AND closed_at < ?`);
    this.snapshotTx = db.transaction((code: string, seq: number, snapshot: string) => {
      this.updateSnapshot.run(seq, snapshot, code);
      this.deleteEventsUpTo.run(code, seq);
    });
    this.closeTx = db.transaction((code: string, seq: number, at: number, snapshot: string) => {
      this.updateSnapshot.run(seq, snapshot, code);
      this.deleteEventsUpTo.run(code, seq);
      this.markClosed.run(at, code);
    });
  }

  createRoom(code: string, hostToken: string, at: number, snapshot: string): void {
    // A code can come back after its previous room was purged or closed long ago: the new room wins.
    this.deleteClosedCode.run(code);
    this.insertRoom.run(code, hostToken, at, snapshot);
  }

  appendEvent(code: string, seq: number, at: number, event: string, tape: string): void {
    this.insertEvent.run(code, seq, at, event, tape);
  }

  saveSnapshot(code: string, seq: number, _at: number, snapshot: string): void {
    this.snapshotTx(code, seq, snapshot);
  }

  closeRoom(code: string, seq: number, at: number, snapshot: string): void {
    this.closeTx(code, seq, at, snapshot);
  }

  private toStored(row: RoomRow): StoredRoom {
    return {
      code: row.code,
      hostToken: row.host_token,
      status: row.status,
      createdAt: row.created_at,
      closedAt: row.closed_at,
      snapshotSeq: row.snapshot_seq,
      snapshot: row.snapshot,
      events: this.selectEvents.all(row.code, row.snapshot_seq) as StoredRoom['events'],
    };
  }

  liveRooms(): StoredRoom[] {
    return (this.selectLive.all() as RoomRow[]).map((row) => this.toStored(row));
  }

  getRoom(code: string): StoredRoom | null {
    const row = this.selectRoom.get(code) as RoomRow | undefined;
    return row ? this.toStored(row) : null;
  }

  purgeClosedBefore(before: number): number {
    return this.deleteClosed.run(before).changes;
  }

  heartbeat(at: number): void {
    this.putMeta ??= this.db.prepare(`INSERT OR REPLACE INTO server_meta (key, value) VALUES (?, ?)`);
    this.putMeta.run('heartbeat', String(at));
  }

  lastHeartbeat(): number | null {
    this.getMeta ??= this.db.prepare(`SELECT value FROM server_meta WHERE key = ?`).pluck();
    const value = this.getMeta.get('heartbeat') as string | undefined;
    return value === undefined ? null : Number(value);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

interface RoomRow {
  code: string;
  host_token: string;
  status: 'live' | 'closed';
  created_at: number;
  closed_at: number | null;
  snapshot_seq: number;
  snapshot: string;
}

/** The no-op store: remembers nothing (the benchmark's baseline, and a server that wants no disk). */
export const nullStore: Store = {
  location: 'none',
  durable: false,
  database: null,
  createRoom() {},
  appendEvent() {},
  saveSnapshot() {},
  closeRoom() {},
  liveRooms: () => [],
  getRoom: () => null,
  purgeClosedBefore: () => 0,
  heartbeat() {},
  lastHeartbeat: () => null,
  close() {},
};

/** An SQLite store in memory: the whole code path without a file (tests). */
export function memoryStore(): Store {
  return openStore({ dataDir: ':memory:' });
}
