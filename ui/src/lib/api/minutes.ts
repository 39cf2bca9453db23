// Verbali: the editor's draft and approval, the logo, exports, and the batch export.
// Each function calls one command through ../ipc (names, arguments and results typed by
// ../generated/commands); ../api re-exports them all.
import { Channel, call } from '../ipc';
import { commands } from '../generated/commands';
import type { BatchOutcome } from '../bindings/BatchOutcome';
import type { BatchPlan } from '../bindings/BatchPlan';
import type { BatchProgress } from '../bindings/BatchProgress';
import type { BatchSelection } from '../bindings/BatchSelection';
import type { BatchTarget } from '../bindings/BatchTarget';
import type { ExportOutcome } from '../bindings/ExportOutcome';
import type { LogoPick } from '../bindings/LogoPick';
import type { MinutesContent } from '../bindings/MinutesContent';
import type { MinutesFormat } from '../bindings/MinutesFormat';
import type { MinutesView } from '../bindings/MinutesView';

/** The meeting's verbale; `null` when none was started. */
export function getMinutes(meetingId: number): Promise<MinutesView | null> {
  return call(commands.minutesGet, { meeting_id: meetingId });
}

/** The meeting's verbale, started prefilled from the meeting when there is none. */
export function startMinutes(meetingId: number): Promise<MinutesView> {
  return call(commands.minutesStart, { meeting_id: meetingId });
}

/** Saves the draft (autosave, Ctrl+S); rejected with kind `conflict` while approved. */
export function saveMinutesDraft(meetingId: number, content: MinutesContent): Promise<MinutesView> {
  return call(commands.minutesSaveDraft, { meeting_id: meetingId, content });
}

/** Approves the draft: it locks and is kept as a version. */
export function approveMinutes(meetingId: number): Promise<MinutesView> {
  return call(commands.minutesApprove, { meeting_id: meetingId });
}

/** Opens the next revision of an approved verbale, with its reason. */
export function openMinutesRevision(meetingId: number, reason: string): Promise<MinutesView> {
  return call(commands.minutesOpenRevision, { meeting_id: meetingId, reason });
}

/** Native open dialog for the header's logo; `null` when cancelled. */
export function pickMinutesLogo(): Promise<LogoPick | null> {
  return call(commands.minutesLogoPick);
}

/** The verbale (version `revision`, or the current state when null) in `format` through the
 * native save dialog; `null` when cancelled. */
export function exportMinutes(
  meetingId: number,
  revision: number | null,
  format: MinutesFormat,
  logoToken: number | null,
): Promise<ExportOutcome | null> {
  return call(commands.minutesExport, {
    meeting_id: meetingId,
    revision,
    format,
    logo_token: logoToken,
  });
}

/** Renders the verbale's PDF and opens it with the system viewer (which can also print it). */
export function openMinutesPdf(meetingId: number, revision: number | null, logoToken: number | null): Promise<void> {
  return call(commands.minutesOpenPdf, { meeting_id: meetingId, revision, logo_token: logoToken });
}

/** The approved verbali `selection` would export (latest approved version of each). */
export function minutesBatchPreview(selection: BatchSelection): Promise<BatchPlan> {
  return call(commands.minutesBatchPreview, { selection });
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
  return call(commands.minutesBatchExport, { selection, format, target, on_progress: channel });
}

/** Stops the running batch export before its next file. */
export function minutesBatchCancel(): Promise<void> {
  return call(commands.minutesBatchCancel);
}
