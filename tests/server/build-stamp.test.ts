// `npm start` rebuilds the client only when the build's inputs changed (issue 8, bug 10):
// scripts/build-if-stale.mjs on a throwaway project: a stamped build stays fresh until a file the build
// read, the Vite config or the lockfile changes; files the build did not read do not matter.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript script without type declarations
import { fingerprint, isFresh, stamp } from '../../scripts/build-if-stale.mjs';

function project(withInputsList: boolean): string {
  const root = mkdtempSync(path.join(tmpdir(), 'arena-stamp-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('client/src/main.ts', 'import "./app";');
  write('client/src/app.ts', 'export const round = 1;');
  write('shared/engine/interpreter.ts', 'export const step = 1;');
  write('vite.config.ts', 'export default {};');
  write('package-lock.json', '{}');
  write('dist/client/index.html', '<!doctype html>');
  if (withInputsList) write('dist/client/.build-inputs.json', JSON.stringify(['client/src/main.ts', 'client/src/app.ts']));
  return root;
}

describe('build stamp', () => {
  it('stays fresh until a file the build read changes', () => {
    const root = project(true);
    expect(isFresh(root)).toBe(false); // never stamped
    stamp(root);
    expect(isFresh(root)).toBe(true);
    writeFileSync(path.join(root, 'shared/engine/interpreter.ts'), 'export const step = 2;'); // not read by the client build
    expect(isFresh(root)).toBe(true);
    writeFileSync(path.join(root, 'client/src/app.ts'), 'export const round = 2;');
    expect(isFresh(root)).toBe(false);
    stamp(root);
    expect(isFresh(root)).toBe(true);
    writeFileSync(path.join(root, 'vite.config.ts'), 'export default { base: "/" };');
    expect(isFresh(root)).toBe(false);
    stamp(root);
    writeFileSync(path.join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    expect(isFresh(root)).toBe(false);
    stamp(root);
    rmSync(path.join(root, 'client/src/app.ts'));
    expect(isFresh(root)).toBe(false);
  });

  it('without the list of inputs every client and shared file counts, and a missing build is stale', () => {
    const root = project(false);
    stamp(root);
    const before = fingerprint(root);
    writeFileSync(path.join(root, 'shared/engine/interpreter.ts'), 'export const step = 3;');
    expect(fingerprint(root)).not.toBe(before);
    expect(isFresh(root)).toBe(false);
    stamp(root);
    expect(isFresh(root)).toBe(true);
    rmSync(path.join(root, 'dist/client/index.html'));
    expect(isFresh(root)).toBe(false);
  });
});
