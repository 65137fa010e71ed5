// The terminal the snippet prints to: one card per console line, in the order a terminal shows them.
// Formatting is util.format/util.inspect (../inspect.ts); a value Node would print over several lines
// is refused with the call's line:column, since a card is one line.
import { errorAt } from '../errors.ts';
import { InspectRefusal, formatLog } from '../inspect.ts';
import { rangeOf } from '../language/operations.ts';
import type { Card } from '../types.ts';
import type { Runtime } from './runtime.ts';

const MAX_OUTPUT_LINES = 2000;

/** Prints one console line for the console call being evaluated (`method` names it in refusals and the trace). */
export function printLine(host: Runtime, args: unknown[], method = 'log'): void {
  const node = host.interp.currentCall;
  let text: string;
  try {
    text = formatLog(args, host.hooks);
  } catch (e) {
    if (e instanceof InspectRefusal) throw errorAt('unsupported', `Unsupported console.${method} output: ${e.message}`, node);
    throw e;
  }
  if (text.includes('\n')) {
    throw errorAt('unsupported', `Unsupported: this console.${method} prints several lines; each card is one line, so log one line per call`, node);
  }
  if (host.output.length >= MAX_OUTPUT_LINES) {
    throw errorAt('budget', `The snippet printed more than ${MAX_OUTPUT_LINES} lines`, node);
  }
  const card: Card = { index: host.output.length, text, loc: rangeOf(node) ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } };
  host.output.push(text);
  host.cards.push(card);
  host.step('print', `console.${method} prints "${text}"`, card.loc, { card: card.index });
}
