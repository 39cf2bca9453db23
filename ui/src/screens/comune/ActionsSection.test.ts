import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ActionFilter } from '../../lib/bindings/ActionFilter';
import { callsTo, fakeBackend } from '../../test/backend';
import { actionSummary, actionView } from '../../test/action-fixtures';
import { pisaDetail } from '../../test/fixtures';
import ActionsSection from './ActionsSection.svelte';
import TimelineSection from './TimelineSection.svelte';
import { commands } from '../../lib/generated/commands';

describe('Azioni (scheda comune)', () => {
  it('lists open then closed actions, each with its history on request, and offers a new one for the comune', async () => {
    const calls = fakeBackend({
      [commands.actionList]: (args) =>
        (args.filter as ActionFilter).open_only
          ? { total: 1, rows: [actionSummary({ id: 1, overdue: true, due: '2020-01-10' })] }
          : { total: 1, rows: [actionSummary({ id: 2, title: 'Riunione con la giunta', status: 'done' })] },
      [commands.actionGet]: () =>
        actionView({ history: [{ status: 'open', changed_at: '2027-03-01T09:00:00Z', note: '' }, { status: 'waiting', changed_at: '2027-03-02T09:00:00Z', note: 'Attesa del parere' }] }),
    });
    render(ActionsSection, { detail: pisaDetail(), onupdate: () => {} });
    const open = await screen.findByTestId('comune-actions-open');
    const filters = callsTo(calls, commands.actionList).map((c) => c.args.filter as ActionFilter);
    expect(filters[0]).toMatchObject({ comune: '050026', open_only: true });
    expect(filters[1]).toMatchObject({ comune: '050026', statuses: ['done', 'cancelled'] });
    expect(screen.getByTestId('comune-actions').textContent).toContain('1 azione aperta');
    expect(within(open).getByRole('link').getAttribute('href')).toBe('#/azioni/azione/1');
    expect(open.textContent).toContain('in ritardo');
    expect(screen.getByTestId('comune-action-new').getAttribute('href')).toBe('#/azioni/nuova?comune=050026');
    await fireEvent.click(within(open).getByTestId('comune-actions-open-history-toggle'));
    const history = await screen.findByTestId('comune-actions-open-history');
    expect(history.textContent).toContain('Attesa del parere');
    expect(history.querySelector('li')!.textContent, 'newest first').toContain('In attesa');
    expect(screen.queryByTestId('comune-actions-closed')).toBeNull();
    await fireEvent.click(screen.getByTestId('comune-actions-show-closed'));
    expect(screen.getByTestId('comune-actions-closed').textContent).toContain('Riunione con la giunta');
  });

  it('says what to do when no action concerns the comune', async () => {
    fakeBackend({ [commands.actionList]: () => ({ total: 0, rows: [] }) });
    render(ActionsSection, { detail: pisaDetail(), onupdate: () => {} });
    expect((await screen.findByTestId('comune-actions-empty')).textContent).toContain('Nessuna azione riguarda Pisa');
  });
});

describe('Cronologia (scheda comune)', () => {
  it('shows everything newest first, each entry linking to the meeting, action or person', async () => {
    const calls = fakeBackend({
      [commands.comuneTimeline]: () => [
        { date: '2027-03-05', at: '2027-03-05T10:00:00Z', kind: 'action_status', title: 'Inviare la delibera', detail: 'Stato: in attesa — <b>nota</b>', status: 'waiting', target: { kind: 'action', id: 1 } },
        { date: '2027-02-20', at: '2027-02-20T09:00:00Z', kind: 'meeting', title: 'Conferenza zonale', detail: 'Conferenza zonale dei sindaci · svolto', status: null, target: { kind: 'meeting', id: 3 } },
        { date: '2023-06-27', at: '2023-06-27T00:00:00Z', kind: 'role_start', title: 'Michele Conti', detail: 'Sindaco: inizio dell’incarico', status: null, target: { kind: 'person', id: 5 } },
      ],
    });
    render(TimelineSection, { detail: pisaDetail(), onupdate: () => {} });
    const entries = await screen.findAllByTestId('timeline-entry');
    expect(callsTo(calls, commands.comuneTimeline)[0]!.args).toEqual({ istat_code: '050026', limit: 300 });
    expect(entries.map((e) => e.querySelector('a')!.getAttribute('href'))).toEqual(['#/azioni/azione/1', '#/agenda/incontro/3', '#/contatti/persona/5']);
    expect(entries[0]!.textContent).toContain('05/03/2027');
    expect(entries[0]!.textContent, 'detail is text').toContain('<b>nota</b>');
    expect(entries[2]!.textContent).toContain('Inizio incarico');
  });

  it('says what will appear when there is nothing yet', async () => {
    fakeBackend({ [commands.comuneTimeline]: () => [] });
    render(TimelineSection, { detail: pisaDetail(), onupdate: () => {} });
    expect((await screen.findByTestId('comune-timeline-empty')).textContent).toContain('Ancora nulla nella cronologia di Pisa');
  });
});
