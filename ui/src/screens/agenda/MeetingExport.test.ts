import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { apiError, callsTo, fakeBackend } from '../../test/backend';
import { meetingView } from '../../test/meeting-fixtures';
import Meeting from './Meeting.svelte';
import { commands } from '../../lib/generated/commands';

describe('Esporta (ICS) on the meeting page', () => {
  it('exports this meeting by id and says how many went where', async () => {
    const calls = fakeBackend({
      [commands.meetingGet]: () => meetingView(),
      [commands.meetingConflicts]: () => [],
      [commands.calendarExport]: () => ({ file_name: 'Conferenza-zonale-25-03-2027.ics', path: '/tmp/c.ics', count: 1 }),
    });
    render(Meeting, { id: 1 });
    const button = await screen.findByTestId('meeting-ics-export');
    expect(button.textContent).toContain('Esporta (ICS)');
    expect(screen.queryByTestId('meeting-ics-series'), 'a single meeting has no series note').toBeNull();
    await fireEvent.click(button);
    expect((await screen.findByTestId('meeting-ics-export-result')).textContent).toContain('Esportato 1 incontro in Conferenza-zonale-25-03-2027.ics');
    expect(callsTo(calls, commands.calendarExport).map((c) => c.args), 'one meeting, by id').toEqual([{ selection: { ids: [1] } }]);
  });

  it('says that an occurrence of a series exports the whole series, before and after', async () => {
    fakeBackend({
      [commands.meetingGet]: () => meetingView({ id: 9, series_id: 3 }),
      [commands.meetingConflicts]: () => [],
      [commands.calendarExport]: () => ({ file_name: 'direttori.ics', path: '/tmp/d.ics', count: 6 }),
    });
    render(Meeting, { id: 9 });
    const note = await screen.findByTestId('meeting-ics-series');
    expect(note.textContent).toContain('si esporta la serie intera');
    expect(screen.getByTestId('meeting-ics-export').getAttribute('aria-describedby'), 'the note describes the button').toBe(note.id);
    await fireEvent.click(screen.getByTestId('meeting-ics-export'));
    expect((await screen.findByTestId('meeting-ics-export-result')).textContent).toContain('Esportata la serie intera (6 incontri) in direttori.ics');
  });

  it('shows nothing on cancel and the error when writing fails', async () => {
    let answer: () => unknown = () => null;
    const calls = fakeBackend({ [commands.meetingGet]: () => meetingView(), [commands.meetingConflicts]: () => [], [commands.calendarExport]: () => answer() });
    render(Meeting, { id: 1 });
    await fireEvent.click(await screen.findByTestId('meeting-ics-export'));
    await waitFor(() => expect(callsTo(calls, commands.calendarExport)).toHaveLength(1));
    await waitFor(() => expect((screen.getByTestId('meeting-ics-export') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByTestId('meeting-ics-export-result')).toBeNull();
    expect(screen.queryByTestId('meeting-ics-export-error')).toBeNull();
    answer = () => {
      throw apiError('io', 'permesso negato: /root/c.ics');
    };
    await fireEvent.click(screen.getByTestId('meeting-ics-export'));
    const error = await screen.findByTestId('meeting-ics-export-error');
    expect(error.textContent).toContain('Esportazione non riuscita');
    expect(error.textContent).toContain('permesso negato');
  });
});
