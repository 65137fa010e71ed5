// Figures for the real-world corpus (tests/corpus/): how many snippets the engine accepts (simulates
// rather than refuses) and how many of those it gets exactly right against the recorded node output,
// then one line per failing snippet (what node printed against what the engine did).
//
//   npm run -s report:corpus             figures and failures
//   npm run -s report:corpus -- --md     failures as a Markdown table (for /work/team/corpus-failures.md)
import { formatFigures, judge, loadCorpus, summarize } from '../tests/helpers/corpus.ts';

const markdown = process.argv.includes('--md');
const corpus = loadCorpus();
const verdicts = corpus.map((s) => ({ file: s.file, verdict: judge(s) }));
const figures = summarize(verdicts);
console.log(formatFigures(figures));
for (const { file, verdict } of figures.failures) {
  const what = verdict.kind === 'wrong' ? `wrong answer: ${verdict.why}` : `${verdict.kind}: ${verdict.message}`;
  console.log(markdown ? `| ${file} | ${what.replace(/\|/g, '\\|')} |` : `${file}: ${what}`);
}
