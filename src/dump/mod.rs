//! Full export and import of the database as one JSON document (`export all` / `import all`).
//!
//! Contract:
//! - Document: `{ "format": "raccordo-dump", "format_version": 1, "schema_version": N,
//!   "exported_at": RFC 3339 UTC, "app_version": "…", "tables": { "<table>": { "columns": [...],
//!   "rows": [[...], ...] } } }`. Tables are sorted by name, rows in `rowid` (or primary key)
//!   order, one row per line, so the same database always gives the same bytes apart from
//!   `exported_at`/`app_version`. Values are typed losslessly ([`cell`]). Which tables are in it
//!   is read from the schema ([`schema`]): every ordinary table, `sqlite_sequence`, and nothing
//!   derived (the FTS index is rebuilt).
//! - [`export_all`] reads every dumped table inside one read transaction (a consistent snapshot);
//!   [`write_file`] writes the document with the atomic writer (no partial file, a previous file
//!   untouched on failure); [`record_export`] appends the audit row.
//! - [`read_file`] refuses files over [`MAX_DUMP_BYTES`] before reading them, and reports
//!   malformed JSON, a wrong `format` or a newer `format_version` with the line and column.
//! - [`import_all`] loads a dump into a database EMPTY of user data (see
//!   [`schema::check_empty`]) or refuses; it replaces the seeded reference rows by the dump's,
//!   all in one savepoint of the caller's transaction, foreign keys deferred and checked
//!   (`PRAGMA foreign_key_check`) before anything is kept; row problems are reported per table
//!   and 1-based row index and nothing is kept; `dry_run` does the whole load and rolls it back.
//!   A dump of another `schema_version` is refused (a newer one: update Raccordo; an older one:
//!   import it with the version that wrote it, then open that database with this version, which
//!   migrates it). On success the FTS index is rebuilt and one `import` audit row is appended
//!   after the dump's own audit rows, which are inserted unchanged (the append-only log is never
//!   updated nor deleted from: the target's log is empty by the emptiness rule).

pub mod cell;
mod export;
mod import;
pub mod schema;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use rusqlite::Transaction;
use serde::{Deserialize, Deserializer, Serialize};

use crate::audit::{self, AuditAction};
use crate::error::{Error, Result};
pub use cell::Cell;
pub use export::export_all;
pub use import::{check_target, import_all, DumpProblem, ImportAllOptions, ImportAllReport};

/// Value of the `format` field.
pub const FORMAT: &str = "raccordo-dump";

/// The document format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// Largest dump file accepted by [`read_file`] (200 MB). Measured: a `demo --scale 10` database
/// (20,000 people, 95,073 rows) dumps to 8.6 MB and its import peaks at about 66 MB of memory
/// (the document is held in memory while it loads, about 7-8 times its size); the limit leaves
/// room for archives over 20 times that size while keeping memory under about 1.5 GB.
pub const MAX_DUMP_BYTES: usize = 200 * 1024 * 1024;

/// A whole database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dump {
    #[serde(deserialize_with = "known_format")]
    pub format: String,
    #[serde(deserialize_with = "known_format_version")]
    pub format_version: u32,
    pub schema_version: i64,
    pub exported_at: String,
    pub app_version: String,
    pub tables: BTreeMap<String, TableDump>,
}

/// One table: column names and rows (each row has one value per column).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableDump {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Dump {
    /// Number of rows over all tables.
    pub fn row_count(&self) -> usize {
        self.tables.values().map(|t| t.rows.len()).sum()
    }
}

fn known_format<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if s != FORMAT {
        return Err(serde::de::Error::custom(format!(
            "il campo «format» vale «{s}» invece di «{FORMAT}»: il file non è un'esportazione \
             completa di Raccordo («raccordo export all»)"
        )));
    }
    Ok(s)
}

fn known_format_version<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<u32, D::Error> {
    let v = u32::deserialize(d)?;
    if v > FORMAT_VERSION {
        return Err(serde::de::Error::custom(format!(
            "il file usa il formato {v}, questa versione di Raccordo legge fino al formato \
             {FORMAT_VERSION}: aggiorna Raccordo"
        )));
    }
    if v == 0 {
        return Err(serde::de::Error::custom("format_version 0 non esiste"));
    }
    Ok(v)
}

