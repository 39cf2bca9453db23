import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { CalendarImportReport } from '../../lib/bindings/CalendarImportReport';
import { apiError, callsTo, fakeBackend, never } from '../../test/backend';
import { importRow, thunderbirdReport } from '../../test/calendar-fixtures';
import { HOSTILE } from '../../test/contacts-fixtures';
import ImportaCalendario from './ImportaCalendario.svelte';
import { VIRTUAL_FROM } from './import/CalendarReport.svelte';
import { commands } from '../../lib/generated/commands';

const PICK = { token: 7, file_name: 'thunderbird.ics' };

function events() {
  return screen.getAllByTestId('ics-event');
}

describe('Importa calendario (ICS)', () => {
  it('picks a file, shows the dry run event by event, then imports and reports', async () => {
    const calls = fakeBackend({
      [commands.calendarImportPick]: () => PICK,
      [commands.calendarImportRun]: (args) => thunderbirdReport(args.dry_run === false),
    });
    render(ImportaCalendario);
    expect(screen.queryByTestId('ics-report'), 'nothing before a file is chosen').toBeNull();
    await fireEvent.click(screen.getByTestId('ics-import-pick'));

    const outcome = await screen.findByTestId('ics-outcome');
    expect(outcome.textContent).toContain('Prova riuscita');
    expect(outcome.textContent).toContain('Nessun dato è stato salvato');
    expect(callsTo(calls, commands.calendarImportRun).map((c) => c.args), 'the dry run starts by itself, by token').toEqual([{ token: 7, dry_run: true }]);
    expect(screen.getByTestId('ics-file-name').textContent).toBe('thunderbird.ics');
    expect(screen.getByTestId('ics-file-encoding').textContent).toBe('UTF-8');
    expect(screen.getByTestId('stat-events-read').textContent).toBe('5');
    expect(screen.getByTestId('stat-meetings-created').textContent).toBe('8');
    expect(screen.getByTestId('ics-stats-effects').textContent, 'a dry run speaks of what would happen').toContain('Incontri da creare');

    const rows = events();
    expect(rows).toHaveLength(5);
    const first = within(rows[0]!);
    expect(rows[0]!.textContent).toContain('riga 22');
    expect(first.getByTestId('ics-event-outcome').textContent).toBe('creato');
    expect(first.getByTestId('ics-event-start').textContent?.trim()).toBe('25/03/2027 10:00');
    expect(first.getByTestId('ics-event-title').textContent?.trim()).toBe('Conferenza zonale dei sindaci – Zona Pisana');
    expect(first.getByTestId('ics-event-note').textContent).toContain('2 invitati non in rubrica');
    expect(within(rows[3]!).getByTestId('ics-event-note').textContent, 'an override of one occurrence says so').toContain('modifica di un’occorrenza');
    expect(within(rows[4]!).getByTestId('ics-event-start').textContent, 'all-day: the date and "tutto il giorno"').toContain('15/04/2027 · tutto il giorno');
    expect(screen.getByTestId('ics-notes').textContent, 'the reader’s notes with their line').toContain('riga 110: un\'attività (VTODO)');
    expect(within(rows[0]!).queryByRole('link'), 'no meeting to open before the import').toBeNull();

    await fireEvent.click(screen.getByTestId('ics-import-run'));
    await waitFor(() => expect(screen.getByTestId('ics-outcome').textContent).toContain('Importazione completata'));
    expect(callsTo(calls, commands.calendarImportRun).at(-1)?.args).toEqual({ token: 7, dry_run: false });
    expect(screen.getByTestId('ics-outcome').textContent, 'the backup is mentioned').toContain('copia di sicurezza');
    expect(screen.getByTestId('ics-stats-effects').textContent).toContain('Incontri creati');
    expect(screen.queryByTestId('ics-import-run'), 'no second import of the same report').toBeNull();
    const link = within(events()[0]!).getByRole('link');
    expect(link.getAttribute('href'), 'each title opens its meeting').toBe('#/agenda/incontro/1');
    expect(screen.getByTestId('ics-import-to-agenda').getAttribute('href'), 'the agenda at the first imported meeting').toBe('#/agenda?data=2027-01-12');
  });

  it('shows rejected events with line and reason and offers no import', async () => {
    const report: CalendarImportReport = {
      ...thunderbirdReport(),
      report: {
        file: 'rotto.ics',
        dry_run: true,
        rows_read: 3,
        rows_ok: 2,
        rejected: [{ line: 40, message: 'riga 40: evento «Riunione»: la fine (09:00) viene prima dell’inizio (10:00)' }],
        applied: false,
      },
      rows: [importRow(), importRow({ line: 61, outcome: 'skipped', message: 'dura più di 31 giorni: non è un incontro' })],
    };
    fakeBackend({ [commands.calendarImportPick]: () => ({ token: 1, file_name: 'rotto.ics' }), [commands.calendarImportRun]: () => report });
    render(ImportaCalendario);
    await fireEvent.click(screen.getByTestId('ics-import-pick'));
    expect((await screen.findByTestId('ics-outcome')).textContent).toContain('La prova ha trovato eventi da correggere');
    expect(screen.getByTestId('stat-events-rejected').textContent).toBe('1');
    const rows = events();
    expect(rows.map((r) => r.getAttribute('data-outcome')), 'in file order').toEqual(['created', 'rejected', 'skipped']);
    expect(rows[1]!.textContent).toContain('scartato');
    expect(rows[1]!.textContent).toContain('la fine (09:00) viene prima dell’inizio');
    expect(rows[2]!.textContent).toContain('saltato');
    expect(rows[2]!.textContent).toContain('dura più di 31 giorni');
    expect(screen.queryByTestId('ics-import-run'), 'a file with rejected events cannot be imported').toBeNull();
    expect(screen.getByTestId('ics-import-again'), 'the trial can be repeated after fixing the file').toBeTruthy();
  });

  it('explains a broken file with the line the core names, and retries', async () => {
    let attempt = 0;
    const calls = fakeBackend({
      [commands.calendarImportPick]: () => ({ token: 2, file_name: 'rotto.ics' }),
      [commands.calendarImportRun]: () => {
        attempt += 1;
        if (attempt === 1) throw apiError('import', 'rotto.ics, riga 12: BEGIN:VEVENT senza END:VEVENT');
        return thunderbirdReport();
      },
    });
    render(ImportaCalendario);
    await fireEvent.click(screen.getByTestId('ics-import-pick'));
    const error = await screen.findByTestId('ics-run-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('Il file non può essere importato');
    expect(screen.getByTestId('ics-run-error-message').textContent).toBe('rotto.ics, riga 12: BEGIN:VEVENT senza END:VEVENT');
    expect(error.textContent, 'what to do').toContain('Se il messaggio indica una riga');
    await fireEvent.click(within(error).getByText('Riprova la lettura'));
    expect(await screen.findByTestId('ics-report')).toBeTruthy();
    expect(callsTo(calls, commands.calendarImportRun).map((c) => c.args.dry_run)).toEqual([true, true]);
  });

  it('says when the file holds no events', async () => {
    const empty: CalendarImportReport = {
      ...thunderbirdReport(),
      report: { file: 'vuoto.ics', dry_run: true, rows_read: 0, rows_ok: 0, rejected: [], applied: false },
      created: 0,
      meetings_created: 0,
      rows: [],
      notes: [],
    };
    fakeBackend({ [commands.calendarImportPick]: () => ({ token: 3, file_name: 'vuoto.ics' }), [commands.calendarImportRun]: () => empty });
    render(ImportaCalendario);
    await fireEvent.click(screen.getByTestId('ics-import-pick'));
    expect((await screen.findByTestId('ics-outcome')).textContent).toContain('Il file non contiene eventi');
    expect(screen.queryByTestId('ics-events'), 'no empty list').toBeNull();
    expect(screen.queryByTestId('ics-import-run'), 'nothing to import').toBeNull();
  });

  it('keeps the screen as it was when the dialog is cancelled, and shows progress while reading', async () => {
    const calls = fakeBackend({ [commands.calendarImportPick]: () => null });
    render(ImportaCalendario);
    await fireEvent.click(screen.getByTestId('ics-import-pick'));
    await waitFor(() => expect(callsTo(calls, commands.calendarImportPick)).toHaveLength(1));
    await waitFor(() => expect((screen.getByTestId('ics-import-pick') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByTestId('ics-file-name')).toBeNull();
    expect(callsTo(calls, commands.calendarImportRun), 'nothing run after a cancel').toHaveLength(0);

    fakeBackend({ [commands.calendarImportPick]: () => PICK, [commands.calendarImportRun]: () => never() });
    await fireEvent.click(screen.getByTestId('ics-import-pick'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Prova in corso'));
    expect((screen.getByTestId('ics-import-pick') as HTMLButtonElement).disabled, 'no second pick while reading').toBe(true);
  });

  it('shows hostile titles, notes and file names as text', async () => {
    const report = thunderbirdReport(true);
    report.rows = [importRow({ title: HOSTILE, message: HOSTILE, meeting_id: 4 }), importRow({ line: 30, title: '', meeting_id: 5 })];
    report.notes = [{ line: 2, message: HOSTILE }];
    report.report.rejected = [];
    const calls = fakeBackend({
      [commands.calendarImportPick]: () => ({ token: 4, file_name: `${HOSTILE}.ics` }),
      [commands.calendarImportRun]: (args) => ({ ...report, report: { ...report.report, dry_run: args.dry_run as boolean, applied: args.dry_run === false } }),
    });
    const { container } = render(ImportaCalendario);
    await fireEvent.click(screen.getByTestId('ics-import-pick'));
    await fireEvent.click(await screen.findByTestId('ics-import-run'));
    await waitFor(() => expect(callsTo(calls, commands.calendarImportRun)).toHaveLength(2));
    await waitFor(() => expect(within(events()[0]!).getByTestId('ics-event-title').textContent?.trim()).toBe(HOSTILE));
    expect(within(events()[0]!).getByTestId('ics-event-note').textContent).toBe(HOSTILE);
    expect(within(events()[1]!).getByTestId('ics-event-title').textContent?.trim(), 'an untitled meeting still links').toBe('(senza titolo)');
    expect(screen.getByTestId('ics-notes').textContent).toContain(HOSTILE);
    expect(screen.getByTestId('ics-file-name').textContent).toBe(`${HOSTILE}.ics`);
    expect(container.querySelector('img, script'), 'no element was created from the file').toBeNull();
    expect((window as { __pwned?: number }).__pwned, 'no handler ran').toBeUndefined();
  });

  it('virtualises a long report: only the rows in view are in the page', async () => {
    const report = thunderbirdReport();
    const n = VIRTUAL_FROM * 30;
    report.report.rows_read = n;
    report.report.rows_ok = n;
    report.rows = Array.from({ length: n }, (_, i) => importRow({ line: 10 + i * 12, title: `Incontro ${i + 1}` }));
    fakeBackend({ [commands.calendarImportPick]: () => PICK, [commands.calendarImportRun]: () => report });
    render(ImportaCalendario);
    await fireEvent.click(screen.getByTestId('ics-import-pick'));
    const list = await screen.findByTestId('ics-events');
    expect(list.getAttribute('role')).toBe('list');
    const shown = events().length;
    expect(shown, `a window of rows, not ${n}`).toBeGreaterThan(0);
    expect(shown).toBeLessThan(100);
    expect(screen.getByTestId('stat-events-read').textContent).toBe('3.000');
    expect(within(events()[0]!).getByTestId('ics-event-title').getAttribute('title'), 'cut text has its full form as a tooltip').toBe('Incontro 1');
  });
});
