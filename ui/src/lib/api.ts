// The only module that talks to the Tauri backend. Screens import these typed functions, so tests
// can replace this module (vi.mock) or the IPC underneath it (mockIPC). Command names and argument
// objects follow docs/ipc-contract.md exactly (snake_case).
import { Channel, invoke } from '@tauri-apps/api/core';
import type { ActionCounts } from './bindings/ActionCounts';
import type { ActionExportFormat } from './bindings/ActionExportFormat';
import type { ActionFilter } from './bindings/ActionFilter';
import type { ActionInput } from './bindings/ActionInput';
import type { ActionPage } from './bindings/ActionPage';
import type { ActionPrior } from './bindings/ActionPrior';
import type { ActionStatus } from './bindings/ActionStatus';
import type { ActionView } from './bindings/ActionView';
import type { AreaOverview } from './bindings/AreaOverview';
import type { AreaRef } from './bindings/AreaRef';
import type { AslActionCount } from './bindings/AslActionCount';
import type { BulkChange } from './bindings/BulkChange';
import type { BulkOutcome } from './bindings/BulkOutcome';
import type { RecentChange } from './bindings/RecentChange';
import type { SavedFilter } from './bindings/SavedFilter';
import type { TimelineEntry } from './bindings/TimelineEntry';
import type { ApiError as ApiErrorData } from './bindings/ApiError';
import type { AppInfo } from './bindings/AppInfo';
import type { AppStatus } from './bindings/AppStatus';
import type { AuditExportKind } from './bindings/AuditExportKind';
import type { AuditExportOutcome } from './bindings/AuditExportOutcome';
import type { AuditFilter } from './bindings/AuditFilter';
import type { AuditPage } from './bindings/AuditPage';
import type { BackupEntry } from './bindings/BackupEntry';
import type { BackupOverview } from './bindings/BackupOverview';
import type { BatchOutcome } from './bindings/BatchOutcome';
import type { BatchPlan } from './bindings/BatchPlan';
import type { BatchProgress } from './bindings/BatchProgress';
import type { BatchSelection } from './bindings/BatchSelection';
import type { BatchTarget } from './bindings/BatchTarget';
import type { MinutesFormat } from './bindings/MinutesFormat';
import type { CalendarImportReport } from './bindings/CalendarImportReport';
import type { CalendarPick } from './bindings/CalendarPick';
import type { CalendarSelection } from './bindings/CalendarSelection';
import type { CheckReport } from './bindings/CheckReport';
import type { ComuneDetail } from './bindings/ComuneDetail';
import type { ComuneSummary } from './bindings/ComuneSummary';
import type { ErrorKind } from './bindings/ErrorKind';
import type { ContactExportKind } from './bindings/ContactExportKind';
import type { ContactField } from './bindings/ContactField';
import type { ContactImportReport } from './bindings/ContactImportReport';
import type { DuplicateGroup } from './bindings/DuplicateGroup';
import type { ExportOutcome } from './bindings/ExportOutcome';
import type { ImportPick } from './bindings/ImportPick';
import type { OrgInput } from './bindings/OrgInput';
import type { OrgKind } from './bindings/OrgKind';
import type { OrgLink } from './bindings/OrgLink';
import type { OrgView } from './bindings/OrgView';
import type { PersonFilter } from './bindings/PersonFilter';
import type { PersonInput } from './bindings/PersonInput';
import type { PersonPage } from './bindings/PersonPage';
import type { PersonView } from './bindings/PersonView';
import type { RoleInput } from './bindings/RoleInput';
import type { SearchHit } from './bindings/SearchHit';
import type { FieldError } from './bindings/FieldError';
import type { Attachment } from './bindings/Attachment';
import type { AttendanceInput } from './bindings/AttendanceInput';
import type { InvitationView } from './bindings/InvitationView';
import type { MeetingConflict } from './bindings/MeetingConflict';
import type { MinutesContent } from './bindings/MinutesContent';
import type { MinutesView } from './bindings/MinutesView';
import type { LogoPick } from './bindings/LogoPick';
import type { MeetingFilter } from './bindings/MeetingFilter';
import type { MeetingInput } from './bindings/MeetingInput';
import type { MeetingKind } from './bindings/MeetingKind';
import type { MeetingStatus } from './bindings/MeetingStatus';
import type { MeetingSummary } from './bindings/MeetingSummary';
import type { MeetingView } from './bindings/MeetingView';
import type { ProposedInvitee } from './bindings/ProposedInvitee';
import type { Reminder } from './bindings/Reminder';
import type { SaiChange } from './bindings/SaiChange';
import type { SaiComunePage } from './bindings/SaiComunePage';
import type { SaiComuneView } from './bindings/SaiComuneView';
import type { SaiFactsInput } from './bindings/SaiFactsInput';
import type { SaiExportKind } from './bindings/SaiExportKind';
import type { SaiFilter } from './bindings/SaiFilter';
import type { SaiGroupBy } from './bindings/SaiGroupBy';
import type { SaiRecord } from './bindings/SaiRecord';
import type { SaiRow } from './bindings/SaiRow';
import type { SaiStatusInput } from './bindings/SaiStatusInput';
import type { SaiSummary } from './bindings/SaiSummary';
import type { ReminderSettings } from './bindings/ReminderSettings';
import type { Scope } from './bindings/Scope';
import type { Profile } from './bindings/Profile';
import type { RoleView } from './bindings/RoleView';
import type { ProfileInput } from './bindings/ProfileInput';
import type { TerritoryTree } from './bindings/TerritoryTree';
import type { TuscanyMap } from './bindings/TuscanyMap';
import type { Zone } from './bindings/Zone';

