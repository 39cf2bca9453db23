// Backup e ripristino: the backups beside the database, a backup now, a restore at the next start.
// Each function calls one command through ../ipc (names, arguments and results typed by
// ../generated/commands); ../api re-exports them all.
import { call } from '../ipc';
import { commands } from '../generated/commands';
import type { BackupEntry } from '../bindings/BackupEntry';
import type { BackupOverview } from '../bindings/BackupOverview';
import type { CheckReport } from '../bindings/CheckReport';

/** The backups beside the database (newest first), their folder and the pending restore. */
export function backupOverview(): Promise<BackupOverview> {
  return call(commands.backupOverview);
}

/** Takes a verified backup now (reason `manual`). */
export function createBackup(): Promise<BackupEntry> {
  return call(commands.backupCreate);
}

/** Read-only integrity check of the backup with this file name. */
export function verifyBackup(fileName: string): Promise<CheckReport> {
  return call(commands.backupVerify, { file_name: fileName });
}

/** Verifies the backup and stages it to be restored when Raccordo next starts. */
export function requestRestore(fileName: string): Promise<BackupEntry> {
  return call(commands.backupRestoreRequest, { file_name: fileName });
}

/** Withdraws the restore waiting for the next start. */
export function cancelRestore(): Promise<void> {
  return call(commands.backupRestoreCancel);
}
