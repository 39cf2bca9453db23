//! Calendar files (ICS): import (native open dialog → dry run → import with a backup first) and
//! export (native save dialog → the meetings of a filter, or chosen meetings with their whole
//! series). As in [`super::contact_files`], the webview never sends a path: a chosen file is
//! referred to by the token [`crate::state::PickedFiles`] gives it.

use raccordo::contacts::transfer::ExportOutcome;
use raccordo::error::ApiError;
use raccordo::meetings::calendar::{self, CalendarImportReport, CalendarPick, CalendarSelection};
use tauri::AppHandle;

use super::blocking;
use crate::dialog;

/// Shows the open dialog; `null` when cancelled.
///
/// `.ics` files; the page gets `{ token, file_name }`, never a path.
#[tauri::command(rename_all = "snake_case")]
pub async fn calendar_import_pick(app: AppHandle) -> Result<Option<CalendarPick>, ApiError> {
    const FILTERS: &[(&str, &[&str])] = &[
        ("Calendario (ICS)", &["ics", "ical", "icalendar", "ifb"]),
        ("Tutti i file", &["*"]),
    ];
    blocking(app, |state| {
        let Some(path) = dialog::open_file("Importa calendario", FILTERS) else {
            return Ok(None);
        };
        Ok(Some(CalendarPick::new(
            state.picked.insert(path.clone()),
            &path,
        )))
    })
    .await
}

/// Imports the chosen file all-or-nothing, after a backup (`dry_run`: only reports what would
/// happen).
///
/// A `pre-import` backup is taken first unless `dry_run`.
#[tauri::command(rename_all = "snake_case")]
pub async fn calendar_import_run(
    app: AppHandle,
    token: u32,
    dry_run: bool,
) -> Result<CalendarImportReport, ApiError> {
    blocking(app, move |state| {
        let path = state.picked.get(token)?;
        Ok(calendar::import_file_with_backup(
            state.store()?,
            &path,
            dry_run,
        )?)
    })
    .await
}

/// Shows the save dialog and writes the selected meetings; `null` when cancelled.
///
/// Native save dialog, name from `meetings::calendar::default_file_name`, `.ics` added when typed
/// without; `count` = meetings written, a series whole.
#[tauri::command(rename_all = "snake_case")]
pub async fn calendar_export(
    app: AppHandle,
    selection: CalendarSelection,
) -> Result<Option<ExportOutcome>, ApiError> {
    blocking(app, move |state| {
        let store = state.store()?;
        let name = store.read(|c| calendar::default_file_name(c, &selection))?;
        let Some(path) = dialog::save_as("Esporta calendario", &name, "ics") else {
            return Ok(None);
        };
        Ok(Some(calendar::export_and_record(store, &path, &selection)?))
    })
    .await
}
