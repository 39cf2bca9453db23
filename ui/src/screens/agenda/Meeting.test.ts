import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { AttendanceInput } from '../../lib/bindings/AttendanceInput';
import { router } from '../../lib/router.svelte';
import { apiError, callsTo, fakeBackend } from '../../test/backend';
import { HOSTILE, summary } from '../../test/contacts-fixtures';
import { invitation, meetingSummary, meetingView } from '../../test/meeting-fixtures';
import Meeting from './Meeting.svelte';
import { commands } from '../../lib/generated/commands';

function rows() {
  return within(screen.getByTestId('invitations')).getAllByTestId('invitation-row');
}

describe('Pagina incontro', () => {
  it('shows when, where, scope, invitees, agenda and status history', async () => {
    const calls = fakeBackend({ [commands.meetingGet]: () => meetingView(), [commands.meetingConflicts]: () => [] });
    render(Meeting, { id: 1 });
    expect((await screen.findByTestId('meeting-title')).textContent).toBe('Conferenza zonale dei sindaci – Zona Pisana');
    expect(screen.getByTestId('meeting-when').textContent).toContain('Giovedì 25 marzo 2027, 10:00–12:00');
    expect(screen.getByTestId('meeting-scope').textContent).toBe('Zona Pisana');
    expect(screen.getByTestId('meeting-place').textContent).toBe('Palazzo Gambacorti');
    expect(rows()).toHaveLength(2);
    expect(screen.getByTestId('attendance-summary').textContent).toContain('2 invitati');
    expect(screen.getByTestId('meeting-agenda').textContent).toContain('Rete SAI in zona');
    expect(screen.getByTestId('meeting-agenda').textContent).toContain('Giulia Bianchi · 30 min');
    expect(screen.getByTestId('status-history').textContent).toContain('26/11/2026 10:30');
    expect(screen.getByTestId('meeting-back').getAttribute('href'), 'back to the calendar at the meeting date').toContain('data=2027-03-25');
    await waitFor(() => expect(callsTo(calls, commands.meetingConflicts)).toHaveLength(1));
    expect(callsTo(calls, commands.meetingConflicts)[0]!.args).toEqual({ start: '2027-03-25T10:00:00', end: '2027-03-25T12:00:00', exclude: 1, people: [5, 6] });
  });

  it('shows a guest typed by name (an imported attendee) by name, not as a vacant office', async () => {
    fakeBackend({
      [commands.meetingGet]: () => meetingView({ invitations: [invitation({ person_id: null, person_name: null, organisation_id: null, organisation_name: null, title: 'Laura Verdi <l.verdi@esempio.it>' })] }),
      [commands.meetingConflicts]: () => [],
    });
    render(Meeting, { id: 1 });
    await screen.findByTestId('invitations');
    const row = rows()[0]!;
    expect(within(row).getByTestId('invitation-name').textContent, 'the typed name is the invitee').toBe('Laura Verdi <l.verdi@esempio.it>');
    expect(row.textContent, 'a guest is not a vacant office').not.toContain('vacante');
  });

  it('records a delegate chosen from the directory', async () => {
    const calls = fakeBackend({
      [commands.meetingGet]: () => meetingView(),
      [commands.meetingConflicts]: () => [],
      [commands.personPage]: () => ({ total: 1, offset: 0, people: [summary(9, 'Rossi', 'Anna', 'Vicesindaca – Comune di Pisa')] }),
      [commands.meetingSetAttendance]: (args) => {
        const input = args.input as AttendanceInput;
        return invitation({ attendance: input.attendance, delegate_person_id: input.delegate_person_id, delegate_name: 'Anna Rossi' });
      },
    });
    render(Meeting, { id: 1 });
    await screen.findByTestId('invitations');
    const first = rows()[0]!;
    await fireEvent.change(within(first).getByTestId('attendance-select'), { target: { value: 'delegated' } });
    expect(callsTo(calls, commands.meetingSetAttendance), 'a delegation waits for the delegate').toHaveLength(0);
    await fireEvent.input(within(first).getByTestId('delegate-person'), { target: { value: 'rossi' } });
    await fireEvent.click(await within(first).findByTestId('delegate-person-option'));
    expect(within(first).getByTestId('delegate-chosen').textContent).toBe('Anna Rossi');
    await fireEvent.click(within(first).getByTestId('delegate-save'));
    await waitFor(() => expect(within(rows()[0]!).getByTestId('delegate-shown').textContent).toContain('Delegato: Anna Rossi'));
    expect(callsTo(calls, commands.meetingSetAttendance)[0]!.args).toEqual({
      invitation_id: 31,
      input: { attendance: 'delegated', delegate_person_id: 9, delegate_name: '', note: '' },
    });
    expect(screen.getByTestId('attendance-summary').textContent).toContain('delegati 1');
  });

  it('records a delegate typed by name, and shows the core’s message when it is missing', async () => {
    let answer = 0;
    const calls = fakeBackend({
      [commands.meetingGet]: () => meetingView(),
      [commands.meetingConflicts]: () => [],
      [commands.meetingSetAttendance]: (args) => {
        answer += 1;
        const input = args.input as AttendanceInput;
        if (input.delegate_name === '') {
          throw apiError('validation', 'Dati non validi', [{ field: 'delegate_name', message: 'Per una delega indica chi ha partecipato al posto dell’invitato.' }]);
        }
        return invitation({ id: 32, attendance: 'delegated', delegate_name: input.delegate_name });
      },
    });
    render(Meeting, { id: 1 });
    await screen.findByTestId('invitations');
    const second = rows()[1]!;
    await fireEvent.change(within(second).getByTestId('attendance-select'), { target: { value: 'delegated' } });
    await fireEvent.click(within(second).getByTestId('delegate-save'));
    expect((await within(second).findByRole('alert')).textContent).toBe('Per una delega indica chi ha partecipato al posto dell’invitato.');
    await fireEvent.input(within(second).getByTestId('delegate-name'), { target: { value: HOSTILE } });
    await fireEvent.click(within(second).getByTestId('delegate-save'));
    await waitFor(() => expect(answer).toBe(2));
    expect(callsTo(calls, commands.meetingSetAttendance)[1]!.args).toEqual({
      invitation_id: 32,
      input: { attendance: 'delegated', delegate_person_id: null, delegate_name: HOSTILE, note: '' },
    });
    expect((await within(rows()[1]!).findByTestId('delegate-shown')).textContent).toContain(HOSTILE);
    expect(document.querySelector('[data-testid="invitations"] img'), 'a typed name stays text').toBeNull();
  });

  it('saves present/absent at once', async () => {
    const calls = fakeBackend({
      [commands.meetingGet]: () => meetingView(),
      [commands.meetingConflicts]: () => [],
      [commands.meetingSetAttendance]: () => invitation({ attendance: 'present' }),
    });
    render(Meeting, { id: 1 });
    await screen.findByTestId('invitations');
    await fireEvent.change(within(rows()[0]!).getByTestId('attendance-select'), { target: { value: 'present' } });
    await waitFor(() => expect(callsTo(calls, commands.meetingSetAttendance)).toHaveLength(1));
    expect(callsTo(calls, commands.meetingSetAttendance)[0]!.args).toEqual({
      invitation_id: 31,
      input: { attendance: 'present', delegate_person_id: null, delegate_name: '', note: '' },
    });
    await waitFor(() => expect(screen.getByTestId('attendance-summary').textContent).toContain('presenti 1'));
  });

  it('changes the status with a note', async () => {
    const calls = fakeBackend({
      [commands.meetingGet]: () => meetingView(),
      [commands.meetingConflicts]: () => [],
      [commands.meetingSetStatus]: () =>
        meetingView({
          status: 'postponed',
          history: [
            { status: 'planned', changed_at: '2026-11-26T09:30:00Z', note: '' },
            { status: 'postponed', changed_at: '2026-11-27T08:00:00Z', note: 'Richiesta della Prefettura' },
          ],
        }),
    });
    render(Meeting, { id: 1 });
    await screen.findByTestId('status-select');
    await fireEvent.change(screen.getByTestId('status-select'), { target: { value: 'postponed' } });
    await fireEvent.input(screen.getByTestId('status-note'), { target: { value: 'Richiesta della Prefettura' } });
    await fireEvent.click(screen.getByTestId('status-save'));
    await waitFor(() => expect(screen.getByTestId('meeting-status-tag').textContent).toBe('rinviato'));
    expect(callsTo(calls, commands.meetingSetStatus)[0]!.args).toEqual({ id: 1, status: 'postponed', note: 'Richiesta della Prefettura' });
    expect(screen.getByTestId('status-history').textContent).toContain('rinviato — Richiesta della Prefettura');
  });

  it('tells the series and deletes only after choosing this one or the whole series', async () => {
    const calls = fakeBackend({
      [commands.meetingGet]: () => meetingView({ series_id: 3, recurrence: 'FREQ=MONTHLY;BYDAY=4TH;COUNT=10' }),
      [commands.meetingConflicts]: () => [],
      [commands.meetingDeleteSeries]: () => 10,
    });
    render(Meeting, { id: 1 });
    expect((await screen.findByTestId('meeting-series')).textContent).toContain('Fa parte di una serie: ogni mese, il quarto giovedì, 10 volte.');
    await fireEvent.click(screen.getByTestId('meeting-delete'));
    const confirm = screen.getByTestId('meeting-delete-confirm');
    expect(confirm.textContent).toContain('Eliminare l’incontro «Conferenza zonale dei sindaci – Zona Pisana»?');
    expect(within(confirm).getByTestId('meeting-delete-one').textContent).toContain('Elimina solo questo');
    expect(callsTo(calls, commands.meetingDeleteSeries)).toHaveLength(0);
    await fireEvent.click(within(confirm).getByTestId('meeting-delete-series'));
    await waitFor(() => expect(callsTo(calls, commands.meetingDeleteSeries)[0]?.args).toEqual({ series_id: 3 }));
    await waitFor(() => expect(router.route.name).toBe('agenda'));
    expect(router.route).toMatchObject({ query: { date: '2027-03-25' } });
  });

  it('deletes a single meeting after confirmation', async () => {
    const calls = fakeBackend({ [commands.meetingGet]: () => meetingView(), [commands.meetingConflicts]: () => [], [commands.meetingDelete]: () => meetingSummary() });
    render(Meeting, { id: 1 });
    await fireEvent.click(await screen.findByTestId('meeting-delete'));
    expect(screen.queryByTestId('meeting-delete-series'), 'not part of a series').toBeNull();
    await fireEvent.click(screen.getByTestId('meeting-delete-one'));
    await waitFor(() => expect(callsTo(calls, commands.meetingDelete)[0]?.args).toEqual({ id: 1 }));
  });

  it('warns when it overlaps another meeting', async () => {
    fakeBackend({
      [commands.meetingGet]: () => meetingView(),
      [commands.meetingConflicts]: () => [{ meeting: meetingSummary({ id: 8, title: 'Giunta Unione Valdera', start: '2027-03-25T11:00:00', end: '2027-03-25T12:30:00' }), shared_people: [] }],
    });
    render(Meeting, { id: 1 });
    const box = await screen.findByTestId('meeting-page-conflicts');
    expect(box.textContent).toContain('Sovrapposto a:');
    expect(box.textContent).toContain('Giunta Unione Valdera');
    expect(within(box).getByRole('link').getAttribute('href')).toBe('#/agenda/incontro/8');
  });

  it('says when the meeting no longer exists', async () => {
    fakeBackend({ [commands.meetingGet]: () => { throw apiError('not_found', 'Incontro 9 non trovato'); } });
    render(Meeting, { id: 9 });
    expect((await screen.findByTestId('meeting-not-found')).textContent).toContain('non esiste più');
  });
});
