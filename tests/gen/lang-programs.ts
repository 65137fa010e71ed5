// The language-core program generator: seeded random programs over the constructs the README says the
// engine accepts (bindings, closures, parameters and `arguments`, `this`, classes, generators and
// iterators, destructuring, labels, loops, operators and coercions, optional chaining, frozen objects,
// strict and sloppy mode, CommonJS and ES modules, a little async), each printing what it computes and
// the messages of the errors it provokes. tests/engine-language.test.ts and `npm run fuzz:lang` run
// them in the engine and in real node and compare. Every program is a list of independent snippets
// (fragments) with their own names, so a disagreement can be minimised fragment by fragment.
// The one shared seeded RNG (tests/gen/rng.ts) drives every choice: a seed regenerates its programs.
import { Rng, mixSeed } from './rng.ts';

export interface LangProgram {
  name: string;
  source: string;
  module: 'commonjs' | 'module';
  strict: boolean;
  /** The fragment kinds used, in order (to attribute disagreements). */
  kinds: string[];
}

/** What a fragment may rely on. */
interface Ctx {
  rng: Rng;
  strict: boolean;
  module: boolean;
  /** A fresh identifier suffix. */
  id: () => string;
}

type Fragment = (c: Ctx) => string;

const SMALL_VALUES = ['0', '1', '2', '-1', '3.5', "'a'", "'7'", "''", 'true', 'false', 'null', 'undefined', '[]', '[1, 2]', '{}', 'NaN'];
const OPS = ['+', '-', '*', '/', '%', '==', '===', '!=', '<', '>=', '&&', '||', '??', '&', '|', '<<'];

function val(c: Ctx): string {
  return c.rng.pick(SMALL_VALUES);
}

/** A random small expression over literals (coercions and operators). */
function expr(c: Ctx, depth = 0): string {
  const r = c.rng;
  if (depth > 2 || r.chance(0.35)) return val(c);
  switch (r.int(0, 5)) {
    case 0: return `(${expr(c, depth + 1)} ${r.pick(OPS)} ${expr(c, depth + 1)})`;
    case 1: return `(${expr(c, depth + 1)} ? ${expr(c, depth + 1)} : ${expr(c, depth + 1)})`;
    case 2: return `typeof ${expr(c, depth + 1)}`;
    case 3: return `!${expr(c, depth + 1)}`;
    case 4: return `String(${expr(c, depth + 1)})`;
    default: return `\`<\${${expr(c, depth + 1)}}>\``;
  }
}

/** Wraps code so a thrown error prints its constructor name and message. */
function guarded(c: Ctx, body: string, tag: string): string {
  return `try {\n${body}\n} catch (e) { console.log('${tag}', e instanceof Error ? e.constructor.name + ': ' + e.message : e); }`;
}

