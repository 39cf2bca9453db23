//! Tauri commands, one module per area. Each command takes the managed state, calls one core
//! function and returns the core's `ApiError` on failure: no rule lives here.

pub mod action_files;
pub mod actions;
pub mod app;
pub mod attachments;
pub mod audit;
pub mod backup;
pub mod calendar_files;
pub mod contact_files;
pub mod contacts;
pub mod meetings;
pub mod minutes;
pub mod minutes_batch;
pub mod minutes_files;
pub mod reminders;
pub mod sai;
pub mod sai_files;
pub mod settings;
pub mod territory;

use raccordo::error::{ApiError, Error};
use tauri::{AppHandle, Manager};

use crate::AppState;

/// Runs `f` (file work, rendering) on a blocking thread with the app's state: never on the main
/// thread, which runs the GTK loop, nor on the async runtime's workers.
pub(crate) async fn blocking<T: Send + 'static>(
    app: AppHandle,
    f: impl FnOnce(&AppState) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tauri::async_runtime::spawn_blocking(move || f(&app.state::<AppState>()))
        .await
        .map_err(|e| ApiError::from(Error::Internal(format!("attività interrotta: {e}"))))?
}
