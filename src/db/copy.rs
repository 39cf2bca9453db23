//! Copying and checking a database file.
//!
//! Contract:
//! - [`backup_to`] copies the open database with SQLite's online backup API into a temporary file
//!   next to `dest`, switches the copy to a self-contained rollback journal, runs
//!   `integrity_check` on it, fsyncs it and renames it onto `dest` ([`write_copy`]). On any
//!   failure the temporary file is removed and an existing `dest` is left as it was: never a
//!   partial file.
//! - [`check`] inspects a database file read-only and reports integrity, schema version and
//!   counts; it never modifies the file.
//! - [`replace_with`] puts a verified copy in place of a database file, moving the current one
//!   (with its `-wal`/`-shm`) aside; [`verified_source`] opens a file to copy from only when it is
//!   a healthy Raccordo database this build can read.
//! - When and where copies are taken (backups folder, rotation, restore requests) is the policy
//!   of [`crate::backup`]; this module only moves and checks bytes.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::open::{inspect, integrity_check, open_read_only};
use super::version::{user_version, SCHEMA_VERSION};
use super::Store;
use crate::error::{Entity, Error, Result};
use crate::time;

/// Counts of what a database holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DbCounts {
    #[ts(type = "number")]
    pub comuni: i64,
    #[ts(type = "number")]
    pub zones: i64,
    #[ts(type = "number")]
    pub zones_confirmed: i64,
    #[ts(type = "number")]
    pub memberships: i64,
    #[ts(type = "number")]
    pub synthetic_memberships: i64,
    /// `None` on schema versions without an audit log.
    #[ts(type = "number | null")]
    pub audit_entries: Option<i64>,
}

/// Result of [`check`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CheckReport {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// True when `integrity` is exactly `["ok"]`.
    pub ok: bool,
    /// Rows of `PRAGMA integrity_check` (at most 20).
    pub integrity: Vec<String>,
    #[ts(type = "number")]
    pub schema_version: i64,
    #[ts(type = "number")]
    pub supported_version: i64,
    pub counts: Option<DbCounts>,
}

/// Writes a verified copy of the open database to `dest` (see module contract).
pub fn backup_to(store: &Store, dest: &Path) -> Result<CheckReport> {
    if same_file(store.path(), dest) {
        return Err(Error::invalid(
            "dest",
            "La destinazione del backup coincide con il database aperto: scegli un altro file.",
        ));
    }
    store.read(|conn| write_copy(conn, dest))?;
    check(dest)
}

/// Replaces the database file at `path` with a verified copy of `source`: the copy is staged
/// next to it first, then the current file (with `-wal`/`-shm`) is moved aside as
/// `<stem>.<label>-<timestamp>.sqlite` and the copy renamed into place. On failure the current
/// file is put back. Returns where the current file was moved, if there was one.
pub(crate) fn replace_with(
    path: &Path,
    source: &Connection,
    label: &str,
) -> Result<Option<PathBuf>> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(Error::io("creazione della cartella", parent))?;
    }
    let staged = unused_sibling(
        path,
        &format!("{}.restore-staged-{}", stem(path), time::file_stamp()),
        "sqlite",
    );
    write_copy(source, &staged)?;

    let previous = if path.exists() {
        let aside = unused_sibling(
            path,
            &format!("{}.{label}-{}", stem(path), time::file_stamp()),
            "sqlite",
        );
        if let Err(e) = move_with_sidecars(path, &aside) {
            let _ = fs::remove_file(&staged);
            return Err(e);
        }
        Some(aside)
    } else {
        None
    };
    if let Err(e) = fs::rename(&staged, path) {
        if let Some(aside) = &previous {
            let _ = move_with_sidecars(aside, path);
        }
        let _ = fs::remove_file(&staged);
        return Err(Error::io("ripristino del database", path)(e));
    }
    sync_dir(path);
    Ok(previous)
}

/// Read-only health report of the database file at `path`.
pub fn check(path: &Path) -> Result<CheckReport> {
    let meta = fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound {
            what: Entity::File,
            key: path.display().to_string(),
        },
        _ => Error::io("lettura del database", path)(e),
    })?;
    let corrupt = |e: rusqlite::Error| Error::DatabaseCorrupt {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let conn = open_read_only(path)?;
    let mut integrity = integrity_check(&conn).map_err(corrupt)?;
    integrity.truncate(20);
    let ok = integrity == ["ok"];
    let schema_version = user_version(&conn)?;
    let counts = if ok && schema_version >= 1 {
        Some(counts(&conn, schema_version)?)
    } else {
        None
    };
    Ok(CheckReport {
        path: path.display().to_string(),
        bytes: meta.len(),
        ok,
        integrity,
        schema_version,
        supported_version: SCHEMA_VERSION,
        counts,
    })
}

