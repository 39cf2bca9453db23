//! Survey files: the table as XLSX or CSV and the summary PDF with the maps, through the native
//! save dialog (the webview never sends a path).

use raccordo::contacts::transfer::ExportOutcome;
use raccordo::error::ApiError;
use raccordo::interchange::CsvStyle;
use raccordo::sai::export::{export_file, SaiExportKind};
use raccordo::sai::SaiFilter;
use tauri::AppHandle;

use super::blocking;
use crate::dialog;

/// Shows the save dialog and writes the survey `filter` selects as `kind`; `null` when cancelled.
///
/// Native save dialog; CSV `;`+BOM, XLSX with a summary sheet, or the summary PDF with the maps and
/// one section per ASL — only the filter's ASL when set; `count` = enti.
#[tauri::command(rename_all = "snake_case")]
pub async fn sai_export(
    app: AppHandle,
    filter: SaiFilter,
    kind: SaiExportKind,
) -> Result<Option<ExportOutcome>, ApiError> {
    blocking(app, move |state| {
        let ext = kind.extension();
        let name = format!("ricognizione-sai-{}.{ext}", raccordo::time::today_rome());
        let Some(path) = dialog::save_as("Esporta ricognizione SAI", &name, ext) else {
            return Ok(None);
        };
        let count = export_file(state.store()?, &filter, kind, CsvStyle::default(), &path)?;
        Ok(Some(ExportOutcome::written(&path, count)))
    })
    .await
}
