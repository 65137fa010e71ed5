// The snippet check: what the editor (and every deck save or import) learns about a snippet the
// server did not ship. The snippet runs in the simulation pool (server/simulation-pool.ts: a worker
// thread with a time and memory limit), never on the main thread. The answer says what its cards
// are, whether the order is a race (with the engine's sentence), every refusal located at
// line:column, whether the card rules of the bank hold (3-12 lines, unique, at most 60 characters),
// and drafts an explanation from the trace: which queue each line came from and why it ran then.
import type { SimulateOptions, SimulationResult, TraceStep } from '../shared/engine/types.ts';
import type { ModuleKind, SnippetCheck, SnippetProblem } from '../shared/deck-protocol.ts';
import { simulateInPool, type SimulationAnswer } from './simulation-pool.ts';

/** The bank's card rules. */
export const CARD_RULES = { minLines: 3, maxLines: 12, maxChars: 60 } as const;

export type PoolSimulate = (source: string, options: SimulateOptions) => Promise<SimulationAnswer>;

/** One message per broken card rule (empty when the cards are playable). */
export function cardRuleProblems(lines: readonly string[]): SnippetProblem[] {
  const problems: SnippetProblem[] = [];
  const at = (message: string): SnippetProblem => ({ kind: 'cards', message, line: null, column: null });
  if (lines.length < CARD_RULES.minLines) {
    problems.push(at(`The snippet prints ${lines.length} line${lines.length === 1 ? '' : 's'}; a round needs at least ${CARD_RULES.minLines} cards to order.`));
  }
  if (lines.length > CARD_RULES.maxLines) {
    problems.push(at(`The snippet prints ${lines.length} lines; a round has at most ${CARD_RULES.maxLines} cards (phones cannot order more).`));
  }
  const seen = new Set<string>();
  for (const line of lines) {
    if (seen.has(line)) {
      problems.push(at(`The line "${line}" is printed twice; every card must be different, or nobody can tell which goes where.`));
      break;
    }
    seen.add(line);
  }
  const long = lines.find((l) => l.length > CARD_RULES.maxChars);
  if (long !== undefined) {
    problems.push(at(`The line "${long.slice(0, 30)}…" has ${long.length} characters; a card has at most ${CARD_RULES.maxChars} (it must fit a phone).`));
  }
  if (lines.some((l) => l.trim() === '')) problems.push(at('An empty line is printed; a card needs some text.'));
  return problems;
}

const QUEUE_WHY: Record<string, string> = {
  main: 'from the main script itself, which runs synchronously before any callback it queued',
  nextTick: 'from the nextTick queue, which Node drains as soon as the running JavaScript finishes, before any promise callback',
  microtask: 'from the microtask queue (a promise callback or the code after an await), drained right after the nextTick queue, before the event loop moves to its next phase',
  timers: 'from the timers phase',
  check: 'from the check phase (setImmediate), which comes right after the poll phase in each turn of the loop',
  io: 'from the poll phase, once its I/O operation completed',
};

/**
 * A draft explanation from the trace: for each printed line, the queue of the job that printed it and
 * why that job ran when it did. The instructor edits it; it is a start, not the final word.
 */
export function explanationDraft(trace: readonly TraceStep[], lines: readonly string[]): string {
  let queue = 'main';
  let label = '';
  let timerText = '';
  const sentences: string[] = [];
  for (const step of trace) {
    if (step.kind === 'script-start') {
      queue = 'main';
      label = '';
    } else if (step.kind === 'run' && step.queue) {
      queue = step.queue;
      label = /Runs (.*?) from the/.exec(step.text)?.[1] ?? '';
    } else if (step.kind === 'timer-fired') {
      queue = 'timers';
      label = /runs (.*)$/.exec(step.text)?.[1] ?? 'a timer callback';
      timerText = /Timer due at ([\d.]+ ms)/.exec(step.text)?.[1] ?? '';
    } else if (step.kind === 'io-complete') {
      queue = 'io';
      label = '';
    } else if (step.kind === 'print' && step.card !== undefined) {
      const text = lines[step.card] ?? '';
      let why = QUEUE_WHY[queue] ?? `from the ${queue} queue`;
      if (queue === 'timers' && timerText) why += `: its timer was due at ${timerText}, and timers run only once the main script and every queued microtask are done`;
      const by = label ? ` (${label})` : '';
      sentences.push(`${step.card + 1}. "${text}" comes ${why}${by}.`);
    }
  }
  return sentences.join('\n');
}

/** Problems in a simulation result: a race, broken card rules. */
export function resultProblems(result: SimulationResult): SnippetProblem[] {
  const problems: SnippetProblem[] = [];
  if (!result.deterministic) {
    for (const race of result.races.length ? result.races : ['The order depends on timing (a race).']) {
      const where = /at (\d+):(\d+)/.exec(race);
      problems.push({ kind: 'race', message: `${race} Fix the race before this snippet can be played.`, line: where ? Number(where[1]) : null, column: where ? Number(where[2]) : null });
    }
  }
  problems.push(...cardRuleProblems(result.output));
  return problems;
}

/** Simulates a snippet in the pool and reports on it for the editor (and for deck saves). */
export async function checkSnippet(source: string, module: ModuleKind, simulate: PoolSimulate = simulateInPool): Promise<{ check: SnippetCheck; result: SimulationResult | null }> {
  const started = performance.now();
  const answer = await simulate(source, { module });
  const ms = Math.round(performance.now() - started);
  if (!answer.ok) {
    const kind: SnippetProblem['kind'] = answer.code === 'REFUSED' ? 'refused' : 'limit';
    const check: SnippetCheck = {
      cards: [],
      deterministic: false,
      races: [],
      problems: [{ kind, message: answer.message, line: answer.line ?? null, column: answer.column ?? null }],
      playable: false,
      explanationDraft: '',
      trace: [],
      ms,
    };
    return { check, result: null };
  }
  const { result } = answer;
  const problems = resultProblems(result);
  const check: SnippetCheck = {
    cards: result.cards.map((c) => ({ text: c.text, stream: c.stream, loc: c.loc })),
    deterministic: result.deterministic,
    races: result.races,
    problems,
    playable: problems.length === 0,
    explanationDraft: explanationDraft(result.trace, result.output),
    trace: result.trace,
    ms,
  };
  return { check, result };
}
