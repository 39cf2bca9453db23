import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from './App.svelte';
import { apiError, fakeBackend, never } from './test/backend';
import { pisaDetail, PROFILE, READY, tree } from './test/fixtures';
import { meetingSummary } from './test/meeting-fixtures';
import { commands } from './lib/generated/commands';

const shell = {
  [commands.territoryTree]: () => tree(),
  [commands.comuneSearch]: () => [],
  [commands.profileGet]: () => PROFILE,
  [commands.meetingUpcoming]: () => [],
  [commands.remindersWatch]: () => null,
  [commands.actionAlertsWatch]: () => null,
  [commands.actionOpenByAsl]: () => [],
  [commands.actionCounts]: () => ({ open: 0, in_progress: 0, waiting: 0, done: 0, cancelled: 0, overdue: 0, due_today: 0 }),
  [commands.recentChanges]: () => [],
};

describe('App start-up', () => {
  it('shows a loading state while asking app_status', () => {
    fakeBackend({ [commands.appStatus]: () => never() });
    render(App);
    expect(screen.getByRole('status').textContent).toContain('Avvio di Raccordo');
  });

  it('shows the start-up error when the database cannot be opened', async () => {
    fakeBackend({
      [commands.appStatus]: () => ({
        ready: false,
        db_path: '/home/maria/.local/share/raccordo/raccordo.sqlite',
        error: apiError('database_too_new', 'Il database ha la versione 9; questa versione di Raccordo gestisce fino alla 1.'),
        first_run: false,
        notices: [],
      }),
    });
    render(App);
    const panel = await screen.findByTestId('startup-error');
    const text = panel.textContent ?? '';
    expect(text).toContain('Impossibile aprire il database');
    expect(text).toContain('Il database ha la versione 9');
    expect(text).toContain('/home/maria/.local/share/raccordo/raccordo.sqlite');
    expect(text).toContain('Il file non è stato modificato.');
    expect(text, 'what to do for a newer database').toContain('Installa l’ultima versione di Raccordo');
    expect(screen.queryByTestId('nav-territorio'), 'no app behind the error').toBeNull();
  });

  it('gives advice that fits a damaged database', async () => {
    fakeBackend({
      [commands.appStatus]: () => ({ ready: false, db_path: '/tmp/r.sqlite', error: apiError('database_corrupt', 'file is not a database'), first_run: false, notices: [] }),
    });
    render(App);
    const panel = await screen.findByTestId('startup-error');
    expect(panel.textContent).toContain('Non cancellarlo');
    expect(panel.textContent).toContain('raccordo restore FILE');
  });

  it('reports a backend that cannot be reached at all', async () => {
    fakeBackend({ [commands.appStatus]: () => { throw 'IPC unavailable'; } });
    render(App);
    const panel = await screen.findByTestId('startup-error');
    expect(panel.textContent).toContain('Impossibile avviare Raccordo');
    expect(panel.textContent).toContain('IPC unavailable');
  });

  it('opens the welcome screen on first run, then Territorio', async () => {
    fakeBackend({
      ...shell,
      [commands.appStatus]: () => ({ ...READY, first_run: true }),
      [commands.profileGet]: () => ({ coordinator_name: '', organisation: '', configured: false }),
      [commands.profileSave]: (args) => ({ ...(args.input as object), configured: true }),
    });
    render(App);
    await fireEvent.input(await screen.findByTestId('firstrun-name'), { target: { value: 'Maria Rossi' } });
    expect(location.hash).toBe('#/benvenuto');
    expect(screen.queryByTestId('nav-territorio'), 'no sidebar during first run').toBeNull();
    await fireEvent.input(screen.getByTestId('firstrun-org'), { target: { value: 'ANCI Toscana' } });
    await fireEvent.click(screen.getByTestId('firstrun-submit'));
    await screen.findByTestId('asl-node-nord-ovest');
    expect(location.hash).toBe('#/territorio');
  });

  it('opens Territorio with a sidebar of only the working areas', async () => {
    fakeBackend({ ...shell, [commands.appStatus]: () => READY });
    render(App);
    await screen.findByTestId('asl-node-nord-ovest');
    const nav = screen.getByRole('navigation', { name: 'Navigazione principale' });
    const links = within(nav).getAllByRole('link').map((a) => a.textContent?.trim());
    expect(links).toEqual(['Territorio', 'Agenda', 'Contatti', 'Azioni', 'Ricognizione SAI', 'Impostazioni', 'Informazioni']);
    expect(screen.getByTestId('nav-territorio').getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('main')).toBeTruthy();
  });

  it('follows the hash to the other screens', async () => {
    fakeBackend({ ...shell, [commands.appStatus]: () => READY });
    render(App);
    await screen.findByTestId('asl-node-nord-ovest');
    location.hash = '#/impostazioni';
    await screen.findByTestId('profile-name');
    expect(screen.getByTestId('nav-impostazioni').getAttribute('aria-current')).toBe('page');
    location.hash = '#/nowhere';
    expect((await screen.findByTestId('not-found')).textContent).toContain('/nowhere');
  });

  it('focuses the comune search with / and Ctrl+K, from any screen', async () => {
    fakeBackend({ ...shell, [commands.appStatus]: () => READY });
    history.replaceState(null, '', '#/impostazioni');
    render(App);
    await screen.findByTestId('profile-name');

    await fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true });
    const search = await screen.findByTestId('comune-search');
    await waitFor(() => expect(document.activeElement, 'Ctrl+K lands in the search box').toBe(search));
    expect(location.hash).toBe('#/territorio');

    search.blur();
    await fireEvent.keyDown(document.body, { key: '/' });
    await waitFor(() => expect(document.activeElement, '/ lands in the search box').toBe(search));
  });

  it('does not steal / while the coordinator types in a field', async () => {
    fakeBackend({ ...shell, [commands.appStatus]: () => READY });
    history.replaceState(null, '', '#/impostazioni');
    render(App);
    const org = await screen.findByTestId('profile-org');
    org.focus();
    const event = new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true });
    org.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(location.hash).toBe('#/impostazioni');
  });

  it('after following a link inside the page, focus goes to the main region, not back to the top', async () => {
    fakeBackend({
      ...shell,
      [commands.appStatus]: () => READY,
      [commands.comuneGet]: () => pisaDetail(),
      [commands.zoneList]: () => [],
    });
    render(App);
    const zone = await screen.findByTestId('zone-node-7');
    await fireEvent.click(within(zone).getByRole('button'));
    const link = within(zone).getByText('Pisa');
    link.focus();
    link.click();
    await screen.findByTestId('comune-name');
    expect(location.hash).toBe('#/comune/050026');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('main')));
  });

  it('tells the coordinator what the start-up check did (a damaged database replaced by a backup)', async () => {
    const message =
      'Il database risultava danneggiato: è stato conservato come raccordo.damaged-20261126.sqlite ed è stato ripristinato il backup del 25/11/2026.';
    fakeBackend({ ...shell, [commands.appStatus]: () => ({ ...READY, notices: [message] }) });
    render(App);
    const notice = await screen.findByTestId('startup-notice');
    expect(notice.textContent).toContain(message);
    await fireEvent.click(within(notice).getByRole('button'));
    expect(screen.queryByTestId('startup-notice'), 'the notice can be dismissed').toBeNull();
  });

  it('shows no start-up notice after a normal start', async () => {
    fakeBackend({ ...shell, [commands.appStatus]: () => READY });
    render(App);
    await screen.findByTestId('nav-territorio');
    expect(screen.queryByTestId('startup-notice')).toBeNull();
  });

  it('subscribes to reminders once the app is ready and shows them over any screen', async () => {
    const calls = fakeBackend({ ...shell, [commands.appStatus]: () => READY });
    render(App);
    await screen.findByTestId('asl-node-nord-ovest');
    await waitFor(() => expect(calls.filter((c) => c.cmd === commands.remindersWatch)).toHaveLength(1));
    const channel = calls.find((c) => c.cmd === commands.remindersWatch)!.args.on_reminder as { onmessage: (r: unknown) => void };
    channel.onmessage({ meeting: meetingSummary({ id: 3 }), lead_minutes: 60, minutes_left: 58, message: 'Tra 58 minuti: …' });
    const notice = await screen.findByTestId('reminder-notice');
    expect(notice.textContent).toContain('Promemoria: tra 58 minuti');
    expect(screen.getByTestId('asl-node-nord-ovest'), 'the screen underneath stays').toBeTruthy();
  });
});
