// Pure part of the hash router: hash string ⇄ route. Kept free of runes so it is trivially testable.

export type Route =
  | { name: 'territorio' }
  | { name: 'zone' }
  | { name: 'comune'; istat: string }
  | { name: 'contatti' }
  | { name: 'persona'; id: number }
  | { name: 'persona_nuova' }
  | { name: 'enti' }
  | { name: 'ente'; id: number }
  | { name: 'doppioni' }
  | { name: 'importa' }
  | { name: 'impostazioni' }
  | { name: 'informazioni' }
  | { name: 'registro' }
  | { name: 'backup' }
  | { name: 'benvenuto' }
  | { name: 'not_found'; path: string };

export type RouteName = Route['name'];

/** The route shown for an empty hash (`''`, `#`, `#/`). */
export const HOME: Route = { name: 'territorio' };

const ISTAT = /^\d{6}$/;
const ID = /^[1-9]\d{0,14}$/;

/** Parse `location.hash` (with or without the leading `#`). Unknown paths give `not_found`. */
export function parseHash(hash: string): Route {
  let path = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = path.search(/[?#]/);
  if (q !== -1) path = path.slice(0, q);
  let segments: string[];
  try {
    segments = path
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return { name: 'not_found', path };
  }
  const [first, second, ...rest] = segments;
  if (first === undefined) return HOME;
  if (first === 'territorio' && second === undefined) return { name: 'territorio' };
  if (first === 'territorio' && second === 'zone' && rest.length === 0) return { name: 'zone' };
  if (first === 'comune' && second !== undefined && rest.length === 0 && ISTAT.test(second)) {
    return { name: 'comune', istat: second };
  }
  if (first === 'contatti') {
    const [third] = rest;
    if (rest.length > 1) return { name: 'not_found', path };
    if (second === undefined) return { name: 'contatti' };
    if (third === undefined) {
      if (second === 'enti') return { name: 'enti' };
      if (second === 'doppioni') return { name: 'doppioni' };
      if (second === 'importa') return { name: 'importa' };
    } else {
      if (second === 'persona' && third === 'nuova') return { name: 'persona_nuova' };
      if (second === 'persona' && ID.test(third)) return { name: 'persona', id: Number(third) };
      if (second === 'ente' && ID.test(third)) return { name: 'ente', id: Number(third) };
    }
    return { name: 'not_found', path };
  }
  if (second === undefined) {
    if (first === 'impostazioni') return { name: 'impostazioni' };
    if (first === 'informazioni') return { name: 'informazioni' };
    if (first === 'registro') return { name: 'registro' };
    if (first === 'backup') return { name: 'backup' };
    if (first === 'benvenuto') return { name: 'benvenuto' };
  }
  return { name: 'not_found', path };
}

/** The canonical hash of a route, e.g. `#/comune/050026`. */
export function routeHref(route: Route): string {
  switch (route.name) {
    case 'territorio':
      return '#/territorio';
    case 'zone':
      return '#/territorio/zone';
    case 'comune':
      return `#/comune/${encodeURIComponent(route.istat)}`;
    case 'contatti':
      return '#/contatti';
    case 'persona':
      return `#/contatti/persona/${route.id}`;
    case 'persona_nuova':
      return '#/contatti/persona/nuova';
    case 'enti':
      return '#/contatti/enti';
    case 'ente':
      return `#/contatti/ente/${route.id}`;
    case 'doppioni':
      return '#/contatti/doppioni';
    case 'importa':
      return '#/contatti/importa';
    case 'impostazioni':
      return '#/impostazioni';
    case 'informazioni':
      return '#/informazioni';
    case 'registro':
      return '#/registro';
    case 'backup':
      return '#/backup';
    case 'benvenuto':
      return '#/benvenuto';
    case 'not_found':
      return `#${route.path}`;
  }
}

export function comuneHref(istat: string): string {
  return routeHref({ name: 'comune', istat });
}

export function personHref(id: number): string {
  return routeHref({ name: 'persona', id });
}

export function orgHref(id: number): string {
  return routeHref({ name: 'ente', id });
}
