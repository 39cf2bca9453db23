// The action form's working copy: chosen records keep their names for display; `inputOf` turns
// it into what the core validates.
import type { ActionInput } from '../../lib/bindings/ActionInput';
import type { ActionPriority } from '../../lib/bindings/ActionPriority';
import type { ActionView } from '../../lib/bindings/ActionView';

export interface Picked {
  id: string;
  name: string;
}

export interface ActionDraft {
  title: string;
  description: string;
  ownerKind: 'none' | 'coordinator' | 'person';
  person: Picked | null;
  /** ISO date or ''. */
  due: string;
  priority: ActionPriority;
  meeting: { id: number; title: string; date: string } | null;
  agendaItemId: number | null;
  comuni: Picked[];
  orgs: Picked[];
  people: Picked[];
}

export function emptyDraft(): ActionDraft {
  return {
    title: '',
    description: '',
    ownerKind: 'coordinator',
    person: null,
    due: '',
    priority: 'normal',
    meeting: null,
    agendaItemId: null,
    comuni: [],
    orgs: [],
    people: [],
  };
}

export function draftOf(a: ActionView): ActionDraft {
  return {
    title: a.title,
    description: a.description,
    ownerKind: a.owner.kind,
    person: a.owner.kind === 'person' ? { id: String(a.owner.person_id), name: a.owner_name } : null,
    due: a.due ?? '',
    priority: a.priority,
    meeting: a.meeting ? { id: a.meeting.id, title: a.meeting.title, date: a.meeting.date } : null,
    agendaItemId: a.meeting?.agenda_item ? Number(a.meeting.agenda_item.id) : null,
    comuni: a.comuni.map((c) => ({ ...c })),
    orgs: a.organisations.map((o) => ({ ...o })),
    people: a.people.map((p) => ({ ...p })),
  };
}

export function inputOf(d: ActionDraft): ActionInput {
  return {
    title: d.title,
    description: d.description,
    owner:
      d.ownerKind === 'person' && d.person
        ? { kind: 'person', person_id: Number(d.person.id) }
        : d.ownerKind === 'coordinator'
          ? { kind: 'coordinator' }
          : { kind: 'none' },
    due: d.due === '' ? null : d.due,
    priority: d.priority,
    meeting_id: d.meeting?.id ?? null,
    agenda_item_id: d.meeting ? d.agendaItemId : null,
    comuni: d.comuni.map((c) => c.id),
    organisations: d.orgs.map((o) => Number(o.id)),
    people: d.people.map((p) => Number(p.id)),
  };
}

/** Adds a record to a list unless it is there already. */
export function withPicked(list: Picked[], item: Picked): Picked[] {
  return list.some((x) => x.id === item.id) ? list : [...list, item];
}
