// A tiny history router: the current Route as reactive state, links that push history entries,
// and the back button. No dependency; the server answers every path with index.html.
import { parseRoute, routePath, type Route } from './route.ts';

/** The app's current route, kept in sync with the address bar. */
export class Router {
  #route = $state<Route>({ name: 'landing' });

  constructor() {
    if (typeof location !== 'undefined') this.#route = parseRoute(location.pathname, location.search, location.hash);
  }

  get route(): Route {
    return this.#route;
  }

  /** Listens to the back/forward buttons; returns the cleanup. */
  start(): () => void {
    const onPop = () => {
      this.#route = parseRoute(location.pathname, location.search, location.hash);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }

  /** Goes to a route, adding a history entry (or replacing the current one). */
  go(route: Route, replace = false): void {
    const path = routePath(route);
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    this.#route = route;
    window.scrollTo(0, 0);
  }

  /** Click handler for in-app links: navigates without a page load, leaves modified clicks alone. */
  link = (event: MouseEvent): void => {
    const anchor = event.currentTarget as HTMLAnchorElement;
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const url = new URL(anchor.href);
    this.go(parseRoute(url.pathname, url.search, url.hash));
  };
}

/** The one router of the page. */
export const router = new Router();
