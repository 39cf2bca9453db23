import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { fakeBackend } from '../../test/backend';
import { counts } from '../../test/action-fixtures';
import { HOSTILE } from '../../test/contacts-fixtures';
import Dashboard from './Dashboard.svelte';
import { commands } from '../../lib/generated/commands';

describe('Cruscotto della schermata iniziale', () => {
  it('shows coming meetings, overdue actions per ASL with the total, and what changed', async () => {
    fakeBackend({
      [commands.meetingUpcoming]: () => [],
      [commands.actionOpenByAsl]: () => [
        { asl: 'nord-ovest', asl_name: 'Azienda USL Toscana nord-ovest', open: 5, overdue: 2 },
        { asl: 'centro', asl_name: 'Azienda USL Toscana centro', open: 1, overdue: 0 },
        { asl: 'sud-est', asl_name: 'Azienda USL Toscana sud-est', open: 0, overdue: 0 },
      ],
      [commands.actionCounts]: () => counts({ open: 6, overdue: 2, due_today: 1 }),
      [commands.recentChanges]: () => [
        { at: '2027-03-05T10:00:00Z', title: HOSTILE, detail: 'Azione: completata — fatto', target: { kind: 'action', id: 4 } },
        { at: '2027-03-04T10:00:00Z', title: 'Conferenza zonale', detail: 'Incontro creato', target: { kind: 'meeting', id: 3 } },
      ],
    });
    render(Dashboard);
    const total = await screen.findByTestId('dashboard-overdue-total');
    expect(total.textContent).toBe('2 azioni in ritardo');
    expect(total.getAttribute('href')).toBe('#/azioni?scadenza=overdue');
    expect(screen.getByTestId('dashboard-due-today').textContent).toBe('1 in scadenza oggi');
    const nordOvest = screen.getByTestId('dashboard-asl-nord-ovest');
    expect(within(nordOvest).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([
      '#/territorio/asl/nord-ovest',
      '#/azioni?asl=nord-ovest',
      '#/azioni?scadenza=overdue&asl=nord-ovest',
    ]);
    const changes = await screen.findAllByTestId('recent-change');
    expect(changes[0]!.querySelector('a')!.getAttribute('href')).toBe('#/azioni/azione/4');
    expect(changes[0]!.textContent, 'titles are text').toContain(HOSTILE);
    expect(changes[0]!.textContent).toContain('05/03/2027 11:00');
    expect(changes[1]!.querySelector('a')!.getAttribute('href')).toBe('#/agenda/incontro/3');
    expect(screen.getByTestId('dashboard').querySelector('img, script')).toBeNull();
    expect(await screen.findByTestId('upcoming-empty')).toBeTruthy();
  });

  it('says how to start when there are no actions and nothing changed', async () => {
    fakeBackend({ [commands.meetingUpcoming]: () => [], [commands.actionOpenByAsl]: () => [], [commands.actionCounts]: () => counts(), [commands.recentChanges]: () => [] });
    render(Dashboard);
    expect((await screen.findByTestId('dashboard-actions-empty')).textContent).toContain('Nessuna azione ancora');
    expect((await screen.findByTestId('dashboard-recent-empty')).textContent).toContain('Nessuna modifica recente');
  });
});
