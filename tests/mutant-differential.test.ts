// The engine against real node on programs nobody wrote on purpose: seeded line-level mutations of
// the bank snippets (lines dropped, duplicated, swapped, or other statements inserted). Every mutant
// the engine simulates and calls deterministic is run by node; the output and the kind of exit must
// match. This reaches language corners (hoisting, block functions, odd argument lists, early exits)
// that hand-written programs do not. Mutants easily put timers close together, so only orders that
// survive a 60 ms stall (simulate's stallMs) are compared, and a disagreement is judged by the shared
// re-run rule (compareWithNode in tests/helpers/run-node.ts): a busy test machine cannot fail the
// test, a wrong engine can.
import { describe, expect, it } from 'vitest';
import { SimulationError, simulate, type SimulationResult } from '../shared/engine/index.ts';
import { loadBank } from '../shared/snippets/index.ts';
import { SAFE_INSERTS, mutateSnippet } from './gen/mutate.ts';
import { mixSeed, mulberry32 } from './gen/rng.ts';
import { STALL_MS as MACHINE_STALL_MS, compareWithNode, mapPool, runNode } from './helpers/run-node.ts';

const SEED = Number(process.env.MUTANT_SEED ?? 2026);
const PER_SNIPPET = 6;
/** A loaded test machine stalls node for tens of ms: compare only orders that survive such a stall. */
const STALL_MS = 60;
const MAX_LINES = 100;

describe('mutants of the bank against real node', () => {
  it('every mutant the engine calls deterministic prints what node prints', async () => {
    const candidates: { name: string; source: string; result: SimulationResult }[] = [];
    let refused = 0;
    let races = 0;
    let long = 0;
    loadBank().forEach((snippet, n) => {
      const random = mulberry32(mixSeed(SEED, n));
      for (let m = 0; m < PER_SNIPPET; m++) {
        const source = mutateSnippet(snippet.source, random, SAFE_INSERTS, 'lines');
        try {
          const result = simulate(source, { filename: '/tmp/prog.cjs', trace: false, stallMs: STALL_MS });
          if (!result.deterministic) races++;
          // A mutant that loops a console.log prints hundreds of lines; node may lose the tail of
          // such output when the process then dies of an error, so those are not compared.
          else if (result.output.length > MAX_LINES) long++;
          else candidates.push({ name: `${snippet.id}#${m}`, source, result });
        } catch (e) {
          if (!(e instanceof SimulationError)) throw e;
          refused++;
        }
      }
    });
    const failures: string[] = [];
    await mapPool(candidates, 3, async ({ name, source, result }) => {
      const verdict = await compareWithNode(() => runNode(source), { output: result.output, exitCode: result.exit.code }, {
        raceUnderStall: () => !simulate(source, { filename: '/tmp/prog.cjs', trace: false, stallMs: Math.max(STALL_MS, MACHINE_STALL_MS) }).deterministic,
      });
      if (verdict.status !== 'disagree') return;
      const first = verdict.runs[0];
      failures.push(`${name}\n${source}\nnode (exit ${first.code}): ${first.stdout.join(' | ')}\nengine (exit ${result.exit.code}): ${result.output.join(' | ')}\n${verdict.detail}`);
    });
    console.log(`mutants: ${candidates.length} compared, ${races} races, ${long} over ${MAX_LINES} lines, ${refused} refused, ${failures.length} disagreed`);
    expect(failures).toEqual([]);
    expect(candidates.length).toBeGreaterThan(200);
  }, 600_000);
});
