import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ComuneDetail } from '../../lib/bindings/ComuneDetail';
import { formatDate, todayIso } from '../../lib/format';
import { apiError, callsTo, fakeBackend } from '../../test/backend';
import { pisaDetail, ZONES } from '../../test/fixtures';
import Comune from './Comune.svelte';
import { commands } from '../../lib/generated/commands';

function text(testid: string): string {
  return (screen.getByTestId(testid).textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('Scheda comune', () => {
  it('shows the facts of the comune', async () => {
    const calls = fakeBackend({ [commands.comuneGet]: () => pisaDetail(), [commands.zoneList]: () => ZONES });
    render(Comune, { istat: '050026' });

    expect((await screen.findByTestId('comune-name')).textContent).toBe('Pisa');
    expect(callsTo(calls, commands.comuneGet)[0]?.args).toEqual({ istat_code: '050026' });
    expect(text('comune-istat')).toBe('050026');
    expect(text('comune-cadastral')).toBe('G702');
    expect(text('comune-province')).toBe('Pisa (PI)');
    expect(text('comune-capital')).toBe('Sì');
    expect(text('comune-asl')).toBe('Azienda USL Toscana nord-ovest');
    expect(text('comune-zone'), 'current zone, marked synthetic').toBe('Zona Pisana sintetico');
    expect(text('comune-population')).toBe('90.745 (ISTAT, 1° gennaio 2023)');

    const crumbs = text('breadcrumb');
    expect(crumbs).toContain('Territorio');
    expect(crumbs).toContain('Azienda USL Toscana nord-ovest');
    expect(crumbs).toContain('Zona Pisana');
    expect(crumbs).toContain('Pisa');
  });

  it('says "Non assegnata" when the comune has no zone', async () => {
    fakeBackend({ [commands.comuneGet]: () => pisaDetail({ zone: null, zone_history: [] }), [commands.zoneList]: () => ZONES });
    render(Comune, { istat: '050026' });
    await screen.findByTestId('comune-name');
    expect(text('comune-zone')).toBe('Non assegnata');
    expect(text('zone-history-empty')).toContain('non è mai stato assegnato');
    await fireEvent.input(await screen.findByTestId('zone-valid-from'), { target: { value: '01/03/2025' } });
    expect(text('zone-valid-from-hint'), 'nothing to close when there is no current zone').toBe('La zona vale dal 01/03/2025.');
  });

  it('shows the membership history with gg/mm/aaaa dates, source and synthetic tag', async () => {
    fakeBackend({ [commands.comuneGet]: () => pisaDetail(), [commands.zoneList]: () => ZONES });
    render(Comune, { istat: '050026' });
    const table = await screen.findByTestId('zone-history');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const first = rows[0]!.textContent ?? '';
    expect(first).toContain('01/01/2024');
    expect(first, 'open-ended membership').toContain('in corso');
    expect(first).toContain('sintetico');
    const second = rows[1]!.textContent ?? '';
    expect(second).toContain('15/03/2019');
    expect(second).toContain('31/12/2023');
    expect(second).toContain('import zone.csv');
    expect(second).not.toContain('sintetico');
  });

  it('offers only the zones of the comune’s ASL, plus "Nessuna zona"', async () => {
    fakeBackend({ [commands.comuneGet]: () => pisaDetail(), [commands.zoneList]: () => ZONES });
    render(Comune, { istat: '050026' });
    const select = (await screen.findByTestId('zone-select')) as HTMLSelectElement;
    const options = Array.from(select.options).map((o) => o.textContent?.trim());
    expect(options).toEqual(['Nessuna zona', 'Zona Pisana', 'Alta Val di Cecina - Val d’Era']);
    expect(select.value, 'starts on the current zone').toBe('7');
    expect((screen.getByTestId('zone-valid-from') as HTMLInputElement).value, 'defaults to today, written gg/mm/aaaa').toBe(
      formatDate(todayIso()),
    );
    await fireEvent.input(screen.getByTestId('zone-valid-from'), { target: { value: '01/03/2025' } });
    expect(text('zone-valid-from-hint'), 'the chosen date is repeated as gg/mm/aaaa').toBe(
      'La nuova zona vale dal 01/03/2025; quella attuale resta nello storico fino al 28/02/2025.',
    );
  });

  it('submits a zone change and shows the updated detail', async () => {
    let current: ComuneDetail = pisaDetail();
    const moved: ComuneDetail = pisaDetail({
      zone: { id: 40, zone_id: 8, zone_name: 'Alta Val di Cecina - Val d’Era', valid_from: '2025-02-01', valid_to: null, source: 'manuale', synthetic: false },
    });
    const calls = fakeBackend({
      [commands.comuneGet]: () => current,
      [commands.zoneList]: () => ZONES,
      [commands.comuneSetZone]: () => (current = moved),
    });
    render(Comune, { istat: '050026' });
    const select = (await screen.findByTestId('zone-select')) as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: '8' } });
    await fireEvent.input(screen.getByTestId('zone-valid-from'), { target: { value: '01/02/2025' } });
    await fireEvent.click(screen.getByTestId('zone-save'));

    await waitFor(() => expect(text('comune-zone')).toBe('Alta Val di Cecina - Val d’Era'));
    expect(callsTo(calls, commands.comuneSetZone)[0]?.args).toEqual({
      istat_code: '050026',
      zone_id: 8,
      valid_from: '2025-02-01',
    });
    expect(text('zone-saved')).toBe('Zona aggiornata: Alta Val di Cecina - Val d’Era dal 01/02/2025.');
    expect((screen.getByTestId('zone-select') as HTMLSelectElement).value, 'form follows the new zone').toBe('8');
  });

  it('keeps showing today’s zone when the change starts in the future', async () => {
    const future: ComuneDetail = pisaDetail({
      zone: { id: 41, zone_id: 8, zone_name: 'Alta Val di Cecina - Val d’Era', valid_from: '2099-01-01', valid_to: null, source: 'manuale', synthetic: false },
    });
    fakeBackend({
      [commands.comuneGet]: () => pisaDetail(),
      [commands.zoneList]: () => ZONES,
      // The core answers "as of valid_from", i.e. with the future zone.
      [commands.comuneSetZone]: () => future,
    });
    render(Comune, { istat: '050026' });
    await fireEvent.change(await screen.findByTestId('zone-select'), { target: { value: '8' } });
    await fireEvent.input(screen.getByTestId('zone-valid-from'), { target: { value: '01/01/2099' } });
    await fireEvent.click(screen.getByTestId('zone-save'));
    expect((await screen.findByTestId('zone-saved')).textContent).toContain('dal 01/01/2099');
    expect(text('comune-zone'), 'today the comune is still in its current zone').toBe('Zona Pisana sintetico');
  });

  it('can remove the comune from any zone', async () => {
    let removed = false;
    const calls = fakeBackend({
      [commands.comuneGet]: () => (removed ? pisaDetail({ zone: null }) : pisaDetail()),
      [commands.zoneList]: () => ZONES,
      [commands.comuneSetZone]: () => {
        removed = true;
        return pisaDetail({ zone: null });
      },
    });
    render(Comune, { istat: '050026' });
    await fireEvent.change(await screen.findByTestId('zone-select'), { target: { value: '' } });
    await fireEvent.input(screen.getByTestId('zone-valid-from'), { target: { value: '01/02/2025' } });
    await fireEvent.click(screen.getByTestId('zone-save'));
    await waitFor(() => expect(text('comune-zone')).toBe('Non assegnata'));
    expect(callsTo(calls, commands.comuneSetZone)[0]?.args.zone_id, 'null means no zone').toBeNull();
  });

  it('refuses to "change" to the current zone or without a date, before calling the core', async () => {
    const calls = fakeBackend({ [commands.comuneGet]: () => pisaDetail(), [commands.zoneList]: () => ZONES });
    render(Comune, { istat: '050026' });
    await screen.findByTestId('zone-select');
    await fireEvent.input(screen.getByTestId('zone-valid-from'), { target: { value: '' } });
    await fireEvent.click(screen.getByTestId('zone-save'));
    expect(text('zone-select-error')).toContain('È già la zona attuale');
    expect(text('zone-valid-from-error')).toContain('Indica una data valida');
    expect(screen.getByTestId('zone-valid-from').getAttribute('aria-invalid')).toBe('true');
    expect(callsTo(calls, commands.comuneSetZone)).toHaveLength(0);
  });

  it('shows the core’s validation details next to the fields', async () => {
    fakeBackend({
      [commands.comuneGet]: () => pisaDetail(),
      [commands.zoneList]: () => ZONES,
      [commands.comuneSetZone]: () => {
        throw apiError('validation', 'Dati non validi', [
          { field: 'valid_from', message: 'La data precede l’inizio della zona attuale (01/01/2024).' },
        ]);
      },
    });
    render(Comune, { istat: '050026' });
    await fireEvent.change(await screen.findByTestId('zone-select'), { target: { value: '8' } });
    await fireEvent.input(screen.getByTestId('zone-valid-from'), { target: { value: '01/01/2020' } });
    await fireEvent.click(screen.getByTestId('zone-save'));
    expect((await screen.findByTestId('zone-valid-from-error')).textContent).toContain(
      'La data precede l’inizio della zona attuale',
    );
  });

  it('explains an unknown ISTAT code', async () => {
    fakeBackend({ [commands.comuneGet]: () => { throw apiError('not_found', 'comune 999999 not found'); }, [commands.zoneList]: () => ZONES });
    render(Comune, { istat: '999999' });
    const notice = await screen.findByTestId('comune-not-found');
    expect(notice.textContent).toContain('Nessun comune con codice ISTAT 999999.');
    expect(notice.textContent).toContain('cerca il comune per nome');
  });
});
