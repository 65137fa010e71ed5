// A small Vite plugin of our own: after a production build, writes a brotli (.br, quality 11) and a
// gzip (.gz, level 9) twin next to every text asset worth compressing (JS, CSS, HTML, SVG, JSON), so
// the server (server/static.ts) sends compressed bytes without compressing on each request. Uses only
// node:zlib. Files under `threshold` bytes, or that would not shrink, get no twin. It also records the
// project files the build read (.build-inputs.json in the output) so scripts/build-if-stale.mjs can
// tell whether a rebuild is needed by hashing exactly those.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;

export interface PrecompressOptions {
  /** Smallest file (bytes) worth a compressed twin. */
  threshold?: number;
}

export function precompress({ threshold = 1024 }: PrecompressOptions = {}): Plugin {
  let outDir = '';
  return {
    name: 'arena-precompress',
    apply: 'build',
    configResolved(config: ResolvedConfig) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const projectRoot = path.resolve(outDir, '../..');
      const inputs = [...this.getModuleIds()]
        .map((id) => id.split('?')[0])
        .filter((id) => path.isAbsolute(id) && id.startsWith(projectRoot + path.sep) && !id.includes(`${path.sep}node_modules${path.sep}`))
        .map((id) => path.relative(projectRoot, id))
        .sort();
      await writeFile(path.join(outDir, '.build-inputs.json'), JSON.stringify([...new Set(inputs)], null, 1));
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(outDir, name);
          const raw = await readFile(file);
          if (raw.length < threshold) return;
          const [br, gzipped] = await Promise.all([
            brotli(raw, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
              },
            }),
            gz(raw, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          if (br.length < raw.length) await writeFile(`${file}.br`, br);
          if (gzipped.length < raw.length) await writeFile(`${file}.gz`, gzipped);
        }),
      );
    },
  };
}
