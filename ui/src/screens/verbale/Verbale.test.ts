import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { ActionInput } from '../../lib/bindings/ActionInput';
import type { MinutesContent } from '../../lib/bindings/MinutesContent';
import { actionSummary, actionView } from '../../test/action-fixtures';
import { apiError, callsTo, fakeBackend, type Handler } from '../../test/backend';
import { minutesContent, minutesMeeting, minutesView } from '../../test/minutes-fixtures';
import Verbale from './Verbale.svelte';
import { commands } from '../../lib/generated/commands';

type Handlers = Parameters<typeof fakeBackend>[0];

function backend(over: Handlers = {}) {
  const save: Handler = (args) => minutesView({ content: args.content as MinutesContent, updated_at: '2027-03-25T11:05:00Z' });
  return fakeBackend({ [commands.meetingGet]: () => minutesMeeting(), [commands.minutesStart]: () => minutesView(), [commands.minutesSaveDraft]: save, ...over });
}

/** Types into a rich-text field as the browser would leave its DOM, then fires `input`. */
async function type(testid: string, build: (el: HTMLElement) => void) {
  const el = await screen.findByTestId(testid);
  build(el);
  await fireEvent.input(el);
  return el;
}

function paragraph(el: HTMLElement, ...parts: (string | [string, 'b'])[]) {
  const p = document.createElement('p');
  for (const part of parts) {
    if (typeof part === 'string') p.append(document.createTextNode(part));
    else {
      const b = document.createElement('b');
      b.textContent = part[0];
      p.append(b);
    }
  }
  el.replaceChildren(p);
}

const saves = (calls: ReturnType<typeof fakeBackend>) => callsTo(calls, commands.minutesSaveDraft).map((c) => c.args.content as MinutesContent);

