//! The verbale editor: read, start (prefilled from the meeting), autosave the draft, approve
//! (locks), open a numbered revision with its reason. Every rule lives in `raccordo::minutes`.

use raccordo::error::ApiError;
use raccordo::minutes::{self, MinutesContent, MinutesView};
use tauri::State;

use crate::AppState;

/// The meeting's verbale, `null` when none was started.
#[tauri::command(rename_all = "snake_case")]
pub fn minutes_get(
    state: State<'_, AppState>,
    meeting_id: i64,
) -> Result<Option<MinutesView>, ApiError> {
    Ok(state.store()?.read(|c| minutes::minutes(c, meeting_id))?)
}

/// The meeting's verbale, started prefilled from the meeting when there is none.
///
/// The existing verbale, or a new draft prefilled from the meeting: agenda items, times, place,
/// "redatto da" from the profile.
#[tauri::command(rename_all = "snake_case")]
pub fn minutes_start(state: State<'_, AppState>, meeting_id: i64) -> Result<MinutesView, ApiError> {
    Ok(state.store()?.write(|tx| minutes::start(tx, meeting_id))?)
}

/// Saves the draft (the editor's autosave and Ctrl+S); refused while approved.
///
/// Autosave; `conflict` while approved, `invalid` with the field.
#[tauri::command(rename_all = "snake_case")]
pub fn minutes_save_draft(
    state: State<'_, AppState>,
    meeting_id: i64,
    content: MinutesContent,
) -> Result<MinutesView, ApiError> {
    Ok(state
        .store()?
        .write(|tx| minutes::save_draft(tx, meeting_id, &content))?)
}

/// Approves the draft: it locks and is kept as a frozen version.
///
/// Locked; the document is kept as version `revision`.
#[tauri::command(rename_all = "snake_case")]
pub fn minutes_approve(
    state: State<'_, AppState>,
    meeting_id: i64,
) -> Result<MinutesView, ApiError> {
    Ok(state
        .store()?
        .write(|tx| minutes::approve(tx, meeting_id))?)
}

/// Opens the next revision of an approved verbale with its reason.
///
/// Draft of revision N+1; `invalid` without a reason.
#[tauri::command(rename_all = "snake_case")]
pub fn minutes_open_revision(
    state: State<'_, AppState>,
    meeting_id: i64,
    reason: String,
) -> Result<MinutesView, ApiError> {
    Ok(state
        .store()?
        .write(|tx| minutes::open_revision(tx, meeting_id, &reason))?)
}
