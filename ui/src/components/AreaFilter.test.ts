import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Zone } from '../lib/bindings/Zone';
import AreaFilter, { pickAsl, pickZone, zonesOf } from './AreaFilter.svelte';

const ZONES: Zone[] = [
  { id: 7, name: 'Zona Pisana', asl: 'nord-ovest', confirmed: true, comuni_count: 9, population: 200000 },
  { id: 12, name: 'Firenze', asl: 'centro', confirmed: true, comuni_count: 1, population: 360000 },
  { id: 14, name: 'Senese', asl: 'sud-est', confirmed: true, comuni_count: 15, population: 120000 },
];
const LABELS = { asl: 'ASL', allAsl: 'Tutte le ASL', zone: 'Zona', allZones: 'Tutte le zone' };

describe('AreaFilter rules', () => {
  it('offers the zones of the chosen ASL, or all', () => {
    expect(zonesOf(ZONES, 'centro').map((z) => z.id)).toEqual([12]);
    expect(zonesOf(ZONES, null)).toHaveLength(3);
  });

  it('keeps a zone only under its own ASL or all ASL', () => {
    expect(pickAsl(ZONES, { asl: 'centro', zone: 12 }, 'sud-est')).toEqual({ asl: 'sud-est', zone: null });
    expect(pickAsl(ZONES, { asl: 'centro', zone: 12 }, null)).toEqual({ asl: null, zone: 12 });
    expect(pickAsl(ZONES, { asl: null, zone: 12 }, 'centro')).toEqual({ asl: 'centro', zone: 12 });
    expect(pickAsl(ZONES, { asl: null, zone: 99 }, 'centro'), 'an unknown zone is dropped').toEqual({ asl: 'centro', zone: null });
  });

  it('brings the ASL of a chosen zone; all zones keeps the ASL', () => {
    expect(pickZone(ZONES, { asl: null, zone: null }, 14)).toEqual({ asl: 'sud-est', zone: 14 });
    expect(pickZone(ZONES, { asl: 'centro', zone: 12 }, null)).toEqual({ asl: 'centro', zone: null });
  });
});

describe('AreaFilter', () => {
  it('renders the two labelled selects and reports each change', async () => {
    const onchange = vi.fn();
    render(AreaFilter, { asl: 'centro', zone: null, zones: ZONES, onchange, labels: LABELS, testids: { asl: 'f-asl', zone: 'f-zone' } });
    const asl = screen.getByLabelText('ASL') as HTMLSelectElement;
    expect(asl).toBe(screen.getByTestId('f-asl'));
    expect([...asl.options].map((o) => o.textContent)).toEqual(['Tutte le ASL', 'ASL nord-ovest', 'ASL centro', 'ASL sud-est']);
    expect(asl.value).toBe('centro');
    const zone = screen.getByLabelText('Zona') as HTMLSelectElement;
    expect([...zone.options].map((o) => o.textContent), 'only the zones of the ASL').toEqual(['Tutte le zone', 'Firenze']);
    await fireEvent.change(zone, { target: { value: '12' } });
    expect(onchange).toHaveBeenLastCalledWith({ asl: 'centro', zone: 12 });
    await fireEvent.change(asl, { target: { value: '' } });
    expect(onchange).toHaveBeenLastCalledWith({ asl: null, zone: null });
  });
});
