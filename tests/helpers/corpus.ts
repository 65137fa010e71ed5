// The real-world corpus (tests/corpus/): snippets taken from public quiz pages, interview-question
// collections, Node's documentation, MDN and tutorials, each with what the real `node` printed
// (recorded by scripts/record-corpus.ts). This module loads them and judges the engine on one
// snippet: exact output and exit, a race flagged when node's own runs differed, or a refusal naming
// line:column that only output a one-line card cannot show (several lines, %o) may earn.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SimulationError, simulate, type SimulationResult } from '../../shared/engine/index.ts';

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus');

/** What scripts/record-corpus.ts stores beside each snippet (FILE.node.json). */
export interface CorpusRecord {
  file: string;
  /** The node version that printed it. */
  node: string;
  /** How many times the snippet ran. */
  runs: number;
  /** Exit code of the first run (null when killed). */
  exitCode: number | null;
  signal: string | null;
  /** Node's report of an uncaught error (the tail of stderr), when the process crashed. */
  crashReport: string | null;
  /** Console calls whose text spans several lines or uses %o (as seen by the probe run). */
  multilineConsole: string[];
  /** Each distinct output seen (stdout and stderr through one pipe) and how often. */
  variants: { output: string; exitCode: number | null; count: number }[];
}

export interface CorpusSnippet {
  file: string;
  source: string;
  module: 'commonjs' | 'module';
  /** The first line: a comment naming the public source. */
  sourceLine: string;
  record: CorpusRecord;
}

/**
 * Lists the corpus: every .js/.mjs file with its recording. Throws if one was never recorded, unless
 * `skipUnrecorded` (the report script's --recorded, while a recording is under way).
 */
export function loadCorpus(dir = CORPUS_DIR, skipUnrecorded = false): CorpusSnippet[] {
  return readdirSync(dir)
    .filter((f) => /\.m?js$/.test(f))
    .filter((f) => !skipUnrecorded || existsSync(join(dir, `${f}.node.json`)))
    .sort()
    .map((file) => {
      const source = readFileSync(join(dir, file), 'utf8');
      const recordPath = join(dir, `${file}.node.json`);
      if (!existsSync(recordPath)) throw new Error(`${file} has no recording: run npm run -s record:corpus -- ${file}`);
      const record = JSON.parse(readFileSync(recordPath, 'utf8')) as CorpusRecord;
      return {
        file,
        source,
        module: file.endsWith('.mjs') ? 'module' : 'commonjs',
        sourceLine: source.split('\n')[0],
        record,
      } satisfies CorpusSnippet;
    });
}

/** The header line Node prints before an uncaught error: `/path/f.js:3`, `file:///…/f.mjs:3`, `node:events:497`. */
const CRASH_HEADER = /^(\/|file:\/\/\/|node:)\S*:\d+$/;

/**
 * Cuts Node's report of an uncaught error off the end of stderr: from the last location header to the
 * closing `Node.js vX` line. Returns null when stderr does not end with such a report.
 */
export function splitCrashReport(stderr: string): string | null {
  if (!/\nNode\.js v\d+\.\d+\.\d+\n?$/.test(stderr)) return null;
  const lines = stderr.split('\n');
  let start = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (CRASH_HEADER.test(lines[i])) {
      start = i;
      break;
    }
  }
  return start < 0 ? stderr : lines.slice(start).join('\n');
}

/** Lines as the engine lists them (a trailing newline does not make an empty last line). */
export function toLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** What node printed before any crash report, as lines. */
export function printedLines(output: string, crashReport: string | null): string[] {
  if (crashReport && output.endsWith(crashReport)) return toLines(output.slice(0, output.length - crashReport.length));
  return toLines(output);
}

export type Verdict =
  | { kind: 'exact'; result: SimulationResult }
  /** Node did not run the file (SyntaxError) and the engine refused it as a syntax error on the same line. */
  | { kind: 'syntax-agrees'; message: string }
  | { kind: 'wrong-syntax'; message: string }
  | { kind: 'refused-ok'; message: string }
  | { kind: 'wrong'; why: string; result: SimulationResult }
  | { kind: 'refused'; message: string }
  | { kind: 'crash'; message: string };

