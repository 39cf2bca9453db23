import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { apiError, callsTo, fakeBackend } from '../../test/backend';
import ActionsExport from './ActionsExport.svelte';
import type { ActionFilter } from '../../lib/bindings/ActionFilter';
import { commands } from '../../lib/generated/commands';

const filter = { comune: '050026', due_window: 'overdue', offset: 400, limit: 200 } as unknown as ActionFilter;

describe('Esporta on the Azioni list', () => {
  it('exports every page of the current filter as XLSX and says how many went where', async () => {
    const calls = fakeBackend({ [commands.actionsExport]: () => ({ file_name: 'azioni.xlsx', path: '/tmp/azioni.xlsx', count: 2 }) });
    render(ActionsExport, { filter });
    await fireEvent.click(screen.getByTestId('actions-export-xlsx'));
    expect((await screen.findByTestId('actions-export-result')).textContent).toContain('Esportate 2 azioni in azioni.xlsx');
    expect(callsTo(calls, commands.actionsExport).map((c) => c.args), 'the filter without paging, and the format').toEqual([
      { filter: { comune: '050026', due_window: 'overdue', offset: 0, limit: 0 }, format: 'xlsx' },
    ]);
  });

  it('asks for CSV, and shows the error when writing fails', async () => {
    const calls = fakeBackend({
      [commands.actionsExport]: () => {
        throw apiError('io', 'permesso negato: /root/azioni.csv');
      },
    });
    render(ActionsExport, { filter });
    await fireEvent.click(screen.getByTestId('actions-export-csv'));
    const error = await screen.findByTestId('actions-export-error');
    expect(error.textContent).toContain('permesso negato');
    await waitFor(() => expect(callsTo(calls, commands.actionsExport)[0]?.args.format).toBe('csv'));
  });
});
