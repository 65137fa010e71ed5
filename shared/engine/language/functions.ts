// Functions: creating closures for snippet functions and classes, calling and constructing them,
// binding parameters and `arguments`, hoisting (FunctionDeclarationInstantiation, Annex B.3.3),
// `this`, `super` and class fields. Snippet functions are real host functions (so natives can call
// them); their AST and scope live in a side table (`closures`).
import { ThrowSignal, errorAt } from '../errors.ts';
import { MAX_CALL_DEPTH, Operations, isObject, propName, rangeOf } from './operations.ts';
import { type Binding, type Closure, type FunctionInfo, HOLE, Scope, type ThisContext } from './scope.ts';
import { type AnyNode, type Completion, type G, PARAM_SOURCE, ReturnSignal } from './signals.ts';

export abstract class Functions extends Operations {
  abstract evaluate(node: AnyNode, scope: Scope): G<unknown>;
  protected abstract evaluateNamed(node: AnyNode, scope: Scope, name: string): G<unknown>;
  abstract execStatements(list: AnyNode[], scope: Scope): G<Completion>;
  abstract bindPattern(pattern: AnyNode, value: unknown, scope: Scope, kind: string, source?: AnyNode | null): G<void>;

  /** Declares `var` names and function declarations of a function body (or the script) in its scope. */
  protected hoistFunctionBody(body: AnyNode[], scope: Scope, info: FunctionInfo, paramScope: Scope | null | false = null): void {
    for (const name of info.varNames) {
      if (scope.vars.has(name)) continue;
      // With parameter expressions the body gets its own var scope; a var named like a parameter
      // starts with the parameter's value.
      const param = paramScope ? paramScope.vars.get(name) : undefined;
      scope.declare(name, param ? param.value : undefined, true, true);
    }
    for (const decl of info.funcDecls) {
      scope.declare(decl.id.name, this.makeFunction(decl, scope, 'function'), true, true);
    }
    this.declareLexical(body, scope, true);
    if (!scope.strict) {
      // Annex B.3.3: a sloppy-mode function declared in a block is also a var of the function, unless
      // that name is already declared with let/const/class here.
      for (const name of info.blockFuncNames) {
        if (scope.vars.has(name) || (paramScope && paramScope.vars.has(name))) continue;
        scope.declare(name, undefined, true, true);
        (scope.annexB ??= new Set()).add(name);
      }
    }
  }

