import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { DuplicateGroup } from '../../lib/bindings/DuplicateGroup';
import type { PersonSummary } from '../../lib/bindings/PersonSummary';
import type { PersonView } from '../../lib/bindings/PersonView';
import { apiError, callsTo, fakeBackend } from '../../test/backend';
import Doppioni from './Doppioni.svelte';
import { commands } from '../../lib/generated/commands';

const HOSTILE = '<img src=x onerror=window.__pwned=1>';

function person(id: number, given: string, family: string, extra: Partial<PersonSummary> = {}): PersonSummary {
  return { id, given_name: given, family_name: family, email: null, phone: null, office: null, restricted: false, ...extra };
}

const ROSSI_1 = person(11, 'Mario', 'Rossi', { email: 'm.rossi@comune.pisa.it', office: 'Sindaco – Comune di Pisa' });
const ROSSI_2 = person(12, 'Mario', 'Rossi', { email: 'M.Rossi@comune.pisa.it', phone: '050 123456' });
const NERI_1 = person(20, 'Lucia', 'Neri', { phone: '+39 055 1234' });
const NERI_2 = person(21, 'Lucia', 'Neri', { phone: '055 1234', restricted: true });
const NERI_3 = person(22, 'Neri', 'Lucia', { phone: '0551234' });

const GROUPS: DuplicateGroup[] = [
  { reason: 'email', key: 'm.rossi@comune.pisa.it', people: [ROSSI_1, ROSSI_2] },
  { reason: 'phone', key: '0551234', people: [NERI_1, NERI_2, NERI_3] },
];

function kept(id: number, given: string, family: string): PersonView {
  return {
    id,
    given_name: given,
    family_name: family,
    honorific: null,
    notes: '',
    emails: [],
    phones: [],
    tags: [],
    legal_basis: null,
    data_source: null,
    retention_until: null,
    restricted: false,
    created_at: '2025-01-01T10:00:00Z',
    updated_at: '2025-01-01T10:00:00Z',
    roles: [],
  };
}

function group(n: number): HTMLElement {
  const g = screen.getAllByTestId('dup-group')[n];
  if (!g) throw new Error(`group ${n} is not shown`);
  return g;
}

