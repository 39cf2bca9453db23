import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { MeetingFilter } from '../../lib/bindings/MeetingFilter';
import { AGENDA_DEFAULT } from '../../lib/routes';
import { apiError, callsTo, fakeBackend } from '../../test/backend';
import { HOSTILE } from '../../test/contacts-fixtures';
import { ZONES } from '../../test/fixtures';
import { meetingSummary } from '../../test/meeting-fixtures';
import Agenda from './Agenda.svelte';
import CalendarExportMenu from './CalendarExportMenu.svelte';
import { commands } from '../../lib/generated/commands';

const MARCH: MeetingFilter = {
  from: '2027-03-01',
  to: '2027-03-31',
  kinds: ['conferenza_zonale'],
  asl: 'nord-ovest',
  zone_id: null,
  statuses: [],
  text: 'pisana',
  limit: null,
  offset: null,
};
const ALL: MeetingFilter = { from: null, to: null, kinds: [], asl: null, zone_id: null, statuses: [], text: '', limit: null, offset: null };

/** meeting_count answers 12 for the period and 340 for everything. */
function backend(exported: unknown = { file_name: 'calendario-marzo-2027.ics', path: '/home/giulia/calendario-marzo-2027.ics', count: 12 }) {
  return fakeBackend({
    [commands.meetingCount]: (args) => ((args.filter as MeetingFilter).from === null ? 340 : 12),
    [commands.calendarExport]: () => exported,
  });
}

async function open() {
  await fireEvent.click(screen.getByTestId('ics-export-toggle'));
  return screen.findByTestId('ics-export-choices');
}

