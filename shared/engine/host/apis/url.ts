// The 'url' and 'path' modules, as far as ES modules use them to find their own file:
// url.fileURLToPath(import.meta.url) and path.dirname/basename/extname/join of such paths
// (POSIX paths, as on the Linux machine the answer key is recorded on). URL objects are refused.
import { errorAt, ThrowSignal } from '../../errors.ts';
import type { Runtime } from '../runtime.ts';
import { nodeTypeError } from '../runtime.ts';
import { named } from './util-internal.ts';

/** path.posix.normalize for the simple paths snippets build. */
function normalize(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(part);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

export function install(host: Runtime): void {
  const interp = host.interp;
  const str = (v: unknown, arg: string): string => {
    if (typeof v !== 'string') throw new ThrowSignal(nodeTypeError(arg, 'string', v));
    return v;
  };
  const url = host.strict('url', {
    fileURLToPath: named('fileURLToPath', (u: unknown) => {
      const s = str(u, 'path');
      if (!s.startsWith('file://')) {
        const e = new TypeError('The URL must be of scheme file');
        (e as any).code = 'ERR_INVALID_URL_SCHEME';
        throw new ThrowSignal(e);
      }
      return decodeURIComponent(s.slice('file://'.length));
    }),
    pathToFileURL: named('pathToFileURL', () => {
      throw errorAt('unsupported', 'Unsupported: url.pathToFileURL (URL objects are not simulated)', interp.currentCall);
    }),
  });
  host.modules.define('url', () => url);

  const basename = (p: string, ext?: string): string => {
    const trimmed = p.length > 1 ? p.replace(/\/+$/, '') : p;
    let base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
    if (ext && base.endsWith(ext) && base !== ext) base = base.slice(0, -ext.length);
    return base;
  };
  const path = host.strict('path', {
    sep: '/',
    dirname: named('dirname', (p: unknown) => {
      const s = str(p, 'path');
      if (s === '') return '.';
      const trimmed = s.length > 1 ? s.replace(/\/+$/, '') : s;
      const i = trimmed.lastIndexOf('/');
      if (i < 0) return '.';
      return i === 0 ? '/' : trimmed.slice(0, i);
    }),
    basename: named('basename', (p: unknown, ext?: unknown) => basename(str(p, 'path'), ext === undefined ? undefined : str(ext, 'ext'))),
    extname: named('extname', (p: unknown) => {
      const base = basename(str(p, 'path'));
      const i = base.lastIndexOf('.');
      return i <= 0 ? '' : base.slice(i);
    }),
    join: named('join', (...parts: unknown[]) => {
      const joined = parts.map((p) => str(p, 'path')).filter((p) => p !== '').join('/');
      return joined === '' ? '.' : normalize(joined);
    }),
  });
  host.modules.define('path', () => path);
}
