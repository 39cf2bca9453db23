//! Contact files: import (native open dialog → preview with the column-mapping step → dry run
//! or import) and export (native save dialog → CSV, XLSX or vCard). The webview never sends a
//! path: a chosen file is referred to by the token [`crate::state::PickedFiles`] gives it.

use raccordo::contacts::transfer::{self, ContactExportKind, ExportOutcome, ImportPick};
use raccordo::contacts::{ContactImportReport, PersonFilter};
use raccordo::error::ApiError;
use raccordo::interchange::ContactField;
use tauri::State;

use crate::dialog;
use crate::AppState;

/// Shows the open dialog; `null` when cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn contacts_import_pick(
    state: State<'_, AppState>,
) -> Result<Option<ImportPick>, ApiError> {
    const FILTERS: &[(&str, &[&str])] = &[
        ("Contatti (CSV, vCard)", &["csv", "txt", "vcf", "vcard"]),
        ("Tutti i file", &["*"]),
    ];
    let Some(path) = dialog::choose_file("Importa contatti", FILTERS).await else {
        return Ok(None);
    };
    let preview = transfer::preview_file(&path)?;
    let token = state.picked.insert(path);
    Ok(Some(ImportPick { token, preview }))
}

/// Imports the chosen file all-or-nothing (`dry_run`: only reports what would happen).
#[tauri::command(rename_all = "snake_case")]
pub fn contacts_import_run(
    state: State<'_, AppState>,
    token: u32,
    mapping: Option<Vec<(String, ContactField)>>,
    dry_run: bool,
) -> Result<ContactImportReport, ApiError> {
    let path = state.picked.get(token)?;
    Ok(transfer::import_file_with_backup(
        state.store()?,
        &path,
        mapping.as_deref(),
        dry_run,
    )?)
}

/// Shows the save dialog and writes the people matching `filter`; `null` when cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn contacts_export(
    state: State<'_, AppState>,
    kind: ContactExportKind,
    filter: PersonFilter,
) -> Result<Option<ExportOutcome>, ApiError> {
    let name = kind.default_file_name(&filter);
    let Some(path) = dialog::choose_destination("Esporta contatti", name, kind.extension()).await
    else {
        return Ok(None);
    };
    let outcome = transfer::export_and_record(state.store()?, &path, kind, &filter)?;
    Ok(Some(outcome))
}

/// GDPR: everything about one person as JSON, through the save dialog; `null` when cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn person_export_gdpr(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Option<ExportOutcome>, ApiError> {
    let name = format!("persona-{id}-dati.json");
    let Some(path) = dialog::choose_destination("Esporta i dati della persona", name, "json").await
    else {
        return Ok(None);
    };
    Ok(Some(transfer::export_person_file(
        state.store()?,
        id,
        &path,
    )?))
}
