// The engine's semantics table: each case is a snippet and the lines Node 20 prints for it.
// Timer delays are spread far enough apart that a busy test machine (a stall of tens of ms between
// two statements) cannot reorder them in real node.
// tests/engine-semantics.test.ts checks the engine against every row, and checks every row against
// real `node`, so the table itself cannot drift from the truth.

export interface Case {
  name: string;
  code: string;
  out: string[];
  module?: 'commonjs' | 'module';
  /** Expected `deterministic` (default true). */
  deterministic?: boolean;
  /** Expected exit code (default 0). */
  exitCode?: number;
}

export interface Group {
  topic: string;
  cases: Case[];
}

const c = (name: string, code: string, out: string[], extra: Partial<Case> = {}): Case => ({ name, code, out, ...extra });

export const GROUPS: Group[] = [
  {
    topic: 'synchronous code and executors run first',
    cases: [
      c('sync before async', `console.log('a'); setTimeout(() => console.log('t'), 0); Promise.resolve().then(() => console.log('p')); console.log('b');`, ['a', 'b', 'p', 't']),
      c('executor runs synchronously', `new Promise((res) => { console.log('executor'); res(); }).then(() => console.log('then')); console.log('after');`, ['executor', 'after', 'then']),
      c('async function body runs synchronously until await', `async function f() { console.log('f1'); await 0; console.log('f2'); } f(); console.log('main');`, ['f1', 'main', 'f2']),
    ],
  },
  {
    topic: 'nextTick drains before microtasks, both between callbacks',
    cases: [
      c('nextTick before promise', `Promise.resolve().then(() => console.log('promise')); process.nextTick(() => console.log('tick'));`, ['tick', 'promise']),
      c('all ticks then all microtasks', `process.nextTick(() => { console.log('t1'); Promise.resolve().then(() => console.log('p-from-t1')); }); process.nextTick(() => console.log('t2')); Promise.resolve().then(() => console.log('p1'));`, ['t1', 't2', 'p1', 'p-from-t1']),
      c('tick queued by a microtask waits for the microtask queue', `Promise.resolve().then(() => { console.log('p1'); process.nextTick(() => console.log('tick')); }).then(() => console.log('p2'));`, ['p1', 'p2', 'tick']),
      c('ticks and microtasks drain between timers', `setTimeout(() => { console.log('t1'); process.nextTick(() => console.log('tick1')); Promise.resolve().then(() => console.log('p1')); }, 5); setTimeout(() => console.log('t2'), 5);`, ['t1', 'tick1', 'p1', 't2']),
      c('and between immediates', `setImmediate(() => { console.log('i1'); Promise.resolve().then(() => console.log('p1')); }); setImmediate(() => console.log('i2'));`, ['i1', 'p1', 'i2']),
      c('nested ticks run before promises', `process.nextTick(() => { console.log('t1'); process.nextTick(() => console.log('t3')); }); process.nextTick(() => console.log('t2')); Promise.resolve().then(() => console.log('p'));`, ['t1', 't2', 't3', 'p']),
    ],
  },
  {
    topic: 'microtasks scheduled by microtasks run in the same drain',
    cases: [
      c('chain interleaving', `Promise.resolve().then(() => console.log('a1')).then(() => console.log('a2')); Promise.resolve().then(() => console.log('b1')).then(() => console.log('b2')); setTimeout(() => console.log('timeout'), 0);`, ['a1', 'b1', 'a2', 'b2', 'timeout']),
      c('queueMicrotask is a microtask', `queueMicrotask(() => console.log('qm')); Promise.resolve().then(() => console.log('then')); process.nextTick(() => console.log('tick'));`, ['tick', 'qm', 'then']),
      c('microtask queueing microtasks', `queueMicrotask(() => { console.log('m1'); queueMicrotask(() => console.log('m3')); }); queueMicrotask(() => console.log('m2')); setImmediate(() => console.log('immediate'));`, ['m1', 'm2', 'm3', 'immediate']),
    ],
  },
  {
    topic: 'await tick costs',
    cases: [
      c('await native promise costs one tick', `async function f() { await Promise.resolve(); console.log('f'); } f(); Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2'));`, ['f', 'p1', 'p2']),
      c('await of a plain value costs one tick', `(async () => { await 42; console.log('after await'); })(); Promise.resolve().then(() => console.log('then'));`, ['after await', 'then']),
      c('await thenable costs an extra job (then is called in a job of its own)', `const thenable = { then(r) { r('x'); } }; (async () => { await thenable; console.log('after thenable'); })(); Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3'));`, ['p1', 'after thenable', 'p2', 'p3']),
      c('return promise from async costs two extra', `async function f() { return Promise.resolve(1); } f().then(() => console.log('f done')); Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3')).then(() => console.log('p4'));`, ['p1', 'p2', 'f done', 'p3', 'p4']),
      c('return await costs one extra', `async function f() { return await Promise.resolve(1); } f().then(() => console.log('f done')); Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3'));`, ['p1', 'f done', 'p2', 'p3']),
      c('plain return value', `async function f() { return 1; } f().then(() => console.log('f done')); Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2'));`, ['f done', 'p1', 'p2']),
    ],
  },
  {
    topic: 'resolving with a promise or thenable',
    cases: [
      c('resolve(promise) costs two ticks', `new Promise((res) => res(Promise.resolve())).then(() => console.log('outer')); Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3'));`, ['p1', 'p2', 'outer', 'p3']),
      c('Promise.resolve(p) === p', `const p = Promise.resolve(1); console.log(Promise.resolve(p) === p); console.log(new Promise((r) => r(p)) === p);`, ['true', 'false']),
      c('then returning a promise', `Promise.resolve().then(() => Promise.resolve('inner')).then((v) => console.log(v)); Promise.resolve().then(() => console.log('a')).then(() => console.log('b')).then(() => console.log('c')).then(() => console.log('d'));`, ['a', 'b', 'c', 'inner', 'd']),
      c('thenable resolution', `const t = { then(res) { console.log('then called'); res('value'); } }; Promise.resolve(t).then((v) => console.log(v)); console.log('sync');`, ['sync', 'then called', 'value']),
    ],
  },
  {
    topic: 'then, catch, finally',
    cases: [
      c('catch skips fulfilled', `Promise.resolve(1).catch(() => console.log('no')).then((v) => console.log('value', v));`, ['value 1']),
      c('then rejection handler', `Promise.reject(new Error('boom')).then(() => console.log('no'), (e) => console.log('handled', e.message));`, ['handled boom']),
      c('finally costs two extra ticks', `Promise.resolve().finally(() => console.log('finally')).then(() => console.log('after finally')); Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3')).then(() => console.log('p4'));`, ['finally', 'p1', 'p2', 'p3', 'after finally', 'p4']),
      c('finally passes the value through', `Promise.resolve('kept').finally(() => 'ignored').then((v) => console.log(v));`, ['kept']),
      c('finally passes a rejection through', `Promise.reject('why').finally(() => console.log('cleanup')).catch((r) => console.log('caught', r));`, ['cleanup', 'caught why']),
      c('then without handlers passes through', `Promise.resolve(5).then().then((v) => console.log(v));`, ['5']),
    ],
  },
  {
    topic: 'Promise combinators',
    cases: [
      c('Promise.all order', `Promise.all([Promise.resolve(1), 2, new Promise((r) => setTimeout(() => r(3), 10))]).then((v) => console.log(v.join(',')));  Promise.resolve().then(() => console.log('tick'));`, ['tick', '1,2,3']),
      c('Promise.all rejects fast', `Promise.all([new Promise((r) => setTimeout(r, 50)), Promise.reject(new Error('nope'))]).catch((e) => console.log('all failed', e.message));`, ['all failed nope']),
      c('Promise.race', `Promise.race([new Promise((r) => setTimeout(() => r('slow'), 50)), new Promise((r) => setTimeout(() => r('fast'), 5))]).then((v) => console.log(v));`, ['fast']),
      c('Promise.allSettled', `Promise.allSettled([Promise.resolve(1), Promise.reject('x')]).then((r) => r.forEach((s) => console.log(s.status)));`, ['fulfilled', 'rejected']),
      c('Promise.any', `Promise.any([Promise.reject('a'), Promise.resolve('b')]).then((v) => console.log('any', v)); Promise.any([Promise.reject('a')]).catch((e) => console.log(e.constructor.name, e.errors.length));`, ['any b', 'AggregateError 1']),
      c('Promise.all of empty resolves at once', `Promise.all([]).then((v) => console.log('empty', v.length)); Promise.resolve().then(() => console.log('p1'));`, ['empty 0', 'p1']),
      c('Promise.all tick count', `Promise.all([1, 2]).then(() => console.log('all')); Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3'));`, ['p1', 'all', 'p2', 'p3']),
    ],
  },
  {
    topic: 'async functions, arrows, methods, generators and for-await',
    cases: [
      c('async method and arrow', `class A { async m() { await null; return 'method'; } } const arrow = async () => 'arrow'; new A().m().then(console.log); arrow().then(console.log);`, ['arrow', 'method']),
      c('two async functions interleave', `async function a() { console.log('a1'); await null; console.log('a2'); await null; console.log('a3'); } async function b() { console.log('b1'); await null; console.log('b2'); } a(); b();`, ['a1', 'b1', 'a2', 'b2', 'a3']),
      c('async generator with for await', `async function* gen() { yield 1; yield 2; } (async () => { for await (const v of gen()) console.log('got', v); console.log('done'); })(); Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3'));`, ['p1', 'got 1', 'p2', 'p3', 'got 2', 'done']),
      c('an async arrow returning inside an async generator does not await its return', `async function* g() { await (async () => { await null; return 4; })(); console.log('g after'); yield 1; } g().next().then(() => console.log('next done')); Promise.resolve().then(() => console.log('t1')).then(() => console.log('t2')).then(() => console.log('t3'));`, ['t1', 'g after', 't2', 't3', 'next done']),
      c('for await over promises', `(async () => { for await (const v of [Promise.resolve('x'), 'y']) console.log(v); })(); Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3'));`, ['p1', 'x', 'p2', 'p3', 'y']),
      c('sync generator', `function* g() { const x = yield 1; console.log('got', x); yield 2; } const it = g(); console.log(it.next().value); console.log(it.next('hi').value); console.log(it.next().done);`, ['1', 'got hi', '2', 'true']),
      c('spread of a generator', `function* range(n) { for (let i = 0; i < n; i++) yield i; } console.log([...range(4)].join('-'));`, ['0-1-2-3']),
    ],
  },
  {
    topic: 'errors and rejections',
    cases: [
      c('throw in then goes to catch', `Promise.resolve().then(() => { throw new Error('oops'); }).catch((e) => console.log('caught', e.message));`, ['caught oops']),
      c('throw in executor rejects', `new Promise(() => { throw new TypeError('bad'); }).catch((e) => console.log(e.name, e.message));`, ['TypeError bad']),
      c('throw in async function rejects', `async function f() { throw new Error('async fail'); } f().catch((e) => console.log('caught:', e.message)); console.log('sync');`, ['sync', 'caught: async fail']),
      c('try/catch/finally around await', `async function f() { try { await Promise.reject(new Error('x')); } catch (e) { console.log('catch', e.message); } finally { console.log('finally'); } return 'done'; } f().then(console.log);`, ['catch x', 'finally', 'done']),
      c('unhandled rejection ends the process', `Promise.reject(new Error('unhandled')); setTimeout(() => console.log('never'), 0); console.log('sync');`, ['sync'], { exitCode: 1 }),
      c('uncaught exception in a timer', `setTimeout(() => { console.log('t1'); throw new Error('boom'); }, 1); setTimeout(() => console.log('t2'), 50); process.nextTick(() => console.log('tick'));`, ['tick', 't1'], { exitCode: 1 }),
      c('rejection handled in the same drain is fine', `const p = Promise.reject(new Error('late')); Promise.resolve().then(() => p.catch((e) => console.log('late catch', e.message)));`, ['late catch late']),
      c('error properties', `try { null.x; } catch (e) { console.log(e instanceof TypeError, e.message); } try { undefinedName; } catch (e) { console.log(e.name, e.message); }`, ["true Cannot read properties of null (reading 'x')", 'ReferenceError undefinedName is not defined']),
      c('custom error class', `class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } } try { throw new MyError('custom'); } catch (e) { console.log(e.name, e.message, e instanceof Error, String(e)); }`, ['MyError custom true MyError: custom']),
    ],
  },
  {
    topic: 'timers',
    cases: [
      c('delay coercion 0, negative, NaN -> 1 ms, same list', `setTimeout(() => console.log('zero'), 0); setTimeout(() => console.log('negative'), -5); setTimeout(() => console.log('nan'), NaN); setTimeout(() => console.log('one'), 1);`, ['zero', 'negative', 'nan', 'one']),
      c('extra arguments', `setImmediate((v) => { console.log('imm', v); setTimeout((a, b) => console.log(a + b), 5, 'x', 'y'); }, 42); process.nextTick((a) => console.log('tick', a), 'arg');`, ['tick arg', 'imm 42', 'xy']),
      c('delays order', `setTimeout(() => console.log('100'), 100); setTimeout(() => console.log('10'), 10); setTimeout(() => console.log('50'), 50);`, ['10', '50', '100']),
      c('equal delays keep order', `setTimeout(() => console.log('a'), 10); setTimeout(() => console.log('b'), 10); setTimeout(() => console.log('c'), 10);`, ['a', 'b', 'c']),
      c('clearTimeout', `const t = setTimeout(() => console.log('cleared'), 10); setTimeout(() => console.log('kept'), 20); clearTimeout(t);`, ['kept']),
      c('setInterval and clearInterval', `let n = 0; const id = setInterval(() => { n++; console.log('tick', n); if (n === 3) clearInterval(id); }, 10);`, ['tick 1', 'tick 2', 'tick 3']),
      c('timer inside timer vs immediate: immediate first', `setTimeout(() => { setTimeout(() => console.log('timeout'), 0); setImmediate(() => console.log('immediate')); }, 5);`, ['immediate', 'timeout']),
      c('setTimeout 0 vs setImmediate in main is a race', `setTimeout(() => console.log('timeout'), 0); setImmediate(() => console.log('immediate'));`, ['immediate', 'timeout'], { deterministic: false }),
      c('close different delays are a race', `setTimeout(() => console.log('two'), 2); setTimeout(() => console.log('one'), 1);`, ['one', 'two'], { deterministic: false }),
      c('string delay', `setTimeout(() => console.log('late'), '50'); setTimeout(() => console.log('early'), '5');`, ['early', 'late']),
    ],
  },
  {
    topic: 'setImmediate and the check phase',
    cases: [
      c('immediate queued in check runs next turn', `setImmediate(() => { console.log('i1'); setImmediate(() => console.log('i3')); }); setImmediate(() => console.log('i2'));`, ['i1', 'i2', 'i3']),
      c('clearImmediate', `const i = setImmediate(() => console.log('no')); setImmediate(() => console.log('yes')); clearImmediate(i);`, ['yes']),
      c('a microtask between immediates can still clear the next one', `let b; setImmediate(() => { console.log('a'); Promise.resolve().then(() => { console.log('micro clears b'); clearImmediate(b); }); }); b = setImmediate(() => console.log('b'));`, ['a', 'micro clears b']),
      c('immediate clears a later immediate in the same turn', `let second; setImmediate(() => { console.log('first'); clearImmediate(second); }); second = setImmediate(() => console.log('second'));`, ['first']),
    ],
  },
  {
    topic: 'I/O callbacks in the poll phase',
    cases: [
      c('readFile callback after sync, ticks and promises', `const fs = require('fs'); fs.readFile(__filename, () => console.log('read')); process.nextTick(() => console.log('tick')); Promise.resolve().then(() => console.log('promise')); console.log('sync');`, ['sync', 'tick', 'promise', 'read']),
      c('inside I/O: immediate before timeout', `const fs = require('fs'); fs.readFile(__filename, () => { setTimeout(() => console.log('timeout'), 0); setImmediate(() => console.log('immediate')); });`, ['immediate', 'timeout']),
      c('fs.promises.readFile', `const fs = require('fs'); fs.promises.readFile(__filename, 'utf8').then((text) => console.log('length ok', text.length > 10)); console.log('first');`, ['first', 'length ok true']),
      c('immediate in first turn beats the read', `const fs = require('fs'); fs.readFile(__filename, () => console.log('read')); setImmediate(() => console.log('immediate'));`, ['immediate', 'read']),
      c('read vs timer is a race', `const fs = require('fs'); fs.readFile(__filename, () => console.log('read')); setTimeout(() => console.log('timeout'), 0);`, ['timeout', 'read'], { deterministic: false }),
    ],
  },
  {
    topic: 'CommonJS and ES module',
    cases: [
      c('ESM: promises before nextTick', `process.nextTick(() => console.log('tick')); Promise.resolve().then(() => console.log('promise'));`, ['promise', 'tick'], { module: 'module' }),
      c('ESM: top-level await', `console.log('before'); await null; console.log('after'); process.nextTick(() => console.log('tick')); Promise.resolve().then(() => console.log('p'));`, ['before', 'after', 'p', 'tick'], { module: 'module' }),
      c('ESM: import fs', `import { readFile } from 'fs'; readFile(import.meta.filename, () => console.log('read')); console.log('sync');`, ['sync', 'read'], { module: 'module' }),
    ],
  },
  {
    topic: 'language inside snippets',
    cases: [
      c('var vs let in loops', `for (var i = 0; i < 3; i++) setTimeout(() => console.log('var', i), 0); for (let j = 0; j < 3; j++) setTimeout(() => console.log('let', j), 0);`, ['var 3', 'var 3', 'var 3', 'let 0', 'let 1', 'let 2']),
      c('closures and counters', `function counter() { let n = 0; return () => ++n; } const next = counter(); next(); console.log(next(), next());`, ['2 3']),
      c('default and rest parameters', `function f(a, b = a * 2, ...rest) { return [a, b, rest.length].join(' '); } console.log(f(1)); console.log(f(1, 5, 7, 8));`, ['1 2 0', '1 5 2']),
      c('destructuring and spread', `const { a, b: { c = 3 } = {}, ...others } = { a: 1, d: 4, e: 5 }; const [x, , y = 9, ...zs] = [1, 2, undefined, 4, 5]; console.log(a, c, Object.keys(others).join(''), x, y, zs.length, Math.max(...[3, 7, 2]));`, ['1 3 de 1 9 2 7']),
      c('classes, this, static, getters, super', `class Animal { constructor(name) { this.name = name; } speak() { return this.name + ' makes a sound'; } static create(n) { return new this(n); } } class Dog extends Animal { speak() { return super.speak() + ' (woof)'; } get loud() { return this.speak().toUpperCase(); } } const d = Dog.create('Rex'); console.log(d.speak()); console.log(d.loud); console.log(d instanceof Animal);`, ['Rex makes a sound (woof)', 'REX MAKES A SOUND (WOOF)', 'true']),
      c('array methods', `const xs = [3, 1, 2]; console.log(xs.map((x) => x * 2).filter((x) => x > 2).join(',')); xs.push(4); console.log(xs.length, xs.sort().join(''), xs.includes(2), xs.indexOf(4)); xs.forEach((x, i) => { if (i === 0) console.log('first', x); }); console.log(xs.reduce((s, x) => s + x, 0));`, ['6,4', '4 1234 true 3', 'first 1', '10']),
      c('template literals and concatenation', "const name = 'loop'; console.log(`event ${name} ${1 + 2}`); console.log('a' + 1 + 2, 1 + 2 + 'b');", ['event loop 3', 'a12 3b']),
      c('switch, while, labels', `let out = []; let i = 0; while (true) { i++; switch (i % 3) { case 0: out.push('fizz'); break; case 1: out.push(i); default: out.push('x'); } if (i >= 4) break; } console.log(out.join(' '));`, ['1 x x fizz 4 x']),
      c('for of / for in', `for (const [k, v] of Object.entries({ a: 1, b: 2 })) console.log(k, v); for (const k in { x: 1, y: 2 }) console.log('key', k);`, ['a 1', 'b 2', 'key x', 'key y']),
      c('try/finally ordering', `function f() { try { return 'try'; } finally { console.log('finally runs'); } } console.log(f());`, ['finally runs', 'try']),
      c('Map and Set', `const m = new Map([['a', 1]]); m.set('b', 2); const s = new Set([1, 2, 2, 3]); console.log(m.size, s.size, [...m.keys()].join(''), s.has(2));`, ['2 3 ab true']),
      c('optional chaining and nullish', `const o = { a: { b: null } }; console.log(o.a?.b?.c, o.x?.y, o.a.b ?? 'dflt', o.f?.());`, ['undefined undefined dflt undefined']),
      c('tdz error', `try { console.log(x); let x = 1; } catch (e) { console.log(e.name); }`, ['ReferenceError']),
      c('const assignment error', `const k = 1; try { k = 2; } catch (e) { console.log(e.message); }`, ['Assignment to constant variable.']),
      c('sloppy-mode block functions are also vars (Annex B)', `if (true) { function f() { return 'hoisted'; } } console.log(f());`, ['hoisted']),
      c('functions print as their own source', `const add = (a, b) => a + b; console.log(String(add));`, ['(a, b) => a + b']),
      c('this in methods and arrows', `const o = { name: 'obj', regular() { return this.name; }, arrow: () => typeof this, nested() { return [1].map(() => this.name)[0]; } }; console.log(o.regular(), o.arrow(), o.nested());`, ['obj object obj']),
    ],
  },
  {
    topic: 'console.log formatting',
    cases: [
      c('primitives', `console.log(1, -0, 1.5, NaN, true, null, undefined, 'str', 10n);`, ['1 -0 1.5 NaN true null undefined str 10n']),
      c('arrays and objects', `console.log([1, 'a', [2, [3, [4, [5]]]]], { a: 1, 'b-c': 'x', nested: { deep: { deeper: { deepest: 1 } } } }, [], {});`, ["[ 1, 'a', [ 2, [ 3, [Array] ] ] ] { a: 1, 'b-c': 'x', nested: { deep: { deeper: [Object] } } } [] {}"]),
      c('strings inside objects are quoted', `console.log(["it's", 'say "hi"', 'both \\' and "'], { s: 'line\\nbreak' });`, [`[ "it's", 'say "hi"', \`both ' and "\` ] { s: 'line\\nbreak' }`]),
      c('functions and classes', `function named() {} class K {} class L extends K {} console.log(named, () => {}, K, L, async function af() {}, function* gf() {});`, ['[Function: named] [Function (anonymous)] [class K] [class L extends K] [AsyncFunction: af] [GeneratorFunction: gf]']),
      c('class instances', `class Point { constructor() { this.x = 1; this.y = 2; } } class Empty {} console.log(new Point(), new Empty());`, ['Point { x: 1, y: 2 } Empty {}']),
      c('promises', `const pending = new Promise(() => {}); const rejected = Promise.reject('no'); rejected.catch(() => {}); console.log(pending, Promise.resolve([1]), rejected);`, ["Promise { <pending> } Promise { [ 1 ] } Promise { <rejected> 'no' }"]),
      c('format specifiers', `console.log('%s has %d items costing %f', 'cart', 3, 9.5, 'extra'); console.log('%j', { a: [1] }); console.log('100%', 'sure'); console.log('%c styled', 'color: red');`, ['cart has 3 items costing 9.5 extra', '{"a":[1]}', '100% sure', ' styled']),
      c('Map, Set, symbols', `console.log(new Map([['k', { v: 1 }]]), new Set(['a']), Symbol('s'), { [Symbol('key')]: 1 });`, ["Map(1) { 'k' => { v: 1 } } Set(1) { 'a' } Symbol(s) { [Symbol(key)]: 1 }"]),
      c('getters and null prototype', `const o = { get g() { return 1; }, set s(v) {} }; console.log(o, Object.create(null));`, ['{ g: [Getter], s: [Setter] } [Object: null prototype] {}']),
      c('arrays up to six items stay on one line', `console.log([1, 2, 3, 4, 5, 6]);`, ['[ 1, 2, 3, 4, 5, 6 ]']),
    ],
  },
];
