// Countdown arithmetic against the server's clock, and what the countdown's live region says.
import { describe, expect, it } from 'vitest';
import { clockOffset, countdownAnnouncement, secondsLeft } from '../../client/src/lib/clock.ts';

describe('server clock', () => {
  it('measures the offset between this device and the server', () => {
    expect(clockOffset(10_500, 10_000)).toBe(500);
    expect(clockOffset(9_000, 10_000)).toBe(-1000);
  });
  it('counts whole seconds left on the server clock, rounding up, never negative', () => {
    // Device clock 1 s behind the server: offset +1000.
    expect(secondsLeft(20_000, 1000, 9_000)).toBe(10);
    expect(secondsLeft(20_000, 1000, 9_001)).toBe(10);
    expect(secondsLeft(20_000, 1000, 18_001)).toBe(1);
    expect(secondsLeft(20_000, 1000, 19_000)).toBe(0);
    expect(secondsLeft(20_000, 1000, 30_000)).toBe(0);
  });
});

describe('countdownAnnouncement', () => {
  it('speaks only at milestones', () => {
    const said = [45, 31, 30, 29, 11, 10, 6, 5, 1, 0].map((s) => countdownAnnouncement(s));
    expect(said).toEqual(['', '', '30 seconds left.', '30 seconds left.', '30 seconds left.', '10 seconds left.', '10 seconds left.', '5 seconds left.', '5 seconds left.', 'Time is up.']);
    expect(new Set(said).size).toBe(5);
  });
  it('says when the game is paused or untimed', () => {
    expect(countdownAnnouncement(12, true)).toBe('The game is paused.');
    expect(countdownAnnouncement(null)).toBe('');
  });
});
