// Decks in the browser (Debian Chromium through playwright-core, the built client against the real
// server): an instructor writes a snippet in the editor (CodeMirror) and sees the refusal underlined
// at its line, fixes it and sees the cards (the time from keystroke to updated cards is measured),
// previews a bank snippet in the library, saves a deck, plays it live with two phones, a student opens
// the deck's practice link, and the history shows the game's per-snippet analysis. Also: the phone's
// /play route stays under its budget with the editor (CodeMirror) left out, and sizes per route are printed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phaseOf } from '../../server/room-machine.ts';
import { ARTIFACTS, axeCheck, buildClient, gzipSizes, launchBrowser, phoneContext, projectorContext, routeFiles, shot, startServer, watchErrors, type RunningServer } from './harness.ts';

/** This test's own build folder, so another browser test building at the same time is left alone. */
const BUILD = path.join(ARTIFACTS, 'e2e-decks-client');

let browser: Browser;
let running: RunningServer;
const contexts: BrowserContext[] = [];
const errors: string[] = [];

beforeAll(async () => {
  buildClient(BUILD);
  running = await startServer(BUILD, 500);
  browser = await launchBrowser();
}, 20 * 60_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await running?.close();
});

async function open(context: Promise<BrowserContext>, label: string): Promise<Page> {
  const ctx = await context;
  contexts.push(ctx);
  const page = await ctx.newPage();
  watchErrors(page, label, errors);
  return page;
}

const kb = (files: string[]) => gzipSizes(BUILD, files).reduce((sum, f) => sum + f.gzip, 0) / 1024;

describe('bundles', () => {
  it('the phone route stays under 150 kB gzip and never loads the editor (CodeMirror) or the library', () => {
    const player = routeFiles(BUILD, 'src/routes/Player.svelte');
    const library = routeFiles(BUILD, 'src/routes/Library.svelte');
    const editor = routeFiles(BUILD, 'src/lib/library/Editor.svelte');
    const sizes = {
      player: kb(player),
      practice: kb(routeFiles(BUILD, 'src/routes/Practice.svelte')),
      host: kb(routeFiles(BUILD, 'src/routes/Host.svelte')),
      library: kb(library),
      'library + editor': kb([...new Set([...library, ...editor])]),
    };
    console.log(`route sizes (kB gzip, entry included):\n${Object.entries(sizes).map(([k, v]) => `  ${k.padEnd(18)} ${v.toFixed(1)}`).join('\n')}`);
    expect(sizes.player).toBeLessThan(150);
    // CodeMirror's own class name marks the editor's code: in the editor's files, in none of the phone's.
    const hasCodeMirror = (f: string) => f.endsWith('.js') && readFileSync(path.join(BUILD, f), 'utf8').includes('cm-lintRange');
    expect(editor.some(hasCodeMirror)).toBe(true);
    expect(player.filter(hasCodeMirror)).toEqual([]);
    expect(library.filter(hasCodeMirror)).toEqual([]);
    const editorOnly = editor.filter((f) => !library.includes(f));
    expect(editorOnly.length).toBeGreaterThan(0);
    expect(player.filter((f) => /Library-|Editor-/.test(f))).toEqual([]);
  });
});

