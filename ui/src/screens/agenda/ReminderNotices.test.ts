import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import type { Channel } from '@tauri-apps/api/core';
import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../lib/bindings/Reminder';
import { callsTo, fakeBackend } from '../../test/backend';
import { HOSTILE } from '../../test/contacts-fixtures';
import { meetingSummary } from '../../test/meeting-fixtures';
import ReminderNotices from './ReminderNotices.svelte';
import { commands } from '../../lib/generated/commands';

/** Renders the notices and returns a function that sends a reminder as the shell does. */
async function subscribed(): Promise<(r: Reminder) => void> {
  const calls = fakeBackend({ [commands.remindersWatch]: () => null });
  render(ReminderNotices);
  await waitFor(() => expect(callsTo(calls, commands.remindersWatch)).toHaveLength(1));
  const channel = callsTo(calls, commands.remindersWatch)[0]!.args.on_reminder as Channel<Reminder>;
  return (r) => channel.onmessage(r);
}

function reminder(id: number, over: Partial<Reminder['meeting']> = {}, left = 60): Reminder {
  const meeting = meetingSummary({ id, ...over });
  return { meeting, lead_minutes: left >= 1440 ? 1440 : 60, minutes_left: left, message: `Tra 1 ora: ${meeting.title}` };
}

describe('Promemoria nella finestra', () => {
  it('shows nothing until a reminder arrives, then the meeting with a link to its page', async () => {
    const send = await subscribed();
    expect(screen.queryByTestId('reminder-notice'), 'no empty box on screen').toBeNull();
    send(reminder(4, {}, 40));
    const notice = await screen.findByTestId('reminder-notice');
    expect(within(notice).getByRole('heading').textContent, 'the time actually left, not the lead').toBe('Promemoria: tra 40 minuti');
    expect(within(notice).getByTestId('reminder-meeting').textContent).toBe('Conferenza zonale dei sindaci – Zona Pisana');
    expect(notice.textContent).toContain('25/03/2027 alle 10:00 · Palazzo Gambacorti');
    expect(within(notice).getByTestId('reminder-open').getAttribute('href')).toBe('#/agenda/incontro/4');
  });

  it('shows a hostile title as text', async () => {
    const send = await subscribed();
    send(reminder(5, { title: HOSTILE, place: HOSTILE }, 1440));
    const notice = await screen.findByTestId('reminder-notice');
    expect(within(notice).getByTestId('reminder-meeting').textContent).toBe(HOSTILE);
    expect(within(notice).getByRole('heading').textContent).toBe('Promemoria: tra 1 giorno');
    expect(notice.querySelector('img, script'), 'no element is created from the title').toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('closes a notice, and following the link closes it too', async () => {
    const send = await subscribed();
    send(reminder(4));
    send(reminder(6, { title: 'Tavolo in Prefettura', all_day: true, place: '' }, 1440));
    await waitFor(() => expect(screen.getAllByTestId('reminder-notice')).toHaveLength(2));
    expect(screen.getAllByTestId('reminder-notice')[1]!.textContent).toContain('25/03/2027, giornata intera');
    await fireEvent.click(within(screen.getAllByTestId('reminder-notice')[0]!).getByTestId('reminder-close'));
    expect(screen.getAllByTestId('reminder-notice')).toHaveLength(1);
    await fireEvent.click(screen.getByTestId('reminder-open'));
    expect(screen.queryByTestId('reminder-notice')).toBeNull();
  });

  it('replaces an earlier reminder of the same meeting and counts those beyond three', async () => {
    const send = await subscribed();
    send(reminder(4, {}, 1440));
    send(reminder(4, {}, 60));
    await waitFor(() => expect(screen.getAllByTestId('reminder-notice')).toHaveLength(1));
    expect(screen.getByRole('heading').textContent, 'the nearer lead replaces the day-before one').toBe('Promemoria: tra 1 ora');
    for (const id of [7, 8, 9, 10]) send(reminder(id, { title: `Incontro ${id}` }));
    await waitFor(() => expect(screen.getByTestId('reminders-more').textContent).toContain('e altri 2 promemoria'));
    const shown = screen.getAllByTestId('reminder-meeting').map((e) => e.textContent);
    expect(shown, 'the newest three are shown').toEqual(['Incontro 8', 'Incontro 9', 'Incontro 10']);
    await fireEvent.click(within(screen.getByTestId('reminders-more')).getByRole('button', { name: 'Chiudi tutti' }));
    expect(screen.queryByTestId('reminders')).toBeNull();
  });
});
