//! Ricognizione SAI: the table, the map's comuni, summaries, "what changed", the comune's
//! section, status changes and project facts.

use raccordo::error::ApiError;
use raccordo::sai::{
    self, SaiChange, SaiComunePage, SaiComuneView, SaiFactsInput, SaiFilter, SaiGroupBy, SaiRecord,
    SaiRow, SaiStatusInput, SaiSummary,
};
use raccordo::time::{parse_date, today_rome};
use tauri::State;

use crate::AppState;

/// The survey records matching `filter`, by ASL, zone, name.
#[tauri::command(rename_all = "snake_case")]
pub fn sai_list(state: State<'_, AppState>, filter: SaiFilter) -> Result<Vec<SaiRow>, ApiError> {
    Ok(state.store()?.read(|c| sai::list(c, &filter))?)
}

/// Every comune: own status, or covered through an Unione/SdS.
#[tauri::command(rename_all = "snake_case")]
pub fn sai_map(state: State<'_, AppState>) -> Result<Vec<SaiComuneView>, ApiError> {
    Ok(state
        .store()?
        .read(|c| sai::comune_views(c, today_rome()))?)
}

/// One row per ASL / zone / province (`by`), and the total.
#[tauri::command(rename_all = "snake_case")]
pub fn sai_summary(state: State<'_, AppState>, by: SaiGroupBy) -> Result<SaiSummary, ApiError> {
    Ok(state.store()?.read(|c| sai::summary(c, by, today_rome()))?)
}

/// The enti whose status changed on or after `since`.
#[tauri::command(rename_all = "snake_case")]
pub fn sai_changes(state: State<'_, AppState>, since: String) -> Result<Vec<SaiChange>, ApiError> {
    let since = parse_date("since", &since)?;
    Ok(state
        .store()?
        .read(|c| sai::changes_since(c, since, today_rome()))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn sai_comune(
    state: State<'_, AppState>,
    istat_code: String,
) -> Result<SaiComunePage, ApiError> {
    Ok(state
        .store()?
        .read(|c| sai::comune_page(c, &istat_code, today_rome()))?)
}

/// A dated status change of the ente (its record is created if needed).
#[tauri::command(rename_all = "snake_case")]
pub fn sai_set_status(
    state: State<'_, AppState>,
    org_id: i64,
    input: SaiStatusInput,
) -> Result<SaiRecord, ApiError> {
    Ok(state
        .store()?
        .write(|tx| sai::set_status(tx, org_id, &input))?)
}

/// The project facts and next step; the next step becomes a follow-up action.
#[tauri::command(rename_all = "snake_case")]
pub fn sai_edit(
    state: State<'_, AppState>,
    org_id: i64,
    input: SaiFactsInput,
) -> Result<SaiRecord, ApiError> {
    Ok(state
        .store()?
        .write(|tx| sai::edit_facts(tx, org_id, &input))?)
}
