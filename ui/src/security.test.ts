// Every string that comes from the user or from imported data is rendered as text: a hostile
// name must appear literally and must never create an element.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from './App.svelte';
import type { ApiError } from './lib/bindings/ApiError';
import Comune from './screens/comune/Comune.svelte';
import Impostazioni from './screens/sistema/Impostazioni.svelte';
import Territorio from './screens/territorio/Territorio.svelte';
import Zone from './screens/territorio/Zone.svelte';
import { fakeBackend } from './test/backend';
import { PISA, pisaDetail, tree, ZONES } from './test/fixtures';
import { commands } from './lib/generated/commands';

const HOSTILE = '<img src=x onerror=alert(1)>';
const HOSTILE_2 = '<script>alert(2)</script><b>grassetto</b>';

function expectInert() {
  expect(document.querySelector('img'), 'no <img> may be created from data').toBeNull();
  expect(document.querySelector('script'), 'no <script> may be created from data').toBeNull();
  expect(document.querySelector('b'), 'no markup may be created from data').toBeNull();
}

const hostileZones = ZONES.map((z) => (z.id === 7 ? { ...z, name: HOSTILE } : z));

describe('hostile strings are shown as text', () => {
  it('in the territory tree and the search results', async () => {
    const t = tree();
    t.asl[0]!.zones[0]!.zone.name = HOSTILE;
    t.asl[0]!.zones[0]!.comuni[0]!.name = HOSTILE_2;
    fakeBackend({
      [commands.territoryTree]: () => t,
      [commands.comuneSearch]: () => [{ ...PISA, name: HOSTILE, zone_name: HOSTILE_2 }],
    });
    render(Territorio);
    const zone = await screen.findByTestId('zone-node-7');
    expect(zone.textContent).toContain(HOSTILE);
    await fireEvent.click(zone.querySelector('button')!);
    expect(zone.textContent).toContain(HOSTILE_2);

    await fireEvent.input(screen.getByTestId('comune-search'), { target: { value: 'x' } });
    const [result] = await screen.findAllByTestId('comune-result');
    expect(result!.textContent).toContain(HOSTILE);
    expect(result!.textContent).toContain(HOSTILE_2);
    expectInert();
  });

  it('on the comune page (name, zone, history, zone options)', async () => {
    const detail = pisaDetail({ name: HOSTILE, province_name: HOSTILE_2 });
    detail.zone!.zone_name = HOSTILE;
    detail.zone_history[1]!.source = HOSTILE_2;
    fakeBackend({ [commands.comuneGet]: () => detail, [commands.zoneList]: () => hostileZones });
    render(Comune, { istat: '050026' });
    expect((await screen.findByTestId('comune-name')).textContent).toBe(HOSTILE);
    expect(screen.getByTestId('comune-zone').textContent).toContain(HOSTILE);
    expect(screen.getByTestId('zone-history').textContent).toContain(HOSTILE_2);
    const select = (await screen.findByTestId('zone-select')) as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.textContent?.trim())).toContain(HOSTILE);
    expectInert();
  });

  it('on the zone management page', async () => {
    fakeBackend({ [commands.zoneList]: () => hostileZones });
    render(Zone);
    expect((await screen.findByTestId('zone-row-7')).textContent).toContain(HOSTILE);
    expectInert();
  });

  it('in the profile', async () => {
    fakeBackend({ [commands.profileGet]: () => ({ coordinator_name: HOSTILE, organisation: HOSTILE_2, configured: true }) });
    render(Impostazioni);
    expect(((await screen.findByTestId('profile-name')) as HTMLInputElement).value).toBe(HOSTILE);
    expect((screen.getByTestId('profile-org') as HTMLInputElement).value).toBe(HOSTILE_2);
    expectInert();
  });

  it('in a start-up error message and path', async () => {
    const error: ApiError = { kind: 'io', message: HOSTILE, details: [] };
    fakeBackend({ [commands.appStatus]: () => ({ ready: false, db_path: HOSTILE_2, error, first_run: false, notices: [] }) });
    render(App);
    const panel = await screen.findByTestId('startup-error');
    expect(panel.textContent).toContain(HOSTILE);
    expect(panel.textContent).toContain(HOSTILE_2);
    expectInert();
  });
});
