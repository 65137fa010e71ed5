// The one shape of a socket event handler at the server's edge, shared by the game events
// (server/handlers.ts) and the deck/editor events (server/deck-handlers.ts): take the acknowledgement
// wherever the client put it, rate-limit per socket, validate the payload with its strict schema, run,
// and turn any server bug into an INTERNAL acknowledgement instead of a crash.
import type { z } from 'zod';
import type { Ack, ClientToServerEvents, ErrorCode, Response } from '../shared/protocol.ts';
import { describeIssues } from '../shared/schemas.ts';
import type { AbuseGuard } from './limits.ts';
import type { GameSocket } from './rooms.ts';

export type Reply<T extends object = object> = (response: Response<T>) => void;
export type EventName = keyof ClientToServerEvents;
/** The success data of an event's acknowledgement, read from the protocol. */
export type AckData<E extends EventName> = Parameters<ClientToServerEvents[E]>[1] extends Ack<infer T> ? T : never;

/** A refusal acknowledgement. */
export const fail = (code: ErrorCode, message: string) => ({ ok: false as const, code, message });

/** A handler's body: the validated request and the acknowledgement to answer with. */
export type EdgeRun<E extends EventName, S extends z.ZodType> = (req: z.output<S>, reply: Reply<AckData<E>>) => void | Promise<void>;

/** Returns `handle(event, schema, run)`, which registers `event` on `socket` with the edge's checks. */
export function edgeHandler(socket: GameSocket, guard: AbuseGuard, log: (line: string) => void) {
  return function handle<E extends EventName, S extends z.ZodType>(event: E, schema: S, run: EdgeRun<E, S>): void {
    socket.on(event as never, (async (payload: unknown, ack: unknown) => {
      // `socket.emit('x', ack)` without a payload puts the callback first.
      if (typeof payload === 'function' && ack === undefined) {
        ack = payload;
        payload = undefined;
      }
      const reply: Reply<AckData<E>> = typeof ack === 'function' ? (ack as Reply<AckData<E>>) : () => {};
      try {
        if (!(await guard.events.take(socket.id))) return reply(fail('RATE_LIMITED', 'Too many requests: slow down a little.'));
        // Only a missing payload means "defaults": `null`, strings and unknown keys fail the strict schema.
        const parsed = schema.safeParse(payload === undefined ? {} : payload);
        if (!parsed.success) return reply(fail('BAD_REQUEST', describeIssues(parsed.error)));
        await run(parsed.data, reply);
      } catch (err) {
        log(`handler ${event} failed: ${err instanceof Error ? err.stack : String(err)}`);
        reply(fail('INTERNAL', 'Something went wrong on the server.'));
      }
    }) as never);
  };
}
