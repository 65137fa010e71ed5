// Abstract operations of the language (ECMA-262 clause 7 and friends): reference lookup and assignment,
// coercions, property get/set with the engine's refusals, binary operators, and the exact texts V8
// uses for the TypeErrors and ReferenceErrors a snippet can print with `err.message`.
// The base of the evaluator's class chain: Operations <- Functions <- Interpreter.
import { ExitSignal, SimulationError, ThrowSignal, errorAt } from '../errors.ts';
import type { SourceRange } from '../types.ts';
import type { Coroutines } from './coroutines.ts';
import type { EngineHost } from '../host-interface.ts';
import { type Closure, type FunctionInfo, Scope, type ThisContext } from './scope.ts';
import { type AnyNode, type G, ReturnSignal, type Suspend } from './signals.ts';

export const MAX_CALL_DEPTH = 220;
export const MAX_STRING_LENGTH = 200_000;
export const MAX_ARRAY_LENGTH = 100_000;
/** At most this many steps through the generator evaluator (the budget before the fast path existed). */
export const SLOW_STEP_BUDGET = 200_000;

/** Converts an acorn node's location to a SourceRange (columns from 1). */
export function rangeOf(node: AnyNode | null | undefined): SourceRange | null {
  if (!node || !node.loc) return null;
  return {
    start: { line: node.loc.start.line, column: node.loc.start.column + 1 },
    end: { line: node.loc.end.line, column: node.loc.end.column + 1 },
  };
}

export function lineOf(node: AnyNode | null | undefined): number | null {
  return node?.loc ? node.loc.start.line : null;
}

export abstract class Operations {
  readonly closures = new WeakMap<Function, Closure>();
  protected readonly fnInfo = new WeakMap<AnyNode, FunctionInfo>();
  protected readonly blockDecls = new WeakMap<AnyNode, AnyNode[]>();
  /** The call expression being evaluated when a native function runs (console.log uses it for its card). */
  currentCall: AnyNode | null = null;
  depth = 0;
  /** Steps run so far (statements, expression nodes, loop iterations), by the evaluator and the fast path alike. */
  steps = 0;
  readonly stepBudget: number;
  /** Steps run by the generator evaluator itself, about 100 times slower per step than the fast path (compile.ts). */
  slowSteps = 0;
  /** The budget for those: a loop the fast path cannot take (and its trace) stays as small as before. */
  readonly slowStepBudget: number;
  globalScope!: Scope;
  globalObject!: Record<string, unknown>;
  /** Async functions and generators: set by the host, which creates them with its promise kit. */
  co!: Coroutines;
  /** Objects whose missing properties are refused rather than read as undefined (process, console, fs). */
  readonly strictObjects = new WeakSet<object>();
  /** Built-in objects the snippet may not modify (prototypes, constructors, Math...). */
  readonly intrinsics = new WeakSet<object>();
  /** Values whose mere reading is refused, with the reason (Math.random, Function...). */
  readonly refusedValues = new Map<unknown, string>();
  /** Global names that exist in Node but are not modelled: reading them is refused. */
  readonly unsupportedGlobals = new Set<string>();
  /** Block function declarations Annex B.3.3 does not copy to a var (an enclosing block declares the name). */
  readonly annexBBlocked = new WeakSet<AnyNode>();
  /** Global properties the snippet created by assigning an undeclared name in sloppy mode (deletable). */
  readonly implicitGlobals = new Set<string>();
  /** Native functions with a guard run before every call (size limits). */
  readonly nativeGuards = new Map<Function, (thisArg: unknown, args: unknown[], node: AnyNode) => void>();

  constructor(readonly host: EngineHost, stepBudget: number) {
    this.stepBudget = stepBudget;
    this.slowStepBudget = Math.min(stepBudget, SLOW_STEP_BUDGET);
  }

  /** Creates a JS error of the given constructor inside the simulation and wraps it for throwing. */
  jsError(ctor: ErrorConstructor, message: string): ThrowSignal {
    return new ThrowSignal(new ctor(message));
  }

