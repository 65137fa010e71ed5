// End-to-end in a real headless Chromium: the built client against the real server. A host on a
// projector-sized screen and three phones (360x640) play a whole game through the UI: one player
// orders by mouse drag and drop, one by keyboard only, one reloads mid-round and carries on; then
// the reveal with the replay, the leaderboard and the podium. Then a solo practice run. Every
// screen is saved under test-artifacts/screenshots/ and checked with axe-core: the last test
// asserts no screen has a violation (and prints the table of findings per screen).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildClient,
  CLIENT_BUILD,
  ensureChromium,
  gzipSizes,
  launchBrowser,
  sidewaysOverflow,
  phoneContext,
  projectorContext,
  routeFiles,
  axeFindings,
  axeReport,
  screen,
  startServer,
  watchErrors,
  type RunningServer,
} from './harness.ts';

let browser: Browser;
let running: RunningServer;
const contexts: BrowserContext[] = [];
const errors: string[] = [];

beforeAll(async () => {
  ensureChromium();
  buildClient();
  running = await startServer();
  browser = await launchBrowser();
}, 20 * 60_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await running?.close();
});

/** Errors the pages logged, but for the failed loads of the phone this test itself took offline. */
function pageErrors(): string[] {
  return errors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED/.test(e));
}

async function open(context: Promise<BrowserContext>, label: string): Promise<Page> {
  const ctx = await context;
  contexts.push(ctx);
  const page = await ctx.newPage();
  watchErrors(page, label, errors);
  return page;
}

/** Texts of the cards in the order the phone shows them. */
function handTexts(page: Page): Promise<string[]> {
  return page.locator('ol.cards > li code.text').allTextContents();
}

/** The room's current round on the server (the test may look at secrets; the phones may not). */
function roundOnServer(code: string) {
  const room = running.server.registry.getRoom(code);
  const round = room?.actor.getSnapshot().context.round;
  if (!round) throw new Error(`room ${code} has no round`);
  return round;
}

/** Presses Tab until the focused element has this accessible name; fails after a full lap. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
    });
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

/** Puts the hand in `target` order with the keyboard alone: Tab to a card's Move up, Enter. */
async function orderByKeyboard(page: Page, target: string[]): Promise<void> {
  for (let i = 0; i < target.length; i++) {
    const texts = await handTexts(page);
    let at = texts.indexOf(target[i]!);
    if (at === i) continue;
    await tabTo(page, `Move “${target[i]}” up`);
    // Focus stays on the moved card's button, so Enter again moves it again.
    for (; at > i; at--) await page.keyboard.press('Enter');
  }
}

/** Drags the card at `from` onto the slot at `to` with the mouse, in small steps like a hand would. */
async function dragCard(page: Page, from: number, to: number): Promise<void> {
  const cards = page.locator('ol.cards > li');
  // Bring the list to the top of the screen, clear of the sticky submit button.
  await cards.first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const source = await cards.nth(from).locator('.pos').boundingBox();
  const target = await cards.nth(to).boundingBox();
  if (!source || !target) throw new Error('cards not on screen');
  const x = source.x + source.width / 2;
  const y = source.y + source.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y - 4, { steps: 2 });
  await page.waitForTimeout(100);
  const ty = to < from ? target.y + target.height * 0.25 : target.y + target.height * 0.75;
  await page.mouse.move(x, ty, { steps: 12 });
  await page.waitForTimeout(250);
  await page.mouse.up();
  await page.waitForTimeout(300);
}

async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  expect(await sidewaysOverflow(page), `${where} scrolls sideways`).toEqual([]);
}

