// Scopes (environment records) and the records that describe a snippet function: bindings with their
// temporal dead zone, the `this`/`super`/`new.target` context of one activation, and what hoisting
// learnt about a function body. Plain data: the evaluator and the function machinery fill them in.
import type { SourceRange } from '../types.ts';
import type { AnyNode } from './signals.ts';

export interface Binding {
  value: unknown;
  mutable: boolean;
  initialized: boolean;
  /** A named function expression's own name: assignment is ignored in sloppy mode instead of throwing. */
  sloppyConst?: boolean;
}

/** The value of a let/const/class binding before its declaration runs (temporal dead zone). */
export const HOLE = Symbol('uninitialised');

/** What `this`, `super` and `new.target` mean inside one non-arrow function activation. */
export interface ThisContext {
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
    const b: Binding = { value, mutable, initialized };
    this.vars.set(name, b);
    return b;
  }
}


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

export interface FunctionInfo {
  varNames: string[];
  funcDecls: AnyNode[];
  /** Function declarations inside blocks: in sloppy mode they also make a var (Annex B.3.3). */
  blockFuncNames: string[];
  usesArguments: boolean;
  simpleParams: boolean;
  strict: boolean;
}
