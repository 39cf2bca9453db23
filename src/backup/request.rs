//! Restore at next start: how the desktop app restores a backup while its database is open.
//!
//! Contract:
//! - A backup is named by its FILE NAME only, and [`find_backup`] accepts a name only if it is
//!   one of [`super::list_backups`] for this database (so `/`, `\`, `..`, absolute paths and any
//!   other file are refused): a page of the app can never make Raccordo read an arbitrary path.
//! - [`request_restore`] verifies the backup (integrity, Raccordo's, schema readable by this
//!   build) and then writes the request file `<db>.restore-request` (atomically) holding the
//!   backup's file name. Nothing else changes: the database in use is untouched until the next
//!   start. [`cancel_restore`] removes the request; [`pending_restore`] reads it.
//! - [`apply_pending_restore`] runs at start-up BEFORE the database is opened (from
//!   [`crate::startup::open_checked`]): it resolves the name again, restores it with
//!   [`super::restore_from`] (the current database is moved aside as
//!   `<stem>.before-restore-<timestamp>.sqlite` and, when healthy, also backed up as
//!   `pre-restore`), removes the request and returns the Italian message for the start-up
//!   notice. If the restore fails, the request is removed as well (so a bad request cannot
//!   block every start), the database is left as it was, and the message says so.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::auto::{created_it, list_backups, verify_backup, BackupEntry};
use super::{restore_from, CheckReport};
use crate::error::{ApiError, Entity, Error, Result};
use crate::interchange::write::atomic_write;

/// Suffix of the request file beside the database.
pub const REQUEST_SUFFIX: &str = ".restore-request";

/// The longest request file read (a file name, not a path).
const MAX_REQUEST_BYTES: u64 = 4096;

/// `<db>.restore-request`.
pub fn request_path(db_path: &Path) -> PathBuf {
    let mut name = db_path.as_os_str().to_owned();
    name.push(REQUEST_SUFFIX);
    PathBuf::from(name)
}

/// The backups of the database and the restore waiting for the next start, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupOverview {
    /// Newest first.
    pub backups: Vec<BackupEntry>,
    /// The backups folder.
    pub folder: String,
    /// File name of the backup that will be restored at the next start.
    pub pending_restore: Option<String>,
}

/// The backups, their folder and the pending restore.
pub fn overview(db_path: &Path) -> Result<BackupOverview> {
    Ok(BackupOverview {
        backups: list_backups(db_path)?,
        folder: super::backups_dir(db_path).display().to_string(),
        pending_restore: pending_restore(db_path)?,
    })
}

/// The backup of this database called `file_name` (see module contract).
pub fn find_backup(db_path: &Path, file_name: &str) -> Result<BackupEntry> {
    let not_found = || Error::NotFound {
        what: Entity::File,
        key: format!("backup «{file_name}»"),
    };
    if file_name.is_empty()
        || file_name.contains(['/', '\\', '\0'])
        || file_name.contains("..")
        || Path::new(file_name).is_absolute()
    {
        return Err(not_found());
    }
    list_backups(db_path)?
        .into_iter()
        .find(|b| b.file_name == file_name)
        .ok_or_else(not_found)
}

/// Read-only check of the backup called `file_name`.
pub fn verify_named(db_path: &Path, file_name: &str) -> Result<CheckReport> {
    let entry = find_backup(db_path, file_name)?;
    verify_backup(Path::new(&entry.path))
}

/// Verifies the backup and asks for it to be restored at the next start (see module contract).
pub fn request_restore(db_path: &Path, file_name: &str) -> Result<BackupEntry> {
    let entry = find_backup(db_path, file_name)?;
    let report = verify_backup(Path::new(&entry.path))?;
    if !report.ok {
        return Err(Error::invalid(
            "file_name",
            format!(
                "Il backup {file_name} non supera il controllo di integrità ({}): scegline un altro.",
                report.integrity.first().map(String::as_str).unwrap_or("?")
            ),
        ));
    }
    if report.schema_version > report.supported_version {
        return Err(Error::invalid(
            "file_name",
            format!(
                "Il backup {file_name} è stato scritto da una versione più recente di Raccordo."
            ),
        ));
    }
    let path = request_path(db_path);
    atomic_write(&path, |w| {
        w.write_all(entry.file_name.as_bytes())
            .map_err(Error::io("scrittura", &path))
    })?;
    Ok(entry)
}

/// The file name of the backup waiting to be restored, if any.
pub fn pending_restore(db_path: &Path) -> Result<Option<String>> {
    let path = request_path(db_path);
    let file = match fs::File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io("lettura", &path)(e)),
    };
    let mut text = String::new();
    std::io::Read::read_to_string(&mut std::io::Read::take(file, MAX_REQUEST_BYTES), &mut text)
        .map_err(Error::io("lettura", &path))?;
    let name = text.trim();
    Ok((!name.is_empty()).then(|| name.to_owned()))
}

/// Withdraws the pending restore (nothing happens if there is none).
pub fn cancel_restore(db_path: &Path) -> Result<()> {
    let path = request_path(db_path);
    match fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io("eliminazione", &path)(e)),
    }
}

/// Outcome of [`apply_pending_restore`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PendingOutcome {
    /// The backup was restored; the message for the start-up notice.
    Restored(String),
    /// The request could not be carried out; the database is unchanged.
    Failed(String),
}

/// Applies a pending restore request before the database is opened (see module contract).
pub fn apply_pending_restore(db_path: &Path) -> Option<PendingOutcome> {
    let name = match pending_restore(db_path) {
        Ok(Some(name)) => name,
        Ok(None) => return None,
        Err(e) => {
            let _ = cancel_restore(db_path);
            return Some(PendingOutcome::Failed(format!(
                "Il ripristino richiesto non è stato eseguito ({}); il database non è stato modificato.",
                ApiError::from(e).message
            )));
        }
    };
    let result = find_backup(db_path, &name)
        .and_then(|entry| restore_from(db_path, Path::new(&entry.path)).map(|r| (entry, r)));
    let removed = cancel_restore(db_path);
    Some(match result {
        Ok((entry, report)) => {
            let previous = report
                .previous
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "(nessun database precedente)".to_owned());
            let mut message = format!(
                "Ripristinato il backup {} ({}) del {}, come richiesto. Il database che era in uso è \
                 conservato in {previous}: le modifiche fatte dopo il {} non sono in quello ripristinato.",
                entry.file_name,
                entry.reason.label_it(),
                created_it(&entry),
                created_it(&entry),
            );
            if let Err(e) = removed {
                message.push_str(&format!(
                    " Attenzione: la richiesta di ripristino non è stata eliminata ({}).",
                    ApiError::from(e).message
                ));
            }
            PendingOutcome::Restored(message)
        }
        Err(e) => PendingOutcome::Failed(format!(
            "Il ripristino del backup {name} non è stato eseguito: {}. Il database in uso non è stato \
             modificato.",
            ApiError::from(e).message
        )),
    })
}
