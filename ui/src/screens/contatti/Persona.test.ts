import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { RoleInput } from '../../lib/bindings/RoleInput';
import { apiError, callsTo, fakeBackend } from '../../test/backend';
import { HOSTILE, personView, role } from '../../test/contacts-fixtures';
import Persona from './Persona.svelte';
import { commands } from '../../lib/generated/commands';

describe('Scheda persona', () => {
  it('shows current offices first and past ones after, with gg/mm/aaaa periods', async () => {
    const calls = fakeBackend({ [commands.personGet]: () => personView() });
    render(Persona, { id: 5 });
    expect((await screen.findByTestId('person-name')).textContent).toBe('Niccolò Dell’Acqua');
    expect(callsTo(calls, commands.personGet)[0]!.args).toEqual({ id: 5 });
    expect(screen.getByTestId('person-office').textContent).toBe('Sindaco – Comune di Pisa');
    const current = screen.getByTestId('roles-current').textContent ?? '';
    expect(current).toContain('Sindaco');
    expect(current).toContain('dal 01/07/2024');
    const past = screen.getByTestId('roles-past').textContent ?? '';
    expect(past).toContain('Assessore al sociale');
    expect(past, 'a past office shows both ends').toContain('dal 01/07/2019 al 30/06/2024');
    expect(screen.getByTestId('roles-current').querySelector('a')!.getAttribute('href')).toBe('#/contatti/ente/40');
  });

  it('shows hostile notes and names as text', async () => {
    fakeBackend({ [commands.personGet]: () => personView({ notes: HOSTILE, given_name: HOSTILE, roles: [role({ title: HOSTILE })] }) });
    render(Persona, { id: 5 });
    expect((await screen.findByTestId('person-notes')).textContent).toBe(HOSTILE);
    expect(screen.getByTestId('person-name').textContent).toContain(HOSTILE);
    expect(document.querySelector('img'), 'no element is created from user text').toBeNull();
    expect(document.querySelector('main script, [data-testid="person-roles"] script')).toBeNull();
  });

  it('edits an office: the new title is sent with the same person and organisation', async () => {
    let updated: RoleInput | null = null;
    const calls = fakeBackend({
      [commands.personGet]: () => personView(updated ? { roles: [role({ title: updated.title })] } : {}),
      [commands.roleUpdate]: (args) => {
        updated = args.input as RoleInput;
        return role({ title: updated.title });
      },
    });
    render(Persona, { id: 5 });
    await screen.findByTestId('roles-current');
    await fireEvent.click(within(screen.getByTestId('roles-current')).getByTestId('role-edit'));
    await fireEvent.input(screen.getByTestId('role-title'), { target: { value: 'Sindaca' } });
    await fireEvent.click(screen.getByTestId('role-save'));
    await waitFor(() => expect(screen.getByTestId('roles-current').textContent).toContain('Sindaca'));
    const call = callsTo(calls, commands.roleUpdate)[0]!;
    expect(call.args).toEqual({
      id: 11,
      input: { person_id: 5, organisation_id: 40, title: 'Sindaca', valid_from: '2024-07-01', valid_to: null, notes: '' },
    });
    expect(callsTo(calls, commands.personGet).length, 'the page reloads after the change').toBe(2);
  });

  it('shows the core validation message next to the field', async () => {
    fakeBackend({
      [commands.personGet]: () => personView(),
      [commands.roleUpdate]: () => {
        throw apiError('validation', 'La fine precede l’inizio.', [{ field: 'valid_to', message: 'La fine precede l’inizio.' }]);
      },
    });
    render(Persona, { id: 5 });
    await screen.findByTestId('roles-current');
    await fireEvent.click(within(screen.getByTestId('roles-current')).getByTestId('role-edit'));
    await fireEvent.click(screen.getByTestId('role-save'));
    expect((await screen.findByText('La fine precede l’inizio.')).className).toContain('field-error');
    expect(screen.getByTestId('role-form'), 'the form stays open to be corrected').toBeTruthy();
  });

  it('deletes an office only after confirmation, and undo restores it', async () => {
    let roles = personView().roles;
    const calls = fakeBackend({
      [commands.personGet]: () => personView({ roles }),
      [commands.roleDelete]: (args) => {
        const gone = roles.find((r) => r.id === args.id)!;
        roles = roles.filter((r) => r.id !== args.id);
        return gone;
      },
      [commands.roleAdd]: (args) => {
        const input = args.input as RoleInput;
        const back = role({ id: 99, title: input.title, valid_from: input.valid_from, valid_to: input.valid_to, current: input.valid_to === null });
        roles = [...roles, back];
        return back;
      },
    });
    render(Persona, { id: 5 });
    await screen.findByTestId('roles-past');
    await fireEvent.click(within(screen.getByTestId('roles-past')).getByTestId('role-delete'));
    expect(callsTo(calls, commands.roleDelete), 'nothing is deleted before confirming').toHaveLength(0);
    await fireEvent.click(screen.getByTestId('role-delete-confirm'));
    await waitFor(() => expect(screen.queryByTestId('roles-past')).toBeNull());
    expect(callsTo(calls, commands.roleDelete)[0]!.args).toEqual({ id: 12 });
    const undo = await screen.findByTestId('role-undo');
    await fireEvent.click(within(undo).getByRole('button'));
    await waitFor(() => expect(screen.getByTestId('roles-past').textContent).toContain('Assessore al sociale'));
    expect(callsTo(calls, commands.roleAdd)[0]!.args.input, 'undo re-creates the same office').toEqual({
      person_id: 5,
      organisation_id: 40,
      title: 'Assessore al sociale',
      valid_from: '2019-07-01',
      valid_to: '2024-06-30',
      notes: '',
    });
  });

  it('erases the person (GDPR) only after an explicit confirmation', async () => {
    const calls = fakeBackend({ [commands.personGet]: () => personView(), [commands.personErase]: () => null });
    render(Persona, { id: 5 });
    await fireEvent.click(await screen.findByTestId('person-erase'));
    expect(callsTo(calls, commands.personErase)).toHaveLength(0);
    expect(screen.getByRole('alertdialog').textContent).toContain('partecipante rimosso');
    await fireEvent.click(screen.getByTestId('person-erase-confirm'));
    await waitFor(() => expect(callsTo(calls, commands.personErase)[0]?.args).toEqual({ id: 5 }));
    await waitFor(() => expect(location.hash).toBe('#/contatti'));
  });

  it('saves an edited person with the lists as the core expects', async () => {
    const calls = fakeBackend({ [commands.personGet]: () => personView(), [commands.personUpdate]: () => personView({ family_name: 'Dell’Acqua Rossi' }) });
    render(Persona, { id: 5 });
    await fireEvent.click(await screen.findByTestId('person-edit'));
    await fireEvent.input(screen.getByTestId('person-family'), { target: { value: 'Dell’Acqua Rossi' } });
    await fireEvent.input(screen.getByTestId('person-email-0'), { target: { value: 'N.Dellacqua@Comune.Pisa.it' } });
    await fireEvent.click(screen.getByTestId('person-save'));
    await screen.findByTestId('person-saved');
    const input = callsTo(calls, commands.personUpdate)[0]!.args.input as Record<string, unknown>;
    expect(input).toMatchObject({
      family_name: 'Dell’Acqua Rossi',
      emails: [{ email: 'N.Dellacqua@Comune.Pisa.it', label: 'ufficio', primary: true }],
      tags: ['conferenza zonale'],
      legal_basis: 'public_task',
      retention_until: '2029-12-31',
    });
    expect(screen.getByTestId('person-name').textContent).toBe('Niccolò Dell’Acqua Rossi');
  });

  it('says so when the person no longer exists', async () => {
    fakeBackend({ [commands.personGet]: () => { throw apiError('not_found', 'Nessuna persona'); } });
    render(Persona, { id: 77 });
    expect((await screen.findByTestId('person-not-found')).textContent).toContain('non è in rubrica');
  });
});

describe('Scheda persona: GDPR export', () => {
  it('exports everything about the person through the save dialog and says where', async () => {
    const calls = fakeBackend({
      [commands.personGet]: () => personView(),
      [commands.personExportGdpr]: () => ({ file_name: 'persona-5-dati.json', path: '/home/maria/persona-5-dati.json', count: 1 }),
    });
    render(Persona, { id: 5 });
    await fireEvent.click(await screen.findByTestId('person-export'));
    expect((await screen.findByTestId('person-exported')).textContent).toContain('/home/maria/persona-5-dati.json');
    expect(callsTo(calls, commands.personExportGdpr)[0]!.args).toEqual({ id: 5 });
  });

  it('says nothing when the save dialog is cancelled', async () => {
    fakeBackend({ [commands.personGet]: () => personView(), [commands.personExportGdpr]: () => null });
    render(Persona, { id: 5 });
    await fireEvent.click(await screen.findByTestId('person-export'));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('person-exported')).toBeNull();
  });
});
