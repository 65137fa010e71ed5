// Bad input never crashes the engine: seeded mutations of the bank snippets (tokens dropped, swapped,
// duplicated or replaced by other constructs) must each either simulate or be refused with a
// SimulationError that names a kind and, when located, a line:column inside the source. Any other
// exception is an interpreter bug. A small step budget keeps mutants that loop forever quick.
import { describe, expect, it } from 'vitest';
import { SimulationError, simulate } from '../shared/engine/index.ts';
import { loadBank } from '../shared/snippets/index.ts';
import { mixSeed, mulberry32 } from './gen/rng.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 4242);
const MUTANTS_PER_SNIPPET = 24;

/** Pieces a mutation can insert: constructs the engine supports and some it refuses. */
const INSERTS = [
  'await null;', 'yield 1;', 'throw new Error("x");', 'return;', 'break;', 'continue;', 'this.x = 1;',
  'Promise.reject(1);', 'process.nextTick(() => {});', 'setImmediate(() => console.log("extra"));',
  'console.log([1, 2, 3, 4, 5, 6, 7]);', 'console.log(new Error("e"));', 'undefinedName();', 'null.x;',
  '({}).constructor.constructor("return process")();', 'Date.now();', 'with (Math) {}', '#x;', '${', '`',
  'class Z extends null {}', 'new (class { constructor() { return 1; } })();', 'for (;;) {}',
  'Object.defineProperty(Array.prototype, "x", {});', 'label: { break label; }', 'async function* g() { yield* [1]; }',
];

/** Token-level edits (mostly syntax errors) or line-level edits (mostly valid programs). */
function mutate(source: string, random: () => number): string {
  if (random() < 0.5) {
    const lines = source.split('\n');
    const pick = () => Math.floor(random() * lines.length);
    const edits = 1 + Math.floor(random() * 3);
    for (let e = 0; e < edits; e++) {
      const kind = Math.floor(random() * 4);
      const i = pick();
      if (kind === 0) lines.splice(i, 1);
      else if (kind === 1) lines.splice(i, 0, lines[pick()]!);
      else if (kind === 2) {
        const j = pick();
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      } else lines.splice(i, 0, INSERTS[Math.floor(random() * INSERTS.length)]!);
    }
    return lines.join('\n');
  }
  const tokens = source.split(/(\s+|[(){}[\];,.])/).filter((t) => t !== '');
  const pick = () => Math.floor(random() * tokens.length);
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits && tokens.length > 1; e++) {
    const kind = Math.floor(random() * 4);
    const i = pick();
    if (kind === 0) tokens.splice(i, 1);
    else if (kind === 1) tokens.splice(i, 0, tokens[pick()]!);
    else if (kind === 2) {
      const j = pick();
      [tokens[i], tokens[j]] = [tokens[j]!, tokens[i]!];
    } else tokens.splice(i, 0, ` ${INSERTS[Math.floor(random() * INSERTS.length)]} `);
  }
  return tokens.join('');
}

describe('engine fuzzing', () => {
  const bank = loadBank();
  it(`${bank.length * MUTANTS_PER_SNIPPET} mutated snippets either simulate or are refused cleanly`, () => {
    const outcomes = { simulated: 0, syntax: 0, unsupported: 0, budget: 0, size: 0 };
    const crashes: string[] = [];
    bank.forEach((snippet, n) => {
      const random = mulberry32(mixSeed(SEED, n));
      for (let m = 0; m < MUTANTS_PER_SNIPPET; m++) {
        const source = mutate(snippet.source, random);
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
