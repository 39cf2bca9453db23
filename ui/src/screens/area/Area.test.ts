import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { AreaOverview } from '../../lib/bindings/AreaOverview';
import { callsTo, fakeBackend } from '../../test/backend';
import { counts } from '../../test/action-fixtures';
import { meetingSummary } from '../../test/meeting-fixtures';
import Area from './Area.svelte';
import { commands } from '../../lib/generated/commands';

function overview(over: Partial<AreaOverview> = {}): AreaOverview {
  return {
    area: { kind: 'zone', id: 7 },
    name: 'Zona Pisana',
    comuni: [
      { istat_code: '050026', name: 'Pisa', population: 90745, zone_name: 'Pisana', open_actions: 3, overdue_actions: 1, meetings_last_year: 4, last_meeting: '2027-02-20' },
      { istat_code: '050008', name: 'Cascina', population: 45000, zone_name: 'Pisana', open_actions: 0, overdue_actions: 0, meetings_last_year: 0, last_meeting: null },
    ],
    actions: counts({ open: 2, in_progress: 1, overdue: 1, due_today: 0, done: 5 }),
    upcoming: [meetingSummary()],
    ...over,
  };
}

describe('Pagina di zona e di ASL', () => {
  it('shows a zone: counts linking to the filtered list, comuni with their open work, coming meetings', async () => {
    const calls = fakeBackend({ [commands.areaOverview]: () => overview() });
    render(Area, { area: { kind: 'zone', id: 7 } });
    expect((await screen.findByTestId('area-name')).textContent).toBe('Zona Pisana');
    expect(callsTo(calls, commands.areaOverview)[0]!.args).toEqual({ area: { kind: 'zone', id: 7 } });
    const overdue = screen.getByTestId('area-overdue');
    expect(overdue.getAttribute('href')).toBe('#/azioni?scadenza=overdue&zona=7');
    expect(overdue.textContent).toContain('1');
    expect(screen.getByTestId('area-counts').textContent).toContain('3azioni aperte');
    const rows = screen.getAllByTestId('area-comune');
    expect(rows[0]!.textContent).toContain('90.745');
    expect(within(rows[0]!).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([
      '#/comune/050026',
      '#/azioni?comune=050026',
      '#/azioni?scadenza=overdue&comune=050026',
    ]);
    expect(rows[0]!.textContent).toContain('20/02/2027');
    expect(rows[1]!.textContent).toContain('—');
    expect(screen.getAllByTestId('area-meeting')[0]!.getAttribute('href')).toBe('#/agenda/incontro/1');
  });

  it('shows an ASL with the zone of each comune', async () => {
    fakeBackend({ [commands.areaOverview]: () => overview({ area: { kind: 'asl', code: 'nord-ovest' }, name: 'Azienda USL Toscana nord-ovest' }) });
    render(Area, { area: { kind: 'asl', code: 'nord-ovest' } });
    expect((await screen.findByTestId('area-name')).textContent).toBe('Azienda USL Toscana nord-ovest');
    expect(screen.getByTestId('area-comuni').textContent).toContain('Pisana');
    expect(screen.getByTestId('area-overdue').getAttribute('href')).toBe('#/azioni?scadenza=overdue&asl=nord-ovest');
  });
});
