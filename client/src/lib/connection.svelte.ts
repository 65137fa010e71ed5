// The one Socket.IO connection of a page, typed by shared/protocol.ts: connection state for the
// "connection lost" banner, a promise-based request helper for acknowledged events, and a hook
// for the sessions to rejoin after the socket reconnects.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ErrorCode, Response, ServerToClientEvents } from '../../../shared/protocol.ts';

export type ArenaSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** An acknowledged event a client sends, and what it carries. */
export type RequestName = keyof ClientToServerEvents;
export type Payload<E extends RequestName> = Parameters<ClientToServerEvents[E]>[0];
type AckData<E extends RequestName> =
  Parameters<ClientToServerEvents[E]>[1] extends (response: Response<infer T>) => void ? T : never;

/** A failed request: the server's error code, or OFFLINE when no answer came back in time. */
export type Failure = { ok: false; code: ErrorCode | 'OFFLINE'; message: string };
export type Reply<E extends RequestName> = ({ ok: true } & AckData<E>) | Failure;

/** How long a request waits for its acknowledgement. */
const ACK_TIMEOUT_MS = 8000;

/** A live connection to the game server. */
export class Connection {
  readonly socket: ArenaSocket;
  #connected = $state(false);
  #hasConnected = $state(false);
  #reconnectHandlers = new Set<() => void>();

  constructor(socket?: ArenaSocket) {
    this.socket = socket ?? io({ autoConnect: true, reconnectionDelayMax: 3000 });
    this.#connected = this.socket.connected;
    this.socket.on('connect', () => {
      const again = this.#hasConnected;
      this.#connected = true;
      this.#hasConnected = true;
      // A fresh socket id after a drop: the server no longer knows who we are, so sessions rejoin.
      if (again) for (const handler of this.#reconnectHandlers) handler();
    });
    this.socket.on('disconnect', () => {
      this.#connected = false;
    });
  }

  get connected(): boolean {
    return this.#connected;
  }

  /** True when the connection was up and has dropped: show the banner. */
  get lost(): boolean {
    return this.#hasConnected && !this.#connected;
  }

  /** Sends an event and waits for its acknowledgement. Never rejects. */
  request<E extends RequestName>(event: E, payload: Payload<E>): Promise<Reply<E>> {
    return new Promise((resolve) => {
      // The typed overloads of emit cannot be called with a generic event name; the shapes are
      // checked by this method's own signature instead.
      const timed = this.socket.timeout(ACK_TIMEOUT_MS);
      const emit = timed.emit as unknown as (
        event: string,
        payload: unknown,
        ack: (err: Error | null, response: Reply<E>) => void,
      ) => void;
      emit.call(timed, event, payload, (err, response) => {
        if (err || !response) {
          resolve({ ok: false, code: 'OFFLINE', message: 'The server did not answer. Check your connection and try again.' });
        } else {
          resolve(response);
        }
      });
    });
  }

  /** Runs `handler` every time the socket comes back after a drop; returns the cleanup. */
  onReconnect(handler: () => void): () => void {
    this.#reconnectHandlers.add(handler);
    return () => this.#reconnectHandlers.delete(handler);
  }

  /** Listens to a server event; returns the cleanup. */
  on<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): () => void {
    // Same reason as in request(): the generic event name defeats the typed overloads.
    const socket = this.socket as unknown as { on(e: string, h: unknown): void; off(e: string, h: unknown): void };
    socket.on(event, handler);
    return () => socket.off(event, handler);
  }

  close(): void {
    this.#reconnectHandlers.clear();
    this.socket.disconnect();
  }
}

let shared: Connection | null = null;

/** The page's connection, opened on first use (the landing page never opens one). */
export function connection(): Connection {
  shared ??= new Connection();
  return shared;
}
