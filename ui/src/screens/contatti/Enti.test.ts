import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { callsTo, fakeBackend } from '../../test/backend';
import { HOSTILE, orgView } from '../../test/contacts-fixtures';
import Enti from './Enti.svelte';
import { commands } from '../../lib/generated/commands';

describe('Enti', () => {
  it('lists the organisations with kind, place and offices, filtered by kind and text', async () => {
    const calls = fakeBackend({
      [commands.orgList]: (args) =>
        args.kind === 'unione'
          ? [orgView({ id: 3, kind: 'unione', name: 'Unione Valdera', istat_code: null, comune_name: null, roles_count: 1 })]
          : [orgView(), orgView({ id: 41, name: 'Comune di Cascina', comune_name: 'Cascina', roles_count: 0 })],
    });
    render(Enti);
    await waitFor(() => expect(screen.getAllByTestId('org-row')).toHaveLength(2));
    const first = screen.getAllByTestId('org-row')[0]!;
    expect(first.textContent).toContain('Comune di Pisa');
    expect(first.textContent).toContain('Pisa');
    expect(first.textContent, 'offices count, Italian plural').toContain('2 incarichi');
    expect(first.getAttribute('href')).toBe('#/contatti/ente/40');
    expect(callsTo(calls, commands.orgList)[0]!.args).toEqual({ kind: null, search: null });

    const kind = screen.getByTestId('org-kind') as HTMLSelectElement;
    kind.value = 'unione';
    await fireEvent.change(kind);
    await waitFor(() => expect(screen.getAllByTestId('org-row')).toHaveLength(1));
    expect(screen.getByTestId('org-row').textContent).toContain('Unione dei Comuni');
    expect(callsTo(calls, commands.orgList).at(-1)!.args).toEqual({ kind: 'unione', search: null });

    await fireEvent.input(screen.getByTestId('org-search'), { target: { value: 'valdera' } });
    await waitFor(() => expect(callsTo(calls, commands.orgList).at(-1)!.args).toEqual({ kind: 'unione', search: 'valdera' }));
  });

  it('shows hostile organisation names as text', async () => {
    fakeBackend({ [commands.orgList]: () => [orgView({ name: HOSTILE })] });
    render(Enti);
    const row = await screen.findByTestId('org-row');
    expect(row.textContent).toContain(HOSTILE);
    expect(document.querySelector('img'), 'no element is created from the name').toBeNull();
  });

  it('says so when nothing matches', async () => {
    fakeBackend({ [commands.orgList]: () => [] });
    render(Enti);
    expect((await screen.findByTestId('orgs-none')).textContent).toContain('Nessun ente');
  });
});

describe('Nuovo ente', () => {
  it('creates an organisation of the chosen kind and opens its page', async () => {
    const calls = fakeBackend({
      [commands.orgList]: () => [],
      [commands.orgCreate]: () => orgView({ id: 77, kind: 'associazione', name: 'Associazione Città Aperta' }),
    });
    render(Enti);
    await fireEvent.click(await screen.findByTestId('org-new'));
    const kind = screen.getByTestId('org-new-kind') as HTMLSelectElement;
    expect(Array.from(kind.options).map((o) => o.value), 'Comuni are seeded, not created here').not.toContain('comune');
    kind.value = 'associazione';
    await fireEvent.change(kind);
    await fireEvent.input(screen.getByTestId('org-new-name'), { target: { value: 'Associazione Città Aperta' } });
    await fireEvent.click(screen.getByTestId('org-new-save'));
    await waitFor(() => expect(location.hash).toBe('#/contatti/ente/77'));
    expect(callsTo(calls, commands.orgCreate)[0]!.args).toEqual({
      input: { kind: 'associazione', name: 'Associazione Città Aperta', istat_code: null, zone_id: null, asl: null, province_code: null, notes: '' },
    });
  });
});