  /** Declares let/const/class (in their temporal dead zone) and block-level functions of a statement list. */
  protected declareLexical(statements: AnyNode[], scope: Scope, functionTop: boolean): void {
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
        this.host.bindImport(d, (name, value) => scope.declare(name, value, false, true));
      }
    }
  }

  /** Annex B.3.3: evaluating a block's function declaration copies it to the function's var. */
  protected annexBFunction(node: AnyNode, scope: Scope): void {
    const name = node.id.name;
    let fnScope: Scope | null = scope;
    while (fnScope && !fnScope.isFunction) fnScope = fnScope.parent;
    if (!fnScope?.annexB?.has(name) || this.annexBBlocked.has(node)) return;
    let block: Scope | null = scope;
    while (block && !block.vars.has(name)) block = block.parent;
    const fn = block?.vars.get(name);
    const target = fnScope.vars.get(name);
    if (fn && target) target.value = fn.value;
  }

  /** Calls any callable value with `this` and arguments, from snippet code. */
  *callValue(fn: unknown, thisArg: unknown, args: unknown[], node: AnyNode, calleeText: string | null): G<unknown> {
    if (typeof fn !== 'function') {
      if (calleeText !== null) throw this.jsError(TypeError, `${calleeText} is not a function`);
      throw this.errorAbout(node.callee ?? node, 'is not a function');
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
    if (typeof fn !== 'function') throw this.jsError(TypeError, `${this.inspectForError(fn)} is not a function`);
    const closure = this.closures.get(fn);
    if (closure) return this.runSync(this.callClosure(closure, fn, thisArg, args, undefined, node));
    return this.callNative(fn, thisArg, args, node);
  }

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
    let selfBinding: Binding | null = null;
    if (node.type === 'FunctionExpression' && node.id && kind === 'function') {
      // A named function expression sees its own name in a scope of its own (read-only: ignored
      // in sloppy mode, a TypeError in strict mode).
      const own = new Scope(scope, false, null, scope.strict);
      selfBinding = own.declare(node.id.name, undefined, false, true);
      selfBinding.sloppyConst = true;
      closure.scope = own;
    }
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
    if (closure.isGenerator) {
      // Generator functions have a prototype: the [[Prototype]] of the generator objects they make.
      const proto = Object.create(closure.isAsync ? this.co.asyncGeneratorProto : this.co.generatorProto);
      Object.defineProperty(fn, 'prototype', { value: proto, writable: true });
      Object.setPrototypeOf(fn, this.generatorFunctionProto(closure.isAsync));
    }
    if (selfBinding) selfBinding.value = fn;
    this.closures.set(fn, closure);
    this.defineSourceText(fn, node);
    return fn;
  }

  private readonly genFnProtos: (object | undefined)[] = [];
  /** %GeneratorFunction.prototype% (or the async one) of this simulation: its .prototype is %GeneratorPrototype%. */
  protected generatorFunctionProto(isAsync: boolean): object {
    const i = isAsync ? 1 : 0;
    let p = this.genFnProtos[i];
    if (!p) {
      p = Object.create(Function.prototype, {
        prototype: { value: isAsync ? this.co.asyncGeneratorProto : this.co.generatorProto, configurable: true },
        [Symbol.toStringTag]: { value: isAsync ? 'AsyncGeneratorFunction' : 'GeneratorFunction', configurable: true },
      }) as object;
      this.intrinsics.add(p);
      this.genFnProtos[i] = p;
    }
    return p;
  }

  /** Gives a snippet function the toString Node would show: its own source text. */
  protected defineSourceText(fn: Function, node: AnyNode): void {
    let text = this.host.sourceText(node.start, node.end);
    // A method's text starts at its name (with get/set/async/*), without `static`.
    if (node.type === 'MethodDefinition' && node.static) text = text.replace(/^static\s*/, '');
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
    if (closure.isAsync && !closure.isGenerator) return this.co.startAsyncFunction(closure, fnObj, thisArg, args);
    if (closure.isGenerator) {
      const body = this.functionBody(closure, fnObj, thisArg, args, undefined);
      const proto = (fnObj as { prototype?: unknown }).prototype;
      return closure.isAsync ? this.co.makeAsyncGenerator(closure, body, proto) : this.co.makeGenerator(closure, body, proto);
    }
    this.depth++;
    this.host.pushFrame(closure.name || `anonymous function${closure.node.loc ? ` (line ${closure.node.loc.start.line})` : ''}`, closure.loc);
    try {
      return yield* this.functionBody(closure, fnObj, thisArg, args, newTarget);
    } finally {
      this.host.popFrame();
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
      if (!closure.strict) {
        // Sloppy mode: null/undefined become the global object and primitives are boxed.
        if (thisValue === undefined || thisValue === null) thisValue = this.globalObject;
        else if (!isObject(thisValue)) thisValue = Object(thisValue);
      }
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
    const params = node.params;
    // Parameters are in their temporal dead zone until bound, left to right.
    const paramNames: string[] = [];
    for (const p of params) this.patternNames(p, paramNames);
    for (const n of paramNames) scope.declare(n, HOLE, true, false);
    if (closure.kind !== 'arrow' && info.usesArguments && !paramNames.includes('arguments')) {
      const argsObj = makeArguments(args);
      if (!closure.strict && info.simpleParams) {
        // A sloppy function with simple parameters has a mapped arguments object: arguments[i] and
        // the i-th parameter are the same variable (ECMA-262 CreateMappedArgumentsObject).
        for (let i = Math.min(args.length, params.length) - 1; i >= 0; i--) {
          const name = params[i].name;
          if (params.findIndex((p: AnyNode) => p.name === name) !== i && paramNames.lastIndexOf(name) !== i) continue;
          Object.defineProperty(argsObj, i, {
            get: () => scope.vars.get(name)!.value,
            set: (v: unknown) => { scope.vars.get(name)!.value = v; },
            enumerable: true,
            configurable: true,
          });
        }
      }
      scope.declare('arguments', argsObj, true, true);
    }
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      if (p.type === 'RestElement') {
        yield* this.bindPattern(p.argument, args.slice(i), scope, 'let', PARAM_SOURCE);
        break;
      }
      yield* this.bindPattern(p, args[i], scope, 'let', PARAM_SOURCE);
    }
    if (node.body.type !== 'BlockStatement') {
      // Concise arrow body.
      return yield* this.evaluate(node.body, scope);
    }
    const bodyScope = info.simpleParams ? scope : new Scope(scope, false, null, closure.strict);
    this.hoistFunctionBody(node.body.body, bodyScope, info, info.simpleParams ? null : scope);
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

  protected thisValue(scope: Scope, node: AnyNode): unknown {
    const ctx = this.thisContext(scope);
    if (!ctx) return this.host.topLevelThis;
    if (!ctx.initialized) {
      throw this.jsError(ReferenceError, "Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
    }
    void node;
    return ctx.thisValue;
  }

  *construct(ctor: unknown, args: unknown[], newTarget: unknown, node: AnyNode | null): G<unknown> {
    if (typeof ctor !== 'function') {
      throw this.errorAbout(node ? node.callee : null, 'is not a constructor', this.inspectForError(ctor));
    }
    const closure = this.closures.get(ctor);
    if (!closure) {
      const guard = this.nativeGuards.get(ctor);
      if (guard) guard(undefined, args, node);
      if (this.host.isUnconstructible(ctor)) {
        throw this.errorAbout(node ? node.callee : null, 'is not a constructor', ctor.name);
      }
      try {
        return Reflect.construct(ctor, args, newTarget as Function);
      } catch (e) {
        throw this.fromHost(e, node);
      }
    }
    if (closure.kind !== 'function' && closure.kind !== 'class' || closure.isAsync || closure.isGenerator) {
      throw this.errorAbout(node ? node.callee : null, 'is not a constructor', closure.name);
    }
    const proto = (newTarget as any).prototype;
    const thisObj = closure.kind === 'class' && closure.derived ? undefined : Object.create(isObject(proto) ? proto : Object.prototype);
    if (this.depth >= MAX_CALL_DEPTH) throw errorAt('budget', `Runaway recursion: more than ${MAX_CALL_DEPTH} nested calls`, node ?? closure.node);
    this.depth++;
    this.host.pushFrame(closure.name || '(anonymous)', closure.loc);
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
      this.host.popFrame();
      this.depth--;
    }
  }

  protected initFields(closure: Closure, obj: object): void {
    if (!closure.fields) return;
    for (const f of closure.fields) {
      const fieldScope = new Scope(closure.scope, true, {
        thisValue: obj, initialized: true, homeObject: closure.homeObject, newTarget: undefined, closure: null, fnObject: null,
      }, true);
      const value = f.node.value ? this.runSync(this.evaluateNamed(f.node.value, fieldScope, typeof f.key === 'string' ? f.key : '')) : undefined;
      this.defineField(obj, f.key as PropertyKey, value, f.node);
    }
  }

  protected *superCall(scope: Scope, args: unknown[], node: AnyNode): G<unknown> {
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

  protected superGet(scope: Scope, key: PropertyKey, node: AnyNode): unknown {
    const ctx = this.thisContext(scope);
    if (!ctx || !ctx.homeObject) throw errorAt('unsupported', "'super' keyword unexpected here", node);
    const proto = Object.getPrototypeOf(ctx.homeObject);
    if (proto === null) return undefined;
    return Reflect.get(proto, key, ctx.thisValue as object);
  }

  /** `super.x = v`: [[Set]] on the home object's prototype with `this` as the receiver. */
  protected superSet(scope: Scope, key: PropertyKey, value: unknown, node: AnyNode): void {
    const ctx = this.thisContext(scope);
    if (!ctx || !ctx.homeObject) throw errorAt('unsupported', "'super' keyword unexpected here", node);
    const proto = Object.getPrototypeOf(ctx.homeObject);
    const receiver = this.thisValue(scope, node);
    if (proto === null) {
      this.setMember(receiver, key, value, node, scope);
      return;
    }
    if (isObject(receiver)) this.checkWritable(receiver, node);
    let ok: boolean;
    try {
      ok = Reflect.set(proto, key, value, receiver as object);
    } catch (e) {
      throw this.fromHost(e, node);
    }
    if (!ok && scope.strict) {
      throw errorAt('unsupported', 'Unsupported: a super property assignment that fails (V8\'s message is not modelled)', node);
    }
  }

  *evaluateClass(node: AnyNode, scope: Scope, name: string): G<Function> {
    let parent: Function | null = null;
    let protoParent: object | null = Object.prototype;
    // The class's own name is in its temporal dead zone while the heritage and the elements are evaluated.
    const classScope = new Scope(scope, false, null, true);
    if (node.id) classScope.declare(node.id.name, HOLE, false, false);
    if (node.superClass) {
      const p = yield* this.evaluate(node.superClass, classScope);
      if (p === null) {
        protoParent = null;
      } else {
        if (typeof p !== 'function') throw this.jsError(TypeError, `Class extends value ${this.inspectForError(p)} is not a constructor or null`);
        if (this.host.isUnsubclassable(p)) {
          throw errorAt('unsupported', `Unsupported: extending ${p.name} is not supported by the simulator`, node.superClass);
        }
        parent = p;
        protoParent = p.prototype;
      }
    }
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
    // ClassDefinitionEvaluation: element keys are computed once, in order; methods are defined at
    // once; static fields and static blocks run afterwards, in order, once the class binding exists.
    const statics: { key: PropertyKey | null; node: AnyNode }[] = [];
    for (const member of node.body.body) {
      if (member.type === 'MethodDefinition' && member.kind === 'constructor') continue;
      if (member.type === 'StaticBlock') {
        statics.push({ key: null, node: member });
        continue;
      }
      const target = member.static ? cls : proto;
      const key = member.computed ? this.toKey(yield* this.evaluate(member.key, classScope)) : propName(member.key);
      if (member.type === 'PropertyDefinition') {
        if (member.static) statics.push({ key, node: member });
        else closure.fields!.push({ key, node: member });
        continue;
      }
      const kind = member.kind === 'get' ? 'getter' : member.kind === 'set' ? 'setter' : 'method';
      const fn = this.makeFunction(member.value, classScope, kind, typeof key === 'symbol' ? `[${key.description}]` : String(key), target);
      this.defineSourceText(fn, member);
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
    for (const st of statics) {
      const ctx: ThisContext = { thisValue: cls, initialized: true, homeObject: cls, newTarget: undefined, closure: null, fnObject: null };
      const fieldScope = new Scope(classScope, true, ctx, true);
      if (st.key === null) {
        // static { ... }: a block with its own var scope and `this` = the class.
        const info = this.functionInfo(st.node);
        this.hoistFunctionBody(st.node.body, fieldScope, info, null);
        yield* this.execStatements(st.node.body, fieldScope);
        continue;
      }
      const value = st.node.value ? yield* this.evaluateNamed(st.node.value, fieldScope, typeof st.key === 'string' ? st.key : '') : undefined;
      this.defineField(cls, st.key, value, st.node);
    }
    return cls;
  }

  /** CreateDataPropertyOrThrow for a class field. */
  protected defineField(obj: object, key: PropertyKey, value: unknown, node: AnyNode): void {
    if (!Reflect.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true })) {
      throw this.unmodelledError(TypeError, node, 'a TypeError from defining a class field');
    }
  }
}

export function expectedArgumentCount(params: AnyNode[]): number {
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
