//! The one place that opens a database file for writing, and the read-only looks at a file.
//!
//! Contract of [`open_file`] (steps 1–3) and of `Store::open` (all steps; steps 4 and after are
//! [`crate::schema`]'s, which brings the file up to date):
//! 1. A missing (or empty) file is created, with its parent directory.
//! 2. An existing file is first inspected WITHOUT writing to it: its header must say SQLite, a
//!    read-only connection must pass `PRAGMA quick_check`, its `application_id` must be
//!    Raccordo's (or it must be empty), and its `user_version` must not be newer than this build.
//!    Any failure returns [`Error::DatabaseCorrupt`], [`Error::ForeignDatabase`] or
//!    [`Error::DatabaseTooNew`] and the file is left byte-for-byte as it was.
//! 3. The read-write connection gets `journal_mode=WAL`, `foreign_keys=ON`,
//!    `busy_timeout=5000`, `synchronous=FULL`.
//! 4. If an existing database needs migrating, a verified copy is first written into the backups
//!    folder beside it (`backups/<stem>-pre-migration-<timestamp>.sqlite`, see
//!    [`crate::backup::auto`]), then all migrations run in one transaction.
//! 5. An I/O error met while checking is reported as such ([`Error::Io`] or an I/O-kind SQLite
//!    error), never as corruption: only SQLite's own verdict (`SQLITE_CORRUPT`, `SQLITE_NOTADB`,
//!    `quick_check` rows other than "ok", a missing header) makes a file "damaged".

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::version::{APPLICATION_ID, SCHEMA_VERSION};
use crate::error::{sqlite_code, Error, Result};

/// Busy timeout of every connection.
pub const BUSY_TIMEOUT: Duration = Duration::from_millis(5000);

/// What opening the database did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenReport {
    /// The database file did not exist (or was empty) and was created.
    pub created: bool,
    /// Schema version before opening (0 for a new file).
    pub from_version: i64,
    /// Schema version now.
    pub schema_version: i64,
    /// The pre-migration backup written before migrating an existing database.
    pub pre_migration_backup: Option<PathBuf>,
}

/// What [`open_file`] found before opening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileState {
    /// The file existed and was not empty.
    pub existing: bool,
    /// Its schema version (0 for a new or empty file).
    pub from_version: i64,
}

/// What a read-only look at an existing file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Inspection {
    pub user_version: i64,
    pub application_id: i64,
    pub objects: i64,
}

/// A read-write connection to the database file at `path`, checked and configured (steps 1–3
/// of the module contract), with the schema version found before opening (0 for a new or empty
/// file) and whether the file existed with content.
pub fn open_file(path: &Path) -> Result<(Connection, FileState)> {
    let existing = match fs::metadata(path) {
        Ok(m) if m.is_dir() => {
            return Err(Error::Io {
                op: "apertura del database",
                path: path.to_path_buf(),
                source: std::io::Error::other("è una cartella, non un file"),
            })
        }
        Ok(m) => m.len() > 0,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(Error::io("lettura del database", path)(e)),
    };
    let from_version = if existing {
        let ins = inspect(path)?;
        if ins.objects == 0 && ins.user_version == 0 {
            0
        } else {
            ins.user_version
        }
    } else {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).map_err(Error::io("creazione della cartella", parent))?;
        }
        0
    };

    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify_open_error(path, e))?;
    configure(&conn)?;
    Ok((
        conn,
        FileState {
            existing,
            from_version,
        },
    ))
}

/// Sets the connection pragmas of the contract.
pub(crate) fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Internal(format!(
            "journal_mode WAL refused, got {mode}"
        )));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// Looks at an existing, non-empty file without modifying it: SQLite header, `quick_check`,
/// `application_id`, `user_version` (see the module contract).
pub(crate) fn inspect(path: &Path) -> Result<Inspection> {
    check_header(path)?;
    let conn = open_read_only(path)?;
    let corrupt = |reason: String| Error::DatabaseCorrupt {
        path: path.to_path_buf(),
        reason,
    };
    let first = quick_check(&conn).map_err(|e| classify_open_error(path, e))?;
    if first != "ok" {
        return Err(corrupt(format!("verifica di integrità: {first}")));
    }
    let read = |sql: &str| -> Result<i64> {
        conn.query_row(sql, [], |r| r.get(0))
            .map_err(|e| classify_open_error(path, e))
    };
    let ins = Inspection {
        user_version: read("PRAGMA user_version")?,
        application_id: read("PRAGMA application_id")?,
        objects: read("SELECT count(*) FROM sqlite_master")?,
    };
    let empty = ins.objects == 0 && ins.user_version == 0 && ins.application_id == 0;
    if !empty && ins.application_id != APPLICATION_ID {
        return Err(Error::ForeignDatabase {
            path: path.to_path_buf(),
        });
    }
    if ins.user_version > SCHEMA_VERSION {
        return Err(Error::DatabaseTooNew {
            path: path.to_path_buf(),
            found: ins.user_version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(ins)
}

/// A read-only connection (no pragma that writes is ever run on it).
pub(crate) fn open_read_only(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify_open_error(path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

/// First row of `PRAGMA quick_check` ("ok" when healthy).
pub(crate) fn quick_check(conn: &Connection) -> rusqlite::Result<String> {
    conn.query_row("PRAGMA quick_check", [], |r| r.get(0))
}

/// All rows of `PRAGMA integrity_check` (just `["ok"]` when healthy).
pub(crate) fn integrity_check(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    rows.collect()
}

/// The file must start with the 16-byte SQLite magic and hold a full 100-byte header.
fn check_header(path: &Path) -> Result<()> {
    let mut header = [0u8; 100];
    let mut file = fs::File::open(path).map_err(Error::io("lettura del database", path))?;
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::io("lettura del database", path)(e)),
        }
    }
    if read < header.len() || &header[..16] != b"SQLite format 3\0" {
        return Err(Error::DatabaseCorrupt {
            path: path.to_path_buf(),
            reason: "manca l'intestazione di un database SQLite".to_owned(),
        });
    }
    Ok(())
}

/// Maps an error met while opening/inspecting `path` to the error the user should see.
fn classify_open_error(path: &Path, e: rusqlite::Error) -> Error {
    match sqlite_code(&e) {
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
            Error::DatabaseCorrupt {
                path: path.to_path_buf(),
                reason: e.to_string(),
            }
        }
        Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::PermissionDenied) => {
            Error::Io {
                op: "apertura del database",
                path: path.to_path_buf(),
                source: std::io::Error::other(e.to_string()),
            }
        }
        _ => Error::Sqlite(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_check_rejects_short_and_foreign_files() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|e| Error::Internal(e.to_string()))?;
        let p = dir.path().join("x.sqlite");
        fs::write(&p, b"SQLite format 3\0short").map_err(Error::io("w", &p))?;
        assert!(
            matches!(check_header(&p), Err(Error::DatabaseCorrupt { .. })),
            "a header shorter than 100 bytes is not a database"
        );
        fs::write(&p, [b'x'; 200]).map_err(Error::io("w", &p))?;
        assert!(
            matches!(check_header(&p), Err(Error::DatabaseCorrupt { .. })),
            "a file without the SQLite magic is not a database"
        );
        Ok(())
    }
}
