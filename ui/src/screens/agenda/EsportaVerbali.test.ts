import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import type { Channel } from '@tauri-apps/api/core';
import { describe, expect, it } from 'vitest';
import type { BatchItem } from '../../lib/bindings/BatchItem';
import type { BatchOutcome } from '../../lib/bindings/BatchOutcome';
import type { BatchPlan } from '../../lib/bindings/BatchPlan';
import type { BatchProgress } from '../../lib/bindings/BatchProgress';
import { todayIso } from '../../lib/format';
import { apiError, callsTo, fakeBackend, type Args } from '../../test/backend';
import { HOSTILE } from '../../test/contacts-fixtures';
import { ZONES } from '../../test/fixtures';
import EsportaVerbali from './EsportaVerbali.svelte';
import { minutesFormat } from './minutes-batch';
import { commands } from '../../lib/generated/commands';

function item(id: number, over: Partial<BatchItem> = {}): BatchItem {
  return {
    meeting_id: id,
    title: `Conferenza zonale ${id}`,
    date: '2027-03-02',
    kind_label: 'Conferenza zonale dei sindaci',
    scope_label: 'Zona Pisana',
    revision: 0,
    revision_open: false,
    ...over,
  };
}

function plan(items: BatchItem[], description = 'dal 01/01/2027 al 31/03/2027'): BatchPlan {
  return { count: items.length, items, description };
}

const TWO = plan([item(4), item(9, { title: HOSTILE, date: '2027-03-12', revision: 1, revision_open: true })]);

const OUTCOME: BatchOutcome = {
  target: 'zip',
  path: '/home/coord/verbali-2027.zip',
  name: 'verbali-2027.zip',
  count: 2,
  files: ['2027-03-02-Conferenza-zonale-4-v0.pdf', '2027-03-12-img-src-x-v1.pdf'],
};