const ERROR_KINDS: readonly ErrorKind[] = [
  'not_found',
  'validation',
  'conflict',
  'database_too_new',
  'database_corrupt',
  'database_locked',
  'io',
  'import',
  'cancelled',
  'internal',
];

function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && (ERROR_KINDS as readonly string[]).includes(value);
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).field === 'string' &&
    typeof (value as FieldError).message === 'string'
  );
}

/** The one error that crosses IPC, as a throwable object. Every api.ts function rejects with it. */
export class ApiError extends Error implements ApiErrorData {
  readonly kind: ErrorKind;
  readonly details: FieldError[];

  constructor(kind: ErrorKind, message: string, details: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.details = details;
  }

  /**
   * Normalise whatever `invoke` rejected with. The backend sends `{kind, message, details}`;
   * anything else (a plain string from Tauri itself, a JS exception when IPC is missing) becomes
   * an `internal` error carrying its text.
   */
  static from(error: unknown): ApiError {
    if (error instanceof ApiError) return error;
    if (typeof error === 'object' && error !== null) {
      const e = error as Partial<ApiErrorData>;
      if (isErrorKind(e.kind) && typeof e.message === 'string') {
        const details = Array.isArray(e.details) ? e.details.filter(isFieldError) : [];
        return new ApiError(e.kind, e.message, details);
      }
      if (error instanceof Error) return new ApiError('internal', error.message);
    }
    if (typeof error === 'string') return new ApiError('internal', error);
    return new ApiError('internal', String(error));
  }

  /** Message for one field (`coordinator_name`, `input.coordinator_name` both match `coordinator_name`). */
  fieldMessage(field: string): string | undefined {
    return this.details.find((d) => d.field === field || d.field.endsWith(`.${field}`))?.message;
  }
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw ApiError.from(error);
  }
}

export function appStatus(): Promise<AppStatus> {
  return call<AppStatus>('app_status');
}

export function appInfo(): Promise<AppInfo> {
  return call<AppInfo>('app_info');
}

export function territoryTree(): Promise<TerritoryTree> {
  return call<TerritoryTree>('territory_tree');
}

/** The 273 comuni as SVG paths in one viewBox (computed once by the core). */
export function territoryMap(): Promise<TuscanyMap> {
  return call<TuscanyMap>('territory_map');
}

export function searchComuni(query: string, limit = 20): Promise<ComuneSummary[]> {
  return call<ComuneSummary[]>('comune_search', { query, limit });
}

export function getComune(istatCode: string): Promise<ComuneDetail> {
  return call<ComuneDetail>('comune_get', { istat_code: istatCode });
}

/** People in office today at the comune's Comune organisation. */
export function comunePeople(istatCode: string): Promise<RoleView[]> {
  return call<RoleView[]>('comune_people', { istat_code: istatCode });
}

export function listZones(): Promise<Zone[]> {
  return call<Zone[]>('zone_list');
}

