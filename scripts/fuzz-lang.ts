// Benchmark-style language differential: `npm run fuzz:lang -- --count 2000 --seed N [--out dir]`.
// Generates programs with tests/gen/lang-programs.ts, runs each in the engine and in real node, and
// reports how many the engine got exactly right, refused (with line:column) or got wrong, with the
// fragment kinds of the wrong ones. --out writes every disagreeing program and both outputs there.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SimulationError, simulate } from '../shared/engine/index.ts';
import { generateLangPrograms, type LangProgram } from '../tests/gen/lang-programs.ts';
import { STALL_MS, compareWithNode, mapPool, runNode } from '../tests/helpers/run-node.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const count = Number(arg('count', '300'));
const seed = Number(arg('seed', '7'));
const out = arg('out', '');
const pool = Number(arg('pool', '2'));

type Verdict = { kind: 'exact' } | { kind: 'refused'; message: string; located: boolean } | { kind: 'wrong'; detail: string } | { kind: 'crash'; message: string };

async function judge(p: LangProgram): Promise<Verdict> {
  let result;
  try {
    result = simulate(p.source, { module: p.module, trace: false });
  } catch (e) {
    if (e instanceof SimulationError) return { kind: 'refused', message: e.message, located: e.line !== null };
    return { kind: 'crash', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  const engine = { output: result.output, exitCode: result.exit.code };
  const cmp = await compareWithNode(() => runNode(p.source, { module: p.module }), engine, {
    raceUnderStall: () => {
      try {
        return !simulate(p.source, { module: p.module, trace: false, stallMs: STALL_MS }).deterministic;
      } catch {
        return false;
      }
    },
  });
  if (cmp.status !== 'disagree' && result.deterministic) return { kind: 'exact' };
  if (cmp.status !== 'disagree') return { kind: 'exact' };
  const node = cmp.runs[0];
  const detail = `engine:\n${result.output.join('\n')}\n[exit ${result.exit.code}]\nnode:\n${node.stdout.join('\n')}\n[exit ${node.code}]\n${node.stderr.split('\n').slice(0, 5).join('\n')}`;
  return { kind: 'wrong', detail };
}

const programs = generateLangPrograms(seed, count);
const started = Date.now();
const verdicts = await mapPool(programs, pool, judge);
const tally = { exact: 0, refused: 0, wrong: 0, crash: 0, unlocated: 0 };
const wrongKinds = new Map<string, number>();
const refusals = new Map<string, number>();
if (out) mkdirSync(out, { recursive: true });
verdicts.forEach((v, i) => {
  const p = programs[i];
  tally[v.kind]++;
  if (v.kind === 'refused') {
    if (!v.located) tally.unlocated++;
    const why = v.message.replace(/\s*\(\d+:\d+\)$/, '').slice(0, 90);
    refusals.set(why, (refusals.get(why) ?? 0) + 1);
  }
  if (v.kind === 'wrong' || v.kind === 'crash') {
    for (const k of new Set(p.kinds)) wrongKinds.set(k, (wrongKinds.get(k) ?? 0) + 1);
    if (out) writeFileSync(join(out, `${p.name}.${p.module === 'module' ? 'mjs' : 'js'}`), `${p.source}\n/*\n${v.kind === 'wrong' ? v.detail : v.message}\n*/\n`);
  }
});
const accepted = tally.exact + tally.wrong;
const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
console.log(`lang fuzz: seed ${seed}, ${count} programs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`  exact ${tally.exact}, refused ${tally.refused} (unlocated ${tally.unlocated}), wrong ${tally.wrong}, engine crashes ${tally.crash}`);
console.log(`  agreement (exact of all): ${pct(tally.exact, count)}; exact among accepted: ${pct(tally.exact, accepted)}; accepted: ${pct(accepted, count)}`);
if (wrongKinds.size) console.log(`  fragment kinds in wrong programs: ${[...wrongKinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
if (refusals.size) {
  console.log('  refusals:');
  for (const [why, n] of [...refusals].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`    ${n} x ${why}`);
}
process.exitCode = tally.wrong + tally.crash + tally.unlocated > 0 ? 1 : 0;
