// Syntax highlighting of snippets: highlight.js core with the JavaScript grammar only (small
// bundle), split into one HTML string per source line so a line can be marked on its own.
import hljs from 'highlight.js/lib/core';
import javascript from 'highlight.js/lib/languages/javascript';

hljs.registerLanguage('javascript', javascript);

/**
 * Splits highlighted HTML at newlines, closing the spans still open at the end of a line and
 * reopening them on the next, so every line is well-formed on its own (a multi-line comment or
 * template literal keeps its colour on each line).
 */
export function splitHighlightedLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let line = '';
  for (const m of html.matchAll(/(<span[^>]*>)|(<\/span>)|(\n)|([^<\n]+|<)/g)) {
    if (m[1]) {
      open.push(m[1]);
      line += m[1];
    } else if (m[2]) {
      open.pop();
      line += m[2];
    } else if (m[3]) {
      lines.push(line + '</span>'.repeat(open.length));
      line = open.join('');
    } else {
      line += m[4];
    }
  }
  lines.push(line + '</span>'.repeat(open.length));
  return lines;
}

/** Highlights a JavaScript snippet; one safe HTML string per source line. */
export function highlightLines(source: string): string[] {
  const { value } = hljs.highlight(source.replace(/\r\n?/g, '\n'), { language: 'javascript', ignoreIllegals: true });
  return splitHighlightedLines(value);
}
