// Pure part of the hash router: hash string ⇄ route. Kept free of runes so it is trivially testable.
import type { AslCode } from './bindings/AslCode';
import type { MeetingKind } from './bindings/MeetingKind';
import type { SaiStatus } from './bindings/SaiStatus';
import {
  actionHref,
  actionsHref,
  actionsQueryOf,
  aslAreaHref,
  newActionContextOf,
  newActionHref,
  zoneAreaHref,
  type ActionsQuery,
  type NewActionContext,
} from './action-routes';
import { isAslCode, isOneOf, MEETING_KINDS, SAI_STATUSES } from './vocab';

/** What the Agenda shows, kept in the hash so Back and a reload return to the same calendar. */
export interface AgendaQuery {
  view: 'mese' | 'settimana' | 'elenco';
  /** A day of the period shown (ISO), `null` = today. */
  date: string | null;
  asl: AslCode | null;
  zone: number | null;
  kinds: MeetingKind[];
  text: string;
}

/** What the Ricognizione SAI shows, kept in the hash (view and filters). */
export interface SaiQuery {
  view: 'tabella' | 'mappa' | 'riepilogo';
  asl: AslCode | null;
  zone: number | null;
  /** Province abbreviation, e.g. `PI`. */
  province: string | null;
  statuses: SaiStatus[];
}

export const SAI_DEFAULT: SaiQuery = { view: 'tabella', asl: null, zone: null, province: null, statuses: [] };

export const AGENDA_DEFAULT: AgendaQuery = { view: 'mese', date: null, asl: null, zone: null, kinds: [], text: '' };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

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
  | { name: 'agenda'; query: AgendaQuery }
  | { name: 'incontro'; id: number }
  | { name: 'incontro_modifica'; id: number }
  /** The meeting's verbale (minutes) editor. */
  | { name: 'verbale'; id: number }
  /** `start` `YYYY-MM-DDTHH:MM` of the slot clicked (or null); `allDay` for a day of the month. */
  | { name: 'incontro_nuovo'; start: string | null; allDay: boolean }
  | { name: 'agenda_importa' }
  | { name: 'agenda_verbali' }
  | { name: 'sai'; query: SaiQuery }
  | { name: 'azioni'; query: ActionsQuery }
  | { name: 'azione'; id: number }
  | { name: 'azione_modifica'; id: number }
  | { name: 'azione_nuova'; context: NewActionContext }
  | { name: 'area_zona'; id: number }
  | { name: 'area_asl'; code: AslCode }
  | { name: 'not_found'; path: string };

export type RouteName = Route['name'];

/** The route shown for an empty hash (`''`, `#`, `#/`). */
export const HOME: Route = { name: 'territorio' };

const ISTAT = /^\d{6}$/;
const ID = /^[1-9]\d{0,14}$/;

