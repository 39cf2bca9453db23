// A fake Tauri backend for component tests: mockIPC underneath the real api.ts, so every test
// also checks the command names and argument objects the screens send.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { ApiError } from '../lib/bindings/ApiError';

export type Command =
  | 'app_status'
  | 'app_info'
  | 'territory_tree'
  | 'comune_search'
  | 'comune_get'
  | 'zone_list'
  | 'zone_confirm'
  | 'zone_rename'
  | 'comune_set_zone'
  | 'territory_map'
  | 'profile_get'
  | 'profile_save'
  | 'comune_people'
  | 'contact_search'
  | 'person_page'
  | 'person_get'
  | 'person_create'
  | 'person_update'
  | 'person_erase'
  | 'person_duplicates'
  | 'person_merge'
  | 'org_list'
  | 'org_get'
  | 'org_create'
  | 'org_roles'
  | 'org_links'
  | 'role_add'
  | 'role_update'
  | 'role_delete'
  | 'contacts_import_pick'
  | 'contacts_import_run'
  | 'contacts_export'
  | 'person_export_gdpr'
  | 'audit_page'
  | 'audit_entities'
  | 'audit_export'
  | 'backup_overview'
  | 'backup_create'
  | 'backup_verify'
  | 'backup_restore_request'
  | 'backup_restore_cancel'
  | 'meeting_list'
  | 'meeting_count'
  | 'meeting_get'
  | 'meeting_create'
  | 'meeting_update'
  | 'meeting_move'
  | 'meeting_set_status'
  | 'meeting_delete'
  | 'meeting_delete_series'
  | 'meeting_propose_invitees'
  | 'meeting_set_attendance'
  | 'meeting_conflicts'
  | 'meeting_upcoming'
  | 'comune_meetings'
  | 'calendar_import_pick'
  | 'calendar_import_run'
  | 'calendar_export'
  | 'actions_export'
  | 'comune_report_export'
  | 'meeting_attach'
  | 'meeting_attachment_open'
  | 'meeting_attachment_remove'
  | 'reminder_settings_get'
  | 'reminder_settings_save'
  | 'reminders_watch'
  | 'sai_list'
  | 'sai_map'
  | 'sai_summary'
  | 'sai_changes'
  | 'sai_comune'
  | 'sai_set_status'
  | 'sai_edit'
  | 'sai_export'
  | 'minutes_get'
  | 'minutes_start'
  | 'minutes_save_draft'
  | 'minutes_approve'
  | 'minutes_open_revision'
  | 'minutes_logo_pick'
  | 'minutes_export'
  | 'minutes_open_pdf'
  | 'minutes_batch_preview'
  | 'minutes_batch_export'
  | 'minutes_batch_cancel'
  | 'action_list'
  | 'action_count'
  | 'action_get'
  | 'action_create'
  | 'action_update'
  | 'action_set_status'
  | 'action_bulk'
  | 'action_undo_bulk'
  | 'action_delete'
  | 'action_counts'
  | 'action_open_by_asl'
  | 'action_filters'
  | 'action_filter_save'
  | 'action_filter_delete'
  | 'action_alerts_watch'
  | 'comune_timeline'
  | 'area_overview'
  | 'recent_changes';

export type Args = Record<string, unknown>;
export type Handler = (args: Args) => unknown;
export type Call = { cmd: string; args: Args };

/** Install handlers; returns the list of calls, appended as they happen. */
export function fakeBackend(handlers: Partial<Record<Command, Handler>>): Call[] {
  const calls: Call[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Args;
    calls.push({ cmd, args });
    const handler = handlers[cmd as Command];
    if (!handler) {
      const error: ApiError = { kind: 'internal', message: `unmocked command ${cmd}`, details: [] };
      throw error;
    }
    return handler(args);
  });
  return calls;
}

export function apiError(kind: ApiError['kind'], message: string, details: ApiError['details'] = []): ApiError {
  return { kind, message, details };
}

/** A promise that never settles, to hold a screen in its loading state. */
export function never<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

export function callsTo(calls: Call[], cmd: Command): Call[] {
  return calls.filter((c) => c.cmd === cmd);
}
