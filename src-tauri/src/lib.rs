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
mod mailbox;
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
        .invoke_handler(commands::handler())
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
