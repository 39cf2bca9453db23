import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { PersonFilter } from '../../lib/bindings/PersonFilter';
import { apiError, callsTo, fakeBackend, never } from '../../test/backend';
import ExportMenu from './ExportMenu.svelte';
import { commands } from '../../lib/generated/commands';

const ALL: PersonFilter = { search: null, organisation_id: null, istat_code: null, tag: null, on: null };
const SEARCH: PersonFilter = { ...ALL, search: 'sindaco pisa' };

async function open() {
  await fireEvent.click(screen.getByTestId('export-toggle'));
  return screen.findByTestId('export-choices');
}

describe('ExportMenu', () => {
  it('offers the three formats only when opened, and closes with Escape', async () => {
    fakeBackend({});
    render(ExportMenu, { filter: ALL });
    expect(screen.queryByTestId('export-choices'), 'closed at first').toBeNull();
    expect(screen.getByTestId('export-toggle').getAttribute('aria-expanded')).toBe('false');
    const choices = await open();
    expect(screen.getByTestId('export-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(choices.textContent).toContain('CSV per Excel italiano');
    expect(choices.textContent).toContain('Excel (XLSX)');
    expect(choices.textContent).toContain('vCard');
    expect(choices.textContent, 'says what is exported').toContain('tutte le persone');
    expect(document.activeElement, 'focus moves to the first format').toBe(screen.getByTestId('export-csv'));
    await fireEvent.keyDown(choices, { key: 'Escape' });
    expect(screen.queryByTestId('export-choices'), 'Escape closes the choices').toBeNull();
    expect(document.activeElement, 'focus returns to the button').toBe(screen.getByTestId('export-toggle'));
  });

  it('exports the list’s filter in the chosen format and says how many went where', async () => {
    const calls = fakeBackend({
      [commands.contactsExport]: () => ({ file_name: 'contatti-raccordo.xlsx', path: '/home/giulia/contatti-raccordo.xlsx', count: 1234 }),
    });
    render(ExportMenu, { filter: SEARCH });
    const choices = await open();
    expect(choices.textContent, 'the scope follows the search').toContain('«sindaco pisa»');
    await fireEvent.click(screen.getByTestId('export-xlsx'));
    const result = await screen.findByTestId('export-result');
    expect(result.textContent).toContain('Esportati 1.234 contatti in contatti-raccordo.xlsx');
    expect(screen.queryByTestId('export-choices'), 'the choices close once a format is picked').toBeNull();
    expect(callsTo(calls, commands.contactsExport)[0]?.args, 'kind and filter as the backend takes them').toEqual({
      kind: 'xlsx',
      filter: SEARCH,
    });
  });

  it('uses the singular for one contact', async () => {
    fakeBackend({ [commands.contactsExport]: () => ({ file_name: 'uno.vcf', path: '/tmp/uno.vcf', count: 1 }) });
    render(ExportMenu, { filter: ALL });
    await open();
    await fireEvent.click(screen.getByTestId('export-vcard'));
    expect((await screen.findByTestId('export-result')).textContent).toContain('Esportato 1 contatto in uno.vcf');
  });

  it('shows nothing when the save dialog is cancelled', async () => {
    const calls = fakeBackend({ [commands.contactsExport]: () => null });
    render(ExportMenu, { filter: ALL });
    await open();
    await fireEvent.click(screen.getByTestId('export-csv'));
    await waitFor(() => expect(callsTo(calls, commands.contactsExport)).toHaveLength(1));
    await waitFor(() => expect((screen.getByTestId('export-toggle') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByTestId('export-result'), 'no message after a cancel').toBeNull();
    expect(screen.queryByTestId('export-error'), 'a cancel is not an error').toBeNull();
  });

  it('is disabled while exporting', async () => {
    fakeBackend({ [commands.contactsExport]: () => never() });
    render(ExportMenu, { filter: ALL });
    await open();
    await fireEvent.click(screen.getByTestId('export-csv'));
    const toggle = screen.getByTestId('export-toggle') as HTMLButtonElement;
    await waitFor(() => expect(toggle.disabled, 'no second export while one runs').toBe(true));
    expect(toggle.textContent).toContain('Esportazione in corso');
  });

  it('shows the error with what to do and the program’s message', async () => {
    fakeBackend({
      [commands.contactsExport]: () => {
        throw apiError('io', 'impossibile scrivere /media/chiavetta/contatti.csv: spazio esaurito');
      },
    });
    render(ExportMenu, { filter: ALL });
    await open();
    await fireEvent.click(screen.getByTestId('export-csv'));
    const error = await screen.findByTestId('export-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('Esportazione non riuscita');
    expect(error.textContent, 'the hint for io errors').toContain('Controlla lo spazio su disco');
    expect(error.textContent).toContain('spazio esaurito');
  });

  it('shows a hostile file name as text', async () => {
    const name = '<img src=x onerror=window.__pwned=1>.csv';
    fakeBackend({ [commands.contactsExport]: () => ({ file_name: name, path: `/tmp/${name}`, count: 2 }) });
    const { container } = render(ExportMenu, { filter: ALL });
    await open();
    await fireEvent.click(screen.getByTestId('export-csv'));
    expect((await screen.findByTestId('export-result')).textContent).toContain(name);
    expect(container.querySelector('img'), 'no <img> element was created').toBeNull();
  });
});