fn counts(conn: &Connection, version: i64) -> Result<DbCounts> {
    let one = |sql: &str| -> Result<i64> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
    Ok(DbCounts {
        comuni: one("SELECT count(*) FROM comune")?,
        zones: one("SELECT count(*) FROM zone")?,
        zones_confirmed: one("SELECT count(*) FROM zone WHERE confirmed = 1")?,
        memberships: one("SELECT count(*) FROM comune_zone")?,
        synthetic_memberships: one("SELECT count(*) FROM comune_zone WHERE synthetic = 1")?,
        audit_entries: if version >= 2 {
            conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
                .optional()?
        } else {
            None
        },
    })
}

/// Opens `src` read-only after checking it is a healthy Raccordo database this build can read.
pub(crate) fn verified_source(src: &Path) -> Result<Connection> {
    inspect(src)?;
    let conn = open_read_only(src)?;
    let rows = integrity_check(&conn).map_err(|e| Error::DatabaseCorrupt {
        path: src.to_path_buf(),
        reason: e.to_string(),
    })?;
    if rows != ["ok"] {
        return Err(Error::DatabaseCorrupt {
            path: src.to_path_buf(),
            reason: format!("verifica di integrità: {}", rows.join("; ")),
        });
    }
    Ok(conn)
}

/// Atomically writes a verified copy of `src` to `dest` (temp file, backup API, integrity check,
/// fsync, rename). `dest`'s folder must exist.
pub(crate) fn write_copy(src: &Connection, dest: &Path) -> Result<()> {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| Error::invalid("dest", "Indica un nome di file per la copia."))?;
    let tmp = dest.with_file_name(format!(
        ".{name}.tmp-{}-{}",
        std::process::id(),
        chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
    ));
    let result = (|| -> Result<()> {
        let mut copy = Connection::open(&tmp).map_err(|e| Error::Io {
            op: "creazione della copia",
            path: tmp.clone(),
            source: std::io::Error::other(e.to_string()),
        })?;
        let write_err = |e: rusqlite::Error| Error::Io {
            op: "scrittura della copia",
            path: dest.to_path_buf(),
            source: std::io::Error::other(e.to_string()),
        };
        Backup::new(src, &mut copy)
            .and_then(|b| b.run_to_completion(1024, Duration::ZERO, None))
            .map_err(|e| match crate::error::sqlite_code(&e) {
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                    Error::Sqlite(e)
                }
                _ => write_err(e),
            })?;
        let _mode: String = copy
            .pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))
            .map_err(write_err)?;
        let rows = integrity_check(&copy)?;
        if rows != ["ok"] {
            return Err(Error::DatabaseCorrupt {
                path: dest.to_path_buf(),
                reason: format!("la copia non supera la verifica: {}", rows.join("; ")),
            });
        }
        copy.close().map_err(|(_, e)| Error::Sqlite(e))?;
        fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(Error::io("scrittura della copia", &tmp))?;
        fs::rename(&tmp, dest).map_err(Error::io("scrittura della copia", dest))?;
        sync_dir(dest);
        Ok(())
    })();
    if result.is_err() {
        for p in [
            tmp.clone(),
            sidecar(&tmp, "-journal"),
            sidecar(&tmp, "-wal"),
        ] {
            let _ = fs::remove_file(p);
        }
    }
    result
}

/// `<dir of path>/<base>.<ext>`, or `<base>-2.<ext>`, … if that already exists.
pub(crate) fn unused_sibling(path: &Path, base: &str, ext: &str) -> PathBuf {
    let mut candidate = path.with_file_name(format!("{base}.{ext}"));
    let mut n = 2;
    while candidate.exists() {
        candidate = path.with_file_name(format!("{base}-{n}.{ext}"));
        n += 1;
    }
    candidate
}

pub(crate) fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "raccordo".to_owned())
}

pub(crate) fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Renames a database file and its `-wal`/`-shm` companions (so the moved file keeps its WAL).
pub(crate) fn move_with_sidecars(from: &Path, to: &Path) -> Result<()> {
    fs::rename(from, to).map_err(Error::io("spostamento del database", from))?;
    for suffix in ["-wal", "-shm"] {
        let side = sidecar(from, suffix);
        if side.exists() {
            fs::rename(&side, sidecar(to, suffix))
                .map_err(Error::io("spostamento del database", &side))?;
        }
    }
    Ok(())
}

pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Best-effort fsync of the folder holding `path` (makes a rename durable on Unix).
pub(crate) fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(f) = fs::File::open(dir) {
            let _ = f.sync_all();
        }
    }
}
