// Meetings as the core sends them, for the Agenda's component tests.
import type { InvitationView } from '../lib/bindings/InvitationView';
import type { MeetingSummary } from '../lib/bindings/MeetingSummary';
import type { MeetingView } from '../lib/bindings/MeetingView';
import type { ProposedInvitee } from '../lib/bindings/ProposedInvitee';

export function meetingSummary(over: Partial<MeetingSummary> = {}): MeetingSummary {
  return {
    id: 1,
    uid: 'a1@raccordo',
    kind: 'conferenza_zonale',
    title: 'Conferenza zonale dei sindaci – Zona Pisana',
    starts_at: '2027-03-25T09:00:00Z',
    ends_at: '2027-03-25T11:00:00Z',
    start: '2027-03-25T10:00:00',
    end: '2027-03-25T12:00:00',
    all_day: false,
    place: 'Palazzo Gambacorti',
    status: 'planned',
    scope_kind: 'zone',
    scope_label: 'Zona Pisana',
    asl: 'nord-ovest',
    series_id: null,
    invited: 2,
    ...over,
  };
}

export function invitation(over: Partial<InvitationView> = {}): InvitationView {
  return {
    id: 31,
    person_id: 5,
    person_name: 'Michele Conti',
    organisation_id: 40,
    organisation_name: 'Comune di Pisa',
    title: 'Sindaco',
    email: null,
    attendance: 'invited',
    delegate_person_id: null,
    delegate_name: '',
    note: '',
    ...over,
  };
}

export function meetingView(over: Partial<MeetingView> = {}): MeetingView {
  return {
    ...meetingSummary(),
    link: '',
    scope: { kind: 'zone', asl: null, zone_id: 7, province: null, unione_org_id: null, comuni: [], label: 'Zona Pisana' },
    organiser: 'ANCI Toscana',
    description: '',
    sequence: 0,
    recurrence: null,
    recurrence_id: null,
    invitations: [
      invitation(),
      invitation({ id: 32, person_id: 6, person_name: 'Betti Nardini', organisation_id: 41, organisation_name: 'Comune di Cascina', title: 'Sindaca' }),
    ],
    agenda: [{ id: 1, position: 0, title: 'Rete SAI in zona', presenter: 'Giulia Bianchi', duration_min: 30, notes: '' }],
    history: [{ status: 'planned', changed_at: '2026-11-26T09:30:00Z', note: '' }],
    attachments: [],
    ...over,
  };
}

export const PROPOSED: ProposedInvitee[] = [
  { person_id: 5, person_name: 'Michele Conti', organisation_id: 40, organisation_name: 'Comune di Pisa', title: 'Sindaco', reason: 'Sindaco di Pisa il 25/03/2027' },
  { person_id: null, person_name: null, organisation_id: 41, organisation_name: 'Comune di Cascina', title: 'Sindaco', reason: 'Sindaco di Cascina il 25/03/2027: nessuno risulta in carica' },
  { person_id: 9, person_name: 'Anna Rossi', organisation_id: 42, organisation_name: 'Comune di Vecchiano', title: 'Sindaca', reason: 'Sindaca di Vecchiano il 25/03/2027' },
];
