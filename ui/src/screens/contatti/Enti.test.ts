import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { callsTo, fakeBackend } from '../../test/backend';
import { HOSTILE, orgView } from '../../test/contacts-fixtures';
import Enti from './Enti.svelte';

describe('Enti', () => {
  it('lists the organisations with kind, place and offices, filtered by kind and text', async () => {
    const calls = fakeBackend({
      org_list: (args) =>
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
    expect(callsTo(calls, 'org_list')[0]!.args).toEqual({ kind: null, search: null });

    const kind = screen.getByTestId('org-kind') as HTMLSelectElement;
    kind.value = 'unione';
    await fireEvent.change(kind);
    await waitFor(() => expect(screen.getAllByTestId('org-row')).toHaveLength(1));
    expect(screen.getByTestId('org-row').textContent).toContain('Unione dei Comuni');
    expect(callsTo(calls, 'org_list').at(-1)!.args).toEqual({ kind: 'unione', search: null });

    await fireEvent.input(screen.getByTestId('org-search'), { target: { value: 'valdera' } });
    await waitFor(() => expect(callsTo(calls, 'org_list').at(-1)!.args).toEqual({ kind: 'unione', search: 'valdera' }));
  });

  it('shows hostile organisation names as text', async () => {
    fakeBackend({ org_list: () => [orgView({ name: HOSTILE })] });
    render(Enti);
    const row = await screen.findByTestId('org-row');
    expect(row.textContent).toContain(HOSTILE);
    expect(document.querySelector('img'), 'no element is created from the name').toBeNull();
  });

  it('says so when nothing matches', async () => {
    fakeBackend({ org_list: () => [] });
    render(Enti);
    expect((await screen.findByTestId('orgs-none')).textContent).toContain('Nessun ente');
  });
});