  /**
   * An error whose exact V8 message the engine does not model: it can be thrown, caught and tested
   * (instanceof, name), but reading its message refuses the snippet at `node` instead of guessing.
   */
  unmodelledError(ctor: ErrorConstructor, node: AnyNode, what: string): ThrowSignal {
    const err = new ctor('');
    const refusal = errorAt('unsupported', `Unsupported: the snippet reads the message of ${what}, whose exact V8 wording is not modelled here`, node);
    Object.defineProperty(err, 'message', { get() { throw refusal; }, configurable: true, enumerable: false });
    return new ThrowSignal(err);
  }

  /** " (line N)" for the call a native function runs under (queue and promise labels). */
  currentLineSuffix(): string {
    const l = lineOf(this.currentCall);
    return l ? ` (line ${l})` : '';
  }

  /** A short rendering of a value for error messages. */
  inspectForError(v: unknown): string {
    if (typeof v === 'function') return v.name ? `function ${v.name}` : 'function';
    if (typeof v === 'string') return JSON.stringify(v);
    if (isObject(v)) return Array.isArray(v) ? 'array' : '#<Object>';
    return String(v);
  }

  protected tick(node: AnyNode): void {
    if (++this.steps > this.stepBudget || ++this.slowSteps > this.slowStepBudget) throw this.budgetExceeded(node);
  }

  /** The refusal for a snippet that ran out of steps: how many ran, and what to do about it. */
  budgetExceeded(node: AnyNode): SimulationError {
    const count = (n: number) => n.toLocaleString('en-US');
    const where = this.steps > this.stepBudget
      ? `the snippet ran ${count(this.stepBudget)} steps without finishing`
      : `the snippet ran ${count(this.slowStepBudget)} steps of code the fast path cannot take (await, yield, try, for-of...) without finishing`;
    return errorAt('budget', `Step budget exceeded: ${where}; simulate a smaller loop (fewer iterations or less work in each)`, node);
  }

