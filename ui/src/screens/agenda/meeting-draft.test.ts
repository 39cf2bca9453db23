import { describe, expect, it } from 'vitest';
import { AGENDA_DEFAULT } from '../../lib/routes';
import { meetingView, PROPOSED } from '../../test/meeting-fixtures';
import { defaultScope, kindClass, meetingFilter, PROVINCES } from './kinds';
import { draftOf, inputOf, localSpan, mergeProposals, newDraft, parseTime, problems, setKind } from './meeting-draft';
import { MEETING_KINDS } from '../../lib/vocab';

describe('filters → MeetingFilter', () => {
  it('sends the visible range and the chosen filters, trimming the text', () => {
    expect(meetingFilter({ ...AGENDA_DEFAULT, asl: 'nord-ovest', zone: 7, kinds: ['conferenza_zonale', 'altro'], text: '  pisana ' }, '2027-03-01', '2027-04-11')).toEqual({
      from: '2027-03-01',
      to: '2027-04-11',
      kinds: ['conferenza_zonale', 'altro'],
      asl: 'nord-ovest',
      zone_id: 7,
      statuses: [],
      text: 'pisana',
      limit: null,
      offset: null,
    });
  });

  it('adds limit and offset for a page of the list', () => {
    const f = meetingFilter(AGENDA_DEFAULT, '2027-03-01', '2027-03-31', { limit: 200, offset: 400 });
    expect([f.limit, f.offset, f.asl, f.zone_id, f.kinds]).toEqual([200, 400, null, null, []]);
  });
});

describe('kinds', () => {
  it('gives every kind a colour class and the scope the core expects', () => {
    expect(MEETING_KINDS).toHaveLength(9);
    expect(kindClass('conferenza_zonale')).toBe('kind-conferenza-zonale');
    expect(defaultScope('conferenza_zonale')).toBe('zone');
    expect(defaultScope('direttori_sds')).toBe('asl');
    expect(defaultScope('giunta_unione')).toBe('unione');
    expect(defaultScope('incontro_sindaco')).toBe('comune');
    expect(defaultScope('prefettura')).toBe('province');
    expect(defaultScope('conferenza_regionale')).toBe('region');
    expect(defaultScope('altro')).toBe('none');
  });

  it('lists the ten Tuscan provinces by ISTAT code', () => {
    expect(PROVINCES.map((p) => p.code).sort()).toEqual(['045', '046', '047', '048', '049', '050', '051', '052', '053', '100']);
  });
});

describe('meeting draft', () => {
  it('starts from the clicked slot, two hours long', () => {
    const d = newDraft('2027-03-25T10:00', false, 'ANCI Toscana');
    expect([d.startDate, d.startTime, d.endDate, d.endTime, d.organiser]).toEqual(['2027-03-25', '10:00', '2027-03-25', '12:00', 'ANCI Toscana']);
    expect(d.scope.kind, 'a Conferenza zonale has a zone scope').toBe('zone');
    expect(localSpan(d)).toEqual({ start: '2027-03-25T10:00:00', end: '2027-03-25T12:00:00' });
  });

  it('reads times as coordinators type them', () => {
    expect(parseTime('9')).toBe('09:00');
    expect(parseTime('9.30')).toBe('09:30');
    expect(parseTime('930')).toBe('09:30');
    expect(parseTime('1545')).toBe('15:45');
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('10:75')).toBeNull();
    expect(parseTime('mezzogiorno')).toBeNull();
  });

  it('sends an all-day meeting as midnight to the midnight after its last day', () => {
    const d = { ...newDraft('2027-03-25T10:00', true), endDate: '2027-03-26' };
    expect(localSpan(d)).toEqual({ start: '2027-03-25T00:00:00', end: '2027-03-27T00:00:00' });
  });

  it('changing the kind resets the scope to what the kind calls for', () => {
    const d = newDraft('2027-03-25T10:00', false);
    d.scope.zone_id = 7;
    setKind(d, 'zona_distretto');
    expect(d.scope.zone_id, 'same scope kind: kept').toBe(7);
    setKind(d, 'altro');
    expect([d.scope.kind, d.scope.zone_id], '"Altro" keeps a territory already chosen').toEqual(['zone', 7]);
    setKind(d, 'incontro_sindaco');
    expect(d.scope).toEqual({ kind: 'comune', asl: null, zone_id: null, province: null, unione: null, comuni: [] });
    setKind(d, 'altro');
    expect(d.scope.kind, 'with no comune chosen, "Altro" starts with no territory').toBe('none');
  });

  it('merges proposals without duplicates and sends only the ticked ones', () => {
    const d = newDraft('2027-03-25T10:00', false);
    d.title = 'Conferenza';
    d.scope.zone_id = 7;
    expect(mergeProposals(d, PROPOSED)).toBe(3);
    expect(mergeProposals(d, PROPOSED), 'proposing twice adds nothing').toBe(0);
    d.invitees[2]!.selected = false;
    const input = inputOf(d, true);
    expect(input.invitations).toEqual([
      { person_id: 5, organisation_id: 40, title: 'Sindaco' },
      { person_id: null, organisation_id: 41, title: 'Sindaco' },
    ]);
    expect(input.scope).toEqual({ kind: 'zone', asl: null, zone_id: 7, province: null, unione_org_id: null, comuni: [] });
    expect(input.recurrence).toBeNull();
  });

  it('adds the recurrence only when creating', () => {
    const d = newDraft('2027-03-11T10:00', false);
    d.repeat = { preset: 'monthly_weekday', end: 'count', count: '10', until: '' };
    expect(inputOf(d, true).recurrence).toBe('FREQ=MONTHLY;BYDAY=2TH;COUNT=10');
    expect(inputOf(d, false).recurrence).toBeNull();
  });

  it('reports what is missing or wrong on the core’s field names', () => {
    const d = newDraft('2027-03-25T10:00', false);
    d.title = '';
    d.endTime = '09:00';
    d.agenda.push({ title: 'Punto', presenter: '', duration: 'mezz’ora', notes: '' });
    const p = problems(d, true);
    expect(p.title?.key).toBe('meetingForm.error.title');
    expect(p.end?.key).toBe('meetingForm.error.endBeforeStart');
    expect(p.scope?.key).toBe('meetingForm.error.scope.zone');
    expect(p.agenda?.key).toBe('meetingForm.error.duration');
    d.startDate = '';
    d.startTime = '25:00';
    expect(problems(d, true).start?.key).toBe('meetingForm.error.date');
  });

  it('round-trips a stored meeting', () => {
    const v = meetingView();
    const d = draftOf(v);
    expect(d.titleEdited, 'a stored title is not replaced by a suggestion').toBe(true);
    const input = inputOf(d, false);
    expect(input.start).toBe(v.start);
    expect(input.end).toBe(v.end);
    expect(input.invitations).toEqual(v.invitations.map((i) => ({ person_id: i.person_id, organisation_id: i.organisation_id, title: i.title })));
    expect(input.agenda).toEqual([{ title: 'Rete SAI in zona', presenter: 'Giulia Bianchi', duration_min: 30, notes: '' }]);
    expect(input.scope.zone_id).toBe(7);
  });
});
