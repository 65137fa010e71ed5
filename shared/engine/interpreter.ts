// The evaluator: walks the acorn AST of a snippet and runs it inside the simulated runtime.
// Evaluation functions are host generators: `await` and `yield` in the snippet become a host `yield`
// of a Suspend record that travels up to the coroutine driving that async function or generator, so
// an async function can stop mid-expression and resume from a microtask later. Calls between
// snippet functions delegate with `yield*`; when host code (Array.prototype.map, a promise job) calls a
// snippet function, `runSync` drives it to completion. Snippet functions are real host functions
// (so natives can call them); their AST and scope live in a side table.
import type { Node } from 'acorn';
import { ExitSignal, SimulationError, ThrowSignal, errorAt } from './errors.ts';
import type { Runtime } from './runtime.ts';
import type { SourceRange } from './types.ts';

type AnyNode = any;
/** What an `await` or `yield` hands to the coroutine driving the function. */
export interface Suspend {
  kind: 'await' | 'yield';
  value: unknown;
  node: AnyNode;
}
type G<T = unknown> = Generator<Suspend, T, any>;

/** Thrown into a suspended generator by `generator.return(v)`: unwinds through `finally` blocks. */
export class ReturnSignal {
  constructor(readonly value: unknown) {}
}

/** A statement's abrupt completion (break/continue/return); `undefined` means normal completion. */
type Completion = undefined | { type: 'break' | 'continue'; label: string | null } | { type: 'return'; value: unknown };

interface Binding {
  value: unknown;
  mutable: boolean;
  initialized: boolean;
}

/** What `this`, `super` and `new.target` mean inside one non-arrow function activation. */
interface ThisContext {
  thisValue: unknown;
  initialized: boolean;
  homeObject: object | null;
  newTarget: Function | undefined;
  closure: Closure | null;
  fnObject: Function | null;
}

export class Scope {
  readonly vars = new Map<string, Binding>();
  /** On a function's own scope: the function (arrows included) whose body this is. */
  closure: Closure | null = null;
  /** On a function's own scope: names made vars by sloppy-mode block functions (Annex B.3.3). */
  annexB: Set<string> | null = null;
  constructor(
    readonly parent: Scope | null,
    readonly isFunction: boolean,
    readonly ctx: ThisContext | null,
    readonly strict: boolean,
  ) {}
  declare(name: string, value: unknown, mutable: boolean, initialized: boolean): Binding {
    const b = { value, mutable, initialized };
    this.vars.set(name, b);
    return b;
  }
}

/** A snippet function: its AST, the scope it closes over and how it behaves when called. */
export interface Closure {
  node: AnyNode;
  scope: Scope;
  kind: 'function' | 'arrow' | 'method' | 'class' | 'getter' | 'setter';
  isAsync: boolean;
  isGenerator: boolean;
  strict: boolean;
  name: string;
  homeObject: object | null;
  /** For classes: instance fields to define, the parent class, whether derived. */
  fields?: { key: unknown; node: AnyNode }[];
  parent?: Function | null;
  derived?: boolean;
  /** For classes: the constructor method's AST (or null for the default constructor). */
  ctorNode?: AnyNode | null;
  /** "f (line 3)"-style description for the trace. */
  label: string;
  loc: SourceRange | null;
}

interface FunctionInfo {
  varNames: string[];
  funcDecls: AnyNode[];
  /** Function declarations inside blocks: in sloppy mode they also make a var (Annex B.3.3). */
  blockFuncNames: string[];
  usesArguments: boolean;
  simpleParams: boolean;
  strict: boolean;
}

const MAX_CALL_DEPTH = 220;
const MAX_STRING_LENGTH = 200_000;
const MAX_ARRAY_LENGTH = 100_000;

const HOLE = Symbol('uninitialised');

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

export class Interpreter {
  readonly closures = new WeakMap<Function, Closure>();
  private readonly fnInfo = new WeakMap<AnyNode, FunctionInfo>();
  private readonly blockDecls = new WeakMap<AnyNode, AnyNode[]>();
  /** The call expression being evaluated when a native function runs (console.log uses it for its card). */
  currentCall: AnyNode | null = null;
  depth = 0;
  steps = 0;
  readonly stepBudget: number;
  globalScope!: Scope;
  globalObject!: Record<string, unknown>;
  /** Objects whose missing properties are refused rather than read as undefined (process, console, fs). */
  readonly strictObjects = new WeakSet<object>();
  /** Built-in objects the snippet may not modify (prototypes, constructors, Math...). */
  readonly intrinsics = new WeakSet<object>();
  /** Values whose mere reading is refused, with the reason (Math.random, Function...). */
  readonly refusedValues = new Map<unknown, string>();
  /** Global names that exist in Node but are not modelled: reading them is refused. */
  readonly unsupportedGlobals = new Set<string>();
  /** Native functions with a guard run before every call (size limits). */
  readonly nativeGuards = new Map<Function, (thisArg: unknown, args: unknown[], node: AnyNode) => void>();

  constructor(readonly rt: Runtime, stepBudget: number) {
    this.stepBudget = stepBudget;
  }

  // ---------------------------------------------------------------- errors

  /** Creates a JS error of the given constructor inside the simulation and wraps it for throwing. */
  jsError(ctor: ErrorConstructor, message: string): ThrowSignal {
    return new ThrowSignal(new ctor(message));
  }

  private tick(node: AnyNode): void {
    if (++this.steps > this.stepBudget) {
      throw errorAt('budget', `Step budget exceeded: the snippet ran more than ${this.stepBudget} steps (an infinite loop or runaway recursion?)`, node);
    }
  }