const FRAGMENTS: Record<string, Fragment> = {
  operators(c) {
    const lines: string[] = [];
    for (let i = c.rng.int(2, 5); i > 0; i--) lines.push(`console.log(${expr(c)});`);
    return lines.join('\n');
  },

  evalOrder(c) {
    const n = c.id();
    const t = `t${n}`;
    const log = `log${n}`;
    const shapes = [
      `const o${n} = {}; o${n}[${t}('k', 'x')] = ${t}('v', 1);`,
      `const a${n} = [0, 0, 0]; let i${n} = 0; a${n}[${t}('i', i${n}++)] += ${t}('r', 5); console.log(a${n}, i${n});`,
      `${t}('f', (x, y) => x + y)(${t}('a', 1), ${t}('b', 2));`,
      `const s${n} = \`\${${t}('x', 1)}-\${${t}('y', 2)}\`;`,
      `const { p${n} = ${t}('dp', 1), q${n} = ${t}('dq', 2) } = { q${n}: ${t}('src', 3) };`,
      `const [e${n} = ${t}('d0', 0), ff${n} = ${t}('d1', 1)] = [undefined, ${t}('v1', 9)];`,
      `${t}('l', 1) + ${t}('r', 2) * ${t}('m', 3);`,
      `const ok${n} = { [${t}('k1', 'a')]: ${t}('v1', 1), [${t}('k2', 'b')]: ${t}('v2', 2) }; console.log(Object.keys(ok${n}));`,
      `let z${n} = null; z${n} ??= ${t}('nullish', 4); z${n} ||= ${t}('never', 5); console.log(z${n});`,
      `const g${n} = { h() { return ${t}('h', this === g${n}); } }; g${n}?.h(${t}('arg', 0));`,
      `function f${n}() { ${t}('body', 0); return { x: 1 }; } f${n}().x++; f${n}().x += ${t}('rhs', 2);`,
      `const w${n} = [${t}('a', 1), ...[${t}('b', 2), ${t}('c', 3)], ${t}('d', 4)]; console.log(w${n}.length);`,
    ];
    const picked = c.rng.shuffle(shapes).slice(0, c.rng.int(1, 3));
    return `const ${log} = []; const ${t} = (tag, v) => { ${log}.push(tag); return v; };\n${picked.join('\n')}\nconsole.log(${log}.join(','));`;
  },

  updates(c) {
    const n = c.id();
    const op = c.rng.pick(['++', '--']);
    const pre = c.rng.chance(0.5);
    const target = c.rng.pick([`a${n}[i${n}++]`, `o${n}.x`, `o${n}['x']`, `v${n}`, `get${n}().x`]);
    const e = pre ? `${op}${target}` : `${target}${op}`;
    return `const a${n} = [${c.rng.int(0, 5)}, ${c.rng.pick(["'3'", '4', 'null', 'true'])}]; let i${n} = 0; const o${n} = { x: ${c.rng.pick(["'5'", '1', '[]', 'undefined'])} }; let v${n} = ${val(c)};
let calls${n} = 0; function get${n}() { calls${n}++; return o${n}; }
console.log(${e}, a${n}, i${n}, o${n}, typeof v${n}, calls${n});`;
  },

  namedFunctionExpression(c) {
    const n = c.id();
    const v = c.rng.int(0, 2);
    if (v === 0) return `const g${n} = function h${n}(k) { return k > 0 ? h${n}(k - 1) + 1 : typeof h${n}; }; console.log(g${n}(2), typeof h${n}${n});`;
    if (v === 1) return `(function f${n}(i) { console.log('f', i); if (i < ${c.rng.int(1, 3)}) f${n}(i + 1); })(0);`;
    return guarded(c, `const k${n} = function kk${n}() { kk${n} = 1; return typeof kk${n}; }; console.log(k${n}());`, 'nfe');
  },

  argumentsObject(c) {
    const n = c.id();
    const params = c.rng.pick(['a, b', 'a', 'a = 1, b', '...r', 'a, b, c']);
    const strictFn = c.rng.chance(0.3) && /^[a-z, ]+$/.test(params) ? "'use strict'; " : '';
    const body = c.rng.pick([
      `arguments[0] = 10; console.log(typeof a === 'undefined' ? 'none' : a, arguments.length);`,
      `a = 20; console.log(arguments[0], arguments.length);`,
      `arguments[0]++; console.log(arguments[0]);`,
      `console.log(arguments);`,
      `console.log(Array.from(arguments), [...arguments].length);`,
    ]);
    const args = c.rng.pick(['1, 2', '1', '', "'x', 'y', 'z'"]);
    return `function f${n}(${params}) { ${strictFn}${body} }\nf${n}(${args});`;
  },

  thisBinding(c) {
    const n = c.id();
    const lines = [
      `function t${n}() { return typeof this; }`,
      `function s${n}() { 'use strict'; return this === undefined ? 'undef' : typeof this; }`,
      `const o${n} = { m() { return this === o${n}; }, arrow: () => typeof this };`,
      `console.log(t${n}.call(${c.rng.pick(['5', "'s'", 'true', 'null', 'undefined', '{}'])}), s${n}.call(${c.rng.pick(['5', 'null', 'undefined'])}));`,
      `console.log((o${n}?.m)(), o${n}.m(), (0, o${n}.m)() === true);`,
      `console.log(o${n}.arrow(), [1].map(function () { return this === undefined ? 'u' : typeof this; })[0]);`,
    ];
    if (!c.module) lines.push(`console.log(this === module.exports, typeof this);`);
    else lines.push(`console.log(this);`);
    return lines.join('\n');
  },

  classes(c) {
    const n = c.id();
    const parts: string[] = [];
    parts.push(`let k${n} = 0; const key${n} = () => { console.log('key', ++k${n}); return 'm' + k${n}; };`);
    parts.push(`class A${n} {
  static s = A${n}.name + '!';
  x = (console.log('field x'), 1);
  [key${n}()] = 2;
  static [key${n}()] = 3;
  static { console.log('static block', this.s); }
  constructor(v) { console.log('ctor A', v); this.v = v; }
  get g() { return this.v * 10; }
  set g(w) { this.v = w; }
  [key${n}()]() { return 'computed'; }
  static make() { return new this(7); }
  toString() { return 'A' + this.v; }
}`);
    parts.push(`class B${n} extends A${n} {
  y = (console.log('field y'), this.x + 1);
  constructor() { super(${c.rng.int(1, 9)}); console.log('ctor B', this.y); }
  get g() { return super.g + 1; }
  bump() { super.g = ${c.rng.int(1, 9)}; return this.v; }
}`);
    const tails = [
      `const b${n} = new B${n}(); console.log(b${n}.g, b${n}.bump(), \`\${b${n}}\`, Object.keys(b${n}));`,
      `console.log(A${n}.s, Object.keys(A${n}), Object.getOwnPropertyNames(A${n}.prototype).length);`,
      `console.log(A${n}.make().g, B${n}.make() instanceof B${n}, B${n}.name, typeof B${n});`,
      guarded(c, `A${n}();`, 'call class'),
      guarded(c, `class C${n} extends B${n} { constructor() { this.z = 1; } } new C${n}();`, 'no super'),
      `console.log(String(A${n}.prototype.g === undefined), Object.getOwnPropertyDescriptor(A${n}.prototype, 'g').get.toString());`,
    ];
    parts.push(...c.rng.shuffle(tails).slice(0, c.rng.int(1, 3)));
    return parts.join('\n');
  },

  objectLiteralSuper(c) {
    const n = c.id();
    return `const base${n} = { hi() { return 'base'; }, set w(v) { console.log('base set', v); } };
const o${n} = { __proto__: base${n}, hi() { super.w = ${c.rng.int(1, 5)}; return 'o+' + super.hi(); }, get z() { return 1; }, async am() {}, *gm() {} };
console.log(o${n}.hi(), o${n}.z, o${n}.hi.toString(), o${n}.am.toString(), o${n}.gm.name);`;
  },

  generators(c) {
    const n = c.id();
    const early = c.rng.pick(['break', 'return', 'throw']);
    return `function* g${n}(limit) { try { for (let i = 0; i < limit; i++) { const got = yield i; if (got) console.log('got', got); } return 'done'; } finally { console.log('cleanup ${n}'); } }
const it${n} = g${n}(${c.rng.int(2, 4)});
console.log(it${n}.next(), it${n}.next('x'), typeof g${n}.prototype, Object.getPrototypeOf(it${n}) === g${n}.prototype);
console.log(it${n}.return(${c.rng.int(0, 9)}), it${n}.next());
${guarded(c, `for (const v of g${n}(5)) { console.log('v', v); if (v === 1) ${early === 'break' ? 'break' : early === 'return' ? `throw 'ret'` : `throw new Error('stop')`}; }`, 'loop')}
const [a${n}, , b${n} = 'def'] = g${n}(${c.rng.int(1, 4)}); console.log(a${n}, b${n});
function* d${n}() { const r = yield* g${n}(2); console.log('delegated', r); }
console.log([...d${n}()]);`;
  },

  iteratorProtocol(c) {
    const n = c.id();
    const retLog = c.rng.chance(0.7) ? `return() { console.log('return called'); return {}; },` : '';
    return `const src${n} = { [Symbol.iterator]() { let i = 0; return { next() { i++; console.log('next', i); return { value: i, done: i > ${c.rng.int(2, 4)} }; }, ${retLog} }; } };
const [x${n}, y${n} = 'dy'] = src${n}; console.log(x${n}, y${n});
for (const v of src${n}) { if (v === 2) break; }
const [...all${n}] = src${n}; console.log(all${n});
${guarded(c, `const [p${n}] = ${c.rng.pick(['5', 'null', '{}', `src${n}`, 'undefined'])}; console.log(p${n});`, 'destructure')}`;
  },

  destructuring(c) {
    const n = c.id();
    const src = c.rng.pick(['{ a: 1, b: { c: 2 }, d: [3, 4] }', '{ a: undefined, b: { c: null }, d: [] }', '{ b: { c: 5 }, d: [6] }']);
    return `const { a: a${n} = 'dflt', b: { c: c${n} }, d: [d0${n}, d1${n} = 'none'], ...rest${n} } = ${src};
console.log(a${n}, c${n}, d0${n}, d1${n}, rest${n});
let m${n}, n${n}; [m${n}, n${n}] = [n${n} = 1, 2]; ({ m${n} = 9 } = {}); console.log(m${n}, n${n});
function f${n}({ x = 1, y } = {}, [z = 3] = []) { return [x, y, z]; } console.log(f${n}(), f${n}({ y: 2 }, [undefined]));
${guarded(c, `const { q${n} } = ${c.rng.pick(['null', 'undefined', '0', "''"])}; console.log(q${n});`, 'destructure')}
${guarded(c, `f${n}(null);`, 'param')}`;
  },

  labels(c) {
    const n = c.id();
    const kw = c.rng.pick(['continue', 'break']);
    const target = c.rng.pick(['outer', 'alias']);
    return `alias${n}: outer${n}: for (let i = 0; i < 3; i++) {
  inner${n}: for (let j = 0; j < 3; j++) {
    if (j === ${c.rng.int(0, 2)}) ${kw} ${target}${n};
    if (i === ${c.rng.int(0, 2)}) continue inner${n};
    console.log('ij', i, j);
  }
}
blk${n}: { console.log('in block'); if (${c.rng.pick(['true', 'false'])}) break blk${n}; console.log('after break'); }
console.log('labels done');`;
  },

  loops(c) {
    const n = c.id();
    const del = c.rng.pick(['b', 'c', 'a']);
    return `const o${n} = { a: 1, b: 2, c: 3 };
for (const k in o${n}) { console.log('key', k); if (k === 'a') delete o${n}.${del}; if (k === 'a') o${n}.added = 4; }
const fns${n} = []; for (let i = 0; i < 3; i++) fns${n}.push(() => i); console.log(fns${n}.map((f) => f()));
var vs${n} = []; for (var j = 0; j < 3; j++) vs${n}.push(() => j); console.log(vs${n}.map((f) => f()));
let w${n} = 0; do { w${n}++; if (w${n} === 2) continue; } while (w${n} < ${c.rng.int(3, 6)}); console.log(w${n});
switch (${c.rng.pick(['1', "'1'", '2', 'null'])}) { case 1: console.log('one'); case '1': console.log('str one'); break; default: console.log('default'); case 2: console.log('two'); }`;
  },

  scoping(c) {
    const n = c.id();
    const parts = [
      `function f${n}(a = 1) { var a; return a; } console.log(f${n}(5), f${n}());`,
      `function g${n}(a, b = () => a) { var a = 2; return [a, b()]; } console.log(g${n}(1));`,
      `function h${n}() { let x = 1; { function x() {} } return typeof x; } console.log(h${n}());`,
      `console.log(typeof hoisted${n}); { function hoisted${n}() {} } console.log(typeof hoisted${n});`,
      guarded(c, `console.log(tdz${n}); let tdz${n} = 1;`, 'tdz'),
      guarded(c, `const k${n} = 1; k${n} = 2;`, 'const'),
      guarded(c, `undeclared${n} = 5; console.log(typeof undeclared${n});`, 'undeclared'),
      `var sh${n} = 'outer'; function s${n}() { console.log(sh${n}); var sh${n} = 'inner'; return sh${n}; } console.log(s${n}());`,
      `const counter${n} = (() => { let c = 0; return { inc: () => ++c, get value() { return c; } }; })(); counter${n}.inc(); counter${n}.inc(); console.log(counter${n}.value);`,
    ];
    return c.rng.shuffle(parts).slice(0, c.rng.int(2, 4)).join('\n');
  },

  names(c) {
    const n = c.id();
    return `const arrow${n} = () => {}; let fe${n}; fe${n} = function () {}; const cls${n} = class {};
const obj${n} = { m() {}, n: () => {}, ['c' + ${c.rng.int(0, 9)}]: function () {}, get acc() { return 1; } };
console.log(arrow${n}.name, fe${n}.name, cls${n}.name, obj${n}.m.name, obj${n}.n.name, Object.keys(obj${n}));
console.log((() => {}).name === '', (function () {}).name, Object.getOwnPropertyDescriptor(obj${n}, 'acc').get.name);
console.log(arrow${n}.toString(), obj${n}.m.toString(), String(cls${n}));`;
  },

  frozen(c) {
    const n = c.id();
    const target = c.rng.pick([`[1, 2]`, `{ x: 1 }`]);
    const write = target.startsWith('[') ? c.rng.pick(['[0] = 5', '[2] = 3', '.length = 0']) : c.rng.pick(['.x = 2', '.y = 3']);
    const fnStrict = c.strict ? '' : (c.rng.chance(0.5) ? "'use strict'; " : '');
    return `const fr${n} = Object.${c.rng.pick(['freeze', 'seal', 'preventExtensions'])}(${target});
${guarded(c, `(function () { ${fnStrict}fr${n}${write}; })(); console.log(fr${n});`, 'frozen')}
${guarded(c, `(function () { ${fnStrict}delete fr${n}${target.startsWith('[') ? '[0]' : '.x'}; })(); console.log(fr${n});`, 'delete')}
const getterOnly${n} = { get v() { return 1; } };
${guarded(c, `(function () { ${fnStrict}getterOnly${n}.v = 2; })(); console.log(getterOnly${n}.v);`, 'getter')}`;
  },

  errorMessages(c) {
    const n = c.id();
    const cases = [
      `const o = {}; o.missing${n}();`,
      `const o = { a: {} }; o.a.b.c;`,
      `let u; u.x;`,
      `null.foo;`,
      `const o = { f: 1 }; o.f();`,
      `[1, 2].map((x) => x).nope();`,
      `(void 0)();`,
      `notDefined${n} + 1;`,
      `const s = Symbol('q'); s + '';`,
      `1n + 1;`,
      `new (() => {})();`,
      `const k = 'key'; const o = {}; o[k]();`,
      `JSON.parse('{bad');`,
      `[].reduce((a, b) => a);`,
      `'abc'.repeat(-1);`,
      `for (const v of ${c.rng.pick(['5', 'undefined', '{}'])}) {}`,
      `let x; [...x];`,
      `const o = null; o.x = 1;`,
      `Object.freeze([]).push(1);`,
      `'a' in 'b';`,
      `({}) instanceof 5;`,
    ];
    return c.rng.shuffle(cases).slice(0, c.rng.int(2, 5)).map((code, i) => guarded(c, code, `err${i}`)).join('\n');
  },

  printing(c) {
    const n = c.id();
    return `const arr${n} = [1, 'two', [3, [4, [5, [6]]]]]; arr${n}.extra = ${c.rng.pick(['true', "'x'", '{ k: 1 }'])};
console.log(arr${n}, { a: 1, 'b-c': [2], d: { e: { f: { g: 1 } } } }, [undefined, null, -0, 1e21, 0.1 + 0.2]);
console.log(new Map([[1, 'a'], ['b', { c: 2 }]]), new Set(['x', 1]), [function named${n}() {}, () => {}, class K${n} {}]);
console.log('%s is %d and %i, %j', 'str', ${c.rng.pick(['42.5', "'7'", 'null'])}, 3.9, 'o');
console.log(Symbol('s${n}'), 10n, typeof globalThis, ${expr(c)});`;
  },

  spreadRest(c) {
    const n = c.id();
    return `const f${n} = (first, ...rest) => [first, rest.length, rest];
console.log(f${n}(...[1, 2, 3], ...'ab'), Math.max(...[${c.rng.int(0, 9)}, ${c.rng.int(0, 9)}]), { ...{ a: 1 }, ...null, ...'hi' });
const { a: _a${n}, ...others${n} } = { a: 1, b: 2, c: 3 }; console.log(others${n}, [...new Set([1, 1, 2])]);`;
  },

  optionalChaining(c) {
    const n = c.id();
    return `const o${n} = { a: { b: () => 'called', arr: [1] }, n: null };
console.log(o${n}?.a?.b(), o${n}.n?.b.c.d, o${n}.x?.(), o${n}.a.arr?.[0], o${n}.n ?? 'fallback', delete o${n}?.a.arr, o${n}.a);
console.log(delete o${n}.n?.z, (o${n}.q ?? ${val(c)}), o${n}?.['a']?.['b']?.name);`;
  },

  strictDifferences(c) {
    const n = c.id();
    return `function sl${n}(a) { a = 2; return arguments[0]; }
function st${n}(a) { 'use strict'; a = 2; return arguments[0]; }
console.log(sl${n}(1), st${n}(1));
${guarded(c, `(function () { 'use strict'; leaked${n} = 1; })();`, 'strict assign')}
${guarded(c, `(function () { 'use strict'; (${c.rng.pick(['5', "'s'", 'true'])}).prop = 1; })();`, 'primitive prop')}
(function () { const p = ${c.rng.pick(['5', "'s'", 'true'])}; p.prop = 1; console.log(p.prop); })();`;
  },

  asyncOrder(c) {
    const n = c.id();
    const steps = [
      `Promise.resolve().then(() => console.log('then ${n}-1')).then(() => console.log('then ${n}-2'));`,
      `(async () => { console.log('async start ${n}'); await null; console.log('after await ${n}'); await Promise.resolve(); console.log('after await2 ${n}'); })();`,
      `queueMicrotask(() => console.log('microtask ${n}'));`,
      `process.nextTick(() => console.log('tick ${n}'));`,
      `Promise.reject(new Error('r${n}')).catch((e) => console.log('caught', e.message)).finally(() => console.log('finally ${n}'));`,
      `(async function* ag${n}() { yield 1; yield 2; })().next().then((r) => console.log('ag', r));`,
      `(async () => { for await (const v of [Promise.resolve('fa1'), 'fa2']) console.log(v); })();`,
      `new Promise((res) => { console.log('executor ${n}'); res(${c.rng.int(0, 9)}); }).then((v) => console.log('resolved', v));`,
      `setTimeout(() => console.log('timeout ${n}'), 0);`,
    ];
    return c.rng.shuffle(steps).slice(0, c.rng.int(2, 4)).join('\n') + `\nconsole.log('sync end ${n}');`;
  },

  builtins(c) {
    const n = c.id();
    return `const xs${n} = [${c.rng.int(0, 9)}, ${c.rng.int(0, 9)}, ${c.rng.int(0, 9)}, 10];
console.log(xs${n}.sort(), [...xs${n}].sort((a, b) => b - a), xs${n}.reduce((a, b) => a + b, 0), xs${n}.includes(10));
console.log(JSON.stringify({ a: [1, { b: 2 }], u: undefined, f() {} }), JSON.stringify('q"'), Object.entries({ x: 1, y: [2] }));
console.log('a-b-c'.split('-'), 'Hi'.padStart(${c.rng.int(2, 6)}, '*'), (${c.rng.int(0, 999)}).toString(16), parseInt('0x1f'), Number('  12 '));
console.log([3, 1, 2].map(String), Array.from({ length: 3 }, (_, i) => i * i), Object.assign({}, { k: 1 }), [1, [2, [3]]].flat(Infinity));`;
  },
};

