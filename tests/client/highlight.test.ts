// Snippet highlighting split per line: every line well-formed, colours kept across lines,
// and the source text (escaped) intact.
import { describe, expect, it } from 'vitest';
import { highlightLines, splitHighlightedLines } from '../../client/src/lib/highlight.ts';
import { SOURCE } from './fixtures.ts';

/** Text of an HTML fragment without tags, entities decoded. */
function text(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
}

function balanced(html: string): boolean {
  const opens = html.match(/<span[^>]*>/g)?.length ?? 0;
  const closes = html.match(/<\/span>/g)?.length ?? 0;
  return opens === closes;
}

describe('splitHighlightedLines', () => {
  it('closes and reopens spans that cross a newline', () => {
    const lines = splitHighlightedLines('a<span class="c">/* one\ntwo */</span>b\nc');
    expect(lines).toEqual(['a<span class="c">/* one</span>', '<span class="c">two */</span>b', 'c']);
  });
  it('handles nested spans', () => {
    const lines = splitHighlightedLines('<span class="s">`x<span class="subst">${\ny}</span>\n`</span>');
    expect(lines).toEqual([
      '<span class="s">`x<span class="subst">${</span></span>',
      '<span class="s"><span class="subst">y}</span></span>',
      '<span class="s">`</span>',
    ]);
  });
});

describe('highlightLines', () => {
  it('gives one balanced line per source line with the same text', () => {
    const source = SOURCE + '\n/* a comment\n   over two lines */\nconst t = `a\nb`;\nif (1 < 2 && "x") {}';
    const lines = highlightLines(source);
    expect(lines).toHaveLength(source.split('\n').length);
    expect(lines.map(text)).toEqual(source.split('\n'));
    expect(lines.every(balanced)).toBe(true);
    expect(lines[6]).toContain('hljs-comment');
    expect(lines[1]).toContain('hljs-built_in');
  });
  it('escapes markup in the source', () => {
    const [line] = highlightLines("console.log('<img src=x onerror=alert(1)>')");
    expect(line).not.toContain('<img');
    expect(line).toContain('&lt;img');
  });
  it('accepts Windows line endings', () => {
    expect(highlightLines('a;\r\nb;')).toHaveLength(2);
  });
});
