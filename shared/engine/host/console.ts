// The terminal the snippet prints to: one card per console line, in the order a terminal shows them.
// stdout and stderr are both synchronous on Linux when they are a pipe or a file, so `node f.js 2>&1`
// shows every line in call order; each card records its stream.
// Formatting is util.format/util.inspect (../inspect.ts); a value Node would print over several lines
// is refused with the call's line:column, since a card is one line.
import { SimulationError } from '../errors.ts';
import { InspectRefusal, formatLog } from '../inspect.ts';
import type { Card } from '../types.ts';
import type { Runtime } from './runtime.ts';

const MAX_OUTPUT_LINES = 2000;

/** Prints one console line for the console call being evaluated (`method` names it in refusals and the trace). */
export function printLine(host: Runtime, args: unknown[], method = 'log', stream: Card['stream'] = 'stdout'): void {
  const loc = host.hereLoc();
  const fail = (kind: 'unsupported' | 'budget', message: string) => new SimulationError(kind, message, loc?.start.line ?? null, loc?.start.column ?? null);
  let text: string;
  try {
    text = formatLog(args, host.hooks);
  } catch (e) {
    if (e instanceof InspectRefusal) throw fail('unsupported', `Unsupported console.${method} output: ${e.message}`);
    throw e;
  }
  if (text.includes('\n')) {
    throw fail('unsupported', `Unsupported: this console.${method} prints several lines; each card is one line, so log one line per call`);
  }
  if (host.output.length >= MAX_OUTPUT_LINES) {
    throw fail('budget', `The snippet printed more than ${MAX_OUTPUT_LINES} lines`);
  }
  const card: Card = { index: host.output.length, text, stream, loc: loc ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } };
  host.output.push(text);
  host.cards.push(card);
  host.step('print', `console.${method} prints "${text}"${stream === 'stderr' ? ' to stderr' : ''}`, card.loc, { card: card.index });
}
