//! Contacts: the people in office shown on the comune page.

use raccordo::contacts::{self, RoleView};
use raccordo::error::ApiError;
use raccordo::time::today_rome;
use tauri::State;

use crate::AppState;

/// Roles held today at the comune's Comune organisation (sindaco, assessori, …).
#[tauri::command(rename_all = "snake_case")]
pub fn comune_people(
    state: State<'_, AppState>,
    istat_code: String,
) -> Result<Vec<RoleView>, ApiError> {
    Ok(state
        .store()?
        .read(|c| contacts::comune_people(c, &istat_code, today_rome()))?)
}
