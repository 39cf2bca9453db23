import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { callsTo, fakeBackend } from '../../test/backend';
import { HOSTILE } from '../../test/contacts-fixtures';
import { meetingSummary } from '../../test/meeting-fixtures';
import UpcomingPanel, { UPCOMING_DAYS } from './UpcomingPanel.svelte';
import { commands } from '../../lib/generated/commands';

describe('Prossimi incontri', () => {
  it('lists the next two weeks, each linking to its meeting', async () => {
    const calls = fakeBackend({
      [commands.meetingUpcoming]: () => [meetingSummary(), meetingSummary({ id: 2, title: HOSTILE, all_day: true, start: '2027-03-26T00:00:00', end: '2027-03-27T00:00:00' })],
    });
    render(UpcomingPanel);
    const links = await screen.findAllByTestId('upcoming-meeting');
    expect(callsTo(calls, commands.meetingUpcoming)[0]!.args).toEqual({ days: UPCOMING_DAYS });
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#/agenda/incontro/1', '#/agenda/incontro/2']);
    expect(links[0]!.textContent).toContain('gio 25 · 10:00');
    expect(links[0]!.textContent).toContain('Zona Pisana');
    expect(links[1]!.textContent).toContain('tutto il giorno');
    expect(links[1]!.textContent, 'user text is shown as text').toContain(HOSTILE);
    expect(document.querySelector('[data-testid="upcoming"] img')).toBeNull();
  });

  it('says how to create a meeting when none is coming', async () => {
    fakeBackend({ [commands.meetingUpcoming]: () => [] });
    render(UpcomingPanel);
    const empty = await screen.findByTestId('upcoming-empty');
    expect(empty.textContent).toContain('Nessun incontro nei prossimi 14 giorni');
    expect(empty.textContent).toContain('apri l’Agenda e fai clic sul giorno');
  });
});
