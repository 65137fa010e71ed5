// Table-driven semantics of the engine (tests/engine-cases.ts): the engine must print each row's
// lines, and real `node` must print them too, so a row can never encode a wrong belief about Node.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { simulate } from '../shared/engine/index.ts';
import { GROUPS, type Case } from './engine-cases.ts';

const run = promisify(execFile);

function expectEngine(c: Case): void {
  const result = simulate(c.code, { module: c.module ?? 'commonjs' });
  const deterministic = c.deterministic ?? true;
  expect(result.deterministic, result.races.join('; ')).toBe(deterministic);
  if (deterministic) expect(result.output).toEqual(c.out);
  else expect([...result.output].sort()).toEqual([...c.out].sort());
  expect(result.exit.code).toBe(c.exitCode ?? 0);
  expect(result.cards.map((card) => card.text)).toEqual(result.output);
}

for (const group of GROUPS) {
  describe(`engine: ${group.topic}`, () => {
    for (const c of group.cases) {
      it(c.name, () => expectEngine(c));
    }
  });
}

describe('the semantics table agrees with real node', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ela-cases-'));
  const cases = GROUPS.flatMap((g) => g.cases).filter((c) => c.deterministic ?? true);
  it(`all ${cases.length} deterministic rows print the same lines in node`, async () => {
    const failures: string[] = [];
    const queue = cases.map((c, i) => ({ c, i }));
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const file = join(dir, `case${job.i}.${job.c.module === 'module' ? 'mjs' : 'cjs'}`);
        writeFileSync(file, job.c.code);
        let stdout = '';
        let code = 0;
        try {
          ({ stdout } = await run(process.execPath, [file], { timeout: 10_000 }));
        } catch (e) {
          const err = e as { stdout?: string; code?: number };
          stdout = err.stdout ?? '';
          code = typeof err.code === 'number' ? err.code : 1;
        }
        const lines = stdout === '' ? [] : stdout.replace(/\n$/, '').split('\n');
        if (JSON.stringify(lines) !== JSON.stringify(job.c.out) || code !== (job.c.exitCode ?? 0)) {
          failures.push(`${job.c.name}: node printed ${JSON.stringify(lines)} (exit ${code})`);
        }
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('stallMs: how late a stretch of work may run when looking for races', () => {
  const code = "setTimeout(() => console.log('a'), 20);\nsetTimeout(() => console.log('b'), 5);";
  it('on an idle machine a 15 ms gap between two timers is a fixed order', () => {
    const r = simulate(code);
    expect(r.output).toEqual(['b', 'a']);
    expect(r.deterministic).toBe(true);
  });
  it('a 60 ms stall between the two setTimeout calls could swap them', () => {
    const r = simulate(code, { stallMs: 60 });
    expect(r.output).toEqual(['b', 'a']);
    expect(r.deterministic).toBe(false);
    expect(r.races.join(' ')).toMatch(/"b" or "a"/);
  });
});
