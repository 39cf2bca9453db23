//! The "Registro attività": a filtered page of the audit log, the entity names for the filter,
//! and the export through the native save dialog (the webview never sends a path).

use raccordo::audit::{self, AuditExportKind, AuditExportOutcome, AuditFilter, AuditPage};
use raccordo::error::ApiError;
use tauri::{AppHandle, State};

use super::blocking;
use crate::dialog;
use crate::AppState;

/// A window of the entries matching `filter`, newest first, and how many match.
#[tauri::command(rename_all = "snake_case")]
pub fn audit_page(
    state: State<'_, AppState>,
    filter: AuditFilter,
    offset: u32,
    limit: u32,
) -> Result<AuditPage, ApiError> {
    Ok(state
        .store()?
        .read(|c| audit::query(c, &filter, offset, limit))?)
}

/// The entity names present in the log.
#[tauri::command]
pub fn audit_entities(state: State<'_, AppState>) -> Result<Vec<String>, ApiError> {
    Ok(state.store()?.read(audit::entities)?)
}

/// Shows the save dialog and writes the entries matching `filter`; `null` when cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn audit_export(
    app: AppHandle,
    kind: AuditExportKind,
    filter: AuditFilter,
) -> Result<Option<AuditExportOutcome>, ApiError> {
    blocking(app, move |state| {
        let ext = kind.extension();
        let name = format!("registro-attivita.{ext}");
        let Some(path) = dialog::save_as("Esporta il registro attività", &name, ext) else {
            return Ok(None);
        };
        Ok(Some(audit::export_and_record(
            state.store()?,
            &path,
            kind,
            &filter,
        )?))
    })
    .await
}
