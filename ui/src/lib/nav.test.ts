import { describe, expect, it } from 'vitest';
import { areaOf, NAV_ITEMS, visibleNav } from './nav';

describe('navigation config', () => {
  it('shows only the areas that work today', () => {
    const shown = [...visibleNav('work'), ...visibleNav('system')].map((i) => i.id);
    expect(shown).toEqual(['territorio', 'impostazioni', 'informazioni']);
  });

  it('declares the future areas, disabled rather than as placeholder screens', () => {
    const future = NAV_ITEMS.filter((i) => !i.enabled).map((i) => i.id);
    expect(future).toEqual(['agenda', 'contatti', 'azioni', 'sai', 'esporta']);
  });

  it('shows an area as soon as its flag is turned on', () => {
    const items = NAV_ITEMS.map((i) => (i.id === 'agenda' ? { ...i, enabled: true } : i));
    expect(visibleNav('work', items).map((i) => i.id)).toEqual(['territorio', 'agenda']);
  });

  it('highlights Territorio for the zone and comune pages', () => {
    expect(areaOf({ name: 'zone' })).toBe('territorio');
    expect(areaOf({ name: 'comune', istat: '050026' })).toBe('territorio');
    expect(areaOf({ name: 'informazioni' })).toBe('informazioni');
    expect(areaOf({ name: 'not_found', path: '/x' })).toBeNull();
  });
});
