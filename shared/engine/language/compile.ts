// The fast path for plain synchronous code ("heavy computation blocks the loop").
//
// The evaluator walks the AST with host generators, so that `await` and `yield` can suspend anywhere;
// that costs a generator object per node visited and makes a loop of 10^7 iterations take a minute.
// A loop that contains no `await` / `yield` (outside nested functions) never suspends, so it can run
// without generators. This module compiles such a loop, once per AST node, into host closures
// (`(scope) => value`), and the bodies of small plain functions the loop calls likewise.
//
// The compiled code is the evaluator, unrolled: it works on the same Scope and Binding objects, calls
// the same helpers for everything with rules (getMember, setMember, binary, lookup, assignName,
// makeFunction, ...) and ticks the step counter exactly where the evaluator ticks (one step per
// statement, per expression node and per loop iteration), so results, thrown errors and the budget
// are the same on both paths. Only the hot, rule-free node kinds are compiled natively; every other
// node is handed back to the evaluator as is (`runSync(evaluate(node))`), so a construct the
// evaluator changes is picked up here without a second copy of its rules. The test of all this is
// tests/engine-fast-path.test.ts: programs run with and without the fast path must agree on output,
// errors and step counts, and agree with real node.
import { SimulationError, ThrowSignal, errorAt } from '../errors.ts';
import { MAX_CALL_DEPTH, propName } from './operations.ts';
import { HOLE, Scope, type Binding, type Closure, type FunctionInfo } from './scope.ts';
import type { AnyNode, Completion } from './signals.ts';

type Expr = (scope: Scope) => unknown;
type Stmt = (scope: Scope) => Completion;
/** A compiled loop: runs it in `scope` under `label` and returns its completion. */
export type CompiledLoop = (scope: Scope, label: string | null) => Completion;

/**
 * The parts of the evaluator the compiled code calls. Every method here is the evaluator's own, so
 * the rules (V8's error messages, refusals, size guards) live in one place.
 */
export interface EvaluatorPort {
  steps: number;
  stepBudget: number;
  depth: number;
  readonly closures: WeakMap<Function, Closure>;
  readonly host: { pushFrame(name: string, loc: Closure['loc']): void; popFrame(): void };
  budgetExceeded(node: AnyNode): Error;
  runSync<T>(gen: Generator<unknown, T, any>): T;
  evaluate(node: AnyNode, scope: Scope): Generator<unknown, unknown, any>;
  evaluateNamed(node: AnyNode, scope: Scope, name: string): Generator<unknown, unknown, any>;
  execStatement(node: AnyNode, scope: Scope): Generator<unknown, Completion, any>;
  callValue(fn: unknown, thisArg: unknown, args: unknown[], node: AnyNode, calleeText: string | null): Generator<unknown, unknown, any>;
  callNative(fn: Function, thisArg: unknown, args: unknown[], node: AnyNode): unknown;
  lookup(name: string, scope: Scope, node: AnyNode): unknown;
  assignName(name: string, value: unknown, scope: Scope, node: AnyNode): void;
  initBinding(name: string, value: unknown, scope: Scope): void;
  declareLexical(statements: AnyNode[], scope: Scope, functionTop: boolean): void;
  hoistFunctionBody(body: AnyNode[], scope: Scope, info: FunctionInfo, isProgram: boolean): void;
  functionInfo(node: AnyNode): FunctionInfo;
  currentClosure(scope: Scope): Closure | null;
  getMember(obj: unknown, key: PropertyKey, node: AnyNode): unknown;
  setMember(obj: unknown, key: PropertyKey, value: unknown, node: AnyNode, scope: Scope | null): void;
  toKey(v: unknown): PropertyKey;
  toNumber(v: unknown, node: AnyNode): number;
  thisValue(scope: Scope, node: AnyNode): unknown;
  construct(ctor: unknown, args: unknown[], newTarget: unknown, node: AnyNode | null): Generator<unknown, unknown, any>;
  binary(op: string, a: unknown, b: unknown, node: AnyNode): unknown;
  toStringForConcat(v: unknown, node: AnyNode): string;
  checkString(s: unknown, node: AnyNode): void;
}

