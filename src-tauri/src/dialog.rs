//! Native file dialogs (rfd, GTK 3 on Linux) and the test hook that stands in for them.
//!
//! Contract: [`open_file`], [`save_file`] and [`pick_folder`] block the calling thread until the user chooses
//! or cancels (`None`). They must not run on the main thread: rfd hands the dialog to the GTK
//! main loop, which the main thread runs — commands that use them are `async` and call them
//! through `spawn_blocking`. Paths never come from the webview: the UI only ever sees the file
//! name and an opaque token ([`crate::state::PickedFiles`]).
//!
//! Test hook: when `RACCORDO_TEST_DIALOG` names a file, no dialog is shown; the file's content
//! (trimmed) is the chosen path, and an empty file means "cancelled". The end-to-end suite writes
//! the answer there before clicking, which exercises everything but the GTK widget itself.

use std::path::PathBuf;

/// Environment variable of the test hook.
pub const TEST_HOOK: &str = "RACCORDO_TEST_DIALOG";

fn test_answer() -> Option<Option<PathBuf>> {
    let hook = std::env::var_os(TEST_HOOK)?;
    let answer = std::fs::read_to_string(hook).unwrap_or_default();
    let answer = answer.trim();
    Some((!answer.is_empty()).then(|| PathBuf::from(answer)))
}

/// Asks for a file to open; `filters` are (label, extensions without the dot).
pub fn open_file(title: &str, filters: &[(&str, &[&str])]) -> Option<PathBuf> {
    if let Some(answer) = test_answer() {
        return answer;
    }
    let mut dialog = rfd::FileDialog::new().set_title(title);
    for (label, exts) in filters {
        dialog = dialog.add_filter(*label, exts);
    }
    if let Some(home) = directories_home() {
        dialog = dialog.set_directory(home);
    }
    dialog.pick_file()
}

/// Asks where to save, proposing `file_name`; `filter` is (label, extension without the dot).
pub fn save_file(title: &str, file_name: &str, filter: (&str, &str)) -> Option<PathBuf> {
    if let Some(answer) = test_answer() {
        return answer;
    }
    let mut dialog = rfd::FileDialog::new()
        .set_title(title)
        .set_file_name(file_name)
        .add_filter(filter.0, &[filter.1]);
    if let Some(home) = directories_home() {
        dialog = dialog.set_directory(home);
    }
    dialog.save_file()
}

/// Asks for a folder (an existing one, or one created in the dialog).
pub fn pick_folder(title: &str) -> Option<PathBuf> {
    if let Some(answer) = test_answer() {
        return answer;
    }
    let mut dialog = rfd::FileDialog::new().set_title(title);
    if let Some(home) = directories_home() {
        dialog = dialog.set_directory(home);
    }
    dialog.pick_folder()
}

fn directories_home() -> Option<PathBuf> {
    std::env::var_os("HOME").map(PathBuf::from)
}

/// Runs a blocking dialog off the async runtime's worker and the main thread.
pub async fn run<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    tauri::async_runtime::spawn_blocking(f).await.ok()
}

/// [`open_file`] run off the main thread; `None` when cancelled.
pub async fn choose_file(
    title: &'static str,
    filters: &'static [(&'static str, &'static [&'static str])],
) -> Option<PathBuf> {
    run(move || open_file(title, filters)).await.flatten()
}

/// [`save_file`] run off the main thread for a file of extension `ext` (without the dot; the
/// filter is labelled with it in capitals), proposing `file_name`; `ext` is added to a name
/// typed without extension. `None` when cancelled.
pub async fn choose_destination(
    title: &'static str,
    file_name: String,
    ext: &'static str,
) -> Option<PathBuf> {
    run(move || save_file(title, &file_name, (&ext.to_uppercase(), ext)))
        .await
        .flatten()
        .map(|path| raccordo::interchange::filename::with_default_extension(path, ext))
}

/// [`pick_folder`] run off the main thread; `None` when cancelled.
pub async fn choose_folder(title: &'static str) -> Option<PathBuf> {
    run(move || pick_folder(title)).await.flatten()
}
