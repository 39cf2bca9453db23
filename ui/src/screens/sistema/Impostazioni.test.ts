import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { LOCALE_STORAGE_KEY } from '../../lib/i18n/index.svelte';
import { callsTo, fakeBackend } from '../../test/backend';
import { PROFILE } from '../../test/fixtures';
import Impostazioni from './Impostazioni.svelte';
import { commands } from '../../lib/generated/commands';

describe('Impostazioni', () => {
  it('edits and saves the profile', async () => {
    const calls = fakeBackend({
      [commands.profileGet]: () => PROFILE,
      [commands.profileSave]: (args) => ({ ...(args.input as object), configured: true }),
    });
    render(Impostazioni);
    const name = (await screen.findByTestId('profile-name')) as HTMLInputElement;
    expect(name.value).toBe('Maria Rossi');
    expect((screen.getByTestId('profile-org') as HTMLInputElement).value).toBe('ANCI Toscana');

    await fireEvent.input(screen.getByTestId('profile-org'), { target: { value: 'Regione Toscana' } });
    await fireEvent.click(screen.getByTestId('profile-save'));
    await waitFor(() => expect(screen.getByText('Profilo salvato.')).toBeTruthy());
    expect(callsTo(calls, commands.profileSave)[0]?.args).toEqual({
      input: { coordinator_name: 'Maria Rossi', organisation: 'Regione Toscana' },
    });
  });

  it('switches the language and remembers it', async () => {
    fakeBackend({ [commands.profileGet]: () => PROFILE });
    render(Impostazioni);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Impostazioni');
    await fireEvent.click(screen.getByTestId('locale-en'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Settings');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect((screen.getByTestId('locale-en') as HTMLInputElement).checked).toBe(true);
    await fireEvent.click(screen.getByTestId('locale-it'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Impostazioni');
  });
});
