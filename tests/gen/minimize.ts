// Shrinks a program on which the engine and real node disagree to a small reproduction, for bug
// reports. Greedy delta debugging over the AST: delete one statement, unwrap one
// `.then/.catch/.finally` link, or drop one array element; keep the change whenever the
// disagreement survives; repeat until no single change keeps it.
//
//   npx tsx tests/gen/minimize.ts SEED INDEX      # a generated program (tests/gen/programs.ts)
//   npx tsx tests/gen/minimize.ts FILE.cjs|.mjs   # any file
// Options: --runs N (node runs per check, default 3), --any (a disagreement in any run counts,
// for timing-sensitive cases; default: every run must disagree).
import { readFileSync } from 'node:fs';
import { parse, type Node } from 'acorn';
import { SimulationError, simulate } from '../../shared/engine/index.ts';
import { runNode } from '../helpers/run-node.ts';
import { generateProgram } from './programs.ts';

type ModuleKind = 'commonjs' | 'module';

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Every single-step shrink of `source`, largest first. */
export function candidateEdits(source: string, module: ModuleKind): Edit[] {
  const ast = parse(source, { ecmaVersion: 2024, sourceType: module === 'module' ? 'module' : 'script', allowReturnOutsideFunction: module !== 'module' });
  const edits: Edit[] = [];
  const visit = (node: Node): void => {
    const n = node as any;
    if (n.type === 'Program' || n.type === 'BlockStatement') {
      for (const stmt of n.body as Node[]) {
        if (stmt.type === 'ImportDeclaration') continue;
        edits.push({ start: stmt.start, end: stmt.end, text: '' });
      }
    }
    if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed &&
      ['then', 'catch', 'finally'].includes(n.callee.property.name)) {
      // `x.then(f)` -> `x`
      edits.push({ start: n.start, end: n.end, text: source.slice(n.callee.object.start, n.callee.object.end) });
    }
    if (n.type === 'ArrayExpression' && n.elements.length > 1) {
      n.elements.forEach((el: Node, i: number) => {
        const others = n.elements.filter((_: Node, j: number) => j !== i).map((e: Node) => source.slice(e.start, e.end));
        edits.push({ start: n.start, end: n.end, text: `[${others.join(', ')}]` });
      });
    }
    for (const key of Object.keys(n)) {
      const value = n[key];
      if (Array.isArray(value)) value.forEach((c) => c && typeof c.type === 'string' && visit(c));
      else if (value && typeof value.type === 'string') visit(value);
    }
  };
  visit(ast as Node);
  return edits.sort((a, b) => (b.end - b.start) - (a.end - a.start));
}

function apply(source: string, edit: Edit): string {
  const out = source.slice(0, edit.start) + edit.text + source.slice(edit.end);
  // Drop lines left blank by a deletion.
  return out.split('\n').filter((l) => l.trim() !== '').join('\n') + '\n';
}

export interface Disagreement {
  node: string[];
  nodeCode: number | null;
  engine: string[];
  engineCode: number;
}

/** Runs node `runs` times; returns the disagreement if the engine (claiming a fixed order) differs. */
export async function disagreement(source: string, module: ModuleKind, runs: number, any: boolean, nodeMustSucceed = false): Promise<Disagreement | null> {
  let result;
  try {
    result = simulate(source, { module, trace: false });
  } catch (e) {
    if (e instanceof SimulationError) return null;
    throw e;
  }
  if (!result.deterministic) return null;
  const same = (out: string[], code: number | null) =>
    (code === 0) === (result.exit.code === 0) && out.length === result.output.length && out.every((l, i) => l === result.output[i]);
  let found: Disagreement | null = null;
  for (let i = 0; i < runs; i++) {
    const run = await runNode(source, { module });
    // Shrinking must not wander into a different bug by deleting a declaration.
    if (nodeMustSucceed && run.code !== 0) return null;
    if (!same(run.stdout, run.code)) found ??= { node: run.stdout, nodeCode: run.code, engine: result.output, engineCode: result.exit.code };
    else if (!any) return null;
  }
  return found;
}

/** Greedily shrinks `source` while the disagreement holds. */
export async function minimize(source: string, module: ModuleKind, runs = 3, any = false, log: (s: string) => void = () => {}): Promise<string> {
  const original = await disagreement(source, module, runs, any);
  const nodeMustSucceed = original?.nodeCode === 0;
  let current = source;
  let progress = true;
  while (progress) {
    progress = false;
    for (const edit of candidateEdits(current, module)) {
      const next = apply(current, edit);
      try {
        parse(next, { ecmaVersion: 2024, sourceType: module === 'module' ? 'module' : 'script', allowReturnOutsideFunction: true });
      } catch {
        continue;
      }
      if (await disagreement(next, module, runs, any, nodeMustSucceed)) {
        current = next;
        progress = true;
        log(`shrunk to ${current.length} characters`);
        break;
      }
    }
  }
  return current;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string) => args.includes(name);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
  const positional = args.filter((a, i) => !a.startsWith('--') && !(runsAt >= 0 && i === runsAt + 1));
  let source: string;
  let module: ModuleKind;
  if (positional.length === 2 && /^\d+$/.test(positional[0])) {
    const p = generateProgram(Number(positional[0]), Number(positional[1]));
    source = p.source;
    module = p.module;
  } else if (positional.length === 1) {
    source = readFileSync(positional[0], 'utf8');
    module = positional[0].endsWith('.mjs') ? 'module' : 'commonjs';
  } else {
    console.error('usage: npx tsx tests/gen/minimize.ts (SEED INDEX | FILE) [--runs N] [--any]');
    process.exit(2);
  }
  const any = flag('--any');
  const start = await disagreement(source, module, runs, any);
  if (!start) {
    console.log('engine and node agree (or the engine refuses / calls it a race): nothing to minimize');
    return;
  }
  const small = await minimize(source, module, runs, any, (s) => console.error(s));
  const final = await disagreement(small, module, runs, any);
  console.log(small.trimEnd());
  if (final) {
    console.log(`// node:   ${final.node.join(' | ')}${final.nodeCode ? ` (exit ${final.nodeCode})` : ''}`);
    console.log(`// engine: ${final.engine.join(' | ')}${final.engineCode ? ` (exit ${final.engineCode})` : ''}`);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) await main();
