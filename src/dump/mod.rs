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
use serde::{Deserialize, Serialize};

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
    pub format: String,
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

/// The fields that say what a JSON document is (everything else is skipped unread).
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    format_version: Option<serde_json::Value>,
}

/// `message at line L column C` of serde_json without the position suffix.
fn what(e: &serde_json::Error) -> String {
    let text = e.to_string();
    text.rfind(" at line ")
        .map_or(text.as_str(), |i| &text[..i])
        .to_owned()
}

/// Parses a dump; errors name the line and column (see the module contract). A first pass reads
/// only the header, so a file of another kind gets a message about its kind, not about a field.
pub fn parse(bytes: &[u8], label: &str) -> Result<Dump> {
    let refuse = |reason: String| Error::Import {
        file: label.to_owned(),
        reason,
    };
    let not_a_dump = |detail: &str| {
        refuse(format!(
            "il file non è un'esportazione completa di Raccordo ({detail}): scegli un file              scritto da «raccordo export all»; per i contatti usa «raccordo import contacts»"
        ))
    };
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first != Some(&b'{') && serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok() {
        return Err(not_a_dump("il documento JSON non è un oggetto"));
    }
    let header = match serde_json::from_slice::<Header>(bytes) {
        Ok(h) => h,
        Err(e) if e.is_syntax() || e.is_eof() => {
            return Err(refuse(format!(
                "il file non è un JSON valido alla riga {}, colonna {} ({}): è troncato o                  danneggiato; usa il file originale di «raccordo export all»",
                e.line(),
                e.column(),
                what(&e)
            )))
        }
        Err(_) => return Err(not_a_dump("non è un oggetto JSON con il campo «format»")),
    };
    match header.format {
        Some(serde_json::Value::String(f)) if f == FORMAT => {}
        Some(serde_json::Value::String(f)) => {
            return Err(not_a_dump(&format!("il campo «format» vale «{f}»")))
        }
        Some(other) => return Err(not_a_dump(&format!("il campo «format» vale {other}"))),
        None => return Err(not_a_dump("manca il campo «format»")),
    }
    match header.format_version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(FORMAT_VERSION) => {}
        Some(v) if v > u64::from(FORMAT_VERSION) => {
            return Err(refuse(format!(
                "il file usa il formato {v}, questa versione di Raccordo legge fino al formato                  {FORMAT_VERSION}: aggiorna Raccordo"
            )))
        }
        _ => {
            return Err(not_a_dump(&format!(
                "«format_version» non valido: {}",
                header
                    .format_version
                    .map_or_else(|| "mancante".to_owned(), |v| v.to_string())
            )))
        }
    }
    serde_json::from_slice::<Dump>(bytes).map_err(|e| {
        refuse(format!(
            "contenuto non valido alla riga {}, colonna {}: {}",
            e.line(),
            e.column(),
            what(&e)
        ))
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
