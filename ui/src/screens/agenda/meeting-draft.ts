// The meeting form's working copy: what the coordinator edits (dates as ISO, times as HH:MM, the
// scope with names for display, invitees with a checkbox each) and its conversion to the core's
// MeetingInput. The core validates everything again; `problems` gives immediate feedback on the
// same field names the core uses (title, start, end, scope, recurrence).
import type { AgendaItemInput } from '../../lib/bindings/AgendaItemInput';
import type { AslCode } from '../../lib/bindings/AslCode';
import type { InvitationView } from '../../lib/bindings/InvitationView';
import type { MeetingInput } from '../../lib/bindings/MeetingInput';
import type { MeetingKind } from '../../lib/bindings/MeetingKind';
import type { MeetingStatus } from '../../lib/bindings/MeetingStatus';
import type { MeetingView } from '../../lib/bindings/MeetingView';
import type { ProposedInvitee } from '../../lib/bindings/ProposedInvitee';
import type { Scope } from '../../lib/bindings/Scope';
import type { ScopeKind } from '../../lib/bindings/ScopeKind';
import { addDays, isIsoDate } from '../../lib/format';
import type { MessageKey } from '../../lib/i18n/it';
import { dateOf, lastDay, timeOf } from './calendar';
import { defaultScope } from './kinds';
import { buildRule, NO_REPEAT, repeatProblem, type RepeatDraft } from './recurrence';

export interface ScopeDraft {
  kind: ScopeKind;
  asl: AslCode | null;
  zone_id: number | null;
  province: string | null;
  unione: { id: number; name: string } | null;
  comuni: { istat: string; name: string }[];
}

export interface InviteeDraft {
  /** `p<person id>` or `o<organisation id>:<title>` (an office, possibly vacant). */
  key: string;
  person_id: number | null;
  person_name: string | null;
  organisation_id: number | null;
  organisation_name: string | null;
  title: string;
  /** Why it was proposed ("Sindaco di Pisa il 25/03/2027"); empty for people added by hand. */
  reason: string;
  selected: boolean;
}

export interface AgendaDraft {
  title: string;
  presenter: string;
  duration: string;
  notes: string;
}

export interface MeetingDraft {
  kind: MeetingKind;
  title: string;
  /** The title was typed by the coordinator: stop suggesting one. */
  titleEdited: boolean;
  startDate: string;
  startTime: string;
  /** For an all-day meeting: the last day (inclusive). */
  endDate: string;
  endTime: string;
  allDay: boolean;
  place: string;
  link: string;
  status: MeetingStatus;
  scope: ScopeDraft;
  organiser: string;
  description: string;
  invitees: InviteeDraft[];
  agenda: AgendaDraft[];
  repeat: RepeatDraft;
}

export function emptyScope(kind: ScopeKind): ScopeDraft {
  return { kind, asl: null, zone_id: null, province: null, unione: null, comuni: [] };
}

/** A new meeting starting at `start` (`YYYY-MM-DDTHH:MM`), two hours long; all day when asked. */
export function newDraft(start: string, allDay: boolean, organiser = ''): MeetingDraft {
  const date = start.slice(0, 10);
  const time = start.length >= 16 ? start.slice(11, 16) : '10:00';
  const endMinutes = Math.min(toMinutes(time)! + 120, 23 * 60 + 59);
  return {
    kind: 'conferenza_zonale',
    title: '',
    titleEdited: false,
    startDate: date,
    startTime: allDay ? '10:00' : time,
    endDate: date,
    endTime: allDay ? '12:00' : fromMinutes(endMinutes),
    allDay,
    place: '',
    link: '',
    status: 'planned',
    scope: emptyScope('zone'),
    organiser,
    description: '',
    invitees: [],
    agenda: [],
    repeat: { ...NO_REPEAT },
  };
}

