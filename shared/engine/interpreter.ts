// Transitional re-export: the language now lives in shared/engine/language/ (see evaluator.ts).
// Kept only until the host (runtime.ts -> host/) imports from language/ directly; then deleted.
export { Interpreter } from './language/evaluator.ts';
export { Scope, type Closure } from './language/scope.ts';
export { isObject, lineOf, rangeOf } from './language/operations.ts';
export { ReturnSignal, type Suspend } from './language/signals.ts';
