import { describe, expect, it } from 'vitest';
import { areaOf, NAV_ITEMS, visibleNav } from './nav';

describe('navigation config', () => {
  it('shows only the areas that work today', () => {
    const shown = [...visibleNav('work'), ...visibleNav('system')].map((i) => i.id);
    expect(shown).toEqual(['territorio', 'agenda', 'contatti', 'sai', 'impostazioni', 'informazioni']);
  });

  it('declares the future areas, disabled rather than as placeholder screens', () => {
    const future = NAV_ITEMS.filter((i) => !i.enabled).map((i) => i.id);
    expect(future).toEqual(['azioni', 'esporta']);
  });

  it('shows an area as soon as its flag is turned on', () => {
    const items = NAV_ITEMS.map((i) => (i.id === 'azioni' ? { ...i, enabled: true } : i));
    expect(visibleNav('work', items).map((i) => i.id)).toEqual(['territorio', 'agenda', 'contatti', 'azioni', 'sai']);
  });

  it('highlights Territorio for the zone and comune pages', () => {
    expect(areaOf({ name: 'zone' })).toBe('territorio');
    expect(areaOf({ name: 'comune', istat: '050026' })).toBe('territorio');
    expect(areaOf({ name: 'informazioni' })).toBe('informazioni');
    expect(areaOf({ name: 'not_found', path: '/x' })).toBeNull();
  });

  it('highlights the Ricognizione SAI for its page', () => {
    expect(areaOf({ name: 'sai', query: { view: 'mappa', asl: null, zone: null, province: null, statuses: [] } })).toBe('sai');
  });

  it('highlights Contatti for every contacts page', () => {
    for (const route of [
      { name: 'contatti' },
      { name: 'persona', id: 1 },
      { name: 'persona_nuova' },
      { name: 'enti' },
      { name: 'ente', id: 2 },
      { name: 'doppioni' },
      { name: 'importa' },
    ] as const) {
      expect(areaOf(route), route.name).toBe('contatti');
    }
  });

  it('highlights Agenda for the calendar and the meeting pages', () => {
    for (const route of [
      { name: 'agenda', query: { view: 'mese', date: null, asl: null, zone: null, kinds: [], text: '' } },
      { name: 'incontro', id: 1 },
      { name: 'incontro_modifica', id: 1 },
      { name: 'incontro_nuovo', start: null, allDay: false },
      { name: 'agenda_importa' },
    ] as const) {
      expect(areaOf(route as Parameters<typeof areaOf>[0]), route.name).toBe('agenda');
    }
  });
});
