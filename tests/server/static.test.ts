// Delivery of the web client (issue 8, bug 10): the precompress plugin writes .br/.gz twins of a build,
// and the server sends the phone route's hashed JS and CSS compressed (brotli, else gzip) with immutable
// caching, index.html with no-cache, and 404 for unknown assets. Raw bytes on the wire are read with
// node:http (fetch would decompress them silently).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompress } from '../../scripts/precompress-plugin.ts';
import { startServer, type TestServer } from './socket-helpers.ts';

let ts: TestServer | null = null;
afterEach(async () => {
  await ts?.close();
  ts = null;
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, acceptEncoding: string | null): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding === null ? {} : { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A small "build": index.html loading a hashed entry script and stylesheet, run through the plugin. */
async function fakeBuild(): Promise<{ dir: string; js: string; css: string; jsText: string }> {
  const project = mkdtempSync(path.join(tmpdir(), 'arena-build-'));
  const dir = path.join(project, 'dist/client');
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  const js = 'assets/index-Ab12Cd34.js';
  const css = 'assets/index-Ef56Gh78.css';
  // Realistic, repetitive code (what a bundle looks like): compresses well.
  const jsText = Array.from({ length: 400 }, (_, i) => `export function card${i}(round){return round.cards.filter((c)=>c.id!=="x${i}").map((c)=>c.text);}`).join('\n');
  writeFileSync(path.join(dir, js), jsText);
  writeFileSync(path.join(dir, css), Array.from({ length: 200 }, (_, i) => `.card-${i}{padding:${i % 7}px;margin:0 auto;color:#123456}`).join('\n'));
  writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>ARENA</title><script type="module" src="/${js}"></script><link rel="stylesheet" href="/${css}">`);
  const plugin = precompress() as any;
  plugin.configResolved({ root: path.join(project, 'client'), build: { outDir: '../dist/client' } });
  const bundle = { [js]: {}, [css]: {}, 'index.html': {} };
  await plugin.writeBundle.call({ getModuleIds: () => [path.join(project, 'client/src/main.ts')][Symbol.iterator]() }, {}, bundle);
  return { dir, js, css, jsText };
}

describe('client delivery', () => {
  it('the plugin writes brotli and gzip twins that decompress to the original, and lists the build inputs', async () => {
    const { dir, js, jsText } = await fakeBuild();
    const br = readFileSync(path.join(dir, `${js}.br`));
    const gz = readFileSync(path.join(dir, `${js}.gz`));
    expect(brotliDecompressSync(br).toString()).toBe(jsText);
    expect(gunzipSync(gz).toString()).toBe(jsText);
    expect(br.length).toBeLessThan(jsText.length / 4);
    expect(JSON.parse(readFileSync(path.join(dir, '.build-inputs.json'), 'utf8'))).toEqual(['client/src/main.ts']);
  });

  it("serves the phone route's JS and CSS compressed with immutable caching, and the page with no-cache", async () => {
    const { dir, js, css, jsText } = await fakeBuild();
    ts = await startServer({ clientDir: dir });
    // The join link a phone opens.
    const page = await get(`${ts.url}/?room=ABCDEF`, 'br, gzip');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    const scripts = [...page.body.toString().matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual([js, css]);

    const plain = await get(`${ts.url}/${js}`, null);
    const br = await get(`${ts.url}/${js}`, 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(br.body).toString()).toBe(jsText);
    expect(br.body.length).toBeLessThan(plain.body.length / 4);

    const gz = await get(`${ts.url}/${js}`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(jsText);

    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.toString()).toBe(jsText);

    const style = await get(`${ts.url}/${css}`, 'br');
    expect(style.headers['content-encoding']).toBe('br');
    expect(style.headers['content-type']).toMatch(/text\/css/);

    // br refused explicitly (q=0): gzip instead.
    expect((await get(`${ts.url}/${js}`, 'br;q=0, gzip')).headers['content-encoding']).toBe('gzip');
    // An unknown asset is a 404, never the page (a cached page under an asset name would be immutable).
    const missing = await get(`${ts.url}/assets/index-Zz99.js`, 'br');
    expect(missing.status).toBe(404);
    // The build's private files are not served.
    expect((await get(`${ts.url}/.build-inputs.json`, null)).body.toString()).not.toContain('client/src');
  });
});
