// In front of a class (issue 8), in a real headless Chromium against the real server: host
// controls that cannot misfire under a double click, a kick confirmation that never moves the
// list, pause on a phone, a touch tap marking a card's console.log once, the snippet's "more"
// cue, practice timing out, the projector's "Replay only" fitting 1920x1080 with the console
// visible, and 200 players on the host's lobby. Extra players are socket.io bots (cheaper than
// browsers). Screens are saved under test-artifacts/screenshots/ and checked with axe-core.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol.ts';
import {
  ARTIFACTS,
  axeFindings,
  axeReport,
  buildClient,
  ensureChromium,
  launchBrowser,
  phoneContext,
  projectorContext,
  screen,
  sidewaysOverflow,
  startServer,
  watchErrors,
  type RunningServer,
} from './harness.ts';

/** Its own build folder, so it never races the other browser test file's build. */
const BUILD = path.join(ARTIFACTS, 'e2e-client-classroom');

let browser: Browser;
let running: RunningServer;
const contexts: BrowserContext[] = [];
const bots: Socket[] = [];
const errors: string[] = [];

beforeAll(async () => {
  ensureChromium();
  buildClient(BUILD);
  running = await startServer(BUILD, 1500);
  browser = await launchBrowser();
}, 20 * 60_000);