export function confirmZones(ids: number[]): Promise<Zone[]> {
  return call<Zone[]>('zone_confirm', { ids });
}

export function renameZone(id: number, name: string): Promise<Zone> {
  return call<Zone>('zone_rename', { id, name });
}

/** `zoneId` null removes the comune from any zone from `validFrom` (ISO date) on. */
export function setComuneZone(
  istatCode: string,
  zoneId: number | null,
  validFrom: string,
): Promise<ComuneDetail> {
  return call<ComuneDetail>('comune_set_zone', {
    istat_code: istatCode,
    zone_id: zoneId,
    valid_from: validFrom,
  });
}

export function getProfile(): Promise<Profile> {
  return call<Profile>('profile_get');
}

export function saveProfile(input: ProfileInput): Promise<Profile> {
  return call<Profile>('profile_save', { input });
}

// ---- Contacts --------------------------------------------------------------------------------

/** As-you-type search across people, organisations and offices (best first). */
export function searchContacts(query: string, limit = 30): Promise<SearchHit[]> {
  return call<SearchHit[]>('contact_search', { query, limit });
}

/** A window of the people matching `filter` (by family name) and how many match in all. */
export function personPage(filter: PersonFilter, offset: number, limit: number): Promise<PersonPage> {
  return call<PersonPage>('person_page', { filter, offset, limit });
}

export function getPerson(id: number): Promise<PersonView> {
  return call<PersonView>('person_get', { id });
}

export function createPerson(input: PersonInput): Promise<PersonView> {
  return call<PersonView>('person_create', { input });
}

export function updatePerson(id: number, input: PersonInput): Promise<PersonView> {
  return call<PersonView>('person_update', { id, input });
}

/** GDPR erasure: removes the person everywhere (meeting history shows "partecipante rimosso"). */
export function erasePerson(id: number): Promise<void> {
  return call<void>('person_erase', { id });
}

export function personDuplicates(): Promise<DuplicateGroup[]> {
  return call<DuplicateGroup[]>('person_duplicates');
}

/** Merges `removeIds` into `keepId`, keeping every office, e-mail, phone, tag and note. */
export function mergePeople(keepId: number, removeIds: number[]): Promise<PersonView> {
  return call<PersonView>('person_merge', { keep_id: keepId, remove_ids: removeIds });
}

export function listOrgs(kind: OrgKind | null = null, search: string | null = null): Promise<OrgView[]> {
  return call<OrgView[]>('org_list', { kind, search });
}

export function getOrg(id: number): Promise<OrgView> {
  return call<OrgView>('org_get', { id });
}

export function createOrg(input: OrgInput): Promise<OrgView> {
  return call<OrgView>('org_create', { input });
}

/** Offices at the organisation; with `on` (ISO date) only those held on that day. */
export function orgRoles(id: number, on: string | null = null): Promise<RoleView[]> {
  return call<RoleView[]>('org_roles', { id, on });
}

/** Member comuni (Unione) or zones (SdS), dated; empty for other kinds. */
export function orgLinks(id: number, on: string | null = null): Promise<OrgLink[]> {
  return call<OrgLink[]>('org_links', { id, on });
}

export function addRole(input: RoleInput): Promise<RoleView> {
  return call<RoleView>('role_add', { input });
}

export function updateRole(id: number, input: RoleInput): Promise<RoleView> {
  return call<RoleView>('role_update', { id, input });
}

export function deleteRole(id: number): Promise<RoleView> {
  return call<RoleView>('role_delete', { id });
}

/** Opens the native file dialog; `null` when the user cancels. */
export function pickContactsImport(): Promise<ImportPick | null> {
  return call<ImportPick | null>('contacts_import_pick');
}

/**
 * Imports the chosen file (all-or-nothing). `mapping` (CSV only) pairs each column with a field;
 * `dryRun` only reports what would happen.
 */
export function runContactsImport(
  token: number,
  mapping: [string, ContactField][] | null,
  dryRun: boolean,
): Promise<ContactImportReport> {
  return call<ContactImportReport>('contacts_import_run', { token, mapping, dry_run: dryRun });
}