/// Writes the document: header fields first (so a reader meets `format` before the data), then
/// one table per line group and one row per line.
pub fn write_json(w: &mut dyn Write, dump: &Dump) -> Result<()> {
    let mut text = String::new();
    text.push_str(&format!(
        "{{\"format\":{},\"format_version\":{},\"schema_version\":{},\"exported_at\":{},\
         \"app_version\":{},\"tables\":{{",
        json(&dump.format)?,
        dump.format_version,
        dump.schema_version,
        json(&dump.exported_at)?,
        json(&dump.app_version)?,
    ));
    let io = |e: std::io::Error| Error::Io {
        op: "scrittura dell'esportazione",
        path: Path::new("-").to_path_buf(),
        source: e,
    };
    w.write_all(text.as_bytes()).map_err(io)?;
    for (i, (name, table)) in dump.tables.iter().enumerate() {
        let head = format!(
            "{}\n{}:{{\"columns\":{},\"rows\":[",
            if i == 0 { "" } else { "," },
            json(name)?,
            json(&table.columns)?
        );
        w.write_all(head.as_bytes()).map_err(io)?;
        for (j, row) in table.rows.iter().enumerate() {
            let line = format!("{}\n{}", if j == 0 { "" } else { "," }, json(row)?);
            w.write_all(line.as_bytes()).map_err(io)?;
        }
        w.write_all(b"]}").map_err(io)?;
    }
    w.write_all(b"\n}}\n").map_err(io)?;
    Ok(())
}

/// Compact JSON text of a value.
fn json<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Internal(format!("dump serialisation: {e}")))
}

/// The document as bytes (see [`write_json`]).
pub fn to_json_bytes(dump: &Dump) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    write_json(&mut bytes, dump)?;
    Ok(bytes)
}

/// Writes the document to `path` atomically (see the module contract).
pub fn write_file(path: &Path, dump: &Dump) -> Result<()> {
    crate::interchange::write::atomic_write(path, |w| {
        write_json(w, dump).map_err(|e| match e {
            Error::Io { op, source, .. } => Error::Io {
                op,
                path: path.to_path_buf(),
                source,
            },
            other => other,
        })
    })
}

/// The audit row of an export.
pub fn record_export(tx: &Transaction, path: &Path, dump: &Dump) -> Result<()> {
    audit::record(
        tx,
        AuditAction::Export,
        "database",
        None,
        &format!(
            "Esportazione completa in {} ({} righe in {} tabelle)",
            file_label(path),
            dump.row_count(),
            dump.tables.len()
        ),
        Some(&serde_json::json!({
            "format": FORMAT,
            "format_version": dump.format_version,
            "schema_version": dump.schema_version,
            "rows": dump.row_count(),
        })),
    )
}

/// The file name shown in messages and the audit log (never the full path).
pub fn file_label(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Parses a dump; errors name the line and column (see the module contract).
pub fn parse(bytes: &[u8], label: &str) -> Result<Dump> {
    serde_json::from_slice::<Dump>(bytes).map_err(|e| {
        let text = e.to_string();
        let what = text
            .rfind(" at line ")
            .map_or(text.as_str(), |i| &text[..i])
            .to_owned();
        let reason = if e.is_syntax() || e.is_eof() {
            format!(
                "il file non è un JSON valido alla riga {}, colonna {} ({what}): è troncato o \
                 danneggiato; usa il file originale di «raccordo export all»",
                e.line(),
                e.column()
            )
        } else if what.contains("missing field `format`") || e.line() <= 1 && e.column() <= 1 {
            format!(
                "il file non è un'esportazione completa di Raccordo (manca il campo «format»; \
                 {what}): per i contatti usa «raccordo import contacts»"
            )
        } else {
            format!(
                "contenuto non valido alla riga {}, colonna {}: {what}",
                e.line(),
                e.column()
            )
        };
        Error::Import {
            file: label.to_owned(),
            reason,
        }
    })
}

/// Reads and parses a dump file, refusing files over [`MAX_DUMP_BYTES`] before reading them.
pub fn read_file(path: &Path) -> Result<Dump> {
    let label = file_label(path);
    let bytes =
        crate::interchange::text::read_limited_to(path, MAX_DUMP_BYTES).map_err(|e| match e {
            Error::InputTooLarge { limit_bytes } => Error::Import {
                file: label.clone(),
                reason: format!(
                    "il file supera il limite di {} MB per un'esportazione completa: non è un \
                     file di «raccordo export all» oppure è danneggiato",
                    limit_bytes / (1024 * 1024)
                ),
            },
            other => other,
        })?;
    parse(&bytes, &label)
}
