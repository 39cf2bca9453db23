import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, onTestFinished } from 'vitest';
import { router } from '../../lib/router.svelte';
import { apiError, callsTo, fakeBackend } from '../../test/backend';
import { CAPRAIA, PISA, tree, ZONES } from '../../test/fixtures';
import type { TerritoryTree } from '../../lib/bindings/TerritoryTree';
import Territorio from './Territorio.svelte';
import { commands } from '../../lib/generated/commands';

function backend(t: TerritoryTree = tree(), search = [PISA, CAPRAIA]) {
  return fakeBackend({
    [commands.territoryTree]: () => t,
    [commands.comuneSearch]: () => search,
    [commands.zoneConfirm]: (args) => ZONES.filter((z) => (args.ids as number[]).includes(z.id)).map((z) => ({ ...z, confirmed: true })),
    [commands.meetingUpcoming]: () => [],
    [commands.actionOpenByAsl]: () => [],
    [commands.actionCounts]: () => ({ open: 0, in_progress: 0, waiting: 0, done: 0, cancelled: 0, overdue: 0, due_today: 0 }),
    [commands.recentChanges]: () => [],
  });
}

async function typeQuery(value: string) {
  const input = screen.getByTestId('comune-search') as HTMLInputElement;
  input.focus();
  await fireEvent.input(input, { target: { value } });
  return input;
}