/** The draft of a stored meeting (`comuni` names are filled in by the caller when known). */
export function draftOf(m: MeetingView, comuneNames: Map<string, string> = new Map()): MeetingDraft {
  return {
    kind: m.kind,
    title: m.title,
    titleEdited: true,
    startDate: dateOf(m.start),
    startTime: m.all_day ? '10:00' : timeOf(m.start),
    endDate: m.all_day ? lastDay(m) : dateOf(m.end),
    endTime: m.all_day ? '12:00' : timeOf(m.end),
    allDay: m.all_day,
    place: m.place,
    link: m.link,
    status: m.status,
    scope: {
      kind: m.scope.kind,
      asl: m.scope.asl,
      zone_id: m.scope.zone_id,
      province: m.scope.province,
      unione: m.scope.unione_org_id !== null ? { id: m.scope.unione_org_id, name: m.scope.label } : null,
      comuni: m.scope.comuni.map((istat) => ({ istat, name: comuneNames.get(istat) ?? istat })),
    },
    organiser: m.organiser,
    description: m.description,
    invitees: m.invitations.map(inviteeOfInvitation),
    agenda: m.agenda.map((a) => ({
      title: a.title,
      presenter: a.presenter,
      duration: a.duration_min === null ? '' : String(a.duration_min),
      notes: a.notes,
    })),
    repeat: { ...NO_REPEAT },
  };
}

export function inviteeKey(personId: number | null, organisationId: number | null, title: string): string {
  return personId !== null ? `p${personId}` : `o${organisationId ?? ''}:${title.trim().toLowerCase()}`;
}

function inviteeOfInvitation(i: InvitationView): InviteeDraft {
  return {
    key: inviteeKey(i.person_id, i.organisation_id, i.title),
    person_id: i.person_id,
    person_name: i.person_name,
    organisation_id: i.organisation_id,
    organisation_name: i.organisation_name,
    title: i.title,
    reason: '',
    selected: true,
  };
}

export function inviteeOfProposal(p: ProposedInvitee): InviteeDraft {
  return {
    key: inviteeKey(p.person_id, p.organisation_id, p.title),
    person_id: p.person_id,
    person_name: p.person_name,
    organisation_id: p.organisation_id,
    organisation_name: p.organisation_name,
    title: p.title,
    reason: p.reason,
    selected: true,
  };
}

/** Adds proposed invitees not already in the list (selected); returns how many were new. */
export function mergeProposals(draft: MeetingDraft, proposals: readonly ProposedInvitee[]): number {
  let added = 0;
  for (const p of proposals) {
    const invitee = inviteeOfProposal(p);
    if (draft.invitees.some((i) => i.key === invitee.key)) continue;
    draft.invitees.push(invitee);
    added += 1;
  }
  return added;
}

