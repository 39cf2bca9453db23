//! Automatic backups in the backups folder beside the database.
//!
//! Contract:
//! - The backups live in the backups folder beside the database under the names of
//!   [`super::names`] ([`backups_dir`], `<stem>-<reason>-<YYYYMMDD-HHMMSS>.sqlite`; reasons:
//!   [`BackupReason`]).
//! - Every backup is written like [`super::backup_to`] ([`crate::db::copy`]): online backup API
//!   into a temporary file, `integrity_check`, fsync, rename. A failure leaves no partial file and
//!   touches no other backup.
//! - [`list_backups`] lists the files of that pattern for this database, newest first; any other
//!   file in the folder is ignored (and never deleted by rotation). A missing folder is an empty
//!   list.
//! - [`daily_backup_if_due`] takes a `daily` backup unless one was already taken on the current
//!   calendar day in Europe/Rome, then rotates the folder ([`super::rotation`]). Nothing else
//!   rotates automatically: `pre-import`, `pre-restore`, `pre-migration` and `manual` backups are
//!   written by [`auto_backup`] and only removed by a later rotation.

use std::fs;
use std::path::Path;

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Rome;
use rusqlite::Connection;

use super::names::parse;
use crate::db::copy::{check, stem, unused_sibling, write_copy, CheckReport};
use crate::db::Store;
use crate::error::{Entity, Error, Result};

pub use super::names::{backups_dir, BackupEntry, BackupReason, BACKUPS_DIR};
pub(crate) use super::names::{created_it, list};

/// Writes a verified backup of the open database into the backups folder.
pub fn auto_backup(store: &Store, reason: BackupReason) -> Result<BackupEntry> {
    store.read(|conn| backup_into_dir(conn, store.path(), reason, Utc::now()))
}

/// Takes the `daily` backup unless one exists for today (Europe/Rome), then rotates the folder.
/// Returns the backup taken, if any. A failed rotation is reported as an error after the backup
/// was written (the backup stays).
pub fn daily_backup_if_due(store: &Store) -> Result<Option<BackupEntry>> {
    let now = Utc::now();
    let today = now.with_timezone(&Rome).date_naive();
    let taken_today = list(store.path())?
        .iter()
        .any(|b| b.entry.reason == BackupReason::Daily && b.local.date() == today);
    if taken_today {
        return Ok(None);
    }
    let entry = auto_backup(store, BackupReason::Daily)?;
    super::rotation::rotate_at(store.path(), now, &super::rotation::Retention::default())?;
    Ok(Some(entry))
}

/// The backups of the database at `db_path`, newest first.
pub fn list_backups(db_path: &Path) -> Result<Vec<BackupEntry>> {
    Ok(list(db_path)?.into_iter().map(|b| b.entry).collect())
}

/// Read-only check of a backup file (integrity, schema version, counts); see [`check`].
pub fn verify_backup(path: &Path) -> Result<CheckReport> {
    if path.is_dir() {
        return Err(Error::NotFound {
            what: Entity::File,
            key: path.display().to_string(),
        });
    }
    check(path)
}

/// Writes a verified copy of `conn` (the database at `db_path`) into the backups folder, named
/// for `reason` and `now`.
pub(crate) fn backup_into_dir(
    conn: &Connection,
    db_path: &Path,
    reason: BackupReason,
    now: DateTime<Utc>,
) -> Result<BackupEntry> {
    let dir = backups_dir(db_path);
    fs::create_dir_all(&dir).map_err(Error::io("creazione della cartella dei backup", &dir))?;
    let stamp = now.with_timezone(&Rome).format("%Y%m%d-%H%M%S").to_string();
    let base = format!("{}-{}-{stamp}", stem(db_path), reason.as_str());
    let dest = unused_sibling(&dir.join("x"), &base, "sqlite");
    write_copy(conn, &dest)?;
    let listed = parse(&dest, &stem(db_path))
        .ok_or_else(|| Error::Internal(format!("backup name {} does not parse", dest.display())))?;
    Ok(listed.entry)
}
