import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, callsTo, fakeBackend } from '../test/backend';
import { MAP } from '../test/map-fixtures';
import TuscanyMap, { forgetMap, type MapMark } from './TuscanyMap.svelte';
import { commands } from '../lib/generated/commands';

const HOSTILE = '<img src=x onerror=window.__pwned=1>';

const MARKS: Record<string, MapMark> = {
  '050026': { fill: '#31a354', label: 'progetto attivo' },
  '050008': { fill: '#31a354', label: `coperto tramite ${HOSTILE}`, hatch: true },
};

beforeEach(() => forgetMap());

describe('TuscanyMap', () => {
  it('draws every comune in one SVG, coloured by its mark, with a legend', async () => {
    const calls = fakeBackend({ [commands.territoryMap]: () => MAP });
    render(TuscanyMap, {
      marks: MARKS,
      title: 'Mappa',
      emptyLabel: 'non censito',
      legend: [{ fill: '#31a354', label: 'progetto attivo', count: 1 }, { fill: '#31a354', label: 'coperto', hatch: true }],
    });
    const paths = await screen.findAllByTestId('map-comune');
    expect(paths, 'one path per comune').toHaveLength(3);
    expect(document.querySelectorAll('svg[data-testid="tuscany-map-svg"]'), 'one inline SVG').toHaveLength(1);
    const byIstat = (code: string) => paths.find((p) => p.getAttribute('data-istat') === code)!;
    expect(byIstat('050026').getAttribute('fill'), 'own status colour').toBe('#31a354');
    expect(byIstat('049003').getAttribute('fill'), 'no mark: neutral').toBe('#f1f1ee');
    expect(byIstat('050008').getAttribute('data-hatch'), 'covered comuni are hatched').toBe('1');
    expect(byIstat('049003').getAttribute('d'), 'both parts of a two-part comune').toContain('ZM10 200');
    expect(byIstat('050026').getAttribute('aria-label')).toBe('Pisa: progetto attivo');
    const legend = screen.getByTestId('map-legend');
    expect(legend.textContent).toContain('progetto attivo');
    expect(legend.textContent).toContain('coperto');
    expect(callsTo(calls, commands.territoryMap), 'the model is asked once').toHaveLength(1);
    expect(screen.getByText(/ISTAT\/openpolis/), 'attribution shown').toBeTruthy();
  });

  it('shows names and labels as text in the tooltip and the SVG title', async () => {
    fakeBackend({ [commands.territoryMap]: () => MAP });
    render(TuscanyMap, { marks: MARKS, title: 'Mappa', emptyLabel: 'non censito' });
    const paths = await screen.findAllByTestId('map-comune');
    const cascina = paths.find((p) => p.getAttribute('data-istat') === '050008')!;
    expect(cascina.querySelector('title')?.textContent).toBe(`Cascina — coperto tramite ${HOSTILE}`);
    await fireEvent.mouseMove(cascina, { clientX: 30, clientY: 40 });
    const tip = await screen.findByTestId('map-tooltip');
    expect(tip.textContent).toContain('Cascina');
    expect(tip.textContent, 'hostile label shown literally').toContain(HOSTILE);
    expect(document.querySelectorAll('img'), 'no element made from the label').toHaveLength(0);
  });

  it('opens a comune on click and with the keyboard, one tab stop, arrows move', async () => {
    fakeBackend({ [commands.territoryMap]: () => MAP });
    const onselect = vi.fn();
    render(TuscanyMap, { marks: MARKS, title: 'Mappa', emptyLabel: 'non censito', onselect });
    const paths = await screen.findAllByTestId('map-comune');
    expect(paths.filter((p) => p.getAttribute('tabindex') === '0'), 'the map is one tab stop').toHaveLength(1);
    await fireEvent.click(paths[2]!);
    expect(onselect).toHaveBeenLastCalledWith('050026');
    paths[0]!.focus();
    await fireEvent.keyDown(paths[0]!, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('data-istat'), 'ArrowRight goes to the eastern neighbour').toBe('050008');
    expect(screen.getByTestId('map-tooltip').textContent, 'focus shows the tooltip').toContain('Cascina');
    await fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(onselect).toHaveBeenLastCalledWith('050008');
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement?.getAttribute('data-istat')).toBe('050026');
  });

  it('explains a failure to load the map', async () => {
    fakeBackend({ [commands.territoryMap]: () => { throw apiError('internal', 'confini non leggibili'); } });
    render(TuscanyMap, { marks: {}, title: 'Mappa', emptyLabel: 'non censito' });
    expect((await screen.findByRole('alert')).textContent).toContain('Impossibile caricare la mappa');
  });
});
