// Verbali as the core sends them, for the verbale editor's component tests.
import type { MinutesContent } from '../lib/bindings/MinutesContent';
import type { MinutesView } from '../lib/bindings/MinutesView';
import { invitation, meetingView } from './meeting-fixtures';

export function minutesContent(over: Partial<MinutesContent> = {}): MinutesContent {
  return {
    start_time: '10:00:00',
    end_time: '12:00:00',
    place: 'Palazzo Gambacorti',
    chair: '',
    items: [
      { agenda_item_id: 1, title: 'Rete SAI in zona', discussion: { blocks: [] }, decisions: { blocks: [] } },
      { agenda_item_id: 2, title: 'Posti per MSNA', discussion: { blocks: [] }, decisions: { blocks: [] } },
    ],
    closing_notes: { blocks: [] },
    ...over,
  };
}

export function minutesView(over: Partial<MinutesView> = {}): MinutesView {
  return {
    meeting_id: 1,
    status: 'draft',
    revision: 0,
    revision_reason: '',
    content: minutesContent(),
    drafted_by: { name: 'Giulia Bianchi', organisation: 'ANCI Toscana' },
    created_at: '2027-03-25T11:00:00Z',
    updated_at: '2027-03-25T11:00:00Z',
    approved_at: null,
    versions: [],
    follow_ups: [],
    ...over,
  };
}

/** The meeting of the verbale: two agenda items; attendance of every kind. */
export function minutesMeeting() {
  return meetingView({
    agenda: [
      { id: 1, position: 0, title: 'Rete SAI in zona', presenter: '', duration_min: null, notes: '' },
      { id: 2, position: 1, title: 'Posti per MSNA', presenter: '', duration_min: null, notes: '' },
    ],
    invitations: [
      invitation({ attendance: 'present' }),
      invitation({ id: 32, person_id: 6, person_name: 'Betti Nardini', organisation_id: 41, organisation_name: 'Comune di Cascina', title: 'Sindaca', attendance: 'delegated', delegate_name: 'Paolo Rossi' }),
      invitation({ id: 33, person_id: 7, person_name: 'Anna Verdi', organisation_id: 42, organisation_name: 'Comune di Vecchiano', title: 'Sindaca', attendance: 'excused' }),
      invitation({ id: 34, person_id: 8, person_name: 'Luca Neri', organisation_id: 43, organisation_name: 'Comune di Calci', title: 'Sindaco', attendance: 'absent' }),
    ],
  });
}
