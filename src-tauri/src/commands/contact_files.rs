//! Contact files: import (native open dialog → preview with the column-mapping step → dry run
//! or import) and export (native save dialog → CSV, XLSX or vCard). The webview never sends a
//! path: a chosen file is referred to by the token [`crate::state::PickedFiles`] gives it.

use raccordo::contacts::transfer::{self, ContactExportKind, ExportOutcome, ImportPick};
use raccordo::contacts::{ContactImportReport, PersonFilter};
use raccordo::error::ApiError;
use raccordo::interchange::ContactField;
use tauri::AppHandle;

use super::blocking;
use crate::dialog;

/// Shows the open dialog; `null` when cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn contacts_import_pick(app: AppHandle) -> Result<Option<ImportPick>, ApiError> {
    const FILTERS: &[(&str, &[&str])] = &[
        ("Contatti (CSV, vCard)", &["csv", "txt", "vcf", "vcard"]),
        ("Tutti i file", &["*"]),
    ];
    blocking(app, |state| {
        let Some(path) = dialog::open_file("Importa contatti", FILTERS) else {
            return Ok(None);
        };
        let preview = transfer::preview_file(&path)?;
        let token = state.picked.insert(path);
        Ok(Some(ImportPick { token, preview }))
    })
    .await
}

/// Imports the chosen file all-or-nothing (`dry_run`: only reports what would happen).
#[tauri::command(rename_all = "snake_case")]
pub async fn contacts_import_run(
    app: AppHandle,
    token: u32,
    mapping: Option<Vec<(String, ContactField)>>,
    dry_run: bool,
) -> Result<ContactImportReport, ApiError> {
    blocking(app, move |state| {
        let path = state.picked.get(token)?;
        Ok(transfer::import_file_with_backup(
            state.store()?,
            &path,
            mapping.as_deref(),
            dry_run,
        )?)
    })
    .await
}

/// Shows the save dialog and writes the people matching `filter`; `null` when cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn contacts_export(
    app: AppHandle,
    kind: ContactExportKind,
    filter: PersonFilter,
) -> Result<Option<ExportOutcome>, ApiError> {
    blocking(app, move |state| {
        let name = kind.default_file_name(&filter);
        let Some(path) = dialog::save_as("Esporta contatti", &name, kind.extension()) else {
            return Ok(None);
        };
        let outcome = transfer::export_and_record(state.store()?, &path, kind, &filter)?;
        Ok(Some(outcome))
    })
    .await
}

/// GDPR: everything about one person as JSON, through the save dialog; `null` when cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn person_export_gdpr(
    app: AppHandle,
    id: i64,
) -> Result<Option<ExportOutcome>, ApiError> {
    blocking(app, move |state| {
        let name = format!("persona-{id}-dati.json");
        let Some(path) = dialog::save_as("Esporta i dati della persona", &name, "json") else {
            return Ok(None);
        };
        Ok(Some(transfer::export_person_file(
            state.store()?,
            id,
            &path,
        )?))
    })
    .await
}
