// The host's CSV report of a game: one row per player per round (order submitted, cards right, fully
// right, seconds, points), then one total row per player. "cards right" is the scoring measure: the
// cards in the right order relative to each other (longest correct subsequence), the same measure the
// points come from. Players the host kicked leave the report entirely (their round rows with their
// totals), so every row adds up to a total below it. Fields are quoted as RFC 4180 says, and text that
// a spreadsheet would run as a formula (=, +, -, @ first) is defused with a leading apostrophe.
import type { RoomContext } from './room-types.ts';
import { leaderboardOf } from './views.ts';

/** One CSV field: formula-safe and quoted when needed. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (fields: (string | number | boolean | null)[]) => fields.map(csvField).join(',');

/** The report of a room as CSV text (UTF-8 with a byte-order mark so spreadsheets read accents right). */
export function buildReport(ctx: RoomContext): string {
  const lines: string[] = [];
  lines.push(row(['room', 'round', 'snippet', 'player', 'order submitted', 'cards right', 'cards', 'fully right', 'seconds', 'points']));
  for (const round of ctx.history) {
    if (round.skipped) {
      lines.push(row([ctx.code, round.number, round.title, null, '(round skipped)', null, round.cards.length, null, null, 0]));
      continue;
    }
    const textOf = new Map(round.cards.map((c) => [c.id, c.text]));
    for (const r of round.results) {
      if (!ctx.players[r.playerId]) continue; // kicked: gone with their totals
      lines.push(
        row([
          ctx.code,
          round.number,
          round.title,
          r.nickname,
          r.submitted ? r.submitted.map((id) => textOf.get(id) ?? '?').join(' | ') : '(no answer)',
          r.cardsInOrder,
          round.cards.length,
          r.fullyRight ? 'yes' : 'no',
          r.seconds === null ? null : r.seconds.toFixed(1),
          r.points,
        ]),
      );
    }
  }
  lines.push('');
  lines.push(row(['room', 'rank', 'player', 'rounds answered', 'fully right', 'total seconds', 'total points']));
  const scored = ctx.history.filter((r) => !r.skipped);
  for (const entry of leaderboardOf(ctx)) {
    const mine = scored.flatMap((r) => r.results.filter((x) => x.playerId === entry.playerId));
    lines.push(
      row([
        ctx.code,
        entry.rank,
        entry.nickname,
        mine.filter((r) => r.submitted !== null).length,
        mine.filter((r) => r.fullyRight).length,
        entry.totalSeconds.toFixed(1),
        entry.score,
      ]),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
