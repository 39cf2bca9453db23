import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../lib/bindings/AuditEntry';
import type { AuditFilter } from '../../lib/bindings/AuditFilter';
import { apiError, callsTo, fakeBackend } from '../../test/backend';
import Registro from './Registro.svelte';
import { commands } from '../../lib/generated/commands';

const NONE: AuditFilter = { action: null, entity: null, from: null, to: null, text: null };
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

function entry(id: number, over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    at: '2026-11-26T09:30:00Z',
    action: 'create',
    entity: 'person',
    entity_id: String(id),
    summary: `Creata la persona ${id}`,
    details: null,
    ...over,
  };
}

function page(entries: AuditEntry[], total = entries.length, offset = 0) {
  return { total, offset, entries };
}

describe('Registro attività', () => {
  it('shows when, what, which record and the summary, with Italian labels and Rome time', async () => {
    const calls = fakeBackend({
      [commands.auditPage]: () => page([entry(2, { action: 'update', entity: 'organisation', summary: 'Modificato ente' }), entry(1)]),
      [commands.auditEntities]: () => ['organisation', 'person'],
    });
    render(Registro);
    const rows = await screen.findAllByTestId('audit-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('26/11/2026 10:30');
    expect(rows[0]?.textContent).toContain('Modifica');
    expect(rows[0]?.textContent).toContain('Organizzazione 2');
    expect(rows[0]?.textContent).toContain('Modificato ente');
    expect(screen.getByTestId('audit-range').textContent).toContain('Voci 1–2 di 2');
    expect(callsTo(calls, commands.auditPage)[0]?.args, 'exact IPC arguments').toEqual({ filter: NONE, offset: 0, limit: 50 });
    await waitFor(() => expect(screen.getByTestId('audit-filter-entity').textContent).toContain('Persona'));
  });

  it('shows hostile text as text, never as markup', async () => {
    fakeBackend({
      [commands.auditPage]: () => page([entry(1, { summary: HOSTILE, entity: HOSTILE, entity_id: HOSTILE })]),
      [commands.auditEntities]: () => [HOSTILE],
    });
    const { container } = render(Registro);
    const row = await screen.findByTestId('audit-row');
    expect(row.textContent).toContain(HOSTILE);
    expect(container.querySelector('img'), 'no element created from the text').toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('sends the filters to the core and starts again from the first page', async () => {
    const calls = fakeBackend({
      [commands.auditPage]: (args) => page([entry(1)], 120, args.offset as number),
      [commands.auditEntities]: () => ['person', 'role'],
    });
    render(Registro);
    await screen.findAllByTestId('audit-row');
    await fireEvent.click(screen.getByTestId('audit-next'));
    await waitFor(() => expect(callsTo(calls, commands.auditPage).at(-1)?.args.offset).toBe(50));
    await waitFor(() => expect(screen.getByTestId('audit-filter-entity').textContent).toContain('Incarico'));
    await fireEvent.change(screen.getByTestId('audit-filter-action'), { target: { value: 'delete' } });
    await fireEvent.change(screen.getByTestId('audit-filter-entity'), { target: { value: 'role' } });
    await fireEvent.input(screen.getByTestId('audit-filter-from'), { target: { value: '01/11/2026' } });
    await fireEvent.input(screen.getByTestId('audit-filter-to'), { target: { value: '30/11/2026' } });
    await fireEvent.input(screen.getByTestId('audit-filter-text'), { target: { value: ' Sindaco ' } });
    await waitFor(() =>
      expect(callsTo(calls, commands.auditPage).at(-1)?.args).toEqual({
        filter: { action: 'delete', entity: 'role', from: '2026-11-01', to: '2026-11-30', text: 'Sindaco' },
        offset: 0,
        limit: 50,
      }),
    );
  });

  it('exports the filtered entries through the save dialog and says where', async () => {
    const calls = fakeBackend({
      [commands.auditPage]: () => page([entry(1)]),
      [commands.auditEntities]: () => [],
      [commands.auditExport]: () => ({ file_name: 'registro-attivita.xlsx', path: '/home/g/registro-attivita.xlsx', count: 1 }),
    });
    render(Registro);
    await screen.findAllByTestId('audit-row');
    await fireEvent.change(screen.getByTestId('audit-filter-action'), { target: { value: 'export' } });
    await fireEvent.click(screen.getByTestId('audit-export-toggle'));
    await fireEvent.click(await screen.findByTestId('audit-export-xlsx'));
    const result = await screen.findByTestId('audit-export-result');
    expect(result.textContent).toContain('Esportata 1 voce in registro-attivita.xlsx');
    expect(callsTo(calls, commands.auditExport)[0]?.args).toEqual({ kind: 'xlsx', filter: { ...NONE, action: 'export' } });
  });

  it('says nothing when the dialog is cancelled, and shows an export error with its hint', async () => {
    let fail = false;
    fakeBackend({
      [commands.auditPage]: () => page([entry(1)]),
      [commands.auditEntities]: () => [],
      [commands.auditExport]: () => {
        if (fail) throw apiError('io', 'disco pieno');
        return null;
      },
    });
    render(Registro);
    await screen.findAllByTestId('audit-row');
    await fireEvent.click(screen.getByTestId('audit-export-toggle'));
    await fireEvent.click(await screen.findByTestId('audit-export-csv'));
    await waitFor(() => expect((screen.getByTestId('audit-export-toggle') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByTestId('audit-export-result')).toBeNull();
    expect(screen.queryByTestId('audit-export-error')).toBeNull();
    fail = true;
    await fireEvent.click(screen.getByTestId('audit-export-toggle'));
    await fireEvent.click(await screen.findByTestId('audit-export-json'));
    expect((await screen.findByTestId('audit-export-error')).textContent).toContain('disco pieno');
  });

  it('shows the load error with a retry', async () => {
    fakeBackend({ [commands.auditPage]: () => { throw apiError('database_locked', 'occupato'); }, [commands.auditEntities]: () => [] });
    render(Registro);
    expect(await screen.findByText('Impossibile leggere il registro attività.')).toBeTruthy();
  });
});
