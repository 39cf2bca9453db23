//! The «Allegati» of the meeting page: attach a file chosen in the native open dialog (the core
//! copies it beside the database), open the verified copy with the system viewer, remove one.
//! The page names a file only by the attachment's id; paths stay on the Rust side. Copying and
//! verifying (up to 200 MB) run on a blocking thread, never on the main one.

use raccordo::error::{ApiError, Error};
use raccordo::meetings::attachments;
use raccordo::meetings::Attachment;
use tauri::{AppHandle, Manager, State};

use crate::{dialog, viewer, AppState};

/// Runs `f` (file work) on a blocking thread with the app's state.
async fn blocking<T: Send + 'static>(
    app: AppHandle,
    f: impl FnOnce(&AppState) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tauri::async_runtime::spawn_blocking(move || f(&app.state::<AppState>()))
        .await
        .map_err(|e| ApiError::from(Error::Internal(format!("attività interrotta: {e}"))))?
}

/// Shows the open dialog and attaches the chosen file to meeting `meeting_id`; `null` when
/// cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn meeting_attach(
    app: AppHandle,
    meeting_id: i64,
) -> Result<Option<Attachment>, ApiError> {
    blocking(app, move |state| {
        let Some(chosen) = dialog::open_file("Allega un file all'incontro", &[]) else {
            return Ok(None);
        };
        Ok(Some(attachments::add_attachment(
            state.store()?,
            meeting_id,
            &chosen,
        )?))
    })
    .await
}

/// Opens the attachment's copy with the system viewer, once the core verified it is intact.
#[tauri::command(rename_all = "snake_case")]
pub async fn meeting_attachment_open(app: AppHandle, attachment_id: i64) -> Result<(), ApiError> {
    blocking(app, move |state| {
        viewer::open(&attachments::attachment_path(
            state.store()?,
            attachment_id,
        )?)
    })
    .await
}

/// Removes the attachment and deletes its copy (the original file is never touched).
#[tauri::command(rename_all = "snake_case")]
pub fn meeting_attachment_remove(
    state: State<'_, AppState>,
    attachment_id: i64,
) -> Result<Attachment, ApiError> {
    Ok(attachments::remove_attachment(
        state.store()?,
        attachment_id,
    )?)
}
