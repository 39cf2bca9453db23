//! The state every command receives: which database was chosen and the open store, or the
//! reason it could not be opened (kept as the IPC error, reported by `app_status`).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Mutex;

use raccordo::error::{ApiError, Entity, Error};
use raccordo::startup::{open_checked_with, StartupOptions, StartupReport};
use raccordo::Store;

/// Managed by Tauri; shared by all commands.
pub struct AppState {
    db_path: PathBuf,
    store: Result<Store, ApiError>,
    startup: Option<StartupReport>,
    pub picked: PickedFiles,
    pub batch: BatchControl,
}

/// The one batch export of verbali that may run at a time, and its cancel flag.
#[derive(Default)]
pub struct BatchControl {
    running: AtomicBool,
    pub cancel: AtomicBool,
}

/// Marks the batch as running until dropped.
pub struct BatchRun<'a>(&'a BatchControl);

impl Drop for BatchRun<'_> {
    fn drop(&mut self) {
        self.0.running.store(false, Ordering::SeqCst);
    }
}

impl BatchControl {
    /// Starts a batch (clearing an old cancel); refused while another one runs.
    pub fn start(&self) -> Result<BatchRun<'_>, ApiError> {
        if self.running.swap(true, Ordering::SeqCst) {
            return Err(ApiError::from(Error::Conflict {
                message: "Un'esportazione di verbali è già in corso: attendi che finisca o \
                          annullala."
                    .to_owned(),
            }));
        }
        self.cancel.store(false, Ordering::SeqCst);
        Ok(BatchRun(self))
    }

    /// Asks the running batch to stop (before its next file).
    pub fn request_cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }
}

/// Files the user chose in a native dialog, by opaque token: the webview refers to a chosen file
/// by its token and never sends a path, so a script in the page could not name a file to read.
#[derive(Default)]
pub struct PickedFiles {
    next: AtomicU32,
    files: Mutex<HashMap<u32, PathBuf>>,
}

impl PickedFiles {
    /// Remembers `path`; returns its token.
    pub fn insert(&self, path: PathBuf) -> u32 {
        let token = self.next.fetch_add(1, Ordering::Relaxed) + 1;
        self.lock().insert(token, path);
        token
    }

    /// The file behind `token`.
    pub fn get(&self, token: u32) -> Result<PathBuf, ApiError> {
        self.lock().get(&token).cloned().ok_or_else(|| {
            ApiError::from(Error::NotFound {
                what: Entity::File,
                key: format!("scelto (n. {token})"),
            })
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u32, PathBuf>> {
        self.files.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl AppState {
    /// Opens the database at `db_path`, or at the default location when `None`, through the
    /// core's start-up check ([`open_checked_with`]: creating or migrating with a backup; after
    /// an unclean shutdown a quick check and, if damaged, recovery from the last good backup).
    /// Never panics: failures are kept for `app_status`.
    pub fn open(db_path: Option<PathBuf>) -> Self {
        let db_path = match db_path
            .map(Ok)
            .unwrap_or_else(raccordo::paths::default_db_path)
        {
            Ok(p) => p,
            Err(e) => {
                return Self {
                    db_path: PathBuf::new(),
                    store: Err(ApiError::from(e)),
                    startup: None,
                    picked: PickedFiles::default(),
                    batch: BatchControl::default(),
                }
            }
        };
        // The daily backup is taken after the window is up (`daily_backup`), not here: copying
        // and verifying a large database would delay the first paint once a day.
        let options = StartupOptions {
            daily_backup: false,
        };
        let (store, startup) = match open_checked_with(&db_path, options) {
            Ok((store, report)) => (Ok(store), Some(report)),
            Err(e) => (Err(ApiError::from(e)), None),
        };
        Self {
            db_path,
            store,
            startup,
            picked: PickedFiles::default(),
            batch: BatchControl::default(),
        }
    }

    /// The open store, or the error that prevented opening it.
    pub fn store(&self) -> Result<&Store, ApiError> {
        self.store.as_ref().map_err(Clone::clone)
    }

    /// The database file this window works on (even when it could not be opened).
    pub fn db_path(&self) -> &std::path::Path {
        &self.db_path
    }

    /// Takes the daily backup (and rotates the folder) if none was taken today; failures are
    /// logged, the next start tries again.
    pub fn daily_backup(&self) {
        if let Ok(store) = self.store() {
            if let Err(e) = raccordo::backup::daily_backup_if_due(store) {
                eprintln!(
                    "avviso: backup giornaliero non riuscito: {}",
                    ApiError::from(e).message
                );
            }
        }
    }

    /// What the start-up check did (unclean shutdown, recovery from a backup, daily backup).
    pub fn startup(&self) -> Option<&StartupReport> {
        self.startup.as_ref()
    }

    /// The error that prevented opening the database, if any.
    pub fn open_error(&self) -> Option<&ApiError> {
        self.store.as_ref().err()
    }
}

/// `--db FILE` or `--db=FILE` among the process arguments (as the CLI accepts it).
pub fn db_path_from_args(args: impl IntoIterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            return args.next().map(PathBuf::from);
        }
        if let Some(v) = arg.strip_prefix("--db=") {
            return Some(PathBuf::from(v));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn one_batch_at_a_time_and_a_new_batch_forgets_an_old_cancel() {
        let control = BatchControl::default();
        control.request_cancel();
        let run = control.start().expect("first batch starts");
        assert!(
            !control.cancel.load(Ordering::SeqCst),
            "a cancel from before the batch does not stop it"
        );
        let second = control.start().err().map(|e| e.kind);
        assert_eq!(
            second,
            Some(raccordo::ErrorKind::Conflict),
            "a second batch while one runs is refused"
        );
        control.request_cancel();
        assert!(
            control.cancel.load(Ordering::SeqCst),
            "cancel reaches the running batch"
        );
        drop(run);
        assert!(
            control.start().is_ok(),
            "after the first one ends another may start"
        );
    }

    #[test]
    fn db_argument_forms_are_recognised() {
        assert_eq!(
            db_path_from_args(args(&["app", "--db", "/tmp/a.sqlite"])),
            Some(PathBuf::from("/tmp/a.sqlite")),
            "--db FILE selects the database"
        );
        assert_eq!(
            db_path_from_args(args(&["app", "--db=/tmp/b.sqlite"])),
            Some(PathBuf::from("/tmp/b.sqlite")),
            "--db=FILE selects the database"
        );
        assert_eq!(
            db_path_from_args(args(&["app", "--other"])),
            None,
            "without --db the default resolution applies"
        );
        assert_eq!(
            db_path_from_args(args(&["app", "--db"])),
            None,
            "a dangling --db is ignored rather than opening an empty path"
        );
    }
}