/** A promise the test settles. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Esporta verbali', () => {
  it('previews the approved verbali of the period as text, with their version', async () => {
    const calls = fakeBackend({ [commands.zoneList]: () => ZONES, [commands.minutesBatchPreview]: () => TWO });
    render(EsportaVerbali);
    expect((await screen.findByTestId('batch-preview-count')).textContent).toBe('2 verbali approvati');
    const today = todayIso();
    expect(callsTo(calls, commands.minutesBatchPreview)[0]?.args, 'from 1 January of this year to today, no territory').toEqual({
      selection: { from: `${today.slice(0, 4)}-01-01`, to: today, asl: null, zone_id: null },
    });
    const rows = within(screen.getByTestId('batch-preview-list')).getAllByTestId('batch-preview-item');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('02/03/2027');
    expect(rows[0]!.textContent).toContain('Conferenza zonale 4');
    expect(rows[0]!.textContent).toContain('versione 0');
    expect(rows[1]!.textContent, 'a hostile title is shown literally').toContain(HOSTILE);
    expect(rows[1]!.querySelector('img, script'), 'and never becomes markup').toBeNull();
    expect(rows[1]!.textContent, 'an open revision says which version goes out').toContain('si esporta l’ultima versione approvata');
    expect(screen.getByText('Selezione: dal 01/01/2027 al 31/03/2027.')).toBeTruthy();
    expect((screen.getByTestId('batch-start') as HTMLButtonElement).disabled, 'ready to export').toBe(false);
  });

  it('asks again when ASL or zone change; a zone brings its ASL', async () => {
    const calls = fakeBackend({ [commands.zoneList]: () => ZONES, [commands.minutesBatchPreview]: () => TWO });
    render(EsportaVerbali);
    await screen.findByTestId('batch-preview-count');
    await waitFor(() => expect(screen.getByTestId('batch-zone').querySelectorAll('option')).toHaveLength(ZONES.length + 1));
    await fireEvent.change(screen.getByTestId('batch-zone'), { target: { value: '12' } });
    await waitFor(() =>
      expect(callsTo(calls, commands.minutesBatchPreview).at(-1)?.args.selection).toMatchObject({ asl: 'centro', zone_id: 12 }),
    );
    expect((screen.getByTestId('batch-asl') as HTMLSelectElement).value, 'the zone’s ASL is selected').toBe('centro');
    await fireEvent.change(screen.getByTestId('batch-asl'), { target: { value: 'nord-ovest' } });
    await waitFor(() =>
      expect(callsTo(calls, commands.minutesBatchPreview).at(-1)?.args.selection, 'a zone of another ASL is dropped').toMatchObject({
        asl: 'nord-ovest',
        zone_id: null,
      }),
    );
    const zoneNames = [...screen.getByTestId('batch-zone').querySelectorAll('option')].map((o) => o.textContent);
    expect(zoneNames, 'only the zones of the chosen ASL').toEqual(['Tutte le zone', 'Zona Pisana', 'Alta Val di Cecina - Val d’Era']);
  });

  it('explains an empty selection and offers no export', async () => {
    fakeBackend({ [commands.zoneList]: () => ZONES, [commands.minutesBatchPreview]: () => plan([], 'dal 01/01/2030 al 31/12/2030, Azienda USL Toscana sud-est') });
    render(EsportaVerbali);
    const empty = await screen.findByTestId('batch-empty');
    expect(empty.textContent).toContain('Nessun verbale approvato dal 01/01/2030 al 31/12/2030, Azienda USL Toscana sud-est');
    expect(empty.textContent, 'says how to get an approved verbale').toContain('pagina «Verbale»');
    expect((screen.getByTestId('batch-start') as HTMLButtonElement).disabled, 'nothing to export').toBe(true);
  });

  it('exports with progress and cancel, then shows where the verbali went', async () => {
    const run = deferred<BatchOutcome | null>();
    const calls = fakeBackend({
      [commands.zoneList]: () => ZONES,
      [commands.minutesBatchPreview]: () => TWO,
      [commands.minutesBatchExport]: () => run.promise,
      [commands.minutesBatchCancel]: () => null,
    });
    render(EsportaVerbali);
    await screen.findByTestId('batch-preview-count');
    await fireEvent.change(screen.getByTestId('batch-format'), { target: { value: 'pdfa' } });
    await fireEvent.click(screen.getByTestId('batch-target-zip'));
    await fireEvent.click(screen.getByTestId('batch-start'));
    await waitFor(() => expect(callsTo(calls, commands.minutesBatchExport)).toHaveLength(1));
    const args: Args = callsTo(calls, commands.minutesBatchExport)[0]!.args;
    expect(args.format, 'PDF/A is PDF with pdfa').toEqual({ kind: 'pdf', pdfa: true });
    expect(args.target).toBe('zip');
    expect(args.selection).toMatchObject({ asl: null, zone_id: null });
    const channel = args.on_progress as Channel<BatchProgress>;
    channel.onmessage({ done: 1, total: 2 });
    await waitFor(() => expect(screen.getByTestId('batch-progress').textContent).toContain('Esportazione in corso: 1 di 2'));
    expect((screen.getByTestId('batch-start') as HTMLButtonElement).disabled, 'one export at a time').toBe(true);
    await fireEvent.click(screen.getByTestId('batch-cancel'));
    await waitFor(() => expect(callsTo(calls, commands.minutesBatchCancel)).toHaveLength(1));
    expect(screen.getByTestId('batch-cancel').textContent).toContain('Annullamento…');
    run.resolve(OUTCOME);
    const outcome = await screen.findByTestId('batch-outcome');
    expect(outcome.textContent).toContain('Esportati 2 verbali in «verbali-2027.zip».');
    expect(outcome.textContent).toContain('/home/coord/verbali-2027.zip');
    expect(outcome.textContent).toContain('2027-03-12-img-src-x-v1.pdf');
    expect(screen.queryByTestId('batch-progress'), 'the progress bar goes away').toBeNull();
  });

  it('says a cancelled export wrote nothing, and shows an error with what to do', async () => {
    let answer: () => Promise<BatchOutcome | null> = () => Promise.reject(apiError('cancelled', 'L’esportazione dei verbali è stata annullata'));
    fakeBackend({
      [commands.zoneList]: () => ZONES,
      [commands.minutesBatchPreview]: () => TWO,
      [commands.minutesBatchExport]: () => answer(),
    });
    render(EsportaVerbali);
    await screen.findByTestId('batch-preview-count');
    await fireEvent.click(screen.getByTestId('batch-start'));
    expect((await screen.findByTestId('batch-cancelled')).textContent).toContain('non è stato scritto nessun file');
    expect(screen.queryByTestId('batch-error'), 'a cancel is not an error').toBeNull();

    answer = () => Promise.reject(apiError('io', `Operazione non riuscita sul file /media/chiavetta ${HOSTILE}`));
    await fireEvent.click(screen.getByTestId('batch-start'));
    const error = await screen.findByTestId('batch-error');
    expect(error.textContent).toContain('Esportazione non riuscita');
    expect(error.textContent, 'the core message, as text').toContain(HOSTILE);
    expect(error.querySelector('img, script')).toBeNull();
    expect(error.textContent, 'with the hint for the kind').toContain('spazio');

    answer = () => Promise.resolve(null);
    await fireEvent.click(screen.getByTestId('batch-start'));
    await waitFor(() => expect(screen.queryByTestId('batch-error')).toBeNull());
    expect(screen.queryByTestId('batch-outcome'), 'closing the dialog exports nothing and says nothing').toBeNull();
  });

  it('maps every format choice to the core’s format', () => {
    expect(minutesFormat('pdf')).toEqual({ kind: 'pdf', pdfa: false });
    expect(minutesFormat('docx')).toEqual({ kind: 'docx' });
    expect(minutesFormat('odt')).toEqual({ kind: 'odt' });
    expect(minutesFormat('md')).toEqual({ kind: 'md' });
    expect(minutesFormat('html')).toEqual({ kind: 'html' });
  });
});
