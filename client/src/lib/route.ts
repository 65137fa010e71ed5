// The client's routes as plain data, parsed from a URL. Pure so it can be tested without a browser;
// router.svelte.ts makes it reactive. Paths are the primary form (/play/ABC123); a hash form
// (#/play/ABC123) is accepted too, for static hosting without a history fallback.

/** Where the user is in the app. */
export type Route =
  | { name: 'landing' }
  | { name: 'host' }
  | { name: 'play'; code: string | null }
  | { name: 'practice' }
  | { name: 'library' }
  | { name: 'not-found'; path: string };

/** Room codes are shown in upper case; people type them any way. */
export function normalizeCode(raw: string): string {
  return raw.replace(/[^a-z0-9]/gi, '').toUpperCase().slice(0, 12);
}

/** Reads a route from the parts of a URL (`location.pathname`, `location.search`, `location.hash`). */
export function parseRoute(pathname: string, search = '', hash = ''): Route {
  // A hash route wins when present, so `/#/play/ABC` works from a static file server.
  let path = pathname;
  let query = search;
  if (hash.startsWith('#/')) {
    const rest = hash.slice(1);
    const q = rest.indexOf('?');
    path = q === -1 ? rest : rest.slice(0, q);
    query = q === -1 ? '' : rest.slice(q);
  }
  const parts = path.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  const params = new URLSearchParams(query);
  const first = (parts[0] ?? '').toLowerCase();
  // Join links carry the code as `?room=` or `?code=` (the server's join URL is `/?room=CODE`).
  const linkCode = params.get('room') ?? params.get('code');
  if (parts.length === 0) {
    const code = linkCode;
    return code ? { name: 'play', code: normalizeCode(code) || null } : { name: 'landing' };
  }
  if (first === 'host' && parts.length === 1) return { name: 'host' };
  if (first === 'practice' && parts.length === 1) return { name: 'practice' };
  if (first === 'library' && parts.length === 1) return { name: 'library' };
  if ((first === 'join' || first === 'play') && parts.length <= 2) {
    const raw = parts[1] ?? linkCode ?? '';
    return { name: 'play', code: normalizeCode(raw) || null };
  }
  return { name: 'not-found', path };
}

/** The canonical path of a route, for links and `history.pushState`. */
export function routePath(route: Route): string {
  switch (route.name) {
    case 'landing':
      return '/';
    case 'host':
      return '/host';
    case 'practice':
      return '/practice';
    case 'library':
      return '/library';
    case 'play':
      return route.code ? `/play/${encodeURIComponent(route.code)}` : '/join';
    case 'not-found':
      return route.path;
  }
}
