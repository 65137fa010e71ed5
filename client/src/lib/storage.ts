// What the browser remembers between reloads: a player's token per room (to rejoin), the host's
// token (to resume the host screen) and the practice personal best. Every read tolerates a
// missing, full or blocked localStorage (private mode): the game still works, it just forgets.

const PREFIX = 'ela:';

function read<T>(key: string): T | null {
  try {
    const raw = globalThis.localStorage?.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(PREFIX + key);
    else globalThis.localStorage?.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: nothing to do, the session simply will not survive a reload.
  }
}

/** A player's seat in a room. */
export interface PlayerSeat {
  code: string;
  playerToken: string;
  nickname: string;
}

export const playerSeats = {
  get: (code: string): PlayerSeat | null => read<PlayerSeat>(`player:${code}`),
  set: (seat: PlayerSeat): void => write(`player:${seat.code}`, seat),
  forget: (code: string): void => write(`player:${code}`, null),
  /** The nickname used last time, to prefill the join form. */
  lastNickname: (): string => read<string>('nickname') ?? '',
  rememberNickname: (nickname: string): void => write('nickname', nickname),
};

/**
 * This device's own random id, made once and kept: sent on join so a kicked player stays out of
 * that room (the server bans by device as well as by name).
 */
export function deviceId(): string {
  const kept = read<string>('device');
  if (kept && /^[A-Za-z0-9_-]{8,64}$/.test(kept)) return kept;
  const made = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
  write('device', made);
  return made;
}

/** The host's control of a room. */
export interface HostSeat {
  code: string;
  hostToken: string;
}

export const hostSeat = {
  get: (): HostSeat | null => read<HostSeat>('host'),
  set: (seat: HostSeat): void => write('host', seat),
  forget: (): void => write('host', null),
};

/** The best practice run so far. */
export interface PracticeBest {
  score: number;
  fullyRight: number;
  rounds: number;
  at: string;
}

export const practiceBest = {
  get: (): PracticeBest | null => read<PracticeBest>('practice-best'),
  /** Records a run; returns true when it beats the stored best (by score). */
  offer: (run: Omit<PracticeBest, 'at'>, at = new Date().toISOString()): boolean => {
    const best = read<PracticeBest>('practice-best');
    if (best && best.score >= run.score) return false;
    write('practice-best', { ...run, at });
    return true;
  },
};