describe('Esporta (ICS) in the Agenda toolbar', () => {
  it('offers this period with the filters and the whole calendar, with how many meetings each holds', async () => {
    const calls = backend();
    render(CalendarExportMenu, { filter: MARCH, period: 'marzo 2027', filtered: true });
    expect(screen.queryByTestId('ics-export-choices'), 'closed at first').toBeNull();
    const choices = await open();
    await waitFor(() => expect(screen.getByTestId('ics-export-period').textContent).toContain('12 incontri'));
    expect(screen.getByTestId('ics-export-period').textContent).toContain('Questo periodo con i filtri');
    expect(screen.getByTestId('ics-export-period').textContent, 'names the period and that filters apply').toContain('marzo 2027, con i filtri attivi');
    expect(screen.getByTestId('ics-export-all').textContent).toContain('Tutto il calendario');
    expect(screen.getByTestId('ics-export-all').textContent).toContain('340 incontri');
    expect(choices.textContent, 'says that series go whole').toContain('serie periodiche');
    expect(callsTo(calls, commands.meetingCount).map((c) => c.args.filter), 'counts the period’s filter and everything').toEqual([MARCH, ALL]);
    expect(document.activeElement, 'focus on the first choice').toBe(screen.getByTestId('ics-export-period'));
    expect(screen.getByTestId('ics-export-toggle').textContent).toContain('Importa / Esporta (ICS)');
    const importLink = screen.getByTestId('ics-export-import');
    expect(importLink.getAttribute('href'), 'the same menu leads to the import screen').toBe('#/agenda/importa');
    expect(importLink.textContent).toContain('Importa calendario (ICS)');
    expect(choices.textContent, 'export and import are headed apart').toMatch(/Esporta \(ICS\).*Importa/s);
  });

  it('exports the period with the filters as a filter selection and says how many went where', async () => {
    const calls = backend();
    render(CalendarExportMenu, { filter: MARCH, period: 'marzo 2027', filtered: true });
    await open();
    await fireEvent.click(screen.getByTestId('ics-export-period'));
    const result = await screen.findByTestId('ics-export-result');
    expect(result.textContent).toContain('Esportati 12 incontri in calendario-marzo-2027.ics');
    expect(callsTo(calls, commands.calendarExport).map((c) => c.args), 'the selection as the backend takes it').toEqual([{ selection: { filter: MARCH } }]);
    expect(screen.queryByTestId('ics-export-choices'), 'the menu closes').toBeNull();
  });

  it('exports the whole calendar with an empty filter', async () => {
    const calls = backend({ file_name: 'calendario-raccordo.ics', path: '/tmp/calendario-raccordo.ics', count: 1 });
    render(CalendarExportMenu, { filter: MARCH, period: 'marzo 2027', filtered: true });
    await open();
    await fireEvent.click(screen.getByTestId('ics-export-all'));
    expect((await screen.findByTestId('ics-export-result')).textContent).toContain('Esportato 1 incontro in calendario-raccordo.ics');
    expect(callsTo(calls, commands.calendarExport)[0]?.args).toEqual({ selection: { filter: ALL } });
  });

  it('disables a choice with nothing to export and says why', async () => {
    fakeBackend({ [commands.meetingCount]: (args) => ((args.filter as MeetingFilter).from === null ? 3 : 0) });
    render(CalendarExportMenu, { filter: MARCH, period: 'marzo 2027', filtered: false });
    await open();
    const period = screen.getByTestId('ics-export-period') as HTMLButtonElement;
    await waitFor(() => expect(period.disabled, 'nothing in this period: not offered').toBe(true));
    expect(period.textContent).toContain('nessun incontro da esportare');
    expect(period.textContent).toContain('nessun filtro attivo');
    expect((screen.getByTestId('ics-export-all') as HTMLButtonElement).disabled).toBe(false);
  });

  it('still exports when counting fails, and a cancelled dialog shows nothing', async () => {
    const calls = fakeBackend({
      [commands.meetingCount]: () => {
        throw apiError('database_locked', 'occupato');
      },
      [commands.calendarExport]: () => null,
    });
    render(CalendarExportMenu, { filter: MARCH, period: 'marzo 2027', filtered: true });
    await open();
    await waitFor(() => expect(screen.getByTestId('ics-export-period').textContent).toContain('—'));
    await fireEvent.click(screen.getByTestId('ics-export-period'));
    await waitFor(() => expect(callsTo(calls, commands.calendarExport)).toHaveLength(1));
    await waitFor(() => expect((screen.getByTestId('ics-export-toggle') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByTestId('ics-export-result'), 'no message after a cancel').toBeNull();
    expect(screen.queryByTestId('ics-export-error'), 'a cancel is not an error').toBeNull();
  });

  it('shows progress, then the error with what to do', async () => {
    let fail: (e: unknown) => void = () => {};
    fakeBackend({ [commands.meetingCount]: () => 1, [commands.calendarExport]: () => new Promise((_, reject) => (fail = reject)) });
    render(CalendarExportMenu, { filter: MARCH, period: 'marzo 2027', filtered: true });
    await open();
    await fireEvent.click(screen.getByTestId('ics-export-period'));
    const toggle = screen.getByTestId('ics-export-toggle') as HTMLButtonElement;
    await waitFor(() => expect(toggle.disabled, 'no second export while one runs').toBe(true));
    expect(toggle.textContent).toContain('Esportazione in corso');
    fail(apiError('io', 'impossibile scrivere /media/chiavetta/calendario.ics: spazio esaurito'));
    const error = await screen.findByTestId('ics-export-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('Esportazione non riuscita');
    expect(error.textContent, 'the hint for io errors').toContain('Controlla lo spazio su disco');
    expect(error.textContent).toContain('spazio esaurito');
  });

  it('shows a hostile file name as text', async () => {
    const name = `${HOSTILE}.ics`;
    backend({ file_name: name, path: `/tmp/${name}`, count: 2 });
    const { container } = render(CalendarExportMenu, { filter: MARCH, period: 'marzo 2027', filtered: true });
    await open();
    await fireEvent.click(screen.getByTestId('ics-export-period'));
    expect((await screen.findByTestId('ics-export-result')).textContent).toContain(name);
    expect(container.querySelector('img, script'), 'no element was created from the name').toBeNull();
  });
});

describe('Agenda toolbar', () => {
  it('exports the month named in the title (not the grid’s extra days) with the active filters', async () => {
    const calls = fakeBackend({
      [commands.meetingList]: () => [meetingSummary()],
      [commands.meetingCount]: () => 1,
      [commands.zoneList]: () => ZONES,
      [commands.calendarExport]: () => ({ file_name: 'calendario-marzo-2027.ics', path: '/tmp/x.ics', count: 1 }),
    });
    render(Agenda, { query: { ...AGENDA_DEFAULT, date: '2027-03-10', asl: 'centro', text: 'pisana' } });
    await screen.findByTestId('meeting-chip');
    await open();
    await fireEvent.click(screen.getByTestId('ics-export-period'));
    await screen.findByTestId('ics-export-result');
    expect(callsTo(calls, commands.calendarExport)[0]?.args).toEqual({
      selection: {
        filter: { from: '2027-03-01', to: '2027-03-31', kinds: [], asl: 'centro', zone_id: null, statuses: [], text: 'pisana', limit: null, offset: null },
      },
    });
  });

  it('exports the week shown in the week view', async () => {
    const calls = fakeBackend({
      [commands.meetingList]: () => [],
      [commands.meetingCount]: () => 0,
      [commands.zoneList]: () => ZONES,
    });
    render(Agenda, { query: { ...AGENDA_DEFAULT, view: 'settimana', date: '2027-03-24' } });
    await screen.findByTestId('agenda-title');
    await open();
    await waitFor(() => expect(callsTo(calls, commands.meetingCount).length).toBeGreaterThanOrEqual(2));
    const filter = callsTo(calls, commands.meetingCount)[0]?.args.filter as MeetingFilter;
    expect([filter.from, filter.to], 'Monday to Sunday of the week on screen').toEqual(['2027-03-22', '2027-03-28']);
    expect(screen.getByTestId('ics-export-period').textContent).toContain('22–28 marzo 2027');
  });
});
