// Command line for instructors: what would `node FILE` print, according to the engine?
//
//   npm run -s simulate -- FILE...            the output lines ("== FILE" before each when several)
//   npm run -s simulate -- --json FILE...     one JSON object per line per file
//   npm run -s simulate -- --module FILE      simulate as an ES module (automatic for .mjs)
//
// Exit status: 0 when every file was simulated, 2 otherwise (and for a usage error).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SimulationError, simulate, type SimulationResult } from '../shared/engine/index.ts';

const USAGE = `usage: npm run -s simulate -- [--json] [--module] FILE...
  Prints what \`node FILE\` would print, as the Event Loop Arena engine simulates it.
  --json     one JSON object per file and line: {"file","output","deterministic","cards"}
             or {"file","error":{"message","line","column"}}
  --module   simulate as an ES module (files ending in .mjs always are)
  exit status 0 when every file was simulated, 2 otherwise`;

interface FileError {
  message: string;
  line: number | null;
  column: number | null;
}

type Outcome = { file: string; result: SimulationResult } | { file: string; error: FileError };

/** Simulates one file; every failure (unreadable, syntax, unsupported, engine bug) becomes an error. */
function simulateFile(file: string, forceModule: boolean): Outcome {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'it is a directory' : err.message;
    return { file, error: { message: `Cannot read ${file}: ${why}`, line: null, column: null } };
  }
  const module = forceModule || file.endsWith('.mjs') ? 'module' : 'commonjs';
  try {
    return { file, result: simulate(source, { module, filename: resolve(file) }) };
  } catch (e) {
    if (e instanceof SimulationError) return { file, error: { message: e.message, line: e.line, column: e.column } };
    return { file, error: { message: `Internal error in the simulator: ${(e as Error).message}`, line: null, column: null } };
  }
}

function main(argv: string[]): number {
  const files: string[] = [];
  let json = false;
  let module = false;
  let onlyFiles = false;
  for (const arg of argv) {
    if (!onlyFiles && arg === '--') onlyFiles = true;
    else if (!onlyFiles && arg === '--json') json = true;
    else if (!onlyFiles && arg === '--module') module = true;
    else if (!onlyFiles && (arg === '--help' || arg === '-h')) {
      console.log(USAGE);
      return 0;
    } else if (!onlyFiles && arg.startsWith('-') && arg !== '-') {
      console.error(`Unknown option ${arg}\n${USAGE}`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    console.error(USAGE);
    return 2;
  }

  let failed = 0;
  for (const file of files) {
    const outcome = simulateFile(file, module);
    if ('error' in outcome) failed++;
    if (json) {
      const line = 'error' in outcome
        ? { file, error: outcome.error }
        : { file, output: outcome.result.output, deterministic: outcome.result.deterministic, cards: outcome.result.cards };
      process.stdout.write(JSON.stringify(line) + '\n');
      continue;
    }
    if (files.length > 1) process.stdout.write(`== ${file}\n`);
    if ('error' in outcome) {
      process.stderr.write(`${file}: ${outcome.error.message}\n`);
      continue;
    }
    const { output, deterministic, races, exit } = outcome.result;
    for (const text of output) process.stdout.write(text + '\n');
    // Notes go to stderr so stdout stays exactly the program's output.
    if (!deterministic) process.stderr.write(`${file}: warning: the order is a race in real Node:\n${races.map((r) => `  - ${r}`).join('\n')}\n`);
    if (exit.code !== 0) process.stderr.write(`${file}: the process exits with code ${exit.code}${exit.message ? ` (${exit.message})` : ''}\n`);
  }
  return failed === 0 ? 0 : 2;
}

process.exitCode = main(process.argv.slice(2));
