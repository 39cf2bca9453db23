//! raccordo-desktop: the Tauri 2 shell over the `raccordo` core.
//!
//! Contract: this crate holds no business rule. It resolves which database to open (the
//! `--db FILE` argument, then `RACCORDO_DB`, then the platform data directory — the same
//! resolution as the CLI), opens it once through the core, and exposes thin commands
//! (`commands/`) that take the managed [`AppState`], call one core function and return the
//! core's [`raccordo::error::ApiError`] on failure. A database that cannot be opened (corrupt,
//! newer schema, unreadable) does not stop the window: the error is kept and reported by
//! `app_status`, so the UI can explain it, and the file is never touched.

mod action_alerts;
mod commands;
mod dialog;
mod reminders;
mod state;
mod timing;
mod viewer;

pub use state::AppState;

/// On exit: the store is never dropped (the event loop ends the process), so end the session
/// explicitly; the next start then knows it was clean and skips the check.
fn close_store(handle: &tauri::AppHandle) {
    use tauri::Manager;
    if let Ok(store) = handle.state::<AppState>().store() {
        if let Err(e) = store.shutdown() {
            eprintln!("avviso: chiusura del database non completata: {e}");
        }
    }
}

/// Deletes attachment copies no meeting refers to any more (left by a crash); logged, never
/// fatal.
fn prune_attachments(state: &AppState) {
    if let Ok(store) = state.store() {
        if let Err(e) = raccordo::meetings::attachments::prune_orphans(store) {
            let message = raccordo::error::ApiError::from(e).message;
            eprintln!("avviso: pulizia degli allegati non riuscita: {message}");
        }
    }
}

/// Builds and runs the app; returns the process exit code.
pub fn run() -> i32 {
    timing::mark_process_start();
    let opening = std::time::Instant::now();
    let state = AppState::open(state::db_path_from_args(std::env::args()));
    timing::store_opened(opening.elapsed());
    let result = tauri::Builder::default()
        .manage(state)
        .manage(reminders::ReminderMailbox::default())
        .manage(action_alerts::ActionMailbox::default())
        .manage(action_alerts::GivenOn::default())
        .plugin(tauri_plugin_notification::init())
        .setup(|app| {
            use tauri::Manager;
            let handle = app.handle().clone();
            std::thread::spawn(move || handle.state::<AppState>().daily_backup());
            let handle = app.handle().clone();
            std::thread::spawn(move || prune_attachments(&handle.state::<AppState>()));
            // Compute the map of Tuscany once now, so opening the map does not wait for it.
            std::thread::spawn(|| drop(raccordo::territory::tuscany_map()));
            reminders::spawn(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_status,
            commands::app::app_info,
            commands::territory::territory_tree,
            commands::territory::comune_search,
            commands::territory::comune_get,
            commands::territory::zone_list,
            commands::territory::zone_confirm,
            commands::territory::zone_rename,
            commands::territory::comune_set_zone,
            commands::territory::territory_map,
            commands::settings::profile_get,
            commands::settings::profile_save,
            commands::contacts::comune_people,
            commands::contacts::contact_search,
            commands::contacts::person_page,
            commands::contacts::person_get,
            commands::contacts::person_create,
            commands::contacts::person_update,
            commands::contacts::person_erase,
            commands::contacts::person_duplicates,
            commands::contacts::person_merge,
            commands::contacts::org_list,
            commands::contacts::org_get,
            commands::contacts::org_create,
            commands::contacts::org_roles,
            commands::contacts::org_links,
            commands::contacts::role_add,
            commands::contacts::role_update,
            commands::contacts::role_delete,
            commands::contact_files::contacts_import_pick,
            commands::contact_files::contacts_import_run,
            commands::contact_files::contacts_export,
            commands::contact_files::person_export_gdpr,
            commands::audit::audit_page,
            commands::audit::audit_entities,
            commands::audit::audit_export,
            commands::backup::backup_overview,
            commands::backup::backup_create,
            commands::backup::backup_verify,
            commands::backup::backup_restore_request,
            commands::backup::backup_restore_cancel,
            commands::meetings::meeting_list,
            commands::meetings::meeting_count,
            commands::meetings::meeting_get,
            commands::meetings::meeting_create,
            commands::meetings::meeting_update,
            commands::meetings::meeting_move,
            commands::meetings::meeting_set_status,
            commands::meetings::meeting_delete,
            commands::meetings::meeting_delete_series,
            commands::meetings::meeting_propose_invitees,
            commands::meetings::meeting_set_attendance,
            commands::meetings::meeting_conflicts,
            commands::meetings::meeting_upcoming,
            commands::attachments::meeting_attach,
            commands::attachments::meeting_attachment_open,
            commands::attachments::meeting_attachment_remove,
            commands::reminders::reminder_settings_get,
            commands::reminders::reminder_settings_save,
            commands::reminders::reminders_watch,
            commands::meetings::comune_meetings,
            commands::calendar_files::calendar_import_pick,
            commands::calendar_files::calendar_import_run,
            commands::calendar_files::calendar_export,
            commands::sai::sai_list,
            commands::sai::sai_map,
            commands::sai::sai_summary,
            commands::sai::sai_changes,
            commands::sai::sai_comune,
            commands::sai::sai_set_status,
            commands::sai::sai_edit,
            commands::sai_files::sai_export,
            commands::minutes::minutes_get,
            commands::minutes::minutes_start,
            commands::minutes::minutes_save_draft,
            commands::minutes::minutes_approve,
            commands::minutes::minutes_open_revision,
            commands::minutes_files::minutes_logo_pick,
            commands::minutes_files::minutes_export,
            commands::minutes_files::minutes_open_pdf,
            commands::action_files::actions_export,
            commands::minutes_batch::minutes_batch_preview,
            commands::minutes_batch::minutes_batch_export,
            commands::minutes_batch::minutes_batch_cancel,
            commands::action_files::comune_report_export,
            commands::actions::action_list,
            commands::actions::action_count,
            commands::actions::action_get,
            commands::actions::action_create,
            commands::actions::action_update,
            commands::actions::action_set_status,
            commands::actions::action_bulk,
            commands::actions::action_undo_bulk,
            commands::actions::action_delete,
            commands::actions::action_counts,
            commands::actions::action_open_by_asl,
            commands::actions::action_filters,
            commands::actions::action_filter_save,
            commands::actions::action_filter_delete,
            commands::actions::action_alerts_watch,
            commands::actions::comune_timeline,
            commands::actions::area_overview,
            commands::actions::recent_changes,
        ])
        .build(tauri::generate_context!());
    match result {
        Ok(app) => {
            app.run(|handle, event| {
                if let tauri::RunEvent::Exit = event {
                    close_store(handle);
                }
            });
            0
        }
        Err(e) => {
            eprintln!("errore: impossibile avviare la finestra di Raccordo: {e}");
            1
        }
    }
}
