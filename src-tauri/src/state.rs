//! The state every command receives: which database was chosen and the open store, or the
//! reason it could not be opened (kept as the IPC error, reported by `app_status`).

use std::path::PathBuf;

use raccordo::error::ApiError;
use raccordo::Store;

/// Managed by Tauri; shared by all commands.
pub struct AppState {
    db_path: PathBuf,
    store: Result<Store, ApiError>,
}

impl AppState {
    /// Opens (creating if needed, migrating with a backup) the database at `db_path`, or at
    /// the default location when `None`. Never panics: failures are kept for `app_status`.
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
                }
            }
        };
        let store = Store::open(&db_path).map_err(ApiError::from);
        Self { db_path, store }
    }

    /// The open store, or the error that prevented opening it.
    pub fn store(&self) -> Result<&Store, ApiError> {
        self.store.as_ref().map_err(Clone::clone)
    }

    /// The database file this window works on (even when it could not be opened).
    pub fn db_path(&self) -> &std::path::Path {
        &self.db_path
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