/** Opens the native save dialog and writes the people matching `filter`; `null` when cancelled. */
export function exportContacts(kind: ContactExportKind, filter: PersonFilter): Promise<ExportOutcome | null> {
  return call<ExportOutcome | null>('contacts_export', { kind, filter });
}

/** GDPR: saves everything about the person as JSON (native save dialog); `null` when cancelled. */
export function exportPersonData(id: number): Promise<ExportOutcome | null> {
  return call<ExportOutcome | null>('person_export_gdpr', { id });
}

// ---- Audit log (Registro attività) -------------------------------------------------------------

/** A window of the audit entries matching `filter`, newest first, and how many match in all. */
export function auditPage(filter: AuditFilter, offset: number, limit: number): Promise<AuditPage> {
  return call<AuditPage>('audit_page', { filter, offset, limit });
}

/** The entity names present in the audit log (for the filter). */
export function auditEntities(): Promise<string[]> {
  return call<string[]>('audit_entities');
}

/** Opens the native save dialog and writes the matching entries; `null` when cancelled. */
export function exportAudit(kind: AuditExportKind, filter: AuditFilter): Promise<AuditExportOutcome | null> {
  return call<AuditExportOutcome | null>('audit_export', { kind, filter });
}

// ---- Backup e ripristino -----------------------------------------------------------------------

/** The backups beside the database (newest first), their folder and the pending restore. */
export function backupOverview(): Promise<BackupOverview> {
  return call<BackupOverview>('backup_overview');
}

/** Takes a verified backup now (reason `manual`). */
export function createBackup(): Promise<BackupEntry> {
  return call<BackupEntry>('backup_create');
}

/** Read-only integrity check of the backup with this file name. */
export function verifyBackup(fileName: string): Promise<CheckReport> {
  return call<CheckReport>('backup_verify', { file_name: fileName });
}

/** Verifies the backup and stages it to be restored when Raccordo next starts. */
export function requestRestore(fileName: string): Promise<BackupEntry> {
  return call<BackupEntry>('backup_restore_request', { file_name: fileName });
}

/** Withdraws the restore waiting for the next start. */
export function cancelRestore(): Promise<void> {
  return call<void>('backup_restore_cancel');
}

// ---- Agenda (meetings) ---------------------------------------------------------------------------
// Local times are Europe/Rome wall-clock times `YYYY-MM-DDTHH:MM:SS`; dates are ISO `YYYY-MM-DD`.

/** The meetings matching `filter` (a calendar range, or one page of the list), by start. */
export function listMeetings(filter: MeetingFilter): Promise<MeetingSummary[]> {
  return call<MeetingSummary[]>('meeting_list', { filter });
}

/** How many meetings match `filter` (limit and offset ignored). */
export function countMeetings(filter: MeetingFilter): Promise<number> {
  return call<number>('meeting_count', { filter });
}

export function getMeeting(id: number): Promise<MeetingView> {
  return call<MeetingView>('meeting_get', { id });
}

/** Creates a meeting, or a series when `input.recurrence` is set (resolves to the first one). */
export function createMeeting(input: MeetingInput): Promise<MeetingView> {
  return call<MeetingView>('meeting_create', { input });
}

export function updateMeeting(id: number, input: MeetingInput): Promise<MeetingView> {
  return call<MeetingView>('meeting_update', { id, input });
}

/** Moves a meeting to a new local start, keeping its length (moving it back is the undo). */
export function moveMeeting(id: number, start: string): Promise<MeetingView> {
  return call<MeetingView>('meeting_move', { id, start });
}

/** Changes the status; the note goes into the status history. */
export function setMeetingStatus(id: number, status: MeetingStatus, note: string): Promise<MeetingView> {
  return call<MeetingView>('meeting_set_status', { id, status, note });
}

/** Deletes one meeting (an occurrence of a series becomes an exception of the series). */
export function deleteMeeting(id: number): Promise<MeetingSummary> {
  return call<MeetingSummary>('meeting_delete', { id });
}

/** Deletes every meeting of a series; resolves to how many were deleted. */
export function deleteMeetingSeries(seriesId: number): Promise<number> {
  return call<number>('meeting_delete_series', { series_id: seriesId });
}

/** Who a meeting of `kind` over `scope` invites on the ISO date `on` (offices resolved to people). */
export function proposeInvitees(kind: MeetingKind, scope: Scope, on: string): Promise<ProposedInvitee[]> {
  return call<ProposedInvitee[]>('meeting_propose_invitees', { kind, scope, on });
}

