//! Batch export of approved verbali: the preview, the export (the destination — a folder, in
//! which a new folder is created, or a zip file — through the native dialog; progress on a
//! channel; the dialog and the work on a blocking thread) and its cancel.

use raccordo::error::ApiError;
use raccordo::minutes::batch::{
    self, BatchOutcome, BatchPlan, BatchProgress, BatchSelection, BatchTarget,
};
use raccordo::minutes::Format as MinutesFormat;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use super::blocking;
use crate::dialog;
use crate::AppState;

/// The approved verbali `selection` would export.
///
/// The approved verbali the selection exports — latest approved version of each, by meeting start —
/// with `count` and the selection in words; writes nothing.
#[tauri::command(rename_all = "snake_case")]
pub fn minutes_batch_preview(
    state: State<'_, AppState>,
    selection: BatchSelection,
) -> Result<BatchPlan, ApiError> {
    Ok(state.store()?.read(|c| batch::plan(c, &selection))?)
}

/// Asks where, then exports; `null` when the dialog was cancelled.
///
/// `folder`: native folder picker, a NEW folder `verbali-aaaa-mm-gg` is created inside it; `zip`:
/// native save dialog, `.zip` added when typed without; `null` = dialog cancelled; progress `{
/// done, total }` before the first file and after each; runs on a blocking thread; one batch at a
/// time, a second is `conflict`; an empty selection is `validation` with field `selection`;
/// cancelled = kind `cancelled`, nothing left behind.
#[tauri::command(rename_all = "snake_case")]
pub async fn minutes_batch_export(
    app: AppHandle,
    selection: BatchSelection,
    format: MinutesFormat,
    target: BatchTarget,
    on_progress: Channel<BatchProgress>,
) -> Result<Option<BatchOutcome>, ApiError> {
    blocking(app, move |state| {
        let dest = match target {
            BatchTarget::Folder => dialog::pick_folder("Cartella in cui esportare i verbali"),
            BatchTarget::Zip => {
                let name = format!("verbali-{}.zip", raccordo::time::today_rome());
                dialog::save_as("Esporta verbali in un file zip", &name, "zip")
            }
        };
        let Some(dest) = dest else { return Ok(None) };
        let _running = state.batch.start()?;
        let mut progress = |done, total| drop(on_progress.send(BatchProgress { done, total }));
        let cancel = &state.batch.cancel;
        let store = state.store()?;
        Ok(Some(batch::export_batch(
            store,
            &selection,
            format,
            target,
            &dest,
            &mut progress,
            cancel,
        )?))
    })
    .await
}

/// Stops the running batch before its next file (it then leaves nothing behind).
#[tauri::command]
pub fn minutes_batch_cancel(state: State<'_, AppState>) {
    state.batch.request_cancel();
}
