// Seeded mutations of snippets, for the engine fuzz test and the mutant differential test: whole
// lines dropped, duplicated, swapped or inserted (mostly still valid programs, now doing something
// nobody wrote on purpose), or tokens shuffled (mostly syntax errors).

/** Statements a mutation may insert: supported constructs, refused ones and outright bad input. */
export const FUZZ_INSERTS = [
  'await null;', 'yield 1;', 'throw new Error("x");', 'return;', 'break;', 'continue;', 'this.x = 1;',
  'Promise.reject(1);', 'process.nextTick(() => {});', 'setImmediate(() => console.log("extra"));',
  'console.log([1, 2, 3, 4, 5, 6, 7]);', 'console.log(new Error("e"));', 'undefinedName();', 'null.x;',
  '({}).constructor.constructor("return process")();', 'Date.now();', 'with (Math) {}', '#x;', '${', '`',
  'class Z extends null {}', 'new (class { constructor() { return 1; } })();', 'for (;;) {}',
  'Object.defineProperty(Array.prototype, "x", {});', 'label: { break label; }', 'async function* g() { yield* [1]; }',
];

/** Statements that keep a program in the simulated subset, to compare mutants against real node. */
export const SAFE_INSERTS = [
  'await null;', 'throw new Error("x");', 'return;', 'break;', 'continue;', 'this.x = 1;', 'Promise.reject(1);',
  'process.nextTick(() => console.log("ins-tick"));', 'setImmediate(() => console.log("ins-immediate"));',
  'undefinedName();', 'null.x;', 'label: { break label; }', 'console.log("inserted");',
  'Promise.resolve().then(() => console.log("ins-then"));', 'queueMicrotask(() => console.log("ins-qm"));',
  'setTimeout(() => console.log("ins-timeout"), 30);', '(async () => { await null; console.log("ins-async"); })();',
];

/** One mutant of `source`: 1-3 line edits, or (in 'mixed' mode, half the time) 1-3 token edits. */
export function mutateSnippet(source: string, random: () => number, inserts: readonly string[], mode: 'lines' | 'mixed'): string {
  const edit = (items: string[], insert: () => string) => {
    const pick = () => Math.floor(random() * items.length);
    const edits = 1 + Math.floor(random() * 3);
    for (let e = 0; e < edits && items.length > 1; e++) {
      const kind = Math.floor(random() * 4);
      const i = pick();
      if (kind === 0) items.splice(i, 1);
      else if (kind === 1) items.splice(i, 0, items[pick()]!);
      else if (kind === 2) {
        const j = pick();
        [items[i], items[j]] = [items[j]!, items[i]!];
      } else items.splice(i, 0, insert());
    }
    return items;
  };
  const anInsert = () => inserts[Math.floor(random() * inserts.length)]!;
  if (mode === 'lines' || random() < 0.5) return edit(source.split('\n'), anInsert).join('\n');
  const tokens = source.split(/(\s+|[(){}[\];,.])/).filter((t) => t !== '');
  return edit(tokens, () => ` ${anInsert()} `).join('');
}
