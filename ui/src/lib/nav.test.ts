import { describe, expect, it } from 'vitest';
import { ACTIONS_DEFAULT } from './action-routes';
import { areaOf, NAV_ITEMS, visibleNav } from './nav';

describe('navigation config', () => {
  it('shows only the areas that work today', () => {
    const shown = [...visibleNav('work'), ...visibleNav('system')].map((i) => i.id);
    expect(shown).toEqual(['territorio', 'agenda', 'contatti', 'azioni', 'sai', 'impostazioni', 'informazioni']);
  });

  it('declares the future areas, disabled rather than as placeholder screens', () => {
    const future = NAV_ITEMS.filter((i) => !i.enabled).map((i) => i.id);
    expect(future).toEqual(['esporta']);
  });

  it('shows an area as soon as its flag is turned on', () => {
    const items = NAV_ITEMS.map((i) => (i.id === 'esporta' ? { ...i, enabled: true } : i));
    expect(visibleNav('work', items).map((i) => i.id)).toEqual(['territorio', 'agenda', 'contatti', 'azioni', 'sai', 'esporta']);
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
      { name: 'verbale', id: 1 },
      { name: 'incontro_nuovo', start: null, allDay: false },
      { name: 'agenda_importa' },
    ] as const) {
      expect(areaOf(route as Parameters<typeof areaOf>[0]), route.name).toBe('agenda');
    }
  });

  it('highlights Azioni for the list, the action pages and the form', () => {
    for (const route of [
      { name: 'azioni', query: { ...ACTIONS_DEFAULT } },
      { name: 'azione', id: 1 },
      { name: 'azione_modifica', id: 1 },
      { name: 'azione_nuova', context: { comune: null, meeting: null, person: null } },
    ] as const) {
      expect(areaOf(route as Parameters<typeof areaOf>[0]), route.name).toBe('azioni');
    }
    expect(areaOf({ name: 'area_zona', id: 3 }), 'zone and ASL pages belong to Territorio').toBe('territorio');
    expect(areaOf({ name: 'area_asl', code: 'centro' })).toBe('territorio');
  });
});
