// The evaluator: walks the acorn AST of a snippet (statements, expressions, destructuring patterns,
// loops) and runs it inside the simulated runtime. Evaluation functions are host generators: `await`
// and `yield` in the snippet become a host `yield` of a Suspend record that travels up to the coroutine
// driving that async function or generator (language/coroutines.ts), so an async function can stop
// mid-expression and resume from a microtask later. Calls between snippet functions delegate with
// `yield*`; when host code (Array.prototype.map, a promise job) calls a snippet function, `runSync`
// drives it to completion. `Interpreter` is the language's public face for the host.
import { ThrowSignal, errorAt } from '../errors.ts';
import { FastPath, type EvaluatorPort } from './compile.ts';
import { Functions } from './functions.ts';
import { MAX_ARRAY_LENGTH, isObject, propName, typeofValue } from './operations.ts';
import { HOLE, Scope } from './scope.ts';
import { type AnyNode, type Completion, type G, LOOP_SOURCE, PARAM_SOURCE, ReturnSignal } from './signals.ts';

/** Where a value is iterated: V8 words "is not iterable" differently in each place. */
export type IterationContext = 'for-of' | 'spread' | 'call-spread' | 'pattern' | 'nested-pattern' | 'assign-pattern' | 'param-pattern' | 'loop-pattern';



/** What an optional chain evaluates to once a `?.` met null or undefined. */
const SHORT = Symbol('short-circuit');

export class Interpreter extends Functions {
  /** Compiles loops that cannot suspend to closures (compile.ts); null runs every loop here (SimulateOptions.fastPath). */
  fastPath: FastPath | null = new FastPath(this as unknown as EvaluatorPort);

  /** Runs the main script body (CommonJS wrapper function or module) as a generator. */
  *runProgram(program: AnyNode, scope: Scope): G<unknown> {
    this.hoistFunctionBody(program.body, scope, this.functionInfo(program), null);
    const c = yield* this.execStatements(program.body, scope);
    if (c && c.type === 'return') return c.value;
    return undefined;
  }

  *execStatements(list: AnyNode[], scope: Scope): G<Completion> {
    for (let i = 0; i < list.length; i++) {
      const c = yield* this.execStatement(list[i], scope);
      if (c) return c;
    }
    return undefined;
  }