describe('the player bundle', () => {
  it('stays under 150 kB gzip on the /play route and leaves the host screen out', () => {
    const files = routeFiles(CLIENT_BUILD, 'src/routes/Player.svelte');
    const sizes = gzipSizes(CLIENT_BUILD, files);
    const total = sizes.reduce((sum, f) => sum + f.gzip, 0);
    console.log(
      `player route (/play): ${(total / 1024).toFixed(1)} kB gzip in ${files.length} files\n` +
        sizes.map((f) => `  ${f.file.padEnd(40)} ${(f.bytes / 1024).toFixed(1).padStart(7)} kB  ${(f.gzip / 1024).toFixed(1).padStart(6)} kB gzip`).join('\n'),
    );
    expect(total).toBeLessThan(150 * 1024);
    const hostFiles = routeFiles(CLIENT_BUILD, 'src/routes/Host.svelte').filter((f) => !files.includes(f));
    expect(hostFiles.some((f) => /Host-.*\.js$/.test(f))).toBe(true);
    expect(files.some((f) => /Host-.*\.js$/.test(f))).toBe(false);
  });
});

describe('a live game in the browser', () => {
  it('a host and three phones play two rounds to the podium', async () => {
    const { url } = running;
    const host = await open(projectorContext(browser), 'host');
    const ada = await open(phoneContext(browser, false), 'ada'); // mouse: drags a card
    const bob = await open(phoneContext(browser), 'bob'); // keyboard only
    const cyd = await open(
      browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, reducedMotion: 'reduce' }),
      'cyd',
    ); // reloads mid-round

    // Landing and host setup.
    await host.goto(`${url}/`);
    await screen(host, 'landing-1920x1080');
    await host.getByRole('link', { name: 'Host a game' }).click();
    await host.getByRole('heading', { name: 'Host a game' }).waitFor();
    await host.getByLabel('1 · Warm-up').check();
    await host.getByLabel('2 · Easy').check();
    await host.getByLabel('Rounds').fill('2');
    await host.getByLabel('Time per round').selectOption('90');
    await screen(host, 'host-setup-1920x1080');
    await host.getByRole('button', { name: 'Open the room' }).click();
    const code = (await host.locator('.big-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await expect.poll(() => host.locator('.qr svg').count()).toBe(1);

    // Three ways in: the landing form, a /play link, the QR code's link.
    await ada.goto(`${url}/`);
    await expectNoSidewaysScroll(ada, 'landing on a phone');
    await screen(ada, 'landing-360x640');
    await ada.getByLabel('Room code').fill(code.toLowerCase());
    await ada.getByLabel('Nickname').fill('Ada');
    await screen(ada, 'player-join-360x640');
    await ada.getByRole('button', { name: 'Join game' }).click();
    await ada.getByText("You're in!").waitFor();
    expect(new URL(ada.url()).pathname).toBe(`/play/${code}`);

    await bob.goto(`${url}/play/${code}`);
    await bob.getByLabel('Nickname').fill('Bob');
    await bob.getByRole('button', { name: 'Join game' }).click();
    await bob.getByText("You're in!").waitFor();

    // The QR code's link is the room's join URL (`/?room=CODE`).
    const joinUrl = running.server.registry.getRoom(code)!.actor.getSnapshot().context.joinUrl;
    expect(joinUrl).toBe(`${url}/?room=${code}`);
    await cyd.goto(joinUrl);
    await cyd.getByLabel('Nickname').fill('Cyd');
    await cyd.getByRole('button', { name: 'Join game' }).click();
    await cyd.getByText("You're in!").waitFor();
    await expectNoSidewaysScroll(cyd, 'waiting screen');
    await screen(cyd, 'player-waiting-360x640');

    await expect.poll(() => host.locator('.roster li').count()).toBe(3);
    await screen(host, 'host-lobby-1920x1080', false);

    // A fourth player joins and the host removes her (two presses on ×: the first asks to confirm).
    const eve = await open(phoneContext(browser), 'eve');
    await eve.goto(`${url}/play/${code}`);
    await eve.getByLabel('Nickname').fill('Eve');
    await eve.getByRole('button', { name: 'Join game' }).click();
    await eve.getByText("You're in!").waitFor();
    await expect.poll(() => host.locator('.roster li').count()).toBe(4);
    await host.getByRole('button', { name: 'Remove Eve from the game' }).click();
    await host.getByRole('dialog', { name: 'Remove Eve?' }).waitFor();
    await screen(host, 'host-kick-confirm-1920x1080', false);
    await host.getByRole('button', { name: 'Remove Eve', exact: true }).click();
    await eve.getByRole('heading', { name: 'Removed from the game' }).waitFor();
    await expect.poll(() => host.locator('.roster li').count()).toBe(3);
    await eve.reload();
    await eve.getByRole('heading', { name: 'Join a game' }).waitFor();
    // Removed means kept out: the same phone cannot come back under another name...
    await eve.getByLabel('Nickname').fill('Eve again');
    await eve.getByRole('button', { name: 'Join game' }).click();
    await expect.poll(() => eve.getByRole('alert').textContent()).toMatch(/removed you/i);
    await screen(eve, 'player-join-refused-kicked-360x640', false);
    // ...until the host allows Eve back.
    await screen(host, 'host-lobby-removed-1920x1080', false);
    await host.getByRole('button', { name: 'Allow Eve back' }).click();
    await expect.poll(() => host.getByRole('button', { name: 'Allow Eve back' }).count()).toBe(0);

    // Locking the room turns newcomers away; unlocking lets them in again.
    const fay = await open(phoneContext(browser), 'fay');
    await fay.goto(`${url}/play/${code}`);
    await host.getByRole('button', { name: 'Lock room' }).click();
    await host.locator('.bar .tag', { hasText: 'locked' }).waitFor();
    expect(running.server.registry.getRoom(code)!.actor.getSnapshot().context.locked).toBe(true);
    await fay.getByLabel('Nickname').fill('Fay');
    await fay.getByRole('button', { name: 'Join game' }).click();
    await expect.poll(() => fay.getByRole('alert').textContent()).toMatch(/lock/i);
    await screen(fay, 'player-join-refused-360x640', false);
    await host.getByRole('button', { name: 'Unlock room' }).click();
    await expect.poll(() => host.locator('.bar .tag', { hasText: 'locked' }).count()).toBe(0);
    await fay.context().close();

    // Round 1.
    await host.getByRole('button', { name: 'Start game' }).click();
    await host.getByText('Get ready').waitFor();
    await screen(host, 'host-countdown-1920x1080', false);
    for (const phone of [ada, bob, cyd]) await phone.getByRole('button', { name: 'Submit my order' }).waitFor({ timeout: 15_000 });
    const round1 = roundOnServer(code);
    const truth1 = round1.cards.map((c) => c.text);
    expect(await handTexts(ada)).toHaveLength(truth1.length);
    await expectNoSidewaysScroll(bob, 'round on a phone');
    await screen(bob, 'player-round-360x640', false);
    await bob.locator('ol.cards').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screen(bob, 'player-round-cards-360x640', false);
    await bob.evaluate(() => window.scrollTo(0, 0));
    await screen(host, 'host-round-1920x1080', false);

    // While ordering, tapping a card's text marks the console.log that printed it in the snippet
    // (a place in the source, not in the order); tapping it again clears the mark.
    const bobCard = (await handTexts(bob))[0]!;
    const bobLine = round1.cards.find((c) => c.text === bobCard)!.loc.start.line;
    await bob.getByRole('button', { name: `Show the line that prints “${bobCard}”` }).click();
    await expect.poll(() => bob.locator('.snippet .marked').first().getAttribute('data-line')).toBe(String(bobLine));
    await screen(bob, 'player-round-card-marked-360x640', false);
    await bob.getByRole('button', { name: `Show the line that prints “${bobCard}”` }).click();
    await expect.poll(() => bob.locator('.snippet .marked').count()).toBe(0);

    // Reduced motion is honoured: transitions are cut to nothing.
    const transition = await cyd.locator('.snippet .line').first().evaluate((el) => getComputedStyle(el).transitionDuration);
    expect(parseFloat(transition)).toBeLessThan(0.001);

    // Cyd moves a card, then the phone reloads mid-round: it rejoins with the stored token and
    // finds the round still open and the arrangement as it was.
    const cydFirst = (await handTexts(cyd))[0]!;
    await cyd.getByRole('button', { name: `Move “${cydFirst}” down` }).click();
    const cydOrder = await handTexts(cyd);
    expect(cydOrder[1]).toBe(cydFirst);
    await cyd.reload();
    await cyd.getByRole('button', { name: 'Submit my order' }).waitFor({ timeout: 15_000 });
    expect(await handTexts(cyd)).toEqual(cydOrder);
    await expect.poll(() => host.locator('.roster li.offline').count()).toBe(0);

    // Ada drags the last card to the top with the mouse.
    const adaBefore = await handTexts(ada);
    await dragCard(ada, adaBefore.length - 1, 0);
    const adaAfter = await handTexts(ada);
    expect(adaAfter[0]).toBe(adaBefore[adaBefore.length - 1]);
    expect([...adaAfter].sort()).toEqual([...adaBefore].sort());
    await ada.getByRole('button', { name: 'Submit my order' }).click();
    await ada.getByText('Answer sent').waitFor();
    await screen(ada, 'player-sent-360x640');
    await expect.poll(() => Object.keys(roundOnServer(code).answers).length).toBe(1);
    expect(Object.values(roundOnServer(code).answers)[0]!.order.map((id) => round1.cards.find((c) => c.id === id)!.text)).toEqual(adaAfter);

    // Bob orders with the keyboard alone (Tab and Enter), into the true order, and submits.
    await orderByKeyboard(bob, truth1);
    expect(await handTexts(bob)).toEqual(truth1);
    await tabTo(bob, 'Submit my order');
    await bob.keyboard.press('Enter');
    await bob.getByText('Answer sent').waitFor();

    await cyd.getByRole('button', { name: 'Submit my order' }).click();

    // Reveal: everyone answered, so the round closes.
    await bob.getByText('Perfect order!').waitFor({ timeout: 15_000 });
    await ada.getByRole('heading', { name: 'Why' }).waitFor();
    await expect.poll(() => ada.locator('.result[aria-live]').count()).toBe(1);
    await expectNoSidewaysScroll(ada, 'result on a phone');
    await screen(ada, 'player-result-360x640');

    // Tapping a card marks the console.log that printed it (its location came with the reveal).
    const tapped = truth1[truth1.length - 1]!;
    await ada.locator('button.verdict', { has: ada.locator('code', { hasText: new RegExp(`^${escapeRegExp(tapped)}$`) }) }).click();
    const revealed = roundOnServer(code).cards.find((c) => c.text === tapped)!;
    await expect.poll(() => ada.locator('.snippet .marked').first().getAttribute('data-line')).toBe(String(revealed.loc.start.line));
    await screen(ada, 'player-result-tapped-360x640', false);

    // The replay on the phone: open it, step to the first printed line.
    await ada.getByText('Replay the event loop step by step').click();
    await ada.getByRole('button', { name: 'next print' }).click();
    await expect.poll(() => ada.locator('.console li').count()).toBe(1);
    await ada.getByRole('button', { name: 'Next step' }).click();
    await expectNoSidewaysScroll(ada, 'replay on a phone');
    // The docked controls never sit on the marked line of code: bring the line just under the dock,
    // step, and the page makes room.
    const markedUnderDock = () =>
      ada.evaluate(() => {
        const dock = document.querySelector('.replay .dock')!.getBoundingClientRect();
        const line = document.querySelector('.replay .code .line.marked')?.getBoundingClientRect();
        return !!line && line.bottom > dock.top && line.top < dock.bottom;
      });
    await ada.locator('.replay .code').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    for (let i = 0; i < 4; i++) {
      await ada.getByRole('button', { name: 'Next step' }).click();
      await ada.waitForTimeout(150);
      expect(await markedUnderDock()).toBe(false);
    }
    await ada.locator('.replay .console').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screen(ada, 'player-replay-360x640', false);

    // The host's reveal: true order with shares, the replay stepping and playing.
    await host.getByRole('heading', { name: 'The true order' }).waitFor();
    expect(await host.locator('.truth .order li code').allTextContents()).toEqual(truth1);
    await screen(host, 'host-reveal-1920x1080', false);
    const stepCount = host.locator('.replay .count');
    await host.getByRole('button', { name: 'next print' }).click();
    await host.getByRole('button', { name: 'next print' }).click();
    await expect.poll(() => host.locator('.replay .console li').count()).toBe(2);
    const before = await stepCount.textContent();
    await host.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => stepCount.textContent(), { timeout: 5000 }).not.toBe(before);
    await host.getByRole('button', { name: 'Pause', exact: true }).click();
    await host.getByRole('button', { name: 'Replay only' }).click();
    await expect.poll(() => host.getByRole('heading', { name: 'The true order' }).count()).toBe(0);
    await screen(host, 'host-replay-1920x1080', false);
    await host.getByRole('button', { name: 'Replay only' }).click();

    // Leaderboard; the host screen reloads and takes control again with the stored host token.
    await host.getByRole('button', { name: 'Show leaderboard' }).click();
    await host.getByRole('heading', { name: /Leaderboard after round 1/ }).waitFor();
    await host.reload();
    await host.getByRole('heading', { name: /Leaderboard after round 1/ }).waitFor();
    await screen(host, 'host-leaderboard-1920x1080', false);
    await bob.getByText(/You are \d+(st|nd|rd|th) with \d+ points/).waitFor();
    await screen(bob, 'player-leaderboard-360x640');

    // Round 2: quick answers, then the podium.
    await host.getByRole('button', { name: 'Next round' }).click();
    for (const phone of [ada, bob, cyd]) await phone.getByRole('button', { name: 'Submit my order' }).waitFor({ timeout: 15_000 });
    const truth2 = roundOnServer(code).cards.map((c) => c.text);

    // Cyd's network drops: the banner shows, and when the network is back the phone rejoins by
    // itself and can still answer (before the others answer: a round also ends
    // when every connected player has answered).
    const cydId = Object.values(running.server.registry.getRoom(code)!.actor.getSnapshot().context.players).find((p) => p.nickname === 'Cyd')!.id;
    await cyd.context().setOffline(true);
    for (const socket of running.server.registry.getRoom(code)!.playerSockets.get(cydId) ?? []) socket.conn.close();
    await cyd.getByText('Connection lost').waitFor();
    await screen(cyd, 'player-connection-lost-360x640', false);
    await cyd.context().setOffline(false);
    await expect.poll(() => cyd.getByText('Connection lost').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => host.locator('.roster li.offline').count(), { timeout: 15_000 }).toBe(0);
    await cyd.getByRole('button', { name: 'Submit my order' }).waitFor();

    await orderByKeyboard(bob, truth2);
    await bob.getByRole('button', { name: 'Submit my order' }).click();

    // Ada uses the drag library's own keyboard mode: Tab to the first card, Space, ArrowDown, Space.
    const adaHand = await handTexts(ada);
    await ada.evaluate(() => window.scrollTo(0, 0));
    await tabTo(ada, `${adaHand[0]}, line 1 of ${adaHand.length}`);
    await ada.keyboard.press('Space');
    await ada.keyboard.press('ArrowDown');
    await ada.keyboard.press('Space');
    await expect.poll(() => handTexts(ada)).toEqual([adaHand[1], adaHand[0], ...adaHand.slice(2)]);
    await ada.getByRole('button', { name: 'Submit my order' }).click();

    await cyd.getByRole('button', { name: 'Submit my order' }).click();
    await host.getByRole('heading', { name: 'The true order' }).waitFor({ timeout: 15_000 });
    await bob.getByText(/streak bonus/).waitFor();
    await host.getByRole('button', { name: 'Show leaderboard' }).click();
    await host.getByRole('button', { name: 'Show podium' }).click();
    await host.getByRole('heading', { name: 'Final results' }).waitFor();
    await expect.poll(() => host.locator('.podium .step').count()).toBe(3);
    const winner = running.server.registry.getRoom(code)!.actor.getSnapshot().context;
    const best = Object.values(winner.players).sort((a, b) => b.score - a.score || a.totalMs - b.totalMs)[0]!;
    expect(await host.locator('.podium .first .name').textContent()).toBe(best.nickname);
    await screen(host, 'host-podium-1920x1080', false);
    await bob.getByText(/You finished \d+(st|nd|rd|th) with \d+ points/).waitFor();
    await expectNoSidewaysScroll(bob, 'podium on a phone');
    await screen(bob, 'player-podium-360x640');

    // The host's CSV report link works and carries the players.
    const href = await host.getByRole('link', { name: 'Download CSV report' }).getAttribute('href');
    const csv = await (await fetch(new URL(href!, url))).text();
    expect(csv).toContain('Bob');
    expect(csv.split('\n').filter((l) => l.includes(code)).length).toBeGreaterThanOrEqual(6);

    expect(pageErrors()).toEqual([]);
  }, 480_000);
});

