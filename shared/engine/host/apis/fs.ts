// The 'fs' and 'fs/promises' modules, for the snippet's own file only: readFile (callback, completed
// in a later poll phase as libuv's thread pool would), readFileSync and fs.promises.readFile. A read in
// flight races with every timer, immediate or other read that could run while it finishes.
// createReadStream: opening and closing the file (its 'close' event), not reading it.
import { errorAt, ThrowSignal } from '../../errors.ts';
import { isObject } from '../../language/operations.ts';
import type { SourceRange } from '../../types.ts';
import { nodeTypeError, type Runtime } from '../runtime.ts';
import { named } from './util-internal.ts';

/** File contents handed to a readFile callback without an encoding: prints like Node's Buffer. */
class FileBuffer {
  readonly length: number;
  constructor(readonly bytes: Uint8Array, private readonly text: string) {
    this.length = bytes.length;
  }
  toString(): string {
    return this.text;
  }
}

/**
 * How long a file read takes in the thread pool, in virtual ms. readFile is open, fstat, read and close,
 * each a round trip through the pool: in node a 0 ms timer set beside it fires first (24 of 24 runs in
 * the corpus), a timer of a few ms usually after. The order is reported as a race either way.
 */
const FILE_READ_MS = 2;

export function install(host: Runtime): void {
  const interp = host.interp;
  const opts = host.opts;
  const data = () => ({ bytes: new TextEncoder().encode(opts.source), text: opts.source });
  const checkPath = (path: unknown, fn: string): void => {
    const p = typeof path === 'string' ? path : path instanceof URL ? path.pathname : path;
    if (p !== opts.filename) {
      throw errorAt('unsupported', `Unsupported: ${fn} of ${interp.inspectForError(path)}; only the snippet's own file (__filename${opts.module === 'module' ? ' or import.meta.filename' : ''}) can be read`, interp.currentCall);
    }
  };
  const encodingOf = (options: unknown): string | null => {
    if (typeof options === 'string') return options;
    if (isObject(options) && typeof (options as any).encoding === 'string') return (options as any).encoding;
    return null;
  };
  const contents = (options: unknown): unknown => {
    const enc = encodingOf(options);
    const d = data();
    // Only .length and .toString() are modelled; any other Buffer method is refused, not undefined.
    if (enc === null) return host.strictPrintable('Buffer', new FileBuffer(d.bytes, d.text));
    if (enc === 'utf8' || enc === 'utf-8') return d.text;
    throw errorAt('unsupported', `Unsupported: the '${enc}' encoding`, interp.currentCall);
  };
  const startIO = (label: string, loc: SourceRange | null, complete: () => void): void => {
    const id = host.nextId();
    const at = host.callLoc();
    const name = `${label.replace(/ \(line \d+\)$/, '')}${at ? ` (read started at ${at.start.line}:${at.start.column})` : ''}`;
    host.startIO({ id, label, loc, earliestIteration: host.iteration + 2, readyAt: host.clock.now() + FILE_READ_MS, complete, name: `the ${name}` });
    host.step('enqueue', `The file read starts in the background (libuv thread pool); ${label} will run in a poll phase when it finishes`, host.callLoc(), { jobId: id, queue: 'io' });
  };
  const readFile = named('readFile', (path: unknown, options?: unknown, cb?: unknown) => {
    // lib/fs.js: callback = maybeCallback(callback || options); a function as options means defaults.
    cb = cb || options;
    if (typeof options === 'function') options = undefined;
    if (typeof cb !== 'function') throw new ThrowSignal(nodeTypeError('cb', 'function', cb));
    checkPath(path, 'fs.readFile');
    const value = contents(options);
    const { label, loc } = host.fnLabel(cb, 'fs.readFile callback');
    startIO(label, loc, () => host.runMacrotaskCallback(cb as Function, undefined, [null, value]));
  });
  const readFileSync = named('readFileSync', (path: unknown, options?: unknown) => {
    checkPath(path, 'fs.readFileSync');
    return contents(options);
  });
  const readFilePromise = named('readFile', (path: unknown, options?: unknown) => {
    checkPath(path, 'fs.promises.readFile');
    const value = contents(options);
    const cap = host.kit.newCapability(`promise from fs.promises.readFile()${host.currentLineSuffix()}`);
    startIO(`fs.promises.readFile result${host.currentLineSuffix()}`, host.callLoc(), () => cap.resolve(value));
    return cap.promise;
  });
  // fs.createReadStream of the snippet's own file, as far as closing it goes (the close queue demo):
  // Node opens the file in the thread pool; close()/destroy() before the open completes waits for it,
  // then closes the fd (another round trip through the pool), and 'close' is emitted on the next tick
  // after that close completes. Reading ('data', 'end', pipe, read) and options are refused.
  const streams = new WeakSet<object>();
  const createReadStream = named('createReadStream', (path: unknown, options?: unknown) => {
    checkPath(path, 'fs.createReadStream');
    if (options !== undefined) throw errorAt('unsupported', 'Unsupported: fs.createReadStream with options', interp.currentCall);
    const at = host.callLoc();
    const where = at ? ` (stream created at ${at.start.line}:${at.start.column})` : '';
    const closeListeners: { fn: Function; once: boolean }[] = [];
    let destroyed = false;
    let opened = false;
    const ioStep = (what: string, complete: () => void): void => {
      const id = host.nextId();
      const label = `the read stream's ${what} callback${where}`;
      host.startIO({ id, label, loc: at, earliestIteration: host.iteration + 2, readyAt: host.clock.now() + 1, complete, name: label });
      host.step('enqueue', `fs.createReadStream: the file's ${what} starts in the background (libuv thread pool)`, at, { jobId: id, queue: 'io' });
    };
    const emitClose = named('emitCloseNT', () => {
      for (const l of [...closeListeners]) {
        if (l.once) closeListeners.splice(closeListeners.indexOf(l), 1);
        interp.callFromHost(l.fn, stream, [], null);
      }
    });
    const closeFd = (): void => ioStep('close', () => (host.global as any).process.nextTick(emitClose));
    ioStep('open', () => {
      opened = true;
      if (destroyed) closeFd();
    });
    const listen = (once: boolean) => (name: unknown, fn: unknown) => {
      if (name !== 'close') throw errorAt('unsupported', `Unsupported: a read stream's '${String(name)}' event (only 'close' is simulated; reading a stream is not)`, interp.currentCall);
      if (typeof fn !== 'function') throw new ThrowSignal(nodeTypeError('listener', 'function', fn));
      closeListeners.push({ fn, once });
      return stream;
    };
    const destroy = (method: string) => named(method, (...args: unknown[]) => {
      if (args.length) throw errorAt('unsupported', `Unsupported: stream.${method}() with arguments`, interp.currentCall);
      if (destroyed) return stream;
      destroyed = true;
      if (opened) closeFd();
      return stream;
    });
    const stream: object = host.strict('ReadStream', {
      on: named('on', listen(false)),
      addListener: named('addListener', listen(false)),
      once: named('once', listen(true)),
      close: destroy('close'),
      destroy: destroy('destroy'),
      get destroyed() {
        return destroyed;
      },
    });
    streams.add(stream);
    return stream;
  });
  const fsPromises = host.strict('fs.promises', { readFile: readFilePromise });
  const fs = host.strict('fs', { readFile, readFileSync, createReadStream, promises: fsPromises });
  host.modules.define('fs', () => fs);
  host.modules.define('fs/promises', () => fsPromises);

  // A read that may already have finished when a loop callback runs: the order is a race.
  host.beforeCallback((what) => {
    for (const op of host.io) {
      if (op.earliestIteration <= host.iteration && op.readyAt <= host.clock.now() + 1) host.addRace(`File read race: ${op.name} and ${what} can run in either order: the read may finish before or after it`);
    }
  });
  host.addInspectRule({ refuse: (v) => (streams.has(v) ? 'a ReadStream prints its internal state over many lines; log something else' : null) });
  host.addInspectRule({
    special: (v) => {
      if (!(v instanceof FileBuffer)) return null;
      const shown = Array.from(v.bytes.slice(0, 50), (b) => b.toString(16).padStart(2, '0')).join(' ');
      const more = v.bytes.length - 50;
      return `<Buffer ${shown}${more > 0 ? ` ... ${more} more byte${more > 1 ? 's' : ''}` : ''}>`;
    },
  });
}