describe('Verbale editor', () => {
  it('opens prefilled: facts, attendance of every kind, the agenda items', async () => {
    const calls = backend();
    render(Verbale, { props: { id: 1 } });
    expect((await screen.findByTestId('minutes-title')).textContent).toBe('Conferenza zonale dei sindaci – Zona Pisana');
    expect(callsTo(calls, commands.minutesStart)[0]!.args).toEqual({ meeting_id: 1 });
    expect(screen.getByTestId('minutes-date').textContent).toBe('25/03/2027');
    expect((screen.getByTestId('minutes-start') as HTMLInputElement).value).toBe('10:00');
    expect((screen.getByTestId('minutes-place') as HTMLInputElement).value).toBe('Palazzo Gambacorti');
    expect(screen.getByTestId('minutes-drafted-by').textContent).toContain('Giulia Bianchi, ANCI Toscana');
    const rows = within(screen.getByTestId('minutes-attendance')).getAllByTestId('minutes-attendance-row').map((r) => r.textContent);
    expect(rows[0]).toContain('presente');
    expect(rows[1]).toMatch(/delegato.*delega a Paolo Rossi/);
    expect(rows[2]).toContain('giustificato');
    expect(rows[3]).toContain('assente');
    expect(screen.getByTestId('minutes-item-heading-1').textContent).toContain('Rete SAI in zona');
    expect(screen.getByTestId('minutes-item-heading-2').textContent).toContain('Posti per MSNA');
    expect(screen.getByTestId('minutes-discussion-1').getAttribute('contenteditable')).toBe('true');
    expect(screen.getByTestId('minutes-status').textContent).toContain('Bozza');
  });

  it('typing schedules one autosave, about a second after the last change, with the whole content', async () => {
    const calls = backend();
    render(Verbale, { props: { id: 1 } });
    await type('minutes-discussion-1', (el) => paragraph(el, 'La conferenza '));
    await type('minutes-discussion-1', (el) => paragraph(el, 'La conferenza ', ['approva', 'b']));
    await type('minutes-decisions-2', (el) => paragraph(el, 'Dieci posti MSNA'));
    expect(saves(calls), 'nothing is sent while typing').toHaveLength(0);
    expect(screen.getByTestId('minutes-status').textContent).toContain('non ancora salvate');
    await waitFor(() => expect(saves(calls)).toHaveLength(1), { timeout: 2500 });
    expect(saves(calls)[0]).toEqual(
      minutesContent({
        items: [
          { agenda_item_id: 1, title: 'Rete SAI in zona', discussion: { blocks: [{ type: 'paragraph', spans: [{ text: 'La conferenza ', bold: false, italic: false }, { text: 'approva', bold: true, italic: false }] }] }, decisions: { blocks: [] } },
          { agenda_item_id: 2, title: 'Posti per MSNA', discussion: { blocks: [] }, decisions: { blocks: [{ type: 'paragraph', spans: [{ text: 'Dieci posti MSNA', bold: false, italic: false }] }] } },
        ],
      }),
    );
    expect(await screen.findByTestId('minutes-saved')).toHaveProperty('textContent', expect.stringMatching(/^Salvato alle \d{2}:\d{2}$/));
    await new Promise((ok) => setTimeout(ok, 1200));
    expect(saves(calls), 'and only one').toHaveLength(1);
  });

  it('Ctrl+S saves at once; a failed save keeps the text and offers «Riprova»', async () => {
    let fail = true;
    const calls = backend({
      [commands.minutesSaveDraft]: (args) => (fail ? Promise.reject(apiError('database_locked', 'database occupato')) : minutesView({ content: args.content as MinutesContent })),
    });
    render(Verbale, { props: { id: 1 } });
    await screen.findByTestId('minutes-place');
    await fireEvent.input(screen.getByTestId('minutes-place'), { target: { value: 'Sala del Consiglio' } });
    await fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(() => expect(saves(calls)).toHaveLength(1), { timeout: 300 });
    expect(saves(calls)[0]!.place).toBe('Sala del Consiglio');
    expect((await screen.findByTestId('minutes-save-error')).textContent).toContain('niente è perso');
    expect((screen.getByTestId('minutes-place') as HTMLInputElement).value, 'the text stays').toBe('Sala del Consiglio');
    fail = false;
    await fireEvent.click(screen.getByTestId('minutes-save-retry'));
    await screen.findByTestId('minutes-saved');
    expect(saves(calls).map((c) => c.place)).toEqual(['Sala del Consiglio', 'Sala del Consiglio']);
  });

  it('approving asks a confirmation that says it locks, then everything is read-only and nothing more is saved', async () => {
    const calls = backend({
      [commands.minutesApprove]: () => minutesView({ status: 'approved', approved_at: '2027-03-26T10:00:00Z', versions: [{ revision: 0, reason: '', approved_at: '2027-03-26T10:00:00Z' }] }),
    });
    render(Verbale, { props: { id: 1 } });
    await type('minutes-discussion-1', (el) => paragraph(el, 'Testo da salvare prima'));
    await fireEvent.click(screen.getByTestId('minutes-approve'));
    expect(screen.getByTestId('minutes-approve-dialog').textContent).toContain('bloccato');
    expect(callsTo(calls, commands.minutesApprove), 'not before the confirmation').toHaveLength(0);
    await fireEvent.click(screen.getByTestId('minutes-approve-confirm'));
    await waitFor(() => expect(callsTo(calls, commands.minutesApprove)).toHaveLength(1));
    expect(saves(calls), 'the pending change was saved before approving').toHaveLength(1);
    expect(calls.findIndex((c) => c.cmd === commands.minutesSaveDraft)).toBeLessThan(calls.findIndex((c) => c.cmd === commands.minutesApprove));
    expect((await screen.findByTestId('minutes-approved-badge')).textContent).toBe('Approvato il 26/03/2027');
    expect(screen.getByTestId('minutes-discussion-1').getAttribute('contenteditable')).toBe('false');
    expect(screen.queryByTestId('minutes-place')).toBeNull();
    expect(screen.queryByTestId('minutes-followup-add-1')).toBeNull();
    expect(screen.queryByTestId('minutes-item-add')).toBeNull();
    await fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await new Promise((ok) => setTimeout(ok, 1200));
    expect(saves(calls), 'no save after the approval').toHaveLength(1);
  });

  it('a correction needs a reason, then opens revision N+1 as an editable draft', async () => {
    const approved = minutesView({ status: 'approved', approved_at: '2027-03-26T10:00:00Z', versions: [{ revision: 0, reason: '', approved_at: '2027-03-26T10:00:00Z' }] });
    const calls = backend({ [commands.minutesStart]: () => approved, [commands.minutesOpenRevision]: (args) => minutesView({ revision: 1, revision_reason: args.reason as string, versions: approved.versions }) });
    render(Verbale, { props: { id: 1 } });
    await fireEvent.click(await screen.findByTestId('minutes-revise'));
    await fireEvent.click(screen.getByTestId('minutes-revise-confirm'));
    expect(screen.getByTestId('minutes-revise-missing').textContent).toBe('Scrivi il motivo della revisione.');
    expect(callsTo(calls, commands.minutesOpenRevision)).toHaveLength(0);
    await fireEvent.input(screen.getByTestId('minutes-revise-reason'), { target: { value: 'correzione delle presenze' } });
    await fireEvent.click(screen.getByTestId('minutes-revise-confirm'));
    await waitFor(() => expect(callsTo(calls, commands.minutesOpenRevision)[0]?.args).toEqual({ meeting_id: 1, reason: 'correzione delle presenze' }));
    expect((await screen.findByTestId('minutes-status')).textContent).toContain('Revisione 1 — bozza');
    expect(screen.getByTestId('minutes-revision-reason').textContent).toContain('correzione delle presenze');
    expect(screen.getByTestId('minutes-discussion-1').getAttribute('contenteditable')).toBe('true');
    expect(within(screen.getByTestId('minutes-versions')).getAllByTestId('minutes-version')).toHaveLength(1);
  });

  it('«Aggiungi azione» creates a real action on the meeting and its agenda item, shown under the item', async () => {
    let follow = [] as ReturnType<typeof actionSummary>[];
    const calls = backend({
      [commands.actionCreate]: () => {
        follow = [actionSummary({ id: 70, title: 'Inviare il modulo', meeting_id: 1, due: '2027-04-30' })];
        return actionView({ id: 70, title: 'Inviare il modulo', meeting: { id: 1, title: 'Conferenza', date: '2027-03-25', agenda_item: { id: '2', name: 'Posti per MSNA' } } });
      },
      [commands.minutesGet]: () => minutesView({ follow_ups: follow }),
    });
    render(Verbale, { props: { id: 1 } });
    await fireEvent.click(await screen.findByTestId('minutes-followup-add-2'));
    await fireEvent.click(screen.getByTestId('minutes-followup-save-2'));
    expect(screen.getByTestId('minutes-followup-form-2').textContent).toContain('Scrivi che cosa va fatto');
    await fireEvent.input(screen.getByTestId('minutes-followup-title-2'), { target: { value: 'Inviare il modulo' } });
    await fireEvent.input(screen.getByTestId('minutes-followup-due-2'), { target: { value: '30/04/2027' } });
    await fireEvent.click(screen.getByTestId('minutes-followup-save-2'));
    await waitFor(() => expect(callsTo(calls, commands.actionCreate)).toHaveLength(1));
    expect(callsTo(calls, commands.actionCreate)[0]!.args.input as ActionInput).toEqual({
      title: 'Inviare il modulo',
      description: '',
      owner: { kind: 'coordinator' },
      due: '2027-04-30',
      priority: 'normal',
      meeting_id: 1,
      agenda_item_id: 2,
      comuni: [],
      organisations: [],
      people: [],
    });
    const list = await screen.findByTestId('minutes-followups-2');
    expect(list.textContent).toContain('Inviare il modulo');
    expect(list.textContent).toContain('entro il 30/04/2027');
    expect(screen.queryByTestId('minutes-followups-1')).toBeNull();
    expect(screen.queryByTestId('minutes-followup-form-2'), 'the form closes').toBeNull();
  });

  it('exports the chosen version, format and logo through the save dialog and says where it went', async () => {
    const calls = backend({
      [commands.minutesStart]: () => minutesView({ status: 'approved', approved_at: '2027-03-26T10:00:00Z', versions: [{ revision: 0, reason: '', approved_at: '2027-03-26T10:00:00Z' }] }),
      [commands.minutesLogoPick]: () => ({ token: 4, file_name: 'logo-anci.png' }),
      [commands.minutesExport]: () => ({ file_name: 'verbale-2027-03-25-conferenza.pdf', path: '/tmp/x.pdf', count: 1 }),
    });
    render(Verbale, { props: { id: 1 } });
    await fireEvent.change(await screen.findByTestId('minutes-export-format'), { target: { value: 'pdfa' } });
    await fireEvent.click(screen.getByTestId('minutes-export-logo-pick'));
    await waitFor(() => expect(screen.getByTestId('minutes-export-logo-name').textContent).toBe('logo-anci.png'));
    await fireEvent.click(screen.getByTestId('minutes-version-export'));
    await fireEvent.click(screen.getByTestId('minutes-export'));
    expect((await screen.findByTestId('minutes-export-result')).textContent).toContain('verbale-2027-03-25-conferenza.pdf');
    expect(callsTo(calls, commands.minutesExport)[0]!.args).toEqual({ meeting_id: 1, revision: 0, format: { kind: 'pdf', pdfa: true }, logo_token: 4 });
    await fireEvent.change(screen.getByTestId('minutes-export-format'), { target: { value: 'odt' } });
    await fireEvent.change(screen.getByTestId('minutes-export-version'), { target: { value: '' } });
    await fireEvent.click(screen.getByTestId('minutes-export-logo-remove'));
    await fireEvent.click(screen.getByTestId('minutes-export'));
    await waitFor(() => expect(callsTo(calls, commands.minutesExport)).toHaveLength(2));
    expect(callsTo(calls, commands.minutesExport)[1]!.args).toEqual({ meeting_id: 1, revision: null, format: { kind: 'odt' }, logo_token: null });
  });

  it('shows hostile titles, names and content as text: no element is created from them', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const script = '<script>alert(2)</script>';
    const meeting = minutesMeeting();
    meeting.title = `${evil} Conferenza`;
    meeting.invitations[0]!.person_name = script;
    meeting.invitations[1]!.delegate_name = evil;
    backend({
      [commands.meetingGet]: () => meeting,
      [commands.minutesStart]: () =>
        minutesView({
          content: minutesContent({
            place: evil,
            chair: script,
            items: [{ agenda_item_id: null, title: script, discussion: { blocks: [{ type: 'paragraph', spans: [{ text: evil, bold: true, italic: false }] }] }, decisions: { blocks: [{ type: 'bullet_list', items: [{ blocks: [{ type: 'paragraph', spans: [{ text: script, bold: false, italic: true }] }] }] }] } }],
            closing_notes: { blocks: [{ type: 'paragraph', spans: [{ text: evil, bold: false, italic: false }] }] },
          }),
          follow_ups: [actionSummary({ id: 5, title: evil, owner_name: script })],
          drafted_by: { name: evil, organisation: script },
        }),
      [commands.actionGet]: () => actionView({ id: 5, title: evil }),
    });
    render(Verbale, { props: { id: 1 } });
    const editor = await screen.findByTestId('minutes-editor');
    await waitFor(() => expect(screen.getByTestId('minutes-followups-other').textContent).toContain(evil));
    expect(editor.querySelector('img, script')).toBeNull();
    expect(screen.getByTestId('minutes-title').textContent).toBe(`${evil} Conferenza`);
    expect(screen.getByTestId('minutes-discussion-1').textContent).toBe(evil);
    expect(screen.getByTestId('minutes-decisions-1').textContent).toBe(script);
    expect(screen.getByTestId('minutes-closing').textContent).toBe(evil);
    expect((screen.getByTestId('minutes-item-title-1') as HTMLInputElement).value).toBe(script);
    expect(screen.getByTestId('minutes-attendance').textContent).toContain(script);
    expect(screen.getByTestId('minutes-drafted-by').textContent).toContain(evil);
  });

  it('a paste inserts the clipboard’s plain text only, even when it offers HTML', async () => {
    const calls = backend();
    render(Verbale, { props: { id: 1 } });
    const el = await screen.findByTestId('minutes-decisions-1');
    const paste = new Event('paste', { bubbles: true, cancelable: true });
    const data: Record<string, string> = { 'text/html': '<img src=x onerror=alert(1)><b>x</b>', 'text/plain': '<img src=x onerror=alert(1)>' };
    Object.defineProperty(paste, 'clipboardData', { value: { getData: (t: string) => data[t] ?? '' } });
    el.focus();
    el.dispatchEvent(paste);
    expect(paste.defaultPrevented).toBe(true);
    expect(el.querySelector('img, b')).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror=alert(1)>');
    await fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(() => expect(saves(calls)).toHaveLength(1));
    expect(JSON.stringify(saves(calls)[0]!.items[0]!.decisions)).toContain('<img src=x onerror=alert(1)>');
  });

  it('items can be added (without agenda item), moved and removed (with a confirmation when written)', async () => {
    const calls = backend();
    render(Verbale, { props: { id: 1 } });
    await type('minutes-discussion-1', (el) => paragraph(el, 'Testo del primo punto'));
    await fireEvent.click(screen.getByTestId('minutes-item-add'));
    const title = screen.getByTestId('minutes-item-title-3') as HTMLInputElement;
    expect(title.value).toBe('Varie ed eventuali');
    await fireEvent.input(title, { target: { value: 'Calendario' } });
    await fireEvent.click(screen.getByTestId('minutes-item-up-3'));
    expect(screen.getByTestId('minutes-item-title-2')).toHaveProperty('value', 'Calendario');
    await fireEvent.click(screen.getByTestId('minutes-item-remove-1'));
    expect(screen.getByTestId('minutes-item-remove-confirm-1').textContent).toContain('Rete SAI in zona');
    await fireEvent.click(screen.getByTestId('minutes-item-remove-do-1'));
    await fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(() => expect(saves(calls).length).toBeGreaterThan(0));
    expect(saves(calls).at(-1)!.items.map((i) => [i.agenda_item_id, i.title])).toEqual([
      [null, 'Calendario'],
      [2, 'Posti per MSNA'],
    ]);
  });

  it('Ctrl+P and «Stampa» open the system print dialog; Ctrl+Shift+A opens the approval', async () => {
    backend();
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true, writable: true });
    render(Verbale, { props: { id: 1 } });
    await fireEvent.click(await screen.findByTestId('minutes-print'));
    await fireEvent.keyDown(window, { key: 'p', ctrlKey: true });
    expect(print).toHaveBeenCalledTimes(2);
    Reflect.deleteProperty(window, 'print');
    expect(screen.queryByTestId('minutes-approve-dialog')).toBeNull();
    await fireEvent.keyDown(window, { key: 'A', ctrlKey: true, shiftKey: true });
    expect(screen.getByTestId('minutes-approve-dialog').textContent).toContain('Approvare il verbale?');
  });

  it('a meeting that no longer exists says so', async () => {
    backend({ [commands.minutesStart]: () => Promise.reject(apiError('not_found', 'incontro 9 non trovato')) });
    render(Verbale, { props: { id: 9 } });
    expect((await screen.findByTestId('minutes-not-found')).textContent).toContain('non esiste più');
  });
});
