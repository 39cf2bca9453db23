import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ContactImportReport } from '../../lib/bindings/ContactImportReport';
import type { ImportPick } from '../../lib/bindings/ImportPick';
import { apiError, callsTo, fakeBackend, never } from '../../test/backend';
import Importa from './Importa.svelte';
import { commands } from '../../lib/generated/commands';

const HOSTILE = '<img src=x onerror=window.__pwned=1>';

function csvPick(overrides: Partial<NonNullable<ImportPick['preview']['csv']>> = {}): ImportPick {
  return {
    token: 7,
    preview: {
      file_name: 'rubrica sindaci.csv',
      kind: 'csv',
      cards: 0,
      card_issues: [],
      csv: {
        encoding: 'windows1252',
        separator: ';',
        headers: ['Nome', 'Cognome', 'Email', 'Telefono', 'Telefono', 'Qualifica'],
        rows: [
          ['Niccolò', 'Bianchi', 'n.bianchi@comune.pisa.it', '050 910111', '', 'Sindaco'],
          ['Anna', 'D’Angelo', '', '', '333 1234567', 'Assessora'],
          ['Luca', 'Neri', 'l.neri@comune.it', '055 123', '', ''],
        ],
        total_rows: 3,
        suggested: [
          ['Nome', 'given_name'],
          ['Cognome', 'family_name'],
          ['Email', 'email'],
          ['Telefono', 'phone'],
          ['Qualifica', 'title'],
        ],
        ...overrides,
      },
    },
  };
}

function report(overrides: Partial<ContactImportReport['report']> = {}, counts: Partial<ContactImportReport> = {}): ContactImportReport {
  return {
    report: { file: 'rubrica sindaci.csv', dry_run: true, rows_read: 3, rows_ok: 3, rejected: [], applied: false, ...overrides },
    created: 2,
    updated: 1,
    organisations_created: 1,
    roles_created: 2,
    rows: [],
    ...counts,
  };
}

const REJECTED = [
  { line: 4, message: 'manca il nome, l’ente o l’indirizzo e-mail' },
  { line: 9, message: 'l’indirizzo e-mail «mario@» non è valido' },
];

async function pickFile() {
  await fireEvent.click(screen.getByTestId('import-pick'));
  return screen.findByTestId('import-mapping');
}

function selects(): HTMLSelectElement[] {
  return within(screen.getByTestId('import-mapping')).getAllByRole('combobox') as HTMLSelectElement[];
}