  protected *execBlock(statements: AnyNode[], scope: Scope): G<Completion> {
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
            yield* this.bindPattern(d.id, value, scope, node.kind, d.init);
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

  protected *execTry(node: AnyNode, scope: Scope): G<Completion> {
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

  protected *execSwitch(node: AnyNode, scope: Scope): G<Completion> {
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
  protected loopControl(c: Completion, label: string | null): 'break' | 'continue' | Completion {
    if (!c) return 'continue';
    if (c.type === 'break' && (c.label === null || c.label === label)) return 'break';
    if (c.type === 'continue' && (c.label === null || c.label === label)) return 'continue';
    return c;
  }

  protected *execLoop(node: AnyNode, scope: Scope, label: string | null): G<Completion> {
    // The fast path (compile.ts) runs loops that cannot suspend as compiled closures.
    const fast = this.fastPath?.loop(node, scope);
    if (fast) return fast(scope, label);
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
        const target = Object(obj);
        for (const key of keys) {
          // A key deleted during the loop, before its turn, is not visited.
          if (!(key in target)) continue;
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

  protected *bindLoopTarget(left: AnyNode, value: unknown, scope: Scope): G<Scope> {
    if (left.type === 'VariableDeclaration') {
      if (left.kind === 'var') {
        yield* this.bindPattern(left.declarations[0].id, value, scope, 'var', LOOP_SOURCE);
        return scope;
      }
      const iterScope = new Scope(scope, false, null, scope.strict);
      yield* this.bindPattern(left.declarations[0].id, value, iterScope, left.kind, LOOP_SOURCE);
      return iterScope;
    }
    yield* this.assignPattern(left, value, scope);
    return scope;
  }

  /**
   * `for (x of iterable)` and `for await (x of iterable)`: the same loop, except that the async form
   * awaits each iterator result and the iterator's `return()` (ForIn/OfBodyEvaluation, AsyncIteratorClose).
   */
  protected *execForOf(node: AnyNode, scope: Scope, label: string | null): G<Completion> {
    const isAsync = !!node.await;
    const iterable = yield* this.evaluate(node.right, scope);
    const iterator = isAsync ? this.co.getAsyncIterator(iterable, node.right) : this.getIterator(iterable, node.right);
    const next = this.getMember(iterator, 'next', node);
    for (;;) {
      this.tick(node);
      let step = yield* this.callValue(next, iterator, [], node, 'next');
      if (isAsync) step = yield { kind: 'await', value: step, node };
      if (!isObject(step)) throw this.jsError(TypeError, `Iterator result ${this.inspectForError(step)} is not an object`);
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
  protected *closeIterator(iterator: unknown, node: AnyNode, isAsync: boolean): G<void> {
    const ret = this.getMember(iterator, 'return', node);
    if (ret === undefined || ret === null) return;
    let r = yield* this.callValue(ret, iterator, [], node, 'return');
    if (isAsync) r = yield { kind: 'await', value: r, node };
    if (!isObject(r)) throw this.jsError(TypeError, 'Iterator result is not an object');
  }

  getIterator(value: unknown, node: AnyNode, context: IterationContext = 'for-of'): unknown {
    if (value === null || value === undefined) throw this.notIterable(value, node, context);
    const method = (Object(value) as any)[Symbol.iterator];
    if (typeof method !== 'function') throw this.notIterable(value, node, context);
    const it = this.callNative(method, value, [], node);
    if (!isObject(it)) throw this.jsError(TypeError, 'Result of the Symbol.iterator method is not an object');
    return it;
  }

  /**
   * Binds a pattern to a value: a declaration (kind var/let/const) or, with kind 'assign', a
   * destructuring assignment whose leaves are plain assignment targets.
   */
  *bindPattern(pattern: AnyNode, value: unknown, scope: Scope, kind: string, source: AnyNode | null = null): G<void> {
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
        // V8 words errors of a pattern with a default like those of a nested pattern.
        yield* this.bindPattern(pattern.left, value, scope, kind, null);
        return;
      }
      case 'ObjectPattern': {
        if (value === null || value === undefined) throw this.cannotDestructure(pattern, value, source);
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
      case 'ArrayPattern':
        yield* this.bindArrayPattern(pattern, value, scope, kind, source);
        return;
      case 'MemberExpression':
        yield* this.assignPattern(pattern, value, scope);
        return;
      default:
        throw errorAt('unsupported', `Unsupported: ${pattern.type} in a binding`, pattern);
    }
  }

  /**
   * Array destructuring (IteratorBindingInitialization): steps the iterator once per element, so a
   * default is evaluated before the next value is taken; closes the iterator when the pattern ends
   * first or a binding throws.
   */
  protected *bindArrayPattern(pattern: AnyNode, value: unknown, scope: Scope, kind: string, source: AnyNode | null): G<void> {
    let context: IterationContext = kind === 'assign' ? 'assign-pattern' : source ? 'pattern' : 'nested-pattern';
    if (source === PARAM_SOURCE) context = 'param-pattern';
    if (source === LOOP_SOURCE) context = 'loop-pattern';
    const it = this.getIterator(value, source && source !== PARAM_SOURCE && source !== LOOP_SOURCE ? source : pattern, context) as any;
    const next = this.getMember(it, 'next', pattern);
    if (typeof next !== 'function') throw this.unmodelledError(TypeError, pattern, 'a TypeError about an iterator without next()');
    let done = false;
    const step = (): unknown => {
      let r: any;
      try {
        r = this.callNative(next, it, [], pattern);
        if (!isObject(r)) throw this.jsError(TypeError, `Iterator result ${this.inspectForError(r)} is not an object`);
        if (r.done) { done = true; return undefined; }
        return r.value;
      } catch (e) {
        done = true;
        throw e;
      }
    };
    try {
      for (const el of pattern.elements) {
        if (!el) {
          if (!done) step();
          continue;
        }
        if (el.type === 'RestElement') {
          // A member target of a rest element is evaluated before the iterator is drained.
          const rest: unknown[] = [];
          while (!done) {
            const v = step();
            if (!done) rest.push(v);
            if (rest.length > MAX_ARRAY_LENGTH) throw errorAt('budget', 'Too many items produced by an iterator', el);
          }
          yield* this.bindPattern(el.argument, rest, scope, kind);
          continue;
        }
        const target = el.type === 'AssignmentPattern' ? el.left : el;
        if (kind === 'assign' && target.type === 'MemberExpression') {
          // DestructuringAssignmentEvaluation: the target reference comes before the value.
          const ref = yield* this.reference(target, scope);
          let v = done ? undefined : step();
          if (el.type === 'AssignmentPattern' && v === undefined) v = yield* this.evaluate(el.right, scope);
          ref.set(v);
          continue;
        }
        let v = done ? undefined : step();
        if (el.type === 'AssignmentPattern' && v === undefined) {
          v = yield* this.evaluateNamed(el.right, scope, target.type === 'Identifier' ? target.name : '');
        }
        yield* this.bindPattern(target, v, scope, kind);
      }
    } catch (e) {
      if (!done && (e instanceof ThrowSignal || e instanceof ReturnSignal)) {
        const ret = it.return;
        if (ret !== undefined && ret !== null) {
          try { this.callNative(ret as Function, it, [], pattern); } catch (e2) { if (!(e2 instanceof ThrowSignal)) throw e2; }
        }
      }
      throw e;
    }
    if (!done) {
      const ret = this.getMember(it, 'return', pattern);
      if (ret !== undefined && ret !== null) {
        const r = yield* this.callValue(ret, it, [], pattern, 'return');
        if (!isObject(r)) throw this.jsError(TypeError, `Iterator result ${this.inspectForError(r)} is not an object`);
      }
    }
  }

  /** The TypeError for destructuring null or undefined with an object pattern, in V8's words. */
  protected cannotDestructure(pattern: AnyNode, value: null | undefined, source: AnyNode | null): ThrowSignal {
    const as = value === null ? 'null' : 'undefined';
    const first = pattern.properties[0];
    const key = first && first.type === 'Property' && !first.computed ? propName(first.key) : null;
    if (source === null) {
      // A nested pattern reads the property of the missing value.
      if (key !== null) return this.jsError(TypeError, `Cannot read properties of ${as} (reading '${key}')`);
      return this.unmodelledError(TypeError, pattern, 'this destructuring TypeError');
    }
    let text: string | null;
    if (source === PARAM_SOURCE) text = value === null ? 'object null' : 'undefined';
    else if (source === LOOP_SOURCE) text = null;
    else text = this.describe(source);
    if (text === null) return this.unmodelledError(TypeError, pattern, 'this destructuring TypeError');
    if (key === null) return this.jsError(TypeError, `Cannot destructure '${text}' as it is ${as}.`);
    return this.jsError(TypeError, `Cannot destructure property '${key}' of '${text}' as it is ${as}.`);
  }

  /** The TypeError V8 throws when a value is not iterable, worded as V8 words it for this place. */
  protected notIterable(value: unknown, node: AnyNode, context: IterationContext): ThrowSignal {
    const typed = (): string | null => {
      // V8's fallback rendering when it does not print the expression: "number 1", "object null".
      if (value === null) return 'object null';
      if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
      return null;
    };
    const calleeName = node?.type === 'CallExpression' && node.callee.type === 'Identifier' ? node.callee.name : null;
    const plain = (): string | null => {
      if (!node) return null;
      if (node.type === 'Identifier') return node.name;
      if (node.type === 'Literal' && !node.regex && typeof node.bigint !== 'string' && typeof node.value !== 'string') return String(node.value);
      if (node.type === 'ObjectExpression' && node.properties.length === 0) return '{}';
      if (node.type === 'MemberExpression' && !node.computed && !node.optional && node.object.type !== 'Super') {
        const d = this.describe(node);
        return d === null || d.includes('(') || d.includes('[') ? null : d;
      }
      return null;
    };
    let msg: string | null = null;
    if (context === 'for-of' || context === 'spread') {
      if (calleeName) msg = `${calleeName} is not a function or its return value is not iterable`;
      else {
        const d = plain();
        if (d !== null) msg = `${d} is not iterable`;
      }
    } else if (context === 'pattern') {
      if (calleeName) msg = `${calleeName} is not a function or its return value is not iterable`;
      else if (node && (node.type === 'Identifier' || node.type === 'Literal' || node.type === 'ObjectExpression')) {
        const d = plain();
        if (d !== null) msg = `${d} is not iterable`;
      } else {
        const t = typed();
        if (t) msg = `${t} is not iterable (cannot read property Symbol(Symbol.iterator))`;
      }
    } else if (context === 'nested-pattern' || context === 'assign-pattern' || context === 'param-pattern') {
      const t = value === undefined && context === 'param-pattern' ? 'undefined' : typed();
      if (t) msg = `${t} is not iterable (cannot read property Symbol(Symbol.iterator))`;
    } else if (context === 'call-spread') {
      if (value !== null && value !== undefined) msg = 'Spread syntax requires ...iterable[Symbol.iterator] to be a function';
    }
    if (msg !== null) return this.jsError(TypeError, msg);
    return this.unmodelledError(TypeError, node, 'this "is not iterable" TypeError');
  }

  /** Takes up to `limit` items from an iterable (array destructuring). */
  protected iterateToArray(value: unknown, node: AnyNode, limit: number, context: IterationContext = 'for-of'): unknown[] {
    if (Array.isArray(value) && (value as any)[Symbol.iterator] === Array.prototype[Symbol.iterator]) {
      return value.slice(0, limit === Infinity ? undefined : limit);
    }
    const it = this.getIterator(value, node, context) as any;
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
  protected *assignPattern(target: AnyNode, value: unknown, scope: Scope): G<void> {
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

  /** Evaluates an expression, giving an anonymous function or class the name it is bound to. */
  protected *evaluateNamed(node: AnyNode, scope: Scope, name: string): G<unknown> {
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
          if (el === null) {
            // A hole: the length grows, no element is created.
            arr.length++;
            continue;
          }
          if (el.type === 'SpreadElement') {
            const v = yield* this.evaluate(el.argument, scope);
            for (const item of this.iterateToArray(v, el.argument, Infinity, 'spread')) arr.push(item);
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
        // The target is evaluated once (a[i++]++ and f().x++ run i++ and f() once).
        const ref = yield* this.reference(node.argument, scope);
        const old = ref.get();
        const num = typeof old === 'bigint' ? old : this.toNumber(old, node);
        const next = node.operator === '++' ? (num as number) + 1 : (num as number) - 1;
        ref.set(next);
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
      case 'TaggedTemplateExpression':
        return yield* this.evaluateTaggedTemplate(node, scope);
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
        if (node.meta.name === 'new') return this.thisContext(scope)?.newTarget;
        return this.host.importMeta();
      default:
        throw errorAt('unsupported', `Unsupported: ${node.type}`, node);
    }
  }

  protected *evaluateYield(node: AnyNode, scope: Scope): G<unknown> {
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

  protected *evaluateObjectOf(node: AnyNode, scope: Scope): G<unknown> {
    if (node.object.type === 'Super') return undefined;
    return yield* this.evaluate(node.object, scope);
  }

  protected *evaluateChain(node: AnyNode, scope: Scope): G<unknown> {
    const r = yield* this.chainPart(node, scope);
    return r === SHORT ? undefined : r;
  }

  /** One link of an optional chain; SHORT when a `?.` met null or undefined (the rest is skipped). */
  protected *chainPart(n: AnyNode, scope: Scope): G<unknown> {
    if (n.type === 'MemberExpression') {
      const obj = yield* this.chainPart(n.object, scope);
      if (obj === SHORT) return SHORT;
      if (n.optional && (obj === null || obj === undefined)) return SHORT;
      const key = n.computed ? this.toKey(yield* this.evaluate(n.property, scope)) : n.property.name;
      return this.getMember(obj, key, n);
    }
    if (n.type === 'CallExpression') {
      let thisArg: unknown = undefined;
      let fn: unknown;
      const callee = n.callee;
      if (callee.type === 'MemberExpression' && callee.object.type !== 'Super') {
        const obj = yield* this.chainPart(callee.object, scope);
        if (obj === SHORT) return SHORT;
        if (callee.optional && (obj === null || obj === undefined)) return SHORT;
        const key = callee.computed ? this.toKey(yield* this.evaluate(callee.property, scope)) : callee.property.name;
        fn = this.getMember(obj, key, callee);
        thisArg = obj;
      } else if (callee.type === 'MemberExpression') {
        const key = callee.computed ? this.toKey(yield* this.evaluate(callee.property, scope)) : callee.property.name;
        fn = this.superGet(scope, key, callee);
        thisArg = this.thisValue(scope, callee);
      } else {
        fn = yield* this.chainPart(callee, scope);
        if (fn === SHORT) return SHORT;
      }
      if (n.optional && (fn === null || fn === undefined)) return SHORT;
      const args = yield* this.evaluateArguments(n.arguments, scope);
      return yield* this.callValue(fn, thisArg, args, n, null);
    }
    return yield* this.evaluate(n, scope);
  }

  /** tag`a${x}b`: the tag gets the site's frozen strings array (the same one on every evaluation) and the values. */
  protected *evaluateTaggedTemplate(node: AnyNode, scope: Scope): G<unknown> {
    const tag = node.tag;
    let fn: unknown;
    let thisArg: unknown = undefined;
    if (tag.type === 'MemberExpression' && tag.object.type !== 'Super') {
      const obj = yield* this.evaluate(tag.object, scope);
      const key = tag.computed ? this.toKey(yield* this.evaluate(tag.property, scope)) : tag.property.name;
      fn = this.getMember(obj, key, tag);
      thisArg = obj;
    } else {
      fn = yield* this.evaluate(tag, scope);
    }
    let strings = this.templateSites.get(node);
    if (!strings) {
      const quasis = node.quasi.quasis;
      const raw = Object.freeze(quasis.map((q: AnyNode) => q.value.raw));
      const cooked = quasis.map((q: AnyNode) => q.value.cooked ?? undefined);
      Object.defineProperty(cooked, 'raw', { value: raw });
      strings = Object.freeze(cooked) as unknown[];
      this.templateSites.set(node, strings);
    }
    const args: unknown[] = [strings];
    for (const e of node.quasi.expressions) args.push(yield* this.evaluate(e, scope));
    return yield* this.callValue(fn, thisArg, args, node, null);
  }

  /** Each tagged template site's strings array (GetTemplateObject caches it per site). */
  protected readonly templateSites = new WeakMap<AnyNode, unknown[]>();

  protected *evaluateArguments(list: AnyNode[], scope: Scope): G<unknown[]> {
    const args: unknown[] = [];
    for (const a of list) {
      if (a.type === 'SpreadElement') {
        const v = yield* this.evaluate(a.argument, scope);
        for (const item of this.iterateToArray(v, a.argument, Infinity, 'call-spread')) args.push(item);
      } else {
        args.push(yield* this.evaluate(a, scope));
      }
    }
    return args;
  }

  protected *evaluateCall(node: AnyNode, scope: Scope): G<unknown> {
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
    } else if (callee.type === 'ChainExpression' && callee.expression.type === 'MemberExpression') {
      // (o?.m)() keeps o as `this`; it calls undefined when the chain short-circuits.
      const m = callee.expression;
      const obj = yield* this.chainPart(m.object, scope);
      if (obj !== SHORT && !(m.optional && (obj === null || obj === undefined))) {
        const key = m.computed ? this.toKey(yield* this.evaluate(m.property, scope)) : m.property.name;
        fn = this.getMember(obj, key, m);
        thisArg = obj;
      }
    } else {
      fn = yield* this.evaluate(callee, scope);
    }
    const args = yield* this.evaluateArguments(node.arguments, scope);
    return yield* this.callValue(fn, thisArg, args, node, null);
  }

  protected *evaluateObject(node: AnyNode, scope: Scope): G<unknown> {
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
        this.defineSourceText(fn, prop);
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
      if (prop.method) {
        value = this.makeFunction(prop.value, scope, 'method', fname, obj);
        this.defineSourceText(value as Function, prop);
      }
      else value = yield* this.evaluateNamed(prop.value, scope, fname);
      Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
    }
    return obj;
  }

  protected *evaluateUnary(node: AnyNode, scope: Scope): G<unknown> {
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
      let arg = node.argument;
      let obj: unknown;
      if (arg.type === 'ChainExpression' && arg.expression.type === 'MemberExpression') {
        // delete o?.x: true without deleting anything when the chain short-circuits.
        arg = arg.expression;
        obj = yield* this.chainPart(arg.object, scope);
        if (obj === SHORT || (arg.optional && (obj === null || obj === undefined))) return true;
      } else if (arg.type === 'MemberExpression' && arg.object.type !== 'Super') {
        obj = yield* this.evaluate(arg.object, scope);
      } else if (arg.type === 'Identifier') {
        // Sloppy mode only (strict mode makes it a SyntaxError): declared bindings are not deleted;
        // a global property made by assigning an undeclared name is.
        for (let sc: Scope | null = scope; sc; sc = sc.parent) if (sc.vars.has(arg.name)) return false;
        if (!Object.prototype.hasOwnProperty.call(this.globalObject, arg.name)) return true;
        if (!this.implicitGlobals.has(arg.name)) throw errorAt('unsupported', `Unsupported: delete of the global ${arg.name}`, node);
        this.implicitGlobals.delete(arg.name);
        return delete this.globalObject[arg.name];
      } else if (arg.type === 'MemberExpression') {
        throw errorAt('unsupported', 'Unsupported: delete of a super property', node);
      } else {
        yield* this.evaluate(arg, scope);
        return true;
      }
      const key = arg.computed ? this.toKey(yield* this.evaluate(arg.property, scope)) : arg.property.name;
      if (obj === null || obj === undefined) throw this.jsError(TypeError, `Cannot convert undefined or null to object`);
      this.checkWritable(obj, arg);
      const ok = Reflect.deleteProperty(Object(obj), key);
      if (!ok && scope.strict) {
        const text = isObject(obj) ? this.v8ObjectText(obj as object) : null;
        if (text === null) throw this.unmodelledError(TypeError, node, 'a TypeError from a failed delete');
        throw this.jsError(TypeError, `Cannot delete property '${String(key)}' of ${text}`);
      }
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

  protected *evaluateAssignment(node: AnyNode, scope: Scope): G<unknown> {
    const op = node.operator;
    const target = node.left;
    if (op === '=') {
      if (target.type === 'ObjectPattern' || target.type === 'ArrayPattern') {
        const value = yield* this.evaluate(node.right, scope);
        yield* this.bindPattern(target, value, scope, 'assign', node.right);
        return value;
      }
      if (target.type === 'MemberExpression') {
        const ref = yield* this.reference(target, scope);
        const value = yield* this.evaluate(node.right, scope);
        ref.set(value);
        return value;
      }
      const value = yield* this.evaluateNamed(node.right, scope, target.type === 'Identifier' ? target.name : '');
      this.assignName(target.name, value, scope, target);
      return value;
    }
    // Compound and logical assignment: evaluate the target once, read it, then write.
    const ref = yield* this.reference(target, scope);
    const current = ref.get();
    let value: unknown;
    if (op === '&&=' || op === '||=' || op === '??=') {
      const shortCircuit = op === '&&=' ? !current : op === '||=' ? !!current : current !== null && current !== undefined;
      if (shortCircuit) return current;
      value = yield* this.evaluateNamed(node.right, scope, target.type === 'Identifier' ? target.name : '');
    } else {
      const right = yield* this.evaluate(node.right, scope);
      value = this.binary(op.slice(0, -1), current, right, node);
    }
    ref.set(value);
    return value;
  }

  /** Evaluates an assignment target once (its object and key) and returns how to read and write it. */
  protected *reference(target: AnyNode, scope: Scope): G<{ get: () => unknown; set: (v: unknown) => void }> {
    if (target.type === 'Identifier') {
      return {
        get: () => this.lookup(target.name, scope, target),
        set: (v) => this.assignName(target.name, v, scope, target),
      };
    }
    if (target.type === 'MemberExpression') {
      if (target.object.type === 'Super') {
        const key = target.computed ? this.toKey(yield* this.evaluate(target.property, scope)) : target.property.name;
        return {
          get: () => this.superGet(scope, key, target),
          set: (v) => this.superSet(scope, key, v, target),
        };
      }
      const obj = yield* this.evaluate(target.object, scope);
      const key = target.computed ? this.toKey(yield* this.evaluate(target.property, scope)) : target.property.name;
      return {
        get: () => this.getMember(obj, key, target),
        set: (v) => this.setMember(obj, key, v, target, scope),
      };
    }
    throw errorAt('unsupported', `Unsupported assignment target ${target.type}`, target);
  }

  protected *assignToReference(target: AnyNode, value: unknown, scope: Scope): G<void> {
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
}