/** Parse `location.hash` (with or without the leading `#`). Unknown paths give `not_found`. */
export function parseHash(hash: string): Route {
  let path = hash.startsWith('#') ? hash.slice(1) : hash;
  let search = '';
  const q = path.search(/[?#]/);
  if (q !== -1) {
    if (path[q] === '?') search = path.slice(q + 1).split('#')[0] ?? '';
    path = path.slice(0, q);
  }
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
  if (first === 'territorio' && rest.length === 1) {
    const [third] = rest;
    if (second === 'zona' && third !== undefined && ID.test(third)) return { name: 'area_zona', id: Number(third) };
    if (second === 'asl' && isAslCode(third)) return { name: 'area_asl', code: third };
  }
  if (first === 'azioni') return parseActions(second, rest, search, path);
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
  if (first === 'agenda') return parseAgenda(second, rest, search, path);
  if (first === 'sai' && second === undefined) return { name: 'sai', query: saiQueryOf(new URLSearchParams(search)) };
  if (second === undefined) {
    if (first === 'impostazioni') return { name: 'impostazioni' };
    if (first === 'informazioni') return { name: 'informazioni' };
    if (first === 'registro') return { name: 'registro' };
    if (first === 'backup') return { name: 'backup' };
    if (first === 'benvenuto') return { name: 'benvenuto' };
  }
  return { name: 'not_found', path };
}

function parseAgenda(second: string | undefined, rest: string[], search: string, path: string): Route {
  const params = new URLSearchParams(search);
  const [third, ...more] = rest;
  if (second === undefined) return { name: 'agenda', query: agendaQueryOf(params) };
  if (second === 'importa' && third === undefined) return { name: 'agenda_importa' };
  if (second === 'verbali' && third === undefined) return { name: 'agenda_verbali' };
  if (second === 'nuovo' && third === undefined) {
    const start = params.get('inizio');
    return {
      name: 'incontro_nuovo',
      start: start !== null && LOCAL_TIME.test(start) ? start : null,
      allDay: params.get('giornata') === '1',
    };
  }
  if (second === 'incontro' && third !== undefined && ID.test(third)) {
    if (more.length === 0) return { name: 'incontro', id: Number(third) };
    if (more.length === 1 && more[0] === 'modifica') return { name: 'incontro_modifica', id: Number(third) };
    if (more.length === 1 && more[0] === 'verbale') return { name: 'verbale', id: Number(third) };
  }
  return { name: 'not_found', path };
}

function parseActions(second: string | undefined, rest: string[], search: string, path: string): Route {
  const params = new URLSearchParams(search);
  const [third, ...more] = rest;
  if (second === undefined) return { name: 'azioni', query: actionsQueryOf(params) };
  if (second === 'nuova' && third === undefined) return { name: 'azione_nuova', context: newActionContextOf(params) };
  if (second === 'azione' && third !== undefined && ID.test(third)) {
    if (more.length === 0) return { name: 'azione', id: Number(third) };
    if (more.length === 1 && more[0] === 'modifica') return { name: 'azione_modifica', id: Number(third) };
  }
  return { name: 'not_found', path };
}

function agendaQueryOf(params: URLSearchParams): AgendaQuery {
  const view = params.get('vista');
  const date = params.get('data');
  const asl = params.get('asl');
  const zone = params.get('zona');
  const kinds = (params.get('tipi') ?? '').split(',').filter((k): k is MeetingKind => isOneOf(MEETING_KINDS, k));
  return {
    view: view === 'settimana' || view === 'elenco' ? view : 'mese',
    date: date !== null && ISO_DAY.test(date) ? date : null,
    asl: isAslCode(asl) ? asl : null,
    zone: zone !== null && ID.test(zone) ? Number(zone) : null,
    kinds: [...new Set(kinds)],
    text: params.get('testo') ?? '',
  };
}

function saiQueryOf(params: URLSearchParams): SaiQuery {
  const view = params.get('vista');
  const asl = params.get('asl');
  const zone = params.get('zona');
  const province = params.get('provincia');
  const statuses = (params.get('stati') ?? '').split(',').filter((k): k is SaiStatus => isOneOf(SAI_STATUSES, k));
  return {
    view: view === 'mappa' || view === 'riepilogo' ? view : 'tabella',
    asl: isAslCode(asl) ? asl : null,
    zone: zone !== null && ID.test(zone) ? Number(zone) : null,
    province: province !== null && /^[A-Za-z]{2}$/.test(province) ? province.toUpperCase() : null,
    statuses: [...new Set(statuses)],
  };
}

/** `#/sai?…` with only the values that differ from the defaults. */
export function saiHref(query: SaiQuery): string {
  const params = new URLSearchParams();
  if (query.view !== 'tabella') params.set('vista', query.view);
  if (query.asl) params.set('asl', query.asl);
  if (query.zone !== null) params.set('zona', String(query.zone));
  if (query.province) params.set('provincia', query.province);
  if (query.statuses.length > 0) params.set('stati', query.statuses.join(','));
  const qs = params.toString();
  return qs === '' ? '#/sai' : `#/sai?${qs}`;
}

/** `#/agenda?…` with only the values that differ from the defaults. */
export function agendaHref(query: AgendaQuery): string {
  const params = new URLSearchParams();
  if (query.view !== 'mese') params.set('vista', query.view);
  if (query.date) params.set('data', query.date);
  if (query.asl) params.set('asl', query.asl);
  if (query.zone !== null) params.set('zona', String(query.zone));
  if (query.kinds.length > 0) params.set('tipi', query.kinds.join(','));
  if (query.text.trim() !== '') params.set('testo', query.text);
  const qs = params.toString();
  return qs === '' ? '#/agenda' : `#/agenda?${qs}`;
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
    case 'agenda':
      return agendaHref(route.query);
    case 'incontro':
      return meetingHref(route.id);
    case 'incontro_modifica':
      return `#/agenda/incontro/${route.id}/modifica`;
    case 'verbale':
      return minutesHref(route.id);
    case 'incontro_nuovo': {
      const params = new URLSearchParams();
      if (route.start) params.set('inizio', route.start);
      if (route.allDay) params.set('giornata', '1');
      const qs = params.toString();
      return qs === '' ? '#/agenda/nuovo' : `#/agenda/nuovo?${qs}`;
    }
    case 'agenda_importa':
      return '#/agenda/importa';
    case 'agenda_verbali':
      return '#/agenda/verbali';
    case 'sai':
      return saiHref(route.query);
    case 'azioni':
      return actionsHref(route.query);
    case 'azione':
      return actionHref(route.id);
    case 'azione_modifica':
      return `${actionHref(route.id)}/modifica`;
    case 'azione_nuova':
      return newActionHref(route.context);
    case 'area_zona':
      return zoneAreaHref(route.id);
    case 'area_asl':
      return aslAreaHref(route.code);
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

export function meetingHref(id: number): string {
  return `#/agenda/incontro/${id}`;
}

/** The verbale editor of meeting `id`. */
export function minutesHref(id: number): string {
  return `#/agenda/incontro/${id}/verbale`;
}