const NOT_COMPILED = null;
const FUNCTION_NODES = new Set(['FunctionExpression', 'FunctionDeclaration', 'ArrowFunctionExpression']);
const CLOSURE_NODES = new Set([...FUNCTION_NODES, 'ClassExpression', 'ClassDeclaration']);
const LOOP_NODES = new Set(['ForStatement', 'WhileStatement', 'DoWhileStatement']);

/** Visits every node under `node` (not `node` itself), not entering nested function bodies unless `intoFunctions`. */
function someNode(node: AnyNode, test: (n: AnyNode) => boolean, enter: (n: AnyNode) => boolean): boolean {
  for (const key in node) {
    if (key === 'loc' || key === 'type' || key === 'start' || key === 'end') continue;
    const v = node[key];
    if (Array.isArray(v)) {
      for (const c of v) if (c && typeof c.type === 'string' && (test(c) || (enter(c) && someNode(c, test, enter)))) return true;
    } else if (v && typeof v === 'object' && typeof v.type === 'string') {
      if (test(v) || (enter(v) && someNode(v, test, enter))) return true;
    }
  }
  return false;
}

/** True when running `node` can suspend its coroutine: an await, a yield or a for-await loop outside nested functions. */
export function canSuspend(node: AnyNode): boolean {
  return someNode(
    node,
    (n) => n.type === 'AwaitExpression' || n.type === 'YieldExpression' || (n.type === 'ForOfStatement' && n.await),
    (n) => !FUNCTION_NODES.has(n.type),
  );
}

/** The compiler of one Interpreter: compiled code is cached per AST node. */
export class FastPath {
  private readonly loops = new WeakMap<AnyNode, { run: CompiledLoop; returns: boolean } | null>();
  private readonly bodies = new WeakMap<AnyNode, FastBody | null>();
  /** Nodes handed back to the evaluator so far (a body with none cannot let its scope escape). */
  private genericUses = 0;
  /** Budget refusals already placed at their innermost loop. */
  private readonly located = new WeakSet<Error>();

  constructor(private readonly I: EvaluatorPort) {}

  /**
   * The compiled form of a for/while/do-while loop about to run in `scope`, or null when the loop must
   * go through the evaluator (it can suspend, or it returns inside an async generator, where `return`
   * awaits its value).
   */
  loop(node: AnyNode, scope: Scope): CompiledLoop | null {
    let entry = this.loops.get(node);
    if (entry === undefined) {
      entry = LOOP_NODES.has(node.type) && !canSuspend(node)
        ? { run: this.compileLoop(node), returns: someNode(node, (n) => n.type === 'ReturnStatement', (n) => !FUNCTION_NODES.has(n.type)) }
        : NOT_COMPILED;
      this.loops.set(node, entry);
    }
    if (!entry) return null;
    if (entry.returns) {
      const fn = this.I.currentClosure(scope);
      if (fn && fn.isAsync && fn.isGenerator) return null;
    }
    return entry.run;
  }

  // ------------------------------------------------------------------------------ statements

  private tickAt(node: AnyNode): () => void {
    const I = this.I;
    return () => {
      if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
    };
  }

  private generic(node: AnyNode): Stmt {
    this.genericUses++;
    const I = this.I;
    return (s) => I.runSync(I.execStatement(node, s));
  }

  private statements(list: AnyNode[]): Stmt {
    const compiled = list.map((n) => this.statement(n));
    if (compiled.length === 1) return compiled[0];
    return (s) => {
      for (let i = 0; i < compiled.length; i++) {
        const c = compiled[i](s);
        if (c) return c;
      }
      return undefined;
    };
  }

