// Reactive side of the hash router: the current route as $state, kept in sync with `hashchange`.
import { parseHash, routeHref, type Route } from './routes';

class Router {
  #route = $state<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));

  get route(): Route {
    return this.#route;
  }

  /** Re-read `location.hash`; the hashchange listener calls this. */
  sync = (): void => {
    this.#route = parseHash(location.hash);
  };

  /** Start listening to `hashchange`; returns the function that stops it. */
  start(): () => void {
    this.sync();
    window.addEventListener('hashchange', this.sync);
    return () => window.removeEventListener('hashchange', this.sync);
  }

  /** Go to a route. `replace` rewrites the current history entry (no Back step). */
  navigate(to: Route, options: { replace?: boolean } = {}): void {
    const hash = routeHref(to);
    if (options.replace) {
      history.replaceState(history.state, '', hash);
    } else if (location.hash !== hash) {
      location.hash = hash;
    }
    // hashchange is asynchronous (and not fired by replaceState): update now so the UI
    // never shows a frame of the old route.
    this.#route = parseHash(hash);
  }
}

export const router = new Router();
