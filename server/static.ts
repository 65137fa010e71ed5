// Delivery of the built web client: hashed assets (/assets/*-[hash].js|css...) precompressed at build
// time (scripts/precompress-plugin.ts writes .br and .gz next to each file) are served in the best
// encoding the browser accepts, with `Cache-Control: public, max-age=31536000, immutable` (a new build
// gives new names); everything else, index.html first, is `no-cache` so a phone always checks for a new
// build. Unknown /assets/ paths are 404 (never the page), other page paths get index.html (SPA
// fallback), or a "build first" page when the client is not built.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Precompressed variants, in the order the server prefers them. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Paths the SPA fallback must leave alone (APIs, sockets, the report). */
function isApiPath(p: string): boolean {
  return p.startsWith('/socket.io') || p.startsWith('/rooms/') || p === '/healthz';
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Serves the client in `clientDir` on `app` (after the API routes). */
export function serveClient(app: Express, clientDir: string, notBuiltPage: string): void {
  const root = path.resolve(clientDir);
  const assets = path.join(root, 'assets');
  const indexHtml = path.join(root, 'index.html');

  // Hashed assets: the precompressed file when the browser takes it.
  app.use('/assets', (req: Request, res: Response, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let file: string;
    try {
      file = path.join(assets, decodeURIComponent(req.path));
    } catch {
      return void res.status(400).end();
    }
    if (!file.startsWith(assets + path.sep) || !isFile(file)) return void res.status(404).type('text').send('Not found');
    res.set('Vary', 'Accept-Encoding');
    // Our preference (br, then gzip) among what the browser accepts (q=0 means no); browsers list gzip first.
    const encoding = ENCODINGS.find((e) => req.acceptsEncodings(e.name) === e.name && isFile(file + e.suffix));
    if (!encoding) return void res.sendFile(file, { headers: { 'Cache-Control': IMMUTABLE }, cacheControl: false });
    res.type(path.extname(file));
    res.sendFile(file + encoding.suffix, {
      headers: { 'Cache-Control': IMMUTABLE, 'Content-Encoding': encoding.name },
      cacheControl: false,
    });
  });

  // Other built files (index.html, icons): revalidate every time; never list .br/.gz twins as pages.
  app.use(
    express.static(root, {
      index: 'index.html',
      fallthrough: true,
      cacheControl: false,
      setHeaders: (res) => res.setHeader('Cache-Control', REVALIDATE),
    }),
  );

  // SPA fallback: any other GET that looks like a page gets the client (or the "build first" page).
  app.use((req, res, next) => {
    if (req.method !== 'GET' || isApiPath(req.path)) return next();
    res.set('Cache-Control', REVALIDATE);
    if (existsSync(indexHtml)) return void res.sendFile(indexHtml, { cacheControl: false });
    res.status(200).type('html').send(notBuiltPage);
  });
}
