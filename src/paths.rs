//! Where Raccordo keeps its data.
//!
//! Contract: the database is `raccordo.sqlite` in the platform data directory
//! (`directories::ProjectDirs::from("it", "Raccordo", "Raccordo")`, e.g.
//! `~/.local/share/raccordo/` on Linux), unless the environment variable `RACCORDO_DB` names
//! another file. The desktop app and the CLI use the same default, so they see the same data.

use std::path::PathBuf;

use directories::ProjectDirs;

use crate::error::{Error, Result};

/// Environment variable that overrides the database path.
pub const DB_ENV: &str = "RACCORDO_DB";

/// File name of the database inside the data directory.
pub const DB_FILE_NAME: &str = "raccordo.sqlite";

/// The platform data directory of Raccordo (not created here).
pub fn data_dir() -> Result<PathBuf> {
    ProjectDirs::from("it", "Raccordo", "Raccordo")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(Error::NoDataDir)
}

/// The database path: `RACCORDO_DB` if set and non-empty, else `data_dir()/raccordo.sqlite`.
pub fn default_db_path() -> Result<PathBuf> {
    match std::env::var_os(DB_ENV) {
        Some(p) if !p.is_empty() => Ok(PathBuf::from(p)),
        _ => Ok(data_dir()?.join(DB_FILE_NAME)),
    }
}