/** The line of a SyntaxError that stopped node before it ran anything, or null. */
export function syntaxErrorLine(record: CorpusRecord): number | null {
  const report = record.crashReport;
  if (!report || record.exitCode === 0) return null;
  if (!/^SyntaxError: /m.test(report)) return null;
  const header = /^(?:\/|file:\/\/\/)\S*:(\d+)$/m.exec(report);
  if (!header) return null;
  // Nothing ran: the whole output is the report.
  if (printedLines(record.variants[0].output, report).length > 0) return null;
  return Number(header[1]);
}

/** A node race: its runs printed more than one output. */
export function isNodeRace(record: CorpusRecord): boolean {
  return record.variants.length > 1;
}

/** The error line of Node's crash report (`TypeError: x is not a function`), when there is one. */
export function crashErrorLine(report: string): string | null {
  const lines = report.split('\n');
  const blank = lines.indexOf('');
  const line = blank >= 0 ? lines[blank + 1] : undefined;
  return line && /^[\w$.]*(Error|Exception)\b/.test(line) ? line.replace(/ \{$/, '') : null;
}

/** Runs the engine on one snippet and compares with node's recording. */
export function judge(snippet: CorpusSnippet): Verdict {
  const { record } = snippet;
  let result: SimulationResult;
  try {
    result = simulate(snippet.source, { module: snippet.module, filename: join(CORPUS_DIR, snippet.file) });
  } catch (e) {
    if (e instanceof SimulationError) {
      const located = /\(\d+:\d+\)$/.test(e.message);
      const nodeSyntaxLine = syntaxErrorLine(record);
      if (e.kind === 'syntax' && nodeSyntaxLine !== null) {
        // Node refused to run it too: the answer is "SyntaxError", on the same line.
        if (e.line === nodeSyntaxLine) return { kind: 'syntax-agrees', message: e.message };
        return { kind: 'wrong-syntax', message: `node reports a SyntaxError on line ${nodeSyntaxLine}, the engine: ${e.message}` };
      }
      if (located && record.multilineConsole.length > 0) return { kind: 'refused-ok', message: e.message };
      return { kind: 'refused', message: e.message };
    }
    return { kind: 'crash', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  if (isNodeRace(record)) return judgeRace(snippet, result);
  const expectedRuns = record.variants.map((v) => ({
    lines: printedLines(v.output, v.exitCode !== 0 ? record.crashReport : null),
    exitCode: v.exitCode,
  }));
  const got = result.output.join('\n');
  let match = expectedRuns.find((v) => v.lines.join('\n') === got && v.lines.length === result.output.length);
  if (!match && !result.deterministic && raceCovers(result, expectedRuns[0].lines)) {
    // Node kept to one order over its runs, the engine says the order can swap and names node's line
    // among the two it may print (e.g. setTimeout 0 against setImmediate in a CommonJS main module).
    match = expectedRuns[0];
  }
  if (!match) {
    const want = expectedRuns[0].lines;
    let i = 0;
    while (i < want.length && i < result.output.length && want[i] === result.output[i]) i++;
    const why = `line ${i + 1}: node printed ${JSON.stringify(want[i] ?? '(nothing more)')}, the engine ${JSON.stringify(result.output[i] ?? '(nothing more)')}`;
    return { kind: 'wrong', why, result };
  }
  if (result.exit.code !== match.exitCode) {
    return { kind: 'wrong', why: `exit code: node ${match.exitCode}, the engine ${result.exit.code} (${result.exit.reason}${result.exit.message ? `: ${result.exit.message}` : ''})`, result };
  }
  const nodeCrashed = match.exitCode !== 0 && record.crashReport !== null;
  const engineCrashed = result.exit.reason === 'uncaught-exception' || result.exit.reason === 'unhandled-rejection';
  if (nodeCrashed !== engineCrashed) {
    return { kind: 'wrong', why: `how it ended: node ${nodeCrashed ? 'crashed with an uncaught error' : 'exited'}, the engine ${result.exit.reason}`, result };
  }
  if (nodeCrashed && record.crashReport) {
    const nodeError = crashErrorLine(record.crashReport);
    if (nodeError && result.exit.message && /^\w*Error: /.test(result.exit.message) && nodeError !== result.exit.message) {
      return { kind: 'wrong', why: `uncaught error: node reports ${JSON.stringify(nodeError)}, the engine ${JSON.stringify(result.exit.message)}`, result };
    }
  }
  return { kind: 'exact', result };
}

/**
 * True when the engine's race report explains node's output: the lines agree up to the first difference,
 * and there a race names both what node printed and what the engine's own run printed.
 */
function raceCovers(result: SimulationResult, nodeLines: string[]): boolean {
  let i = 0;
  while (i < nodeLines.length && i < result.output.length && nodeLines[i] === result.output[i]) i++;
  const quoted = (line: string | undefined) => `"${line ?? '(nothing)'}"`;
  return result.races.some((race) => race.includes(quoted(nodeLines[i])) && race.includes(quoted(result.output[i])));
}

/**
 * How long a stretch of work may stall on a busy machine when judging a race node showed: the corpus is
 * recorded on a shared 2-core machine, where a run can be tens of milliseconds late.
 */
export const BUSY_STALL_MS = 20;

/**
 * A snippet whose node runs printed different outputs is a race: there is no single answer to compare
 * with, and the engine must say so (deterministic: false), on an idle machine or, failing that, when
 * asked about a machine that stalls for BUSY_STALL_MS.
 */
function judgeRace(snippet: CorpusSnippet, result: SimulationResult): Verdict {
  const { record } = snippet;
  if (!result.deterministic) return { kind: 'exact', result };
  const busy = simulate(snippet.source, { module: snippet.module, filename: join(CORPUS_DIR, snippet.file), trace: false, stallMs: BUSY_STALL_MS });
  if (!busy.deterministic) return { kind: 'exact', result: busy };
  return {
    kind: 'wrong',
    why: `node printed ${record.variants.length} different outputs over ${record.runs} runs, the engine reports the order as deterministic (also with stallMs ${BUSY_STALL_MS})`,
    result,
  };
}

/**
 * Figures for the corpus: accepted = simulated, or refused as a syntax error where node also stopped on
 * one; exact = accepted and matching node (same output and ending, race flagged, or the same SyntaxError line).
 */
export interface CorpusFigures {
  total: number;
  accepted: number;
  exact: number;
  refusedOk: number;
  failures: { file: string; verdict: Verdict }[];
  /** Exact snippets the engine flags as a race although node's runs never differed (worth a look: issue item 4). */
  flaggedStable: { file: string; races: string[] }[];
}

export function summarize(verdicts: { file: string; verdict: Verdict; nodeRace?: boolean }[]): CorpusFigures {
  const isExact = (k: Verdict['kind']) => k === 'exact' || k === 'syntax-agrees';
  const accepted = verdicts.filter((v) => isExact(v.verdict.kind) || v.verdict.kind === 'wrong' || v.verdict.kind === 'wrong-syntax').length;
  const exact = verdicts.filter((v) => isExact(v.verdict.kind)).length;
  const refusedOk = verdicts.filter((v) => v.verdict.kind === 'refused-ok').length;
  return {
    total: verdicts.length,
    accepted,
    exact,
    refusedOk,
    failures: verdicts.filter((v) => !isExact(v.verdict.kind) && v.verdict.kind !== 'refused-ok'),
    flaggedStable: verdicts.flatMap((v) =>
      v.verdict.kind === 'exact' && v.nodeRace === false && !v.verdict.result.deterministic ? [{ file: v.file, races: v.verdict.result.races }] : [],
    ),
  };
}

/** One line saying what went wrong (or right) for a verdict. */
export function describeVerdict(v: Verdict): string {
  if (v.kind === 'exact') return 'exact';
  if (v.kind === 'wrong') return `wrong answer: ${v.why}`;
  return `${v.kind}: ${v.message}`;
}

export function formatFigures(f: CorpusFigures): string {
  const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
  return [
    `corpus: ${f.total} snippets`,
    `accepted (simulated, not refused): ${f.accepted}/${f.total} = ${pct(f.accepted, f.total)}`,
    `exact among accepted: ${f.exact}/${f.accepted} = ${pct(f.exact, f.accepted)}`,
    `refused with line:column for output a card cannot show: ${f.refusedOk}`,
    `failing: ${f.failures.length}`,
    `flagged as a race by the engine although node's runs never differed: ${f.flaggedStable.length}`,
  ].join('\n');
}