describe('Doppioni', () => {
  it('lists each group with its reason, key and people linked to their page', async () => {
    fakeBackend({ [commands.personDuplicates]: () => GROUPS });
    render(Doppioni);
    await screen.findAllByTestId('dup-group');
    expect(screen.getByTestId('dup-count').textContent).toContain('2 gruppi da controllare');
    expect(group(0).textContent).toContain('Stessa e-mail');
    expect(within(group(0)).getByTestId('dup-key').textContent).toBe('m.rossi@comune.pisa.it');
    expect(group(1).textContent).toContain('Stesso telefono');
    const rows = within(group(0)).getAllByTestId('dup-person');
    expect(rows[0]?.textContent).toContain('Sindaco – Comune di Pisa');
    expect(rows[1]?.textContent).toContain('050 123456');
    const links = within(group(0)).getAllByTestId('dup-person-link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#/contatti/persona/11', '#/contatti/persona/12']);
    expect(within(group(1)).getAllByTestId('dup-person')[1]?.textContent, 'restricted people are marked').toContain('Trattamento limitato');
  });

  it('keeps the first record by default and lets the coordinator choose another', async () => {
    fakeBackend({ [commands.personDuplicates]: () => GROUPS });
    render(Doppioni);
    await screen.findAllByTestId('dup-group');
    const first = screen.getByTestId('dup-keep-20') as HTMLInputElement;
    expect(first.checked, 'the first record is kept by default').toBe(true);
    expect(first.getAttribute('aria-label')).toBe('Tieni la scheda di Lucia Neri');
    await fireEvent.click(screen.getByTestId('dup-keep-22'));
    expect((screen.getByTestId('dup-keep-22') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('dup-keep-11') as HTMLInputElement).checked, 'other groups are untouched').toBe(true);
  });

  it('asks for confirmation before merging, and cancelling sends nothing', async () => {
    const calls = fakeBackend({ [commands.personDuplicates]: () => GROUPS });
    render(Doppioni);
    await screen.findAllByTestId('dup-group');
    await fireEvent.click(within(group(1)).getByTestId('dup-merge'));
    const confirm = within(group(1)).getByTestId('dup-confirm');
    expect(confirm.getAttribute('role')).toBe('alertdialog');
    expect(confirm.textContent, 'the kept record is told apart by its phone').toContain('Unire 2 schede a quella di Lucia Neri (+39 055 1234)?');
    expect(confirm.textContent).toContain(
      'I contatti uniti verranno eliminati; incarichi, e-mail, telefoni, etichette e note passano a Lucia Neri.',
    );
    expect(confirm.textContent, 'names the records that go').toContain('Lucia Neri (055 1234), Neri Lucia (0551234)');
    expect(callsTo(calls, commands.personMerge), 'nothing is merged before confirming').toHaveLength(0);
    await fireEvent.click(within(confirm).getByTestId('dup-confirm-cancel'));
    expect(within(group(1)).queryByTestId('dup-confirm')).toBeNull();
    expect(callsTo(calls, commands.personMerge), 'cancel sends nothing').toHaveLength(0);
  });

  it('merges into the chosen record, reloads the groups and links to the kept person', async () => {
    let merged = false;
    const calls = fakeBackend({
      [commands.personDuplicates]: () => (merged ? GROUPS.slice(0, 1) : GROUPS),
      [commands.personMerge]: () => {
        merged = true;
        return kept(22, 'Neri', 'Lucia');
      },
    });
    render(Doppioni);
    await screen.findAllByTestId('dup-group');
    await fireEvent.click(screen.getByTestId('dup-keep-22'));
    await fireEvent.click(within(group(1)).getByTestId('dup-merge'));
    expect(within(group(1)).getByTestId('dup-confirm').textContent).toContain('passano a Neri Lucia');
    await fireEvent.click(within(group(1)).getByTestId('dup-confirm-merge'));
    const notice = await screen.findByTestId('dup-merged');
    expect(callsTo(calls, commands.personMerge).map((c) => c.args)).toEqual([{ keep_id: 22, remove_ids: [20, 21] }]);
    expect(notice.textContent).toContain('Schede unite: ora resta solo Neri Lucia.');
    expect(screen.getByTestId('dup-merged-link').getAttribute('href')).toBe('#/contatti/persona/22');
    await waitFor(() => expect(screen.getAllByTestId('dup-group'), 'the groups were reloaded').toHaveLength(1));
    expect(callsTo(calls, commands.personDuplicates)).toHaveLength(2);
  });

  it('shows a failed merge and keeps the groups', async () => {
    fakeBackend({
      [commands.personDuplicates]: () => GROUPS,
      [commands.personMerge]: () => {
        throw apiError('not_found', 'persona 12 non trovata');
      },
    });
    render(Doppioni);
    await screen.findAllByTestId('dup-group');
    await fireEvent.click(within(group(0)).getByTestId('dup-merge'));
    await fireEvent.click(within(group(0)).getByTestId('dup-confirm-merge'));
    const error = await screen.findByTestId('load-error');
    expect(error.textContent).toContain('Unione non riuscita.');
    expect(error.textContent).toContain('persona 12 non trovata');
    expect(screen.getAllByTestId('dup-group')).toHaveLength(2);
    expect(screen.queryByTestId('dup-merged')).toBeNull();
  });

  it('explains how duplicates are found when there are none', async () => {
    fakeBackend({ [commands.personDuplicates]: () => [] });
    render(Doppioni);
    const empty = await screen.findByTestId('dup-empty');
    expect(empty.textContent).toContain('Nessun possibile doppione');
    expect(empty.textContent, 'explains the detection').toContain('stesso indirizzo e-mail');
    expect(empty.textContent).toContain('stesso numero di telefono');
  });

  it('offers a retry when the groups cannot be read', async () => {
    let fail = true;
    fakeBackend({
      [commands.personDuplicates]: () => {
        if (fail) throw apiError('database_locked', 'database bloccato');
        return [];
      },
    });
    render(Doppioni);
    const error = await screen.findByTestId('load-error');
    expect(error.textContent).toContain('Impossibile cercare i doppioni.');
    fail = false;
    await fireEvent.click(within(error).getByRole('button', { name: 'Riprova' }));
    expect(await screen.findByTestId('dup-empty')).toBeTruthy();
  });

  it('shows hostile names as text', async () => {
    fakeBackend({
      [commands.personDuplicates]: () => [
        { reason: 'name', key: HOSTILE, people: [person(1, 'Anna', HOSTILE), person(2, HOSTILE, 'Anna', { office: HOSTILE })] },
      ],
    });
    const { container } = render(Doppioni);
    await screen.findAllByTestId('dup-group');
    await fireEvent.click(screen.getByTestId('dup-merge'));
    expect(container.querySelector('img'), 'no <img> element was created from a name').toBeNull();
    expect(screen.getByTestId('dup-key').textContent).toBe(HOSTILE);
    expect(screen.getAllByTestId('dup-person-link')[0]?.textContent).toBe(`Anna ${HOSTILE}`);
    expect(screen.getByTestId('dup-confirm').textContent).toContain(HOSTILE);
  });
});
