// The 'url' and 'path' modules, as far as ES modules use them to find their own file:
// url.fileURLToPath(import.meta.url) and path.dirname/basename/extname/join of such paths
// (POSIX paths, as on the Linux machine the answer key is recorded on), and the global URL / url.URL
// (read-only fields, toString, toJSON), fileURLToPath of a URL and pathToFileURL of an absolute path.
// Printing a URL object (several lines in Node) and searchParams are refused.
import { errorAt, ThrowSignal } from '../../errors.ts';
import type { Runtime } from '../runtime.ts';
import { nodeError, nodeTypeError } from '../runtime.ts';
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
  const invalidUrl = (input: string): never => {
    const e = nodeError(new TypeError('Invalid URL'), 'ERR_INVALID_URL');
    (e as any).input = input;
    throw new ThrowSignal(e);
  };
  const urlText = (v: unknown, what: string): string => {
    if (typeof v === 'string') return v;
    const inner = typeof v === 'object' && v !== null ? innerOf.get(v) : undefined;
    if (inner) return inner.href;
    throw errorAt('unsupported', `Unsupported: ${what} that is not a string or a URL (its String() conversion is not simulated)`, interp.currentCall);
  };
  const innerOf = new WeakMap<object, URL>();
  const HostURL = globalThis.URL;
  const parse = (input: string, base?: string): URL => {
    try {
      return base === undefined ? new HostURL(input) : new HostURL(input, base);
    } catch {
      return invalidUrl(input);
    }
  };
  const inner = (self: unknown): URL => {
    const u = typeof self === 'object' && self !== null ? innerOf.get(self) : undefined;
    if (!u) throw new ThrowSignal(nodeError(new TypeError('Value of "this" must be of type URL'), 'ERR_INVALID_THIS'));
    return u;
  };
  /** The WHATWG URL as Node 20 has it (parsing by the platform's own URL): read-only fields, toString, toJSON. */
  class SimURL {
    constructor(input: unknown, base?: unknown) {
      if (!new.target) throw new ThrowSignal(new TypeError("Class constructor URL cannot be invoked without 'new'"));
      const u = parse(urlText(input, 'new URL() of a value'), base === undefined ? undefined : urlText(base, 'a URL base'));
      innerOf.set(this, u);
      host.strict('URL', this);
    }
    get href(): string { return inner(this).href; }
    get origin(): string { return inner(this).origin; }
    get protocol(): string { return inner(this).protocol; }
    get username(): string { return inner(this).username; }
    get password(): string { return inner(this).password; }
    get host(): string { return inner(this).host; }
    get hostname(): string { return inner(this).hostname; }
    get port(): string { return inner(this).port; }
    get pathname(): string { return inner(this).pathname; }
    get search(): string { return inner(this).search; }
    get hash(): string { return inner(this).hash; }
    get searchParams(): never {
      throw errorAt('unsupported', 'Unsupported: URL searchParams (URLSearchParams is not simulated)', interp.currentCall);
    }
    toString(): string { return inner(this).href; }
    toJSON(): string { return inner(this).href; }
  }
  Object.defineProperty(SimURL, 'name', { value: 'URL' });
  host.strict('URL', SimURL);
  host.refuseSubclass(SimURL);
  host.defineGlobal('URL', SimURL);
  host.addInspectRule({ refuse: (v) => (innerOf.has(v) ? 'a URL object prints over several lines in Node; log url.href or one of its fields instead' : null) });

  const url = host.strict('url', {
    URL: SimURL,
    fileURLToPath: named('fileURLToPath', (u: unknown) => {
      let parsed: URL;
      if (typeof u === 'string') parsed = parse(u);
      else if (typeof u === 'object' && u !== null && innerOf.has(u)) parsed = innerOf.get(u)!;
      else throw new ThrowSignal(nodeTypeError('path', 'string or an instance of URL', u));
      if (parsed.protocol !== 'file:') throw new ThrowSignal(nodeError(new TypeError('The URL must be of scheme file'), 'ERR_INVALID_URL_SCHEME'));
      if (parsed.hostname !== '') {
        throw new ThrowSignal(nodeError(new TypeError(`File URL host must be "localhost" or empty on linux`), 'ERR_INVALID_FILE_URL_HOST'));
      }
      const pathname = parsed.pathname;
      for (let n = 0; n < pathname.length; n++) {
        if (pathname[n] === '%' && pathname[n + 1] === '2' && (pathname.charCodeAt(n + 2) | 0x20) === 0x66) {
          throw new ThrowSignal(nodeError(new TypeError('File URL path must not include encoded / characters'), 'ERR_INVALID_FILE_URL_PATH'));
        }
      }
      return decodeURIComponent(pathname);
    }),
    pathToFileURL: named('pathToFileURL', (p: unknown) => {
      const s = str(p, 'path');
      if (!s.startsWith('/')) {
        throw errorAt('unsupported', 'Unsupported: url.pathToFileURL of a relative path (it resolves against the working directory)', interp.currentCall);
      }
      let resolved = normalize(s);
      if (s.endsWith('/') && resolved !== '/') resolved += '/';
      const out = new SimURL('file://');
      const encoded = resolved.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/\t/g, '%09');
      innerOf.get(out)!.pathname = encoded;
      return out;
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
