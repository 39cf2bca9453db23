// Follow-up actions as the core sends them, for the Azioni component tests.
import type { ActionCounts } from '../lib/bindings/ActionCounts';
import type { ActionFilter } from '../lib/bindings/ActionFilter';
import type { ActionInput } from '../lib/bindings/ActionInput';
import type { ActionSummary } from '../lib/bindings/ActionSummary';
import type { ActionView } from '../lib/bindings/ActionView';

export function actionFilter(over: Partial<ActionFilter> = {}): ActionFilter {
  return {
    search: '',
    statuses: [],
    open_only: false,
    due_window: null,
    due_from: null,
    due_to: null,
    priority: null,
    asl: null,
    zone_id: null,
    comune: null,
    organisation_id: null,
    owner_person_id: null,
    owner_coordinator: false,
    person_id: null,
    meeting_id: null,
    sort: null,
    descending: false,
    offset: 0,
    limit: 0,
    ...over,
  };
}

export const actionInput: ActionInput = {
  title: 'Inviare la delibera di adesione al SAI',
  description: '',
  owner: { kind: 'coordinator' },
  due: '2027-03-31',
  priority: 'high',
  meeting_id: null,
  agenda_item_id: null,
  comuni: ['050026'],
  organisations: [],
  people: [],
};

export function actionSummary(over: Partial<ActionSummary> = {}): ActionSummary {
  return {
    id: 1,
    title: 'Inviare la delibera di adesione al SAI',
    owner: { kind: 'coordinator' },
    owner_name: 'Giulia Bianchi',
    due: '2027-03-31',
    status: 'open',
    priority: 'normal',
    overdue: false,
    meeting_id: null,
    comuni: 'Pisa',
    updated_at: '2027-03-01T09:00:00Z',
    ...over,
  };
}

export function actionView(over: Partial<ActionView> = {}): ActionView {
  return {
    id: 1,
    title: 'Inviare la delibera di adesione al SAI',
    description: 'La giunta ha deliberato; manca l’invio al Servizio Centrale.',
    owner: { kind: 'coordinator' },
    owner_name: 'Giulia Bianchi',
    due: '2027-03-31',
    status: 'open',
    priority: 'high',
    overdue: false,
    meeting: null,
    comuni: [{ id: '050026', name: 'Pisa' }],
    organisations: [],
    people: [],
    history: [{ status: 'open', changed_at: '2027-03-01T09:00:00Z', note: '' }],
    created_at: '2027-03-01T09:00:00Z',
    updated_at: '2027-03-01T09:00:00Z',
    closed_at: null,
    ...over,
  };
}

export function counts(over: Partial<ActionCounts> = {}): ActionCounts {
  return { open: 0, in_progress: 0, waiting: 0, done: 0, cancelled: 0, overdue: 0, due_today: 0, ...over };
}
