import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ActionInput } from '../../lib/bindings/ActionInput';
import { apiError, callsTo, fakeBackend } from '../../test/backend';
import { actionView } from '../../test/action-fixtures';
import { pisaDetail } from '../../test/fixtures';
import { meetingView } from '../../test/meeting-fixtures';
import ActionNew from './ActionNew.svelte';
import { commands } from '../../lib/generated/commands';

describe('Nuova azione', () => {
  it('from a comune page: the comune is chosen; saving creates it and opens its page', async () => {
    const calls = fakeBackend({ [commands.comuneGet]: () => pisaDetail(), [commands.actionCreate]: () => actionView({ id: 12 }) });
    render(ActionNew, { props: { context: { comune: '050026', meeting: null, person: null } } });
    expect((await screen.findByTestId('action-form-comuni')).textContent).toContain('Pisa');
    await fireEvent.input(screen.getByTestId('action-form-title'), { target: { value: 'Inviare la delibera' } });
    await fireEvent.input(screen.getByTestId('action-form-due'), { target: { value: '31/03/2027' } });
    await fireEvent.change(screen.getByTestId('action-form-priority'), { target: { value: 'high' } });
    await fireEvent.click(screen.getByTestId('action-form-save'));
    await waitFor(() => expect(location.hash).toBe('#/azioni/azione/12'));
    const input = callsTo(calls, commands.actionCreate)[0]!.args.input as ActionInput;
    expect(input).toEqual({
      title: 'Inviare la delibera',
      description: '',
      owner: { kind: 'coordinator' },
      due: '2027-03-31',
      priority: 'high',
      meeting_id: null,
      agenda_item_id: null,
      comuni: ['050026'],
      organisations: [],
      people: [],
    });
  });

  it('from a meeting page: the meeting is chosen and one of its agenda items can be', async () => {
    const calls = fakeBackend({
      [commands.meetingGet]: () => meetingView({ id: 3, agenda: [{ id: 9, position: 1, title: 'Rete SAI', presenter: '', duration_min: null, notes: '' }] }),
      [commands.actionCreate]: () => actionView({ id: 13 }),
    });
    render(ActionNew, { props: { context: { comune: null, meeting: 3, person: null } } });
    expect((await screen.findByTestId('action-form-meeting-chosen')).textContent).toContain('Conferenza zonale');
    await fireEvent.change(await screen.findByTestId('action-form-agenda-item'), { target: { value: '9' } });
    await fireEvent.input(screen.getByTestId('action-form-title'), { target: { value: 'Raccogliere le adesioni' } });
    await fireEvent.click(screen.getByTestId('action-form-save'));
    await waitFor(() => expect(callsTo(calls, commands.actionCreate)).toHaveLength(1));
    expect(callsTo(calls, commands.actionCreate)[0]!.args.input).toMatchObject({ meeting_id: 3, agenda_item_id: 9 });
  });

  it('asks for a title, then shows the core’s field errors by the fields', async () => {
    const calls = fakeBackend({
      [commands.actionCreate]: () => Promise.reject(apiError('validation', 'Dati non validi', [{ field: 'due', message: 'La scadenza 01/01/1990 non è plausibile.' }])),
    });
    render(ActionNew, { props: { context: { comune: null, meeting: null, person: null } } });
    await fireEvent.click(await screen.findByTestId('action-form-save'));
    expect(screen.getByTestId('action-form').textContent).toContain('Il titolo è obbligatorio');
    expect(callsTo(calls, commands.actionCreate)).toHaveLength(0);
    await fireEvent.input(screen.getByTestId('action-form-title'), { target: { value: 'Verifica' } });
    await fireEvent.input(screen.getByTestId('action-form-due'), { target: { value: '01/01/1990' } });
    await fireEvent.click(screen.getByTestId('action-form-save'));
    const form = screen.getByTestId('action-form');
    await waitFor(() => expect(form.textContent).toContain('La scadenza 01/01/1990 non è plausibile.'));
    expect(within(form).getByTestId('action-form-due').getAttribute('aria-invalid')).toBe('true');
  });
});
