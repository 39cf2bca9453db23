//! Tauri commands, one module per area. Each command takes the managed state, calls one core
//! function and returns the core's `ApiError` on failure: no rule lives here.
//!
//! # One list of commands
//!
//! A command is declared once, in [`list`] (`with_commands!`, a callback macro in the style of
//! Yaak's): `module::function` for every `#[tauri::command]` of this folder. Everything else
//! is expanded from it, so a command added in one place and forgotten in another fails the
//! build or the suite:
//! - [`handler`] expands it into Tauri's `generate_handler!` (an entry without its function
//!   does not compile);
//! - `build.rs` `include!`s the same file (a build script cannot run a macro over this crate,
//!   but it can expand a `macro_rules!` file of its own) to get the names as strings: tauri-build
//!   generates their permissions and the script writes `capabilities/main.json`;
//! - `tests/it/security_config.rs` checks the capability against the list, and that every
//!   `#[tauri::command]` in this folder is in the list and every entry is defined;
//! - `tests/it/bindings_commands.rs` reads each listed command's signature here and generates
//!   `ui/src/lib/generated/commands.ts` (names, argument objects, results, doc comments), which
//!   the UI's single `invoke` module (`ui/src/lib/ipc.ts`), its `api/` modules and the test
//!   backend are typed against; the test fails when the file drifts.
//!
//! # Work off the main thread
//!
//! Tauri runs a synchronous command on the main thread, which also runs the GTK loop. A command
//! that shows a native dialog, reads or writes a file (import, export, backup, attachment) or
//! renders a document is `async` and does all of that inside [`blocking`], the one helper that
//! moves work to a blocking thread.

#[macro_use]
mod list;

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

/// Expands the list into Tauri's handler.
macro_rules! handler {
    ($($module:ident :: $name:ident),* $(,)?) => {
        tauri::generate_handler![$($module::$name),*]
    };
}

/// The invoke handler of every listed command.
pub(crate) fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    with_commands!(handler)
}

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
