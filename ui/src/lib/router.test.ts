import { afterEach, describe, expect, it } from 'vitest';
import { router } from './router.svelte';

describe('router', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('reads the current hash when started', () => {
    history.replaceState(null, '', '#/informazioni');
    stop = router.start();
    expect(router.route).toEqual({ name: 'informazioni' });
  });

  it('follows hashchange events (links, Back/Forward)', async () => {
    stop = router.start();
    location.hash = '#/comune/050026';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(router.route).toEqual({ name: 'comune', istat: '050026' });
  });

  it('navigate() updates the route and the URL at once', () => {
    stop = router.start();
    router.navigate({ name: 'zone' });
    expect(router.route).toEqual({ name: 'zone' });
    expect(location.hash).toBe('#/territorio/zone');
  });

  it('navigate({replace}) rewrites the current history entry', () => {
    stop = router.start();
    router.navigate({ name: 'territorio' });
    const length = history.length;
    router.navigate({ name: 'benvenuto' }, { replace: true });
    expect(location.hash).toBe('#/benvenuto');
    expect(history.length, 'replace must not add a Back step').toBe(length);
    expect(router.route).toEqual({ name: 'benvenuto' });
  });

  it('stops listening when stopped', () => {
    stop = router.start();
    stop();
    stop = undefined;
    history.replaceState(null, '', '#/impostazioni');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(router.route.name, 'a stopped router ignores hashchange').not.toBe('impostazioni');
  });
});
