// The module table: what `require(name)` returns in a CommonJS snippet and what `import ... from name`
// binds in an ES module. Host APIs register their modules here (`host.modules.define('events', ...)`);
// every module is also reachable with the `node:` prefix, as in Node. Anything else is refused with
// the call's line:column, naming the modules that are simulated.
import { errorAt } from '../errors.ts';
import type { Runtime } from './runtime.ts';

/** The directory part of a path. */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export class ModuleTable {
  private readonly table = new Map<string, () => Record<string, unknown>>();
  private readonly cache = new Map<string, Record<string, unknown>>();

  constructor(private readonly host: Runtime) {}

  /** Registers a built-in module; `exports` is built on first use and then shared, like Node's cache. */
  define(name: string, exports: () => Record<string, unknown>): void {
    this.table.set(name, exports);
  }

  /** The names that can be required, for refusals. */
  names(): string[] {
    return [...this.table.keys()];
  }

  /** The exports of a built-in module, or null when it is not simulated. */
  load(specifier: string): Record<string, unknown> | null {
    const name = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
    const cached = this.cache.get(name);
    if (cached) return cached;
    const make = this.table.get(name);
    if (!make) return null;
    const exports = make();
    this.cache.set(name, exports);
    return exports;
  }

  private refusal(what: string): string {
    return `Unsupported: ${what} (the simulated modules are ${this.names().map((n) => `'${n}'`).join(', ')})`;
  }

  /** The `require` function of the main CommonJS script. */
  makeRequire(): Function {
    const host = this.host;
    const require = (name: unknown): unknown => {
      const mod = this.load(String(name));
      if (!mod) throw errorAt('unsupported', this.refusal(`require('${String(name)}')`), host.interp.currentCall);
      return mod;
    };
    Object.defineProperty(require, 'name', { value: 'require' });
    return require;
  }

  /** An import declaration of an ES module: binds each specifier through `declare`. */
  bindImport(decl: any, declare: (name: string, value: unknown) => void): void {
    const src = String(decl.source.value);
    const mod = this.load(src);
    if (!mod) throw errorAt('unsupported', this.refusal(`import from '${src}'`), decl.source);
    for (const spec of decl.specifiers) {
      let value: unknown;
      if (spec.type === 'ImportDefaultSpecifier' || spec.type === 'ImportNamespaceSpecifier') value = mod;
      else {
        const name = spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value);
        if (!(name in mod)) throw errorAt('unsupported', `Unsupported: ${src} export '${name}' is not simulated`, spec);
        value = mod[name];
      }
      declare(spec.local.name, value);
    }
  }

  /** import.meta of the main module. */
  importMeta(): object {
    const filename = this.host.opts.filename;
    return { filename, dirname: dirname(filename), url: `file://${filename}` };
  }
}