describe('Importa contatti', () => {
  it('explains the import and stays put when the dialog is cancelled', async () => {
    const calls = fakeBackend({ [commands.contactsImportPick]: () => null });
    render(Importa);
    expect(screen.getByRole('heading', { name: 'Importa contatti' })).toBeTruthy();
    expect(screen.getByText(/salva tutto oppure niente/), 'the all-or-nothing rule is explained').toBeTruthy();
    await fireEvent.click(screen.getByTestId('import-pick'));
    await waitFor(() => expect(callsTo(calls, commands.contactsImportPick)).toHaveLength(1));
    await waitFor(() => expect((screen.getByTestId('import-pick') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByTestId('import-file'), 'no file summary after a cancel').toBeNull();
    expect(screen.queryByTestId('load-error'), 'a cancel is not an error').toBeNull();
    expect(screen.getByTestId('import-pick').textContent).toContain('Scegli file…');
  });

  it('shows the file, its encoding and separator, and one mapping row per distinct header', async () => {
    fakeBackend({ [commands.contactsImportPick]: () => csvPick() });
    render(Importa);
    await pickFile();
    expect(screen.getByTestId('import-file-name').textContent).toBe('rubrica sindaci.csv');
    expect(screen.getByTestId('import-file-kind').textContent).toContain('CSV');
    expect(screen.getByTestId('import-file-encoding').textContent).toContain('Windows-1252');
    expect(screen.getByTestId('import-file-separator').textContent).toContain('punto e virgola');

    const headers = screen.getAllByTestId('mapping-header').map((h) => h.textContent);
    expect(headers, 'the repeated "Telefono" column gets a single row').toEqual(['Nome', 'Cognome', 'Email', 'Telefono', 'Qualifica']);
    const samples = screen.getAllByTestId('mapping-samples').map((s) => s.textContent ?? '');
    expect(samples[0], 'two samples from the first rows').toContain('Niccolò');
    expect(samples[0]).toContain('Anna');
    expect(samples[0], 'at most two samples').not.toContain('Luca');
    expect(samples[2], 'blank cells are skipped').toContain('l.neri@comune.it');
    expect(screen.getAllByTestId('mapping-row')[3]?.textContent, 'samples of a repeated header come from its first column').toContain('050 910111');
  });

  it('preselects every column with the suggested field, in Italian', async () => {
    fakeBackend({ [commands.contactsImportPick]: () => csvPick() });
    render(Importa);
    await pickFile();
    expect(selects().map((s) => s.value)).toEqual(['given_name', 'family_name', 'email', 'phone', 'title']);
    const labels = Array.from(selects()[0]!.options).map((o) => o.textContent?.trim());
    expect(labels).toEqual([
      'Nome',
      'Cognome',
      'Nome e cognome',
      'Titolo onorifico',
      'E-mail',
      'Telefono',
      'Ente',
      'Carica/qualifica',
      'Comune',
      'Note',
      'Etichette',
      'Non importare',
    ]);
    expect(selects()[4]?.getAttribute('aria-label'), 'each select names its column').toContain('«Qualifica»');
  });

  it('sends the changed mapping as [header, field] pairs on the dry run', async () => {
    const calls = fakeBackend({ [commands.contactsImportPick]: () => csvPick(), [commands.contactsImportRun]: () => report() });
    render(Importa);
    await pickFile();
    await fireEvent.change(selects()[4]!, { target: { value: 'ignore' } });
    await fireEvent.change(selects()[0]!, { target: { value: 'full_name' } });
    await fireEvent.click(screen.getByTestId('import-dry-run'));
    await screen.findByTestId('import-report');
    expect(callsTo(calls, commands.contactsImportRun)[0]?.args).toEqual({
      token: 7,
      mapping: [
        ['Nome', 'full_name'],
        ['Cognome', 'family_name'],
        ['Email', 'email'],
        ['Telefono', 'phone'],
        ['Qualifica', 'ignore'],
      ],
      dry_run: true,
    });
  });

  it('renders the dry-run report with the counts and every rejected line', async () => {
    fakeBackend({
      [commands.contactsImportPick]: () => csvPick(),
      [commands.contactsImportRun]: () => report({ rows_read: 12, rows_ok: 10, rejected: REJECTED }, { created: 8, updated: 2 }),
    });
    render(Importa);
    await pickFile();
    await fireEvent.click(screen.getByTestId('import-dry-run'));
    const view = await screen.findByTestId('import-report');
    expect(view.getAttribute('data-outcome')).toBe('dry-run');
    expect(screen.getByTestId('import-outcome').textContent).toContain('La prova ha trovato righe da correggere');
    expect(screen.getByTestId('import-outcome').textContent, 'a dry run says nothing was saved').toContain('Nessun dato è stato salvato');
    expect(screen.getByTestId('stat-rows-read').textContent).toBe('12');
    expect(screen.getByTestId('stat-rows-ok').textContent).toBe('10');
    expect(screen.getByTestId('stat-rows-rejected').textContent).toBe('2');
    expect(screen.getByTestId('stat-created').closest('div')?.textContent, 'dry run counts are prospective').toContain('Persone da creare');
    expect(screen.getByTestId('stat-created').textContent).toBe('8');
    expect(screen.getByTestId('stat-updated').textContent).toBe('2');
    expect(screen.getByTestId('stat-orgs-new').textContent).toBe('1');
    expect(screen.getByTestId('stat-roles-new').textContent).toBe('2');
    const lines = screen.getAllByTestId('rejected-row').map((r) => Array.from(r.children, (c) => c.textContent?.trim()).join(' | '));
    expect(lines).toEqual([
      'Riga 4 | manca il nome, l’ente o l’indirizzo e-mail',
      'Riga 9 | l’indirizzo e-mail «mario@» non è valido',
    ]);
  });

  it('says so clearly when the import is refused because of rejected rows', async () => {
    const calls = fakeBackend({
      [commands.contactsImportPick]: () => csvPick(),
      [commands.contactsImportRun]: () => report({ dry_run: false, applied: false, rows_ok: 2, rejected: REJECTED.slice(0, 1) }),
    });
    render(Importa);
    await pickFile();
    await fireEvent.click(screen.getByTestId('import-run'));
    const outcome = await screen.findByTestId('import-outcome');
    expect(outcome.textContent).toContain('Importazione rifiutata: nessun contatto è stato salvato');
    expect(outcome.textContent, 'explains why nothing was written').toContain('la rubrica non è stata modificata');
    expect(outcome.getAttribute('role')).toBe('alert');
    expect(screen.getByTestId('import-report').getAttribute('data-outcome')).toBe('refused');
    expect(screen.getByTestId('stat-created').closest('div')?.textContent, 'nothing was created').toContain('Persone da creare');
    expect(screen.getAllByTestId('rejected-row')[0]?.textContent).toContain('Riga 4');
    expect(screen.queryByTestId('import-to-list'), 'no "go to list" link after a refusal').toBeNull();
    expect(callsTo(calls, commands.contactsImportRun)[0]?.args.dry_run).toBe(false);
  });

  it('calls a refused import refused even when the core marks its report as a dry run', async () => {
    // The core applies nothing, and reports `dry_run: true`, when its CSV reader rejected rows.
    fakeBackend({
      [commands.contactsImportPick]: () => csvPick(),
      [commands.contactsImportRun]: () => report({ dry_run: true, applied: false, rejected: REJECTED }),
    });
    render(Importa);
    await pickFile();
    await fireEvent.click(screen.getByTestId('import-run'));
    expect((await screen.findByTestId('import-outcome')).textContent).toContain('Importazione rifiutata');
    expect(screen.getByTestId('import-report').getAttribute('data-outcome')).toBe('refused');
  });

  it('imports, shows the result and links to the people list', async () => {
    fakeBackend({
      [commands.contactsImportPick]: () => csvPick(),
      [commands.contactsImportRun]: () => report({ dry_run: false, applied: true }),
    });
    render(Importa);
    await pickFile();
    await fireEvent.click(screen.getByTestId('import-run'));
    expect((await screen.findByTestId('import-outcome')).textContent).toContain('Importazione completata');
    expect(screen.getByTestId('stat-created').closest('div')?.textContent).toContain('Persone create');
    expect(screen.getByTestId('import-to-list').getAttribute('href')).toBe('#/contatti');
    expect(screen.queryByTestId('import-run'), 'the same file cannot be imported twice by accident').toBeNull();
    expect(selects()[0]?.disabled, 'the mapping is locked after the import').toBe(true);
  });

  it('disables the buttons and shows progress while importing', async () => {
    fakeBackend({ [commands.contactsImportPick]: () => csvPick(), [commands.contactsImportRun]: () => never() });
    render(Importa);
    await pickFile();
    await fireEvent.click(screen.getByTestId('import-run'));
    expect(await screen.findByText('Importazione in corso: non chiudere Raccordo…')).toBeTruthy();
    for (const id of ['import-run', 'import-dry-run', 'import-pick']) {
      expect((screen.getByTestId(id) as HTMLButtonElement).disabled, `${id} is disabled while running`).toBe(true);
    }
    expect(selects()[0]?.disabled, 'the mapping cannot change while running').toBe(true);
  });

  it('drops a stale report when the mapping changes', async () => {
    fakeBackend({ [commands.contactsImportPick]: () => csvPick(), [commands.contactsImportRun]: () => report() });
    render(Importa);
    await pickFile();
    await fireEvent.click(screen.getByTestId('import-dry-run'));
    await screen.findByTestId('import-report');
    await fireEvent.change(selects()[1]!, { target: { value: 'ignore' } });
    expect(screen.queryByTestId('import-report'), 'the report no longer matches the mapping').toBeNull();
  });

  it('warns when no column identifies a person', async () => {
    fakeBackend({ [commands.contactsImportPick]: () => csvPick() });
    render(Importa);
    await pickFile();
    expect(screen.queryByTestId('mapping-no-identity')).toBeNull();
    for (const i of [0, 1, 2]) await fireEvent.change(selects()[i]!, { target: { value: 'ignore' } });
    expect(screen.getByTestId('mapping-no-identity').textContent).toContain('ogni riga verrebbe scartata');
  });

  it('shows hostile text from the file as text, never as markup', async () => {
    fakeBackend({
      [commands.contactsImportPick]: () => {
        const pick = csvPick({
          headers: [HOSTILE, 'Cognome'],
          rows: [[HOSTILE, '<script>window.__pwned=2</script>']],
          suggested: [
            [HOSTILE, 'given_name'],
            ['Cognome', 'family_name'],
          ],
        });
        return { ...pick, preview: { ...pick.preview, file_name: `${HOSTILE}.csv` } };
      },
      [commands.contactsImportRun]: () => report({ rejected: [{ line: 2, message: `valore non valido: ${HOSTILE}` }] }),
    });
    const { container } = render(Importa);
    await pickFile();
    await fireEvent.click(screen.getByTestId('import-dry-run'));
    await screen.findByTestId('import-report');
    expect(container.querySelector('img'), 'no <img> element was created from file content').toBeNull();
    expect(container.querySelector('script'), 'no <script> element was created').toBeNull();
    expect(screen.getByTestId('import-file-name').textContent).toBe(`${HOSTILE}.csv`);
    expect(screen.getAllByTestId('mapping-header')[0]?.textContent, 'the header is literal').toBe(HOSTILE);
    expect(screen.getByTestId('import-rows').textContent).toContain('<script>window.__pwned=2</script>');
    expect(screen.getByTestId('import-rejected').textContent).toContain(HOSTILE);
  });

  it('offers the dry run and import for a vCard file without a mapping', async () => {
    const calls = fakeBackend({
      [commands.contactsImportPick]: (): ImportPick => ({
        token: 3,
        preview: {
          file_name: 'telefono.vcf',
          kind: 'vcard',
          csv: null,
          cards: 41,
          card_issues: [{ line: 120, message: 'scheda senza END:VCARD' }],
        },
      }),
      [commands.contactsImportRun]: () => report(),
    });
    render(Importa);
    await fireEvent.click(screen.getByTestId('import-pick'));
    const card = await screen.findByTestId('import-vcard');
    expect(card.textContent).toContain('Il file contiene 41 schede vCard.');
    expect(screen.getByTestId('import-card-issues').textContent).toContain('Riga 120: scheda senza END:VCARD');
    expect(screen.queryByTestId('import-mapping'), 'no mapping step for vCard').toBeNull();
    await fireEvent.click(screen.getByTestId('import-dry-run'));
    await screen.findByTestId('import-report');
    expect(callsTo(calls, commands.contactsImportRun)[0]?.args).toEqual({ token: 3, mapping: null, dry_run: true });
  });

  it('shows an unreadable file as an error with the program’s message', async () => {
    fakeBackend({
      [commands.contactsImportPick]: () => {
        throw apiError('import', 'Il file non è leggibile: il file è vuoto. Nessuna modifica applicata.');
      },
    });
    render(Importa);
    await fireEvent.click(screen.getByTestId('import-pick'));
    const error = await screen.findByTestId('load-error');
    expect(error.textContent).toContain('Impossibile leggere il file scelto.');
    expect(error.textContent).toContain('il file è vuoto');
    expect(error.getAttribute('role')).toBe('alert');
  });
});
