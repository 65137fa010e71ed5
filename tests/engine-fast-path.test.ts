// The engine's fast path (shared/engine/language/compile.ts) against the evaluator and real node.
// Every program here runs twice in the engine, with the fast path and without it: output, exit,
// race verdict and refusals must be identical, and so must the step count (the smallest budget that
// lets a program finish is the same on both paths). Programs the engine calls deterministic are also
// run by node (tests/helpers/run-node.ts: re-runs tell a busy machine from an engine bug).
// No timings are asserted here; `npm run bench:engine` prints them.
import { describe, expect, it } from 'vitest';
import { SimulationError, simulate, type SimulateOptions } from '../shared/engine/index.ts';
import { STALL_MS, compareWithNode, mapPool, runNode } from './helpers/run-node.ts';

interface Program {
  name: string;
  source: string;
  module?: 'commonjs' | 'module';
}

const PROGRAMS: Program[] = [
  { name: 'sum loop', source: 'let s = 0;\nfor (let i = 0; i < 1000; i++) { s += i; }\nconsole.log(s);' },
  { name: 'empty body, var counter', source: 'for (var i = 0; i < 500; i++) {}\nconsole.log(i);' },
  { name: 'while and do-while', source: 'let i = 0, n = 0;\nwhile (i < 10) i++;\ndo { n += 2; } while (n < 7);\nconsole.log(i, n);' },
  { name: 'nested loops', source: 'let n = 0;\nfor (let i = 0; i < 30; i++) for (let j = 0; j < 30; j++) n += i * j % 7;\nconsole.log(n);' },
  { name: 'a loop calling a small pure function', source: 'function sq(x) { return x * x; }\nconst cube = (x) => x * sq(x);\nlet s = 0;\nfor (let i = 0; i < 200; i++) s += sq(i) - cube(i) % 13;\nconsole.log(s);' },
  { name: 'array pushes, index reads and writes', source: 'const a = [];\nfor (let i = 0; i < 50; i++) a.push(i * 3);\nfor (let i = 0; i < a.length; i++) a[i] += a[a.length - 1 - i];\nconsole.log(a.length, a[0], a[49], a.join(",").length);' },
  { name: 'per-iteration let bindings captured by closures', source: 'const fs = [];\nfor (let i = 0; i < 3; i++) fs.push(() => i);\nconsole.log(fs.map((f) => f()).join(" "));' },
  { name: 'closures mutating their own iteration binding', source: 'const fs = [];\nfor (let i = 0; i < 4; i++) { fs.push(() => ++i); if (i === 1) i++; }\nconsole.log(fs.map((f) => f()).join(" "));' },
  { name: 'var loop captured by timers', source: 'for (var i = 0; i < 3; i++) setTimeout(() => console.log("var", i), 0);\nfor (let j = 0; j < 3; j++) setTimeout(() => console.log("let", j), 0);' },
  { name: 'labelled break and continue', source: 'outer: for (let i = 0; i < 4; i++) {\n  for (let j = 0; j < 4; j++) {\n    if (j === 2) continue outer;\n    if (i === 3) break outer;\n    console.log(i, j);\n  }\n}' },
  { name: 'return from a loop inside a function', source: 'function first(limit) {\n  for (let i = 0; ; i++) if (i * i > limit) return i;\n}\nconsole.log(first(50), first(1000));' },
  { name: 'block scopes shadow', source: 'let x = 1;\nfor (let i = 0; i < 2; i++) { let x = i * 10; console.log(x); }\nconsole.log(x);' },
  { name: 'temporal dead zone inside a loop body', source: 'for (let i = 0; i < 2; i++) {\n  try { console.log(y); } catch (e) { console.log(e.name, e.message); }\n  let y = i;\n}' },
  { name: 'assignment to a constant', source: 'const c = 1;\ntry { for (let i = 0; i < 3; i++) c += i; } catch (e) { console.log(e.message); }\ntry { for (let i = 0; i < 3; i++) c++; } catch (e) { console.log(e.message); }' },
  { name: 'reading through undefined and calling a non-function', source: 'const o = { a: 1 };\ntry { for (let i = 0; i < 3; i++) console.log(o.b.c); } catch (e) { console.log(e.message); }\ntry { for (let i = 0; i < 3; i++) o.a(); } catch (e) { console.log(e.message); }\ntry { for (let i = 0; i < 3; i++) { const f = 1; f(); } } catch (e) { console.log(e.message); }\ntry { let n = null; for (;;) n.x = 1; } catch (e) { console.log(e.message); }' },
  { name: 'an error thrown from a fast-called function', source: 'function check(n) { if (n === 3) throw new RangeError("bad " + n); return n; }\ntry { for (let i = 0; i < 5; i++) console.log(check(i)); } catch (e) { console.log(e.name, e.message); }' },
  { name: 'an uncaught error ends the process', source: 'let total = 0;\nfor (let i = 0; i < 5; i++) { total += i; if (i === 2) missing(); }\nconsole.log("never", total);' },
  { name: 'strings, templates, typeof, ternaries, logic', source: 'let s = "";\nfor (let i = 0; i < 6; i++) s += `${i}:${i % 2 ? "odd" : "even"}${i > 3 && "!"}${null ?? "n"}|`;\nconsole.log(s, typeof s, typeof (s + 1), !s, -s.length, ~s.length, void 0);' },
  { name: 'mixed-type arithmetic and comparisons', source: 'const vals = [1, "2", null, undefined, true, "x", 10n];\nconst out = [];\nfor (let i = 0; i < vals.length - 1; i++) out.push(String(vals[i] + vals[i]), vals[i] < 2, vals[i] == null);\nlet big = 1n;\nfor (let i = 0; i < 5; i++) big *= 3n;\nconsole.log(out.join(","), String(big));' },
  { name: 'sloppy globals and strict refusal', source: 'for (let i = 0; i < 2; i++) g = i;\nconsole.log(g);\n(function () { "use strict"; try { for (let i = 0; i < 1; i++) undeclared = 1; } catch (e) { console.log(e.message); } })();' },
  { name: 'functions declared in a loop block (Annex B)', source: 'for (let i = 0; i < 2; i++) { function h() { return i; } console.log(h()); }\nconsole.log(typeof h);' },
  { name: 'switch, for-of and try inside a compiled loop', source: 'for (let i = 0; i < 4; i++) {\n  switch (i) { case 1: continue; case 2: console.log("two"); break; default: console.log("d", i); }\n  for (const c of "ab") if (i === 3) console.log(c);\n  try { if (i === 0) throw new Error("t"); } catch (e) { console.log(e.message); } finally { console.log("f", i); }\n}' },
  { name: 'objects, this, new and methods in loops', source: 'class P { constructor(x) { this.x = x; } get double() { return this.x * 2; } }\nconst list = [];\nfor (let i = 0; i < 3; i++) list.push({ i, p: new P(i), name: "n" + i, f() { return this.i; } });\nlet sum = 0;\nfor (let i = 0; i < list.length; i++) sum += list[i].p.double + list[i].f();\nconst m = new Map();\nfor (let i = 0; i < 3; i++) m.set(i, i * i);\nconsole.log(sum, [...m.values()].join(), JSON.stringify(list[2]));' },
  { name: 'functions using this and arguments take the evaluator', source: 'function count() { return arguments.length; }\nfunction self() { return typeof this; }\nlet n = 0;\nfor (let i = 0; i < 3; i++) n += count(1, 2, i) + (self() === "object" ? 1 : 0);\nconst o = { k: 5, get() { return this.k; } };\nfor (let i = 0; i < 2; i++) n += o.get();\nconsole.log(n);' },
  { name: 'recursion and named function expressions called from a loop', source: 'function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nconst fact = function f(n) { return n <= 1 ? 1 : n * f(n - 1); };\nconst out = [];\nfor (let i = 0; i < 12; i++) out.push(fib(i), fact(i));\nconsole.log(out.join(" "));' },
  { name: 'missing arguments and extra arguments', source: 'function two(a, b) { return [a, b].join("/"); }\nfor (let i = 0; i < 2; i++) console.log(two(i), two(i, i + 1, i + 2));' },
  { name: 'heavy computation blocks the loop', source: 'setTimeout(() => console.log("timeout"), 0);\nPromise.resolve().then(() => console.log("microtask"));\nprocess.nextTick(() => console.log("tick"));\nlet s = 0;\nfor (let i = 0; i < 4000; i++) s += i % 3;\nconsole.log("sync done", s);' },
  { name: 'loops inside async functions and generators', source: 'async function f() { let s = 0; for (let i = 0; i < 5; i++) s += i; await null; for (let i = 0; i < 3; i++) { await null; s += 100; } console.log("async", s); }\nfunction* g() { for (let i = 0; i < 3; i++) yield i * 2; }\nasync function* ag() { for (let i = 0; ; i++) { if (i === 2) return i; } }\nf();\nconsole.log([...g()].join());\nag().next().then((r) => console.log("ag", r.value, r.done));\nconsole.log("sync");' },
  { name: 'an ES module loop', module: 'module', source: 'let s = 0;\nfor (let i = 0; i < 100; i++) s += i;\nconst fs = [];\nfor (let i = 0; i < 2; i++) fs.push(() => i);\nconsole.log(s, fs[1](), typeof this);' },
  { name: 'deep recursion refused the same way', source: 'function d(n) { return n === 0 ? 0 : 1 + d(n - 1); }\nfor (let i = 0; i < 1; i++) console.log(d(100));\nfor (let i = 0; i < 1; i++) console.log(d(500));' },
];

