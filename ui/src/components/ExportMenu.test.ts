import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { apiError } from '../test/backend';
import ExportMenu from './ExportMenu.svelte';

const CHOICES = [
  { id: 'xlsx', label: 'Excel (XLSX)', hint: 'date vere' },
  { id: 'csv', label: 'CSV' },
];
const BASE = { menuLabel: 'Formati', errorTitle: 'Esportazione non riuscita', closeLabel: 'Chiudi', testid: 'x' };

describe('ExportMenu (disclosed)', () => {
  it('shows the scope and choices only when opened, runs the chosen one and says where it went', async () => {
    const run = vi.fn(async (id: string) => `Esportato in elenco.${id}`);
    render(ExportMenu, { ...BASE, label: 'Esporta', runningLabel: 'Esportazione…', scope: 'Le righe filtrate', choices: CHOICES, run });
    expect(screen.queryByTestId('x-choices')).toBeNull();
    await fireEvent.click(screen.getByTestId('x-toggle'));
    const menu = await screen.findByTestId('x-choices');
    expect(menu.textContent).toContain('Le righe filtrate');
    expect(menu.textContent).toContain('date vere');
    expect(screen.getByTestId('x-csv').querySelector('.hint'), 'no empty hint').toBeNull();
    await fireEvent.click(screen.getByTestId('x-csv'));
    expect(run).toHaveBeenCalledWith('csv');
    expect((await screen.findByTestId('x-result')).textContent).toContain('Esportato in elenco.csv');
    expect(screen.queryByTestId('x-choices'), 'the menu closed').toBeNull();
  });
});

describe('ExportMenu (inline)', () => {
  it('shows every choice as a button, disabled while one runs, with the running label on it', async () => {
    let finish: (value: string | null) => void = () => {};
    const run = vi.fn(() => new Promise<string | null>((resolve) => (finish = resolve)));
    render(ExportMenu, { ...BASE, inline: true, runningLabel: 'Esportazione…', choices: CHOICES, run });
    expect(screen.queryByTestId('x-toggle'), 'no toggle').toBeNull();
    expect(screen.getByRole('group', { name: 'Formati' })).toBeTruthy();
    await fireEvent.click(screen.getByTestId('x-xlsx'));
    expect(screen.getByTestId('x-xlsx').textContent?.trim()).toBe('Esportazione…');
    expect((screen.getByTestId('x-csv') as HTMLButtonElement).disabled).toBe(true);
    finish(null);
    await waitFor(() => expect((screen.getByTestId('x-csv') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.getByTestId('x-xlsx').textContent?.trim()).toBe('Excel (XLSX)');
    expect(screen.queryByTestId('x-result'), 'a cancelled dialog says nothing').toBeNull();
  });

  it('shows the error of a failed export', async () => {
    const run = vi.fn(async () => {
      throw apiError('io', 'permesso negato');
    });
    render(ExportMenu, { ...BASE, inline: true, choices: CHOICES, run });
    await fireEvent.click(screen.getByTestId('x-csv'));
    const error = await screen.findByTestId('x-error');
    expect(error.textContent).toContain('Esportazione non riuscita');
    expect(error.textContent).toContain('permesso negato');
  });
});
