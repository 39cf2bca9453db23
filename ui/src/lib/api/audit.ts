// The audit log (Registro attività): pages, entity names, export.
// Each function calls one command through ../ipc (names, arguments and results typed by
// ../generated/commands); ../api re-exports them all.
import { call } from '../ipc';
import { commands } from '../generated/commands';
import type { AuditExportKind } from '../bindings/AuditExportKind';
import type { AuditExportOutcome } from '../bindings/AuditExportOutcome';
import type { AuditFilter } from '../bindings/AuditFilter';
import type { AuditPage } from '../bindings/AuditPage';

/** A window of the audit entries matching `filter`, newest first, and how many match in all. */
export function auditPage(filter: AuditFilter, offset: number, limit: number): Promise<AuditPage> {
  return call(commands.auditPage, { filter, offset, limit });
}

/** The entity names present in the audit log (for the filter). */
export function auditEntities(): Promise<string[]> {
  return call(commands.auditEntities);
}

/** Opens the native save dialog and writes the matching entries; `null` when cancelled. */
export function exportAudit(kind: AuditExportKind, filter: AuditFilter): Promise<AuditExportOutcome | null> {
  return call(commands.auditExport, { kind, filter });
}
