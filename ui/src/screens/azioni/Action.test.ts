import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { callsTo, fakeBackend } from '../../test/backend';
import { actionView } from '../../test/action-fixtures';
import { HOSTILE } from '../../test/contacts-fixtures';
import Action from './Action.svelte';
import { commands } from '../../lib/generated/commands';

describe('Pagina dell’azione', () => {
  it('shows what, who, by when, where it comes from and what it concerns, each a link', async () => {
    const calls = fakeBackend({
      [commands.actionGet]: () =>
        actionView({
          id: 7,
          overdue: true,
          due: '2020-02-01',
          owner: { kind: 'person', person_id: 5 },
          owner_name: 'Michele Conti',
          meeting: { id: 3, title: 'Conferenza zonale – Pisana', date: '2020-01-15', agenda_item: { id: '9', name: 'Rete SAI' } },
          organisations: [{ id: '40', name: 'Comune di Pisa' }],
          people: [{ id: '6', name: 'Anna Rossi' }],
        }),
    });
    render(Action, { id: 7 });
    expect((await screen.findByTestId('action-title')).textContent).toBe('Inviare la delibera di adesione al SAI');
    expect(callsTo(calls, commands.actionGet)[0]!.args).toEqual({ id: 7 });
    expect(screen.getByTestId('action-overdue-tag').textContent).toBe('in ritardo');
    expect(within(screen.getByTestId('action-owner')).getByRole('link').getAttribute('href')).toBe('#/contatti/persona/5');
    expect(screen.getByTestId('action-due').textContent).toBe('01/02/2020');
    const meeting = screen.getByTestId('action-meeting');
    expect(within(meeting).getByRole('link').getAttribute('href')).toBe('#/agenda/incontro/3');
    expect(meeting.textContent).toContain('15/01/2020');
    expect(meeting.textContent).toContain('Punto all’ordine del giorno: Rete SAI');
    expect(within(screen.getByTestId('action-comuni')).getByRole('link').getAttribute('href')).toBe('#/comune/050026');
    expect(within(screen.getByTestId('action-orgs')).getByRole('link').getAttribute('href')).toBe('#/contatti/ente/40');
    expect(within(screen.getByTestId('action-people')).getByRole('link').getAttribute('href')).toBe('#/contatti/persona/6');
    expect(screen.getByTestId('action-edit').getAttribute('href')).toBe('#/azioni/azione/7/modifica');
  });

  it('changes the status with a note and shows the history newest first', async () => {
    const calls = fakeBackend({
      [commands.actionGet]: () => actionView(),
      [commands.actionSetStatus]: () =>
        actionView({
          status: 'in_progress',
          history: [
            { status: 'open', changed_at: '2027-03-01T09:00:00Z', note: '' },
            { status: 'in_progress', changed_at: '2027-03-05T10:30:00Z', note: HOSTILE },
          ],
        }),
    });
    render(Action, { id: 1 });
    await fireEvent.change(await screen.findByTestId('action-status-select'), { target: { value: 'in_progress' } });
    await fireEvent.input(screen.getByTestId('action-status-note'), { target: { value: 'Telefonato al sindaco' } });
    await fireEvent.click(screen.getByTestId('action-status-save'));
    await screen.findByTestId('action-status-saved');
    expect(callsTo(calls, commands.actionSetStatus)[0]!.args).toEqual({ id: 1, status: 'in_progress', note: 'Telefonato al sindaco' });
    const entries = screen.getAllByTestId('action-history-entry');
    expect(entries[0]!.textContent).toContain('05/03/2027 11:30');
    expect(entries[0]!.textContent, 'a note is text').toContain(HOSTILE);
    expect(screen.getByTestId('action-history').querySelector('img, script')).toBeNull();
    expect(screen.getByTestId('action-status-tag').textContent).toBe('In corso');
  });

  it('deletes only after a confirmation', async () => {
    const calls = fakeBackend({ [commands.actionGet]: () => actionView({ id: 4 }), [commands.actionDelete]: () => null });
    render(Action, { id: 4 });
    await fireEvent.click(await screen.findByTestId('action-delete'));
    const confirm = screen.getByTestId('action-delete-confirm');
    expect(confirm.textContent).toContain('Eliminare l’azione «Inviare la delibera di adesione al SAI»?');
    await fireEvent.click(within(confirm).getByTestId('action-delete-cancel'));
    expect(callsTo(calls, commands.actionDelete)).toHaveLength(0);
    await fireEvent.click(screen.getByTestId('action-delete'));
    await fireEvent.click(screen.getByTestId('action-delete-do'));
    await waitFor(() => expect(callsTo(calls, commands.actionDelete)[0]!.args).toEqual({ id: 4 }));
    await waitFor(() => expect(location.hash).toBe('#/azioni'));
  });

  it('explains an action that no longer exists', async () => {
    fakeBackend({ [commands.actionGet]: () => Promise.reject({ kind: 'not_found', message: 'no', details: [] }) });
    render(Action, { id: 99 });
    expect((await screen.findByTestId('action-not-found')).textContent).toContain('Questa azione non esiste più');
  });
});
