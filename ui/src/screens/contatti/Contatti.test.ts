import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { PersonFilter } from '../../lib/bindings/PersonFilter';
import { callsTo, fakeBackend } from '../../test/backend';
import { HOSTILE, summary } from '../../test/contacts-fixtures';
import Contatti, { SEARCH_DEBOUNCE_MS } from './Contatti.svelte';
import { commands } from '../../lib/generated/commands';

const TOTAL = 20_000;

/** A directory of TOTAL people, answered page by page like the core does. */
function directory(args: Record<string, unknown>) {
  const filter = args.filter as PersonFilter;
  const offset = args.offset as number;
  const limit = args.limit as number;
  if (filter.search) {
    return { total: 1, offset, people: [summary(5, 'Dell’Acqua', 'Niccolò', 'Sindaco – Comune di Pisa')] };
  }
  const people = Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, k) =>
    summary(offset + k + 1, `Cognome${offset + k}`, 'Anna'),
  );
  return { total: TOTAL, offset, people };
}

describe('Contatti', () => {
  it('shows how many people there are and renders only a window of a 20,000-person list', async () => {
    const calls = fakeBackend({ [commands.personPage]: directory, [commands.contactSearch]: () => [] });
    render(Contatti);
    await waitFor(() => expect(screen.getByTestId('people-count').textContent).toContain('20.000 persone in rubrica'));
    await screen.findAllByTestId('person-row');
    const rows = screen.getAllByTestId('person-row');
    expect(rows.length, 'virtualised: far fewer rows in the DOM than people').toBeLessThan(60);
    expect(rows[0]!.getAttribute('href')).toBe('#/contatti/persona/1');
    const pages = callsTo(calls, commands.personPage);
    expect(pages[0]!.args, 'the first page, no filter').toMatchObject({ offset: 0, limit: 100, filter: { search: null } });
  });

  it('searches as you type (debounced) and shows the organisations found', async () => {
    const calls = fakeBackend({
      [commands.personPage]: directory,
      [commands.contactSearch]: () => [
        { kind: 'organisation', id: 40, person_id: null, organisation_id: 40, title: 'Comune di Pisa', subtitle: 'Comune' },
        { kind: 'person', id: 5, person_id: 5, organisation_id: null, title: 'Niccolò Dell’Acqua', subtitle: '' },
      ],
    });
    render(Contatti);
    await screen.findByTestId('people-list');
    await fireEvent.input(screen.getByTestId('contact-search'), { target: { value: 'niccolo' } });
    await new Promise((r) => setTimeout(r, SEARCH_DEBOUNCE_MS + 30));
    await waitFor(() => expect(screen.getByTestId('people-count').textContent).toContain('1 persona trovata'));
    const searched = callsTo(calls, commands.personPage).at(-1)!.args;
    expect(searched.filter, 'the typed text goes to the core as the FTS query').toMatchObject({ search: 'niccolo' });
    expect(callsTo(calls, commands.contactSearch).at(-1)!.args).toEqual({ query: 'niccolo', limit: 30 });
    const orgs = await screen.findByTestId('org-hits');
    expect(orgs.textContent, 'only organisation hits are listed above the people').toContain('Comune di Pisa');
    expect(orgs.textContent).not.toContain('Niccolò');
    expect(screen.getAllByTestId('person-row')[0]!.textContent).toContain('Sindaco – Comune di Pisa');
  });

  it('explains what to do when the directory is empty', async () => {
    fakeBackend({ [commands.personPage]: () => ({ total: 0, offset: 0, people: [] }), [commands.contactSearch]: () => [] });
    render(Contatti);
    const empty = await screen.findByTestId('contacts-empty');
    expect(empty.textContent).toContain('La rubrica è vuota');
    expect(empty.querySelector('a[href="#/contatti/importa"]'), 'points to the import').not.toBeNull();
  });

  it('shows hostile names as text', async () => {
    fakeBackend({
      [commands.personPage]: () => ({ total: 1, offset: 0, people: [summary(9, HOSTILE, 'Anna', HOSTILE)] }),
      [commands.contactSearch]: () => [],
    });
    render(Contatti);
    const row = await screen.findByTestId('person-row');
    expect(row.textContent).toContain(HOSTILE);
    expect(document.querySelector('img'), 'no element is created from the name').toBeNull();
    expect(document.querySelector('[data-testid="people-list"] script')).toBeNull();
  });
});
