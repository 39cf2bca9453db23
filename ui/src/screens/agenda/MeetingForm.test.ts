import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { MeetingInput } from '../../lib/bindings/MeetingInput';
import type { Zone } from '../../lib/bindings/Zone';
import { router } from '../../lib/router.svelte';
import { apiError, callsTo, fakeBackend, type Handler } from '../../test/backend';
import { summary } from '../../test/contacts-fixtures';
import { PROFILE } from '../../test/fixtures';
import { meetingSummary, meetingView, PROPOSED } from '../../test/meeting-fixtures';
import MeetingEdit from './MeetingEdit.svelte';
import MeetingNew from './MeetingNew.svelte';
import { commands } from '../../lib/generated/commands';

const ZONES: Zone[] = [
  { id: 7, name: 'Pisana', asl: 'nord-ovest', confirmed: true, comuni_count: 9, population: 200000 },
  { id: 12, name: 'Fiorentina', asl: 'centro', confirmed: true, comuni_count: 1, population: 361619 },
];

function backend(extra: Partial<Record<string, Handler>> = {}) {
  return fakeBackend({
    [commands.profileGet]: () => PROFILE,
    [commands.zoneList]: () => ZONES,
    [commands.meetingConflicts]: () => [],
    [commands.meetingProposeInvitees]: () => PROPOSED,
    [commands.meetingCreate]: () => meetingView({ id: 77 }),
    ...extra,
  });
}

async function openNew(start = '2027-03-25T10:00') {
  render(MeetingNew, { start, allDay: false });
  await screen.findByTestId('meeting-form');
  await waitFor(() => expect(screen.getByTestId('scope-zone').querySelectorAll('option').length).toBeGreaterThan(1));
}

async function chooseZone(id: number) {
  await fireEvent.change(screen.getByTestId('scope-zone'), { target: { value: String(id) } });
}