Object.assign(FRAGMENTS, {
  taggedTemplates(c: Ctx) {
    const n = c.id();
    return `function tag${n}(strings, ...values) { return strings.map((s, i) => s + (i < values.length ? '[' + values[i] + ']' : '')).join('') + '|' + strings.raw.length; }
console.log(tag${n}\`a\${${c.rng.int(0, 9)}}b\${'x'}c\`, tag${n}\`plain\`, String.raw\`x\\ny\${1 + 1}\`);
const same${n} = []; for (let i = 0; i < 2; i++) same${n}.push(((s) => s)\`site\`); console.log(same${n}[0] === same${n}[1], Object.isFrozen(same${n}[0]));`;
  },

  sparseArrays(c: Ctx) {
    const n = c.id();
    return `const sp${n} = [1, , 3]; sp${n}[${c.rng.int(4, 9)}] = 'end'; console.log(sp${n}, sp${n}.length, 1 in sp${n});
console.log([, ,], new Array(${c.rng.int(0, 4)}), sp${n}.map((v) => v), sp${n}.filter(() => true), Object.keys(sp${n}));
let visits${n} = 0; sp${n}.forEach(() => visits${n}++); console.log(visits${n}, [...sp${n}].length);`;
  },

  finallyFlow(c: Ctx) {
    const n = c.id();
    return `function f${n}() { try { return 'try'; } finally { console.log('finally runs'); } }
function g${n}() { try { throw new Error('x'); } catch (e) { return 'catch ' + e.message; } finally { ${c.rng.pick(["return 'finally wins';", "console.log('no override');"])} } }
function h${n}() { for (const i of [1, 2, 3]) { try { if (i === 2) ${c.rng.pick(['break', 'continue'])}; } finally { console.log('fin', i); } } return 'loop done'; }
console.log(f${n}(), g${n}(), h${n}());
${guarded(c, `try { null.x; } finally { console.log('cleanup before rethrow'); }`, 'rethrown')}`;
  },

  newTarget(c: Ctx) {
    const n = c.id();
    return `function F${n}() { if (!new.target) return 'called'; this.made = true; }
console.log(F${n}(), new F${n}().made, typeof new F${n}(), new F${n}() instanceof F${n});
class P${n} { constructor() { console.log('new.target', new.target.name); } } class Q${n} extends P${n} {} new Q${n}();
function R${n}() { return { custom: ${c.rng.int(0, 9)} }; } console.log(new R${n}(), new (class { constructor() { return [1]; } })());`;
  },

  coercions(c: Ctx) {
    const n = c.id();
    const objs = [`{ valueOf() { console.log('valueOf'); return ${c.rng.int(0, 9)}; } }`, `{ toString() { console.log('toString'); return '${c.rng.pick(['7', 'x'])}'; } }`, `{ [Symbol.toPrimitive](hint) { console.log('hint', hint); return 5; } }`, `[${c.rng.int(0, 3)}]`, `[1, 2]`, `{}`];
    const o = c.rng.pick(objs);
    return `const v${n} = ${o};
console.log(v${n} + 1, \`\${v${n}}\`, v${n} * 2, v${n} == ${c.rng.pick(['5', "'7'", '1', '0'])}, String(v${n}), [v${n}] + '');
console.log(Object.is(-0, 0), -0 === 0, [NaN].includes(NaN), [NaN].indexOf(NaN), 0.1 * 3, 2 ** -1, ${c.rng.int(-9, 9)} % 4, 7 / 0, -7 / 0);
console.log((${c.rng.int(0, 999)}.456).toFixed(${c.rng.int(0, 4)}), (1e21).toString(), (123.456).toPrecision(4), Number.MAX_SAFE_INTEGER + 2, 0.000001, 1e-7);`;
  },

  getterSetters(c: Ctx) {
    const n = c.id();
    return `const base${n} = { get who() { return 'base:' + this.name; }, set who(v) { this.name = v.toUpperCase(); } };
const child${n} = Object.create(base${n}); child${n}.name = 'kid'; console.log(child${n}.who); child${n}.who = '${c.rng.pick(['ann', 'bob'])}'; console.log(child${n}.name, Object.keys(child${n}));
const acc${n} = {}; Object.defineProperty(acc${n}, 'hidden', { value: 1 }); Object.defineProperty(acc${n}, 'shown', { value: 2, enumerable: true });
console.log(acc${n}, acc${n}.hidden, JSON.stringify(acc${n}), Object.getOwnPropertyNames(acc${n}));`;
  },

  asyncMore(c: Ctx) {
    const n = c.id();
    const steps = [
      `async function a${n}() { return Promise.resolve('ret-promise'); } a${n}().then((v) => console.log(v));`,
      `Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3'));`,
      `const thenable${n} = { then(res) { console.log('thenable then'); res('from thenable'); } }; (async () => console.log(await thenable${n}))();`,
      `Promise.all([1, Promise.resolve(2), new Promise((r) => r(3))]).then((v) => console.log('all', v));`,
      `Promise.race([new Promise(() => {}), Promise.resolve('race')]).then((v) => console.log(v));`,
      `Promise.allSettled([Promise.reject(new Error('no')), 1]).then((rs) => console.log(rs.map((r) => r.status)));`,
      `Promise.any([Promise.reject(1), Promise.resolve('any')]).then((v) => console.log(v));`,
      `(async () => { try { await Promise.reject(new TypeError('awaited')); } catch (e) { console.log('caught', e.name, e.message); } })();`,
      `async function* gen${n}() { yield 'ag1'; await null; yield 'ag2'; } (async () => { for await (const v of gen${n}()) console.log(v); })();`,
    ];
    return c.rng.shuffle(steps).slice(0, c.rng.int(2, 4)).join('\n') + `\nconsole.log('sync ${n}');`;
  },

  closuresLoops(c: Ctx) {
    const n = c.id();
    return `const fs${n} = []; for (const k in { a: 1, b: 2 }) fs${n}.push(() => k); for (const v of [3, 4]) fs${n}.push(() => v);
let w${n} = 0; const ws${n} = []; while (w${n} < 2) { let copy = w${n}; ws${n}.push(() => copy); w${n}++; }
console.log(fs${n}.map((f) => f()), ws${n}.map((f) => f()));
const make${n} = (start) => { let c = start; return () => (c += ${c.rng.int(1, 3)}); }; const m${n} = make${n}(${c.rng.int(0, 5)}); m${n}(); console.log(m${n}());`;
  },
});

const KINDS = Object.keys(FRAGMENTS);

/** Program `index` of `seed`: 2 to 5 fragments, strict or sloppy, CommonJS or ES module. */
export function generateLangProgram(seed: number, index: number): LangProgram {
  const rng = new Rng(mixSeed(seed, index));
  const module = rng.chance(0.25);
  const strict = module || rng.chance(0.3);
  let counter = 0;
  const ctx: Ctx = { rng, strict, module, id: () => `_${++counter}` };
  const kinds: string[] = [];
  const parts: string[] = [];
  if (strict && !module) parts.push("'use strict';");
  for (let i = rng.int(2, 5); i > 0; i--) {
    const kind = rng.pick(KINDS);
    kinds.push(kind);
    parts.push(`// ${kind}\n${FRAGMENTS[kind](ctx)}`);
  }
  return { name: `lang-${seed}-${index}`, source: `${parts.join('\n')}\n`, module: module ? 'module' : 'commonjs', strict, kinds };
}

/** `count` programs of `seed`. */
export function generateLangPrograms(seed: number, count: number): LangProgram[] {
  return Array.from({ length: count }, (_, i) => generateLangProgram(seed, i));
}
