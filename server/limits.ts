// Abuse limits: what one client (a socket, or an address) may do, sized so a whole class behind one NAT
// never meets them and one script always does. Every figure has an environment variable, read here and
// nowhere else (`readLimits`), documented in README "Abuse limits". Rates use rate-limiter-flexible's
// in-memory limiter; counts of live things (rooms, practice runs) are read from the registry itself.
import type { IncomingMessage } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Every abuse limit of the server. Counts are per client; windows are in seconds. */
export interface Limits {
  /** Client events one socket may send per window (a burst of this many, then about this many per window). */
  eventsPerSocket: number;
  eventsWindowSeconds: number;
  /** Live rooms one address / one socket may have open at once (lobby or game, with or without its host). */
  roomsPerAddress: number;
  roomsPerSocket: number;
  /** Rooms one address may create per hour (stops create/close churn). */
  roomCreatesPerHour: number;
  /** A lobby with no host connected for this long is closed. */
  lobbyHostlessMs: number;
  /** Practice runs one address / one socket may have at once (a socket's oldest run gives way to a new one). */
  practicePerAddress: number;
  practicePerSocket: number;
  /** Practice runs on the whole server; when full, the run idle the longest gives way. */
  maxPractice: number;
  /** Players one address may add (room:join that succeed or fail on the name) per window: a class behind NAT. */
  joinsPerAddress: number;
  joinsWindowSeconds: number;
  /** Wrong room codes (join, rejoin, host resume, report) one address may try per window before a pause. */
  codeMissesPerAddress: number;
  codeMissesWindowSeconds: number;
  /** CSV report requests one address may make per minute. */
  reportsPerMinute: number;
  /** Engine.io ping interval / timeout (ms). */
  pingIntervalMs: number;
  pingTimeoutMs: number;
  /** A socket that has not answered a ping for pingInterval + this counts as stalled (not waited for). */
  stallGraceMs: number;
  /** Take the client address from X-Forwarded-For (only behind a reverse proxy you run). */
  trustProxy: boolean;
  /** When set, room:create needs `hostKey` equal to it. */
  hostKey: string | null;
  /** The most players a room may take, whatever its settings ask (settings allow up to 2000). */
  maxPlayers: number;
}

/** The defaults: a class of 200 behind one address stays far below each of them. */
export const DEFAULT_LIMITS: Limits = {
  eventsPerSocket: 40,
  eventsWindowSeconds: 2,
  roomsPerAddress: 10,
  roomsPerSocket: 3,
  roomCreatesPerHour: 30,
  lobbyHostlessMs: 3 * 60_000,
  practicePerAddress: 300,
  practicePerSocket: 2,
  maxPractice: 2000,
  joinsPerAddress: 250,
  joinsWindowSeconds: 600,
  codeMissesPerAddress: 100,
  codeMissesWindowSeconds: 60,
  reportsPerMinute: 30,
  pingIntervalMs: 5000,
  pingTimeoutMs: 20_000,
  stallGraceMs: 3000,
  trustProxy: false,
  hostKey: null,
  maxPlayers: 2000,
};

/** Environment variable of each numeric limit, with its minimum. */
export const LIMIT_ENV: Record<Exclude<keyof Limits, 'trustProxy' | 'hostKey'>, [name: string, min: number]> = {
  eventsPerSocket: ['EVENTS_PER_SOCKET', 1],
  eventsWindowSeconds: ['EVENTS_WINDOW_SECONDS', 1],
  roomsPerAddress: ['ROOMS_PER_ADDRESS', 1],
  roomsPerSocket: ['ROOMS_PER_SOCKET', 1],
  roomCreatesPerHour: ['ROOM_CREATES_PER_HOUR', 1],
  lobbyHostlessMs: ['LOBBY_HOSTLESS_MS', 1000],
  practicePerAddress: ['PRACTICE_PER_ADDRESS', 1],
  practicePerSocket: ['PRACTICE_PER_SOCKET', 1],
  maxPractice: ['MAX_PRACTICE', 1],
  joinsPerAddress: ['JOINS_PER_ADDRESS', 1],
  joinsWindowSeconds: ['JOINS_WINDOW_SECONDS', 1],
  codeMissesPerAddress: ['CODE_MISSES_PER_ADDRESS', 1],
  codeMissesWindowSeconds: ['CODE_MISSES_WINDOW_SECONDS', 1],
  reportsPerMinute: ['REPORTS_PER_MINUTE', 1],
  pingIntervalMs: ['PING_INTERVAL_MS', 100],
  pingTimeoutMs: ['PING_TIMEOUT_MS', 100],
  stallGraceMs: ['STALL_GRACE_MS', 0],
  maxPlayers: ['MAX_PLAYERS', 1],
};