export function setAttendance(invitationId: number, input: AttendanceInput): Promise<InvitationView> {
  return call<InvitationView>('meeting_set_attendance', { invitation_id: invitationId, input });
}

/** Meetings overlapping `start`..`end` (local), except `exclude`, and which of `people` are in both. */
export function meetingConflicts(
  start: string,
  end: string,
  exclude: number | null,
  people: number[],
): Promise<MeetingConflict[]> {
  return call<MeetingConflict[]>('meeting_conflicts', { start, end, exclude, people });
}

/** Meetings of the next `days` days (not cancelled), soonest first. */
export function upcomingMeetings(days: number): Promise<MeetingSummary[]> {
  return call<MeetingSummary[]>('meeting_upcoming', { days });
}

/** The meetings that concerned a comune (its own, its zone's, ASL's, province's, Unione's, the region's, or with its people invited), newest first. */
export function comuneMeetings(istatCode: string): Promise<MeetingSummary[]> {
  return call<MeetingSummary[]>('comune_meetings', { istat_code: istatCode });
}

// ---- Calendar files (ICS) ------------------------------------------------------------------------

/** Opens the native open dialog for a calendar (.ics); `null` when the user cancels. */
export function pickCalendarImport(): Promise<CalendarPick | null> {
  return call<CalendarPick | null>('calendar_import_pick');
}

/** Imports the chosen calendar all-or-nothing, after a backup; `dryRun` only reports what would happen. */
export function runCalendarImport(token: number, dryRun: boolean): Promise<CalendarImportReport> {
  return call<CalendarImportReport>('calendar_import_run', { token, dry_run: dryRun });
}

/** Opens the native save dialog and writes the selected meetings as .ics (a series whole); `null` when cancelled. */
export function exportCalendar(selection: CalendarSelection): Promise<ExportOutcome | null> {
  return call<ExportOutcome | null>('calendar_export', { selection });
}

// ---- Meeting attachments and reminders ---------------------------------------------------------

/** Shows the native open dialog and attaches the chosen file (copied beside the database); null when cancelled. */
export function attachFile(meetingId: number): Promise<Attachment | null> {
  return call<Attachment | null>('meeting_attach', { meeting_id: meetingId });
}

/** Opens the attachment's verified copy with the system viewer (rejects, explaining, if it was changed or moved). */
export function openAttachment(attachmentId: number): Promise<void> {
  return call<void>('meeting_attachment_open', { attachment_id: attachmentId });
}

/** Removes an attachment and its copy (the original file is never touched). */
export function removeAttachment(attachmentId: number): Promise<Attachment> {
  return call<Attachment>('meeting_attachment_remove', { attachment_id: attachmentId });
}

export function getReminderSettings(): Promise<ReminderSettings> {
  return call<ReminderSettings>('reminder_settings_get');
}

/** Stores the reminder leads (minutes before the start; empty = no reminders); resolves to them as stored. */
export function saveReminderSettings(input: ReminderSettings): Promise<ReminderSettings> {
  return call<ReminderSettings>('reminder_settings_save', { input });
}

/**
 * Subscribes to the reminders the app gives while it runs (also those given before the page
 * subscribed). A later call replaces the previous subscription.
 */
export function watchReminders(onReminder: (reminder: Reminder) => void): Promise<void> {
  const channel = new Channel<Reminder>(onReminder);
  return call<void>('reminders_watch', { on_reminder: channel });
}

// ---- Verbali: batch export ---------------------------------------------------------------------

/** The approved verbali `selection` would export (latest approved version of each). */
export function minutesBatchPreview(selection: BatchSelection): Promise<BatchPlan> {
  return call<BatchPlan>('minutes_batch_preview', { selection });
}

/**
 * Asks where (a folder, in which a new folder is created, or a zip file) through the native
 * dialog, then exports, reporting progress; `null` when the dialog was cancelled. A cancel
 * ({@link minutesBatchCancel}) rejects with kind `cancelled` and leaves nothing behind.
 */
