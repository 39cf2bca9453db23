import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { BackupEntry } from '../../lib/bindings/BackupEntry';
import type { BackupOverview } from '../../lib/bindings/BackupOverview';
import { apiError, callsTo, fakeBackend } from '../../test/backend';
import Backup from './Backup.svelte';
import { commands } from '../../lib/generated/commands';

const HOSTILE = '<img src=x onerror="window.__pwned=1">.sqlite';

function entry(file_name: string, over: Partial<BackupEntry> = {}): BackupEntry {
  return {
    path: `/dati/backups/${file_name}`,
    file_name,
    reason: 'daily',
    created_at: '2026-11-26T09:30:00Z',
    bytes: 2_500_000,
    ...over,
  };
}

function overview(backups: BackupEntry[], pending: string | null = null): BackupOverview {
  return { backups, folder: '/dati/backups', pending_restore: pending };
}

const B1 = entry('raccordo-manual-20261126-103000.sqlite', { reason: 'manual' });
const B2 = entry('raccordo-daily-20261125-090000.sqlite', { created_at: '2026-11-25T08:00:00Z' });

describe('Backup e ripristino', () => {
  it('lists backups with date, kind, size and file name', async () => {
    fakeBackend({ [commands.backupOverview]: () => overview([B1, B2]) });
    render(Backup);
    const rows = await screen.findAllByTestId('backup-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('26/11/2026 10:30');
    expect(rows[0]?.textContent).toContain('Manuale');
    expect(rows[0]?.textContent).toContain('2,4 MB');
    expect(rows[1]?.textContent).toContain('Giornaliero');
    expect(screen.getByTestId('backup-folder').textContent).toBe('/dati/backups');
  });

  it('creates a backup now and shows it', async () => {
    let backups = [B2];
    const calls = fakeBackend({
      [commands.backupOverview]: () => overview(backups),
      [commands.backupCreate]: () => {
        backups = [B1, B2];
        return B1;
      },
    });
    render(Backup);
    await screen.findAllByTestId('backup-row');
    await fireEvent.click(screen.getByTestId('backup-create'));
    expect((await screen.findByTestId('backup-outcome')).textContent).toContain(`Backup creato: ${B1.file_name}`);
    await waitFor(() => expect(screen.getAllByTestId('backup-row')).toHaveLength(2));
    expect(callsTo(calls, commands.backupCreate)[0]?.args).toEqual({});
  });

  it('verifies a backup by file name and reports the result', async () => {
    const calls = fakeBackend({
      [commands.backupOverview]: () => overview([B1]),
      [commands.backupVerify]: () => ({
        path: B1.path,
        bytes: 1,
        ok: true,
        integrity: ['ok'],
        schema_version: 4,
        supported_version: 4,
        counts: { comuni: 273, zones: 28, zones_confirmed: 0, memberships: 0, synthetic_memberships: 0, audit_entries: 1234 },
      }),
    });
    render(Backup);
    await fireEvent.click(await screen.findByTestId('backup-verify'));
    const out = await screen.findByTestId('backup-outcome');
    expect(out.textContent).toContain('integro');
    expect(out.textContent).toContain('1.234 voci');
    expect(callsTo(calls, commands.backupVerify)[0]?.args, 'only the file name crosses IPC').toEqual({ file_name: B1.file_name });
  });

  it('asks for confirmation before a restore, explains what happens, and can be cancelled', async () => {
    const calls = fakeBackend({ [commands.backupOverview]: () => overview([B1]) });
    render(Backup);
    await fireEvent.click(await screen.findByTestId('backup-restore'));
    const confirm = await screen.findByTestId('backup-confirm');
    expect(confirm.textContent).toContain('sostituirà il database attuale al prossimo avvio');
    expect(confirm.textContent).toContain('il database attuale non viene cancellato'.replace('il', 'Il'));
    expect(confirm.textContent).toContain('before-restore');
    expect(confirm.textContent).toContain('Le modifiche fatte dopo il 26/11/2026 10:30');
    expect(callsTo(calls, commands.backupRestoreRequest), 'nothing is requested before confirming').toHaveLength(0);
    await fireEvent.click(screen.getByTestId('backup-confirm-no'));
    expect(screen.queryByTestId('backup-confirm')).toBeNull();
    expect(callsTo(calls, commands.backupRestoreRequest)).toHaveLength(0);
  });

  it('requests the restore after confirmation, shows it pending, and cancels it', async () => {
    let pending: string | null = null;
    const calls = fakeBackend({
      [commands.backupOverview]: () => overview([B1], pending),
      [commands.backupRestoreRequest]: (args) => {
        pending = args.file_name as string;
        return B1;
      },
      [commands.backupRestoreCancel]: () => {
        pending = null;
        return null;
      },
    });
    render(Backup);
    await fireEvent.click(await screen.findByTestId('backup-restore'));
    await fireEvent.click(await screen.findByTestId('backup-confirm-yes'));
    const box = await screen.findByTestId('backup-pending');
    expect(box.textContent).toContain(`Il backup ${B1.file_name} verrà ripristinato quando chiudi e riapri Raccordo`);
    expect(callsTo(calls, commands.backupRestoreRequest)[0]?.args).toEqual({ file_name: B1.file_name });
    expect(screen.queryByTestId('backup-confirm'), 'the confirmation closes').toBeNull();
    await fireEvent.click(screen.getByTestId('backup-pending-cancel'));
    await waitFor(() => expect(screen.queryByTestId('backup-pending')).toBeNull());
    expect(callsTo(calls, commands.backupRestoreCancel)).toHaveLength(1);
  });

  it('shows a refused restore with its reason', async () => {
    fakeBackend({
      [commands.backupOverview]: () => overview([B1]),
      [commands.backupRestoreRequest]: () => {
        throw apiError('validation', 'Il backup non supera il controllo di integrità');
      },
    });
    render(Backup);
    await fireEvent.click(await screen.findByTestId('backup-restore'));
    await fireEvent.click(await screen.findByTestId('backup-confirm-yes'));
    const out = await screen.findByTestId('backup-outcome');
    expect(out.textContent).toContain('Ripristino non preparato');
    expect(out.textContent).toContain('non supera il controllo');
    expect(screen.queryByTestId('backup-pending')).toBeNull();
  });

  it('shows hostile file names as text', async () => {
    fakeBackend({ [commands.backupOverview]: () => overview([entry(HOSTILE)], HOSTILE) });
    const { container } = render(Backup);
    const row = await screen.findByTestId('backup-row');
    expect(row.textContent).toContain(HOSTILE);
    expect(screen.getByTestId('backup-pending').textContent).toContain(HOSTILE);
    expect(container.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('says when there are no backups', async () => {
    fakeBackend({ [commands.backupOverview]: () => overview([]) });
    render(Backup);
    expect(await screen.findByTestId('backup-empty')).toBeTruthy();
  });
});
