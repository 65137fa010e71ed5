// A join typed on the landing page, handed to the player route it navigates to (which holds the
// socket), so the landing page itself stays tiny and opens no connection.

let pending: { code: string; nickname: string } | null = null;

/** Leaves a join for the player route to perform. */
export function queueJoin(code: string, nickname: string): void {
  pending = { code, nickname };
}

/** Takes the queued join for this room, if any (once). */
export function takeJoin(code: string): string | null {
  if (!pending || pending.code !== code) return null;
  const { nickname } = pending;
  pending = null;
  return nickname;
}
