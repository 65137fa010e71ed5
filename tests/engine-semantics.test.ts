// Table-driven semantics of the engine (tests/engine-cases.ts): the engine must print each row's
// lines, and real `node` must print them too, so a row can never encode a wrong belief about Node.
import { describe, expect, it } from 'vitest';
import { simulate } from '../shared/engine/index.ts';
import { GROUPS, type Case } from './engine-cases.ts';
import { STALL_MS, compareWithNode, mapPool, runNode } from './helpers/run-node.ts';

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
  const cases = GROUPS.flatMap((g) => g.cases).filter((c) => c.deterministic ?? true);
  it(`all ${cases.length} deterministic rows print the same lines in node`, async () => {
    const failures: string[] = [];
    await mapPool(cases, 3, async (c) => {
      const module = c.module ?? 'commonjs';
      const verdict = await compareWithNode(() => runNode(c.code, { module }), { output: c.out, exitCode: c.exitCode ?? 0 }, {
        exit: 'code',
        raceUnderStall: () => !simulate(c.code, { module, trace: false, stallMs: STALL_MS }).deterministic,
      });
      if (verdict.status === 'disagree') {
        failures.push(`${c.name}: node printed ${JSON.stringify(verdict.runs[0].stdout)} (exit ${verdict.runs[0].code}); ${verdict.detail}`);
      }
    });
    expect(failures).toEqual([]);
  }, 600_000);
});
