// Figures for the real-world corpus (tests/corpus/): how many snippets the engine accepts (simulates
// rather than refuses) and how many of those it gets exactly right against the recorded node output,
// then one line per failing snippet (what node printed against what the engine did) with a first guess
// at who owns the fix: the language (evaluator, semantics, V8 messages) or the host (timers, events,
// util, process, console streams, Date, fs, modules, races).
//
//   npm run -s report:corpus                 figures and failures
//   npm run -s report:corpus -- --md         failures as Markdown table rows (for /work/team/corpus-failures.md)
//   npm run -s report:corpus -- --recorded   only the snippets recorded so far
import { describeVerdict, formatFigures, isNodeRace, judge, loadCorpus, printedLines, summarize, type CorpusSnippet, type Verdict } from '../tests/helpers/corpus.ts';

const HOST_WORDS =
  /\b(Date|performance|console\.(error|warn|info|debug|trace)|process|require|import|events?|EventEmitter|util|promisify|timers|setTimeout|setInterval|setImmediate|Timeout|Immediate|fs|readFile|stream|createReadStream|exit code|uncaught|how it ended|different outputs|deterministic|callback" argument|ERR_|module|stderr|step budget|Step budget|steps)\b/;

/** A first guess at the owner of a failure; the failures file says when it was corrected by hand. */
function classify(verdict: Verdict): 'host' | 'language' {
  return HOST_WORDS.test(describeVerdict(verdict)) ? 'host' : 'language';
}

function nodePrinted(snippet: CorpusSnippet): string {
  const v = snippet.record.variants[0];
  const lines = printedLines(v.output, v.exitCode !== 0 ? snippet.record.crashReport : null);
  const crash = snippet.record.crashReport?.split('\n').find((l) => /^\w*(Error|Exception)\b/.test(l));
  const shown = lines.slice(0, 4).join(' / ') + (lines.length > 4 ? ` / … (${lines.length} lines)` : '');
  return `${shown || '(nothing)'}${crash ? `; then crashes: ${crash}` : ''}; exit ${v.exitCode}`;
}

const markdown = process.argv.includes('--md');
const corpus = loadCorpus(undefined, process.argv.includes('--recorded'));
const bySnippet = new Map(corpus.map((s) => [s.file, s]));
const verdicts = corpus.map((s) => ({ file: s.file, verdict: judge(s), nodeRace: isNodeRace(s.record) }));
const figures = summarize(verdicts);
console.log(formatFigures(figures));
for (const { file, verdict } of figures.failures) {
  const what = describeVerdict(verdict).replace(/\|/g, '\\|');
  const snippet = bySnippet.get(file)!;
  if (markdown) console.log(`| ${file} | ${nodePrinted(snippet).replace(/\|/g, '\\|')} | ${what} | ${classify(verdict)} |`);
  else console.log(`${file} [${classify(verdict)}]: ${what}`);
}
for (const { file, races } of figures.flaggedStable) {
  const runs = bySnippet.get(file)!.record.runs;
  console.log(markdown ? `| ${file} | same output in all ${runs} runs | flags: ${races.join('; ').replace(/\|/g, '\\|')} | (race flag) |` : `${file} [race flag, node stable over ${runs} runs]: ${races.join('; ')}`);
}
