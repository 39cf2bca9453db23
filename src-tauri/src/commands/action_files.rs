//! Action and comune files: the actions of a filter as XLSX or CSV, and the "Scheda comune" PDF,
//! each through the native save dialog (the webview never sends a path).

use raccordo::actions::{self, ActionExportFormat, ActionFilter};
use raccordo::contacts::transfer::ExportOutcome;
use raccordo::error::ApiError;
use raccordo::overview;
use tauri::AppHandle;

use super::blocking;
use crate::dialog;

/// Shows the save dialog and writes the actions `filter` selects; `null` when cancelled.
///
/// Native save dialog; the filter's actions in list order, paging ignored; CSV `;`+BOM or `,`, XLSX
/// with real dates.
#[tauri::command(rename_all = "snake_case")]
pub async fn actions_export(
    app: AppHandle,
    filter: ActionFilter,
    format: ActionExportFormat,
) -> Result<Option<ExportOutcome>, ApiError> {
    blocking(app, move |state| {
        let ext = format.extension();
        let name = format!("azioni-{}.{ext}", raccordo::time::today_rome());
        let Some(path) = dialog::save_as("Esporta azioni", &name, ext) else {
            return Ok(None);
        };
        Ok(Some(actions::export_actions(
            state.store()?,
            &path,
            format,
            &filter,
        )?))
    })
    .await
}

/// Shows the save dialog and writes the comune's "Scheda comune" PDF; `null` when cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn comune_report_export(
    app: AppHandle,
    istat_code: String,
    name: String,
) -> Result<Option<ExportOutcome>, ApiError> {
    blocking(app, move |state| {
        let file = raccordo::interchange::filename::safe_file_name(
            &format!("scheda-comune-{name}"),
            "scheda-comune",
        );
        let Some(path) = dialog::save_as("Esporta scheda comune", &file, "pdf") else {
            return Ok(None);
        };
        Ok(Some(overview::export_comune_report(
            state.store()?,
            &istat_code,
            &path,
        )?))
    })
    .await
}
