// The snippet bank: its metadata is valid and covers every topic and difficulty, the loader
// rejects bad metadata with an error naming the snippet, and every snippet, run twice with the
// real `node`, exits cleanly with the same short, distinct output lines a phone card can show.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOPICS } from '../shared/protocol.ts';
import { loadBank, type Snippet } from '../shared/snippets/index.ts';

const SNIPPETS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'shared', 'snippets');
const CONCURRENCY = 4;

const bank = loadBank();

describe('snippet bank metadata', () => {
  it('has at least 60 snippets with unique ids and one file each', () => {
    expect(bank.length).toBeGreaterThanOrEqual(60);
    expect(new Set(bank.map((s) => s.id)).size).toBe(bank.length);
    for (const s of bank) expect(s.file).toBe(`${s.id}.js`);
  });

  it('covers every topic with at least 5 snippets', () => {
    for (const topic of TOPICS) {
      const count = bank.filter((s) => s.topics.includes(topic)).length;
      expect(count, `topic ${topic}`).toBeGreaterThanOrEqual(5);
    }
  });

  it('has every difficulty from 1 to 4', () => {
    expect([...new Set(bank.map((s) => s.difficulty))].sort()).toEqual([1, 2, 3, 4]);
  });

  it('keeps sources short and within what the engine simulates', () => {
    for (const s of bank) {
      const lines = s.source.trimEnd().split('\n').length;
      expect(lines, s.id).toBeGreaterThanOrEqual(5);
      expect(lines, s.id).toBeLessThanOrEqual(30);
      expect(s.source, s.id).not.toMatch(/console\.(error|warn)|\bDate\b|Math\.random|performance|hrtime/);
      const requires = [...s.source.matchAll(/require\(([^)]*)\)/g)].map((m) => m[1]);
      for (const r of requires) expect(["'fs'", "'fs/promises'"], s.id).toContain(r);
      // fs may only read the snippet itself.
      for (const m of s.source.matchAll(/readFile\(([^,)]*)/g)) expect(m[1], s.id).toBe('__filename');
    }
  });
});

describe('loadBank rejects bad metadata', () => {
  let dir: string;
  const good = {
    id: 'demo',
    file: 'demo.js',
    title: 'Demo',
    difficulty: 1,
    topics: ['sync'],
    explanation: 'Sync first.',
  };
  const write = (snippets: unknown[]) =>
    writeFileSync(join(dir, 'bank.json'), JSON.stringify({ snippets }));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bank-'));
    writeFileSync(join(dir, 'demo.js'), "console.log('a');\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a valid bank with the source', () => {
    write([good]);
    expect(loadBank(dir)).toEqual([{ ...good, source: "console.log('a');\n" }]);
  });

  it.each([
    ['a missing file', { ...good, file: 'nope.js' }, /snippet "demo": file nope\.js not found/],
    ['a path outside the folder', { ...good, file: '../demo.js' }, /snippet "demo": file must be/],
    ['difficulty 5', { ...good, difficulty: 5 }, /snippet "demo": difficulty must be 1, 2, 3 or 4, got 5/],
    ['difficulty "2"', { ...good, difficulty: '2' }, /snippet "demo": difficulty must be/],
    ['an unknown topic', { ...good, topics: ['sync', 'callbacks'] }, /snippet "demo": unknown topic "callbacks"/],
    ['no topics', { ...good, topics: [] }, /snippet "demo": topics must be a non-empty array/],
    ['an empty explanation', { ...good, explanation: ' ' }, /snippet "demo": explanation/],
  ])('%s', (_what, entry, message) => {
    write([entry]);
    expect(() => loadBank(dir)).toThrow(message);
  });

  it('a duplicate id', () => {
    write([good, { ...good, title: 'Again' }]);
    expect(() => loadBank(dir)).toThrow(/snippet "demo": duplicate id/);
  });

  it('a bank without a snippets array', () => {
    writeFileSync(join(dir, 'bank.json'), '{"items": []}');
    expect(() => loadBank(dir)).toThrow(/must be an object with a "snippets" array/);
    writeFileSync(join(dir, 'bank.json'), '{ not json');
    expect(() => loadBank(dir)).toThrow(/cannot read .*bank\.json/);
  });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run one snippet with the real node, as `node <file>` in the bank folder. */
function runNode(snippet: Snippet): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [snippet.file], { cwd: SNIPPETS_DIR, timeout: 15_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Run every job with at most `limit` at a time, keeping results in job order. */
async function pool<T, R>(jobs: T[], limit: number, work: (job: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await work(jobs[i]);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

describe('every snippet under real node', () => {
  const runs = new Map<string, [Run, Run]>();

  beforeAll(async () => {
    // Both passes go through one pool, so the two runs of a snippet happen at different moments.
    const results = await pool([...bank, ...bank], CONCURRENCY, runNode);
    bank.forEach((s, i) => runs.set(s.id, [results[i], results[i + bank.length]]));
  }, 120_000);

  it.each(bank.map((s) => [s.id, s] as const))('%s', (_id, snippet) => {
    const [first, second] = runs.get(snippet.id)!;
    for (const run of [first, second]) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    expect(second.stdout).toBe(first.stdout);

    expect(first.stdout.endsWith('\n')).toBe(true);
    const lines = first.stdout.slice(0, -1).split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(new Set(lines).size, 'duplicate output lines').toBe(lines.length);
    for (const line of lines) {
      expect(line.trim(), 'empty line').not.toBe('');
      expect(line.length, `line too long: ${line}`).toBeLessThanOrEqual(60);
    }
  });
});
