import { describe, expect, it } from 'vitest';
import { ACTIONS_DEFAULT, actionsHref, actionsLink, filterOf, isFiltered, type ActionsQuery } from './action-routes';
import { AGENDA_DEFAULT, agendaHref, comuneHref, meetingHref, parseHash, routeHref, type Route } from './routes';

describe('parseHash', () => {
  it('maps every screen of the app', () => {
    expect(parseHash('#/territorio')).toEqual({ name: 'territorio' });
    expect(parseHash('#/territorio/zone')).toEqual({ name: 'zone' });
    expect(parseHash('#/comune/050026')).toEqual({ name: 'comune', istat: '050026' });
    expect(parseHash('#/impostazioni')).toEqual({ name: 'impostazioni' });
    expect(parseHash('#/informazioni')).toEqual({ name: 'informazioni' });
    expect(parseHash('#/registro')).toEqual({ name: 'registro' });
    expect(parseHash('#/backup')).toEqual({ name: 'backup' });
    expect(parseHash('#/registro/x')).toEqual({ name: 'not_found', path: '/registro/x' });
    expect(parseHash('#/benvenuto')).toEqual({ name: 'benvenuto' });
    expect(parseHash('#/contatti')).toEqual({ name: 'contatti' });
    expect(parseHash('#/contatti/persona/42')).toEqual({ name: 'persona', id: 42 });
    expect(parseHash('#/contatti/persona/nuova')).toEqual({ name: 'persona_nuova' });
    expect(parseHash('#/contatti/enti')).toEqual({ name: 'enti' });
    expect(parseHash('#/contatti/ente/7')).toEqual({ name: 'ente', id: 7 });
    expect(parseHash('#/contatti/doppioni')).toEqual({ name: 'doppioni' });
    expect(parseHash('#/contatti/importa')).toEqual({ name: 'importa' });
  });

  it('rejects malformed contact ids', () => {
    for (const hash of ['#/contatti/persona/0', '#/contatti/persona/abc', '#/contatti/persona/-1', '#/contatti/ente/1/2', '#/contatti/altro']) {
      expect(parseHash(hash).name, `hash ${hash}`).toBe('not_found');
    }
  });

  it('sends an empty hash to Territorio', () => {
    for (const hash of ['', '#', '#/', '/']) {
      expect(parseHash(hash), `hash ${JSON.stringify(hash)}`).toEqual({ name: 'territorio' });
    }
  });

  it('tolerates a trailing slash, a missing leading slash and a query string', () => {
    expect(parseHash('#/territorio/')).toEqual({ name: 'territorio' });
    expect(parseHash('#territorio/zone')).toEqual({ name: 'zone' });
    expect(parseHash('#/comune/050026?tab=zona')).toEqual({ name: 'comune', istat: '050026' });
  });

  it('keeps the leading zeros of ISTAT codes (they are strings)', () => {
    expect(parseHash('#/comune/045001')).toEqual({ name: 'comune', istat: '045001' });
  });

  it('rejects malformed ISTAT codes and unknown paths as not_found', () => {
    expect(parseHash('#/comune/50026').name, 'five digits').toBe('not_found');
    expect(parseHash('#/comune/05002A').name, 'letters').toBe('not_found');
    expect(parseHash('#/comune').name, 'no code').toBe('not_found');
    expect(parseHash('#/comune/050026/extra').name, 'extra segment').toBe('not_found');
    expect(parseHash('#/esporta').name, 'areas not built yet have no route').toBe('not_found');
    expect(parseHash('#/%E0%A4%A').name, 'broken percent-encoding').toBe('not_found');
    expect(parseHash('#/nowhere')).toEqual({ name: 'not_found', path: '/nowhere' });
  });
});

