import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { setLocale } from '../../lib/i18n/index.svelte';
import { apiError, callsTo, fakeBackend } from '../../test/backend';
import { PROFILE } from '../../test/fixtures';
import Impostazioni from '../sistema/Impostazioni.svelte';
import ReminderSettings from './ReminderSettings.svelte';
import { leadLabel, leadsSummary } from './reminders';
import { commands } from '../../lib/generated/commands';

function box(lead: number): HTMLInputElement {
  return screen.getByTestId(`reminder-lead-${lead}`) as HTMLInputElement;
}

describe('Promemoria degli incontri (Impostazioni)', () => {
  it('shows the stored leads checked and saves the new choice', async () => {
    const calls = fakeBackend({
      [commands.reminderSettingsGet]: () => ({ leads_minutes: [1440, 60] }),
      [commands.reminderSettingsSave]: (args) => ({ leads_minutes: [...(args.input as { leads_minutes: number[] }).leads_minutes].sort((a, b) => b - a) }),
    });
    render(ReminderSettings);
    await screen.findByTestId('reminder-lead-1440');
    expect([1440, 120, 60, 30, 15].map((l) => box(l).checked)).toEqual([true, false, true, false, false]);
    expect(screen.getByText('1 giorno prima')).toBeTruthy();
    expect(screen.getByText('15 minuti prima')).toBeTruthy();
    expect(screen.getByTestId('reminder-summary').textContent).toBe('Ora ricevi un promemoria 1 giorno prima e 1 ora prima.');

    await fireEvent.click(box(60));
    await fireEvent.click(box(15));
    await fireEvent.click(screen.getByTestId('reminders-save'));
    await screen.findByTestId('reminders-saved');
    expect(callsTo(calls, commands.reminderSettingsSave)[0]!.args).toEqual({ input: { leads_minutes: [1440, 15] } });
    expect(screen.getByTestId('reminder-summary').textContent).toBe('Ora ricevi un promemoria 1 giorno prima e 15 minuti prima.');
  });

  it('turns reminders off when every box is empty, and says so', async () => {
    const calls = fakeBackend({
      [commands.reminderSettingsGet]: () => ({ leads_minutes: [60] }),
      [commands.reminderSettingsSave]: () => ({ leads_minutes: [] }),
    });
    render(ReminderSettings);
    await screen.findByTestId('reminder-lead-60');
    await fireEvent.click(box(60));
    await fireEvent.click(screen.getByTestId('reminders-save'));
    await waitFor(() => expect(screen.getByTestId('reminder-summary').textContent).toContain('Promemoria disattivati'));
    expect(callsTo(calls, commands.reminderSettingsSave)[0]!.args).toEqual({ input: { leads_minutes: [] } });
  });

  it('keeps a lead set from the CLI visible instead of dropping it on save', async () => {
    fakeBackend({ [commands.reminderSettingsGet]: () => ({ leads_minutes: [2880, 90] }) });
    render(ReminderSettings);
    await screen.findByTestId('reminder-lead-2880');
    expect(box(2880).checked).toBe(true);
    expect(box(90).checked).toBe(true);
    expect(screen.getByText('2 giorni prima')).toBeTruthy();
    expect(screen.getByText('1 ora e 30 minuti prima')).toBeTruthy();
  });

  it('shows the core’s validation message', async () => {
    fakeBackend({
      [commands.reminderSettingsGet]: () => ({ leads_minutes: [1440, 120, 60, 30, 15] }),
      [commands.reminderSettingsSave]: () => {
        throw apiError('validation', 'validation failed', [{ field: 'leads_minutes', message: 'Al massimo 5 promemoria per incontro.' }]);
      },
    });
    render(ReminderSettings);
    await screen.findByTestId('reminder-lead-15');
    await fireEvent.click(screen.getByTestId('reminders-save'));
    expect((await screen.findByTestId('reminder-error')).textContent).toBe('Al massimo 5 promemoria per incontro.');
    expect(screen.queryByTestId('reminders-saved')).toBeNull();
  });

  it('explains a load failure with a retry', async () => {
    let fail = true;
    fakeBackend({
      [commands.reminderSettingsGet]: () => {
        if (fail) throw apiError('database_locked', 'Il database è occupato.');
        return { leads_minutes: [60] };
      },
    });
    render(ReminderSettings);
    expect((await screen.findByRole('alert')).textContent).toContain('Impossibile leggere le impostazioni dei promemoria.');
    fail = false;
    await fireEvent.click(screen.getByRole('button', { name: 'Riprova' }));
    await screen.findByTestId('reminder-lead-60');
  });

  it('is a section of Impostazioni', async () => {
    fakeBackend({ [commands.profileGet]: () => PROFILE, [commands.reminderSettingsGet]: () => ({ leads_minutes: [1440, 60] }) });
    render(Impostazioni);
    expect(await screen.findByRole('heading', { name: 'Promemoria degli incontri' })).toBeTruthy();
    await screen.findByTestId('reminder-lead-1440');
  });
});

describe('lead words', () => {
  it('match the core’s lead_label, in both languages', () => {
    expect(leadLabel(1)).toBe('1 minuto');
    expect(leadLabel(90)).toBe('1 ora e 30 minuti');
    expect(leadLabel(1440)).toBe('1 giorno');
    expect(leadLabel(2880 + 120)).toBe('2 giorni e 2 ore');
    expect(leadsSummary([60, 1440])).toBe('1 giorno prima e 1 ora prima');
    setLocale('en');
    expect(leadLabel(90)).toBe('1 hour and 30 minutes');
    expect(leadsSummary([15])).toBe('15 minutes before');
  });
});
