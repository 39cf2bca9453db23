import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { forgetMap } from '../../components/TuscanyMap.svelte';
import { router } from '../../lib/router.svelte';
import { parseHash, SAI_DEFAULT, saiHref } from '../../lib/routes';
import { apiError, callsTo, fakeBackend } from '../../test/backend';
import { ZONES } from '../../test/fixtures';
import { MAP } from '../../test/map-fixtures';
import { HOSTILE, ROWS, SUMMARY_ASL, VIEWS } from '../../test/sai-fixtures';
import Ricognizione from './Ricognizione.svelte';
import { commands } from '../../lib/generated/commands';

function backend() {
  return fakeBackend({
    [commands.zoneList]: () => ZONES,
    [commands.saiList]: () => ROWS,
    [commands.saiMap]: () => VIEWS,
    [commands.territoryMap]: () => MAP,
    [commands.saiSummary]: (args) => ({ ...SUMMARY_ASL, by: args.by }),
    [commands.saiChanges]: () => [{ ente: ROWS[0]!.ente, before: 'interested', after: 'active', changes: [{ id: 2, status: 'active', on: '2025-01-15', note: '', source_meeting_id: null, source_meeting: null, source_person_id: null, source_person: null, source_text: '', recorded_at: '' }] }],
  });
}

beforeEach(() => forgetMap());

describe('Ricognizione SAI', () => {
  it('keeps the view and the filters in the URL', () => {
    const q = { view: 'mappa' as const, asl: 'centro' as const, zone: 3, province: 'PI', statuses: ['active' as const] };
    expect(saiHref(q)).toBe('#/sai?vista=mappa&asl=centro&zona=3&provincia=PI&stati=active');
    expect(parseHash(saiHref(q))).toEqual({ name: 'sai', query: q });
    expect(parseHash('#/sai')).toEqual({ name: 'sai', query: SAI_DEFAULT });
    expect(parseHash('#/sai?stati=bogus&asl=x').name === 'sai' && parseHash('#/sai?stati=bogus&asl=x')).toEqual({ name: 'sai', query: SAI_DEFAULT });
  });

  it('lists the surveyed enti in a table, names as text, filters sent to the core', async () => {
    const calls = backend();
    render(Ricognizione, { query: { ...SAI_DEFAULT, asl: 'nord-ovest', statuses: ['active'] } });
    const table = await screen.findByTestId('sai-table');
    expect(callsTo(calls, commands.saiList)[0]!.args).toEqual({
      filter: { asl: 'nord-ovest', zone_id: null, province: null, statuses: ['active'], kinds: [], on: null },
    });
    const rows = within(table).getAllByTestId('sai-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Comune di Pisa');
    expect(rows[0]!.textContent).toContain('progetto attivo');
    expect(rows[0]!.textContent).toContain('17');
    expect(within(rows[0]!).getByRole('link').getAttribute('href')).toBe('#/comune/050026');
    expect(rows[1]!.textContent, 'hostile name literally').toContain(HOSTILE);
    expect(within(rows[1]!).getByRole('link').getAttribute('href'), 'an Unione links to its ente page').toBe('#/contatti/ente/300');
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect(screen.getByTestId('sai-count').textContent).toBe('2 enti censiti');
    expect(screen.getByTestId('sai-synthetic'), 'synthetic data is labelled').toBeTruthy();
  });

  it('changing a filter navigates to the filtered URL', async () => {
    backend();
    const stop = router.start();
    onTestFinished(stop);
    const { rerender } = render(Ricognizione, { query: SAI_DEFAULT });
    await screen.findByTestId('sai-table');
    await fireEvent.change(screen.getByTestId('sai-filter-province'), { target: { value: 'PI' } });
    expect(location.hash).toBe('#/sai?provincia=PI');
    const route = parseHash(location.hash);
    if (route.name !== 'sai') throw new Error('still on the Ricognizione');
    await rerender({ query: route.query });
    await fireEvent.change(screen.getByTestId('sai-filter-status'), { target: { value: 'declined' } });
    expect(location.hash).toBe('#/sai?provincia=PI&stati=declined');
  });

  it('colours the map by status, covered comuni hatched, with a legend', async () => {
    backend();
    render(Ricognizione, { query: { ...SAI_DEFAULT, view: 'mappa' } });
    const paths = await screen.findAllByTestId('map-comune');
    expect(paths).toHaveLength(3);
    const of = (code: string) => paths.find((p) => p.getAttribute('data-istat') === code)!;
    expect(of('050026').getAttribute('fill')).toBe('#2f9a55');
    expect(of('050008').getAttribute('data-hatch')).toBe('1');
    expect(of('050008').getAttribute('aria-label')).toBe(`Cascina: coperto tramite Unione Valdera ${HOSTILE} (progetto attivo)`);
    expect(of('049003').getAttribute('aria-label')).toBe('Capraia Isola: non censito');
    const legend = screen.getByTestId('map-legend').textContent ?? '';
    expect(legend).toContain('progetto attivo');
    expect(legend).toContain('coperto tramite Unione o SdS');
    expect(legend).toContain('non censito');
  });

  it('shows the summaries per ASL and zone and what changed', async () => {
    const calls = backend();
    render(Ricognizione, { query: { ...SAI_DEFAULT, view: 'riepilogo' } });
    const asl = await screen.findByTestId('sai-summary-asl');
    expect(callsTo(calls, commands.saiSummary).map((c) => c.args.by).sort()).toEqual(['asl', 'zone']);
    const rows = within(asl).getAllByTestId('sai-summary-asl-row');
    expect(rows).toHaveLength(4);
    expect(rows[0]!.textContent).toContain('ASL nord-ovest');
    expect(screen.getByTestId('sai-status-by-asl').textContent, 'statuses per ASL').toContain('progetto attivo');
    expect(rows[3]!.textContent).toContain('Toscana');
    expect(within(rows[3]!).getByTestId('sai-summary-asl-places').textContent).toBe('49');
    await waitFor(() => expect(screen.getByTestId('sai-change-row').textContent).toContain('interessato → progetto attivo'));
  });

  it('exports the filtered survey as the summary PDF, and shows an export error', async () => {
    const calls = fakeBackend({
      [commands.zoneList]: () => ZONES,
      [commands.saiList]: () => ROWS,
      [commands.saiExport]: (args) => {
        if (args.kind === 'csv') throw apiError('io', 'permesso negato: /root/ricognizione.csv');
        return { file_name: 'ricognizione-sai.pdf', path: '/tmp/ricognizione-sai.pdf', count: 2 };
      },
    });
    render(Ricognizione, { query: { ...SAI_DEFAULT, asl: 'centro', province: 'FI' } });
    await screen.findByTestId('sai-table');
    await fireEvent.click(screen.getByTestId('sai-export-pdf'));
    expect((await screen.findByTestId('sai-export-result')).textContent).toContain('Esportate 2 schede in ricognizione-sai.pdf');
    expect(callsTo(calls, commands.saiExport).map((c) => c.args), 'the table filters and the kind').toEqual([
      { filter: { asl: 'centro', zone_id: null, province: 'FI', statuses: [], kinds: [], on: null }, kind: 'pdf' },
    ]);
    await fireEvent.click(screen.getByTestId('sai-export-csv'));
    expect((await screen.findByTestId('sai-export-error')).textContent).toContain('permesso negato');
  });
});