export function minutesBatchExport(
  selection: BatchSelection,
  format: MinutesFormat,
  target: BatchTarget,
  onProgress: (progress: BatchProgress) => void,
): Promise<BatchOutcome | null> {
  const channel = new Channel<BatchProgress>(onProgress);
  return call<BatchOutcome | null>('minutes_batch_export', { selection, format, target, on_progress: channel });
}

/** Stops the running batch export before its next file. */
export function minutesBatchCancel(): Promise<void> {
  return call<void>('minutes_batch_cancel');
}

// ---- Ricognizione SAI ----------------------------------------------------------------------------

/** The survey records matching `filter` (territory of each ente today), by ASL, zone and name. */
export function saiList(filter: SaiFilter): Promise<SaiRow[]> {
  return call<SaiRow[]>('sai_list', { filter });
}

/** How every comune is shown on the map today (own status, or covered through an Unione/SdS). */
export function saiMap(): Promise<SaiComuneView[]> {
  return call<SaiComuneView[]>('sai_map');
}

export function saiSummary(by: SaiGroupBy): Promise<SaiSummary> {
  return call<SaiSummary>('sai_summary', { by });
}

/** The enti whose status changed on or after `since` (ISO date), most recent first. */
export function saiChanges(since: string): Promise<SaiChange[]> {
  return call<SaiChange[]>('sai_changes', { since });
}

/** The comune page's SAI section: how the comune is shown, its own record, its Comune organisation. */
export function saiComune(istatCode: string): Promise<SaiComunePage> {
  return call<SaiComunePage>('sai_comune', { istat_code: istatCode });
}

/** Records a dated status change of an ente (creating its survey record if needed). */
export function saiSetStatus(orgId: number, input: SaiStatusInput): Promise<SaiRecord> {
  return call<SaiRecord>('sai_set_status', { org_id: orgId, input });
}

/** Replaces the project facts and the next step of an ente's record. */
export function saiEdit(orgId: number, input: SaiFactsInput): Promise<SaiRecord> {
  return call<SaiRecord>('sai_edit', { org_id: orgId, input });
}

/** The survey of `filter` as CSV, XLSX or the summary PDF (maps and tables per ASL) through the
 * native save dialog; `null` when cancelled. */
export function exportSai(filter: SaiFilter, kind: SaiExportKind): Promise<ExportOutcome | null> {
  return call<ExportOutcome | null>('sai_export', { filter, kind });
}

// ---- Follow-up actions (Azioni) and the overview pages -----------------------------------------
// Due dates are ISO days (Europe/Rome); "today" (overdue, due windows) is the shell's.

/** One page of the actions matching `filter` (its `offset`/`limit`), with the total. */
export function listActions(filter: ActionFilter): Promise<ActionPage> {
  return call<ActionPage>('action_list', { filter });
}

/** How many actions match `filter`. */
export function countActions(filter: ActionFilter): Promise<number> {
  return call<number>('action_count', { filter });
}

export function getAction(id: number): Promise<ActionView> {
  return call<ActionView>('action_get', { id });
}

/** Creates an action (status «aperta»). */
export function createAction(input: ActionInput): Promise<ActionView> {
  return call<ActionView>('action_create', { input });
}

/** Replaces an action's fields and links (the status is changed with `setActionStatus`). */
export function updateAction(id: number, input: ActionInput): Promise<ActionView> {
  return call<ActionView>('action_update', { id, input });
}

/** A dated status change with its note (the same status records a progress note). */
export function setActionStatus(id: number, status: ActionStatus, note: string): Promise<ActionView> {
  return call<ActionView>('action_set_status', { id, status, note });
}

/** One change to many actions; resolves to what it replaced (hand it to `undoBulk`). */
export function bulkUpdateActions(ids: number[], change: BulkChange): Promise<BulkOutcome> {
  return call<BulkOutcome>('action_bulk', { ids, change });
}

/** Puts back what a bulk change replaced; resolves to how many actions were restored. */
export function undoBulk(prior: ActionPrior[]): Promise<number> {
  return call<number>('action_undo_bulk', { prior });
}

export function deleteAction(id: number): Promise<void> {
  return call<void>('action_delete', { id });
}

/** Counts per status, overdue and due today (the filter's status and due window are ignored). */
export function actionCounts(filter: ActionFilter): Promise<ActionCounts> {
  return call<ActionCounts>('action_counts', { filter });
}

