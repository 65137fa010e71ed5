// The room journal: what makes a live room durable. Each accepted room event is appended to the
// store's log before the caller acknowledges it, together with the "tape" of clock and randomness
// values the machine consumed while handling it (the machine reads both through the injected Deps).
// A snapshot of the actor (XState's persisted snapshot, deck entries written as their snippet id)
// replaces the log whenever the room changes phase, whenever a deadline fires on its own, and every
// so many events, so a restore replays a short log and the cost per event stays one small insert.
//
// Restore = decode the snapshot, replay the logged events with their tapes (the same values, so the
// same result), move the round's deadlines forward by the downtime, start a fresh actor from that and
// re-arm the `after` delays of the active states, which XState v5 does not persist (statelyai/xstate
// #5331): they are scheduled through the actor's own scheduler under the id XState's exit actions cancel.
import { performance } from 'node:perf_hooks';
import { createActor, type Actor, type AnyActorRef } from 'xstate';
import type { DeckEntry, Deck } from './deck.ts';
import type { Deps } from './deps.ts';
import type { RoomMachine } from './room-machine.ts';
import type { RoomEvent } from './room-types.ts';
import type { Store, StoredRoom } from './store.ts';

/** What the journal has cost this process so far (read by `npm run bench:load`). */
export const journalCost = { events: 0, logged: 0, logMs: 0, snapshots: 0, snapshotMs: 0, eventMs: 0 };

/** Events between two snapshots at least; more in a big room (a snapshot costs its size). */
export const SNAPSHOT_EVERY = 200;

/**
 * Deps that record every value the machine draws (live), or hand back recorded values (replay).
 * One per room, shared by the machine's guards, actions and delays.
 */
export class TapeDeps implements Deps {
  private recorded: unknown[] = [];
  private replay: unknown[] | null = null;
  private position = 0;

  constructor(private readonly live: Deps) {}

  now(): number {
    return this.draw(() => this.live.now());
  }
  randomInt(maxExclusive: number): number {
    return this.draw(() => this.live.randomInt(maxExclusive));
  }
  randomId(bytes: number): string {
    return this.draw(() => this.live.randomId(bytes));
  }

  private draw<T>(get: () => T): T {
    if (this.replay) {
      if (this.position >= this.replay.length) throw new Error('journal: the machine drew more values than the event consumed when it was logged');
      return this.replay[this.position++] as T;
    }
    const value = get();
    this.recorded.push(value);
    return value;
  }

  /** The values drawn since the last call (and forgets them). */
  take(): unknown[] {
    const tape = this.recorded;
    this.recorded = [];
    return tape;
  }

  /** From now on hand back `tape`, in order. */
  startReplay(tape: unknown[]): void {
    this.replay = tape;
    this.position = 0;
  }

  /** Back to live values; true when the replay used exactly the whole tape. */
  endReplay(): boolean {
    const exact = this.replay !== null && this.position === this.replay.length;
    this.replay = null;
    this.position = 0;
    this.recorded = [];
    return exact;
  }
}

/** Writes deck entries (the snippet, its trace: big and the same in every room) as their snippet id. */
export class SnapshotCodec {
  private readonly idOf = new Map<object, string>();
  private readonly byId = new Map<string, DeckEntry>();

  constructor(deck: Deck) {
    for (const entry of deck) {
      this.idOf.set(entry, entry.snippet.id);
      this.byId.set(entry.snippet.id, entry);
    }
  }

  encode(value: unknown): string {
    const idOf = this.idOf;
    return JSON.stringify(value, (_key, v: unknown) => {
      if (v && typeof v === 'object') {
        const id = idOf.get(v);
        if (id !== undefined) return { $deck: id };
      }
      return v;
    });
  }

  /** Parses a snapshot; a snippet no longer in the deck throws when `strict`, else stays `{ $deck: id }`. */
  decode(text: string, strict = true): any {
    return JSON.parse(text, (_key, v: unknown) => {
      if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { $deck?: unknown }).$deck === 'string' && Object.keys(v).length === 1) {
        const id = (v as { $deck: string }).$deck;
        const entry = this.byId.get(id);
        if (entry) return entry;
        if (strict) throw new Error(`snippet ${id} is no longer in the deck`);
      }
      return v;
    });
  }
}

