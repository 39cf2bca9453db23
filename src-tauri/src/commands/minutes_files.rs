//! Verbale files: the logo chosen in the native open dialog (kept by token), the export in any
//! format through the native save dialog, and «Apri PDF» (rendered into `anteprime-verbali/`
//! beside the database and handed to the system viewer, from which the coordinator can also
//! print). Rendering and writing run on a blocking thread; the webview never sends a path.

use raccordo::contacts::transfer::ExportOutcome;
use raccordo::error::{ApiError, Error};
use raccordo::minutes::{self, Format as MinutesFormat, LogoPick};
use tauri::AppHandle;

use super::blocking;
use crate::{dialog, viewer};

/// Shows the open dialog for the header's logo (PNG, JPEG, SVG), checks it; `null` when
/// cancelled.
///
/// Up to the size limit, checked now.
#[tauri::command(rename_all = "snake_case")]
pub async fn minutes_logo_pick(app: AppHandle) -> Result<Option<LogoPick>, ApiError> {
    const FILTERS: &[(&str, &[&str])] =
        &[("Immagini (PNG, JPEG, SVG)", &["png", "jpg", "jpeg", "svg"])];
    blocking(app, |state| {
        let Some(path) = dialog::open_file("Scegli il logo", FILTERS) else {
            return Ok(None);
        };
        minutes::read_logo(&path)?;
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(Some(LogoPick {
            token: state.picked.insert(path),
            file_name,
        }))
    })
    .await
}

/// Shows the save dialog and writes the verbale (version `revision`, or the current state) in
/// `format`, with the logo `logo_token` names; `null` when cancelled.
///
/// Native save dialog proposing `verbale-AAAA-MM-GG-titolo.ext`; revision null = current state, a
/// draft carries the «BOZZA» mark.
#[tauri::command(rename_all = "snake_case")]
pub async fn minutes_export(
    app: AppHandle,
    meeting_id: i64,
    revision: Option<u32>,
    format: MinutesFormat,
    logo_token: Option<u32>,
) -> Result<Option<ExportOutcome>, ApiError> {
    blocking(app, move |state| {
        let store = state.store()?;
        let stem = store.read(|c| minutes::default_file_stem(c, meeting_id, revision))?;
        let ext = format.extension();
        let Some(path) = dialog::save_as("Esporta il verbale", &format!("{stem}.{ext}"), ext)
        else {
            return Ok(None);
        };
        let logo = logo_token.map(|t| state.picked.get(t)).transpose()?;
        let logo = logo.as_deref().map(minutes::read_logo).transpose()?;
        Ok(Some(minutes::export_minutes(
            store, meeting_id, revision, format, logo, &path,
        )?))
    })
    .await
}

/// Renders the verbale's PDF into `anteprime-verbali/` beside the database and opens it with the system viewer.
#[tauri::command(rename_all = "snake_case")]
pub async fn minutes_open_pdf(
    app: AppHandle,
    meeting_id: i64,
    revision: Option<u32>,
    logo_token: Option<u32>,
) -> Result<(), ApiError> {
    blocking(app, move |state| {
        let store = state.store()?;
        let stem = store.read(|c| minutes::default_file_stem(c, meeting_id, revision))?;
        let data = state
            .db_path()
            .parent()
            .unwrap_or(std::path::Path::new("."));
        let dir = data.join("anteprime-verbali");
        std::fs::create_dir_all(&dir).map_err(Error::io("creazione della cartella", &dir))?;
        let path = dir.join(format!("{stem}.pdf"));
        let logo = logo_token.map(|t| state.picked.get(t)).transpose()?;
        let logo = logo.as_deref().map(minutes::read_logo).transpose()?;
        let format = MinutesFormat::Pdf { pdfa: false };
        minutes::export_minutes(store, meeting_id, revision, format, logo, &path)?;
        viewer::open(&path)
    })
    .await
}
