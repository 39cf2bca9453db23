import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { apiError, callsTo, fakeBackend } from '../../test/backend';
import { pisaDetail } from '../../test/fixtures';
import { COVERED_PAGE, HOSTILE, page, record } from '../../test/sai-fixtures';
import SaiSection from './SaiSection.svelte';
import { commands } from '../../lib/generated/commands';

describe('Ricognizione SAI (scheda comune)', () => {
  it('shows the status, facts and dated history, hostile text as text', async () => {
    const calls = fakeBackend({ [commands.saiComune]: () => page('interested') });
    render(SaiSection, { detail: pisaDetail(), onupdate: () => {} });
    const section = await screen.findByTestId('comune-sai');
    await waitFor(() => expect(screen.getByTestId('sai-own-status').textContent).toBe('interessato'));
    expect(callsTo(calls, commands.saiComune)[0]!.args).toEqual({ istat_code: '050026' });
    expect(screen.getByTestId('sai-status').textContent).toContain('dal 01/02/2025');
    expect(screen.getByTestId('sai-places').textContent).toContain('10 ordinari · 2 DM-DS · 5 MSNA');
    expect(screen.getByTestId('sai-next-step').textContent).toContain('Delibera di giunta — entro il 30/06/2025');
    expect(section.textContent, 'hostile gestore shown literally').toContain(`Cooperativa ${HOSTILE}`);
    expect(section.querySelectorAll('img'), 'no element made from data').toHaveLength(0);
    const items = within(screen.getByTestId('sai-history')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '01/02/2025 interessato in conferenza (telefonata)',
      '05/11/2024 informato (Conferenza zonale (05/11/2024))',
    ]);
  });

  it('says when the comune is covered through its Unione, distinctly from an own project', async () => {
    fakeBackend({ [commands.saiComune]: () => COVERED_PAGE });
    render(SaiSection, { detail: { ...pisaDetail(), istat_code: '050008', name: 'Cascina' }, onupdate: () => {} });
    const status = await screen.findByTestId('sai-status');
    await waitFor(() => expect(status.textContent).toContain(`Coperto tramite Unione Valdera ${HOSTILE}: progetto attivo.`));
    expect(screen.queryByTestId('sai-own-status'), 'no own status').toBeNull();
    expect(document.querySelectorAll('img')).toHaveLength(0);
  });

  it('records a new status from the "Cambia stato" form and reloads', async () => {
    let current = page(null);
    const calls = fakeBackend({
      [commands.saiComune]: () => current,
      [commands.saiSetStatus]: () => {
        current = page('active');
        return record('active');
      },
    });
    render(SaiSection, { detail: pisaDetail(), onupdate: () => {} });
    expect((await screen.findByTestId('sai-none')).textContent).toContain('Nessuna scheda di ricognizione per Pisa');
    await fireEvent.click(screen.getByTestId('sai-change'));
    const select = screen.getByTestId('sai-form-status') as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: 'active' } });
    const on = screen.getByTestId('sai-form-on') as HTMLInputElement;
    await fireEvent.input(on, { target: { value: '15/01/2025' } });
    await fireEvent.input(screen.getByTestId('sai-form-note'), { target: { value: 'progetto avviato' } });
    await fireEvent.input(screen.getByTestId('sai-form-source'), { target: { value: 'delibera n. 5' } });
    await fireEvent.click(screen.getByTestId('sai-form-save'));
    await waitFor(() => expect(screen.getByTestId('sai-saved').textContent).toBe('Stato registrato: progetto attivo.'));
    expect(callsTo(calls, commands.saiSetStatus)[0]!.args).toEqual({
      org_id: 12,
      input: { status: 'active', on: '2025-01-15', note: 'progetto avviato', source_meeting_id: null, source_person_id: null, source_text: 'delibera n. 5' },
    });
    expect(callsTo(calls, commands.saiComune), 'reloaded after saving').toHaveLength(2);
    await waitFor(() => expect(screen.getByTestId('sai-own-status').textContent).toBe('progetto attivo'));
  });

  it('shows the field error the core returns', async () => {
    fakeBackend({
      [commands.saiComune]: () => page('interested'),
      [commands.saiSetStatus]: () => {
        throw apiError('validation', 'La data dello stato non può essere nel futuro.', [{ field: 'on', message: 'La data dello stato non può essere nel futuro.' }]);
      },
    });
    render(SaiSection, { detail: pisaDetail(), onupdate: () => {} });
    await fireEvent.click(await screen.findByTestId('sai-change'));
    await fireEvent.click(screen.getByTestId('sai-form-save'));
    expect(await screen.findByText('La data dello stato non può essere nel futuro.')).toBeTruthy();
    expect((screen.getByTestId('sai-form-on') as HTMLInputElement).getAttribute('aria-invalid')).toBe('true');
  });
});
