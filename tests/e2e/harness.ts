// Shared setup of the browser tests: make sure Debian's Chromium is there (installing it when
// running as root on a fresh machine), build the client with Vite into a test folder, start the
// real game server in-process on a free port, drive Chromium with playwright-core, and save
// screenshots under test-artifacts/screenshots/.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createApp, type GameServer } from '../../server/app.ts';
import { loadDeck } from '../../server/deck.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
export const SCREENSHOTS = path.join(ARTIFACTS, 'screenshots');
/** Where the browser tests build the client (not dist/, so a running `npm start` is left alone). */
export const CLIENT_BUILD = path.join(ARTIFACTS, 'e2e-client');

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Makes sure Debian's `chromium` is installed. As root (CI on a fresh machine) it installs the
 * package; otherwise it stops with the command to run. Never downloads a browser of its own.
 */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.getuid?.() === 0) {
    console.log('Chromium is missing: installing the Debian package (apt-get install -y chromium)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    if (existsSync(CHROMIUM)) return CHROMIUM;
    throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing.`);
  }
  throw new Error(
    `The browser tests need Chromium at ${CHROMIUM}. Install it with:\n\n    sudo apt-get install -y chromium\n\n(then run npm test again).`,
  );
}

/** Builds the client with Vite (a child process, so the test runner's NODE_ENV does not leak in). */
export function buildClient(outDir = CLIENT_BUILD): void {
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** The files a route loads: the entry's static graph plus the route chunk's static graph. */
export function routeFiles(outDir: string, routeSource: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no ${key}`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit('index.html');
  visit(routeSource);
  return [...files];
}

/** Gzip size in bytes of each file, as a browser would download it from a compressing server. */
export function gzipSizes(outDir: string, files: string[]): { file: string; bytes: number; gzip: number }[] {
  return files.map((file) => {
    const data = readFileSync(path.join(outDir, file));
    return { file, bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
  });
}

/** The game server on a free port, serving the built client. */
export interface RunningServer {
  server: GameServer;
  url: string;
  close(): Promise<void>;
}

/**
 * The game server on a free port. The browser tests come from one address and open many rooms and
 * bots, so the per-address room and practice limits are raised (the join limit already fits a class).
 */
export async function startServer(clientDir = CLIENT_BUILD, countdownMs = 2500): Promise<RunningServer> {
  const deck = await loadDeck(() => {});
  const limits = { roomsPerAddress: 100, roomsPerSocket: 100, roomCreatesPerHour: 1000, practicePerSocket: 20 };
  const server = createApp({ deck, clientDir, countdownMs, log: () => {}, limits });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
}

/** A phone: 360x640, touch, mobile user agent metrics. */
export async function phoneContext(browser: Browser, touch = true): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: touch, hasTouch: touch });
}

/** A projector: 1920x1080. */
export async function projectorContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1920, height: 1080 } });
}

/** Saves a screenshot as test-artifacts/screenshots/NAME.png (full page unless told). */
export async function shot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // Let transitions settle so the picture shows the screen at rest.
  await page.waitForTimeout(350);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Collects errors a page logs, so a test can assert there were none. */
export function watchErrors(page: Page, label: string, into: string[]): void {
  page.on('pageerror', (err) => into.push(`${label}: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') into.push(`${label} console: ${msg.text()}`);
  });
}

/**
 * What sticks out of the viewport sideways (a layout break): empty when the page fits its width,
 * else a few of the elements whose right edge passes it, as `tag.class (right edge px)`.
 */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth + 1) return [];
    const width = root.clientWidth;
    const culprits: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const box = el.getBoundingClientRect();
      if (box.right > width + 1 && box.width > 0) {
        culprits.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(box.right)}px)`);
        if (culprits.length >= 8) break;
      }
    }
    return culprits.length ? culprits : [`document ${root.scrollWidth}px wide`];
  });
}

/** Waits (at most 5 s) for the page's finite animations to end; endless ones (a spinner) are left running. */
export async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => {
      const timing = a.effect?.getComputedTiming();
      return timing && Number.isFinite(timing.endTime as number);
    });
    await Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => {}))), new Promise((r) => setTimeout(r, 5000))]);
  });
}

const AXE_SOURCE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** One axe-core rule broken on a screen: the rule, its impact and where (a few selectors). */
export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (injected from node_modules) on the page as it is now, after finite animations
 * have finished (a fading element would be judged on a half-drawn colour), and returns what it
 * finds. WCAG 2.x A/AA rules plus best practices (heading order, one h1, landmarks).
 */
export async function axeCheck(page: Page): Promise<AxeFinding[]> {
  await settleAnimations(page);
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.addScriptTag({ content: readFileSync(AXE_SOURCE, 'utf8') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 4).map((n) => n.target.map(String).join(' ')) }));
  });
}

/** Axe findings per screen of one test run, filled by `screen()`; printed and asserted empty by the tests. */
export const axeFindings = new Map<string, AxeFinding[]>();

/** A screen worth keeping: its screenshot (like `shot`) and its axe-core findings, recorded under its name. */
export async function screen(page: Page, name: string, fullPage = true): Promise<AxeFinding[]> {
  await settleAnimations(page);
  await shot(page, name, fullPage);
  const found = await axeCheck(page);
  axeFindings.set(name, found);
  return found;
}

/** The axe table of this run: "screen: n violations (rule ids)". */
export function axeReport(): string {
  return [...axeFindings]
    .map(([name, found]) => `  ${name.padEnd(40)} ${found.length} violation${found.length === 1 ? '' : 's'}${found.length ? `: ${found.map((f) => `${f.id} (${f.impact}) ${f.targets.join(' | ')}`).join('; ')}` : ''}`)
    .join('\n');
}
