import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import type { Channel } from '@tauri-apps/api/core';
import { describe, expect, it } from 'vitest';
import type { ActionCounts } from '../../lib/bindings/ActionCounts';
import { callsTo, fakeBackend } from '../../test/backend';
import { counts } from '../../test/action-fixtures';
import ActionAlert from './ActionAlert.svelte';
import { commands } from '../../lib/generated/commands';

async function subscribed(): Promise<(c: ActionCounts) => void> {
  const calls = fakeBackend({ [commands.actionAlertsWatch]: () => null });
  render(ActionAlert);
  await waitFor(() => expect(callsTo(calls, commands.actionAlertsWatch)).toHaveLength(1));
  const channel = callsTo(calls, commands.actionAlertsWatch)[0]!.args.on_alert as Channel<ActionCounts>;
  return (c) => channel.onmessage(c);
}

describe('Avviso giornaliero delle azioni', () => {
  it('shows nothing until the shell sends the counts, then links to the overdue view', async () => {
    const send = await subscribed();
    expect(screen.queryByTestId('action-alert')).toBeNull();
    send(counts({ overdue: 3, due_today: 1 }));
    expect((await screen.findByTestId('action-alert-text')).textContent!.trim()).toBe('3 azioni in ritardo, 1 in scadenza oggi');
    expect(screen.getByTestId('action-alert-open').getAttribute('href')).toBe('#/azioni?scadenza=overdue');
    await fireEvent.click(screen.getByTestId('action-alert-close'));
    expect(screen.queryByTestId('action-alert')).toBeNull();
  });

  it('with only actions due today, links to them', async () => {
    const send = await subscribed();
    send(counts({ due_today: 1 }));
    expect((await screen.findByTestId('action-alert-text')).textContent!.trim()).toBe('1 azione in scadenza oggi');
    expect(screen.getByTestId('action-alert-open').getAttribute('href')).toBe('#/azioni?scadenza=today');
  });
});
