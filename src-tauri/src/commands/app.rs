//! Application-level commands: start-up status and the About data.

use raccordo::error::ApiError;
use raccordo::{AppInfo, AppStatus};
use tauri::State;

use crate::AppState;

/// Whether the database is usable; never fails (an open error is reported inside).
///
/// A database that could not be opened is reported in `error`.
#[tauri::command(rename_all = "snake_case")]
pub fn app_status(state: State<'_, AppState>) -> AppStatus {
    crate::timing::first_ipc();
    raccordo::app_status(
        state.db_path(),
        state.store().ok(),
        state.open_error(),
        state.startup(),
    )
}

/// Version, database location and attribution of the reference data.
#[tauri::command(rename_all = "snake_case")]
pub fn app_info(state: State<'_, AppState>) -> Result<AppInfo, ApiError> {
    Ok(raccordo::app_info(state.store()?)?)
}