type Answer = { ok: ReturnType<typeof simulate> } | { refused: string; kind: string };

function answer(source: string, options: SimulateOptions): Answer {
  try {
    return { ok: simulate(source, { trace: false, ...options }) };
  } catch (e) {
    if (e instanceof SimulationError) return { refused: e.message, kind: e.kind };
    throw e;
  }
}

const comparable = (a: Answer) =>
  'ok' in a ? { output: a.ok.output, exit: a.ok.exit, deterministic: a.ok.deterministic, races: a.ok.races } : a;

/** The smallest step budget with which the program finishes (found by bisection). */
function stepsNeeded(source: string, module: Program['module'], fastPath: boolean): number {
  let lo = 1;
  let hi = 150_000;
  const finishes = (budget: number) => 'ok' in answer(source, { module, fastPath, stepBudget: budget });
  if (!finishes(hi)) return -1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (finishes(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

describe('fast path and evaluator give the same answers', () => {
  it.each(PROGRAMS.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    const fast = answer(p.source, { module: p.module, fastPath: true });
    const slow = answer(p.source, { module: p.module, fastPath: false });
    expect(comparable(fast)).toEqual(comparable(slow));
  });

  it('the deep recursion row is refused, on both paths, with the same message', () => {
    const p = PROGRAMS.find((x) => x.name.startsWith('deep recursion'))!;
    const fast = answer(p.source, { fastPath: true });
    expect(fast).toEqual({ kind: 'budget', refused: expect.stringMatching(/^Runaway recursion: more than 220 nested calls \(1:\d+\)$/) });
  });

  it.each(PROGRAMS.filter((p) => !p.name.startsWith('deep')).map((p) => [p.name, p] as const))('same step count: %s', (_name, p) => {
    const fast = stepsNeeded(p.source, p.module, true);
    expect(fast).toBeGreaterThan(0);
    expect(fast).toBe(stepsNeeded(p.source, p.module, false));
  });
});

describe('fast path programs against real node', () => {
  it(`every row the engine calls deterministic prints what node prints`, async () => {
    const rows = PROGRAMS.map((p) => ({ p, a: answer(p.source, { module: p.module }) }))
      .filter((r): r is { p: Program; a: { ok: ReturnType<typeof simulate> } } => 'ok' in r.a && r.a.ok.deterministic);
    expect(rows.length).toBeGreaterThanOrEqual(PROGRAMS.length - 2);
    const failures: string[] = [];
    await mapPool(rows, 2, async ({ p, a }) => {
      const verdict = await compareWithNode(() => runNode(p.source, { module: p.module }), { output: a.ok.output, exitCode: a.ok.exit.code }, {
        exit: 'code',
        raceUnderStall: () => !simulate(p.source, { module: p.module, trace: false, stallMs: STALL_MS }).deterministic,
      });
      if (verdict.status === 'disagree') {
        failures.push(`${p.name}: ${verdict.detail}\n  node:   ${verdict.runs[0].stdout.join(' | ')} (exit ${verdict.runs[0].code})\n  engine: ${a.ok.output.join(' | ')} (exit ${a.ok.exit.code})`);
      }
    });
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('the step budget', () => {
  it('lets 10^7 iterations of a plain loop finish (the fast path runs it)', () => {
    const source = 'let s = 0;\nfor (let i = 0; i < 1e7; i++) { s += i; }\nconsole.log(s);';
    expect(simulate(source, { trace: false }).output).toEqual(['49999995000000']);
    // The same loop through the evaluator alone stops at the evaluator's own, smaller budget.
    expect(() => simulate(source, { trace: false, fastPath: false })).toThrow(/Step budget exceeded: the snippet ran 200,000 steps of code the fast path cannot take/);
  }, 60_000);

  it('ends a true infinite loop, saying how many steps ran and suggesting a smaller loop', () => {
    let error: unknown;
    try {
      simulate('let n = 0;\nwhile (true) {\n  n++;\n}', { trace: false });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SimulationError);
    const e = error as SimulationError;
    expect(e.kind).toBe('budget');
    expect(e.message).toBe('Step budget exceeded: the snippet ran 300,000,000 steps without finishing; simulate a smaller loop (fewer iterations or less work in each) (2:1)');
    expect(e.message).not.toMatch(/infinite/);
    expect([e.line, e.column]).toEqual([2, 1]);
  }, 60_000);

  it('a per-call budget still stops a compiled loop where the evaluator would', () => {
    const source = 'for (let i = 0; i < 1000; i++) {}';
    expect(() => simulate(source, { stepBudget: 500 })).toThrow(/ran 500 steps/);
    expect(() => simulate(source, { stepBudget: 500, fastPath: false })).toThrow(/ran 500 steps/);
  });
});
