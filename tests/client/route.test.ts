// The router's URL parsing: every way a join link can arrive, hash routes, and unknown paths.
import { describe, expect, it } from 'vitest';
import { normalizeCode, parseRoute, routePath } from '../../client/src/lib/route.ts';

describe('parseRoute', () => {
  it.each([
    ['/', '', '', { name: 'landing' }],
    ['/host', '', '', { name: 'host' }],
    ['/practice', '', '', { name: 'practice' }],
    ['/play/ABC123', '', '', { name: 'play', code: 'ABC123' }],
    ['/play/abc123', '', '', { name: 'play', code: 'ABC123' }],
    ['/join', '?code=xy7k2p', '', { name: 'play', code: 'XY7K2P' }],
    ['/join', '', '', { name: 'play', code: null }],
    ['/', '?room=QWERTY', '', { name: 'play', code: 'QWERTY' }],
    ['/', '?code=qw-er ty', '', { name: 'play', code: 'QWERTY' }],
    ['/', '', '#/play/HJK789', { name: 'play', code: 'HJK789' }],
    ['/', '', '#/join?code=hjk789', { name: 'play', code: 'HJK789' }],
    ['/index.html', '', '#/host', { name: 'host' }],
    ['/host/', '', '', { name: 'host' }],
    ['/nope', '', '', { name: 'not-found', path: '/nope' }],
    ['/play/A/B', '', '', { name: 'not-found', path: '/play/A/B' }],
  ])('%s%s%s', (path, search, hash, expected) => {
    expect(parseRoute(path, search, hash)).toEqual(expected);
  });

  it('gives each route a path that parses back to it', () => {
    for (const route of [{ name: 'landing' }, { name: 'host' }, { name: 'practice' }, { name: 'play', code: 'ABC123' }, { name: 'play', code: null }] as const) {
      expect(parseRoute(routePath(route))).toEqual(route);
    }
  });

  it('normalizes typed codes', () => {
    expect(normalizeCode(' ab-c 12 3 ')).toBe('ABC123');
    expect(normalizeCode('<script>')).toBe('SCRIPT');
  });
});
