// Agenda: meetings, invitations, calendar files (ICS), attachments and reminders.
// Each function calls one command through ../ipc (names, arguments and results typed by
// ../generated/commands); ../api re-exports them all.
import { Channel, call } from '../ipc';
import { commands } from '../generated/commands';
import type { Attachment } from '../bindings/Attachment';
import type { AttendanceInput } from '../bindings/AttendanceInput';
import type { CalendarImportReport } from '../bindings/CalendarImportReport';
import type { CalendarPick } from '../bindings/CalendarPick';
import type { CalendarSelection } from '../bindings/CalendarSelection';
import type { ExportOutcome } from '../bindings/ExportOutcome';
import type { InvitationView } from '../bindings/InvitationView';
import type { MeetingConflict } from '../bindings/MeetingConflict';
import type { MeetingFilter } from '../bindings/MeetingFilter';
import type { MeetingInput } from '../bindings/MeetingInput';
import type { MeetingKind } from '../bindings/MeetingKind';
import type { MeetingStatus } from '../bindings/MeetingStatus';
import type { MeetingSummary } from '../bindings/MeetingSummary';
import type { MeetingView } from '../bindings/MeetingView';
import type { ProposedInvitee } from '../bindings/ProposedInvitee';
import type { Reminder } from '../bindings/Reminder';
import type { ReminderSettings } from '../bindings/ReminderSettings';
import type { Scope } from '../bindings/Scope';

// Local times are Europe/Rome wall-clock times `YYYY-MM-DDTHH:MM:SS`; dates are ISO `YYYY-MM-DD`.

/** The meetings matching `filter` (a calendar range, or one page of the list), by start. */
export function listMeetings(filter: MeetingFilter): Promise<MeetingSummary[]> {
  return call(commands.meetingList, { filter });
}

/** How many meetings match `filter` (limit and offset ignored). */
export function countMeetings(filter: MeetingFilter): Promise<number> {
  return call(commands.meetingCount, { filter });
}

export function getMeeting(id: number): Promise<MeetingView> {
  return call(commands.meetingGet, { id });
}

/** Creates a meeting, or a series when `input.recurrence` is set (resolves to the first one). */
export function createMeeting(input: MeetingInput): Promise<MeetingView> {
  return call(commands.meetingCreate, { input });
}

export function updateMeeting(id: number, input: MeetingInput): Promise<MeetingView> {
  return call(commands.meetingUpdate, { id, input });
}

/** Moves a meeting to a new local start, keeping its length (moving it back is the undo). */
export function moveMeeting(id: number, start: string): Promise<MeetingView> {
  return call(commands.meetingMove, { id, start });
}

/** Changes the status; the note goes into the status history. */
export function setMeetingStatus(id: number, status: MeetingStatus, note: string): Promise<MeetingView> {
  return call(commands.meetingSetStatus, { id, status, note });
}

/** Deletes one meeting (an occurrence of a series becomes an exception of the series). */
export function deleteMeeting(id: number): Promise<MeetingSummary> {
  return call(commands.meetingDelete, { id });
}

/** Deletes every meeting of a series; resolves to how many were deleted. */
export function deleteMeetingSeries(seriesId: number): Promise<number> {
  return call(commands.meetingDeleteSeries, { series_id: seriesId });
}

/** Who a meeting of `kind` over `scope` invites on the ISO date `on` (offices resolved to people). */
export function proposeInvitees(kind: MeetingKind, scope: Scope, on: string): Promise<ProposedInvitee[]> {
  return call(commands.meetingProposeInvitees, { kind, scope, on });
}

export function setAttendance(invitationId: number, input: AttendanceInput): Promise<InvitationView> {
  return call(commands.meetingSetAttendance, { invitation_id: invitationId, input });
}

/** Meetings overlapping `start`..`end` (local), except `exclude`, and which of `people` are in both. */
export function meetingConflicts(
  start: string,
  end: string,
  exclude: number | null,
  people: number[],
): Promise<MeetingConflict[]> {
  return call(commands.meetingConflicts, { start, end, exclude, people });
}

/** Meetings of the next `days` days (not cancelled), soonest first. */
export function upcomingMeetings(days: number): Promise<MeetingSummary[]> {
  return call(commands.meetingUpcoming, { days });
}

/** The meetings that concerned a comune (its own, its zone's, ASL's, province's, Unione's, the region's, or with its people invited), newest first. */
export function comuneMeetings(istatCode: string): Promise<MeetingSummary[]> {
  return call(commands.comuneMeetings, { istat_code: istatCode });
}

/** Opens the native open dialog for a calendar (.ics); `null` when the user cancels. */
export function pickCalendarImport(): Promise<CalendarPick | null> {
  return call(commands.calendarImportPick);
}

/** Imports the chosen calendar all-or-nothing, after a backup; `dryRun` only reports what would happen. */
export function runCalendarImport(token: number, dryRun: boolean): Promise<CalendarImportReport> {
  return call(commands.calendarImportRun, { token, dry_run: dryRun });
}

/** Opens the native save dialog and writes the selected meetings as .ics (a series whole); `null` when cancelled. */
export function exportCalendar(selection: CalendarSelection): Promise<ExportOutcome | null> {
  return call(commands.calendarExport, { selection });
}

/** Shows the native open dialog and attaches the chosen file (copied beside the database); null when cancelled. */
export function attachFile(meetingId: number): Promise<Attachment | null> {
  return call(commands.meetingAttach, { meeting_id: meetingId });
}

/** Opens the attachment's verified copy with the system viewer (rejects, explaining, if it was changed or moved). */
export function openAttachment(attachmentId: number): Promise<void> {
  return call(commands.meetingAttachmentOpen, { attachment_id: attachmentId });
}

/** Removes an attachment and its copy (the original file is never touched). */
export function removeAttachment(attachmentId: number): Promise<Attachment> {
  return call(commands.meetingAttachmentRemove, { attachment_id: attachmentId });
}

export function getReminderSettings(): Promise<ReminderSettings> {
  return call(commands.reminderSettingsGet);
}

/** Stores the reminder leads (minutes before the start; empty = no reminders); resolves to them as stored. */
export function saveReminderSettings(input: ReminderSettings): Promise<ReminderSettings> {
  return call(commands.reminderSettingsSave, { input });
}

/**
 * Subscribes to the reminders the app gives while it runs (also those given before the page
 * subscribed). A later call replaces the previous subscription.
 */
export function watchReminders(onReminder: (reminder: Reminder) => void): Promise<void> {
  const channel = new Channel<Reminder>(onReminder);
  return call(commands.remindersWatch, { on_reminder: channel });
}
