//! Exporting the audit log to a file (CLI `export audit`, the app's "Esporta…").
//!
//! Contract: [`export_file`] writes the entries matching the filter, newest first, through the
//! atomic writer (no partial file; a previous file untouched on failure). CSV (Italian `;` +
//! BOM) and XLSX have the columns [`AUDIT_HEADERS`], times in Europe/Rome as
//! `gg/mm/aaaa hh:mm:ss`, Italian labels for actions and entities, every cell neutralised
//! against formula injection / written as text. JSON is
//! `{"format": "raccordo-audit-log", "version": 1, "exported_at", "filter", "entries"}` with the
//! stored values (UTC instants, wire names). [`export_and_record`] then records the export
//! itself as one `export` entry of entity `audit_log` (after the file is in place).

use std::path::Path;

use chrono::DateTime;
use chrono_tz::Europe::Rome;
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::query::{all, AuditFilter};
use super::{entity_label_it, record, AuditAction, AuditEntry};
use crate::error::{Error, Result};
use crate::interchange::table::{format_csv_table, format_xlsx_table};
use crate::interchange::write::{atomic_write, CsvStyle};
use crate::time;

/// Header row of CSV and XLSX exports.
pub const AUDIT_HEADERS: [&str; 6] = [
    "Data e ora",
    "Azione",
    "Oggetto",
    "Identificativo",
    "Descrizione",
    "Dettagli",
];

/// File formats of an audit export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AuditExportKind {
    Csv,
    Xlsx,
    Json,
}

impl AuditExportKind {
    /// File extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            AuditExportKind::Csv => "csv",
            AuditExportKind::Xlsx => "xlsx",
            AuditExportKind::Json => "json",
        }
    }
}

/// Where an audit export went and how many entries it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditExportOutcome {
    pub file_name: String,
    pub path: String,
    pub count: u32,
}

/// `at` (UTC RFC 3339) as `gg/mm/aaaa hh:mm:ss` in Europe/Rome; the stored text if unreadable.
pub fn local_time_it(at: &str) -> String {
    DateTime::parse_from_rfc3339(at)
        .map(|t| {
            t.with_timezone(&Rome)
                .format("%d/%m/%Y %H:%M:%S")
                .to_string()
        })
        .unwrap_or_else(|_| at.to_owned())
}

/// Italian label of a stored action name (the name itself when unknown).
pub fn action_label_it(action: &str) -> String {
    action
        .parse::<AuditAction>()
        .map(|a| a.label_it().to_owned())
        .unwrap_or_else(|_| action.to_owned())
}

/// The cells of one entry in [`AUDIT_HEADERS`] order.
pub fn entry_cells(e: &AuditEntry) -> [String; 6] {
    [
        local_time_it(&e.at),
        action_label_it(&e.action),
        entity_label_it(&e.entity).to_owned(),
        e.entity_id.clone().unwrap_or_default(),
        e.summary.clone(),
        e.details.clone().unwrap_or_default(),
    ]
}

#[derive(Serialize)]
struct JsonExport<'a> {
    format: &'static str,
    version: u32,
    exported_at: String,
    filter: &'a AuditFilter,
    entries: &'a [AuditEntry],
}

/// Writes the entries matching `filter` to `path` (see module contract); returns how many.
pub fn export_file(
    conn: &Connection,
    path: &Path,
    kind: AuditExportKind,
    filter: &AuditFilter,
) -> Result<usize> {
    let entries = all(conn, filter)?;
    let bytes = match kind {
        AuditExportKind::Csv => {
            let rows: Vec<[String; 6]> = entries.iter().map(entry_cells).collect();
            format_csv_table(&AUDIT_HEADERS, &rows, CsvStyle::default()).into_bytes()
        }
        AuditExportKind::Xlsx => {
            let rows: Vec<[String; 6]> = entries.iter().map(entry_cells).collect();
            format_xlsx_table("Registro attività", &AUDIT_HEADERS, &rows)?
        }
        AuditExportKind::Json => {
            let doc = JsonExport {
                format: "raccordo-audit-log",
                version: 1,
                exported_at: time::now_utc(),
                filter,
                entries: &entries,
            };
            serde_json::to_vec_pretty(&doc)
                .map_err(|e| Error::Internal(format!("JSON del registro: {e}")))?
        }
    };
    atomic_write(path, |w| {
        w.write_all(&bytes).map_err(Error::io("scrittura", path))
    })?;
    Ok(entries.len())
}

/// Records that `count` audit entries were exported to `path`.
pub fn record_export(tx: &Transaction, path: &Path, count: usize) -> Result<()> {
    record(
        tx,
        AuditAction::Export,
        "audit_log",
        None,
        &format!(
            "Esportato il registro attività ({count} voci) in {}",
            path.display()
        ),
        None,
    )
}

/// Exports (as [`export_file`]) and records the export; the outcome for the app's message.
pub fn export_and_record(
    store: &crate::Store,
    path: &Path,
    kind: AuditExportKind,
    filter: &AuditFilter,
) -> Result<AuditExportOutcome> {
    let count = store.read(|c| export_file(c, path, kind, filter))?;
    store.write(|tx| record_export(tx, path, count))?;
    Ok(AuditExportOutcome {
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: path.display().to_string(),
        count: u32::try_from(count).unwrap_or(u32::MAX),
    })
}
