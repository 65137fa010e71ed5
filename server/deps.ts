// What the server takes from the outside world: the clock and randomness. Injected everywhere (room
// machine, practice, registry) so tests can run a whole game with a fake clock and a seeded shuffle.
import { randomBytes, randomInt } from 'node:crypto';

export interface Deps {
  /** Milliseconds since the epoch. */
  now(): number;
  /** A uniformly random integer in [0, maxExclusive). */
  randomInt(maxExclusive: number): number;
  /** `bytes` random bytes as a base64url string (tokens, card ids). */
  randomId(bytes: number): string;
}

/** The production dependencies: the wall clock and the operating system's CSPRNG. */
export const systemDeps: Deps = {
  now: () => Date.now(),
  randomInt: (max) => randomInt(max),
  randomId: (bytes) => randomBytes(bytes).toString('base64url'),
};
