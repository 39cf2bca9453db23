//! Opening an attachment's verified copy with the system viewer, from Rust only.
//!
//! Contract: [`open`] receives a path the core checked ([`raccordo::meetings::attachments::
//! attachment_path`]: the copy beside the database, same size and SHA-256 as when attached) and
//! hands it to the desktop's default application (`xdg-open` and friends through the `open`
//! crate, detached: Raccordo does not wait for the viewer). The webview never names a path.
//!
//! Why the `open` crate and not tauri-plugin-opener: the plugin's Rust `open_path` is a thin
//! wrapper over `open::that_detached`; registering the plugin would also add JavaScript
//! commands and an init script that re-routes link clicks, which this window must not have.
//!
//! Test hook: when `RACCORDO_TEST_OPENED` names a file, no viewer is started; the path is
//! appended to that file as one line, so the end-to-end suite can check what "Apri" opened.

use std::io::Write;
use std::path::Path;

use raccordo::error::{ApiError, Error};

/// Environment variable of the test hook.
pub const TEST_HOOK: &str = "RACCORDO_TEST_OPENED";

/// Opens `path` with the system viewer (or records it, under the test hook).
pub fn open(path: &Path) -> Result<(), ApiError> {
    match std::env::var_os(TEST_HOOK) {
        Some(log) => record(Path::new(&log), path),
        None => open::that_detached(path).map_err(|e| {
            ApiError::from(Error::Io {
                op: "apertura con il visualizzatore di sistema",
                path: path.to_path_buf(),
                source: e,
            })
        }),
    }
}

/// The test hook: appends `path` to `log`.
fn record(log: &Path, path: &Path) -> Result<(), ApiError> {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .and_then(|mut f| writeln!(f, "{}", path.display()))
        .map_err(|e| {
            ApiError::from(Error::Io {
                op: "scrittura del registro di prova",
                path: log.to_path_buf(),
                source: e,
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_test_hook_records_each_opened_path_on_its_own_line() {
        let dir = std::env::temp_dir().join(format!("raccordo-viewer-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let log = dir.join("aperti.txt");
        let _ = std::fs::remove_file(&log);
        record(&log, Path::new("/tmp/a/1/abc-verbale.pdf")).expect("first");
        record(&log, Path::new("/tmp/a/1/def-convocazione.odt")).expect("second");
        let text = std::fs::read_to_string(&log).expect("log");
        assert_eq!(
            text, "/tmp/a/1/abc-verbale.pdf\n/tmp/a/1/def-convocazione.odt\n",
            "each opening is one line, in order"
        );
        let unwritable = record(&dir.join("no/such/dir/log"), Path::new("/x"));
        assert!(
            unwritable.is_err_and(|e| e.message.contains("registro di prova")),
            "a hook that cannot be written is an error, not a silent success"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