describe('Nuovo incontro', () => {
  it('opens pre-filled with the slot clicked and suggests the title from kind and zone', async () => {
    backend();
    await openNew('2027-03-25T15:30');
    expect((screen.getByTestId('meeting-date') as HTMLInputElement).value).toBe('25/03/2027');
    expect((screen.getByTestId('meeting-start') as HTMLInputElement).value).toBe('15:30');
    expect((screen.getByTestId('meeting-end') as HTMLInputElement).value).toBe('17:30');
    expect((screen.getByTestId('meeting-organiser') as HTMLInputElement).value, 'the coordinator’s organisation').toBe(PROFILE.organisation);
    const title = screen.getByTestId('meeting-title') as HTMLInputElement;
    expect(title.value).toBe('Conferenza zonale dei sindaci');
    await chooseZone(7);
    expect(title.value).toBe('Conferenza zonale dei sindaci – Zona Pisana');
    await fireEvent.input(title, { target: { value: 'Conferenza straordinaria' } });
    await chooseZone(12);
    expect(title.value, 'a typed title is kept').toBe('Conferenza straordinaria');
  });

  it('proposes the invitees for the date, marks vacant offices, and sends only the ticked ones', async () => {
    const calls = backend();
    await openNew();
    await chooseZone(7);
    await fireEvent.click(screen.getByTestId('propose-invitees'));
    const list = await screen.findByTestId('invitee-list');
    expect(callsTo(calls, commands.meetingProposeInvitees)[0]!.args).toEqual({
      kind: 'conferenza_zonale',
      scope: { kind: 'zone', asl: null, zone_id: 7, province: null, unione_org_id: null, comuni: [] },
      on: '2027-03-25',
    });
    const rows = within(list).getAllByTestId('invitee-row');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.textContent).toContain('Michele Conti');
    expect(rows[0]!.textContent).toContain('Sindaco – Comune di Pisa');
    expect(rows[0]!.textContent).toContain('Sindaco di Pisa il 25/03/2027');
    expect(within(rows[1]!).getByTestId('invitee-vacant').textContent).toBe('carica vacante');
    expect(screen.getByTestId('proposed-summary').textContent).toContain('3 invitati proposti per il 25/03/2027');
    const checks = within(list).getAllByTestId('invitee-check') as HTMLInputElement[];
    expect(checks.every((c) => c.checked), 'every proposal comes ticked').toBe(true);
    await fireEvent.click(checks[2]!);
    expect(screen.getByTestId('invitees').textContent).toContain('2 selezionati su 3');

    await fireEvent.click(screen.getByTestId('meeting-save'));
    await waitFor(() => expect(callsTo(calls, commands.meetingCreate)).toHaveLength(1));
    const input = callsTo(calls, commands.meetingCreate)[0]!.args.input as MeetingInput;
    expect(input.invitations).toEqual([
      { person_id: 5, organisation_id: 40, title: 'Sindaco' },
      { person_id: null, organisation_id: 41, title: 'Sindaco' },
    ]);
    expect(input).toMatchObject({
      kind: 'conferenza_zonale',
      title: 'Conferenza zonale dei sindaci – Zona Pisana',
      start: '2027-03-25T10:00:00',
      end: '2027-03-25T12:00:00',
      all_day: false,
      status: 'planned',
      organiser: PROFILE.organisation,
      recurrence: null,
    });
    await waitFor(() => expect(router.route).toEqual({ name: 'incontro', id: 77 }));
  });

  it('adds a person from the directory', async () => {
    const calls = backend({ [commands.personPage]: () => ({ total: 1, offset: 0, people: [summary(9, 'Rossi', 'Anna', 'Assessora – Comune di Pisa')] }) });
    await openNew();
    await chooseZone(7);
    await fireEvent.input(screen.getByTestId('invite-person'), { target: { value: 'rossi' } });
    await fireEvent.click(await screen.findByTestId('invite-person-option'));
    expect(screen.getByTestId('invitee-list').textContent).toContain('Anna Rossi');
    expect(callsTo(calls, commands.personPage)[0]!.args).toMatchObject({ filter: { search: 'rossi' }, offset: 0, limit: 10 });
    await fireEvent.click(screen.getByTestId('meeting-save'));
    await waitFor(() => expect(callsTo(calls, commands.meetingCreate)).toHaveLength(1));
    expect((callsTo(calls, commands.meetingCreate)[0]!.args.input as MeetingInput).invitations).toEqual([{ person_id: 9, organisation_id: null, title: '' }]);
  });

  it('shows its own checks next to the fields and does not send', async () => {
    const calls = backend();
    await openNew();
    await fireEvent.input(screen.getByTestId('meeting-end'), { target: { value: '09:00' } });
    await fireEvent.click(screen.getByTestId('meeting-save'));
    expect(await screen.findByText('Scegli la zona-distretto dell’incontro.')).toBeTruthy();
    expect(screen.getByTestId('error-end').textContent).toBe('La fine è prima dell’inizio: controlla data e ora di fine.');
    expect(screen.getByTestId('scope-zone').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('meeting-form-error').textContent).toContain('Correggi i campi evidenziati.');
    expect(callsTo(calls, commands.meetingCreate)).toHaveLength(0);
  });

  it('shows the core’s field errors by the fields, the invitee’s by its row', async () => {
    backend({
      [commands.meetingCreate]: () => {
        throw apiError('validation', 'Dati non validi', [
          { field: 'place', message: 'Il luogo è troppo lungo (al massimo 300 caratteri).' },
          { field: 'invitations[1]', message: 'La persona 9 non è nella rubrica.' },
        ]);
      },
    });
    await openNew();
    await chooseZone(7);
    await fireEvent.click(screen.getByTestId('propose-invitees'));
    const list = await screen.findByTestId('invitee-list');
    await fireEvent.click((within(list).getAllByTestId('invitee-check') as HTMLInputElement[])[1]!);
    await fireEvent.click(screen.getByTestId('meeting-save'));
    expect((await screen.findByText('Il luogo è troppo lungo (al massimo 300 caratteri).')).className).toContain('field-error');
    expect(screen.getByTestId('meeting-place').getAttribute('aria-invalid')).toBe('true');
    const rows = within(list).getAllByTestId('invitee-row');
    expect(rows[2]!.textContent, 'invitations[1] is the second ticked row (Anna Rossi)').toContain('La persona 9 non è nella rubrica.');
    expect(rows[1]!.textContent).not.toContain('non è nella rubrica');
    expect(screen.getByTestId('meeting-form'), 'the form stays open to be corrected').toBeTruthy();
  });

  it('warns about overlaps when the time changes, without blocking', async () => {
    const calls = backend({
      [commands.meetingConflicts]: (args) =>
        args.start === '2027-03-25T11:00:00'
          ? [{ meeting: meetingSummary({ id: 3, title: 'Direttori SdS nord-ovest', start: '2027-03-25T11:30:00', end: '2027-03-25T13:00:00' }), shared_people: ['Michele Conti'] }]
          : [],
    });
    await openNew();
    await chooseZone(7);
    await fireEvent.input(screen.getByTestId('meeting-start'), { target: { value: '11:00' } });
    const box = await screen.findByTestId('meeting-conflicts');
    expect(box.textContent).toContain('Sovrapposto a:');
    expect(box.textContent).toContain('«Direttori SdS nord-ovest», 25/03/2027 11:30–13:00');
    expect(box.textContent).toContain('invitati anche: Michele Conti');
    expect(callsTo(calls, commands.meetingConflicts).at(-1)!.args).toMatchObject({ start: '2027-03-25T11:00:00', end: '2027-03-25T12:00:00', exclude: null });
    await fireEvent.click(screen.getByTestId('meeting-save'));
    await waitFor(() => expect(callsTo(calls, commands.meetingCreate)).toHaveLength(1));
  });

  it('creates a monthly series on the second Thursday', async () => {
    const calls = backend();
    await openNew('2027-03-11T10:00');
    await chooseZone(7);
    const preset = screen.getByTestId('repeat-preset') as HTMLSelectElement;
    expect([...preset.options].map((o) => o.text)).toContain('Ogni mese, il secondo giovedì');
    await fireEvent.change(preset, { target: { value: 'monthly_weekday' } });
    await fireEvent.input(screen.getByTestId('repeat-count'), { target: { value: '10' } });
    await fireEvent.click(screen.getByTestId('meeting-save'));
    await waitFor(() => expect(callsTo(calls, commands.meetingCreate)).toHaveLength(1));
    expect((callsTo(calls, commands.meetingCreate)[0]!.args.input as MeetingInput).recurrence).toBe('FREQ=MONTHLY;BYDAY=2TH;COUNT=10');
  });

  it('shows the scope picker the kind calls for', async () => {
    backend({ [commands.orgList]: () => [], [commands.comuneSearch]: () => [] });
    await openNew();
    const kind = screen.getByTestId('meeting-kind');
    await fireEvent.change(kind, { target: { value: 'direttori_sds' } });
    expect(screen.getByTestId('scope-asl')).toBeTruthy();
    await fireEvent.change(kind, { target: { value: 'giunta_unione' } });
    expect(screen.getByTestId('scope-unione')).toBeTruthy();
    await fireEvent.change(kind, { target: { value: 'incontro_sindaco' } });
    expect(screen.getByTestId('scope-comune')).toBeTruthy();
    await fireEvent.change(kind, { target: { value: 'prefettura' } });
    expect((screen.getByTestId('scope-province') as HTMLSelectElement).options).toHaveLength(11);
    await fireEvent.change(screen.getByTestId('scope-province'), { target: { value: '050' } });
    await fireEvent.change(kind, { target: { value: 'altro' } });
    const scopeKind = screen.getByTestId('scope-kind') as HTMLSelectElement;
    expect(scopeKind.value, '"Altro" keeps the territory chosen and lets the coordinator change its kind').toBe('province');
    expect((screen.getByTestId('meeting-title') as HTMLInputElement).value).toBe('Altro – Provincia di Pisa');
    await fireEvent.change(scopeKind, { target: { value: 'none' } });
    expect(screen.queryByTestId('scope-province')).toBeNull();
    expect(screen.getByTestId('scope-picker').textContent).toContain('non riguarda un ambito in particolare');
  });
});

