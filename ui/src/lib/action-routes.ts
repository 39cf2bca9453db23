// The Azioni area's address: what the list shows (view, filters, order) lives in the hash, e.g.
// `#/azioni?scadenza=overdue&asl=nord-ovest&resp=mie`, so Back, a reload and a saved filter
// return to the same list. Pure functions, no runes.
import type { ActionFilter } from './bindings/ActionFilter';
import type { ActionPriority } from './bindings/ActionPriority';
import type { ActionSort } from './bindings/ActionSort';
import type { ActionStatus } from './bindings/ActionStatus';
import type { AslCode } from './bindings/AslCode';
import type { DueWindow } from './bindings/DueWindow';
import { ACTION_PRIORITIES, ACTION_SORTS, ACTION_STATUSES, ASLS, DUE_WINDOWS } from './vocab';


const ID = /^[1-9]\d{0,14}$/;
const ISTAT = /^\d{6}$/;

/** What the Azioni area shows. */
export interface ActionsQuery {
  /** The list (elenco) or the board by status (bacheca). */
  view: 'elenco' | 'bacheca';
  asl: AslCode | null;
  zone: number | null;
  /** ISTAT code. */
  comune: string | null;
  org: number | null;
  /** `mie` = the coordinator's, a number = that person's. */
  owner: 'mie' | number | null;
  /** Owned by or linked to this person. */
  person: number | null;
  meeting: number | null;
  statuses: ActionStatus[];
  priority: ActionPriority | null;
  due: DueWindow | null;
  text: string;
  sort: ActionSort | null;
  desc: boolean;
}

export const ACTIONS_DEFAULT: ActionsQuery = {
  view: 'elenco',
  asl: null,
  zone: null,
  comune: null,
  org: null,
  owner: null,
  person: null,
  meeting: null,
  statuses: [],
  priority: null,
  due: null,
  text: '',
  sort: null,
  desc: false,
};

function oneOf<T extends string>(list: readonly T[], value: string | null): T | null {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;
}

function id(value: string | null): number | null {
  return value !== null && ID.test(value) ? Number(value) : null;
}

/** The query of `#/azioni?…` (unknown or malformed values are ignored). */
export function actionsQueryOf(params: URLSearchParams): ActionsQuery {
  const owner = params.get('resp');
  const statuses = (params.get('stato') ?? '').split(',').filter((s): s is ActionStatus => oneOf(ACTION_STATUSES, s) !== null);
  const comune = params.get('comune');
  return {
    view: params.get('vista') === 'bacheca' ? 'bacheca' : 'elenco',
    asl: oneOf(ASLS, params.get('asl')),
    zone: id(params.get('zona')),
    comune: comune !== null && ISTAT.test(comune) ? comune : null,
    org: id(params.get('ente')),
    owner: owner === 'mie' ? 'mie' : id(owner),
    person: id(params.get('persona')),
    meeting: id(params.get('incontro')),
    statuses: ACTION_STATUSES.filter((s) => statuses.includes(s)),
    priority: oneOf(ACTION_PRIORITIES, params.get('priorita')),
    due: oneOf(DUE_WINDOWS, params.get('scadenza')),
    text: params.get('testo') ?? '',
    sort: oneOf(ACTION_SORTS, params.get('ordine')),
    desc: params.get('desc') === '1',
  };
}

/** The query string (without `?`) holding only what differs from the defaults. */
export function actionsSearch(q: ActionsQuery): string {
  const p = new URLSearchParams();
  if (q.view !== 'elenco') p.set('vista', q.view);
  if (q.due) p.set('scadenza', q.due);
  if (q.asl) p.set('asl', q.asl);
  if (q.zone !== null) p.set('zona', String(q.zone));
  if (q.comune) p.set('comune', q.comune);
  if (q.org !== null) p.set('ente', String(q.org));
  if (q.owner !== null) p.set('resp', String(q.owner));
  if (q.person !== null) p.set('persona', String(q.person));
  if (q.meeting !== null) p.set('incontro', String(q.meeting));
  if (q.statuses.length > 0) p.set('stato', q.statuses.join(','));
  if (q.priority) p.set('priorita', q.priority);
  if (q.text.trim() !== '') p.set('testo', q.text);
  if (q.sort) p.set('ordine', q.sort);
  if (q.desc) p.set('desc', '1');
  return p.toString();
}

export function actionsHref(q: ActionsQuery): string {
  const qs = actionsSearch(q);
  return qs === '' ? '#/azioni' : `#/azioni?${qs}`;
}

/** `#/azioni` with only these values set. */
export function actionsLink(patch: Partial<ActionsQuery>): string {
  return actionsHref({ ...ACTIONS_DEFAULT, ...patch });
}

/** Any filter set (the view and the order are not filters). */
export function isFiltered(q: ActionsQuery): boolean {
  const { view: _v, sort: _s, desc: _d, ...filters } = q;
  const { view: _dv, sort: _ds, desc: _dd, ...none } = ACTIONS_DEFAULT;
  return JSON.stringify(filters) !== JSON.stringify(none);
}

/** The core's filter for a query (paging left to the caller). */
export function filterOf(q: ActionsQuery): ActionFilter {
  return {
    search: q.text.trim(),
    statuses: [...q.statuses],
    open_only: false,
    due_window: q.due,
    due_from: null,
    due_to: null,
    priority: q.priority,
    asl: q.asl,
    zone_id: q.zone,
    comune: q.comune,
    organisation_id: q.org,
    owner_person_id: typeof q.owner === 'number' ? q.owner : null,
    owner_coordinator: q.owner === 'mie',
    person_id: q.person,
    meeting_id: q.meeting,
    sort: q.sort,
    descending: q.desc,
    offset: 0,
    limit: 0,
  };
}

/** An empty filter with some fields set (sections of the comune, meeting and person pages). */
export function actionFilter(patch: Partial<ActionFilter> = {}): ActionFilter {
  return { ...filterOf(ACTIONS_DEFAULT), ...patch };
}

/** What «Nuova azione» preselects. */
export interface NewActionContext {
  comune: string | null;
  meeting: number | null;
  person: number | null;
}

export function newActionHref(ctx: Partial<NewActionContext> = {}): string {
  const p = new URLSearchParams();
  if (ctx.comune) p.set('comune', ctx.comune);
  if (ctx.meeting) p.set('incontro', String(ctx.meeting));
  if (ctx.person) p.set('persona', String(ctx.person));
  const qs = p.toString();
  return qs === '' ? '#/azioni/nuova' : `#/azioni/nuova?${qs}`;
}

export function newActionContextOf(params: URLSearchParams): NewActionContext {
  const comune = params.get('comune');
  return {
    comune: comune !== null && ISTAT.test(comune) ? comune : null,
    meeting: id(params.get('incontro')),
    person: id(params.get('persona')),
  };
}

export function actionHref(id: number): string {
  return `#/azioni/azione/${id}`;
}

export function zoneAreaHref(id: number): string {
  return `#/territorio/zona/${id}`;
}

export function aslAreaHref(code: AslCode): string {
  return `#/territorio/asl/${code}`;
}

