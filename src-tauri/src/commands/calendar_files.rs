//! Calendar files (ICS): import (native open dialog → dry run → import with a backup first) and
//! export (native save dialog → the meetings of a filter, or chosen meetings with their whole
//! series). As in [`super::contact_files`], the webview never sends a path: a chosen file is
//! referred to by the token [`crate::state::PickedFiles`] gives it.

use raccordo::contacts::transfer::ExportOutcome;
use raccordo::error::ApiError;
use raccordo::meetings::calendar::{self, CalendarImportReport, CalendarPick, CalendarSelection};
use tauri::State;

use crate::dialog;
use crate::AppState;

/// Shows the open dialog; `null` when cancelled.
///
/// `.ics` files; the page gets `{ token, file_name }`, never a path.
#[tauri::command(rename_all = "snake_case")]
pub async fn calendar_import_pick(
    state: State<'_, AppState>,
) -> Result<Option<CalendarPick>, ApiError> {
    const FILTERS: &[(&str, &[&str])] = &[
        ("Calendario (ICS)", &["ics", "ical", "icalendar", "ifb"]),
        ("Tutti i file", &["*"]),
    ];
    let Some(path) = dialog::choose_file("Importa calendario", FILTERS).await else {
        return Ok(None);
    };
    Ok(Some(CalendarPick::new(
        state.picked.insert(path.clone()),
        &path,
    )))
}

/// Imports the chosen file all-or-nothing, after a backup (`dry_run`: only reports what would
/// happen).
///
/// A `pre-import` backup is taken first unless `dry_run`.
#[tauri::command(rename_all = "snake_case")]
pub fn calendar_import_run(
    state: State<'_, AppState>,
    token: u32,
    dry_run: bool,
) -> Result<CalendarImportReport, ApiError> {
    let path = state.picked.get(token)?;
    Ok(calendar::import_file_with_backup(
        state.store()?,
        &path,
        dry_run,
    )?)
}

/// Shows the save dialog and writes the selected meetings; `null` when cancelled.
///
/// Native save dialog, name from `meetings::calendar::default_file_name`, `.ics` added when typed
/// without; `count` = meetings written, a series whole.
#[tauri::command(rename_all = "snake_case")]
pub async fn calendar_export(
    state: State<'_, AppState>,
    selection: CalendarSelection,
) -> Result<Option<ExportOutcome>, ApiError> {
    let name = state
        .store()?
        .read(|c| calendar::default_file_name(c, &selection))?;
    let Some(path) = dialog::choose_destination("Esporta calendario", name, "ics").await else {
        return Ok(None);
    };
    Ok(Some(calendar::export_and_record(
        state.store()?,
        &path,
        &selection,
    )?))
}
