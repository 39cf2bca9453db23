//! Backup policy: when copies of the database are taken, which are kept, and restoring one.
//!
//! Contract:
//! - Copying and checking a database file ([`backup_to`], [`check`], the verified copy behind
//!   every backup) belong to [`crate::db::copy`]; they are re-exported here so callers find every
//!   backup operation in one place.
//! - [`restore_from`] verifies the source (SQLite, Raccordo's, integrity ok, schema not newer than
//!   this build), writes a `pre-restore` backup of the current database into the backups folder
//!   when the current database is healthy (if that fails, nothing is restored), stages a verified
//!   copy next to the database, moves the current database (with its `-wal`/`-shm`) aside as
//!   `<stem>.before-restore-<timestamp>.sqlite`, and renames the staged copy into place. The
//!   database must not be open meanwhile (close the app first).
//! - The backups folder and the names of the files in it are in [`names`]; when automatic
//!   backups are taken in [`auto`]; which are kept in
//!   [`rotation`]; the desktop's "restore at next start" (backups named by file name only) in
//!   [`request`].

pub mod auto;
pub mod names;
pub mod request;
pub mod rotation;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::copy::{replace_with, same_file, verified_source};
use crate::db::open::{inspect, open_read_only};
use crate::error::{Entity, Error, Result};

pub use crate::db::copy::{backup_to, check, CheckReport, DbCounts};
pub use auto::{
    auto_backup, backups_dir, daily_backup_if_due, list_backups, verify_backup, BackupEntry,
    BackupReason,
};
pub use request::{BackupOverview, PendingOutcome};
pub use rotation::{rotate_backups, Retention, RotationReport};

/// Result of [`restore_from`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RestoreReport {
    /// The restored database, checked in place.
    pub restored: CheckReport,
    /// Where the previous database was moved, if there was one.
    pub previous: Option<PathBuf>,
    /// The verified `pre-restore` backup of the previous database in the backups folder (only
    /// when the previous database was healthy).
    pub pre_restore_backup: Option<BackupEntry>,
}

/// Replaces the database at `path` with a verified copy of `src` (see module contract).
pub fn restore_from(path: &Path, src: &Path) -> Result<RestoreReport> {
    if !src.is_file() {
        return Err(Error::NotFound {
            what: Entity::File,
            key: src.display().to_string(),
        });
    }
    if same_file(path, src) {
        return Err(Error::invalid(
            "src",
            "Il file da ripristinare è il database stesso: scegli un file di backup.",
        ));
    }
    let source = verified_source(src)?;
    let pre_restore_backup = if path.exists() && inspect(path).is_ok() {
        let current = open_read_only(path)?;
        Some(auto::backup_into_dir(
            &current,
            path,
            BackupReason::PreRestore,
            chrono::Utc::now(),
        )?)
    } else {
        None
    };
    let previous = replace_with(path, &source, "before-restore")?;
    drop(source);
    Ok(RestoreReport {
        restored: check(path)?,
        previous,
        pre_restore_backup,
    })
}
