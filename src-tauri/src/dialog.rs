//! Native file dialogs (rfd, GTK 3 on Linux) and the test hook that stands in for them.
//!
//! Contract: [`open_file`], [`save_file`], [`save_as`] and [`pick_folder`] block the calling
//! thread until the user chooses or cancels (`None`). They must not run on the main thread: rfd
//! hands the dialog to the GTK main loop, which the main thread runs — commands that use them
//! are `async` and call them inside [`crate::commands::blocking`], with the file work that
//! follows. Paths never come from the webview: the UI only ever sees the file
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

/// [`save_file`] for a file of extension `ext` (without the dot; the filter is labelled with it
/// in capitals), proposing `file_name`; `ext` is added to a name typed without extension.
/// `None` when cancelled.
pub fn save_as(title: &str, file_name: &str, ext: &str) -> Option<PathBuf> {
    save_file(title, file_name, (&ext.to_uppercase(), ext))
        .map(|path| raccordo::interchange::filename::with_default_extension(path, ext))
}
