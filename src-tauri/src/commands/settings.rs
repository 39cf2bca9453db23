//! The coordinator's profile (name and organisation used in minutes).

use raccordo::error::ApiError;
use raccordo::settings::{self, Profile, ProfileInput};
use tauri::State;

use crate::AppState;

#[tauri::command(rename_all = "snake_case")]
pub fn profile_get(state: State<'_, AppState>) -> Result<Profile, ApiError> {
    Ok(state.store()?.read(settings::profile)?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn profile_save(state: State<'_, AppState>, input: ProfileInput) -> Result<Profile, ApiError> {
    Ok(state
        .store()?
        .write(|tx| settings::save_profile(tx, &input))?)
}
