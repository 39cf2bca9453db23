//! Contact files in and out: the one place that joins the interchange readers/writers to the
//! contacts store, used by the CLI (`import contacts`, `export contacts`) and, later, the desktop.
//!
//! Contract: `import_file` reads a CSV (with a column mapping, or the suggested one) or a vCard
//! file and applies it all-or-nothing: if the reader rejected any row, or the store rejected any
//! record, nothing is applied and the report lists every rejected line with the reason.
//! `export_file` writes CSV (Italian `;` + BOM by default), XLSX or vCard through the atomic
//! writer (no partial file; the previous file untouched on failure) and records an audit row.

use std::path::Path;

use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{export, import, ContactImportReport, PersonFilter};
use crate::audit::{self, AuditAction};
use crate::error::{Error, Result};
use crate::interchange::csv_contacts;
use crate::interchange::text::read_limited;
use crate::interchange::vcard::{self, VcardVersion};
use crate::interchange::write::{write_csv, write_vcard, write_xlsx, CsvStyle};
use crate::interchange::ContactField;

/// Which reader to use for an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ContactFileKind {
    Csv,
    Vcard,
}

impl ContactFileKind {
    /// From the extension (`.csv`, `.txt`; `.vcf`, `.vcard`), else from the content
    /// (`BEGIN:VCARD` near the start means vCard).
    pub fn detect(path: &Path, bytes: &[u8]) -> ContactFileKind {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("vcf") | Some("vcard") => ContactFileKind::Vcard,
            Some("csv") | Some("txt") => ContactFileKind::Csv,
            _ => {
                let head =
                    String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_uppercase();
                if head.contains("BEGIN:VCARD") {
                    ContactFileKind::Vcard
                } else {
                    ContactFileKind::Csv
                }
            }
        }
    }
}

/// How to write an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactExportFormat {
    Csv(CsvStyle),
    Xlsx,
    Vcard(VcardVersion),
}

/// Reads `path` and applies it (see module contract). `mapping` is for CSV only: `None` uses
/// the mapping suggested from the headers. `report.file` is the file name.
pub fn import_file(
    tx: &Transaction,
    path: &Path,
    mapping: Option<&[(String, ContactField)]>,
    dry_run: bool,
) -> Result<ContactImportReport> {
    let bytes = read_limited(path)?;
    let (records, issues) = match ContactFileKind::detect(path, &bytes) {
        ContactFileKind::Vcard => {
            if mapping.is_some_and(|m| !m.is_empty()) {
                return Err(Error::invalid(
                    "map",
                    "--map vale solo per i file CSV: un file vCard ha già i campi con il loro nome",
                ));
            }
            let read = vcard::read(&bytes)?;
            (read.records, read.issues)
        }
        ContactFileKind::Csv => {
            let suggested;
            let mapping = match mapping {
                Some(m) if !m.is_empty() => m,
                _ => {
                    suggested = csv_contacts::preview(&bytes)?.suggested;
                    &suggested[..]
                }
            };
            let read = csv_contacts::read(&bytes, mapping)?;
            (read.records, read.issues)
        }
    };
    let reader_rejected = !issues.is_empty();
    let mut report = import::apply(tx, &records, dry_run || reader_rejected)?;
    report.report.file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if reader_rejected {
        report.report.rows_read += u32::try_from(issues.len()).unwrap_or(u32::MAX);
        report.report.rejected.extend(issues);
        report.report.rejected.sort_by_key(|i| i.line);
        report.report.applied = false;
    }
    Ok(report)
}

/// Writes the people matching `filter` to `path` (see module contract); returns how many.
pub fn export_file(
    conn: &Connection,
    path: &Path,
    format: ContactExportFormat,
    filter: &PersonFilter,
) -> Result<usize> {
    let records = export::records(conn, filter)?;
    match format {
        ContactExportFormat::Csv(style) => write_csv(&records, path, style)?,
        ContactExportFormat::Xlsx => write_xlsx(&records, path)?,
        ContactExportFormat::Vcard(version) => write_vcard(&records, path, version)?,
    }
    Ok(records.len())
}

/// Records that an export of `count` contacts was written to `path`.
pub fn record_export(tx: &Transaction, path: &Path, count: usize) -> Result<()> {
    audit::record(
        tx,
        AuditAction::Export,
        "person",
        None,
        &format!("Esportati {count} contatti in {}", path.display()),
        None,
    )
}