  /** Converts an exception from native code into a simulated throw (natives may throw TypeError etc.). */
  private fromHost(e: unknown, node: AnyNode): unknown {
    if (e instanceof ThrowSignal || e instanceof SimulationError || e instanceof ExitSignal || e instanceof ReturnSignal) return e;
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      return errorAt('budget', 'Runaway recursion: the call stack grew too deep to simulate', node);
    }
    if (e instanceof Error) return new ThrowSignal(e);
    return new ThrowSignal(e);
  }

  // ---------------------------------------------------------------- program

  /** Runs the main script body (CommonJS wrapper function or module) as a generator. */
  *runProgram(program: AnyNode, scope: Scope): G<unknown> {
    this.hoistFunctionBody(program.body, scope, this.functionInfo(program), true);
    const c = yield* this.execStatements(program.body, scope);
    if (c && c.type === 'return') return c.value;
    return undefined;
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

  // ---------------------------------------------------------------- scopes and hoisting

  functionInfo(fnNode: AnyNode): FunctionInfo {
    let info = this.fnInfo.get(fnNode);
    if (info) return info;
    const varNames: string[] = [];
    const funcDecls: AnyNode[] = [];
    const blockFuncNames: string[] = [];
    let usesArguments = false;
    const body = fnNode.type === 'Program' ? fnNode.body : fnNode.body.type === 'BlockStatement' ? fnNode.body.body : [];
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
    const walk = (node: AnyNode, top: boolean): void => {
      if (!node || typeof node.type !== 'string') return;
      switch (node.type) {
        case 'FunctionDeclaration':
          if (top) funcDecls.push(node);
          // Annex B.3.3 covers plain function declarations only, not async functions or generators.
          else if (!node.async && !node.generator) blockFuncNames.push(node.id.name);
          return;
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
        if (Array.isArray(v)) for (const c of v) walk(c, false);
        else if (v && typeof v === 'object' && typeof v.type === 'string') walk(v, false);
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
    if (fnNode.type !== 'Program') for (const p of fnNode.params) walk(p, false);
    const simpleParams = fnNode.type === 'Program' || fnNode.params.every((p: AnyNode) => p.type === 'Identifier');
    info = { varNames, funcDecls, blockFuncNames, usesArguments, simpleParams, strict };
    this.fnInfo.set(fnNode, info);
    return info;
  }

  /** Declares `var` names and function declarations of a function body (or the script) in its scope. */
  private hoistFunctionBody(body: AnyNode[], scope: Scope, info: FunctionInfo, isProgram: boolean): void {
    for (const name of info.varNames) {
      if (!scope.vars.has(name)) scope.declare(name, undefined, true, true);
    }
    void body;
    void isProgram;
    for (const decl of info.funcDecls) {
      scope.declare(decl.id.name, this.makeFunction(decl, scope, 'function'), true, true);
    }
    this.declareLexical(body, scope, true);
    if (!scope.strict) {
      // Annex B.3.3: a sloppy-mode function declared in a block is also a var of the function, unless
      // that name is already declared with let/const/class here.
      for (const name of info.blockFuncNames) {
        if (scope.vars.has(name)) continue;
        scope.declare(name, undefined, true, true);
        (scope.annexB ??= new Set()).add(name);
      }
    }
  }

  /** Declares let/const/class (in their temporal dead zone) and block-level functions of a statement list. */
  private declareLexical(statements: AnyNode[], scope: Scope, functionTop: boolean): void {
    let decls = this.blockDecls.get(statements);
    if (!decls) {
      decls = [];
      for (const stmt of statements) {
        const s = stmt.type === 'ExportNamedDeclaration' && stmt.declaration ? stmt.declaration : stmt;
        if (s.type === 'VariableDeclaration' && s.kind !== 'var') decls.push(s);
        else if (s.type === 'ClassDeclaration') decls.push(s);
        else if (s.type === 'FunctionDeclaration' && !functionTop) decls.push(s);
        else if (s.type === 'ImportDeclaration') decls.push(s);
      }
      this.blockDecls.set(statements, decls);
    }
    for (const d of decls) {
      if (d.type === 'VariableDeclaration') {
        const names: string[] = [];
        for (const v of d.declarations) this.patternNames(v.id, names);
        for (const n of names) scope.declare(n, HOLE, d.kind !== 'const', false);
      } else if (d.type === 'ClassDeclaration') {
        scope.declare(d.id.name, HOLE, true, false);
      } else if (d.type === 'FunctionDeclaration') {
        scope.declare(d.id.name, this.makeFunction(d, scope, 'function'), true, true);
      } else if (d.type === 'ImportDeclaration') {
        this.rt.bindImport(d, scope);
      }
    }
  }

  private patternNames(pattern: AnyNode, out: string[]): void {
    switch (pattern.type) {
      case 'Identifier': out.push(pattern.name); break;
      case 'ObjectPattern': for (const p of pattern.properties) this.patternNames(p.type === 'RestElement' ? p.argument : p.value, out); break;
      case 'ArrayPattern': for (const e of pattern.elements) if (e) this.patternNames(e, out); break;
      case 'RestElement': this.patternNames(pattern.argument, out); break;
      case 'AssignmentPattern': this.patternNames(pattern.left, out); break;
    }
  }

  private lookup(name: string, scope: Scope, node: AnyNode): unknown {
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

  private assignName(name: string, value: unknown, scope: Scope, node: AnyNode): void {
    for (let s: Scope | null = scope; s; s = s.parent) {
      const b = s.vars.get(name);
      if (b) {
        if (!b.initialized) throw this.jsError(ReferenceError, `Cannot access '${name}' before initialization`);
        if (!b.mutable) throw this.jsError(TypeError, 'Assignment to constant variable.');
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
  }

  private initBinding(name: string, value: unknown, scope: Scope): void {
    const b = scope.vars.get(name);
    if (b) {
      b.value = value;
      b.initialized = true;
    } else {
      scope.declare(name, value, true, true);
    }
  }

  /** Annex B.3.3: evaluating a block's function declaration copies it to the function's var. */
  private annexBFunction(node: AnyNode, scope: Scope): void {
    const name = node.id.name;
    let fnScope: Scope | null = scope;
    while (fnScope && !fnScope.isFunction) fnScope = fnScope.parent;
    if (!fnScope?.annexB?.has(name)) return;
    let block: Scope | null = scope;
    while (block && !block.vars.has(name)) block = block.parent;
    const fn = block?.vars.get(name);
    const target = fnScope.vars.get(name);
    if (fn && target) target.value = fn.value;
  }

  /** The innermost function (arrow or not) whose body the scope belongs to. */
  private currentClosure(scope: Scope): Closure | null {
    for (let s: Scope | null = scope; s; s = s.parent) if (s.closure) return s.closure;
    return null;
  }

  private thisContext(scope: Scope): ThisContext | null {
    for (let s: Scope | null = scope; s; s = s.parent) if (s.ctx) return s.ctx;
    return null;
  }

  // ---------------------------------------------------------------- statements

  *execStatements(list: AnyNode[], scope: Scope): G<Completion> {
    for (let i = 0; i < list.length; i++) {
      const c = yield* this.execStatement(list[i], scope);
      if (c) return c;
    }
    return undefined;
  }

  private *execBlock(statements: AnyNode[], scope: Scope): G<Completion> {
    const inner = new Scope(scope, false, null, scope.strict);
    this.declareLexical(statements, inner, false);
    return yield* this.execStatements(statements, inner);
  }

  *execStatement(node: AnyNode, scope: Scope): G<Completion> {
    this.tick(node);
    switch (node.type) {
      case 'ExpressionStatement':
        yield* this.evaluate(node.expression, scope);
        return undefined;
      case 'VariableDeclaration':
        for (const d of node.declarations) {
          if (d.init) {
            const value = yield* this.evaluateNamed(d.init, scope, d.id.type === 'Identifier' ? d.id.name : '');
            yield* this.bindPattern(d.id, value, scope, node.kind);
          } else if (node.kind !== 'var') {
            yield* this.bindPattern(d.id, undefined, scope, node.kind);
          }
        }
        return undefined;
      case 'FunctionDeclaration':
        if (!scope.isFunction && !scope.strict) this.annexBFunction(node, scope);
        return undefined;
      case 'EmptyStatement':
      case 'DebuggerStatement':
      case 'ImportDeclaration':
        return undefined;
      case 'ClassDeclaration': {
        const cls = yield* this.evaluateClass(node, scope, node.id.name);
        this.initBinding(node.id.name, cls, scope);
        return undefined;
      }
      case 'ReturnStatement': {
        let value = node.argument ? yield* this.evaluate(node.argument, scope) : undefined;
        // In an async generator, `return x` awaits x (ECMA-262 ReturnStatement evaluation, step 3).
        const fn = this.currentClosure(scope);
        if (fn?.isAsync && fn.isGenerator) value = yield { kind: 'await', value, node };
        return { type: 'return', value };
      }
      case 'BlockStatement':
        return yield* this.execBlock(node.body, scope);
      case 'IfStatement':
        if (yield* this.evaluate(node.test, scope)) return yield* this.execStatement(node.consequent, scope);
        if (node.alternate) return yield* this.execStatement(node.alternate, scope);
        return undefined;
      case 'ThrowStatement':
        throw new ThrowSignal(yield* this.evaluate(node.argument, scope));
      case 'TryStatement':
        return yield* this.execTry(node, scope);
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
        return yield* this.execLoop(node, scope, null);
      case 'LabeledStatement': {
        const body = node.body;
        if (body.type.endsWith('Statement') && /^(While|DoWhile|For|ForIn|ForOf)Statement$/.test(body.type)) {
          return yield* this.execLoop(body, scope, node.label.name);
        }
        const c = yield* this.execStatement(body, scope);
        if (c && c.type === 'break' && c.label === node.label.name) return undefined;
        return c;
      }
      case 'BreakStatement':
        return { type: 'break', label: node.label ? node.label.name : null };
      case 'ContinueStatement':
        return { type: 'continue', label: node.label ? node.label.name : null };
      case 'SwitchStatement':
        return yield* this.execSwitch(node, scope);
      default:
        throw errorAt('unsupported', `Unsupported: ${node.type}`, node);
    }
  }

  private *execTry(node: AnyNode, scope: Scope): G<Completion> {
    let completion: Completion;
    let pending: unknown = HOLE;
    try {
      completion = yield* this.execBlock(node.block.body, scope);
    } catch (e) {
      if (e instanceof ThrowSignal && node.handler) {
        try {
          const catchScope = new Scope(scope, false, null, scope.strict);
          if (node.handler.param) yield* this.bindPattern(node.handler.param, e.value, catchScope, 'let');
          completion = yield* this.execBlock(node.handler.body.body, catchScope);
        } catch (e2) {
          if (e2 instanceof ThrowSignal || e2 instanceof ReturnSignal) pending = e2;
          else throw e2;
        }
      } else if (e instanceof ThrowSignal || e instanceof ReturnSignal) {
        pending = e;
      } else {
        throw e;
      }
    }
    if (node.finalizer) {
      const f = yield* this.execBlock(node.finalizer.body, scope);
      if (f) return f;
    }
    if (pending !== HOLE) throw pending;
    return completion;
  }

  private *execSwitch(node: AnyNode, scope: Scope): G<Completion> {
    const disc = yield* this.evaluate(node.discriminant, scope);
    const inner = new Scope(scope, false, null, scope.strict);
    const all: AnyNode[] = [];
    for (const c of node.cases) all.push(...c.consequent);
    this.declareLexical(all, inner, false);
    let matched = -1;
    for (let i = 0; i < node.cases.length; i++) {
      const c = node.cases[i];
      if (c.test && (yield* this.evaluate(c.test, inner)) === disc) { matched = i; break; }
    }
    if (matched < 0) matched = node.cases.findIndex((c: AnyNode) => !c.test);
    if (matched < 0) return undefined;
    for (let i = matched; i < node.cases.length; i++) {
      const c = yield* this.execStatements(node.cases[i].consequent, inner);
      if (c) {
        if (c.type === 'break' && c.label === null) return undefined;
        return c;
      }
    }
    return undefined;
  }

  /** Handles break/continue for a loop: returns 'break', 'continue' or the completion to propagate. */
  private loopControl(c: Completion, label: string | null): 'break' | 'continue' | Completion {
    if (!c) return 'continue';
    if (c.type === 'break' && (c.label === null || c.label === label)) return 'break';
    if (c.type === 'continue' && (c.label === null || c.label === label)) return 'continue';
    return c;
  }

  private *execLoop(node: AnyNode, scope: Scope, label: string | null): G<Completion> {
    switch (node.type) {
      case 'WhileStatement':
        while (yield* this.evaluate(node.test, scope)) {
          this.tick(node);
          const r = this.loopControl(yield* this.execStatement(node.body, scope), label);
          if (r === 'break') break;
          if (r !== 'continue') return r;
        }
        return undefined;
      case 'DoWhileStatement':
        do {
          this.tick(node);
          const r = this.loopControl(yield* this.execStatement(node.body, scope), label);
          if (r === 'break') break;
          if (r !== 'continue') return r;
        } while (yield* this.evaluate(node.test, scope));
        return undefined;
      case 'ForStatement': {
        let loopScope = scope;
        let perIteration: string[] = [];
        if (node.init && node.init.type === 'VariableDeclaration' && node.init.kind !== 'var') {
          loopScope = new Scope(scope, false, null, scope.strict);
          for (const d of node.init.declarations) this.patternNames(d.id, perIteration);
          for (const n of perIteration) loopScope.declare(n, HOLE, node.init.kind !== 'const', false);
          yield* this.execStatement(node.init, loopScope);
          if (node.init.kind === 'const') perIteration = [];
        } else if (node.init) {
          if (node.init.type === 'VariableDeclaration') yield* this.execStatement(node.init, scope);
          else yield* this.evaluate(node.init, scope);
        }
        // CreatePerIterationEnvironment: each iteration gets fresh copies of the let bindings,
        // which is why `for (let i...) setTimeout(() => log(i))` logs 0, 1, 2.
        const copy = (): void => {
          if (!perIteration.length) return;
          const next = new Scope(scope, false, null, scope.strict);
          for (const n of perIteration) {
            const b = loopScope.vars.get(n)!;
            next.declare(n, b.value, b.mutable, b.initialized);
          }
          loopScope = next;
        };
        copy();
        for (;;) {
          this.tick(node);
          if (node.test && !(yield* this.evaluate(node.test, loopScope))) break;
          const r = this.loopControl(yield* this.execStatement(node.body, loopScope), label);
          if (r === 'break') break;
          if (r !== 'continue') return r;
          copy();
          if (node.update) yield* this.evaluate(node.update, loopScope);
        }
        return undefined;
      }
      case 'ForInStatement': {
        const obj = yield* this.evaluate(node.right, scope);
        if (obj === null || obj === undefined) return undefined;
        const keys: string[] = [];
        for (const k in Object(obj)) keys.push(k);
        for (const key of keys) {
          this.tick(node);
          const iterScope = yield* this.bindLoopTarget(node.left, key, scope);
          const r = this.loopControl(yield* this.execStatement(node.body, iterScope), label);
          if (r === 'break') break;
          if (r !== 'continue') return r;
        }
        return undefined;
      }
      case 'ForOfStatement':
        return yield* this.execForOf(node, scope, label);
    }
    return undefined;
  }

  private *bindLoopTarget(left: AnyNode, value: unknown, scope: Scope): G<Scope> {
    if (left.type === 'VariableDeclaration') {
      if (left.kind === 'var') {
        yield* this.bindPattern(left.declarations[0].id, value, scope, 'var');
        return scope;
      }
      const iterScope = new Scope(scope, false, null, scope.strict);
      yield* this.bindPattern(left.declarations[0].id, value, iterScope, left.kind);
      return iterScope;
    }
    yield* this.assignPattern(left, value, scope);
    return scope;
  }

  /**
   * `for (x of iterable)` and `for await (x of iterable)`: the same loop, except that the async form
   * awaits each iterator result and the iterator's `return()` (ForIn/OfBodyEvaluation, AsyncIteratorClose).
   */
  private *execForOf(node: AnyNode, scope: Scope, label: string | null): G<Completion> {
    const isAsync = !!node.await;
    const iterable = yield* this.evaluate(node.right, scope);
    const iterator = isAsync ? this.rt.getAsyncIterator(iterable, node.right) : this.getIterator(iterable, node.right);
    const next = this.getMember(iterator, 'next', node);
    for (;;) {
      this.tick(node);
      let step = yield* this.callValue(next, iterator, [], node, 'next');
      if (isAsync) step = yield { kind: 'await', value: step, node };
      if (!isObject(step)) throw this.jsError(TypeError, `Iterator result ${this.rt.inspectForError(step)} is not an object`);
      if ((step as any).done) return undefined;
      let completion: Completion;
      try {
        const iterScope = yield* this.bindLoopTarget(node.left, (step as any).value, scope);
        const r = this.loopControl(yield* this.execStatement(node.body, iterScope), label);
        if (r === 'continue') continue;
        completion = r === 'break' ? undefined : r;
      } catch (e) {
        if (e instanceof ThrowSignal || e instanceof ReturnSignal) {
          // Closing after an abrupt exit: errors from return() lose to the original one.
          try { yield* this.closeIterator(iterator, node, isAsync); } catch (e2) { if (!(e2 instanceof ThrowSignal)) throw e2; }
        }
        throw e;
      }
      yield* this.closeIterator(iterator, node, isAsync);
      return completion;
    }
  }

  /** IteratorClose / AsyncIteratorClose: calls the iterator's return(), awaiting it for async loops. */
  private *closeIterator(iterator: unknown, node: AnyNode, isAsync: boolean): G<void> {
    const ret = this.getMember(iterator, 'return', node);
    if (ret === undefined || ret === null) return;
    let r = yield* this.callValue(ret, iterator, [], node, 'return');
    if (isAsync) r = yield { kind: 'await', value: r, node };
    if (!isObject(r)) throw this.jsError(TypeError, 'Iterator result is not an object');
  }

  getIterator(value: unknown, node: AnyNode): unknown {
    if (value === null || value === undefined) {
      throw this.jsError(TypeError, `${this.describe(node)} is not iterable`);
    }
    const method = (Object(value) as any)[Symbol.iterator];
    if (typeof method !== 'function') {
      throw this.jsError(TypeError, `${this.describe(node)} is not iterable`);
    }
    const it = this.callNative(method, value, [], node);
    if (!isObject(it)) throw this.jsError(TypeError, 'Result of the Symbol.iterator method is not an object');
    return it;
  }

  // ---------------------------------------------------------------- patterns

  /**
   * Binds a pattern to a value: a declaration (kind var/let/const) or, with kind 'assign', a
   * destructuring assignment whose leaves are plain assignment targets.
   */
  *bindPattern(pattern: AnyNode, value: unknown, scope: Scope, kind: string): G<void> {
    switch (pattern.type) {
      case 'Identifier':
        if (kind === 'var' || kind === 'assign') {
          this.assignName(pattern.name, value, scope, pattern);
        } else {
          this.initBinding(pattern.name, value, scope);
        }
        return;
      case 'AssignmentPattern': {
        if (value === undefined) {
          value = yield* this.evaluateNamed(pattern.right, scope, pattern.left.type === 'Identifier' ? pattern.left.name : '');
        }
        yield* this.bindPattern(pattern.left, value, scope, kind);
        return;
      }
      case 'ObjectPattern': {
        if (value === null || value === undefined) {
          throw this.jsError(TypeError, `Cannot destructure '${String(value)}' as it is ${value === null ? 'null' : 'undefined'}.`);
        }
        const used: PropertyKey[] = [];
        for (const prop of pattern.properties) {
          if (prop.type === 'RestElement') {
            const rest: Record<PropertyKey, unknown> = {};
            for (const k of Reflect.ownKeys(Object(value))) {
              if (used.includes(k)) continue;
              const desc = Object.getOwnPropertyDescriptor(Object(value), k);
              if (desc && desc.enumerable) rest[k] = (value as any)[k];
            }
            yield* this.bindPattern(prop.argument, rest, scope, kind);
          } else {
            const key = prop.computed ? this.toKey(yield* this.evaluate(prop.key, scope)) : propName(prop.key);
            used.push(key);
            yield* this.bindPattern(prop.value, this.getMember(value, key, prop), scope, kind);
          }
        }
        return;
      }
      case 'ArrayPattern': {
        const items = this.iterateToArray(value, pattern, pattern.elements.some((e: AnyNode) => e && e.type === 'RestElement') ? Infinity : pattern.elements.length);
        for (let i = 0; i < pattern.elements.length; i++) {
          const el = pattern.elements[i];
          if (!el) continue;
          if (el.type === 'RestElement') {
            yield* this.bindPattern(el.argument, items.slice(i), scope, kind);
            break;
          }
          yield* this.bindPattern(el, items[i], scope, kind);
        }
        return;
      }
      case 'MemberExpression':
        yield* this.assignPattern(pattern, value, scope);
        return;
      default:
        throw errorAt('unsupported', `Unsupported: ${pattern.type} in a binding`, pattern);
    }
  }

  /** Takes up to `limit` items from an iterable (array destructuring). */
  private iterateToArray(value: unknown, node: AnyNode, limit: number): unknown[] {
    if (Array.isArray(value) && (value as any)[Symbol.iterator] === Array.prototype[Symbol.iterator]) {
      return value.slice(0, limit === Infinity ? undefined : limit);
    }
    const it = this.getIterator(value, node) as any;
    const out: unknown[] = [];
    while (out.length < limit) {
      const step = this.callNative(it.next, it, [], node) as any;
      if (step.done) return out;
      out.push(step.value);
      if (out.length > MAX_ARRAY_LENGTH) throw errorAt('budget', 'Too many items produced by an iterator', node);
    }
    if (typeof it.return === 'function') this.callNative(it.return, it, [], node);
    return out;
  }

  /** Assigns to an assignment target (identifier, member, or destructuring pattern). */
  private *assignPattern(target: AnyNode, value: unknown, scope: Scope): G<void> {
    switch (target.type) {
      case 'Identifier':
        this.assignName(target.name, value, scope, target);
        return;
      case 'MemberExpression': {
        const obj = yield* this.evaluateObjectOf(target, scope);
        const key = target.computed ? this.toKey(yield* this.evaluate(target.property, scope)) : target.property.name;
        this.setMember(obj, key, value, target, scope);
        return;
      }
      case 'ObjectPattern':
      case 'ArrayPattern':
      case 'AssignmentPattern':
        yield* this.bindPattern(target, value, scope, 'assign');
        return;
      default:
        throw errorAt('unsupported', `Unsupported assignment target ${target.type}`, target);
    }
  }

  // ---------------------------------------------------------------- expressions

  /** Evaluates an expression, giving an anonymous function or class the name it is bound to. */
  private *evaluateNamed(node: AnyNode, scope: Scope, name: string): G<unknown> {
    if (name && (node.type === 'ArrowFunctionExpression' || (node.type === 'FunctionExpression' && !node.id))) {
      this.tick(node);
      return this.makeFunction(node, scope, node.type === 'ArrowFunctionExpression' ? 'arrow' : 'function', name);
    }
    if (name && node.type === 'ClassExpression' && !node.id) {
      this.tick(node);
      return yield* this.evaluateClass(node, scope, name);
    }
    return yield* this.evaluate(node, scope);
  }

  *evaluate(node: AnyNode, scope: Scope): G<unknown> {
    this.tick(node);
    switch (node.type) {
      case 'Literal':
        if (node.regex) return new RegExp(node.regex.pattern, node.regex.flags);
        if (typeof node.bigint === 'string') return BigInt(node.bigint);
        return node.value;
      case 'Identifier':
        if (node.name === 'undefined') {
          // `undefined` can be shadowed, but almost never is; look it up properly anyway.
          for (let s: Scope | null = scope; s; s = s.parent) {
            const b = s.vars.get('undefined');
            if (b) return b.value;
          }
          return undefined;
        }
        return this.lookup(node.name, scope, node);
      case 'ThisExpression':
        return this.thisValue(scope, node);
      case 'TemplateLiteral': {
        let s = node.quasis[0].value.cooked;
        for (let i = 0; i < node.expressions.length; i++) {
          const v = yield* this.evaluate(node.expressions[i], scope);
          s += this.toStringForConcat(v, node.expressions[i]) + node.quasis[i + 1].value.cooked;
          this.checkString(s, node);
        }
        return s;
      }
      case 'ArrayExpression': {
        const arr: unknown[] = [];
        for (const el of node.elements) {
          if (el.type === 'SpreadElement') {
            const v = yield* this.evaluate(el.argument, scope);
            for (const item of this.iterateToArray(v, el.argument, Infinity)) arr.push(item);
          } else {
            arr.push(yield* this.evaluate(el, scope));
          }
        }
        return arr;
      }
      case 'ObjectExpression':
        return yield* this.evaluateObject(node, scope);
      case 'FunctionExpression':
        return this.makeFunction(node, scope, 'function');
      case 'ArrowFunctionExpression':
        return this.makeFunction(node, scope, 'arrow');
      case 'ClassExpression':
        return yield* this.evaluateClass(node, scope, node.id ? node.id.name : '');
      case 'UnaryExpression':
        return yield* this.evaluateUnary(node, scope);
      case 'UpdateExpression': {
        const old = yield* this.evaluate(node.argument, scope);
        const num = typeof old === 'bigint' ? old : Number(old);
        const next = node.operator === '++' ? (num as number) + 1 : (num as number) - 1;
        yield* this.assignToReference(node.argument, next, scope);
        return node.prefix ? next : num;
      }
      case 'BinaryExpression': {
        const left = yield* this.evaluate(node.left, scope);
        const right = yield* this.evaluate(node.right, scope);
        return this.binary(node.operator, left, right, node);
      }
      case 'LogicalExpression': {
        const left = yield* this.evaluate(node.left, scope);
        if (node.operator === '&&') return left ? yield* this.evaluate(node.right, scope) : left;
        if (node.operator === '||') return left ? left : yield* this.evaluate(node.right, scope);
        return left === null || left === undefined ? yield* this.evaluate(node.right, scope) : left;
      }
      case 'ConditionalExpression':
        return (yield* this.evaluate(node.test, scope))
          ? yield* this.evaluate(node.consequent, scope)
          : yield* this.evaluate(node.alternate, scope);
      case 'AssignmentExpression':
        return yield* this.evaluateAssignment(node, scope);
      case 'SequenceExpression': {
        let v: unknown;
        for (const e of node.expressions) v = yield* this.evaluate(e, scope);
        return v;
      }
      case 'MemberExpression': {
        const obj = yield* this.evaluateObjectOf(node, scope);
        const key = node.computed ? this.toKey(yield* this.evaluate(node.property, scope)) : node.property.name;
        if (node.object.type === 'Super') return this.superGet(scope, key, node);
        return this.getMember(obj, key, node);
      }
      case 'ChainExpression':
        return yield* this.evaluateChain(node.expression, scope);
      case 'CallExpression':
        return yield* this.evaluateCall(node, scope);
      case 'NewExpression': {
        const ctor = yield* this.evaluate(node.callee, scope);
        const args = yield* this.evaluateArguments(node.arguments, scope);
        return yield* this.construct(ctor, args, ctor, node);
      }
      case 'AwaitExpression': {
        const v = yield* this.evaluate(node.argument, scope);
        return yield { kind: 'await', value: v, node };
      }
      case 'YieldExpression':
        return yield* this.evaluateYield(node, scope);
      case 'ParenthesizedExpression':
        return yield* this.evaluate(node.expression, scope);
      case 'MetaProperty':
        return this.rt.importMeta();
      default:
        throw errorAt('unsupported', `Unsupported: ${node.type}`, node);
    }
  }

  private *evaluateYield(node: AnyNode, scope: Scope): G<unknown> {
    const isAsync = !!this.currentClosure(scope)?.isAsync;
    let value = node.argument ? yield* this.evaluate(node.argument, scope) : undefined;
    if (node.delegate) {
      // Sync generators only (the parser gate refuses yield* in async generators).
      const iterator = this.getIterator(value, node.argument) as any;
      let received: unknown = undefined;
      let mode: 'next' | 'throw' | 'return' = 'next';
      for (;;) {
        let r: any;
        if (mode === 'next') r = this.callNative(iterator.next, iterator, [received], node);
        else if (mode === 'throw') {
          if (typeof iterator.throw !== 'function') throw this.jsError(TypeError, 'The iterator does not provide a \'throw\' method');
          r = this.callNative(iterator.throw, iterator, [received], node);
        } else {
          if (typeof iterator.return !== 'function') throw new ReturnSignal(received);
          r = this.callNative(iterator.return, iterator, [received], node);
          if (r.done) throw new ReturnSignal(r.value);
        }
        if (r.done) return r.value;
        try {
          received = yield { kind: 'yield', value: r.value, node };
          mode = 'next';
        } catch (e) {
          if (e instanceof ThrowSignal) { mode = 'throw'; received = e.value; }
          else if (e instanceof ReturnSignal) { mode = 'return'; received = e.value; }
          else throw e;
        }
      }
    }
    if (isAsync) value = yield { kind: 'await', value, node };
    return yield { kind: 'yield', value, node };
  }

  private *evaluateObjectOf(node: AnyNode, scope: Scope): G<unknown> {
    if (node.object.type === 'Super') return undefined;
    return yield* this.evaluate(node.object, scope);
  }

  private *evaluateChain(node: AnyNode, scope: Scope): G<unknown> {
    const SHORT = { short: true };
    const inner = function* (this: Interpreter, n: AnyNode): G<unknown> {
      if (n.type === 'MemberExpression') {
        const obj = yield* inner.call(this, n.object);
        if (obj === SHORT) return SHORT;
        if (n.optional && (obj === null || obj === undefined)) return SHORT;
        const key = n.computed ? this.toKey(yield* this.evaluate(n.property, scope)) : n.property.name;
        return this.getMember(obj, key, n);
      }
      if (n.type === 'CallExpression') {
        let thisArg: unknown = undefined;
        let fn: unknown;
        const callee = n.callee;
        if (callee.type === 'MemberExpression') {
          const obj = yield* inner.call(this, callee.object);
          if (obj === SHORT) return SHORT;
          if (callee.optional && (obj === null || obj === undefined)) return SHORT;
          const key = callee.computed ? this.toKey(yield* this.evaluate(callee.property, scope)) : callee.property.name;
          fn = this.getMember(obj, key, callee);
          thisArg = obj;
        } else {
          fn = yield* inner.call(this, callee);
          if (fn === SHORT) return SHORT;
        }
        if (n.optional && (fn === null || fn === undefined)) return SHORT;
        const args = yield* this.evaluateArguments(n.arguments, scope);
        return yield* this.callValue(fn, thisArg, args, n, this.describe(callee));
      }
      return yield* this.evaluate(n, scope);
    };
    const r = yield* inner.call(this, node);
    return r === SHORT ? undefined : r;
  }

  private *evaluateArguments(list: AnyNode[], scope: Scope): G<unknown[]> {
    const args: unknown[] = [];
    for (const a of list) {
      if (a.type === 'SpreadElement') {
        const v = yield* this.evaluate(a.argument, scope);
        for (const item of this.iterateToArray(v, a.argument, Infinity)) args.push(item);
      } else {
        args.push(yield* this.evaluate(a, scope));
      }
    }
    return args;
  }

  private *evaluateCall(node: AnyNode, scope: Scope): G<unknown> {
    const callee = node.callee;
    if (callee.type === 'Super') {
      const args = yield* this.evaluateArguments(node.arguments, scope);
      return yield* this.superCall(scope, args, node);
    }
    let fn: unknown;
    let thisArg: unknown = undefined;
    if (callee.type === 'MemberExpression') {
      if (callee.object.type === 'Super') {
        const key = callee.computed ? this.toKey(yield* this.evaluate(callee.property, scope)) : callee.property.name;
        fn = this.superGet(scope, key, callee);
        thisArg = this.thisValue(scope, callee);
      } else {
        const obj = yield* this.evaluate(callee.object, scope);
        const key = callee.computed ? this.toKey(yield* this.evaluate(callee.property, scope)) : callee.property.name;
        fn = this.getMember(obj, key, callee);
        thisArg = obj;
      }
    } else {
      fn = yield* this.evaluate(callee, scope);
    }
    const args = yield* this.evaluateArguments(node.arguments, scope);
    return yield* this.callValue(fn, thisArg, args, node, null);
  }

  /** The text V8 uses for a callee in "x is not a function". */
  describe(node: AnyNode): string {
    switch (node.type) {
      case 'Identifier': return node.name;
      case 'ThisExpression': return 'this';
      case 'Super': return 'super';
      case 'MemberExpression':
        if (node.computed) {
          const p = node.property;
          const inner = p.type === 'Literal' ? (typeof p.value === 'string' ? `"${p.value}"` : String(p.value)) : p.type === 'Identifier' ? p.name : '...';
          return `${this.describe(node.object)}[${inner}]`;
        }
        return `${this.describe(node.object)}.${node.property.name}`;
      case 'CallExpression': return `${this.describe(node.callee)}(...)`;
      case 'ChainExpression': return this.describe(node.expression);
      case 'Literal': return typeof node.value === 'string' ? `"${node.value}"` : String(node.value);
      default: return '(intermediate value)';
    }
  }

  /** Calls any callable value with `this` and arguments, from snippet code. */
  *callValue(fn: unknown, thisArg: unknown, args: unknown[], node: AnyNode, calleeText: string | null): G<unknown> {
    if (typeof fn !== 'function') {
      const text = calleeText ?? this.describe(node.callee ?? node);
      throw this.jsError(TypeError, `${text} is not a function`);
    }
    const closure = this.closures.get(fn);
    if (closure) return yield* this.callClosure(closure, fn, thisArg, args, undefined, node);
    return this.callNative(fn, thisArg, args, node);
  }

  /** Calls a host (native) function, turning its exceptions into simulated throws. */
  callNative(fn: Function, thisArg: unknown, args: unknown[], node: AnyNode): unknown {
    const guard = this.nativeGuards.get(fn);
    if (guard) guard(thisArg, args, node);
    const saved = this.currentCall;
    this.currentCall = node;
    try {
      return Reflect.apply(fn, thisArg, args);
    } catch (e) {
      throw this.fromHost(e, node);
    } finally {
      this.currentCall = saved;
    }
  }

  /** Calls a function from host code (promise jobs, timers): runs snippet functions to completion. */
  callFromHost(fn: unknown, thisArg: unknown, args: unknown[], node: AnyNode | null = null): unknown {
    if (typeof fn !== 'function') throw this.jsError(TypeError, `${this.rt.inspectForError(fn)} is not a function`);
    const closure = this.closures.get(fn);
    if (closure) return this.runSync(this.callClosure(closure, fn, thisArg, args, undefined, node));
    return this.callNative(fn, thisArg, args, node);
  }

  // ---------------------------------------------------------------- functions

  /** Creates the host function object for a snippet function. */
  makeFunction(node: AnyNode, scope: Scope, kind: Closure['kind'], nameOverride?: string, homeObject: object | null = null): Function {
    const info = this.functionInfo(node);
    const name = nameOverride ?? (node.id ? node.id.name : '');
    const closure: Closure = {
      node,
      scope,
      kind,
      isAsync: !!node.async,
      isGenerator: !!node.generator,
      strict: scope.strict || info.strict || kind === 'class',
      name,
      homeObject,
      label: `${name || 'anonymous'}${node.loc ? ` (line ${node.loc.start.line})` : ''}`,
      loc: rangeOf(node),
    };
    const interp = this;
    let fn: Function;
    if (kind === 'arrow') {
      fn = (...args: unknown[]) => interp.runSync(interp.callClosure(closure, fn, undefined, args, undefined, null));
    } else if (kind === 'function' && !closure.isAsync && !closure.isGenerator) {
      fn = function (this: unknown, ...args: unknown[]) {
        if (new.target) return interp.runSync(interp.construct(fn, args, new.target, null));
        return interp.runSync(interp.callClosure(closure, fn, this, args, undefined, null));
      };
    } else {
      fn = {
        m(this: unknown, ...args: unknown[]) {
          return interp.runSync(interp.callClosure(closure, fn, this, args, undefined, null));
        },
      }.m;
    }
    Object.defineProperty(fn, 'name', { value: kind === 'getter' ? `get ${name}` : kind === 'setter' ? `set ${name}` : name, configurable: true });
    Object.defineProperty(fn, 'length', { value: expectedArgumentCount(node.params), configurable: true });
    if (kind === 'function' && !closure.isAsync && !closure.isGenerator) {
      Object.defineProperty(fn, 'prototype', {
        value: Object.create(Object.prototype, { constructor: { value: fn, writable: true, configurable: true } }),
        writable: true,
      });
    }
    this.closures.set(fn, closure);
    this.defineSourceText(fn, node);
    return fn;
  }

  /** Gives a snippet function the toString Node would show: its own source text. */
  private defineSourceText(fn: Function, node: AnyNode): void {
    const text = this.rt.sourceText(node.start, node.end);
    Object.defineProperty(fn, 'toString', { value: () => text, writable: true, configurable: true, enumerable: false });
  }

  /** Runs a snippet function: sync bodies inline, async functions and generators through their drivers. */
  *callClosure(closure: Closure, fnObj: Function, thisArg: unknown, args: unknown[], newTarget: Function | undefined, node: AnyNode | null): G<unknown> {
    if (closure.kind === 'class' && !newTarget) {
      throw this.jsError(TypeError, `Class constructor ${closure.name} cannot be invoked without 'new'`);
    }
    if (this.depth >= MAX_CALL_DEPTH) {
      throw errorAt('budget', `Runaway recursion: more than ${MAX_CALL_DEPTH} nested calls`, node ?? closure.node);
    }
    if (closure.isAsync && !closure.isGenerator) return this.rt.startAsyncFunction(closure, fnObj, thisArg, args);
    if (closure.isGenerator) {
      const body = this.functionBody(closure, fnObj, thisArg, args, undefined);
      return closure.isAsync ? this.rt.makeAsyncGenerator(closure, body) : this.rt.makeGenerator(closure, body);
    }
    this.depth++;
    this.rt.pushFrame(closure.name || `anonymous function${closure.node.loc ? ` (line ${closure.node.loc.start.line})` : ''}`, closure.loc);
    try {
      return yield* this.functionBody(closure, fnObj, thisArg, args, newTarget);
    } finally {
      this.rt.popFrame();
      this.depth--;
    }
  }

  /**
   * The generator that binds parameters and runs a function's body; returns the return value.
   * With `newTarget` it is a [[Construct]]: `thisArg` is the new object (undefined in a derived class
   * until super() runs), a class runs its constructor (or the default one) and defines its fields,
   * and `holder.scope` receives the activation so `construct` can read the final `this`.
   */
  *functionBody(closure: Closure, fnObj: Function, thisArg: unknown, args: unknown[], newTarget: Function | undefined, holder?: { scope?: Scope }): G<unknown> {
    const node = closure.kind === 'class' ? closure.ctorNode : closure.node;
    let ctx: ThisContext | null = null;
    if (closure.kind !== 'arrow') {
      let thisValue = thisArg;
      if (!closure.strict && (thisValue === undefined || thisValue === null)) thisValue = this.globalObject;
      ctx = {
        thisValue,
        initialized: !(closure.kind === 'class' && closure.derived),
        homeObject: closure.homeObject,
        newTarget,
        closure,
        fnObject: fnObj,
      };
    }
    const scope = new Scope(closure.scope, true, ctx, closure.strict);
    scope.closure = closure;
    if (holder) holder.scope = scope;
    if (closure.kind === 'class') {
      if (!closure.derived) this.initFields(closure, thisArg as object);
      if (!node) {
        // The default constructor: constructor(...args) { super(...args); }
        if (closure.derived) yield* this.superCall(scope, args, closure.node);
        return undefined;
      }
    }
    const info = this.functionInfo(node);
    if (closure.kind !== 'arrow' && info.usesArguments) {
      scope.declare('arguments', makeArguments(args), true, true);
    }
    const params = node.params;
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      if (p.type === 'RestElement') {
        yield* this.bindPattern(p.argument, args.slice(i), scope, 'let');
        break;
      }
      yield* this.bindPattern(p, args[i], scope, 'let');
    }
    if (node.body.type !== 'BlockStatement') {
      // Concise arrow body.
      return yield* this.evaluate(node.body, scope);
    }
    const bodyScope = info.simpleParams ? scope : new Scope(scope, false, null, closure.strict);
    this.hoistFunctionBody(node.body.body, bodyScope, info, false);
    let c: Completion;
    try {
      c = yield* this.execStatements(node.body.body, bodyScope);
    } catch (e) {
      if (e instanceof ReturnSignal && closure.isGenerator) return e.value;
      throw e;
    }
    if (c && c.type === 'return') return c.value;
    return undefined;
  }

  private thisValue(scope: Scope, node: AnyNode): unknown {
    const ctx = this.thisContext(scope);
    if (!ctx) return this.rt.topLevelThis;
    if (!ctx.initialized) {
      throw this.jsError(ReferenceError, "Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
    }
    void node;
    return ctx.thisValue;
  }

  *construct(ctor: unknown, args: unknown[], newTarget: unknown, node: AnyNode | null): G<unknown> {
    if (typeof ctor !== 'function') {
      throw this.jsError(TypeError, `${node ? this.describe(node.callee) : this.rt.inspectForError(ctor)} is not a constructor`);
    }
    const closure = this.closures.get(ctor);
    if (!closure) {
      const guard = this.nativeGuards.get(ctor);
      if (guard) guard(undefined, args, node);
      if (this.rt.isUnconstructible(ctor)) {
        throw this.jsError(TypeError, `${node ? this.describe(node.callee) : ctor.name} is not a constructor`);
      }
      try {
        return Reflect.construct(ctor, args, newTarget as Function);
      } catch (e) {
        throw this.fromHost(e, node);
      }
    }
    if (closure.kind !== 'function' && closure.kind !== 'class' || closure.isAsync || closure.isGenerator) {
      throw this.jsError(TypeError, `${node ? this.describe(node.callee) : closure.name} is not a constructor`);
    }
    const proto = (newTarget as any).prototype;
    const thisObj = closure.kind === 'class' && closure.derived ? undefined : Object.create(isObject(proto) ? proto : Object.prototype);
    if (this.depth >= MAX_CALL_DEPTH) throw errorAt('budget', `Runaway recursion: more than ${MAX_CALL_DEPTH} nested calls`, node ?? closure.node);
    this.depth++;
    this.rt.pushFrame(closure.name || '(anonymous)', closure.loc);
    try {
      const scopeHolder: { scope?: Scope } = {};
      const gen = this.functionBody(closure, ctor, thisObj, args, newTarget as Function, scopeHolder);
      const result = yield* gen;
      if (isObject(result)) return result;
      const ctx = scopeHolder.scope?.ctx;
      if (ctx && !ctx.initialized) {
        throw this.jsError(ReferenceError, "Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
      }
      return ctx ? ctx.thisValue : thisObj;
    } finally {
      this.rt.popFrame();
      this.depth--;
    }
  }

  private initFields(closure: Closure, obj: object): void {
    if (!closure.fields) return;
    for (const f of closure.fields) {
      const fieldScope = new Scope(closure.scope, true, {
        thisValue: obj, initialized: true, homeObject: closure.homeObject, newTarget: undefined, closure: null, fnObject: null,
      }, true);
      const value = f.node.value ? this.runSync(this.evaluateNamed(f.node.value, fieldScope, typeof f.key === 'string' ? f.key : '')) : undefined;
      Object.defineProperty(obj, f.key as PropertyKey, { value, writable: true, enumerable: true, configurable: true });
    }
  }

  private *superCall(scope: Scope, args: unknown[], node: AnyNode): G<unknown> {
    const ctx = this.thisContext(scope);
    if (!ctx || !ctx.closure || ctx.closure.kind !== 'class') throw errorAt('unsupported', "'super' keyword unexpected here", node);
    if (ctx.initialized) throw this.jsError(ReferenceError, 'Super constructor may only be called once');
    const parent = Object.getPrototypeOf(ctx.fnObject);
    if (typeof parent !== 'function') throw this.jsError(TypeError, 'Super constructor is not a constructor');
    const obj = yield* this.construct(parent, args, ctx.newTarget, node);
    ctx.thisValue = obj;
    ctx.initialized = true;
    this.initFields(ctx.closure, obj as object);
    return undefined;
  }

  private superGet(scope: Scope, key: PropertyKey, node: AnyNode): unknown {
    const ctx = this.thisContext(scope);
    if (!ctx || !ctx.homeObject) throw errorAt('unsupported', "'super' keyword unexpected here", node);
    const proto = Object.getPrototypeOf(ctx.homeObject);
    if (proto === null) return undefined;
    return Reflect.get(proto, key, ctx.thisValue as object);
  }

  *evaluateClass(node: AnyNode, scope: Scope, name: string): G<Function> {
    let parent: Function | null = null;
    let protoParent: object | null = Object.prototype;
    if (node.superClass) {
      const p = yield* this.evaluate(node.superClass, scope);
      if (p === null) {
        protoParent = null;
      } else {
        if (typeof p !== 'function') throw this.jsError(TypeError, `Class extends value ${this.rt.inspectForError(p)} is not a constructor or null`);
        if (this.rt.isUnsubclassable(p)) {
          throw errorAt('unsupported', `Unsupported: extending ${p.name} is not supported by the simulator`, node.superClass);
        }
        parent = p;
        protoParent = p.prototype;
      }
    }
    const classScope = new Scope(scope, false, null, true);
    if (node.id) classScope.declare(node.id.name, HOLE, false, false);
    const proto = Object.create(protoParent);
    const ctorDef = node.body.body.find((m: AnyNode) => m.type === 'MethodDefinition' && m.kind === 'constructor');
    const closure: Closure = {
      node: ctorDef ? ctorDef.value : node,
      scope: classScope,
      kind: 'class',
      isAsync: false,
      isGenerator: false,
      strict: true,
      name,
      homeObject: proto,
      fields: [],
      parent,
      derived: !!node.superClass,
      ctorNode: ctorDef ? ctorDef.value : null,
      label: `class ${name || '(anonymous)'}${node.loc ? ` (line ${node.loc.start.line})` : ''}`,
      loc: rangeOf(node),
    };
    const interp = this;
    const cls = function (this: unknown, ...args: unknown[]) {
      if (!new.target) throw interp.jsError(TypeError, `Class constructor ${name} cannot be invoked without 'new'`);
      return interp.runSync(interp.construct(cls, args, new.target, null));
    };
    Object.defineProperty(cls, 'name', { value: name, configurable: true });
    Object.defineProperty(cls, 'length', { value: ctorDef ? expectedArgumentCount(ctorDef.value.params) : 0, configurable: true });
    Object.defineProperty(cls, 'prototype', { value: proto, writable: false });
    Object.defineProperty(proto, 'constructor', { value: cls, writable: true, configurable: true });
    if (parent) Object.setPrototypeOf(cls, parent);
    this.closures.set(cls, closure);
    this.defineSourceText(cls, node);
    for (const member of node.body.body) {
      if (member.type === 'MethodDefinition' && member.kind === 'constructor') continue;
      const target = member.static ? cls : proto;
      const key = member.computed ? this.toKey(yield* this.evaluate(member.key, classScope)) : propName(member.key);
      if (member.type === 'PropertyDefinition') {
        if (member.static) {
          const fieldScope = new Scope(classScope, true, { thisValue: cls, initialized: true, homeObject: cls, newTarget: undefined, closure: null, fnObject: null }, true);
          const value = member.value ? yield* this.evaluateNamed(member.value, fieldScope, typeof key === 'string' ? key : '') : undefined;
          Object.defineProperty(cls, key, { value, writable: true, enumerable: true, configurable: true });
        } else {
          closure.fields!.push({ key, node: member });
        }
        continue;
      }
      const kind = member.kind === 'get' ? 'getter' : member.kind === 'set' ? 'setter' : 'method';
      const fn = this.makeFunction(member.value, classScope, kind, typeof key === 'symbol' ? `[${key.description}]` : String(key), target);
      if (kind === 'method') {
        Object.defineProperty(target, key, { value: fn, writable: true, enumerable: false, configurable: true });
      } else {
        const existing = Object.getOwnPropertyDescriptor(target, key) ?? {};
        Object.defineProperty(target, key, {
          get: kind === 'getter' ? (fn as () => unknown) : existing.get,
          set: kind === 'setter' ? (fn as (v: unknown) => void) : existing.set,
          enumerable: false,
          configurable: true,
        });
      }
    }
    if (node.id) {
      const b = classScope.vars.get(node.id.name)!;
      b.value = cls;
      b.initialized = true;
    }
    return cls;
  }

  private *evaluateObject(node: AnyNode, scope: Scope): G<unknown> {
    const obj: Record<PropertyKey, unknown> = {};
    for (const prop of node.properties) {
      if (prop.type === 'SpreadElement') {
        const v = yield* this.evaluate(prop.argument, scope);
        if (v !== null && v !== undefined) Object.assign(obj, v);
        continue;
      }
      const key = prop.computed ? this.toKey(yield* this.evaluate(prop.key, scope)) : propName(prop.key);
      if (!prop.computed && key === '__proto__' && prop.kind === 'init' && !prop.shorthand && !prop.method) {
        const v = yield* this.evaluate(prop.value, scope);
        if (isObject(v) || v === null) Object.setPrototypeOf(obj, v as object | null);
        continue;
      }
      const fname = typeof key === 'symbol' ? `[${key.description}]` : String(key);
      if (prop.kind === 'get' || prop.kind === 'set') {
        const fn = this.makeFunction(prop.value, scope, prop.kind === 'get' ? 'getter' : 'setter', fname, obj);
        const existing = Object.getOwnPropertyDescriptor(obj, key) ?? {};
        Object.defineProperty(obj, key, {
          get: prop.kind === 'get' ? (fn as () => unknown) : existing.get,
          set: prop.kind === 'set' ? (fn as (v: unknown) => void) : existing.set,
          enumerable: true,
          configurable: true,
        });
        continue;
      }
      let value: unknown;
      if (prop.method) value = this.makeFunction(prop.value, scope, 'method', fname, obj);
      else value = yield* this.evaluateNamed(prop.value, scope, fname);
      Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
    }
    return obj;
  }

  private *evaluateUnary(node: AnyNode, scope: Scope): G<unknown> {
    const op = node.operator;
    if (op === 'typeof' && node.argument.type === 'Identifier') {
      const name = node.argument.name;
      for (let s: Scope | null = scope; s; s = s.parent) {
        const b = s.vars.get(name);
        if (b) {
          if (!b.initialized) throw this.jsError(ReferenceError, `Cannot access '${name}' before initialization`);
          return typeofValue(b.value);
        }
      }
      if (Object.prototype.hasOwnProperty.call(this.globalObject, name)) return typeofValue(this.globalObject[name]);
      if (this.unsupportedGlobals.has(name)) throw errorAt('unsupported', `Unsupported: ${name} is not supported by the simulator`, node.argument);
      return 'undefined';
    }
    if (op === 'delete') {
      const arg = node.argument;
      if (arg.type !== 'MemberExpression') return true;
      const obj = yield* this.evaluate(arg.object, scope);
      const key = arg.computed ? this.toKey(yield* this.evaluate(arg.property, scope)) : arg.property.name;
      if (obj === null || obj === undefined) throw this.jsError(TypeError, `Cannot convert undefined or null to object`);
      this.checkWritable(obj, arg);
      const ok = Reflect.deleteProperty(Object(obj), key);
      if (!ok && scope.strict) throw this.jsError(TypeError, `Cannot delete property '${String(key)}' of ${this.rt.inspectForError(obj)}`);
      return ok;
    }
    const v = yield* this.evaluate(node.argument, scope);
    switch (op) {
      case 'typeof': return typeofValue(v);
      case '!': return !v;
      case '-': return -(v as number);
      case '+':
        if (typeof v === 'bigint') throw this.jsError(TypeError, 'Cannot convert a BigInt value to a number');
        return this.toNumber(v, node);
      case '~': return ~(v as number);
      case 'void': return undefined;
    }
    throw errorAt('unsupported', `Unsupported operator ${op}`, node);
  }

  private toNumber(v: unknown, node: AnyNode): number {
    try {
      return Number(v);
    } catch (e) {
      throw this.fromHost(e, node);
    }
  }

  private toStringForConcat(v: unknown, node: AnyNode): string {
    if (typeof v === 'string') return v;
    if (typeof v === 'symbol') throw this.jsError(TypeError, 'Cannot convert a Symbol value to a string');
    try {
      return `${v as string}`;
    } catch (e) {
      throw this.fromHost(e, node);
    }
  }

  private checkString(s: unknown, node: AnyNode): void {
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

  private *evaluateAssignment(node: AnyNode, scope: Scope): G<unknown> {
    const op = node.operator;
    const target = node.left;
    if (op === '=') {
      if (target.type === 'ObjectPattern' || target.type === 'ArrayPattern') {
        const value = yield* this.evaluate(node.right, scope);
        yield* this.bindPattern(target, value, scope, 'assign');
        return value;
      }
      if (target.type === 'MemberExpression') {
        const obj = yield* this.evaluateObjectOf(target, scope);
        const key = target.computed ? this.toKey(yield* this.evaluate(target.property, scope)) : target.property.name;
        const value = yield* this.evaluate(node.right, scope);
        this.setMember(obj, key, value, target, scope);
        return value;
      }
      const value = yield* this.evaluateNamed(node.right, scope, target.type === 'Identifier' ? target.name : '');
      this.assignName(target.name, value, scope, target);
      return value;
    }
    // Compound and logical assignment: read the target once, then write.
    let obj: unknown;
    let key: PropertyKey = '';
    let current: unknown;
    if (target.type === 'MemberExpression') {
      obj = yield* this.evaluateObjectOf(target, scope);
      key = target.computed ? this.toKey(yield* this.evaluate(target.property, scope)) : target.property.name;
      current = this.getMember(obj, key, target);
    } else {
      current = this.lookup(target.name, scope, target);
    }
    let value: unknown;
    if (op === '&&=' || op === '||=' || op === '??=') {
      const shortCircuit = op === '&&=' ? !current : op === '||=' ? !!current : current !== null && current !== undefined;
      if (shortCircuit) return current;
      value = yield* this.evaluateNamed(node.right, scope, target.type === 'Identifier' ? target.name : '');
    } else {
      const right = yield* this.evaluate(node.right, scope);
      value = this.binary(op.slice(0, -1), current, right, node);
    }
    if (target.type === 'MemberExpression') this.setMember(obj, key, value, target, scope);
    else this.assignName(target.name, value, scope, target);
    return value;
  }

  private *assignToReference(target: AnyNode, value: unknown, scope: Scope): G<void> {
    if (target.type === 'Identifier') {
      this.assignName(target.name, value, scope, target);
      return;
    }
    if (target.type === 'MemberExpression') {
      const obj = yield* this.evaluateObjectOf(target, scope);
      const key = target.computed ? this.toKey(yield* this.evaluate(target.property, scope)) : target.property.name;
      this.setMember(obj, key, value, target, scope);
      return;
    }
    throw errorAt('unsupported', 'Invalid assignment target', target);
  }

  // ---------------------------------------------------------------- properties

  toKey(v: unknown): PropertyKey {
    if (typeof v === 'symbol') return v;
    if (typeof v === 'string') return v;
    return String(v);
  }

  /** Reads obj[key] the way the snippet would, refusing what would leak the host or the wall clock. */
  getMember(obj: unknown, key: PropertyKey, node: AnyNode): unknown {
    if (obj === null || obj === undefined) {
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
      const owner = this.rt.strictObjectName(obj);
      throw errorAt('unsupported', `Unsupported: ${owner}.${String(key)} is not supported by the simulator`, node);
    }
    if (value !== undefined && this.refusedValues.has(value)) {
      throw errorAt('unsupported', `Unsupported: ${this.refusedValues.get(value)}`, node);
    }
    return value;
  }

  private checkWritable(obj: unknown, node: AnyNode): void {
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
    this.checkWritable(obj, node);
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
    if (!ok && (scope?.strict ?? true)) {
      throw this.jsError(TypeError, `Cannot assign to read only property '${String(key)}' of object '${this.rt.inspectForError(obj)}'`);
    }
  }
}

// ---------------------------------------------------------------- helpers

export function isObject(v: unknown): boolean {
  return (typeof v === 'object' && v !== null) || typeof v === 'function';
}

function typeofValue(v: unknown): string {
  return typeof v;
}

function propName(key: AnyNode): string {
  if (key.type === 'Identifier') return key.name;
  return String(key.value);
}

function expectedArgumentCount(params: AnyNode[]): number {
  let n = 0;
  for (const p of params) {
    if (p.type === 'AssignmentPattern' || p.type === 'RestElement') break;
    n++;
  }
  return n;
}

function makeArguments(args: unknown[]): unknown {
  return (function (..._a: unknown[]) {
    // eslint-disable-next-line prefer-rest-params
    return arguments;
  })(...args);
}

export type { Node };