describe('routeHref', () => {
  it('round-trips through parseHash', () => {
    const routes: Route[] = [
      { name: 'territorio' },
      { name: 'zone' },
      { name: 'comune', istat: '050026' },
      { name: 'impostazioni' },
      { name: 'informazioni' },
      { name: 'registro' },
      { name: 'backup' },
      { name: 'benvenuto' },
      { name: 'contatti' },
      { name: 'persona', id: 12 },
      { name: 'persona_nuova' },
      { name: 'enti' },
      { name: 'ente', id: 3 },
      { name: 'doppioni' },
      { name: 'importa' },
    ];
    for (const route of routes) {
      expect(parseHash(routeHref(route)), routeHref(route)).toEqual(route);
    }
  });

  it('builds the documented URLs', () => {
    expect(routeHref({ name: 'zone' })).toBe('#/territorio/zone');
    expect(comuneHref('050026')).toBe('#/comune/050026');
    expect(routeHref({ name: 'registro' })).toBe('#/registro');
  });
});

describe('agenda routes', () => {
  it('reads the view, date and filters from the query and drops what is malformed', () => {
    expect(parseHash('#/agenda')).toEqual({ name: 'agenda', query: AGENDA_DEFAULT });
    expect(parseHash('#/agenda?vista=settimana&data=2027-03-22&asl=centro&zona=5&tipi=altro,conferenza_zonale,nuovo&testo=pisa%20nord')).toEqual({
      name: 'agenda',
      query: { view: 'settimana', date: '2027-03-22', asl: 'centro', zone: 5, kinds: ['altro', 'conferenza_zonale'], text: 'pisa nord' },
    });
    expect(parseHash('#/agenda?vista=anno&data=22/03/2027&asl=nord&zona=x')).toEqual({ name: 'agenda', query: AGENDA_DEFAULT });
  });

  it('maps the meeting pages and the new-meeting slot', () => {
    expect(parseHash('#/agenda/incontro/12')).toEqual({ name: 'incontro', id: 12 });
    expect(parseHash('#/agenda/incontro/12/modifica')).toEqual({ name: 'incontro_modifica', id: 12 });
    expect(parseHash('#/agenda/incontro/12/verbale'), 'the verbale editor').toEqual({ name: 'verbale', id: 12 });
    expect(parseHash('#/agenda/nuovo?inizio=2027-03-25T10:30')).toEqual({ name: 'incontro_nuovo', start: '2027-03-25T10:30', allDay: false });
    expect(parseHash('#/agenda/nuovo?inizio=2027-03-25T10:30&giornata=1')).toEqual({ name: 'incontro_nuovo', start: '2027-03-25T10:30', allDay: true });
    expect(parseHash('#/agenda/nuovo?inizio=domani')).toEqual({ name: 'incontro_nuovo', start: null, allDay: false });
    expect(parseHash('#/agenda/importa'), 'the calendar import screen').toEqual({ name: 'agenda_importa' });
    expect(parseHash('#/agenda/verbali'), 'the batch export of verbali').toEqual({ name: 'agenda_verbali' });
    for (const bad of ['#/agenda/incontro/0', '#/agenda/incontro/x', '#/agenda/incontro/3/altro', '#/agenda/incontro/0/verbale', '#/agenda/incontro/3/verbale/1', '#/agenda/boh', '#/agenda/importa/1', '#/agenda/verbali/2']) {
      expect(parseHash(bad).name, bad).toBe('not_found');
    }
  });

  it('writes only the non-default values and round-trips', () => {
    expect(agendaHref(AGENDA_DEFAULT)).toBe('#/agenda');
    const routes: Route[] = [
      { name: 'agenda', query: AGENDA_DEFAULT },
      { name: 'agenda', query: { view: 'elenco', date: '2026-12-28', asl: 'sud-est', zone: 14, kinds: ['prefettura'], text: 'Città & “tavolo”' } },
      { name: 'incontro', id: 7 },
      { name: 'incontro_modifica', id: 7 },
      { name: 'verbale', id: 7 },
      { name: 'incontro_nuovo', start: '2027-03-25T09:00', allDay: false },
      { name: 'incontro_nuovo', start: null, allDay: false },
      { name: 'agenda_importa' },
      { name: 'agenda_verbali' },
    ];
    for (const route of routes) expect(parseHash(routeHref(route)), routeHref(route)).toEqual(route);
    expect(meetingHref(3)).toBe('#/agenda/incontro/3');
  });
});

