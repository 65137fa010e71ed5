// The one contract between the language (shared/engine/language/, interpreter.ts, promise.ts) and
// the host that embeds it (shared/engine/host/: Node's event loop, queues, console, modules, APIs).
// The language calls its host only through `EngineHost`; it never imports anything from host/.
// Like engine262's host hooks (HostEnqueuePromiseJob, HostGetImportMetaProperties...): a browser
// host later implements the same interface with its own loop.
import type { QueueName, SourceRange, StepKind } from './types.ts';

/** Extra fields of a trace step about a card or a queued job. */
export interface StepExtra {
  card?: number;
  jobId?: number;
  queue?: QueueName;
}

/** What the language asks of its host. */
export interface EngineHost {
  /** HostEnqueuePromiseJob: queue a promise job (reaction, thenable job, await continuation). */
  enqueueMicrotask(label: string, loc: SourceRange | null, run: () => void): void;
  /** Records a trace step (a no-op when the run is not traced). */
  step(kind: StepKind, text: string, loc: SourceRange | null, extra?: StepExtra): void;
  /** Whether trace steps are recorded (skip building their text otherwise). */
  readonly tracing: boolean;
  /** The simulated call stack the replay shows. */
  pushFrame(name: string, loc: SourceRange | null): void;
  popFrame(): void;
  /** A promise settled (the trace says so in words). */
  promiseSettled(rec: { label: string; value: unknown }, how: 'resolve' | 'reject'): void;
  /** Binds an ES module's import declaration (`import x from 'node:events'`) in the module scope. */
  bindImport(decl: any, declare: (name: string, value: unknown) => void): void;
  /** The object `import.meta` evaluates to. */
  importMeta(): object;
  /** `this` at the top level of the main script (module.exports in CommonJS, undefined in a module). */
  readonly topLevelThis: unknown;
  /** The snippet's own source text between two offsets (Function.prototype.toString). */
  sourceText(start: number, end: number): string;
  /** How a host object is named in a refusal ("Timeout", "process"...). */
  strictObjectName(obj: object): string;
  /** Whether the snippet may assign this property of a host object (process.exitCode). */
  allowsWrite(obj: object, key: PropertyKey): boolean;
  /** Host constructors `new` must refuse (Symbol, BigInt). */
  isUnconstructible(fn: Function): boolean;
  /** Host constructors `class extends` must refuse (Promise, host objects). */
  isUnsubclassable(fn: Function): boolean;
}
