// Signals and shapes shared by every part of the language: what a suspended coroutine yields, how a
// statement completes abruptly, and the host exception that unwinds a generator on `return()`.
// Evaluation functions are host generators (G): `await` and `yield` in the snippet become a host `yield`
// of a Suspend record that travels up to the coroutine driving that async function or generator.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyNode = any;

/** What an `await` or `yield` hands to the coroutine driving the function. */
export interface Suspend {
  kind: 'await' | 'yield';
  value: unknown;
  node: AnyNode;
}

/** An evaluation step: a host generator that may suspend with a Suspend record. */
export type G<T = unknown> = Generator<Suspend, T, any>;

/** Thrown into a suspended generator by `generator.return(v)`: unwinds through `finally` blocks. */
export class ReturnSignal {
  constructor(readonly value: unknown) {}
}

/** A statement's abrupt completion (break/continue/return); `undefined` means normal completion. */
export type Completion = undefined | { type: 'break' | 'continue'; label: string | null } | { type: 'return'; value: unknown };

/** Where a destructured value came from when there is no expression to name (V8 words its errors by it). */
export const PARAM_SOURCE = { type: '#parameter' };
export const LOOP_SOURCE = { type: '#loop' };
