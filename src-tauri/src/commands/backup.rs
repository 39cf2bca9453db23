//! "Backup e ripristino": list the backups beside the database, take one now, verify one, and
//! ask for one to be restored at the next start (the open database cannot be replaced under
//! the running app; see `raccordo::backup::request`). The page names a backup by its file name
//! only; the core accepts only names of listed backups.

use raccordo::backup::request::{self, BackupOverview};
use raccordo::backup::{auto_backup, BackupEntry, BackupReason, CheckReport};
use raccordo::error::ApiError;
use tauri::AppHandle;

use super::blocking;

/// The backups (newest first), their folder and the restore waiting for the next start.
#[tauri::command]
pub async fn backup_overview(app: AppHandle) -> Result<BackupOverview, ApiError> {
    blocking(app, |state| Ok(request::overview(state.db_path())?)).await
}

/// Takes a verified `manual` backup now.
#[tauri::command]
pub async fn backup_create(app: AppHandle) -> Result<BackupEntry, ApiError> {
    blocking(app, |state| {
        Ok(auto_backup(state.store()?, BackupReason::Manual)?)
    })
    .await
}

/// Read-only integrity check of one backup.
#[tauri::command(rename_all = "snake_case")]
pub async fn backup_verify(app: AppHandle, file_name: String) -> Result<CheckReport, ApiError> {
    blocking(app, move |state| {
        Ok(request::verify_named(state.db_path(), &file_name)?)
    })
    .await
}

/// Verifies the backup and stages it to be restored when Raccordo next starts.
#[tauri::command(rename_all = "snake_case")]
pub async fn backup_restore_request(
    app: AppHandle,
    file_name: String,
) -> Result<BackupEntry, ApiError> {
    blocking(app, move |state| {
        Ok(request::request_restore(state.db_path(), &file_name)?)
    })
    .await
}

/// Withdraws the restore waiting for the next start.
#[tauri::command]
pub async fn backup_restore_cancel(app: AppHandle) -> Result<(), ApiError> {
    blocking(app, |state| Ok(request::cancel_restore(state.db_path())?)).await
}