afterAll(async () => {
  for (const bot of bots) bot.disconnect();
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

type BotSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A player joined over a plain socket (no browser): its socket, token and id. */
async function bot(code: string, nickname: string): Promise<{ socket: BotSocket; token: string; id: string }> {
  const socket: BotSocket = io(running.url, { transports: ['websocket'], forceNew: true });
  bots.push(socket);
  const reply = await socket.timeout(30_000).emitWithAck('room:join', { code, nickname });
  if (!reply.ok) throw new Error(`${nickname} could not join: ${reply.message}`);
  return { socket, token: reply.playerToken, id: reply.view.you.id };
}

function snapshotOf(code: string) {
  const room = running.server.registry.getRoom(code);
  if (!room) throw new Error(`no room ${code}`);
  return room.actor.getSnapshot();
}

/** Where the room is: its phase as the host sees it, round number, paused. */
function where(code: string): { phase: string; round: number; paused: boolean } {
  const snap = snapshotOf(code);
  const value = JSON.stringify(snap.value);
  const phase = ['lobby', 'countdown', 'answering', 'paused', 'reveal', 'leaderboard', 'podium', 'ended'].find((p) => value.includes(`"${p}"`) || value === `"${p}"`) ?? value;
  return { phase, round: snap.context.round?.number ?? 0, paused: phase === 'paused' };
}

/** Opens a room from the host screen with these settings; returns its code. */
async function openRoom(host: Page, rounds: number, seconds = '90', maxPlayers = 60): Promise<string> {
  await host.goto(`${running.url}/host`);
  await host.getByRole('heading', { name: 'Host a game' }).waitFor();
  await host.getByLabel('1 · Warm-up').check();
  await host.getByLabel('Rounds').fill(String(rounds));
  await host.getByLabel('Time per round').selectOption(seconds);
  await host.getByLabel('Max players').fill(String(maxPlayers));
  await host.getByRole('button', { name: 'Open the room' }).click();
  const code = (await host.locator('.big-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  return code;
}

/** Double-clicks a host button the way a hand does: two clicks at one spot, 120 ms apart. */
async function doubleClick(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name, exact: true });
  await button.waitFor();
  await expect.poll(() => button.isEnabled(), { timeout: 5000 }).toBe(true);
  const box = (await button.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.click(x, y);
  await page.waitForTimeout(120);
  await page.mouse.click(x, y);
  // Let anything the second click did reach the server and come back.
  await page.waitForTimeout(900);
}

describe('host controls under a double click', () => {
  it('each control acts once: start, pause, resume, end round, leaderboard, next round, skip, end game', async () => {
    const host = await open(projectorContext(browser), 'host-dbl');
    const code = await openRoom(host, 4);
    const phone = await open(phoneContext(browser), 'phone-dbl');
    await phone.goto(`${running.url}/play/${code}`);
    await phone.getByLabel('Nickname').fill('Pia');
    await phone.getByRole('button', { name: 'Join game' }).click();
    await phone.getByText("You're in!").waitFor();
    await bot(code, 'Bot one');
    const downloads: string[] = [];
    host.on('download', (d) => downloads.push(d.suggestedFilename()));

    // Start game: round 1, not round 2.
    await doubleClick(host, 'Start game');
    expect(where(code).round).toBe(1);
    await phone.getByText('Round 1 of 4').first().waitFor();

    // Pause then resume during the round, each double-clicked: each acts once.
    await phone.getByRole('button', { name: 'Submit my order' }).waitFor({ timeout: 15_000 });
    await doubleClick(host, 'Pause');
    expect(where(code)).toMatchObject({ round: 1, paused: true });
    await doubleClick(host, 'Resume');
    expect(where(code)).toMatchObject({ round: 1, paused: false });

    // End round now: the reveal of round 1 (the second click must not skip on).
    await doubleClick(host, 'End round now');
    expect(where(code)).toMatchObject({ phase: 'reveal', round: 1 });

    // Show leaderboard: the leaderboard, and no CSV download from the second click.
    await doubleClick(host, 'Show leaderboard');
    expect(where(code)).toMatchObject({ phase: 'leaderboard', round: 1 });
    expect(downloads).toEqual([]);

    // Next round: round 2's countdown runs (not paused by the second click).
    await doubleClick(host, 'Next round');
    expect(where(code).round).toBe(2);
    expect(where(code).paused).toBe(false);
    await phone.getByRole('button', { name: 'Submit my order' }).waitFor({ timeout: 15_000 });

    // Skip round: round 2 is skipped once (round 3 comes, not 4), and the phone is told.
    await doubleClick(host, 'Skip round');
    expect(where(code).round).toBe(3);
    expect(where(code).paused).toBe(false);
    await expect.poll(() => phone.getByRole('status').filter({ hasText: /skipped/i }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await screen(phone, 'player-round-skipped-notice-360x640', false);

    // End game: a double click only asks; a deliberate second click later ends it.
    await doubleClick(host, 'End game');
    expect(where(code).round).toBe(3);
    expect(['countdown', 'answering']).toContain(where(code).phase);
    await host.getByRole('button', { name: 'Click again to end' }).click();
    await expect.poll(() => where(code).phase).toMatch(/podium|ended/);
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('kick confirmation', () => {
  it('three presses at one spot never remove another player; the dialog names who goes', async () => {
    const host = await open(projectorContext(browser), 'host-kick');
    const code = await openRoom(host, 1);
    const names = ['Ann', 'Ben', 'Cat', 'Dan'];
    for (const name of names) await bot(code, name);
    await expect.poll(() => host.locator('.roster li').count()).toBe(4);

    const first = host.getByRole('button', { name: 'Remove Ann from the game' });
    const box = (await first.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    for (let press = 0; press < 3; press++) {
      await host.mouse.click(x, y);
      await host.waitForTimeout(250);
    }
    // The dialog asks about Ann, and nobody has gone yet.
    await host.getByRole('dialog', { name: 'Remove Ann?' }).waitFor();
    const remaining = () => Object.values(snapshotOf(code).context.players).map((p) => p.nickname).sort();
    expect(remaining()).toEqual(names);
    // The list did not move under the pointer.
    expect((await first.boundingBox())!.y).toBeCloseTo(box.y, 0);
    await screen(host, 'host-kick-dialog-1920x1080', false);

    // Cancel keeps Ann; confirming removes exactly Ann.
    await host.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => host.getByRole('dialog').count()).toBe(0);
    expect(remaining()).toEqual(names);
    await first.click();
    await host.getByRole('button', { name: 'Remove Ann', exact: true }).click();
    await expect.poll(remaining).toEqual(['Ben', 'Cat', 'Dan']);
    await expect.poll(() => host.locator('.roster li').count()).toBe(3);
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('pause on a phone', () => {
  it('covers the cards, disables Submit and says "Paused by the teacher"; the answer goes in after the resume', async () => {
    const host = await open(projectorContext(browser), 'host-pause');
    const code = await openRoom(host, 1);
    const phone = await open(phoneContext(browser), 'phone-pause');
    await phone.goto(`${running.url}/play/${code}`);
    await phone.getByLabel('Nickname').fill('Paz');
    await phone.getByRole('button', { name: 'Join game' }).click();
    await phone.getByText("You're in!").waitFor();
    await bot(code, 'Quiet bot');
    await host.getByRole('button', { name: 'Start game' }).click();
    const submit = phone.locator('.submit-bar button');
    await phone.getByRole('button', { name: 'Submit my order' }).waitFor({ timeout: 15_000 });
    const first = (await phone.locator('ol.cards > li code.text').allTextContents())[0]!;

    await host.getByRole('button', { name: 'Pause', exact: true }).click();
    await phone.getByRole('heading', { name: 'Paused by the teacher' }).waitFor();
    await expect.poll(() => submit.isDisabled()).toBe(true);
    expect(await submit.textContent()).toMatch(/Paused by the teacher/);
    // The cards are covered and inert: a tap on a move button changes nothing.
    expect(await phone.locator('.hand').evaluate((el) => (el as HTMLElement).inert)).toBe(true);
    await phone.locator('ol.cards > li').first().locator('button.move').last().tap({ force: true });
    expect((await phone.locator('ol.cards > li code.text').allTextContents())[0]).toBe(first);
    await screen(phone, 'player-paused-360x640', false);
    await screen(host, 'host-paused-1920x1080', false);

    await host.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => phone.getByRole('heading', { name: 'Paused by the teacher' }).count()).toBe(0);
    await phone.getByRole('button', { name: 'Submit my order' }).click();
    await phone.getByText('Answer sent').waitFor();
    const players = Object.values(snapshotOf(code).context.players);
    const paz = players.find((p) => p.nickname === 'Paz')!;
    expect(snapshotOf(code).context.round!.answers[paz.id]).toBeTruthy();
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('a phone with a touch screen', () => {
  it('marks a tapped card once, shows its line, and cues that the snippet box holds more', async () => {
    const host = await open(projectorContext(browser), 'host-touch');
    const code = await openRoom(host, 1);
    const phone = await open(phoneContext(browser), 'phone-touch');
    // What this phone downloads (bytes on the wire, as the server sends them) up to its first round.
    const cdp = await phone.context().newCDPSession(phone);
    await cdp.send('Network.enable');
    let wire = 0;
    cdp.on('Network.loadingFinished', (event) => (wire += event.encodedDataLength));
    await phone.goto(`${running.url}/play/${code}`);
    await phone.getByLabel('Nickname').fill('Tam');
    await phone.getByRole('button', { name: 'Join game' }).click();
    await phone.getByText("You're in!").waitFor();
    await screen(phone, 'player-waiting-howto-360x640');
    await host.getByRole('button', { name: 'Start game' }).click();
    await phone.getByRole('button', { name: 'Submit my order' }).waitFor({ timeout: 15_000 });
    const round = snapshotOf(code).context.round!;
    await phone.waitForLoadState('networkidle');
    console.log(`a phone downloaded ${(wire / 1024).toFixed(1)} kB (on the wire) from the join link to its first round`);
    expect(wire).toBeGreaterThan(10_000);

    // The card whose console.log is lowest in the snippet: its line may start out of view.
    const texts = await phone.locator('ol.cards > li code.text').allTextContents();
    const lineOf = (text: string) => round.cards.find((c) => c.text === text)!.loc.start.line;
    const lowest = texts.reduce((a, b) => (lineOf(b) > lineOf(a) ? b : a));
    const card = phone.locator('ol.cards > li', { has: phone.locator('code.text', { hasText: lowest }) }).first();

    // A real touch tap on the card's text (the drag library adds a synthetic click to the browser's).
    await card.locator('code.text').tap();
    await phone.waitForTimeout(700);
    await expect.poll(() => card.locator('button.show').getAttribute('aria-pressed')).toBe('true');
    const marked = phone.locator('.snippet .line.marked').first();
    expect(await marked.getAttribute('data-line')).toBe(String(lineOf(lowest)));
    // The marked line is inside the snippet box's visible part, and shown under the card too.
    const visible = await marked.evaluate((line) => {
      const box = line.closest('pre')!.getBoundingClientRect();
      const row = line.getBoundingClientRect();
      return row.top >= box.top - 1 && row.bottom <= box.bottom + 1;
    });
    expect(visible).toBe(true);
    expect(await card.locator('.origin').textContent()).toContain(`line ${lineOf(lowest)}`);
    await screen(phone, 'player-round-card-tapped-360x640', false);

    // A capped box that holds more than it shows says so, and can show everything.
    const clipped = await phone.locator('.snippet').first().evaluate((pre) => pre.scrollHeight > pre.clientHeight + 2);
    if (clipped) {
      const more = phone.locator('button.more').first();
      await more.waitFor();
      await more.tap();
      await expect.poll(() => phone.locator('.snippet').first().evaluate((pre) => pre.scrollHeight <= pre.clientHeight + 2)).toBe(true);
      await more.tap();
    }

    // A second tap later unmarks it, once.
    await card.locator('code.text').tap();
    await phone.waitForTimeout(700);
    expect(await card.locator('button.show').getAttribute('aria-pressed')).toBe('false');
    expect(await phone.locator('.snippet .line.marked').count()).toBe(0);
    expect(await sidewaysOverflow(phone)).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('replay only on the projector', () => {
  it('fits 1920x1080 with the console visible, queue text >= 24 px, and the clicker keys step at once', async () => {
    const host = await open(projectorContext(browser), 'host-replay');
    const code = await openRoom(host, 1);
    const player = await bot(code, 'Rex');
    await host.getByRole('button', { name: 'Start game' }).click();
    await expect.poll(() => where(code).phase, { timeout: 15_000 }).toBe('answering');
    // Rex hands in his shuffled hand as dealt: most likely a wrong order, for the teaching moment.
    const order = snapshotOf(code).context.round!.hands[player.id]!;
    const reply = await player.socket.emitWithAck('round:answer', { code, playerToken: player.token, order });
    expect(reply.ok).toBe(true);
    await host.getByRole('heading', { name: 'The true order' }).waitFor({ timeout: 15_000 });
    await screen(host, 'host-reveal-teaching-1920x1080', false);

    // A line of the true order jumps the replay to the step that printed it.
    const last = host.locator('.truth .order li button').last();
    await last.click();
    await expect.poll(() => host.locator('.replay .caption .kind').textContent()).toBe('prints');

    await host.getByRole('button', { name: 'Replay only' }).click();
    await expect.poll(() => host.getByRole('heading', { name: 'The true order' }).count()).toBe(0);
    // The clicker's PageDown steps the replay right away (focus went to the replay).
    const count = host.locator('.replay .count');
    await host.keyboard.press('Home');
    const before = await count.textContent();
    await host.keyboard.press('PageDown');
    await expect.poll(() => count.textContent()).not.toBe(before);
    await host.keyboard.press('ArrowRight');
    await host.keyboard.press('PageDown');
    await screen(host, 'host-replay-only-1920x1080', false);

    const fit = await host.evaluate(() => {
      const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      const jobs = [...document.querySelectorAll<HTMLElement>('.replay .machine .job, .replay .machine .empty')];
      return {
        scrollHeight: document.documentElement.scrollHeight,
        console: box('.replay .console'),
        code: box('.replay .code'),
        machine: box('.replay .machine'),
        minQueueText: Math.min(...jobs.map((j) => parseFloat(getComputedStyle(j).fontSize))),
      };
    });
    expect(fit.scrollHeight).toBeLessThanOrEqual(1080);
    for (const part of [fit.console, fit.code, fit.machine]) {
      expect(part.top).toBeGreaterThanOrEqual(0);
      expect(part.bottom).toBeLessThanOrEqual(1080);
      expect(part.height).toBeGreaterThan(100);
    }
    expect(fit.minQueueText).toBeGreaterThanOrEqual(24);
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('practice when time runs out', () => {
  it('moves on to the reveal by itself', async () => {
    const page = await open(phoneContext(browser), 'practice-timeout');
    await page.goto(`${running.url}/practice`);
    await page.getByLabel('1 · Warm-up').check();
    await page.getByLabel('Rounds').fill('1');
    await page.getByRole('button', { name: 'Start practice' }).click();
    await page.getByRole('button', { name: 'Check my order' }).waitFor();
    // Nobody touches the phone: the clock runs out, the reveal must come.
    await page.getByRole('heading', { name: 'Why' }).waitFor({ timeout: 90_000 });
    expect(await page.getByRole('button', { name: 'Check my order' }).count()).toBe(0);
    await screen(page, 'practice-timed-out-360x640', false);
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('a class of 200', () => {
  it('keeps the lobby and the answered list readable on the projector', async () => {
    const host = await open(projectorContext(browser), 'host-200');
    const code = await openRoom(host, 1, '90', 200);
    // Twenty at a time: a busy two-core machine answers 200 joins at once too slowly for the bots.
    const joined: unknown[] = [];
    for (let batch = 0; batch < 10; batch++) {
      joined.push(...(await Promise.all(Array.from({ length: 20 }, (_, i) => bot(code, `Student ${String(batch * 20 + i + 1).padStart(3, '0')}`)))));
    }
    expect(joined).toHaveLength(200);
    await expect.poll(() => host.locator('.roster li').count(), { timeout: 20_000 }).toBe(200);
    const lobby = await host.evaluate(() => {
      const roster = document.querySelector('.roster')!.getBoundingClientRect();
      const chip = document.querySelector('.roster li')!.getBoundingClientRect();
      const names = [...document.querySelectorAll<HTMLElement>('.roster li .name')];
      const cut = names.filter((n) => n.scrollWidth > n.clientWidth + 1).length;
      return { bottom: roster.bottom, scroll: document.documentElement.scrollHeight, chipHeight: chip.height, cut };
    });
    // The roster scrolls inside itself: the page stays one screen, chips stay readable.
    expect(lobby.bottom).toBeLessThanOrEqual(1080);
    expect(lobby.scroll).toBeLessThanOrEqual(1080);
    expect(lobby.chipHeight).toBeGreaterThanOrEqual(24);
    // Every name is whole ("Student 123", not "Stude…").
    expect(lobby.cut).toBe(0);
    await screen(host, 'host-lobby-200-1920x1080', false);

    await host.getByRole('button', { name: 'Start game' }).click();
    await expect.poll(() => where(code).phase, { timeout: 15_000 }).toBe('answering');
    const answering = await host.evaluate(() => ({ scroll: document.documentElement.scrollHeight }));
    expect(answering.scroll).toBeLessThanOrEqual(1080);
    await screen(host, 'host-round-200-1920x1080', false);

    // The final board of 200 flows into columns and scrolls inside its own box.
    await host.getByRole('button', { name: 'End round now' }).click();
    await host.getByRole('button', { name: 'Show leaderboard' }).click();
    await host.getByRole('button', { name: 'Show podium' }).click();
    await host.getByRole('heading', { name: 'Final results' }).waitFor();
    const board = await host.locator('.leaderboard .rows').last().evaluate((list) => ({
      rows: list.children.length,
      height: list.getBoundingClientRect().height,
      scrolls: list.scrollHeight > list.clientHeight,
      columns: new Set([...list.children].map((row) => Math.round(row.getBoundingClientRect().left))).size,
    }));
    expect(board.rows).toBe(200);
    expect(board.height).toBeLessThanOrEqual(0.62 * 1080 + 1);
    expect(board.scrolls).toBe(true);
    expect(board.columns).toBeGreaterThanOrEqual(2);
    await screen(host, 'host-podium-200-1920x1080', false);
    expect(errors).toEqual([]);
  }, 180_000);
});

describe('accessibility of these screens', () => {
  it('has no axe-core violation on any of them', () => {
    console.log(`axe-core findings per screen:\n${axeReport()}`);
    expect(axeFindings.size).toBeGreaterThanOrEqual(8);
    const broken = [...axeFindings].filter(([, found]) => found.length > 0).map(([name, found]) => `${name}: ${found.map((f) => f.id).join(', ')}`);
    expect(broken).toEqual([]);
  });
});