/** Keeps one room's log and snapshots in the store. */
export class RoomJournal {
  private inEvent = false;
  private sinceSnapshot = 0;
  private threshold = SNAPSHOT_EVERY;
  private phase = '';
  /** Store writes that failed (the room goes on; the failure is logged once per kind). */
  failures = 0;

  constructor(
    private readonly store: Store,
    readonly code: string,
    readonly tape: TapeDeps,
    private readonly codec: SnapshotCodec,
    private readonly wallClock: () => number,
    private readonly log: (message: string) => void,
    private seq = 0,
  ) {}

  /** Stores a new room with its first snapshot. */
  create(hostToken: string, actor: Actor<RoomMachine>): void {
    this.inEvent = false;
    this.tape.take();
    this.phase = phaseOf(actor);
    this.store.createRoom(this.code, hostToken, this.wallClock(), this.codec.encode(persistedOf(actor)));
  }

  /** A restored room: store it as it is now (deadlines moved, log replayed) in one snapshot. */
  restored(actor: Actor<RoomMachine>): void {
    this.inEvent = false;
    this.tape.take();
    this.phase = phaseOf(actor);
    this.snapshot(actor);
  }

  /** Call right before sending an accepted event to the actor. */
  beginEvent(): void {
    this.tape.take();
    this.inEvent = true;
  }

  /** Call right after: the event is durable when this returns (a log line, or a snapshot). */
  endEvent(event: RoomEvent, actor: Actor<RoomMachine>): void {
    const started = performance.now();
    this.inEvent = false;
    this.seq++;
    const tape = this.tape.take();
    const phase = phaseOf(actor);
    if (phase !== this.phase || ++this.sinceSnapshot >= this.threshold) {
      this.phase = phase;
      this.snapshot(actor);
    } else {
      this.store.appendEvent(this.code, this.seq, this.wallClock(), JSON.stringify(event), JSON.stringify(tape));
      journalCost.logged++;
      journalCost.logMs += performance.now() - started;
    }
    journalCost.events++;
    journalCost.eventMs += performance.now() - started;
  }

