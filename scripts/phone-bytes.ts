// Measures what a phone downloads to play, from the real build served by the real server: the join
// page (index.html), the entry JS/CSS it names, and the player route's lazy chunks (the Player entry of
// Vite's preload map in the entry script), each fetched plain, with gzip and with brotli. Also shows the
// caching headers a phone gets. Usage: `npm run build` once, then `tsx scripts/phone-bytes.ts`.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../server/app.ts';

const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/client');

function get(url: string, encoding: string | null): Promise<{ bytes: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: encoding ? { 'Accept-Encoding': encoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ bytes: body.length, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The player route's chunks: the preload group of Vite's map whose first file is the Player chunk. */
function playerChunks(entryJs: string): string[] {
  const files = [...entryJs.matchAll(/"(assets\/[^"]+)"/g)].map((m) => m[1]);
  const unique = [...new Set(files)];
  for (const group of entryJs.matchAll(/__vite__mapDeps\(\[([\d,]+)\]\)/g)) {
    const chunk = group[1].split(',').map((i) => unique[Number(i)]);
    if (chunk[0] && /\/Player-[^/]+\.js$/.test(chunk[0])) return chunk;
  }
  throw new Error('no Player chunk in the entry script: is dist/client a current build?');
}

const server = createApp({ deck: [], clientDir, log: () => {} });
await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
try {
  const page = await get(`${base}/?room=ABCDEF`, null);
  const html = page.body.toString();
  const entry = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
  const entryJs = readFileSync(path.join(clientDir, entry.find((f) => f.endsWith('.js'))!), 'utf8');
  const urls = ['?room=ABCDEF', ...new Set([...entry, ...playerChunks(entryJs)])];
  const totals = { plain: 0, gzip: 0, br: 0 };
  console.log(`${'file'.padEnd(34)} ${'plain'.padStart(8)} ${'gzip'.padStart(8)} ${'br'.padStart(8)}  cache-control`);
  for (const url of urls) {
    const [plain, gzip, br] = await Promise.all([get(`${base}/${url}`, null), get(`${base}/${url}`, 'gzip'), get(`${base}/${url}`, 'gzip, deflate, br')]);
    totals.plain += plain.bytes;
    totals.gzip += gzip.bytes;
    totals.br += br.bytes;
    console.log(`${(url.startsWith('?') ? 'index.html' : url).padEnd(34)} ${String(plain.bytes).padStart(8)} ${String(gzip.bytes).padStart(8)} ${String(br.bytes).padStart(8)}  ${br.headers['cache-control']} (${br.headers['content-encoding'] ?? 'identity'})`);
  }
  console.log(`${'per phone, first visit'.padEnd(34)} ${String(totals.plain).padStart(8)} ${String(totals.gzip).padStart(8)} ${String(totals.br).padStart(8)}`);
  console.log(`brotli saves ${Math.round(100 * (1 - totals.br / totals.plain))}% of the plain bytes; a later visit downloads only index.html (${page.bytes} bytes) again.`);
} finally {
  await server.close();
}