describe('Territorio', () => {
  it('renders the ASL → zone → comuni tree with counts and population', async () => {
    backend();
    render(Territorio);

    const nordOvest = await screen.findByTestId('asl-node-nord-ovest');
    expect(nordOvest.textContent, 'ASL name').toContain('Azienda USL Toscana nord-ovest');
    expect(nordOvest.textContent, 'ASL count and population').toContain('3 comuni · 136.266 abitanti');
    expect(screen.getByTestId('asl-node-centro').textContent).toContain('1 comune · 361.619 abitanti');
    expect(screen.getByTestId('territory-summary').textContent).toContain('4 comuni · 497.885 abitanti · 2 ASL');

    const zone = screen.getByTestId('zone-node-7');
    expect(zone.textContent).toContain('Zona Pisana');
    expect(zone.textContent, 'unconfirmed zones are marked').toContain('da confermare');
    expect(within(zone).queryByText('Pisa'), 'zones start collapsed').toBeNull();

    const toggle = within(zone).getByRole('button');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const pisa = within(zone).getByText('Pisa');
    expect(pisa.closest('a')?.getAttribute('href'), 'each comune links to its page').toBe('#/comune/050026');
    expect(within(zone).getByText('Cascina')).toBeTruthy();

    expect(within(screen.getByTestId('zone-node-8')).getByText(/0 comuni/)).toBeTruthy();
  });

  it('lists the comuni without a zone per ASL', async () => {
    backend();
    render(Territorio);
    const unassigned = await screen.findByTestId('unassigned-nord-ovest');
    expect(unassigned.textContent).toContain('Comuni senza zona assegnata (1)');
    await fireEvent.click(within(unassigned).getByRole('button'));
    expect(within(unassigned).getByText('Capraia Isola')).toBeTruthy();
    expect(screen.queryByTestId('unassigned-centro'), 'no line when every comune has a zone').toBeNull();
  });

  it('shows search results as you type and opens the first with Enter', async () => {
    const calls = backend();
    const stop = router.start();
    onTestFinished(stop);
    render(Territorio);
    await screen.findByTestId('asl-node-centro');

    const input = await typeQuery('pi');
    const results = await screen.findAllByTestId('comune-result');
    expect(callsTo(calls, commands.comuneSearch).at(-1)?.args).toEqual({ query: 'pi', limit: 20 });
    expect(results).toHaveLength(2);
    expect(results[0]!.textContent).toContain('Pisa');
    expect(results[0]!.textContent).toContain('(PI)');
    expect(results[0]!.textContent).toContain('ASL nord-ovest');
    expect(results[0]!.textContent).toContain('Zona Pisana');
    expect(results[1]!.textContent, 'a comune without zone says so').toContain('zona non assegnata');
    expect(results[0]!.getAttribute('href')).toBe('#/comune/050026');

    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(router.route).toEqual({ name: 'comune', istat: '050026' }));
  });

  it('debounces: fast typing sends one search for the final text', async () => {
    const calls = backend();
    render(Territorio);
    await typeQuery('p');
    await typeQuery('pi');
    await typeQuery('pis');
    await screen.findAllByTestId('comune-result');
    expect(callsTo(calls, commands.comuneSearch).map((c) => c.args.query)).toEqual(['pis']);
  });

  it('moves through results with the arrow keys and clears with Esc', async () => {
    backend();
    render(Territorio);
    const input = await typeQuery('pi');
    const results = await screen.findAllByTestId('comune-result');

    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(document.activeElement, '↓ from the box goes to the first result').toBe(results[0]);
    await fireEvent.keyDown(results[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(results[1]);
    await fireEvent.keyDown(results[1]!, { key: 'ArrowDown' });
    expect(document.activeElement, 'stays on the last result').toBe(results[1]);
    await fireEvent.keyDown(results[1]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(results[0]);
    await fireEvent.keyDown(results[0]!, { key: 'ArrowUp' });
    expect(document.activeElement, '↑ from the first result returns to the box').toBe(input);

    await fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('');
    expect(screen.queryAllByTestId('comune-result')).toHaveLength(0);
  });

  it('says when nothing matches', async () => {
    backend(tree(), []);
    render(Territorio);
    await typeQuery('zzz');
    const empty = await screen.findByTestId('search-empty');
    expect(empty.textContent).toContain('Nessun comune trovato per «zzz»');
  });

  it('explains the zone template and confirms all unconfirmed zones', async () => {
    let confirmed = false;
    const calls = fakeBackend({
      [commands.territoryTree]: () => (confirmed ? tree({ zones_to_confirm: 0 }) : tree()),
      [commands.zoneConfirm]: () => {
        confirmed = true;
        return [];
      },
    });
    render(Territorio);
    const banner = await screen.findByTestId('zones-banner');
    expect(banner.textContent).toContain('28 zone-distretto sono un modello proposto');
    expect(banner.textContent).toContain('Restano 2 zone da confermare.');
    expect(within(banner).getByTestId('zones-manage').getAttribute('href')).toBe('#/territorio/zone');

    await fireEvent.click(screen.getByTestId('zones-confirm-all'));
    await waitFor(() => expect(screen.queryByTestId('zones-banner')).toBeNull());
    expect(callsTo(calls, commands.zoneConfirm)[0]?.args, 'only the unconfirmed zones').toEqual({ ids: [7, 12] });
    expect(screen.getByText('2 zone confermate.')).toBeTruthy();
  });

  it('warns when memberships are synthetic demo data', async () => {
    backend(tree({ synthetic_memberships: true }));
    render(Territorio);
    const notice = await screen.findByTestId('synthetic-notice');
    expect(notice.textContent).toContain('generate dai dati dimostrativi, non sono reali');
  });

  it('explains how to assign zones when no comune has one', async () => {
    const t = tree();
    const empty: TerritoryTree = {
      ...t,
      asl: t.asl.map((a) => ({
        ...a,
        zones: a.zones.map((z) => ({ ...z, comuni: [], zone: { ...z.zone, comuni_count: 0 } })),
        unassigned: [...a.unassigned, ...a.zones.flatMap((z) => z.comuni)],
      })),
    };
    backend(empty);
    render(Territorio);
    const notice = await screen.findByTestId('no-membership-notice');
    expect(notice.textContent).toContain('scheda di ciascun comune');
    expect(notice.textContent).toContain('raccordo territory import-zones FILE.csv');
    expect(notice.textContent).toContain('istat_code;zona');
  });

  it('does not show the memberships notice when some comuni have a zone', async () => {
    backend();
    render(Territorio);
    await screen.findByTestId('asl-node-centro');
    expect(screen.queryByTestId('no-membership-notice')).toBeNull();
    expect(screen.queryByTestId('synthetic-notice')).toBeNull();
  });

  it('shows an error with what to do and retries', async () => {
    let fail = true;
    fakeBackend({
      [commands.territoryTree]: () => {
        if (fail) throw apiError('database_locked', 'database is locked');
        return tree();
      },
    });
    render(Territorio);
    const error = await screen.findByTestId('load-error');
    expect(error.textContent).toContain('Impossibile caricare il territorio.');
    expect(error.textContent).toContain('database is locked');
    expect(error.textContent).toContain('Chiudila e premi «Riprova»');
    fail = false;
    await fireEvent.click(within(error).getByRole('button', { name: 'Riprova' }));
    expect(await screen.findByTestId('asl-node-nord-ovest')).toBeTruthy();
  });
});