describe('azioni routes', () => {
  it('reads the view and every filter from the query and drops what is malformed', () => {
    expect(parseHash('#/azioni')).toEqual({ name: 'azioni', query: ACTIONS_DEFAULT });
    expect(
      parseHash('#/azioni?vista=bacheca&scadenza=overdue&asl=centro&zona=5&comune=050026&ente=9&resp=mie&persona=4&incontro=8&stato=waiting,open,x&priorita=high&testo=delibera%20SAI&ordine=priority&desc=1'),
    ).toEqual({
      name: 'azioni',
      query: {
        view: 'bacheca',
        due: 'overdue',
        asl: 'centro',
        zone: 5,
        comune: '050026',
        org: 9,
        owner: 'mie',
        person: 4,
        meeting: 8,
        statuses: ['open', 'waiting'],
        priority: 'high',
        text: 'delibera SAI',
        sort: 'priority',
        desc: true,
      },
    });
    expect(parseHash('#/azioni?resp=12').name === 'azioni' && (parseHash('#/azioni?resp=12') as { query: ActionsQuery }).query.owner).toBe(12);
    expect(parseHash('#/azioni?vista=torta&scadenza=ieri&asl=nord&zona=x&comune=50026&resp=tu&ordine=caso')).toEqual({ name: 'azioni', query: ACTIONS_DEFAULT });
  });

  it('maps the action pages, the form with what it preselects, and the zone and ASL pages', () => {
    expect(parseHash('#/azioni/azione/12')).toEqual({ name: 'azione', id: 12 });
    expect(parseHash('#/azioni/azione/12/modifica')).toEqual({ name: 'azione_modifica', id: 12 });
    expect(parseHash('#/azioni/nuova?comune=050026&incontro=3')).toEqual({ name: 'azione_nuova', context: { comune: '050026', meeting: 3, person: null } });
    expect(parseHash('#/territorio/zona/7')).toEqual({ name: 'area_zona', id: 7 });
    expect(parseHash('#/territorio/asl/sud-est')).toEqual({ name: 'area_asl', code: 'sud-est' });
    for (const bad of ['#/azioni/azione/0', '#/azioni/azione/x', '#/azioni/azione/3/altro', '#/azioni/boh', '#/territorio/zona/x', '#/territorio/asl/nord', '#/territorio/zona/3/4']) {
      expect(parseHash(bad).name, bad).toBe('not_found');
    }
  });

  it('writes only the non-default values and round-trips', () => {
    expect(actionsHref(ACTIONS_DEFAULT)).toBe('#/azioni');
    expect(actionsLink({ due: 'overdue', asl: 'nord-ovest' })).toBe('#/azioni?scadenza=overdue&asl=nord-ovest');
    const routes: Route[] = [
      { name: 'azioni', query: ACTIONS_DEFAULT },
      { name: 'azioni', query: { ...ACTIONS_DEFAULT, view: 'bacheca', owner: 7, statuses: ['done'], text: 'Città & “tavolo”', sort: 'title', desc: true } },
      { name: 'azione', id: 7 },
      { name: 'azione_modifica', id: 7 },
      { name: 'azione_nuova', context: { comune: null, meeting: 5, person: 2 } },
      { name: 'area_zona', id: 4 },
      { name: 'area_asl', code: 'nord-ovest' },
    ];
    for (const route of routes) expect(parseHash(routeHref(route)), routeHref(route)).toEqual(route);
  });

  it('turns a query into the core filter', () => {
    const f = filterOf({ ...ACTIONS_DEFAULT, owner: 'mie', due: 'this_week', text: '  delibera ' });
    expect(f.owner_coordinator).toBe(true);
    expect(f.owner_person_id).toBeNull();
    expect(f.due_window).toBe('this_week');
    expect(f.search).toBe('delibera');
    expect(filterOf({ ...ACTIONS_DEFAULT, owner: 4 }).owner_person_id).toBe(4);
    expect(isFiltered(ACTIONS_DEFAULT)).toBe(false);
    expect(isFiltered({ ...ACTIONS_DEFAULT, view: 'bacheca', sort: 'title' }), 'view and order are not filters').toBe(false);
    expect(isFiltered({ ...ACTIONS_DEFAULT, comune: '050026' })).toBe(true);
  });
});
