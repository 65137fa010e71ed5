// Reading the server's clock from a phone whose own clock may be off: each view carries the
// server's `now`, so the offset is measured when the view arrives and countdowns use it.

/** Milliseconds to add to `Date.now()` to get the server's clock. */
export function clockOffset(serverNow: number, receivedAt = Date.now()): number {
  return serverNow - receivedAt;
}

/** Whole seconds left until `endsAt` (server clock), never negative. */
export function secondsLeft(endsAt: number, offset: number, now = Date.now()): number {
  return Math.max(0, Math.ceil((endsAt - (now + offset)) / 1000));
}

/**
 * What the countdown's live region says. It only changes at a few milestones, so a screen
 * reader hears "30 seconds left", "10 seconds left"... rather than every tick.
 */
export function countdownAnnouncement(seconds: number | null, paused = false): string {
  if (paused) return 'The game is paused.';
  if (seconds === null) return '';
  if (seconds === 0) return 'Time is up.';
  if (seconds <= 5) return '5 seconds left.';
  if (seconds <= 10) return '10 seconds left.';
  if (seconds <= 30) return '30 seconds left.';
  return '';
}
