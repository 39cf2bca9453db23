import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import Toast from './Toast.svelte';

describe('Toast', () => {
  it('shows the message as text with its action and a close button', async () => {
    const run = vi.fn();
    const onclose = vi.fn();
    render(Toast, { message: '<b>Riunione</b> spostata', testid: 'moved', onclose, action: { label: 'Annulla', run, testid: 'moved-undo' } });
    const toast = screen.getByTestId('moved');
    expect(toast.getAttribute('role'), 'announced politely').toBe('status');
    expect(toast.textContent).toContain('<b>Riunione</b> spostata');
    expect(toast.querySelector('b'), 'the message is never markup').toBeNull();
    await fireEvent.click(screen.getByTestId('moved-undo'));
    expect(run).toHaveBeenCalledTimes(1);
    expect(onclose).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole('button', { name: 'Chiudi' }));
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it('has only the close button without an action', () => {
    render(Toast, { message: 'Fatto', testid: 'done', onclose: () => {} });
    expect(screen.getByTestId('done').querySelectorAll('button')).toHaveLength(1);
  });
});