  /** A statement as `execStatement` runs it: one step, then the statement. */
  private statement(node: AnyNode): Stmt {
    const I = this.I;
    switch (node.type) {
      case 'ExpressionStatement': {
        const e = this.expression(node.expression);
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          e(s);
          return undefined;
        };
      }
      case 'EmptyStatement':
        return () => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          return undefined;
        };
      case 'VariableDeclaration': {
        if (!node.declarations.every((d: AnyNode) => d.id.type === 'Identifier')) return this.generic(node);
        const kind = node.kind;
        const parts = node.declarations.map((d: AnyNode) => ({
          name: d.id.name as string,
          id: d.id,
          init: d.init ? this.named(d.init, d.id.name) : null,
        }));
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          for (let i = 0; i < parts.length; i++) {
            const p = parts[i];
            if (p.init) {
              const value = p.init(s);
              if (kind === 'var') I.assignName(p.name, value, s, p.id);
              else I.initBinding(p.name, value, s);
            } else if (kind !== 'var') {
              I.initBinding(p.name, undefined, s);
            }
          }
          return undefined;
        };
      }
      case 'ReturnStatement': {
        const arg = node.argument ? this.expression(node.argument) : null;
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          return { type: 'return', value: arg ? arg(s) : undefined };
        };
      }
      case 'BlockStatement': {
        const body = this.statements(node.body);
        const list = node.body;
        if (!list.some(declaresLexically)) {
          // Nothing would ever be declared in the block's scope, so no code can tell it from its parent.
          return (s) => {
            if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
            return body(s);
          };
        }
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          const inner = new Scope(s, false, null, s.strict);
          I.declareLexical(list, inner, false);
          return body(inner);
        };
      }
      case 'IfStatement': {
        const test = this.expression(node.test);
        const then = this.statement(node.consequent);
        const otherwise = node.alternate ? this.statement(node.alternate) : null;
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          if (test(s)) return then(s);
          return otherwise ? otherwise(s) : undefined;
        };
      }
      case 'ThrowStatement': {
        const arg = this.expression(node.argument);
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          throw new ThrowSignal(arg(s));
        };
      }
      case 'BreakStatement':
      case 'ContinueStatement': {
        const completion = { type: node.type === 'BreakStatement' ? 'break' : 'continue', label: node.label ? node.label.name : null } as const;
        return () => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          return completion;
        };
      }
      case 'ForStatement':
      case 'WhileStatement':
      case 'DoWhileStatement': {
        const loop = this.compileLoop(node);
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          return loop(s, null);
        };
      }
      default:
        // Labels, try, switch, for-in/of, declarations with hoisting rules: the evaluator's own code.
        return this.generic(node);
    }
  }

  /** The evaluator's loopControl: what a loop does with its body's completion. */
  private static control(c: Completion, label: string | null): 'break' | 'continue' | Completion {
    if (!c) return 'continue';
    if (c.type === 'break' && (c.label === null || c.label === label)) return 'break';
    if (c.type === 'continue' && (c.label === null || c.label === label)) return 'continue';
    return c;
  }

  /** A loop as `execLoop` runs it (the statement's own step is the caller's). */
  private compileLoop(node: AnyNode): CompiledLoop {
    const run = this.compileLoopBody(node);
    const I = this.I;
    return (scope, label) => {
      try {
        return run(scope, label);
      } catch (e) {
        // A loop that runs out of steps is what the snippet's author must shrink: name its place
        // (the innermost loop), not the expression that happened to take the last step.
        if (e instanceof SimulationError && e.kind === 'budget' && e.message.startsWith('Step budget') && !this.located.has(e)) {
          const located = I.budgetExceeded(node);
          this.located.add(located);
          throw located;
        }
        throw e;
      }
    };
  }

  private compileLoopBody(node: AnyNode): CompiledLoop {
    const I = this.I;
    const control = FastPath.control;
    const body = this.statement(node.body);
    switch (node.type) {
      case 'WhileStatement': {
        const test = this.expression(node.test);
        return (scope, label) => {
          while (test(scope)) {
            if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
            const r = control(body(scope), label);
            if (r === 'break') break;
            if (r !== 'continue') return r;
          }
          return undefined;
        };
      }
      case 'DoWhileStatement': {
        const test = this.expression(node.test);
        return (scope, label) => {
          do {
            if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
            const r = control(body(scope), label);
            if (r === 'break') break;
            if (r !== 'continue') return r;
          } while (test(scope));
          return undefined;
        };
      }
      default: {
        const init = node.init;
        const lexical = !!init && init.type === 'VariableDeclaration' && init.kind !== 'var';
        const initStmt = init && init.type === 'VariableDeclaration' ? this.statement(init) : null;
        const initExpr = init && init.type !== 'VariableDeclaration' ? this.expression(init) : null;
        const test = node.test ? this.expression(node.test) : null;
        const update = node.update ? this.expression(node.update) : null;
        const names: string[] = [];
        if (lexical) for (const d of init.declarations) collectNames(d.id, names);
        const isConst = lexical && init.kind === 'const';
        // CreatePerIterationEnvironment copies the let bindings for every iteration; the copy is only
        // observable through a closure created inside the loop, so a loop without one skips it.
        const copies = lexical && !isConst && someNode(node, (n) => CLOSURE_NODES.has(n.type), () => true);
        return (scope, label) => {
          let loopScope = scope;
          if (lexical) {
            loopScope = new Scope(scope, false, null, scope.strict);
            for (const n of names) loopScope.declare(n, HOLE, !isConst, false);
            initStmt!(loopScope);
          } else if (initStmt) initStmt(scope);
          else if (initExpr) initExpr(scope);
          const copy = (): void => {
            const next = new Scope(scope, false, null, scope.strict);
            for (const n of names) {
              const b = loopScope.vars.get(n)! as Binding;
              next.declare(n, b.value, b.mutable, b.initialized);
            }
            loopScope = next;
          };
          if (copies) copy();
          for (;;) {
            if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
            if (test && !test(loopScope)) break;
            const r = control(body(loopScope), label);
            if (r === 'break') break;
            if (r !== 'continue') return r;
            if (copies) copy();
            if (update) update(loopScope);
          }
          return undefined;
        };
      }
    }
  }

  // ------------------------------------------------------------------------------ expressions

  private genericExpr(node: AnyNode): Expr {
    this.genericUses++;
    const I = this.I;
    return (s) => I.runSync(I.evaluate(node, s));
  }

  /** `evaluateNamed`: a function or class gets the name it is bound to; the evaluator's rules for that. */
  private named(node: AnyNode, name: string): Expr {
    if (CLOSURE_NODES.has(node.type)) {
      const I = this.I;
      return (s) => I.runSync(I.evaluateNamed(node, s, name));
    }
    return this.expression(node);
  }

  /** An expression as `evaluate` runs it: one step, then the expression. */
  private expression(node: AnyNode): Expr {
    const I = this.I;
    switch (node.type) {
      case 'Literal': {
        if (node.regex || typeof node.bigint === 'string') return this.genericExpr(node);
        const value = node.value;
        return () => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          return value;
        };
      }
      case 'Identifier': {
        if (node.name === 'undefined') return this.genericExpr(node);
        const name = node.name;
        const find = resolver(name);
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          const b = find(s);
          if (b !== undefined && b.initialized) return b.value;
          return I.lookup(name, s, node);
        };
      }
      case 'BinaryExpression':
        return this.binaryExpression(node);
      case 'LogicalExpression': {
        const left = this.expression(node.left);
        const right = this.expression(node.right);
        const op = node.operator;
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          const l = left(s);
          if (op === '&&') return l ? right(s) : l;
          if (op === '||') return l ? l : right(s);
          return l === null || l === undefined ? right(s) : l;
        };
      }
      case 'ConditionalExpression': {
        const test = this.expression(node.test);
        const yes = this.expression(node.consequent);
        const no = this.expression(node.alternate);
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          return test(s) ? yes(s) : no(s);
        };
      }
      case 'SequenceExpression': {
        const parts = node.expressions.map((e: AnyNode) => this.expression(e));
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          let v: unknown;
          for (let i = 0; i < parts.length; i++) v = parts[i](s);
          return v;
        };
      }
      case 'UnaryExpression': {
        const op = node.operator;
        if (!['!', '-', '~', 'void'].includes(op) && !(op === 'typeof' && node.argument.type !== 'Identifier')) return this.genericExpr(node);
        const arg = this.expression(node.argument);
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          const v = arg(s) as any;
          switch (op) {
            case '!': return !v;
            case '-': return -v;
            case '~': return ~v;
            case 'typeof': return typeof v;
            default: return undefined;
          }
        };
      }
      case 'UpdateExpression':
        if (node.argument.type !== 'Identifier' || node.argument.name === 'undefined') return this.genericExpr(node);
        return this.updateName(node);
      case 'AssignmentExpression':
        return this.assignment(node);
      case 'MemberExpression': {
        if (node.object.type === 'Super' || node.optional) return this.genericExpr(node);
        const object = this.expression(node.object);
        const property = node.computed ? this.expression(node.property) : null;
        const name = node.computed ? '' : node.property.name;
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          const obj = object(s);
          const key = property ? I.toKey(property(s)) : name;
          return I.getMember(obj, key, node);
        };
      }
      case 'CallExpression':
        return this.call(node);
      case 'TemplateLiteral': {
        const parts = node.expressions.map((e: AnyNode) => this.expression(e));
        const quasis = node.quasis.map((q: AnyNode) => q.value.cooked as string);
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          let out = quasis[0];
          for (let i = 0; i < parts.length; i++) {
            out += I.toStringForConcat(parts[i](s), node.expressions[i]) + quasis[i + 1];
            I.checkString(out, node);
          }
          return out;
        };
      }
      case 'ArrayExpression': {
        if (node.elements.some((e: AnyNode) => !e || e.type === 'SpreadElement')) return this.genericExpr(node);
        const items = node.elements.map((e: AnyNode) => this.expression(e));
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          const arr: unknown[] = [];
          for (let i = 0; i < items.length; i++) arr.push(items[i](s));
          return arr;
        };
      }
      case 'ObjectExpression': {
        // Plain `key: value` and shorthand properties; getters, methods, spreads, computed keys and
        // __proto__ go through the evaluator.
        const plain = node.properties.every((p: AnyNode) => p.type === 'Property' && p.kind === 'init' && !p.computed && !p.method &&
          (p.key.type === 'Identifier' || p.key.type === 'Literal') && propName(p.key) !== '__proto__');
        if (!plain) return this.genericExpr(node);
        const keys: string[] = node.properties.map((p: AnyNode) => propName(p.key));
        const values = node.properties.map((p: AnyNode, i: number) => this.named(p.value, keys[i]));
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          const obj: Record<string, unknown> = {};
          // A fresh object whose prototype cannot be changed (Object.prototype is protected): plain
          // assignment defines the same writable, enumerable, configurable data properties.
          for (let i = 0; i < keys.length; i++) obj[keys[i]] = values[i](s);
          return obj;
        };
      }
      case 'ThisExpression':
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          return I.thisValue(s, node);
        };
      case 'NewExpression': {
        if (node.arguments.some((a: AnyNode) => a.type === 'SpreadElement')) return this.genericExpr(node);
        const callee = this.expression(node.callee);
        const args = node.arguments.map((a: AnyNode) => this.expression(a));
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          const ctor = callee(s);
          const list: unknown[] = new Array(args.length);
          for (let i = 0; i < args.length; i++) list[i] = args[i](s);
          return I.runSync(I.construct(ctor, list, ctor, node));
        };
      }
      case 'ParenthesizedExpression': {
        const inner = this.expression(node.expression);
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          return inner(s);
        };
      }
      default:
        // this, new, objects, functions, classes, optional chains, delete, typeof name, regex...
        return this.genericExpr(node);
    }
  }

  private binaryExpression(node: AnyNode): Expr {
    const I = this.I;
    const left = this.expression(node.left);
    const right = this.expression(node.right);
    const op: string = node.operator;
    const numeric = NUMERIC_OPS[op];
    if (numeric) {
      // Two numbers cannot throw, call user code or build a string: compute them in place.
      return (s) => {
        if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
        const l = left(s);
        const r = right(s);
        if (typeof l === 'number' && typeof r === 'number') return numeric(l, r);
        return I.binary(op, l, r, node);
      };
    }
    return (s) => {
      if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
      const l = left(s);
      const r = right(s);
      return I.binary(op, l, r, node);
    };
  }

  /** `i++` / `--i` on a name: read the binding once, write it back. */
  private updateName(node: AnyNode): Expr {
    const I = this.I;
    const target = node.argument;
    const name: string = target.name;
    const delta = node.operator === '++' ? 1 : -1;
    const prefix = !!node.prefix;
    const find = resolver(name);
    return (s) => {
      // One step: the evaluator takes the name as a reference, without evaluating it.
      if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
      const b = find(s);
      if (b !== undefined && b.initialized && b.mutable && typeof b.value === 'number') {
        const old = b.value;
        b.value = old + delta;
        return prefix ? old + delta : old;
      }
      // Anything else (a global, a constant, a non-number): the evaluator's steps, in its order.
      const old = b !== undefined && b.initialized ? b.value : I.lookup(name, s, target);
      const num = typeof old === 'bigint' ? old : I.toNumber(old, node);
      const next = delta === 1 ? (num as number) + 1 : (num as number) - 1;
      I.assignName(name, next, s, target);
      return prefix ? next : num;
    };
  }

  private assignment(node: AnyNode): Expr {
    const I = this.I;
    const op: string = node.operator;
    const target = node.left;
    if (op === '&&=' || op === '||=' || op === '??=') return this.genericExpr(node);
    if (target.type === 'Identifier') {
      const name: string = target.name;
      const find = resolver(name);
      if (op === '=') {
        const value = this.named(node.right, name);
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          const v = value(s);
          const b = find(s);
          if (b !== undefined && b.initialized && b.mutable) b.value = v;
          else I.assignName(name, v, s, target);
          return v;
        };
      }
      const right = this.expression(node.right);
      const binop = op.slice(0, -1);
      const numeric = NUMERIC_OPS[binop];
      return (s) => {
        if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
        const b = find(s);
        const current = b !== undefined && b.initialized ? b.value : I.lookup(name, s, target);
        const r = right(s);
        const v = numeric && typeof current === 'number' && typeof r === 'number' ? numeric(current, r) : I.binary(binop, current, r, node);
        if (b !== undefined && b.mutable) b.value = v;
        else I.assignName(name, v, s, target);
        return v;
      };
    }
    if (target.type === 'MemberExpression' && target.object.type !== 'Super') {
      const object = this.expression(target.object);
      const property = target.computed ? this.expression(target.property) : null;
      const pname = target.computed ? '' : target.property.name;
      const right = this.expression(node.right);
      if (op === '=') {
        return (s) => {
          if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
          const obj = object(s);
          const key = property ? I.toKey(property(s)) : pname;
          const v = right(s);
          I.setMember(obj, key, v, target, s);
          return v;
        };
      }
      const binop = op.slice(0, -1);
      return (s) => {
        if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
        const obj = object(s);
        const key = property ? I.toKey(property(s)) : pname;
        const current = I.getMember(obj, key, target);
        const v = I.binary(binop, current, right(s), node);
        I.setMember(obj, key, v, target, s);
        return v;
      };
    }
    return this.genericExpr(node);
  }

  private call(node: AnyNode): Expr {
    const I = this.I;
    const callee = node.callee;
    if (callee.type === 'Super' || node.optional || node.arguments.some((a: AnyNode) => a.type === 'SpreadElement')) return this.genericExpr(node);
    if (callee.type === 'MemberExpression' && (callee.object.type === 'Super' || callee.optional)) return this.genericExpr(node);
    const args = node.arguments.map((a: AnyNode) => this.expression(a));
    const argc = args.length;
    // A call site usually calls one function: remember what was learnt about the last one.
    let lastFn: Function | null = null;
    let lastClosure: Closure | undefined;
    let lastBody: FastBody | null = null;
    /** Scopes of finished calls of lastFn, when its body lets them be reused. */
    let spare: Scope[] = [];
    const invoke = (fn: unknown, thisArg: unknown, s: Scope): unknown => {
      const list: unknown[] = new Array(argc);
      for (let i = 0; i < argc; i++) list[i] = args[i](s);
      if (typeof fn === 'function') {
        if (fn !== lastFn) {
          lastFn = fn;
          lastClosure = I.closures.get(fn);
          lastBody = lastClosure === undefined ? null : this.fastBody(lastClosure);
          spare = [];
        }
        if (lastClosure === undefined) return I.callNative(fn, thisArg, list, node);
        if (lastBody !== null) return this.callFast(lastClosure, lastBody, fn, thisArg, list, node, lastBody.reusable ? spare : null);
      }
      return I.runSync(I.callValue(fn, thisArg, list, node, null));
    };
    if (callee.type === 'MemberExpression') {
      const object = this.expression(callee.object);
      const property = callee.computed ? this.expression(callee.property) : null;
      const pname = callee.computed ? '' : callee.property.name;
      return (s) => {
        if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
        const obj = object(s);
        const key = property ? I.toKey(property(s)) : pname;
        const fn = I.getMember(obj, key, callee);
        return invoke(fn, obj, s);
      };
    }
    const fnExpr = this.expression(callee);
    return (s) => {
      if (++I.steps > I.stepBudget) throw I.budgetExceeded(node);
      return invoke(fnExpr(s), undefined, s);
    };
  }

  // ------------------------------------------------------------------------------ fast calls

  /**
   * The compiled body of a snippet function simple enough to call without the evaluator: a plain
   * (not async, not generator, not class) function, arrow or method with plain-name parameters,
   * whose body reads neither `this`, `super`, `new.target` nor `arguments`, so the activation the
   * evaluator would build holds nothing but the parameters.
   */
  private fastBody(closure: Closure): FastBody | null {
    const node = closure.node;
    let body = this.bodies.get(node);
    if (body !== undefined) return body;
    body = null;
    const plainKind = closure.kind === 'function' || closure.kind === 'arrow' || closure.kind === 'method';
    const selfNamed = node.type === 'FunctionExpression' && node.id;
    if (plainKind && !closure.isAsync && !closure.isGenerator && !selfNamed && node.params.every((p: AnyNode) => p.type === 'Identifier')) {
      const info = this.I.functionInfo(node);
      const usesThis = someNode(
        node.body,
        (n) => n.type === 'ThisExpression' || n.type === 'Super' || n.type === 'MetaProperty',
        (n) => n.type !== 'FunctionExpression' && n.type !== 'FunctionDeclaration',
      );
      if (!info.usesArguments && !usesThis) {
        const genericBefore = this.genericUses;
        body = this.compileBody(node, info);
        // No closure and no evaluator code inside: nothing can keep the activation's scope after the
        // call returns, so the call site may reuse it for the next call.
        if (body && this.genericUses === genericBefore && !body.hoists && !someNode(node.body, (n) => CLOSURE_NODES.has(n.type), () => true)) {
          body.reusable = true;
        }
      }
    }
    this.bodies.set(node, body);
    return body;
  }

  private compileBody(node: AnyNode, info: FunctionInfo): FastBody {
    let body: FastBody;
    {
      {
        const params = node.params.map((p: AnyNode) => p.name as string);
        const only = node.body.type === 'BlockStatement' && node.body.body.length === 1 ? node.body.body[0] : null;
        if (only && only.type === 'ReturnStatement' && only.argument && !info.varNames.length && !info.funcDecls.length && !info.blockFuncNames.length) {
          // `{ return expr; }`: the statement's step, then the expression, without a completion record.
          const value = this.expression(only.argument);
          const I = this.I;
          const expression: Expr = (s) => {
            if (++I.steps > I.stepBudget) throw I.budgetExceeded(only);
            return value(s);
          };
          body = { params, info, statements: null, list: null, expression, hoists: false, reusable: false };
        } else body = node.body.type === 'BlockStatement'
          ? {
            params, info, statements: this.statements(node.body.body), list: node.body.body, expression: null,
            // hoistFunctionBody declares vars, functions, lexical names and Annex B names: often none.
            hoists: info.varNames.length + info.funcDecls.length + info.blockFuncNames.length > 0 || node.body.body.some(declaresLexically),
            reusable: false,
          }
          : { params, info, statements: null, list: null, expression: this.expression(node.body), hoists: false, reusable: false };
      }
    }
    return body;
  }

  /** callClosure + functionBody for a function `fastBody` accepted: same frames, depth limit and scopes. */
  private callFast(closure: Closure, body: FastBody, fn: Function, thisArg: unknown, args: unknown[], node: AnyNode, spare: Scope[] | null): unknown {
    const I = this.I;
    if (I.depth >= MAX_CALL_DEPTH) {
      throw errorAt('budget', `Runaway recursion: more than ${MAX_CALL_DEPTH} nested calls`, node ?? closure.node);
    }
    I.depth++;
    I.host.pushFrame(closure.name || `anonymous function${closure.node.loc ? ` (line ${closure.node.loc.start.line})` : ''}`, closure.loc);
    let scope: Scope | undefined;
    try {
      const params = body.params;
      scope = spare !== null ? spare.pop() : undefined;
      if (scope !== undefined) {
        // A finished call's scope: only its parameters live in it; give them this call's arguments.
        for (let i = 0; i < params.length; i++) scope.vars.get(params[i])!.value = args[i];
      } else {
        // `this` is never read by the body (see fastBody), so the activation records it as passed.
        const ctx = closure.kind === 'arrow' ? null : {
          thisValue: thisArg, initialized: true, homeObject: closure.homeObject, newTarget: undefined, closure, fnObject: fn,
        };
        scope = new Scope(closure.scope, true, ctx, closure.strict);
        scope.closure = closure;
        // bindPattern(param, arg, scope, 'let') on a fresh scope: a new initialised binding per name.
        for (let i = 0; i < params.length; i++) scope.declare(params[i], args[i], true, true);
      }
      if (body.expression) return body.expression(scope);
      if (body.hoists) I.hoistFunctionBody(body.list!, scope, body.info, false);
      const c = body.statements!(scope);
      return c && c.type === 'return' ? c.value : undefined;
    } finally {
      if (spare !== null && scope !== undefined && spare.length < 8) spare.push(scope);
      I.host.popFrame();
      I.depth--;
    }
  }
}

