import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Zone as ZoneT } from '../../lib/bindings/Zone';
import { apiError, callsTo, fakeBackend } from '../../test/backend';
import { ZONES } from '../../test/fixtures';
import Zone from './Zone.svelte';
import { commands } from '../../lib/generated/commands';

describe('Zone-distretto page', () => {
  it('groups zones by ASL with status and counts', async () => {
    fakeBackend({ [commands.zoneList]: () => ZONES });
    render(Zone);
    const row = await screen.findByTestId('zone-row-7');
    expect(row.textContent).toContain('Zona Pisana');
    expect(row.textContent).toContain('135.872');
    expect(row.textContent).toContain('Da confermare');
    expect(screen.getByTestId('zone-row-8').textContent).toContain('Confermata');
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Azienda USL Toscana nord-ovest', 'Azienda USL Toscana centro']);
    expect(screen.getByTestId('zones-confirm-all').textContent).toContain('Conferma tutte (2)');
  });

  it('renames a zone inline', async () => {
    const calls = fakeBackend({
      [commands.zoneList]: () => ZONES,
      [commands.zoneRename]: (args) => ({ ...ZONES[0]!, name: args.name as string }),
    });
    render(Zone);
    await fireEvent.click(await screen.findByTestId('zone-rename-7'));
    const input = screen.getByTestId('zone-rename-input') as HTMLInputElement;
    expect(input.value).toBe('Zona Pisana');
    await fireEvent.input(input, { target: { value: '  Pisana  ' } });
    await fireEvent.click(screen.getByTestId('zone-rename-save'));
    await waitFor(() => expect(screen.queryByTestId('zone-rename-input')).toBeNull());
    expect(callsTo(calls, commands.zoneRename)[0]?.args, 'trimmed name').toEqual({ id: 7, name: 'Pisana' });
    expect(screen.getByTestId('zone-row-7').textContent).toContain('Pisana');
    expect(screen.getByText('Zona rinominata in «Pisana».')).toBeTruthy();
  });

  it('does not send an empty name', async () => {
    const calls = fakeBackend({ [commands.zoneList]: () => ZONES });
    render(Zone);
    await fireEvent.click(await screen.findByTestId('zone-rename-7'));
    await fireEvent.input(screen.getByTestId('zone-rename-input'), { target: { value: '   ' } });
    await fireEvent.click(screen.getByTestId('zone-rename-save'));
    expect(screen.getByTestId('zone-rename-error').textContent).toContain('Il nome non può essere vuoto.');
    expect(callsTo(calls, commands.zoneRename)).toHaveLength(0);
  });

  it('shows the core’s validation error next to the name', async () => {
    fakeBackend({
      [commands.zoneList]: () => ZONES,
      [commands.zoneRename]: () => {
        throw apiError('validation', 'Dati non validi', [{ field: 'name', message: 'Esiste già una zona con questo nome.' }]);
      },
    });
    render(Zone);
    await fireEvent.click(await screen.findByTestId('zone-rename-7'));
    await fireEvent.input(screen.getByTestId('zone-rename-input'), { target: { value: 'Firenze' } });
    await fireEvent.click(screen.getByTestId('zone-rename-save'));
    const error = await screen.findByTestId('zone-rename-error');
    expect(error.textContent).toContain('Esiste già una zona con questo nome.');
    expect(screen.getByTestId('zone-rename-input').getAttribute('aria-invalid')).toBe('true');
  });

  it('confirms one zone, then all the others', async () => {
    const confirmed = (ids: number[]): ZoneT[] =>
      ZONES.filter((z) => ids.includes(z.id)).map((z) => ({ ...z, confirmed: true }));
    const calls = fakeBackend({ [commands.zoneList]: () => ZONES, [commands.zoneConfirm]: (args) => confirmed(args.ids as number[]) });
    render(Zone);
    await fireEvent.click(await screen.findByTestId('zone-confirm-7'));
    await waitFor(() => expect(screen.getByTestId('zone-row-7').textContent).toContain('Confermata'));
    expect(within(screen.getByTestId('zone-row-7')).queryByTestId('zone-confirm-7')).toBeNull();
    expect(screen.getByTestId('zones-confirm-all').textContent).toContain('(1)');

    await fireEvent.click(screen.getByTestId('zones-confirm-all'));
    await waitFor(() => expect(screen.getByText('Tutte le zone sono confermate.')).toBeTruthy());
    expect(callsTo(calls, commands.zoneConfirm).map((c) => c.args)).toEqual([{ ids: [7] }, { ids: [12] }]);
  });

  it('tells what to do when there are no zones', async () => {
    fakeBackend({ [commands.zoneList]: () => [] });
    render(Zone);
    expect((await screen.findByTestId('zones-empty')).textContent).toContain('raccordo check');
  });
});
