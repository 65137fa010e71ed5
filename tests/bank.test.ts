// The snippet bank: its metadata is valid and covers every topic and difficulty, the loader
// rejects bad metadata with an error naming the snippet, and every snippet, run with the real
// `node`, exits cleanly with exactly the engine's lines: short, distinct lines a phone card can show,
// in one fixed order (the engine calls it deterministic, node agrees; node is re-run by the shared
// rule in tests/helpers/run-node.ts when a busy machine makes one run differ).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../shared/engine/index.ts';
import { TOPICS } from '../shared/protocol.ts';
import { loadBank, type Snippet } from '../shared/snippets/index.ts';
import { STALL_MS, compareWithNode, mapPool, runFile, type NodeComparison } from './helpers/run-node.ts';

const SNIPPETS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'shared', 'snippets');
/** Node children at once on the 2-core machine. */
const CONCURRENCY = 3;

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

describe('every snippet under real node', () => {
  const verdicts = new Map<string, NodeComparison>();
  const engine = new Map(bank.map((s) => [s.id, simulate(s.source, { filename: join(SNIPPETS_DIR, s.file), trace: false })]));

  beforeAll(async () => {
    await mapPool(bank, CONCURRENCY, async (s) => {
      const result = engine.get(s.id)!;
      verdicts.set(s.id, await compareWithNode(() => runFile(join(SNIPPETS_DIR, s.file)), { output: result.output, exitCode: result.exit.code }, {
        exit: 'code',
        raceUnderStall: () => !simulate(s.source, { filename: join(SNIPPETS_DIR, s.file), trace: false, stallMs: STALL_MS }).deterministic,
      }));
    });
  }, 600_000);

  it.each(bank.map((s) => [s.id, s] as const))('%s', (_id, snippet) => {
    const result = engine.get(snippet.id)!;
    expect(result.deterministic, result.races.join('; ')).toBe(true);
    expect(result.exit).toEqual({ reason: 'normal', code: 0 });
    const verdict = verdicts.get(snippet.id)!;
    // 'load': node varied between runs, and the engine confirms a stall of the busy test machine can do that.
    expect(['agree', 'load'], `${verdict.detail}; node printed ${verdict.runs[0].stdout.join(' | ')}`).toContain(verdict.status);
    expect(verdict.runs[verdict.runs.length - 1].stderr).toBe('');

    const lines = result.output;
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(new Set(lines).size, 'duplicate output lines').toBe(lines.length);
    for (const line of lines) {
      expect(line.trim(), 'empty line').not.toBe('');
      expect(line.length, `line too long: ${line}`).toBeLessThanOrEqual(60);
    }
  });
});