interface FastBody {
  params: string[];
  info: FunctionInfo;
  statements: Stmt | null;
  list: AnyNode[] | null;
  expression: Expr | null;
  /** Whether hoistFunctionBody has anything to declare for this body. */
  hoists: boolean;
  /** Whether a call's scope can be reused by the next call (see fastBody). */
  reusable: boolean;
}

const NUMERIC_OPS: Record<string, ((a: number, b: number) => unknown) | undefined> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '===': (a, b) => a === b,
  '!==': (a, b) => a !== b,
  '==': (a, b) => a == b,
  '!=': (a, b) => a != b,
  '&': (a, b) => a & b,
  '|': (a, b) => a | b,
  '^': (a, b) => a ^ b,
  '<<': (a, b) => a << b,
  '>>': (a, b) => a >> b,
  '>>>': (a, b) => a >>> b,
};

/** What `declareLexical` puts in a block's scope: let/const, classes, block-level functions, imports. */
function declaresLexically(stmt: AnyNode): boolean {
  const s = stmt.type === 'ExportNamedDeclaration' && stmt.declaration ? stmt.declaration : stmt;
  return (s.type === 'VariableDeclaration' && s.kind !== 'var') || s.type === 'ClassDeclaration' ||
    s.type === 'FunctionDeclaration' || s.type === 'ImportDeclaration';
}

