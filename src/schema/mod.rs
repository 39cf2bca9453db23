//! The schema of a Raccordo database and bringing a file up to it.
//!
//! Contract: [`Store::open`] (defined here, on the handle of [`crate::db`]) opens the file with
//! [`crate::db::open::open_file`] (create, read-only inspection, pragmas), then, for an existing
//! database older than this build, writes a verified `pre-migration` backup into the backups
//! folder ([`crate::backup::auto`]), runs every pending migration in one transaction
//! ([`migrate`]: SQL files with their seeding hooks — the territory from
//! [`crate::territory::seed`], the standard organisations from [`crate::contacts::seed`]) and
//! refreshes the reference data when this build carries newer data. An up-to-date database is
//! not written at all.
//!
//! Dependency direction: this module sits above the modules whose data it seeds and above the
//! backup policy; nothing in the core depends on it except the callers of `Store::open` (the
//! CLI, [`crate::startup`], [`crate::dump`] for a fresh in-memory schema).

pub mod migrate;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::backup::auto::backup_into_dir;
use crate::backup::BackupReason;
use crate::db::open::{open_file, FileState, OpenReport};
use crate::db::{Store, SCHEMA_VERSION};
use crate::error::Result;
use crate::territory::seed;
pub use migrate::{migrate, migrate_to, Migrated};

impl Store {
    /// Opens the database at `path`, creating its folder and the file if missing, and migrating
    /// it (after a backup) if it is older than this build (see the module contract).
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let (conn, report) = open(&path)?;
        Ok(Store::from_open(conn, path, report))
    }

    /// Opens the default database ([`crate::paths::default_db_path`]).
    pub fn open_default() -> Result<Store> {
        Store::open(crate::paths::default_db_path()?)
    }
}

/// Opens (creating or migrating as needed) the database at `path`; see the module contract.
pub fn open(path: &Path) -> Result<(Connection, OpenReport)> {
    let (
        mut conn,
        FileState {
            existing,
            from_version,
        },
    ) = open_file(path)?;
    let mut pre_migration_backup = None;
    if from_version > 0 && from_version < SCHEMA_VERSION {
        let entry = backup_into_dir(&conn, path, BackupReason::PreMigration, chrono::Utc::now())?;
        pre_migration_backup = Some(PathBuf::from(entry.path));
    }
    // Up-to-date databases skip the migrator's write lock (read commands stay read-only).
    let migrated = if from_version == SCHEMA_VERSION {
        migrate::Migrated {
            from: from_version,
            to: from_version,
        }
    } else {
        migrate::migrate(&mut conn, path)?
    };
    seed::refresh_reference_if_needed(&mut conn)?;
    Ok((
        conn,
        OpenReport {
            created: !existing,
            from_version: migrated.from,
            schema_version: migrated.to,
            pre_migration_backup,
        },
    ))
}