/** "9", "930", "9.30", "09:30" → "09:30"; null when it is not a time of day. */
export function parseTime(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(s);
  if (!m) m = /^(\d{2})(\d{2})$/.exec(s) ?? /^(\d)(\d{2})$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

function toMinutes(hhmm: string): number | null {
  const t = parseTime(hhmm);
  return t === null ? null : Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
}

function fromMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Local start and (exclusive) end as the core wants them, or null while dates/times are invalid. */
export function localSpan(d: Pick<MeetingDraft, 'startDate' | 'startTime' | 'endDate' | 'endTime' | 'allDay'>): {
  start: string;
  end: string;
} | null {
  if (!isIsoDate(d.startDate)) return null;
  const endDate = d.endDate === '' ? d.startDate : d.endDate;
  if (!isIsoDate(endDate)) return null;
  if (d.allDay) {
    const last = endDate < d.startDate ? d.startDate : endDate;
    return { start: `${d.startDate}T00:00:00`, end: `${addDays(last, 1)}T00:00:00` };
  }
  const s = parseTime(d.startTime);
  const e = parseTime(d.endTime);
  if (s === null || e === null) return null;
  return { start: `${d.startDate}T${s}:00`, end: `${endDate}T${e}:00` };
}

export function scopeOf(s: ScopeDraft): Scope {
  return {
    kind: s.kind,
    asl: s.kind === 'asl' ? s.asl : null,
    zone_id: s.kind === 'zone' ? s.zone_id : null,
    province: s.kind === 'province' ? s.province : null,
    unione_org_id: s.kind === 'unione' ? (s.unione?.id ?? null) : null,
    comuni: s.kind === 'comune' ? s.comuni.map((c) => c.istat) : [],
  };
}

/** The scope is complete enough to send (a zone chosen for a zone scope, …). */
export function scopeReady(s: ScopeDraft): boolean {
  switch (s.kind) {
    case 'none':
    case 'region':
      return true;
    case 'asl':
      return s.asl !== null;
    case 'zone':
      return s.zone_id !== null;
    case 'province':
      return s.province !== null;
    case 'unione':
      return s.unione !== null;
    case 'comune':
      return s.comuni.length > 0;
  }
}

/**
 * Changing the kind resets the scope to the one the kind calls for (kept when it is the same).
 * "Altro" keeps a territory already chosen, else starts with none.
 */
export function setKind(d: MeetingDraft, kind: MeetingKind): void {
  d.kind = kind;
  const scope = defaultScope(kind);
  if (kind === 'altro') {
    if (!scopeReady(d.scope)) d.scope = emptyScope('none');
  } else if (d.scope.kind !== scope) d.scope = emptyScope(scope);
}

/** The invitations as sent: the ticked rows, in order. Index i of the result is `invitations[i]` in core errors. */
export function selectedInvitees(d: MeetingDraft): InviteeDraft[] {
  return d.invitees.filter((i) => i.selected);
}

export function inputOf(d: MeetingDraft, creating: boolean): MeetingInput {
  const span = localSpan(d) ?? { start: `${d.startDate}T00:00:00`, end: `${d.startDate}T00:00:00` };
  const agenda: AgendaItemInput[] = d.agenda.map((a) => ({
    title: a.title,
    presenter: a.presenter,
    duration_min: /^\d+$/.test(a.duration.trim()) ? Number(a.duration) : null,
    notes: a.notes,
  }));
  return {
    kind: d.kind,
    title: d.title,
    start: span.start,
    end: span.end,
    all_day: d.allDay,
    place: d.place,
    link: d.link,
    status: d.status,
    scope: scopeOf(d.scope),
    organiser: d.organiser,
    description: d.description,
    invitations: selectedInvitees(d).map((i) => ({
      person_id: i.person_id,
      organisation_id: i.organisation_id,
      title: i.title,
    })),
    agenda,
    recurrence: creating ? buildRule(d.repeat, d.startDate) : null,
  };
}

export type Problem = { key: MessageKey; params?: Record<string, string | number> };
export type Problems = Partial<Record<'title' | 'start' | 'end' | 'scope' | 'count' | 'until' | 'agenda', Problem>>;

/** What the form can tell before asking the core (same field names as the core's errors). */
export function problems(d: MeetingDraft, creating: boolean): Problems {
  const out: Problems = {};
  if (d.title.trim() === '') out.title = { key: 'meetingForm.error.title' };
  if (!isIsoDate(d.startDate)) out.start = { key: 'meetingForm.error.date' };
  else if (!d.allDay && parseTime(d.startTime) === null) out.start = { key: 'meetingForm.error.time' };
  if (d.endDate !== '' && !isIsoDate(d.endDate)) out.end = { key: 'meetingForm.error.date' };
  else if (!d.allDay && parseTime(d.endTime) === null) out.end = { key: 'meetingForm.error.time' };
  const span = localSpan(d);
  if (!out.start && !out.end && span) {
    if (d.allDay ? d.endDate !== '' && d.endDate < d.startDate : span.end <= span.start) {
      out.end = { key: 'meetingForm.error.endBeforeStart' };
    }
  }
  if (!scopeReady(d.scope)) out.scope = { key: `meetingForm.error.scope.${d.scope.kind}` as MessageKey };
  if (d.agenda.some((a) => a.duration.trim() !== '' && !/^\d+$/.test(a.duration.trim()))) {
    out.agenda = { key: 'meetingForm.error.duration' };
  }
  if (creating && isIsoDate(d.startDate)) {
    const r = repeatProblem(d.repeat, d.startDate);
    if (r) out[r.field] = { key: r.key, params: r.params };
  }
  return out;
}
