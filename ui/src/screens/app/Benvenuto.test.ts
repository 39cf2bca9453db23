import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { apiError, callsTo, fakeBackend } from '../../test/backend';
import Benvenuto from './Benvenuto.svelte';
import { commands } from '../../lib/generated/commands';

const EMPTY = { coordinator_name: '', organisation: '', configured: false };

describe('Benvenuto (first run)', () => {
  it('explains what Raccordo does', async () => {
    fakeBackend({ [commands.profileGet]: () => EMPTY });
    render(Benvenuto, { ondone: vi.fn() });
    await screen.findByTestId('firstrun-name');
    const text = document.body.textContent ?? '';
    expect(text).toContain('Benvenuto in Raccordo');
    expect(text).toContain('conferenze dei sindaci');
    expect(text).toContain('verbali');
    expect(text).toContain('ricognizione SAI');
    expect(text).toContain('senza connessione');
  });

  it('validates both fields inline and does not save an empty profile', async () => {
    const calls = fakeBackend({ [commands.profileGet]: () => EMPTY });
    const ondone = vi.fn();
    render(Benvenuto, { ondone });
    const name = (await screen.findByTestId('firstrun-name')) as HTMLInputElement;
    await fireEvent.input(name, { target: { value: '   ' } });
    await fireEvent.click(screen.getByTestId('firstrun-submit'));

    expect(screen.getByTestId('firstrun-name-error').textContent).toContain('Scrivi il tuo nome e cognome.');
    expect(screen.getByTestId('firstrun-org-error').textContent).toContain('Scrivi l’ente');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby'), 'error is announced with the field').toBe('firstrun-name-error');
    await waitFor(() => expect(document.activeElement, 'focus goes to the first wrong field').toBe(name));
    expect(callsTo(calls, commands.profileSave)).toHaveLength(0);
    expect(ondone).not.toHaveBeenCalled();

    await fireEvent.input(name, { target: { value: 'Maria Rossi' } });
    expect(screen.queryByTestId('firstrun-name-error'), 'the error clears once corrected').toBeNull();
    expect(screen.getByTestId('firstrun-org-error')).toBeTruthy();
  });

  it('saves the trimmed profile and moves on', async () => {
    const calls = fakeBackend({
      [commands.profileGet]: () => EMPTY,
      [commands.profileSave]: (args) => ({ ...(args.input as object), configured: true }),
    });
    const ondone = vi.fn();
    render(Benvenuto, { ondone });
    await fireEvent.input(await screen.findByTestId('firstrun-name'), { target: { value: ' Maria Rossi ' } });
    await fireEvent.input(screen.getByTestId('firstrun-org'), { target: { value: 'ANCI Toscana' } });
    await fireEvent.click(screen.getByTestId('firstrun-submit'));

    await waitFor(() => expect(ondone).toHaveBeenCalledTimes(1));
    expect(callsTo(calls, commands.profileSave)[0]?.args).toEqual({
      input: { coordinator_name: 'Maria Rossi', organisation: 'ANCI Toscana' },
    });
  });

  it('shows the core’s validation details next to the right field', async () => {
    fakeBackend({
      [commands.profileGet]: () => EMPTY,
      [commands.profileSave]: () => {
        throw apiError('validation', 'Dati non validi', [
          { field: 'organisation', message: 'L’ente contiene caratteri non ammessi.' },
        ]);
      },
    });
    const ondone = vi.fn();
    render(Benvenuto, { ondone });
    await fireEvent.input(await screen.findByTestId('firstrun-name'), { target: { value: 'Maria Rossi' } });
    await fireEvent.input(screen.getByTestId('firstrun-org'), { target: { value: 'ANCI\u0007' } });
    await fireEvent.click(screen.getByTestId('firstrun-submit'));
    expect((await screen.findByTestId('firstrun-org-error')).textContent).toContain('caratteri non ammessi');
    expect(screen.queryByTestId('firstrun-name-error')).toBeNull();
    expect(ondone).not.toHaveBeenCalled();
  });

  it('shows other save errors with what to do', async () => {
    fakeBackend({
      [commands.profileGet]: () => EMPTY,
      [commands.profileSave]: () => {
        throw apiError('io', 'disk full');
      },
    });
    render(Benvenuto, { ondone: vi.fn() });
    await fireEvent.input(await screen.findByTestId('firstrun-name'), { target: { value: 'Maria Rossi' } });
    await fireEvent.input(screen.getByTestId('firstrun-org'), { target: { value: 'ANCI Toscana' } });
    await fireEvent.click(screen.getByTestId('firstrun-submit'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('disk full');
    expect(alert.textContent).toContain('Controlla lo spazio su disco');
  });
});
