//! The names of the backups: the backups folder beside the database and the file names in it.
//!
//! Contract: the backups of the database `<dir>/<stem>.sqlite` live in `<dir>/backups/`
//! ([`backups_dir`]) and are named `<stem>-<reason>-<YYYYMMDD-HHMMSS>.sqlite` in Europe/Rome
//! local time (for the default database: `raccordo-daily-20261126-103000.sqlite`); a second
//! backup within the same second gets `-2`, `-3`… before `.sqlite`. Reasons: [`BackupReason`].
//! [`list`] reads back the files of that pattern for one database, newest first; any other file
//! in the folder is ignored (and never deleted by rotation). A missing folder is an empty list.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Rome;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::copy::stem;
use crate::error::{Error, Result};

/// Name of the backups folder beside the database.
pub const BACKUPS_DIR: &str = "backups";

/// Why a backup in the backups folder was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum BackupReason {
    /// At start-up, at most once per calendar day.
    Daily,
    /// Before applying an import.
    PreImport,
    /// Before replacing the database with a restored copy.
    PreRestore,
    /// Before migrating the database to a newer schema.
    PreMigration,
    /// Asked for by the user.
    Manual,
}

impl BackupReason {
    pub const ALL: [BackupReason; 5] = [
        BackupReason::Daily,
        BackupReason::PreImport,
        BackupReason::PreRestore,
        BackupReason::PreMigration,
        BackupReason::Manual,
    ];

    /// The reason as written in file names (`pre-import`).
    pub fn as_str(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::PreImport => "pre-import",
            BackupReason::PreRestore => "pre-restore",
            BackupReason::PreMigration => "pre-migration",
            BackupReason::Manual => "manual",
        }
    }

    /// Italian label for people.
    pub fn label_it(self) -> &'static str {
        match self {
            BackupReason::Daily => "giornaliero",
            BackupReason::PreImport => "prima di un'importazione",
            BackupReason::PreRestore => "prima di un ripristino",
            BackupReason::PreMigration => "prima di un aggiornamento",
            BackupReason::Manual => "manuale",
        }
    }
}

/// A backup file in the backups folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupEntry {
    pub path: String,
    pub file_name: String,
    pub reason: BackupReason,
    /// When it was taken, UTC RFC 3339 (`2026-11-26T09:30:00Z`), read from the file name.
    pub created_at: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// A listed backup with its local (Europe/Rome) time, for sorting and rotation.
#[derive(Debug, Clone)]
pub(crate) struct Listed {
    pub entry: BackupEntry,
    pub local: NaiveDateTime,
    /// The `-N` of a second backup within the same second (0 for none).
    pub seq: u32,
}

/// `<folder of the database>/backups`.
pub fn backups_dir(db_path: &Path) -> PathBuf {
    match db_path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => parent.join(BACKUPS_DIR),
        None => PathBuf::from(BACKUPS_DIR),
    }
}

/// Every backup of the database at `db_path`, newest first.
pub(crate) fn list(db_path: &Path) -> Result<Vec<Listed>> {
    let dir = backups_dir(db_path);
    let entries = match fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io("lettura della cartella dei backup", &dir)(e)),
    };
    let stem = stem(db_path);
    let mut found: Vec<Listed> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| parse(&e.path(), &stem))
        .collect();
    found.sort_by(|a, b| {
        (b.local, b.seq)
            .cmp(&(a.local, a.seq))
            .then_with(|| b.entry.file_name.cmp(&a.entry.file_name))
    });
    Ok(found)
}

/// Reads `<stem>-<reason>-<YYYYMMDD-HHMMSS>[-N].sqlite`; `None` for any other name.
pub(crate) fn parse(path: &Path, stem: &str) -> Option<Listed> {
    let file_name = path.file_name()?.to_str()?.to_owned();
    let rest = file_name
        .strip_suffix(".sqlite")?
        .strip_prefix(stem)?
        .strip_prefix('-')?;
    let (reason, rest) = BackupReason::ALL.iter().find_map(|r| {
        rest.strip_prefix(r.as_str())
            .and_then(|x| x.strip_prefix('-'))
            .map(|x| (*r, x))
    })?;
    let (stamp, counter) = rest.split_at_checked(15)?;
    let seq = match counter.strip_prefix('-') {
        None if counter.is_empty() => 0,
        Some(n) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => n.parse().ok()?,
        _ => return None,
    };
    let local = NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").ok()?;
    let utc = Rome
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        // A time skipped by the spring DST change cannot be local: read it as UTC+1.
        .unwrap_or_else(|| Utc.from_utc_datetime(&(local - chrono::Duration::hours(1))));
    let bytes = fs::metadata(path).ok()?.len();
    Some(Listed {
        entry: BackupEntry {
            path: path.display().to_string(),
            file_name,
            reason,
            created_at: utc.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            bytes,
        },
        local,
        seq,
    })
}

/// "26/11/2026 alle 10:30" from a backup's UTC `created_at` (falls back to the raw text).
pub(crate) fn created_it(entry: &BackupEntry) -> String {
    DateTime::parse_from_rfc3339(&entry.created_at)
        .map(|t| {
            t.with_timezone(&Rome)
                .format("%d/%m/%Y alle %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| entry.created_at.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_foreign_names_are_ignored() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
        let good = [
            "raccordo-daily-20261126-103000.sqlite",
            "raccordo-pre-import-20261126-103000-2.sqlite",
            "raccordo-pre-migration-20260101-000000.sqlite",
        ];
        let bad = [
            "raccordo-weekly-20261126-103000.sqlite",
            "altro-daily-20261126-103000.sqlite",
            "raccordo-daily-20261126-1030.sqlite",
            "raccordo-daily-20261126-103000-x.sqlite",
            "raccordo-daily-20261126-103000.sqlite-wal",
            ".raccordo-daily-20261126-103000.sqlite.tmp-1-2",
        ];
        for name in good.iter().chain(&bad) {
            fs::write(dir.path().join(name), b"x").unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        let parsed: Vec<String> = good
            .iter()
            .chain(&bad)
            .filter_map(|n| parse(&dir.path().join(n), "raccordo"))
            .map(|l| l.entry.file_name)
            .collect();
        assert_eq!(
            parsed, good,
            "exactly the well-formed names of this database"
        );
        let p = parse(&dir.path().join(good[1]), "raccordo").map(|l| l.entry);
        assert_eq!(
            p.as_ref().map(|e| (e.reason, e.created_at.as_str())),
            Some((BackupReason::PreImport, "2026-11-26T09:30:00Z")),
            "reason and UTC time (Rome is UTC+1 in November)"
        );
    }

    #[test]
    fn backups_dir_is_a_sibling_folder() {
        assert_eq!(
            backups_dir(Path::new("/data/raccordo.sqlite")),
            PathBuf::from("/data/backups"),
            "beside the database"
        );
        assert_eq!(
            backups_dir(Path::new("raccordo.sqlite")),
            PathBuf::from("backups"),
            "relative database in the current folder"
        );
    }
}
