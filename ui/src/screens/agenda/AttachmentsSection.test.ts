import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../lib/bindings/Attachment';
import { apiError, callsTo, fakeBackend } from '../../test/backend';
import { HOSTILE } from '../../test/contacts-fixtures';
import { meetingView } from '../../test/meeting-fixtures';
import AttachmentsSection from './AttachmentsSection.svelte';
import Meeting from './Meeting.svelte';
import { formatSize } from './attachments';
import { commands } from '../../lib/generated/commands';

function attachment(over: Partial<Attachment> = {}): Attachment {
  return { id: 7, file_name: 'Convocazione firmata.pdf', size_bytes: 1_468_006, added_at: '2026-11-26T09:30:00Z', ...over };
}

function rows() {
  return within(screen.getByTestId('attachment-list')).getAllByTestId('attachment-row');
}

describe('Allegati della pagina incontro', () => {
  it('explains the empty state and attaches a file chosen in the native dialog', async () => {
    const calls = fakeBackend({ [commands.meetingAttach]: () => attachment({ id: 9, file_name: 'Presentazione.odp', size_bytes: 52_224 }) });
    render(AttachmentsSection, { meetingId: 4, attachments: [] });
    expect(screen.getByTestId('attachments-empty').textContent, 'the empty state says how to add one').toContain('Allega file…');
    await fireEvent.click(screen.getByTestId('attachment-add'));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(callsTo(calls, commands.meetingAttach)[0]!.args, 'only the meeting id crosses IPC, never a path').toEqual({ meeting_id: 4 });
    expect(within(rows()[0]!).getByTestId('attachment-name').textContent).toBe('Presentazione.odp');
    expect(within(rows()[0]!).getByTestId('attachment-size').textContent).toBe('51 KB');
    expect(screen.getByTestId('attachment-outcome').textContent).toContain('Allegato «Presentazione.odp» aggiunto.');
  });

  it('does nothing when the dialog is cancelled', async () => {
    fakeBackend({ [commands.meetingAttach]: () => null });
    render(AttachmentsSection, { meetingId: 4, attachments: [] });
    await fireEvent.click(screen.getByTestId('attachment-add'));
    await waitFor(() => expect((screen.getByTestId('attachment-add') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByTestId('attachment-outcome'), 'a cancelled choice is not an error').toBeNull();
    expect(screen.getByTestId('attachments-empty')).toBeTruthy();
  });

  it('lists name, size in Italian and date added (gg/mm/aaaa), showing a hostile file name as text', async () => {
    fakeBackend({});
    render(AttachmentsSection, { meetingId: 4, attachments: [attachment(), attachment({ id: 8, file_name: HOSTILE, size_bytes: 300 })] });
    const [first, second] = rows();
    expect(within(first!).getByTestId('attachment-size').textContent).toBe('1,4 MB');
    expect(within(first!).getByTestId('attachment-added').textContent).toBe('26/11/2026 10:30');
    expect(within(second!).getByTestId('attachment-name').textContent, 'the name is shown exactly, as text').toBe(HOSTILE);
    expect(within(second!).getByTestId('attachment-size').textContent).toBe('300 byte');
    expect(document.querySelector('[data-testid="attachment-list"] img'), 'no element is created from a file name').toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('opens the verified copy through the shell, and shows the core’s explanation when the copy was changed', async () => {
    let tampered = false;
    const calls = fakeBackend({
      [commands.meetingAttachmentOpen]: () => {
        if (tampered) {
          throw apiError('conflict', 'La copia dell’allegato è stata modificata fuori da Raccordo. Togli l’allegato e allegalo di nuovo.');
        }
        return null;
      },
    });
    render(AttachmentsSection, { meetingId: 4, attachments: [attachment()] });
    await fireEvent.click(within(rows()[0]!).getByTestId('attachment-open'));
    await waitFor(() => expect(screen.getByTestId('attachment-outcome').textContent).toContain('aperto con il programma predefinito'));
    expect(callsTo(calls, commands.meetingAttachmentOpen)[0]!.args).toEqual({ attachment_id: 7 });
    tampered = true;
    await fireEvent.click(within(rows()[0]!).getByTestId('attachment-open'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Impossibile aprire «Convocazione firmata.pdf».');
    expect(alert.textContent, 'the core says why and what to do').toContain('modificata fuori da Raccordo');
  });

  it('asks for confirmation before removing, and can be cancelled', async () => {
    const calls = fakeBackend({ [commands.meetingAttachmentRemove]: () => attachment() });
    render(AttachmentsSection, { meetingId: 4, attachments: [attachment(), attachment({ id: 8, file_name: HOSTILE })] });
    await fireEvent.click(within(rows()[1]!).getByTestId('attachment-remove'));
    const confirm = screen.getByTestId('attachment-remove-confirm');
    expect(confirm.textContent, 'the question names the file, as text').toContain(`Togliere «${HOSTILE}» dagli allegati?`);
    expect(confirm.textContent).toContain('il file originale');
    expect(callsTo(calls, commands.meetingAttachmentRemove), 'nothing is removed before confirming').toHaveLength(0);
    await fireEvent.click(screen.getByTestId('attachment-remove-cancel'));
    expect(screen.queryByTestId('attachment-remove-confirm')).toBeNull();
    expect(rows()).toHaveLength(2);

    await fireEvent.click(within(rows()[0]!).getByTestId('attachment-remove'));
    await fireEvent.click(screen.getByTestId('attachment-remove-do'));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(callsTo(calls, commands.meetingAttachmentRemove)).toEqual([{ cmd: commands.meetingAttachmentRemove, args: { attachment_id: 7 } }]);
    expect(within(rows()[0]!).getByTestId('attachment-name').textContent).toBe(HOSTILE);
    expect(screen.getByTestId('attachment-outcome').textContent).toContain('Allegato «Convocazione firmata.pdf» tolto.');
  });

  it('keeps the row and shows why when removing fails', async () => {
    fakeBackend({ [commands.meetingAttachmentRemove]: () => { throw apiError('database_locked', 'Il database è occupato: riprova tra poco.'); } });
    render(AttachmentsSection, { meetingId: 4, attachments: [attachment()] });
    await fireEvent.click(within(rows()[0]!).getByTestId('attachment-remove'));
    await fireEvent.click(screen.getByTestId('attachment-remove-do'));
    expect((await screen.findByRole('alert')).textContent).toContain('Il database è occupato');
    expect(rows(), 'nothing disappears when the core refused').toHaveLength(1);
  });

  it('is part of the meeting page, with the meeting’s attachments', async () => {
    fakeBackend({ [commands.meetingGet]: () => meetingView({ attachments: [attachment()] }), [commands.meetingConflicts]: () => [] });
    render(Meeting, { id: 1 });
    const section = await screen.findByTestId('attachments');
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe('Allegati');
    expect(within(section).getByTestId('attachment-name').textContent).toBe('Convocazione firmata.pdf');
  });
});

describe('formatSize', () => {
  it('reads as coordinators expect', () => {
    expect(formatSize(0)).toBe('0 byte');
    expect(formatSize(1023)).toBe('1023 byte');
    expect(formatSize(1024)).toBe('1 KB');
    expect(formatSize(1536)).toBe('1,5 KB');
    expect(formatSize(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatSize(200 * 1024 * 1024 - 1)).toBe('200 MB');
  });
});
