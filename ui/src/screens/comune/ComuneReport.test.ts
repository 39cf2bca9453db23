import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { callsTo, fakeBackend } from '../../test/backend';
import ComuneReport from './ComuneReport.svelte';
import { commands } from '../../lib/generated/commands';

describe('Scheda PDF on the comune page', () => {
  it('asks the shell for the report of this comune and says where it went', async () => {
    const calls = fakeBackend({
      [commands.comuneReportExport]: () => ({ file_name: 'scheda-comune-Pisa.pdf', path: '/tmp/s.pdf', count: 1 }),
    });
    render(ComuneReport, { istatCode: '050026', name: 'Pisa' });
    await fireEvent.click(screen.getByTestId('comune-report'));
    expect((await screen.findByTestId('comune-report-result')).textContent).toContain('scheda-comune-Pisa.pdf');
    expect(callsTo(calls, commands.comuneReportExport).map((c) => c.args)).toEqual([{ istat_code: '050026', name: 'Pisa' }]);
  });

  it('shows nothing when the dialog is cancelled', async () => {
    const calls = fakeBackend({ [commands.comuneReportExport]: () => null });
    render(ComuneReport, { istatCode: '050026', name: 'Pisa' });
    await fireEvent.click(screen.getByTestId('comune-report'));
    await waitFor(() => expect(callsTo(calls, commands.comuneReportExport)).toHaveLength(1));
    expect(screen.queryByTestId('comune-report-result')).toBeNull();
  });
});
