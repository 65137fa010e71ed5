// The engine's two error channels.
// - SimulationError: the snippet cannot be simulated (syntax error, unsupported construct, step budget,
//   oversized source). It is thrown out of `simulate()` and names line:column when it can.
// - ThrowSignal: a JavaScript exception raised *inside* the simulated program. It is part of the
//   simulation: it can be caught by the snippet's try/catch or reject a promise.
// Any other exception escaping the engine is a bug in the engine itself.
import type { Node } from 'acorn';
import type { SimulationErrorKind } from './types.ts';

/** The snippet cannot be simulated; `message` ends with "(line:column)" when a place is known. */
export class SimulationError extends Error {
  readonly kind: SimulationErrorKind;
  readonly line: number | null;
  readonly column: number | null;
  constructor(kind: SimulationErrorKind, message: string, line: number | null = null, column: number | null = null) {
    super(line != null ? `${message} (${line}:${column})` : message);
    this.name = 'SimulationError';
    this.kind = kind;
    this.line = line;
    this.column = column;
  }
}

/** Builds a SimulationError located at an AST node (columns shown from 1). */
export function errorAt(kind: SimulationErrorKind, message: string, node: Node | null | undefined): SimulationError {
  if (node?.loc) return new SimulationError(kind, message, node.loc.start.line, node.loc.start.column + 1);
  return new SimulationError(kind, message);
}

/** A value thrown by the simulated program, travelling through the interpreter as a host exception. */
export class ThrowSignal {
  constructor(readonly value: unknown) {}
}

/** Raised when the simulated process exits (process.exit, uncaught exception): unwinds everything. */
export class ExitSignal {
  constructor(readonly code: number) {}
}
