//! The «Allegati» of the meeting page: attach a file chosen in the native open dialog (the core
//! copies it beside the database), open the verified copy with the system viewer, remove one.
//! The page names a file only by the attachment's id; paths stay on the Rust side. Copying and
//! verifying (up to 200 MB) run on a blocking thread, never on the main one.

use raccordo::error::ApiError;
use raccordo::meetings::attachments;
use raccordo::meetings::Attachment;
use tauri::AppHandle;

use super::blocking;
use crate::{dialog, viewer};

/// Shows the open dialog and attaches the chosen file to meeting `meeting_id`; `null` when
/// cancelled.
///
/// The core copies the file beside the database.
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
///
/// `conflict` when the copy was changed or moved outside Raccordo.
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
///
/// The row first, then the copy.
#[tauri::command(rename_all = "snake_case")]
pub async fn meeting_attachment_remove(
    app: AppHandle,
    attachment_id: i64,
) -> Result<Attachment, ApiError> {
    blocking(app, move |state| {
        Ok(attachments::remove_attachment(
            state.store()?,
            attachment_id,
        )?)
    })
    .await
}
