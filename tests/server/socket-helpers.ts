// Helpers for integration tests over real sockets: a server on a free port with a fake deck and a
// manual clock, and socket.io-client wrappers that record every payload a client receives.
import type { AddressInfo } from 'node:net';
import { io as connect, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { createApp, type AppOptions, type GameServer } from '../../server/app.ts';
import type { Deps } from '../../server/deps.ts';
import { applyProgress, composePlayerView, ownMatches } from '../../shared/player-view.ts';
import type { ClientToServerEvents, PlayerOwn, PlayerShared, RoomProgress, ServerToClientEvents } from '../../shared/protocol.ts';
import { FAKE_DECK, testDeps } from './helpers.ts';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A clock the test moves by hand: answer times become exact. */
export class ManualClock {
  constructor(public ms = Date.UTC(2030, 0, 1, 9)) {}
  now = () => this.ms;
  advance(ms: number) {
    this.ms += ms;
  }
}

export interface TestServer {
  server: GameServer;
  url: string;
  clock: ManualClock;
  close(): Promise<void>;
}

/** Starts a server on a free port with the fake deck, seeded randomness and a manual clock. */
export async function startServer(options: Partial<AppOptions> = {}): Promise<TestServer> {
  const clock = new ManualClock();
  const deps: Deps = { ...testDeps(7), now: clock.now };
  const server = createApp({ deck: FAKE_DECK, deps, countdownMs: 40, broadcastIntervalMs: 5, log: () => {}, ...options });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, clock, close: () => server.close() };
}

type Received = { event: string; payload: unknown };

/** A socket.io client that records everything it receives. */
export class TestClient {
  readonly socket: ClientSocket;
  readonly received: Received[] = [];
  private waiters: (() => void)[] = [];
  private shared: PlayerShared | null = null;
  private own: PlayerOwn | null = null;

  constructor(url: string, options: Partial<ManagerOptions & SocketOptions> = {}) {
    this.socket = connect(url, { forceNew: true, transports: ['websocket'], reconnection: false, ...options });
    this.socket.onAny((event: string, payload: unknown) => {
      this.received.push({ event, payload });
      // A room event reaches a phone in two parts (issue 10): the room's shared part and the phone's
      // own part. Like the phone (client PlayerSession), rebuild the player view when both go together
      // and record it as a 'player:view', so tests read exactly what a phone would show.
      if (event === 'player:view') this.own = null;
      if (event === 'room:shared') this.shared = payload as PlayerShared;
      if (event === 'player:own') this.own = payload as PlayerOwn;
      if (event === 'room:progress' && this.shared) this.shared = applyProgress(this.shared, payload as RoomProgress) ?? this.shared;
      if ((event === 'room:shared' || event === 'player:own' || event === 'room:progress') && this.shared && this.own && ownMatches(this.shared, this.own)) {
        this.received.push({ event: 'player:view', payload: composePlayerView(this.shared, this.own) });
      }
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** Emits with an acknowledgement and resolves with the response (also recorded). */
  async ask(event: keyof ClientToServerEvents, payload: unknown): Promise<any> {
    const response = await (this.socket.timeout(3000) as any).emitWithAck(event, payload);
    this.received.push({ event: `ack:${event}`, payload: response });
    return response;
  }

  /** Payloads of `event` received so far. */
  all<T = any>(event: string): T[] {
    return this.received.filter((r) => r.event === event).map((r) => r.payload as T);
  }

  last<T = any>(event: string): T | undefined {
    const list = this.all<T>(event);
    return list[list.length - 1];
  }

  /** Waits until a payload of `event` satisfies `test` (looking at what already came too). */
  async waitFor<T = any>(event: string, test: (payload: T) => boolean = () => true, timeoutMs = 3000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let seen = 0;
    for (;;) {
      const list = this.all<T>(event);
      for (; seen < list.length; seen++) if (test(list[seen])) return list[seen];
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${event}; last: ${JSON.stringify(this.last(event))?.slice(0, 400)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for the next payload of `event` satisfying `test` that arrives after now. */
  async next<T = any>(event: string, test: (payload: T) => boolean = () => true, timeoutMs = 3000): Promise<T> {
    const already = this.all(event).length;
    let index = 0;
    return this.waitFor<T>(event, (p) => index++ >= already && test(p), timeoutMs);
  }

  async connected(): Promise<void> {
    if (this.socket.connected) return;
    await new Promise<void>((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  close() {
    this.socket.disconnect();
  }
}

export async function client(url: string, options: Partial<ManagerOptions & SocketOptions> = {}): Promise<TestClient> {
  const c = new TestClient(url, options);
  await c.connected();
  return c;
}
