// The instructors' command line (scripts/simulate.ts), run as a child process on temp files:
// plain output, "== file" headers, --json lines, ES module mode, every kind of error, exit codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate } from '../shared/engine/index.ts';
import { splitLines } from './helpers/run-node.ts';

const ROOT = join(import.meta.dirname, '..');
const SCRIPT = join(ROOT, 'scripts', 'simulate.ts');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

const GOOD = [
  "console.log('sync');",
  "setTimeout(() => console.log('timeout'), 0);",
  "Promise.resolve().then(() => console.log('promise'));",
  "process.nextTick(() => console.log('tick'));",
].join('\n');
/** Prints tick before micro as a script, micro before tick as an ES module. */
const ORDER_BY_MODULE = "process.nextTick(() => console.log('tick'));\nPromise.resolve().then(() => console.log('micro'));\n";
const SYNTAX_ERROR = "console.log('a');\nconsole.log('b'\n";
const UNSUPPORTED = "const when = 1;\nconsole.log(Date.now());\n";
const RACE = "setTimeout(() => console.log('timeout'), 0);\nsetImmediate(() => console.log('immediate'));\n";

describe('npm run simulate (scripts/simulate.ts)', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ela-cli-'));
    await writeFile(file('good.js'), GOOD);
    await writeFile(file('order.js'), ORDER_BY_MODULE);
    await writeFile(file('order.mjs'), ORDER_BY_MODULE);
    await writeFile(file('syntax.js'), SYNTAX_ERROR);
    await writeFile(file('unsupported.js'), UNSUPPORTED);
    await writeFile(file('race.js'), RACE);
    await mkdir(file('a-folder.js'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the simulated output of one file, nothing else, and exits 0', async () => {
    const run = await cli(file('good.js'));
    expect(run.code).toBe(0);
    expect(splitLines(run.stdout)).toEqual(['sync', 'tick', 'promise', 'timeout']);
    expect(splitLines(run.stdout)).toEqual(simulate(GOOD).output);
    expect(run.stderr).toBe('');
  });

  it('puts a "== file" header before each file when given several', async () => {
    const run = await cli(file('good.js'), file('order.js'));
    expect(run.code).toBe(0);
    expect(splitLines(run.stdout)).toEqual([`== ${file('good.js')}`, 'sync', 'tick', 'promise', 'timeout', `== ${file('order.js')}`, 'tick', 'micro']);
  });

  it('simulates .mjs files, and any file with --module, as ES modules', async () => {
    expect(splitLines((await cli(file('order.mjs'))).stdout)).toEqual(['micro', 'tick']);
    expect(splitLines((await cli('--module', file('order.js'))).stdout)).toEqual(['micro', 'tick']);
    expect(splitLines((await cli(file('order.js'))).stdout)).toEqual(['tick', 'micro']);
  });

  it('names line:column of a syntax error and exits 2', async () => {
    const run = await cli(file('syntax.js'));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(file('syntax.js'));
    expect(run.stderr).toMatch(/SyntaxError.*\(3:1\)/);
  });

  it('explains an unsupported construct with its place and exits 2', async () => {
    const run = await cli(file('unsupported.js'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/absolute time.*\(2:1\)/);
  });

  it('reports a missing file and a directory, keeps going with the others, and exits 2', async () => {
    const run = await cli(file('missing.js'), file('good.js'), file('a-folder.js'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file('missing.js')}: Cannot read`);
    expect(run.stderr).toContain(`${file('a-folder.js')}: Cannot read`);
    expect(splitLines(run.stdout)).toEqual([`== ${file('missing.js')}`, `== ${file('good.js')}`, 'sync', 'tick', 'promise', 'timeout', `== ${file('a-folder.js')}`]);
  });

  it('warns on stderr when the order is a race, keeping stdout the output', async () => {
    const run = await cli(file('race.js'));
    expect(run.code).toBe(0);
    expect(splitLines(run.stdout).sort()).toEqual(['immediate', 'timeout']);
    expect(run.stderr).toMatch(/race/);
  });

  it('--json prints one object per file with the documented shape', async () => {
    const run = await cli('--json', file('good.js'), file('syntax.js'), file('missing.js'), file('race.js'));
    expect(run.code).toBe(2);
    const lines = splitLines(run.stdout).map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    const expected = simulate(GOOD);
    expect(lines[0]).toEqual({ file: file('good.js'), output: expected.output, deterministic: true, cards: expected.cards });
    expect(lines[1]).toEqual({ file: file('syntax.js'), error: { message: expect.stringMatching(/SyntaxError/), line: 3, column: 1 } });
    expect(lines[2]).toEqual({ file: file('missing.js'), error: { message: expect.stringMatching(/Cannot read/), line: null, column: null } });
    expect(lines[3]).toMatchObject({ file: file('race.js'), deterministic: false });
    expect(Object.keys(lines[3]).sort()).toEqual(['cards', 'deterministic', 'file', 'output']);
  });

  it('--json exits 0 when every file simulated', async () => {
    const run = await cli('--json', file('good.js'));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).output).toEqual(['sync', 'tick', 'promise', 'timeout']);
  });

  it('prints the usage and exits 2 without files or with an unknown option', async () => {
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/usage: npm run -s simulate -- \[--json\] \[--module\] FILE/);
    const unknown = await cli('--frobnicate', file('good.js'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option --frobnicate/);
    expect(unknown.stdout).toBe('');
  });
});
