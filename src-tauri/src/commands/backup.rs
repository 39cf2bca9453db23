//! "Backup e ripristino": list the backups beside the database, take one now, verify one, and
//! ask for one to be restored at the next start (the open database cannot be replaced under
//! the running app; see `raccordo::backup::request`). The page names a backup by its file name
//! only; the core accepts only names of listed backups.

use raccordo::backup::request::{self, BackupOverview};
use raccordo::backup::{auto_backup, BackupEntry, BackupReason, CheckReport};
use raccordo::error::ApiError;
use tauri::State;

use crate::AppState;

/// The backups (newest first), their folder and the restore waiting for the next start.
#[tauri::command]
pub fn backup_overview(state: State<'_, AppState>) -> Result<BackupOverview, ApiError> {
    Ok(request::overview(state.db_path())?)
}

/// Takes a verified `manual` backup now.
#[tauri::command]
pub fn backup_create(state: State<'_, AppState>) -> Result<BackupEntry, ApiError> {
    Ok(auto_backup(state.store()?, BackupReason::Manual)?)
}

/// Read-only integrity check of one backup.
#[tauri::command(rename_all = "snake_case")]
pub fn backup_verify(
    state: State<'_, AppState>,
    file_name: String,
) -> Result<CheckReport, ApiError> {
    Ok(request::verify_named(state.db_path(), &file_name)?)
}

/// Verifies the backup and stages it to be restored when Raccordo next starts.
#[tauri::command(rename_all = "snake_case")]
pub fn backup_restore_request(
    state: State<'_, AppState>,
    file_name: String,
) -> Result<BackupEntry, ApiError> {
    Ok(request::request_restore(state.db_path(), &file_name)?)
}

/// Withdraws the restore waiting for the next start.
#[tauri::command]
pub fn backup_restore_cancel(state: State<'_, AppState>) -> Result<(), ApiError> {
    Ok(request::cancel_restore(state.db_path())?)
}
