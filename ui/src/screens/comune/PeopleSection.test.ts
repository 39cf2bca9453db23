import { render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { RoleView } from '../../lib/bindings/RoleView';
import { apiError, callsTo, fakeBackend } from '../../test/backend';
import { pisaDetail } from '../../test/fixtures';
import PeopleSection from './PeopleSection.svelte';
import { commands } from '../../lib/generated/commands';

function role(over: Partial<RoleView>): RoleView {
  return {
    id: 1,
    person_id: 7,
    person_name: 'Michele Conti',
    organisation_id: 152,
    organisation_name: 'Comune di Pisa',
    organisation_kind: 'comune',
    title: 'Sindaco',
    valid_from: '2023-06-27',
    valid_to: null,
    notes: '',
    current: true,
    ...over,
  };
}

describe('Persone in carica (scheda comune)', () => {
  it('asks the core for the comune and lists office, person and start date gg/mm/aaaa', async () => {
    const calls = fakeBackend({ [commands.comunePeople]: () => [role({}), role({ id: 2, title: 'Assessore al sociale', person_name: 'Giulia Gambini', valid_from: null })] });
    render(PeopleSection, { detail: pisaDetail(), onupdate: () => {} });
    const rows = await screen.findAllByTestId('comune-person');
    expect(callsTo(calls, commands.comunePeople)[0]?.args, 'the ISTAT code is sent as istat_code').toEqual({ istat_code: '050026' });
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim()).join(' | ')), 'one row per office').toEqual([
      'Sindaco | Michele Conti | 27/06/2023',
      'Assessore al sociale | Giulia Gambini | —',
    ]);
  });

  it('explains how to add people when nobody is recorded', async () => {
    fakeBackend({ [commands.comunePeople]: () => [] });
    render(PeopleSection, { detail: pisaDetail(), onupdate: () => {} });
    const empty = await screen.findByTestId('comune-people-empty');
    expect(empty.textContent, 'the empty state names the comune and the way forward').toContain('Pisa');
    expect(
      screen.getByTestId('comune-people').querySelector('a[href="#/contatti/importa"]'),
      'it points to the contacts import',
    ).not.toBeNull();
  });

  it('shows hostile names as text', async () => {
    fakeBackend({ [commands.comunePeople]: () => [role({ person_name: '<img src=x onerror=alert(1)>' })] });
    const { container } = render(PeopleSection, { detail: pisaDetail(), onupdate: () => {} });
    await screen.findByTestId('comune-person');
    expect(container.querySelector('img'), 'no element is created from the name').toBeNull();
    expect(container.textContent, 'the name is shown literally').toContain('<img src=x onerror=alert(1)>');
  });

  it('reports a failure with the core message', async () => {
    fakeBackend({ [commands.comunePeople]: () => { throw apiError('database_locked', 'Database occupato'); } });
    render(PeopleSection, { detail: pisaDetail(), onupdate: () => {} });
    await waitFor(() => expect(screen.getByRole('alert').textContent, 'the error is explained').toContain('Database occupato'));
  });
});