/** The limits from the environment (unset = default); throws an Error naming the variable when one is invalid. */
export function readLimits(env: NodeJS.ProcessEnv): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const [field, [name, min]] of Object.entries(LIMIT_ENV) as [keyof typeof LIMIT_ENV, [string, number]][]) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min} (got "${raw}")`);
    limits[field] = n;
  }
  const proxy = env.TRUST_PROXY;
  if (proxy !== undefined && proxy !== '') {
    if (!['0', '1', 'true', 'false'].includes(proxy)) throw new Error(`TRUST_PROXY must be 0 or 1 (got "${proxy}")`);
    limits.trustProxy = proxy === '1' || proxy === 'true';
  }
  limits.hostKey = env.HOST_KEY ? env.HOST_KEY : null;
  return limits;
}

/**
 * The client address limits are counted by: IPv4-mapped IPv6 as plain IPv4, other IPv6 addresses by
 * their /64 (one household or phone gets a whole /64, so single IPv6 addresses would be free to vary).
 */
export function addressKey(raw: string): string {
  let address = raw.trim();
  if (address.startsWith('::ffff:') && address.includes('.')) address = address.slice(7);
  if (!address.includes(':')) return address || 'unknown';
  const [head] = address.split('%');
  const halves = head.split('::');
  const left = halves[0] ? halves[0].split(':') : [];
  const right = halves.length > 1 && halves[1] ? halves[1].split(':') : [];
  const groups = halves.length > 1 ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (g || '0').toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The address of an http request or socket handshake, honouring X-Forwarded-For only when trusted. */
export function clientAddress(remote: string | undefined, headers: IncomingMessage['headers'], trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return addressKey(first);
  }
  return addressKey(remote ?? 'unknown');
}

/** A rate: `points` per `seconds`. `take` says whether one more is allowed and counts it. */
class Rate {
  private readonly limiter: RateLimiterMemory;

  constructor(
    readonly points: number,
    seconds: number,
    prefix: string,
    blockSeconds = 0,
  ) {
    this.limiter = new RateLimiterMemory({ points, duration: seconds, blockDuration: blockSeconds, keyPrefix: prefix });
  }

  /** Counts one for `key`: true when it is still within the rate. */
  async take(key: string): Promise<boolean> {
    try {
      await this.limiter.consume(key);
      return true;
    } catch (err) {
      if (err instanceof RateLimiterRes) return false;
      throw err;
    }
  }

  /** True when `key` has used up the rate (the next `take` would fail), without counting anything. */
  async blocked(key: string): Promise<boolean> {
    const res = await this.limiter.get(key);
    return res !== null && res.consumedPoints >= this.points;
  }
}

/** The rate limiters of one server, keyed by socket id or client address. */
export class AbuseGuard {
  readonly events: Rate;
  readonly roomCreates: Rate;
  readonly joins: Rate;
  readonly codeMisses: Rate;
  readonly reports: Rate;

  constructor(readonly limits: Limits) {
    this.events = new Rate(limits.eventsPerSocket, limits.eventsWindowSeconds, 'events');
    this.roomCreates = new Rate(limits.roomCreatesPerHour, 3600, 'creates');
    this.joins = new Rate(limits.joinsPerAddress, limits.joinsWindowSeconds, 'joins');
    // A guesser over the limit waits a whole window more before the next try counts.
    this.codeMisses = new Rate(limits.codeMissesPerAddress, limits.codeMissesWindowSeconds, 'codes', limits.codeMissesWindowSeconds);
    this.reports = new Rate(limits.reportsPerMinute, 60, 'reports');
  }
}

/** The refusal for a client whose wrong room codes went over the limit. */
export const CODE_GUESSING_MESSAGE = 'Too many wrong room codes from your network: wait a minute, then check the code on the host screen.';