  /** Converts an exception from native code into a simulated throw (natives may throw TypeError etc.). */
  protected fromHost(e: unknown, node: AnyNode): unknown {
    if (e instanceof ThrowSignal || e instanceof SimulationError || e instanceof ExitSignal || e instanceof ReturnSignal) return e;
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      return errorAt('budget', 'Runaway recursion: the call stack grew too deep to simulate', node);
    }
    if (e instanceof Error) return new ThrowSignal(e);
    return new ThrowSignal(e);
  }

  /** Drives a generator that must not suspend (synchronous code) to completion. */
  runSync<T>(gen: G<T>): T {
    const r = gen.next();
    if (!r.done) {
      const s = r.value as Suspend;
      throw errorAt('unsupported', `Unsupported: ${s.kind} outside an async function or generator`, s.node);
    }
    return r.value;
  }

  functionInfo(fnNode: AnyNode): FunctionInfo {
    let info = this.fnInfo.get(fnNode);
    if (info) return info;
    const varNames: string[] = [];
    const funcDecls: AnyNode[] = [];
    const blockFuncNames: string[] = [];
    let usesArguments = false;
    const body = fnNode.type === 'Program' || fnNode.type === 'StaticBlock' ? fnNode.body : fnNode.body.type === 'BlockStatement' ? fnNode.body.body : [];
    let strict = false;
    for (const stmt of body) {
      if (stmt.type === 'ExpressionStatement' && stmt.directive !== undefined) {
        if (stmt.directive === 'use strict') strict = true;
      } else break;
    }
    const collectNames = (pattern: AnyNode, out: string[]): void => {
      if (!pattern) return;
      switch (pattern.type) {
        case 'Identifier': out.push(pattern.name); break;
        case 'ObjectPattern': for (const p of pattern.properties) collectNames(p.type === 'RestElement' ? p.argument : p.value, out); break;
        case 'ArrayPattern': for (const e of pattern.elements) if (e) collectNames(e, out); break;
        case 'RestElement': collectNames(pattern.argument, out); break;
        case 'AssignmentPattern': collectNames(pattern.left, out); break;
      }
    };
    // Names declared with let/const/class by the blocks enclosing a statement (Annex B.3.3 does not hoist
    // a block function past a block that declares its name lexically).
    const lexicalNames = (stmts: AnyNode[]): string[] => {
      const out: string[] = [];
      for (const st of stmts) {
        if (st.type === 'VariableDeclaration' && st.kind !== 'var') for (const d of st.declarations) collectNames(d.id, out);
        else if (st.type === 'ClassDeclaration') out.push(st.id.name);
      }
      return out;
    };
    const walk = (node: AnyNode, top: boolean, lex: string[] = []): void => {
      if (!node || typeof node.type !== 'string') return;
      switch (node.type) {
        case 'FunctionDeclaration':
          if (top) funcDecls.push(node);
          // Annex B.3.3 covers plain function declarations only, not async functions or generators.
          else if (!node.async && !node.generator) {
            if (lex.includes(node.id.name)) this.annexBBlocked.add(node);
            else blockFuncNames.push(node.id.name);
          }
          return;
        case 'BlockStatement':
          lex = lex.concat(lexicalNames(node.body));
          break;
        case 'SwitchStatement':
          lex = lex.concat(lexicalNames(node.cases.flatMap((c: AnyNode) => c.consequent)));
          break;
        case 'ForStatement':
        case 'ForInStatement':
        case 'ForOfStatement': {
          const head = node.type === 'ForStatement' ? node.init : node.left;
          if (head && head.type === 'VariableDeclaration' && head.kind !== 'var') lex = lex.concat(lexicalNames([head]));
          break;
        }
        case 'FunctionExpression':
        case 'ClassDeclaration':
        case 'ClassExpression':
          // Nested functions have their own scope; only scan for `arguments` in arrows.
          if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') { scanArgs(node); }
          return;
        case 'ArrowFunctionExpression':
          scanArgs(node.body);
          for (const p of node.params) scanArgs(p);
          return;
        case 'Identifier':
          if (node.name === 'arguments') usesArguments = true;
          return;
        case 'VariableDeclaration':
          if (node.kind === 'var') for (const d of node.declarations) collectNames(d.id, varNames);
          break;
      }
      for (const key in node) {
        if (key === 'loc' || key === 'type') continue;
        const v = node[key];
        if (Array.isArray(v)) for (const c of v) walk(c, false, lex);
        else if (v && typeof v === 'object' && typeof v.type === 'string') walk(v, false, lex);
      }
    };
    const scanArgs = (node: AnyNode): void => {
      if (!node || typeof node.type !== 'string') return;
      if (node.type === 'Identifier') { if (node.name === 'arguments') usesArguments = true; return; }
      if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration') return;
      for (const key in node) {
        if (key === 'loc' || key === 'type') continue;
        const v = node[key];
        if (Array.isArray(v)) for (const c of v) scanArgs(c);
        else if (v && typeof v === 'object' && typeof v.type === 'string') scanArgs(v);
      }
    };
    for (const stmt of body) walk(stmt, true);
    for (const p of fnNode.params ?? []) walk(p, false);
    const simpleParams = !fnNode.params || fnNode.params.every((p: AnyNode) => p.type === 'Identifier');
    info = { varNames, funcDecls, blockFuncNames, usesArguments, simpleParams, strict };
    this.fnInfo.set(fnNode, info);
    return info;
  }

  protected patternNames(pattern: AnyNode, out: string[]): void {
    switch (pattern.type) {
      case 'Identifier': out.push(pattern.name); break;
      case 'ObjectPattern': for (const p of pattern.properties) this.patternNames(p.type === 'RestElement' ? p.argument : p.value, out); break;
      case 'ArrayPattern': for (const e of pattern.elements) if (e) this.patternNames(e, out); break;
      case 'RestElement': this.patternNames(pattern.argument, out); break;
      case 'AssignmentPattern': this.patternNames(pattern.left, out); break;
    }
  }

  protected lookup(name: string, scope: Scope, node: AnyNode): unknown {
    for (let s: Scope | null = scope; s; s = s.parent) {
      const b = s.vars.get(name);
      if (b) {
        if (!b.initialized) throw this.jsError(ReferenceError, `Cannot access '${name}' before initialization`);
        return b.value;
      }
    }
    if (Object.prototype.hasOwnProperty.call(this.globalObject, name)) return this.globalObject[name];
    if (this.unsupportedGlobals.has(name)) {
      throw errorAt('unsupported', `Unsupported: ${name} is not supported by the simulator`, node);
    }
    throw this.jsError(ReferenceError, `${name} is not defined`);
  }

  protected assignName(name: string, value: unknown, scope: Scope, node: AnyNode): void {
    for (let s: Scope | null = scope; s; s = s.parent) {
      const b = s.vars.get(name);
      if (b) {
        if (!b.initialized) throw this.jsError(ReferenceError, `Cannot access '${name}' before initialization`);
        if (!b.mutable) {
          if (b.sloppyConst && !scope.strict) return;
          throw this.jsError(TypeError, 'Assignment to constant variable.');
        }
        b.value = value;
        return;
      }
    }
    if (Object.prototype.hasOwnProperty.call(this.globalObject, name)) {
      this.globalObject[name] = value;
      return;
    }
    if (this.unsupportedGlobals.has(name)) {
      throw errorAt('unsupported', `Unsupported: ${name} is not supported by the simulator`, node);
    }
    if (scope.strict) throw this.jsError(ReferenceError, `${name} is not defined`);
    this.globalObject[name] = value;
    this.implicitGlobals.add(name);
  }

  protected initBinding(name: string, value: unknown, scope: Scope): void {
    const b = scope.vars.get(name);
    if (b) {
      b.value = value;
      b.initialized = true;
    } else {
      scope.declare(name, value, true, true);
    }
  }

  /** The innermost function (arrow or not) whose body the scope belongs to. */
  protected currentClosure(scope: Scope): Closure | null {
    for (let s: Scope | null = scope; s; s = s.parent) if (s.closure) return s.closure;
    return null;
  }

  protected thisContext(scope: Scope): ThisContext | null {
    for (let s: Scope | null = scope; s; s = s.parent) if (s.ctx) return s.ctx;
    return null;
  }

  /**
   * How V8's CallPrinter renders an expression in "x is not a function", "x is not iterable"...:
   * `o.a.b`, `o[k]`, `o.x-y` (string keys print after a dot), `[1,2]`, `(void 0)`, `(x + 1)`,
   * `f(...)`, `(intermediate value)`. Null for shapes whose rendering is not modelled.
   */
  describe(node: AnyNode): string | null {
    const d = (n: AnyNode): string | null => this.describe(n);
    switch (node.type) {
      case 'Identifier': return node.name;
      case 'ThisExpression': return 'this';
      case 'Super': return 'super';
      case 'MemberExpression': {
        const obj = d(node.object);
        if (obj === null) return null;
        const dot = node.optional ? '?.' : '.';
        if (!node.computed) return `${obj}${dot}${node.property.name}`;
        const p = node.property;
        if (p.type === 'Literal' && typeof p.value === 'string') return /["\n\\]/.test(p.value) ? null : `${obj}${dot}${p.value}`;
        const inner = d(p);
        return inner === null ? null : `${obj}${node.optional ? '?.' : ''}[${inner}]`;
      }
      case 'CallExpression': {
        const c = node.callee;
        if (c.type === 'FunctionExpression' || c.type === 'ArrowFunctionExpression' || c.type === 'ClassExpression') return '(intermediate value)(...)';
        const callee = d(c);
        return callee === null ? null : `${callee}${node.optional ? '?.' : ''}(...)`;
      }
      case 'ChainExpression': return d(node.expression);
      case 'Literal':
        if (node.regex || typeof node.bigint === 'string') return node.regex ? null : '(intermediate value)';
        if (typeof node.value === 'string') return /["\n\\]/.test(node.value) ? null : `"${node.value}"`;
        if (typeof node.value === 'number') return Number.isInteger(node.value) && Math.abs(node.value) < 1e21 ? String(node.value) : null;
        return String(node.value);
      case 'TemplateLiteral':
        return node.expressions.length === 0 && !/["\n\\]/.test(node.quasis[0].value.cooked) ? `"${node.quasis[0].value.cooked}"` : null;
      case 'ArrayExpression': {
        const parts: string[] = [];
        for (const el of node.elements) {
          if (el === null) return null;
          const t = el.type === 'SpreadElement' ? (d(el.argument) === null ? null : `(...${d(el.argument)})`) : d(el);
          if (t === null) return null;
          parts.push(t);
        }
        return `[${parts.join(',')}]`;
      }
      case 'ObjectExpression': return node.properties.length === 0 ? '{}' : null;
      case 'UnaryExpression': {
        const arg = d(node.argument);
        if (arg === null) return null;
        const space = node.operator === 'typeof' || node.operator === 'void' || node.operator === 'delete' ? ' ' : '';
        return `(${node.operator}${space}${arg})`;
      }
      case 'BinaryExpression': {
        const l = d(node.left);
        const r = d(node.right);
        return l === null || r === null ? null : `(${l} ${node.operator} ${r})`;
      }
      case 'SequenceExpression': {
        const parts = node.expressions.map(d);
        return parts.includes(null) ? null : `(${parts.join(' , ')})`;
      }
      case 'NewExpression':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'ClassExpression':
        return '(intermediate value)';
      default: return null;
    }
  }

  /** A TypeError whose message starts with how V8 renders `node` ("o.f is not a function"), or one that refuses to be read. */
  errorAbout(node: AnyNode | null, rest: string, fallbackName?: string): ThrowSignal {
    const text = node ? this.describe(node) : fallbackName ?? null;
    if (text === null) return this.unmodelledError(TypeError, node, `a "${rest.trim()}" TypeError for this expression`);
    return this.jsError(TypeError, `${text} ${rest}`);
  }

  /** How V8 names an object in "... of object '#<Object>'" and "Cannot delete property 'x' of #<Object>"; null if not modelled. */
  v8ObjectText(obj: object): string | null {
    if (Array.isArray(obj)) return '[object Array]';
    if (typeof obj === 'function') return null;
    let proto = Object.getPrototypeOf(obj);
    if (proto === null) return '[object Object]';
    while (proto) {
      const desc = Object.getOwnPropertyDescriptor(proto, 'constructor');
      if (desc && typeof desc.value === 'function') {
        const name = desc.value.name;
        return typeof name === 'string' && name !== '' ? `#<${name}>` : null;
      }
      proto = Object.getPrototypeOf(proto);
    }
    return null;
  }

  protected toNumber(v: unknown, node: AnyNode): number {
    try {
      return Number(v);
    } catch (e) {
      throw this.fromHost(e, node);
    }
  }

  protected toStringForConcat(v: unknown, node: AnyNode): string {
    if (typeof v === 'string') return v;
    if (typeof v === 'symbol') throw this.jsError(TypeError, 'Cannot convert a Symbol value to a string');
    try {
      return `${v as string}`;
    } catch (e) {
      throw this.fromHost(e, node);
    }
  }

  protected checkString(s: unknown, node: AnyNode): void {
    if (typeof s === 'string' && s.length > MAX_STRING_LENGTH) {
      throw errorAt('budget', `A string grew beyond ${MAX_STRING_LENGTH} characters`, node);
    }
  }

  binary(op: string, a: any, b: any, node: AnyNode): unknown {
    try {
      let r: unknown;
      switch (op) {
        case '+': r = a + b; this.checkString(r, node); return r;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return a / b;
        case '%': return a % b;
        case '**': return a ** b;
        case '==': return a == b;
        case '!=': return a != b;
        case '===': return a === b;
        case '!==': return a !== b;
        case '<': return a < b;
        case '<=': return a <= b;
        case '>': return a > b;
        case '>=': return a >= b;
        case '&': return a & b;
        case '|': return a | b;
        case '^': return a ^ b;
        case '<<': return a << b;
        case '>>': return a >> b;
        case '>>>': return a >>> b;
        case 'instanceof':
          if (!isObject(b)) throw this.jsError(TypeError, "Right-hand side of 'instanceof' is not an object");
          if (typeof b !== 'function') throw this.jsError(TypeError, "Right-hand side of 'instanceof' is not callable");
          return a instanceof b;
        case 'in':
          if (!isObject(b)) throw this.jsError(TypeError, `Cannot use 'in' operator to search for '${String(a)}' in ${String(b)}`);
          return this.toKey(a) in b;
      }
    } catch (e) {
      throw this.fromHost(e, node);
    }
    throw errorAt('unsupported', `Unsupported operator ${op}`, node);
  }

  toKey(v: unknown): PropertyKey {
    if (typeof v === 'symbol') return v;
    if (typeof v === 'string') return v;
    return String(v);
  }

  /** Reads obj[key] the way the snippet would, refusing what would leak the host or the wall clock. */
  getMember(obj: unknown, key: PropertyKey, node: AnyNode): unknown {
    if (obj === null || obj === undefined) {
      // V8 words a nullish Symbol.iterator read as "x is not iterable (cannot read property ...)".
      if (key === Symbol.iterator) throw this.unmodelledError(TypeError, node, 'a TypeError from reading Symbol.iterator of null or undefined');
      throw this.jsError(TypeError, `Cannot read properties of ${obj} (reading '${String(typeof key === 'symbol' ? key.toString() : key)}')`);
    }
    if (key === 'stack' && obj instanceof Error) {
      throw errorAt('unsupported', 'Unsupported: err.stack (a stack trace with file paths differs on every machine); log err.message instead', node);
    }
    if (key === '__proto__' || key === 'caller' || key === 'callee') {
      if (key !== '__proto__' || typeof obj === 'function') {
        throw errorAt('unsupported', `Unsupported: reading .${String(key)}`, node);
      }
    }
    let value: unknown;
    try {
      value = (obj as any)[key];
    } catch (e) {
      throw this.fromHost(e, node);
    }
    if (value === undefined && isObject(obj) && this.strictObjects.has(obj) && !(key in (obj as object))) {
      const owner = this.host.strictObjectName(obj);
      throw errorAt('unsupported', `Unsupported: ${owner}.${String(key)} is not supported by the simulator`, node);
    }
    if (value !== undefined && this.refusedValues.has(value)) {
      throw errorAt('unsupported', `Unsupported: ${this.refusedValues.get(value)}`, node);
    }
    return value;
  }

  protected checkWritable(obj: unknown, node: AnyNode): void {
    if (isObject(obj) && (this.intrinsics.has(obj as object) || this.strictObjects.has(obj as object))) {
      throw errorAt('unsupported', 'Unsupported: changing built-in objects (prototypes, console, process, Math...) is not supported', node);
    }
  }

  setMember(obj: unknown, key: PropertyKey, value: unknown, node: AnyNode, scope: Scope | null): void {
    if (obj === null || obj === undefined) {
      throw this.jsError(TypeError, `Cannot set properties of ${obj} (setting '${String(key)}')`);
    }
    if (!isObject(obj)) {
      if (scope?.strict) throw this.jsError(TypeError, `Cannot create property '${String(key)}' on ${typeof obj} '${String(obj)}'`);
      return;
    }
    if (!this.host.allowsWrite(obj, key)) this.checkWritable(obj, node);
    if (key === '__proto__') throw errorAt('unsupported', 'Unsupported: assigning __proto__', node);
    if (Array.isArray(obj) && key === 'length' && typeof value === 'number' && value > MAX_ARRAY_LENGTH) {
      throw errorAt('budget', `Arrays longer than ${MAX_ARRAY_LENGTH} items are not supported`, node);
    }
    let ok: boolean;
    try {
      ok = Reflect.set(obj, key, value);
    } catch (e) {
      throw this.fromHost(e, node);
    }
    if (!ok && (scope?.strict ?? true)) throw this.failedSet(obj, key, node);
  }

  /** The TypeError a failed [[Set]] throws in strict code, in V8's words. */
  protected failedSet(obj: object, key: PropertyKey, node: AnyNode): ThrowSignal {
    const name = typeof key === 'symbol' ? key.toString() : String(key);
    const text = this.v8ObjectText(obj);
    for (let o: object | null = obj; o; o = Object.getPrototypeOf(o)) {
      const desc = Object.getOwnPropertyDescriptor(o, key);
      if (!desc) continue;
      if ('value' in desc && !desc.writable && text !== null) return this.jsError(TypeError, `Cannot assign to read only property '${name}' of object '${text}'`);
      if (!('value' in desc) && !desc.set && text !== null) return this.jsError(TypeError, `Cannot set property ${name} of ${text} which has only a getter`);
      break;
    }
    if (!Object.isExtensible(obj) && !Object.prototype.hasOwnProperty.call(obj, key)) {
      return this.jsError(TypeError, `Cannot add property ${name}, object is not extensible`);
    }
    return this.unmodelledError(TypeError, node, 'a TypeError from a failed assignment');
  }
}

// ---------------------------------------------------------------- helpers

export function isObject(v: unknown): boolean {
  return (typeof v === 'object' && v !== null) || typeof v === 'function';
}

export function typeofValue(v: unknown): string {
  return typeof v;
}

export function propName(key: AnyNode): string {
  if (key.type === 'Identifier') return key.name;
  return String(key.value);
}