/** Open and overdue actions per ASL (every ASL, zero included). */
export function openActionsByAsl(): Promise<AslActionCount[]> {
  return call<AslActionCount[]>('action_open_by_asl');
}

export function savedActionFilters(): Promise<SavedFilter[]> {
  return call<SavedFilter[]>('action_filters');
}

/** Saves (or replaces, by name) a filter: the query string of the list's address. */
export function saveActionFilter(name: string, query: string): Promise<SavedFilter> {
  return call<SavedFilter>('action_filter_save', { name, query });
}

export function deleteActionFilter(id: number): Promise<void> {
  return call<void>('action_filter_delete', { id });
}

/** Subscribes to the daily notice of actions overdue or due today (also one given before). */
export function watchActionAlerts(onAlert: (counts: ActionCounts) => void): Promise<void> {
  const channel = new Channel<ActionCounts>(onAlert);
  return call<void>('action_alerts_watch', { on_alert: channel });
}

/** The comune's history, newest first. */
export function comuneTimeline(istatCode: string, limit: number): Promise<TimelineEntry[]> {
  return call<TimelineEntry[]>('comune_timeline', { istat_code: istatCode, limit });
}

/** A zone's or an ASL's page: comuni with their open work, action counts, coming meetings. */
export function areaOverview(area: AreaRef): Promise<AreaOverview> {
  return call<AreaOverview>('area_overview', { area });
}

/** The latest action status changes and meeting edits, newest first. */
export function recentChanges(limit: number): Promise<RecentChange[]> {
  return call<RecentChange[]>('recent_changes', { limit });
}

/** The actions of `filter` as XLSX or CSV through the native save dialog; `null` when cancelled. */
export function exportActions(filter: ActionFilter, format: ActionExportFormat): Promise<ExportOutcome | null> {
  return call<ExportOutcome | null>('actions_export', { filter, format });
}

/** The comune's "Scheda comune" PDF through the native save dialog; `null` when cancelled. */
export function exportComuneReport(istatCode: string, name: string): Promise<ExportOutcome | null> {
  return call<ExportOutcome | null>('comune_report_export', { istat_code: istatCode, name });
}

// ---- Verbali (minutes) -------------------------------------------------------------------------

/** The meeting's verbale; `null` when none was started. */
export function getMinutes(meetingId: number): Promise<MinutesView | null> {
  return call<MinutesView | null>('minutes_get', { meeting_id: meetingId });
}

/** The meeting's verbale, started prefilled from the meeting when there is none. */
export function startMinutes(meetingId: number): Promise<MinutesView> {
  return call<MinutesView>('minutes_start', { meeting_id: meetingId });
}

/** Saves the draft (autosave, Ctrl+S); rejected with kind `conflict` while approved. */
export function saveMinutesDraft(meetingId: number, content: MinutesContent): Promise<MinutesView> {
  return call<MinutesView>('minutes_save_draft', { meeting_id: meetingId, content });
}

/** Approves the draft: it locks and is kept as a version. */
export function approveMinutes(meetingId: number): Promise<MinutesView> {
  return call<MinutesView>('minutes_approve', { meeting_id: meetingId });
}

/** Opens the next revision of an approved verbale, with its reason. */
export function openMinutesRevision(meetingId: number, reason: string): Promise<MinutesView> {
  return call<MinutesView>('minutes_open_revision', { meeting_id: meetingId, reason });
}

/** Native open dialog for the header's logo; `null` when cancelled. */
export function pickMinutesLogo(): Promise<LogoPick | null> {
  return call<LogoPick | null>('minutes_logo_pick');
}

/** The verbale (version `revision`, or the current state when null) in `format` through the
 * native save dialog; `null` when cancelled. */
export function exportMinutes(
  meetingId: number,
  revision: number | null,
  format: MinutesFormat,
  logoToken: number | null,
): Promise<ExportOutcome | null> {
  return call<ExportOutcome | null>('minutes_export', {
    meeting_id: meetingId,
    revision,
    format,
    logo_token: logoToken,
  });
}

/** Renders the verbale's PDF and opens it with the system viewer (which can also print it). */
export function openMinutesPdf(meetingId: number, revision: number | null, logoToken: number | null): Promise<void> {
  return call<void>('minutes_open_pdf', { meeting_id: meetingId, revision, logo_token: logoToken });
}
