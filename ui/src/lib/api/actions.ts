// Follow-up actions (Azioni), the overview pages (comune timeline, zone/ASL, recent changes) and their exports.
// Each function calls one command through ../ipc (names, arguments and results typed by
// ../generated/commands); ../api re-exports them all.
import { Channel, call } from '../ipc';
import { commands } from '../generated/commands';
import type { ActionCounts } from '../bindings/ActionCounts';
import type { ActionExportFormat } from '../bindings/ActionExportFormat';
import type { ActionFilter } from '../bindings/ActionFilter';
import type { ActionInput } from '../bindings/ActionInput';
import type { ActionPage } from '../bindings/ActionPage';
import type { ActionPrior } from '../bindings/ActionPrior';
import type { ActionStatus } from '../bindings/ActionStatus';
import type { ActionView } from '../bindings/ActionView';
import type { AreaOverview } from '../bindings/AreaOverview';
import type { AreaRef } from '../bindings/AreaRef';
import type { AslActionCount } from '../bindings/AslActionCount';
import type { BulkChange } from '../bindings/BulkChange';
import type { BulkOutcome } from '../bindings/BulkOutcome';
import type { ExportOutcome } from '../bindings/ExportOutcome';
import type { RecentChange } from '../bindings/RecentChange';
import type { SavedFilter } from '../bindings/SavedFilter';
import type { TimelineEntry } from '../bindings/TimelineEntry';

// Due dates are ISO days (Europe/Rome); "today" (overdue, due windows) is the shell's.

/** One page of the actions matching `filter` (its `offset`/`limit`), with the total. */
export function listActions(filter: ActionFilter): Promise<ActionPage> {
  return call(commands.actionList, { filter });
}

/** How many actions match `filter`. */
export function countActions(filter: ActionFilter): Promise<number> {
  return call(commands.actionCount, { filter });
}

export function getAction(id: number): Promise<ActionView> {
  return call(commands.actionGet, { id });
}

/** Creates an action (status «aperta»). */
export function createAction(input: ActionInput): Promise<ActionView> {
  return call(commands.actionCreate, { input });
}

/** Replaces an action's fields and links (the status is changed with `setActionStatus`). */
export function updateAction(id: number, input: ActionInput): Promise<ActionView> {
  return call(commands.actionUpdate, { id, input });
}

/** A dated status change with its note (the same status records a progress note). */
export function setActionStatus(id: number, status: ActionStatus, note: string): Promise<ActionView> {
  return call(commands.actionSetStatus, { id, status, note });
}

/** One change to many actions; resolves to what it replaced (hand it to `undoBulk`). */
export function bulkUpdateActions(ids: number[], change: BulkChange): Promise<BulkOutcome> {
  return call(commands.actionBulk, { ids, change });
}

/** Puts back what a bulk change replaced; resolves to how many actions were restored. */
export function undoBulk(prior: ActionPrior[]): Promise<number> {
  return call(commands.actionUndoBulk, { prior });
}

export function deleteAction(id: number): Promise<void> {
  return call(commands.actionDelete, { id });
}

/** Counts per status, overdue and due today (the filter's status and due window are ignored). */
export function actionCounts(filter: ActionFilter): Promise<ActionCounts> {
  return call(commands.actionCounts, { filter });
}

/** Open and overdue actions per ASL (every ASL, zero included). */
export function openActionsByAsl(): Promise<AslActionCount[]> {
  return call(commands.actionOpenByAsl);
}

export function savedActionFilters(): Promise<SavedFilter[]> {
  return call(commands.actionFilters);
}

/** Saves (or replaces, by name) a filter: the query string of the list's address. */
export function saveActionFilter(name: string, query: string): Promise<SavedFilter> {
  return call(commands.actionFilterSave, { name, query });
}

export function deleteActionFilter(id: number): Promise<void> {
  return call(commands.actionFilterDelete, { id });
}

/** Subscribes to the daily notice of actions overdue or due today (also one given before). */
export function watchActionAlerts(onAlert: (counts: ActionCounts) => void): Promise<void> {
  const channel = new Channel<ActionCounts>(onAlert);
  return call(commands.actionAlertsWatch, { on_alert: channel });
}

/** The comune's history, newest first. */
export function comuneTimeline(istatCode: string, limit: number): Promise<TimelineEntry[]> {
  return call(commands.comuneTimeline, { istat_code: istatCode, limit });
}

/** A zone's or an ASL's page: comuni with their open work, action counts, coming meetings. */
export function areaOverview(area: AreaRef): Promise<AreaOverview> {
  return call(commands.areaOverview, { area });
}

/** The latest action status changes and meeting edits, newest first. */
export function recentChanges(limit: number): Promise<RecentChange[]> {
  return call(commands.recentChanges, { limit });
}

/** The actions of `filter` as XLSX or CSV through the native save dialog; `null` when cancelled. */
export function exportActions(filter: ActionFilter, format: ActionExportFormat): Promise<ExportOutcome | null> {
  return call(commands.actionsExport, { filter, format });
}

/** The comune's "Scheda comune" PDF through the native save dialog; `null` when cancelled. */
export function exportComuneReport(istatCode: string, name: string): Promise<ExportOutcome | null> {
  return call(commands.comuneReportExport, { istat_code: istatCode, name });
}
