// Bad input never crashes the engine: seeded mutations of the bank snippets (tokens dropped, swapped,
// duplicated or replaced by other constructs) must each either simulate or be refused with a
// SimulationError that names a kind and, when located, a line:column inside the source. Any other
// exception is an interpreter bug. A small step budget keeps mutants that loop forever quick.
import { describe, expect, it } from 'vitest';
import { SimulationError, simulate } from '../shared/engine/index.ts';
import { loadBank } from '../shared/snippets/index.ts';
import { FUZZ_INSERTS, mutateSnippet } from './gen/mutate.ts';
import { mixSeed, mulberry32 } from './gen/rng.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 4242);
const MUTANTS_PER_SNIPPET = 24;

describe('engine fuzzing', () => {
  const bank = loadBank();
  it(`${bank.length * MUTANTS_PER_SNIPPET} mutated snippets either simulate or are refused cleanly`, () => {
    const outcomes = { simulated: 0, syntax: 0, unsupported: 0, budget: 0, size: 0 };
    const crashes: string[] = [];
    bank.forEach((snippet, n) => {
      const random = mulberry32(mixSeed(SEED, n));
      for (let m = 0; m < MUTANTS_PER_SNIPPET; m++) {
        const source = mutateSnippet(snippet.source, random, FUZZ_INSERTS, 'mixed');
        try {
          const result = simulate(source, { stepBudget: 20_000 });
          expect(result.cards.map((c) => c.text)).toEqual(result.output);
          outcomes.simulated++;
        } catch (e) {
          if (!(e instanceof SimulationError)) {
            crashes.push(`${snippet.id} #${m}: ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ')}\n${source}`);
            continue;
          }
          outcomes[e.kind]++;
          if (e.line !== null) {
            expect(e.line).toBeGreaterThanOrEqual(1);
            expect(e.line).toBeLessThanOrEqual(source.split('\n').length);
            expect(e.message).toMatch(new RegExp(`\\(${e.line}:${e.column}\\)$`));
          }
        }
      }
    });
    console.log(`fuzz: ${JSON.stringify(outcomes)}`);
    expect(crashes).toEqual([]);
    // The mutations must exercise both paths, or the test proves nothing.
    expect(outcomes.simulated).toBeGreaterThan(100);
    expect(outcomes.syntax + outcomes.unsupported).toBeGreaterThan(100);
  }, 120_000);
});
