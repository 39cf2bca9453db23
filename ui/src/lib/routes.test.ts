import { describe, expect, it } from 'vitest';
import { comuneHref, parseHash, routeHref, type Route } from './routes';

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
    expect(parseHash('#/agenda').name, 'areas not built yet have no route').toBe('not_found');
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
