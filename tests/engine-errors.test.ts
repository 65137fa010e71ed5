// What the engine refuses, and how: every refusal is a SimulationError with a kind, a message that
// names the construct, and the line:column where it is.
import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_LENGTH, SimulationError, simulate } from '../shared/engine/index.ts';

function refusal(code: string, module: 'commonjs' | 'module' = 'commonjs'): SimulationError {
  try {
    simulate(code, { module });
  } catch (e) {
    if (e instanceof SimulationError) return e;
    throw e;
  }
  throw new Error(`expected a SimulationError for: ${code}`);
}

const cases: { name: string; code: string; kind: string; message: RegExp; line: number | null; column: number | null }[] = [
  { name: 'syntax error', code: "console.log('a');\nconst = 5;", kind: 'syntax', message: /^SyntaxError: Unexpected token \(2:7\)$/, line: 2, column: 7 },
  { name: 'unterminated string', code: "console.log('oops);", kind: 'syntax', message: /Unterminated string constant \(1:13\)/, line: 1, column: 13 },
  { name: 'await outside async in CommonJS', code: 'await null;', kind: 'syntax', message: /SyntaxError/, line: 1, column: 7 },
  { name: 'with statement', code: 'with (Math) console.log(PI);', kind: 'unsupported', message: /the with statement is not supported by the simulator \(1:1\)/, line: 1, column: 1 },
  { name: 'Proxy', code: 'const p = new Proxy({}, {});', kind: 'unsupported', message: /Proxy is not supported .*\(1:15\)/, line: 1, column: 15 },
  { name: 'dynamic import', code: "import('fs');", kind: 'unsupported', message: /dynamic import\(\)/, line: 1, column: 1 },
  { name: 'private fields', code: 'class A { #x = 1; }', kind: 'unsupported', message: /private class members/, line: 1, column: 11 },
  { name: 'a V8 error message whose wording is not modelled', code: "const o = {};\ntry { (o.a ? 1 : 2)(); } catch (e) { console.log(e.message); }", kind: 'unsupported', message: /exact V8 wording is not modelled .*\(2:8\)/, line: 2, column: 8 },
  { name: 'an absolute time printed', code: 'console.log("a");\nconst now = Date.now();\nconsole.log(now);', kind: 'unsupported', message: /absolute time.*\(3:1\)/, line: 3, column: 1 },
  { name: 'Math.random', code: 'const r = Math.random();', kind: 'unsupported', message: /Math\.random .*\(1:11\)/, line: 1, column: 11 },
  { name: 'console.trace', code: "console.log('ok');\n  console.trace('here');", kind: 'unsupported', message: /console\.trace .*stack.*\(2:3\)/, line: 2, column: 3 },
  { name: 'logging an Error object', code: "console.log(new Error('boom'));", kind: 'unsupported', message: /Error object prints its stack trace.*err\.message.*\(1:1\)/, line: 1, column: 1 },
  { name: 'multi-line output', code: 'console.log([1, 2, 3, 4, 5, 6, 7]);', kind: 'unsupported', message: /more than 6 items/, line: 1, column: 1 },
  { name: 'string with a line break', code: "console.log('a\\nb');", kind: 'unsupported', message: /several lines/, line: 1, column: 1 },
  { name: 'other modules', code: "const http = require('http');", kind: 'unsupported', message: /require\('http'\)/, line: 1, column: 14 },
  { name: 'reading another file', code: "require('fs').readFile('/etc/passwd', () => {});", kind: 'unsupported', message: /only the snippet's own file/, line: 1, column: 1 },
  { name: 'process events that are not modelled', code: 'process.on("uncaughtException", () => {});', kind: 'unsupported', message: /process\.on\('uncaughtException'\)/, line: 1, column: 1 },
  { name: 'Node globals that are not modelled', code: 'const b = Buffer.from("x");', kind: 'unsupported', message: /Buffer is not supported/, line: 1, column: 11 },
  { name: 'changing built-ins', code: 'Array.prototype.last = function () {};', kind: 'unsupported', message: /built-in objects/, line: 1, column: 1 },
  { name: 'timer methods that are not modelled', code: 'const t = setTimeout(() => {}, 10);\nt.unref();', kind: 'unsupported', message: /Timeout\.unref is not supported by the simulator \(2:1\)/, line: 2, column: 1 },
  { name: 'infinite loop', code: 'while (true) {}', kind: 'budget', message: /Step budget exceeded/, line: 1, column: 1 },
  { name: 'runaway recursion', code: 'function f(n) { return f(n + 1); }\nf(0);', kind: 'budget', message: /Runaway recursion/, line: 1, column: 24 },
  { name: 'an interval never cleared', code: 'setInterval(() => {}, 10);', kind: 'budget', message: /setInterval that is never cleared|Step budget/, line: null, column: null },
  { name: 'promise chain that never ends', code: 'function loop() { return Promise.resolve().then(loop); }\nloop();', kind: 'budget', message: /Step budget exceeded/, line: 1, column: 26 },
];

describe('engine refusals', () => {
  for (const c of cases) {
    it(c.name, () => {
      const e = refusal(c.code);
      expect(e.kind).toBe(c.kind);
      expect(e.message).toMatch(c.message);
      if (c.line !== null) {
        expect(e.line).toBe(c.line);
        expect(e.column).toBe(c.column);
      }
    });
  }

  it('refuses oversized source before parsing it', () => {
    const big = `console.log(1);\n${'// padding\n'.repeat(Math.ceil(MAX_SOURCE_LENGTH / 11))}`;
    const e = refusal(big);
    expect(e.kind).toBe('size');
    expect(e.message).toMatch(new RegExp(`limit is ${MAX_SOURCE_LENGTH}`));
  });

  it('accepts a snippet just under the size limit', () => {
    const code = `console.log('ok');\n${'//'.padEnd(MAX_SOURCE_LENGTH - 30, 'x')}`;
    expect(code.length).toBeLessThan(MAX_SOURCE_LENGTH);
    expect(simulate(code).output).toEqual(['ok']);
  });

  it('refuses require in an ES module the way node does (ReferenceError ends the process)', () => {
    const r = simulate("console.log('before');\nrequire('fs');\nconsole.log('after');", { module: 'module' });
    expect(r.output).toEqual(['before']);
    expect(r.exit).toMatchObject({ reason: 'uncaught-exception', code: 1 });
    expect(r.exit.message).toBe('ReferenceError: require is not defined');
  });

  it('a step budget can be set per call', () => {
    const code = 'let n = 0; for (let i = 0; i < 2000; i++) n += i; console.log(n);';
    expect(simulate(code).output).toEqual(['1999000']);
    expect(() => simulate(code, { stepBudget: 500 })).toThrow(SimulationError);
  });
});
