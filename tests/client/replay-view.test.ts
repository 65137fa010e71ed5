// The replay and result components rendered to HTML (Svelte's server renderer, no browser):
// what is drawn for a given step of a trace, and the per-card marks of a player's answer.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ResultList from '../../client/src/lib/components/ResultList.svelte';
import Leaderboard from '../../client/src/lib/components/Leaderboard.svelte';
import { judgeCards, placementsByTrueIndex } from '../../client/src/lib/ordering.ts';
import Replay from '../../client/src/lib/replay/Replay.svelte';
import { ANSWER, NO_ANSWER, SOURCE, TRACE, TRUE_ORDER } from './fixtures.ts';

/** Visible text of rendered HTML, whitespace collapsed (comments and tags dropped). */
function textOf(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

const answer = ANSWER;

describe('Replay view', () => {
  it('draws the first step: caption, phase, empty console, the call stack', () => {
    const { body } = render(Replay, { props: { steps: TRACE, source: SOURCE } });
    const text = textOf(body);
    expect(text).toContain('step 1 / 12');
    expect(text).toContain('The main script starts');
    expect(text).toContain('nothing printed yet');
    expect(text).toContain('(main script)');
    expect(body).toMatch(/class="stop[^"]*current[^"]*"[^>]*>main script/);
  });

  it('at the end shows every queue drained, the timers phase and the whole console with the player marks', () => {
    const { body } = render(Replay, {
      props: { steps: TRACE, source: SOURCE, startAtEnd: true, placements: placementsByTrueIndex(TRUE_ORDER, answer) },
    });
    const text = textOf(body);
    expect(text).toContain('step 12 / 12');
    expect(text).toContain("console.log prints 'B'");
    expect(text).toContain('t = 1 ms');
    expect(body).toMatch(/class="phase[^"]*current[^"]*"[^>]*>timers/);
    // Console lines in true order: E shifted but in order, D out of order, with where the player had them.
    const consoleHtml = body.slice(body.indexOf('Console output so far'));
    expect(textOf(consoleHtml)).toMatch(/1 A .*2 E ≈ you: 3rd .*3 D ✗ you: 2nd .*4 C .*5 B/);
    expect(consoleHtml.match(/class="line[^"]*\bwrong\b/g)).toHaveLength(1);
    expect(consoleHtml.match(/class="line[^"]*\bin-order\b/g)).toHaveLength(1);
    expect(consoleHtml.match(/class="line[^"]*\bright\b/g)).toHaveLength(3);
    // The current source line (line 2, the setTimeout callback printing B) is marked.
    const marked = [...body.matchAll(/class="line[^"]*\bmarked\b[^"]*" data-line="(\d+)"/g)].map((m) => m[1]);
    expect(marked).toEqual(['2']);
  });

  it('shows queued jobs with their labels and timer due times', () => {
    const { body } = render(Replay, { props: { steps: TRACE.slice(0, 5), source: SOURCE, startAtEnd: true } });
    const text = textOf(body);
    expect(text).toContain('nextTick callback (line 4)');
    expect(text).toContain('then callback (line 3)');
    expect(text).toMatch(/setTimeout callback \(line 2\) at 1 ms/);
    // The step is about the nextTick job: it is the highlighted one.
    expect(body).toMatch(/class="job[^"]*active[^"]*"[^>]*>\s*<span class="label[^"]*">nextTick callback/);
  });

  it('shows the class share per console line on the host', () => {
    const shares = TRUE_ORDER.map((_, i) => ({ right: i, answered: 4 }));
    const { body } = render(Replay, { props: { steps: TRACE, source: SOURCE, startAtEnd: true, shares } });
    expect(textOf(body)).toContain('3/4 right');
  });
});

describe('ResultList', () => {
  it('marks right and wrong cards and says where a wrong card belongs', () => {
    const { body } = render(ResultList, { props: { verdicts: judgeCards(TRUE_ORDER, answer), answered: true } });
    const text = textOf(body);
    expect(text).toMatch(/✓ A right place/);
    expect(text).toMatch(/✗ D out of order, belongs 3rd/);
    expect(text).toMatch(/≈ E in order, belongs 2nd/);
    expect(body.match(/aria-pressed="false"/g)).toHaveLength(5);
  });
  it('lists the true order when the player did not answer', () => {
    const { body } = render(ResultList, { props: { verdicts: judgeCards(TRUE_ORDER, NO_ANSWER), answered: false } });
    expect(textOf(body)).toMatch(/did not answer .*1 A .*2 E .*3 D .*4 C .*5 B/);
  });
});

describe('Leaderboard', () => {
  it('orders by rank, shows rank changes and marks the viewer', () => {
    const entries = [
      { playerId: 'b', nickname: 'Bob', score: 800, rank: 2, previousRank: 1, roundPoints: 100, streak: 0, bestStreak: 0, connected: true, totalSeconds: 20 },
      { playerId: 'a', nickname: 'Ada', score: 900, rank: 1, previousRank: 3, roundPoints: 400, streak: 2, bestStreak: 2, connected: true, totalSeconds: 18 },
      { playerId: 'c', nickname: 'Cy', score: 100, rank: 3, previousRank: null, roundPoints: 0, streak: 0, bestStreak: 0, connected: false, totalSeconds: 40 },
    ];
    const { body } = render(Leaderboard, { props: { entries, youId: 'b' } });
    const text = textOf(body);
    expect(text).toMatch(/1 ▲2 up 2 Ada ×2 streak of 2 perfect rounds \+400 900 .*2 ▼1 down 1 Bob \(you\) \+100 800 .*3 new new on the board Cy offline 100/);
    expect(body).toMatch(/class="row[^"]*you/);
  });
});