  /** The actor changed: outside an event (a deadline fired) that is a snapshot. */
  onChange(actor: Actor<RoomMachine>): void {
    if (this.inEvent) return;
    this.tape.take();
    this.phase = phaseOf(actor);
    try {
      this.snapshot(actor);
    } catch (err) {
      this.failures++;
      this.log(`room ${this.code}: could not store a snapshot: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Writes the whole room and drops the log it replaces. */
  snapshot(actor: Actor<RoomMachine>): void {
    const started = performance.now();
    const persisted = persistedOf(actor) as { context?: { players?: object } };
    const players = persisted.context?.players ? Object.keys(persisted.context.players).length : 0;
    // A snapshot costs the room's size: take one every max(SNAPSHOT_EVERY, 2 x players) events so
    // that, spread over the events, a bigger room does not cost more per event.
    this.threshold = Math.max(SNAPSHOT_EVERY, 2 * players);
    this.sinceSnapshot = 0;
    this.store.saveSnapshot(this.code, this.seq, this.wallClock(), this.codec.encode(persisted));
    journalCost.snapshots++;
    journalCost.snapshotMs += performance.now() - started;
  }

  /** The room is finished: keep its final state for the report. */
  close(actor: Actor<RoomMachine>): void {
    this.store.closeRoom(this.code, this.seq, this.wallClock(), this.codec.encode(persistedOf(actor)));
  }
}

/**
 * The actor's persisted snapshot. XState's getPersistedSnapshot() walks the whole context looking for
 * actor refs, deck entries (snippet traces) included, which costs milliseconds in a big room; a room
 * has no child actors and no history states, so the snapshot's own JSON fields are the persisted form.
 * Anything else falls back to XState's own.
 */
export function persistedOf(actor: Actor<RoomMachine>): unknown {
  const snapshot = actor.getSnapshot();
  if (Object.keys(snapshot.children).length > 0 || Object.keys(snapshot.historyValue).length > 0) return actor.getPersistedSnapshot();
  const { status, value, context, output, error } = snapshot;
  return { status, value, context, output, error, historyValue: {}, children: {} };
}

function phaseOf(actor: Actor<RoomMachine>): string {
  const snapshot = actor.getSnapshot();
  return `${snapshot.status}:${JSON.stringify(snapshot.value)}`;
}

/** A room brought back from the store, ready to be wrapped in a LiveRoom. */
export interface RestoredRoom {
  actor: Actor<RoomMachine>;
  journal: RoomJournal;
  /** Logged events the replay could not match exactly (0 when all is well). */
  mismatches: number;
}

export interface RestoreOptions {
  store: Store;
  codec: SnapshotCodec;
  /** The real clock and randomness (a fresh TapeDeps wraps them). */
  deps: Deps;
  createMachine: (deps: Deps) => RoomMachine;
  /** How long the server was away: the round's deadlines move forward by this much. */
  downtimeMs: number;
  log: (message: string) => void;
}

/** Rebuilds a room's actor from its snapshot and log. Throws when the snapshot cannot be read. */
export function restoreRoom(stored: StoredRoom, options: RestoreOptions): RestoredRoom {
  const { codec, deps, log } = options;
  const tape = new TapeDeps(deps);
  const machine = options.createMachine(tape);

  // 1. The snapshot, then the events after it, each with the values it drew when it happened.
  const replayer = createActor(machine, { snapshot: codec.decode(stored.snapshot), input: undefined as never });
  replayer.start();
  let mismatches = 0;
  for (const line of stored.events) {
    tape.startReplay(JSON.parse(line.tape) as unknown[]);
    try {
      replayer.send(JSON.parse(line.event) as RoomEvent);
    } catch (err) {
      log(`room ${stored.code}: replaying event ${line.seq} failed: ${err instanceof Error ? err.message : String(err)}`);
      mismatches++;
    }
    if (!tape.endReplay()) mismatches++;
  }
  const seq = stored.events.length ? stored.events[stored.events.length - 1].seq : stored.snapshotSeq;
  const replayed = codec.decode(codec.encode(persistedOf(replayer)));
  replayer.stop();

  // 2. The clock across the downtime: the round gets back the time it had left when the server went away.
  const round = replayed.context?.round as { countdownEndsAt: number | null; deadlineAt: number | null } | null | undefined;
  if (round && options.downtimeMs > 0) {
    if (round.countdownEndsAt !== null) round.countdownEndsAt += options.downtimeMs;
    if (round.deadlineAt !== null) round.deadlineAt += options.downtimeMs;
  }

  // 3. A fresh actor on the real clock, with its delays armed again.
  const actor = createActor(machine, { snapshot: replayed, input: undefined as never });
  const journal = new RoomJournal(options.store, stored.code, tape, codec, deps.now, log, seq);
  return { actor, journal, mismatches };
}

/**
 * Arms the `after` delays of the states the (started) actor is in, as entering them would have: the
 * delay is computed by the machine's own `delays` from the context, and scheduled under the id that
 * the state's exit action cancels.
 */
export function rearmDelays(actor: Actor<RoomMachine>): number {
  const snapshot = actor.getSnapshot();
  if (snapshot.status !== 'active') return 0;
  const delays = (snapshot.machine.implementations.delays ?? {}) as Record<string, unknown>;
  let armed = 0;
  for (const node of snapshot._nodes) {
    for (const transition of node.after) {
      const { delay, eventType } = transition as { delay: unknown; eventType: string };
      const configured = typeof delay === 'string' ? delays[delay] : delay;
      const args = { context: snapshot.context, event: { type: 'xstate.restore' }, self: actor, system: actor.system };
      const ms = typeof configured === 'function' ? (configured as (a: unknown, p: unknown) => unknown)(args, undefined) : configured;
      if (typeof ms !== 'number') continue;
      actor.system.scheduler.schedule(actor as AnyActorRef, actor as AnyActorRef, { type: eventType }, Math.max(0, ms), eventType);
      armed++;
    }
  }
  return armed;
}