describe('Modifica incontro', () => {
  it('edits the stored meeting and keeps its invitations', async () => {
    const calls = fakeBackend({
      [commands.meetingGet]: () => meetingView({ id: 4 }),
      [commands.zoneList]: () => ZONES,
      [commands.meetingConflicts]: () => [],
      [commands.meetingUpdate]: () => meetingView({ id: 4 }),
    });
    render(MeetingEdit, { id: 4 });
    const title = (await screen.findByTestId('meeting-title')) as HTMLInputElement;
    expect(title.value).toBe('Conferenza zonale dei sindaci – Zona Pisana');
    await waitFor(() => expect(callsTo(calls, commands.meetingConflicts)).toHaveLength(1));
    expect(screen.queryByTestId('repeat'), 'no repetition when editing').toBeNull();
    await fireEvent.input(screen.getByTestId('meeting-place'), { target: { value: 'Sala Regia' } });
    await fireEvent.click(screen.getByTestId('meeting-save'));
    await waitFor(() => expect(callsTo(calls, commands.meetingUpdate)).toHaveLength(1));
    const args = callsTo(calls, commands.meetingUpdate)[0]!.args as { id: number; input: MeetingInput };
    expect(args.id).toBe(4);
    expect(args.input.place).toBe('Sala Regia');
    expect(args.input.invitations).toHaveLength(2);
    expect(callsTo(calls, commands.meetingConflicts)[0]?.args.exclude, 'the meeting does not overlap itself').toBe(4);
    await waitFor(() => expect(router.route).toEqual({ name: 'incontro', id: 4 }));
  });
});
