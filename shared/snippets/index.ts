// The snippet bank's loader. NODE-ONLY: it reads bank.json and the snippet files from disk
// synchronously, so import it from the server, scripts and tests, never from client code.
// Each snippet is a plain CommonJS `.js` file that `node <id>.js` runs as it is (this folder's
// package.json says "type": "commonjs"); bank.json holds its metadata. The true output is not
// stored here: it comes from the engine (and the bank test checks every file against real node).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOPICS, type Difficulty, type Topic } from '../protocol.ts';

/** What bank.json says about one snippet. */
export interface SnippetMeta {
  id: string;
  title: string;
  difficulty: Difficulty;
  topics: Topic[];
  /** Why the output comes in this order, in 1-3 sentences an instructor would say. */
  explanation: string;
}

/** A snippet of the bank: its metadata, its file name in the bank folder and its source. */
export interface Snippet extends SnippetMeta {
  file: string;
  source: string;
}

/** The folder this module lives in, which holds bank.json and the snippet files. */
const BANK_DIR = dirname(fileURLToPath(import.meta.url));

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const topicSet: ReadonlySet<string> = new Set(TOPICS);

/**
 * Read bank.json and every snippet file in `dir` (default: this module's folder).
 * Throws an Error naming the snippet on bad metadata: a missing or unsafe file, a difficulty
 * outside 1-4, an unknown topic, a duplicate id, or a missing title or explanation.
 */
export function loadBank(dir: string = BANK_DIR): Snippet[] {
  const bankPath = join(dir, 'bank.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(bankPath, 'utf8'));
  } catch (err) {
    throw new Error(`snippet bank: cannot read ${bankPath}: ${(err as Error).message}`);
  }
  const entries = (raw as { snippets?: unknown } | null)?.snippets;
  if (!Array.isArray(entries)) {
    throw new Error(`snippet bank: ${bankPath} must be an object with a "snippets" array`);
  }

  const seen = new Set<string>();
  return entries.map((entry: unknown, index: number) => {
    const snippet = checkEntry(entry, index, dir);
    if (seen.has(snippet.id)) {
      throw new Error(`snippet "${snippet.id}": duplicate id in bank.json`);
    }
    seen.add(snippet.id);
    return snippet;
  });
}

/** Validate one bank.json entry and read its file; errors name the snippet id (or its index). */
function checkEntry(entry: unknown, index: number, dir: string): Snippet {
  if (typeof entry !== 'object' || entry === null) {
    throw new Error(`snippet #${index} in bank.json is not an object`);
  }
  const e = entry as Record<string, unknown>;
  if (typeof e.id !== 'string' || !ID_PATTERN.test(e.id)) {
    throw new Error(`snippet #${index} in bank.json: id must be a kebab-case string, got ${JSON.stringify(e.id)}`);
  }
  const id = e.id;
  const fail = (problem: string): never => {
    throw new Error(`snippet "${id}": ${problem}`);
  };

  if (typeof e.title !== 'string' || e.title.trim() === '') fail('title must be a non-empty string');
  if (typeof e.explanation !== 'string' || e.explanation.trim() === '') {
    fail('explanation must be a non-empty string');
  }
  if (!(e.difficulty === 1 || e.difficulty === 2 || e.difficulty === 3 || e.difficulty === 4)) {
    fail(`difficulty must be 1, 2, 3 or 4, got ${JSON.stringify(e.difficulty)}`);
  }
  if (!Array.isArray(e.topics) || e.topics.length === 0) fail('topics must be a non-empty array');
  for (const topic of e.topics as unknown[]) {
    if (typeof topic !== 'string' || !topicSet.has(topic)) {
      fail(`unknown topic ${JSON.stringify(topic)} (known: ${TOPICS.join(', ')})`);
    }
  }
  if (new Set(e.topics as string[]).size !== (e.topics as string[]).length) fail('topics repeat');

  // A bare `<name>.js` only: the loader must never read outside the bank folder.
  if (typeof e.file !== 'string' || !/^[a-z0-9-]+\.js$/.test(e.file)) {
    fail(`file must be a plain "<name>.js" file name, got ${JSON.stringify(e.file)}`);
  }
  const file = e.file as string;
  const path = join(dir, file);
  if (!existsSync(path)) fail(`file ${file} not found in ${dir}`);
  const source = readFileSync(path, 'utf8');
  if (source.trim() === '') fail(`file ${file} is empty`);

  return {
    id,
    file,
    title: e.title as string,
    difficulty: e.difficulty as Difficulty,
    topics: [...(e.topics as Topic[])],
    explanation: e.explanation as string,
    source,
  };
}
