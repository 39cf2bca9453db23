import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../../lib/format';
import { callsTo, fakeBackend } from '../../test/backend';
import { orgView, role } from '../../test/contacts-fixtures';
import Ente from './Ente.svelte';
import { commands } from '../../lib/generated/commands';

describe('Scheda ente', () => {
  it('lists who is in office today and every office recorded', async () => {
    const calls = fakeBackend({
      [commands.orgGet]: () => orgView(),
      [commands.orgLinks]: () => [],
      [commands.orgRoles]: (args) =>
        args.on === null
          ? [role(), role({ id: 12, title: 'Assessore al sociale', valid_to: '2024-06-30', current: false })]
          : [role()],
    });
    render(Ente, { id: 40 });
    expect((await screen.findByTestId('org-name')).textContent).toBe('Comune di Pisa');
    await waitFor(() => expect(screen.getByTestId('org-in-office').textContent).toContain('Niccolò Dell’Acqua'));
    expect(callsTo(calls, commands.orgRoles).map((c) => c.args)).toEqual([
      { id: 40, on: null },
      { id: 40, on: todayIso() },
    ]);
    const history = screen.getByTestId('org-history').textContent ?? '';
    expect(history).toContain('Assessore al sociale');
    expect(history).toContain('dal 01/07/2024 al 30/06/2024');
  });

  it('asks the core again when the date changes', async () => {
    const calls = fakeBackend({ [commands.orgGet]: () => orgView(), [commands.orgLinks]: () => [], [commands.orgRoles]: () => [] });
    render(Ente, { id: 40 });
    await screen.findByTestId('org-name');
    await fireEvent.input(screen.getByTestId('org-on'), { target: { value: '15/03/2020' } });
    await waitFor(() => expect(callsTo(calls, commands.orgRoles).at(-1)!.args).toEqual({ id: 40, on: '2020-03-15' }));
    expect(screen.getByTestId('org-in-office').textContent).toContain('Nessuna persona in carica al 15/03/2020');
  });

  it('shows the member comuni of an Unione with their dates', async () => {
    fakeBackend({
      [commands.orgGet]: () => orgView({ id: 3, kind: 'unione', name: 'Unione dei Comuni della Valdera', istat_code: null, comune_name: null }),
      [commands.orgRoles]: () => [],
      [commands.orgLinks]: () => [{ id: 1, code: '050026', name: 'Pontedera', valid_from: '2015-01-01', valid_to: null }],
    });
    render(Ente, { id: 3 });
    const links = await screen.findByTestId('org-links');
    expect(links.textContent).toContain('Comuni aderenti');
    expect(links.textContent).toContain('Pontedera');
    expect(links.textContent).toContain('dal 01/01/2015');
    expect(links.querySelector('a')!.getAttribute('href')).toBe('#/comune/050026');
  });
});