/**
 * Finds the binding a name refers to from a scope, remembering the answer for the last scope asked:
 * a loop asks from the same scope every iteration. Safe because a scope only gains bindings before
 * its code runs (hoisting, block entry); a name not found (a global) is looked up every time.
 */
function resolver(name: string): (scope: Scope) => Binding | undefined {
  let lastScope: Scope | null = null;
  let lastBinding: Binding | undefined;
  return (scope) => {
    if (scope === lastScope) return lastBinding;
    const b = findBinding(scope, name);
    if (b !== undefined) {
      lastScope = scope;
      lastBinding = b;
    }
    return b;
  };
}

function findBinding(scope: Scope, name: string): Binding | undefined {
  for (let s: Scope | null = scope; s; s = s.parent) {
    const b = s.vars.get(name);
    if (b !== undefined) return b as Binding;
  }
  return undefined;
}

function collectNames(pattern: AnyNode, out: string[]): void {
  switch (pattern.type) {
    case 'Identifier': out.push(pattern.name); break;
    case 'ObjectPattern': for (const p of pattern.properties) collectNames(p.type === 'RestElement' ? p.argument : p.value, out); break;
    case 'ArrayPattern': for (const e of pattern.elements) if (e) collectNames(e, out); break;
    case 'RestElement': collectNames(pattern.argument, out); break;
    case 'AssignmentPattern': collectNames(pattern.left, out); break;
  }
}