describe('practice in the browser', () => {
  it('plays a timed practice run with replays and keeps the personal best', async () => {
    const { url } = running;
    const page = await open(phoneContext(browser), 'practice');
    await page.goto(`${url}/practice`);
    await page.getByLabel('1 · Warm-up').check();
    await page.getByLabel('Rounds').fill('2');
    await expectNoSidewaysScroll(page, 'practice setup');
    await screen(page, 'practice-setup-360x640');
    await page.getByRole('button', { name: 'Start practice' }).click();

    for (let round = 1; round <= 2; round++) {
      await page.getByRole('button', { name: 'Check my order' }).waitFor();
      await expect.poll(() => page.locator('[role="timer"]').count()).toBe(1);
      if (round === 1) {
        await expectNoSidewaysScroll(page, 'practice round');
        await screen(page, 'practice-round-360x640', false);
      }
      await page.getByRole('button', { name: 'Check my order' }).click();
      await page.getByRole('heading', { name: 'Why' }).waitFor();
      // The replay is right there: step it.
      await page.getByRole('button', { name: 'Next step' }).click();
      await expect.poll(() => page.locator('.replay .count').textContent()).toMatch(/^step 2 \//);
      if (round === 1) {
        await expectNoSidewaysScroll(page, 'practice reveal');
        await screen(page, 'practice-reveal-360x640', false);
        // Tapping a card sends the replay to the step that printed it.
        const last = page.locator('button.verdict').last();
        const text = (await last.locator('code').textContent())!;
        await last.click();
        await expect.poll(() => page.locator('.replay .caption .kind').textContent()).toBe('prints');
        await expect.poll(async () => (await page.locator('.replay .console li code').allTextContents()).includes(text)).toBe(true);
        await screen(page, 'practice-reveal-tapped-360x640', false);
      }
      await page.getByRole('button', { name: round === 2 ? 'See my summary' : 'Next round' }).click();
    }

    await page.getByRole('heading', { name: 'Practice done' }).waitFor();
    await page.getByText('New personal best!').waitFor();
    const points = Number((await page.locator('.summary .points').textContent())!.replace(/\D/g, ''));
    await screen(page, 'practice-summary-360x640');

    await page.reload();
    await page.getByText(`Personal best: ${points} points`).waitFor();
    expect(pageErrors()).toEqual([]);
  }, 120_000);

  it('shows a practice reveal on a wide screen', async () => {
    const { url } = running;
    const page = await open(projectorContext(browser), 'practice-wide');
    await page.goto(`${url}/practice`);
    await page.getByLabel('Rounds').fill('1');
    await page.getByRole('button', { name: 'Start practice' }).click();
    await page.getByRole('button', { name: 'Check my order' }).click();
    await page.getByRole('button', { name: 'next print' }).click();
    await page.getByRole('button', { name: 'next print' }).click();
    await screen(page, 'practice-reveal-1920x1080');
    expect(pageErrors()).toEqual([]);
  }, 60_000);
});

describe('accessibility', () => {
  it('has no axe-core violation on any screen of the runs above', () => {
    console.log(`axe-core findings per screen:\n${axeReport()}`);
    expect(axeFindings.size).toBeGreaterThanOrEqual(20);
    const broken = [...axeFindings].filter(([, found]) => found.length > 0).map(([name, found]) => `${name}: ${found.map((f) => f.id).join(', ')}`);
    expect(broken).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
