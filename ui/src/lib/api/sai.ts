// Ricognizione SAI: the survey table, map, summary, changes, edits and exports.
// Each function calls one command through ../ipc (names, arguments and results typed by
// ../generated/commands); ../api re-exports them all.
import { call } from '../ipc';
import { commands } from '../generated/commands';
import type { ExportOutcome } from '../bindings/ExportOutcome';
import type { SaiChange } from '../bindings/SaiChange';
import type { SaiComunePage } from '../bindings/SaiComunePage';
import type { SaiComuneView } from '../bindings/SaiComuneView';
import type { SaiExportKind } from '../bindings/SaiExportKind';
import type { SaiFactsInput } from '../bindings/SaiFactsInput';
import type { SaiFilter } from '../bindings/SaiFilter';
import type { SaiGroupBy } from '../bindings/SaiGroupBy';
import type { SaiRecord } from '../bindings/SaiRecord';
import type { SaiRow } from '../bindings/SaiRow';
import type { SaiStatusInput } from '../bindings/SaiStatusInput';
import type { SaiSummary } from '../bindings/SaiSummary';

/** The survey records matching `filter` (territory of each ente today), by ASL, zone and name. */
export function saiList(filter: SaiFilter): Promise<SaiRow[]> {
  return call(commands.saiList, { filter });
}

/** How every comune is shown on the map today (own status, or covered through an Unione/SdS). */
export function saiMap(): Promise<SaiComuneView[]> {
  return call(commands.saiMap);
}

export function saiSummary(by: SaiGroupBy): Promise<SaiSummary> {
  return call(commands.saiSummary, { by });
}

/** The enti whose status changed on or after `since` (ISO date), most recent first. */
export function saiChanges(since: string): Promise<SaiChange[]> {
  return call(commands.saiChanges, { since });
}

/** The comune page's SAI section: how the comune is shown, its own record, its Comune organisation. */
export function saiComune(istatCode: string): Promise<SaiComunePage> {
  return call(commands.saiComune, { istat_code: istatCode });
}

/** Records a dated status change of an ente (creating its survey record if needed). */
export function saiSetStatus(orgId: number, input: SaiStatusInput): Promise<SaiRecord> {
  return call(commands.saiSetStatus, { org_id: orgId, input });
}

/** Replaces the project facts and the next step of an ente's record. */
export function saiEdit(orgId: number, input: SaiFactsInput): Promise<SaiRecord> {
  return call(commands.saiEdit, { org_id: orgId, input });
}

/** The survey of `filter` as CSV, XLSX or the summary PDF (maps and tables per ASL) through the
 * native save dialog; `null` when cancelled. */
export function exportSai(filter: SaiFilter, kind: SaiExportKind): Promise<ExportOutcome | null> {
  return call(commands.saiExport, { filter, kind });
}
