//! Territory: ASL → zone-distretto → comuni, the comune page, zone template and membership.

use raccordo::error::ApiError;
use raccordo::territory::{self, ComuneDetail, ComuneSummary, TerritoryTree, TuscanyMap, Zone};
use raccordo::time::{parse_date, today_rome};
use tauri::State;

use crate::AppState;

/// Source label recorded on memberships edited in the app.
const UI_SOURCE: &str = "modifica manuale";

/// The territory tree as of today (Europe/Rome).
#[tauri::command(rename_all = "snake_case")]
pub fn territory_tree(state: State<'_, AppState>) -> Result<TerritoryTree, ApiError> {
    Ok(state.store()?.read(|c| territory::tree(c, today_rome()))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn comune_search(
    state: State<'_, AppState>,
    query: String,
    limit: u32,
) -> Result<Vec<ComuneSummary>, ApiError> {
    Ok(state
        .store()?
        .read(|c| territory::search_comuni(c, &query, limit))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn comune_get(
    state: State<'_, AppState>,
    istat_code: String,
) -> Result<ComuneDetail, ApiError> {
    Ok(state
        .store()?
        .read(|c| territory::comune(c, &istat_code, today_rome()))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn zone_list(state: State<'_, AppState>) -> Result<Vec<Zone>, ApiError> {
    Ok(state.store()?.read(|c| territory::zones(c, today_rome()))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn zone_confirm(state: State<'_, AppState>, ids: Vec<i64>) -> Result<Vec<Zone>, ApiError> {
    Ok(state
        .store()?
        .write(|tx| territory::confirm_zones(tx, &ids))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn zone_rename(state: State<'_, AppState>, id: i64, name: String) -> Result<Zone, ApiError> {
    Ok(state
        .store()?
        .write(|tx| territory::rename_zone(tx, id, &name))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn comune_set_zone(
    state: State<'_, AppState>,
    istat_code: String,
    zone_id: Option<i64>,
    valid_from: String,
) -> Result<ComuneDetail, ApiError> {
    let from = parse_date("valid_from", &valid_from)?;
    Ok(state
        .store()?
        .write(|tx| territory::set_comune_zone(tx, &istat_code, zone_id, from, UI_SOURCE))?)
}

/// The map of the 273 comuni (computed once per process by the core).
#[tauri::command(rename_all = "snake_case")]
pub fn territory_map() -> Result<&'static TuscanyMap, ApiError> {
    Ok(territory::tuscany_map()?)
}