describe('an instructor with a deck', () => {
  it('writes a snippet, sees the error at its line, saves a deck, plays it live with two phones; a student practises it; history shows the analysis', async () => {
    const { url } = running;
    const teacher = await open(projectorContext(browser), 'teacher');

    // The editor: a snippet with a syntax error on line 3 (a second string where a , belongs, column 21).
    await teacher.goto(`${url}/library?tab=editor`);
    const content = teacher.locator('.cm-content');
    await content.waitFor();
    await content.click();
    await teacher.keyboard.press('Control+A');
    await teacher.keyboard.insertText("console.log('first');\nconsole.log('second');\nconsole.log('third' 'oops');\n");
    const problems = teacher.getByTestId('problems');
    await problems.waitFor();
    await expect.poll(() => problems.textContent()).toMatch(/^\s*3:21\s+SyntaxError/);
    // Underlined in the editor (a lint range) with a gutter marker on that line.
    await expect.poll(() => teacher.locator('.cm-lintRange-error').count()).toBeGreaterThan(0);
    await expect.poll(() => teacher.locator('.cm-lint-marker-error').count()).toBe(1);
    await shot(teacher, 'decks-editor-error-1920x1080', false);
    const axe: Record<string, string[]> = { editor: (await axeCheck(teacher)).map((f) => `${f.id} ${f.targets.join(' | ')}`) };

    // Fix it: the cards update; measure keystroke -> updated cards.
    await content.click();
    await teacher.keyboard.press('Control+A');
    const latencies: number[] = [];
    const programs = [
      "console.log('sync');\nsetTimeout(() => console.log('timeout'), 0);\nPromise.resolve().then(() => console.log('then'));\nprocess.nextTick(() => console.log('tick'));\n",
      "console.log('sync');\nsetTimeout(() => console.log('timeout'), 0);\nPromise.resolve().then(() => console.log('then'));\nprocess.nextTick(() => console.log('tick'));\nconsole.log('end');\n",
      "console.log('sync');\nsetTimeout(() => console.log('timeout'), 0);\nPromise.resolve().then(() => console.log('then'));\nprocess.nextTick(() => console.log('tick'));\n",
    ];
    const expected = [['sync', 'tick', 'then', 'timeout'], ['sync', 'end', 'tick', 'then', 'timeout'], ['sync', 'tick', 'then', 'timeout']];
    for (const [i, program] of programs.entries()) {
      await teacher.keyboard.press('Control+A');
      const start = await teacher.evaluate(() => performance.now());
      await teacher.keyboard.insertText(program);
      await teacher.waitForFunction(
        (want) => [...document.querySelectorAll('[data-testid="editor-cards"] code')].map((c) => c.textContent).join('|') === want,
        expected[i].join('|'),
        { timeout: 20_000, polling: 'raf' },
      );
      latencies.push(Math.round((await teacher.evaluate(() => performance.now())) - start));
    }
    console.log(`editor: keystroke to updated cards ${latencies.join(', ')} ms (300 ms of it is the debounce)`);
    expect(Math.max(...latencies)).toBeLessThan(5000);
    await expect.poll(() => teacher.getByTestId('problems').count()).toBe(0);
    await expect.poll(() => teacher.locator('.cm-lintRange-error').count()).toBe(0);
    await teacher.getByLabel('Title').fill('Ticks before promises');
    // The explanation is prefilled with the draft from the trace.
    await expect.poll(() => teacher.getByLabel('Explanation (shown after the reveal)').inputValue()).toMatch(/"tick" comes from the nextTick queue/);
    await shot(teacher, 'decks-editor-playable-1920x1080', false);
    await teacher.getByRole('button', { name: 'Add to the deck' }).click();

    // The library: filter, count, preview a bank snippet, add it.
    await teacher.getByRole('tab', { name: 'Library' }).click();
    const count = teacher.getByTestId('match-count');
    await expect.poll(() => count.textContent()).toMatch(/^\d+ of \d+ snippets match$/);
    const total = Number((await count.textContent())!.match(/of (\d+)/)![1]);
    expect(total).toBeGreaterThan(50);
    await teacher.getByLabel('Difficulty').selectOption('1');
    await teacher.getByLabel('Topic').selectOption('nextTick');
    await expect.poll(async () => Number((await count.textContent())!.match(/^(\d+)/)![1])).toBeLessThan(total);
    const first = teacher.locator('ul.list li').first();
    const title = (await first.locator('.title').textContent())!.trim();
    await first.locator('.pick-title').click();
    await teacher.getByTestId('preview-output').waitFor();
    expect(await teacher.getByTestId('preview-output').locator('li').count()).toBeGreaterThanOrEqual(2);
    await teacher.getByRole('heading', { name: 'Explanation' }).waitFor();
    await shot(teacher, 'decks-library-preview-1920x1080', false);
    axe.library = (await axeCheck(teacher)).map((f) => `${f.id} ${f.targets.join(' | ')}`);
    await teacher.getByRole('button', { name: `Add ${title} to the deck` }).click();

    // Save the deck: the practice link appears.
    await expect.poll(() => teacher.getByTestId('draft').locator('li').count()).toBe(2);
    // Names are text, never HTML.
    await teacher.getByLabel('Deck name').fill('Week 5: <i>queues</i>');
    await teacher.getByRole('button', { name: 'Save as a new deck' }).click();
    const link = teacher.getByTestId('practice-link');
    await link.waitFor({ timeout: 20_000 });
    const practiceUrl = (await link.textContent())!.trim();
    expect(practiceUrl).toMatch(new RegExp(`^${url}/practice\\?deck=[A-Za-z0-9_-]+$`));

    // Play it live: host setup picks the deck; two phones join and answer round 1.
    await teacher.getByRole('tab', { name: 'My decks' }).click();
    await teacher.getByRole('button', { name: 'Play live' }).click();
    await teacher.getByRole('heading', { name: 'Host a game' }).waitFor();
    expect(await teacher.getByTestId('deck-select').inputValue()).not.toBe('');
    await teacher.getByRole('button', { name: 'Open the room' }).click();
    const code = (await teacher.locator('.big-code').textContent())!.trim();
    const room = running.server.registry.getRoom(code)!;
    expect(room.actor.getSnapshot().context.candidates.map((e) => e.snippet.title)).toEqual(['Ticks before promises', title]);
    const phones = [await open(phoneContext(browser), 'ada'), await open(phoneContext(browser), 'bob')];
    for (const [i, phone] of phones.entries()) {
      await phone.goto(`${url}/play/${code}`);
      await phone.getByLabel('Nickname').fill(['Ada', 'Bob'][i]);
      await phone.getByRole('button', { name: 'Join game' }).click();
      await phone.getByText("You're in!").waitFor();
    }
    await teacher.getByRole('button', { name: 'Start game' }).click();
    for (const phone of phones) await phone.getByRole('button', { name: 'Submit my order' }).waitFor({ timeout: 15_000 });
    expect(room.actor.getSnapshot().context.round!.entry.snippet.title).toBe('Ticks before promises');
    await phones[0].getByRole('button', { name: 'Submit my order' }).click();
    await phones[0].getByText('Answer sent').waitFor();
    // The last answer closes the round at once (everyone answered): the reveal follows.
    await phones[1].getByRole('button', { name: 'Submit my order' }).click();
    await expect.poll(() => phaseOf(room.actor.getSnapshot()), { timeout: 15_000 }).toBe('reveal');
    await phones[0].getByRole('heading', { name: 'Why' }).waitFor({ timeout: 15_000 });
    await shot(phones[0], 'decks-live-reveal-360x640', false);

    // A student opens the practice link (round 1 is revealed in the live room; round 2 is still to come there).
    const student = await open(phoneContext(browser), 'student');
    await student.goto(practiceUrl);
    await student.getByTestId('deck-practice').waitFor();
    await student.getByRole('button', { name: 'Start practice' }).click();
    await student.getByRole('button', { name: 'Check my order' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => student.locator('body').textContent()).toContain('Ticks before promises');
    // The live room's next snippet (the bank one) is not dealt: the run has the one revealed snippet only.
    await expect.poll(() => student.locator('body').textContent()).toMatch(/Round 1 of 1/);
    await shot(student, 'decks-practice-link-360x640', false);

    // History: the game with its per-snippet analysis.
    const history = await teacher.context().newPage();
    watchErrors(history, 'history', errors);
    await history.goto(`${url}/library?tab=history`);
    const game = history.getByTestId('past-game').first();
    await game.locator('table.analysis').waitFor({ timeout: 15_000 });
    expect(await game.textContent()).toContain(`room ${code}`);
    expect(await game.textContent()).toContain('Week 5: <i>queues</i>');
    expect(await game.locator('i').count()).toBe(0);
    expect(await game.textContent()).toMatch(/2 players · average score \d+/);
    expect(await game.locator('tbody tr').first().textContent()).toMatch(/Ticks before promises\s*\d+% of 2/);
    await shot(history, 'decks-history-analysis-1920x1080', false);
    axe.history = (await axeCheck(history)).map((f) => `${f.id} ${f.targets.join(' | ')}`);
    console.log(`axe findings: ${JSON.stringify(axe, null, 1)}`);
    expect(axe).toEqual({ editor: [], library: [], history: [] });

    expect(errors).toEqual([]);
  }, 240_000);
});
