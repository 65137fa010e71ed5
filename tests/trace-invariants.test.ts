// Invariants of the replay trace, checked on every bank snippet and a sample of generated programs.
// The replay draws each step's snapshot as the truth about the engine's queues, so the trace must be
// self-consistent: a job sits in its queue's snapshot exactly from the step that queued it to the step
// that took it out; the console grows by one card per print step and ends equal to the output; the
// virtual clock never runs backwards; the loop walks its phases in Node's order and never skips a due
// timer; the trace ends with the process exit.
import { describe, expect, it } from 'vitest';
import { LOOP_PHASES, QUEUE_NAMES, simulate, SimulationError, type LoopPhase, type QueueName, type SimulationResult, type StepKind } from '../shared/engine/index.ts';
import { loadBank } from '../shared/snippets/index.ts';
import { generatePrograms } from './gen/programs.ts';


/** Steps that put a job into its queue. */
const ENTER: ReadonlySet<StepKind> = new Set(['enqueue', 'timer-scheduled']);
/** Steps that take a job out of its queue. */
const LEAVE: ReadonlySet<StepKind> = new Set(['run', 'timer-fired', 'timer-cleared', 'immediate-cleared', 'io-complete']);

/** Position of each loop phase within one turn of Node's event loop. */
const PHASE_RANK = Object.fromEntries(LOOP_PHASES.map((p, i) => [p.id, i])) as Record<Exclude<LoopPhase, 'main' | 'exit'>, number>;

/** The engine's trace is cut at this many steps; a cut trace has no final exit step. */
const MAX_TRACE_STEPS = 20_000;

/** Returns every broken invariant of `result`'s trace, as readable sentences (empty when all hold). */
export function traceViolations(result: SimulationResult): string[] {
  const problems: string[] = [];
  const { trace, output, cards } = result;
  const fail = (i: number, what: string) => {
    if (problems.length < 20) problems.push(`step ${i} (${trace[i]?.kind}): ${what}`);
  };

  // Cards and output.
  if (cards.length !== output.length) problems.push(`${cards.length} cards for ${output.length} output lines`);
  cards.forEach((card, i) => {
    if (card.index !== i) problems.push(`card ${i} has index ${card.index}`);
    if (card.text !== output[i]) problems.push(`card ${i} text ${JSON.stringify(card.text)} is not output line ${JSON.stringify(output[i])}`);
  });
  if (trace.length === 0) return [...problems, 'the trace is empty'];

  const live = new Map<string, { queue: QueueName; id: number }>();
  const done = new Map<string, { queue: QueueName; id: number }>();
  let printed = 0;
  for (let i = 0; i < trace.length; i++) {
    const step = trace[i];
    const snap = step.snapshot;
    if (!snap || !Array.isArray(snap.console) || !Array.isArray(snap.stack) || typeof snap.time !== 'number') {
      fail(i, 'has no complete snapshot');
      continue;
    }
    const prev = i > 0 ? trace[i - 1].snapshot : null;

    // Job lifetimes: present from the step that queued it until the step that took it out.
    if (step.jobId !== undefined || step.queue !== undefined) {
      if (step.jobId === undefined || step.queue === undefined) fail(i, 'names a job without both jobId and queue');
      else {
        const key = `${step.queue}#${step.jobId}`;
        if (ENTER.has(step.kind)) {
          live.set(key, { queue: step.queue, id: step.jobId });
          done.delete(key);
        } else if (LEAVE.has(step.kind)) {
          if (!live.has(key) && step.kind !== 'timer-cleared') fail(i, `takes ${key} out of its queue, but no step put it there`);
          live.delete(key);
          done.set(key, { queue: step.queue, id: step.jobId });
        } else fail(i, `a ${step.kind} step names job ${key}`);
      }
    }
    for (const [key, job] of live) {
      if (!snap.queues[job.queue].some((j) => j.id === job.id)) fail(i, `${key} was queued but is missing from the ${job.queue} snapshot`);
    }
    for (const [key, job] of done) {
      if (snap.queues[job.queue].some((j) => j.id === job.id)) fail(i, `${key} left its queue but is still in the ${job.queue} snapshot`);
    }
    for (const queue of QUEUE_NAMES) {
      for (const job of snap.queues[queue]) {
        if (!live.has(`${queue}#${job.id}`)) fail(i, `${queue}#${job.id} (${job.label}) is in the ${queue} snapshot without a step that queued it`);
      }
    }

    // Console: only print steps add a line, exactly one, the card's text.
    const before = prev ? prev.console.length : 0;
    if (step.kind === 'print') {
      if (step.card === undefined || !cards[step.card]) fail(i, `prints card ${step.card}, which does not exist`);
      else {
        if (step.card !== printed) fail(i, `prints card ${step.card} but ${printed} cards were printed before`);
        if (snap.console.length !== before + 1) fail(i, `console went from ${before} to ${snap.console.length} lines`);
        if (snap.console[snap.console.length - 1] !== cards[step.card].text) fail(i, `console ends with ${JSON.stringify(snap.console.at(-1))}, not the card's text ${JSON.stringify(cards[step.card].text)}`);
      }
      printed++;
    } else if (snap.console.length !== before) fail(i, `console changed from ${before} to ${snap.console.length} lines without a print`);
    if (prev && snap.console.slice(0, before).some((line, k) => line !== prev.console[k])) fail(i, 'an earlier console line changed');

    // Time never runs backwards.
    if (prev && snap.time < prev.time) fail(i, `time went back from ${prev.time} to ${snap.time} ms`);

    // Phases.
    if (prev && prev.phase !== snap.phase) {
      if (snap.phase === 'main') fail(i, `the loop went back to the main script from ${prev.phase}`);
      else if (prev.phase === 'exit') fail(i, `the process came back from exit to ${snap.phase}`);
      else if (snap.phase !== 'exit' && step.kind !== 'phase') fail(i, `the phase changed from ${prev.phase} to ${snap.phase} without a phase step`);
      else if (snap.phase === 'exit' && step.kind !== 'exit') fail(i, 'the process exited without an exit step');
    }
    if (step.kind === 'phase' && prev && snap.phase !== 'main' && snap.phase !== 'exit') {
      const from = prev.phase;
      const rank = PHASE_RANK[snap.phase];
      // A new turn of the loop that does not start with the timers phase: no timer may have been due.
      const newTurn = from === 'main' || from === 'exit' || rank <= PHASE_RANK[from as keyof typeof PHASE_RANK];
      if (newTurn && snap.phase !== 'timers') {
        const overdue = prev.queues.timers.find((t) => t.due <= prev.time);
        if (overdue) fail(i, `the loop skipped the timers phase while ${overdue.label} was due at ${overdue.due} ms (time ${prev.time} ms)`);
      }
    }
    if (step.kind === 'phase' && snap.phase === 'timers' && !snap.queues.timers.some((t) => t.due <= snap.time)) {
      fail(i, `timers phase at ${snap.time} ms with no timer due`);
    }
    if (step.kind === 'phase' && snap.phase === 'check' && snap.queues.check.length === 0) fail(i, 'check phase with an empty check queue');
    if (step.kind === 'timer-fired' && snap.phase !== 'timers') fail(i, `a timer fired in the ${snap.phase} phase`);
    if (step.kind === 'run' && step.queue === 'check' && snap.phase !== 'check') fail(i, `an immediate ran in the ${snap.phase} phase`);
    if (step.kind === 'io-complete' && snap.phase !== 'poll') fail(i, `an I/O callback ran in the ${snap.phase} phase`);
    if (step.kind === 'exit' && i !== trace.length - 1) fail(i, 'steps follow the exit step');
  }

  const last = trace[trace.length - 1];
  if (printed !== output.length) problems.push(`${printed} print steps for ${output.length} output lines`);
  if (last.snapshot.console.length !== output.length || last.snapshot.console.some((l, k) => l !== output[k])) {
    problems.push('the console in the last step is not the output');
  }
  if (trace[0].snapshot.phase !== 'main') problems.push(`the trace starts in the ${trace[0].snapshot.phase} phase`);
  if (trace.length < MAX_TRACE_STEPS && (last.kind !== 'exit' || last.snapshot.phase !== 'exit')) {
    problems.push(`the trace ends with a ${last.kind} step in the ${last.snapshot.phase} phase, not the exit`);
  }
  return problems;
}

function traced(source: string, module: 'commonjs' | 'module'): SimulationResult | null {
  try {
    return simulate(source, { module, trace: true });
  } catch (e) {
    if (e instanceof SimulationError) return null;
    throw e;
  }
}

describe('trace invariants: bank snippets', () => {
  const bank = loadBank();
  it.each(bank.map((s) => [s.id, s.source] as const))('%s', (_id, source) => {
    const result = traced(source, 'commonjs');
    expect(result).not.toBeNull();
    expect(traceViolations(result!)).toEqual([]);
  });
});

describe('trace invariants: generated programs', () => {
  // Every 4th program of the differential seed: all flavours, CommonJS and ES modules.
  const sample = generatePrograms(20250611, 360).filter((_, i) => i % 4 === 0);
  it.each(sample.map((p) => [p.name, p] as const))('%s', (_name, program) => {
    const result = traced(program.source, program.module);
    if (result === null) return; // refused programs have no trace; the differential test counts them
    expect(traceViolations(result)).toEqual([]);
  });
});

describe('the invariant checker can fail', () => {
  const result = simulate("setTimeout(() => console.log('b'), 0);\nconsole.log('a');\n");

  it('accepts the real trace', () => {
    expect(traceViolations(result)).toEqual([]);
  });

  it('notices a job missing from its queue snapshot', () => {
    const broken = structuredClone(result);
    const at = broken.trace.findIndex((s) => s.kind === 'timer-scheduled');
    broken.trace[at + 1].snapshot.queues.timers = [];
    expect(traceViolations(broken).join('\n')).toMatch(/missing from the timers snapshot/);
  });

  it('notices a print step that does not add the card', () => {
    const broken = structuredClone(result);
    const at = broken.trace.findIndex((s) => s.kind === 'print');
    broken.trace[at].snapshot.console = [];
    expect(traceViolations(broken).join('\n')).toMatch(/console went from 0 to 0 lines/);
  });

  it('notices time running backwards and a last console that is not the output', () => {
    const broken = structuredClone(result);
    broken.trace[broken.trace.length - 1].snapshot.time = -1;
    broken.output = ['a'];
    const problems = traceViolations(broken).join('\n');
    expect(problems).toMatch(/time went back/);
    expect(problems).toMatch(/not the output/);
  });

  it('notices phases out of order', () => {
    const broken = structuredClone(result);
    const at = broken.trace.findIndex((s) => s.kind === 'timer-fired');
    broken.trace[at].snapshot.phase = 'main';
    expect(traceViolations(broken).join('\n')).toMatch(/went back to the main script/);
    const skipped = structuredClone(result);
    // The loop waits in poll until the timer is due, then must run the timers phase, not poll again.
    const phase = skipped.trace.findIndex((s) => s.kind === 'phase' && s.snapshot.phase === 'timers');
    skipped.trace[phase].snapshot.phase = 'poll';
    expect(traceViolations(skipped).join('\n')).toMatch(/skipped the timers phase/);
  });
});
