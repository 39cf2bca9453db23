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
#[cfg(doc)]
use crate::interchange::filename::safe_file_name;
use crate::interchange::text::read_limited;
use crate::interchange::vcard::{self, VcardVersion};
use crate::interchange::write::{write_csv, write_vcard, write_xlsx, CsvStyle};
use crate::interchange::{ContactField, CsvPreview};
use crate::territory::RowIssue;

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

/// The export formats offered in the app (each with its defaults: CSV Italian `;` + BOM,
/// vCard 3.0 which every address book reads).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ContactExportKind {
    Csv,
    Xlsx,
    Vcard,
}

impl ContactExportKind {
    /// The file format with the app's defaults.
    pub fn format(self) -> ContactExportFormat {
        match self {
            ContactExportKind::Csv => ContactExportFormat::Csv(CsvStyle::default()),
            ContactExportKind::Xlsx => ContactExportFormat::Xlsx,
            ContactExportKind::Vcard => ContactExportFormat::Vcard(VcardVersion::V3),
        }
    }

    /// File extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            ContactExportKind::Csv => "csv",
            ContactExportKind::Xlsx => "xlsx",
            ContactExportKind::Vcard => "vcf",
        }
    }

    /// The name proposed in the save dialog: `contatti-raccordo.csv`, or with the search the list
    /// is filtered by (`contatti-sindaco-pisa.csv`), made safe ([`safe_file_name`]).
    pub fn default_file_name(self, filter: &PersonFilter) -> String {
        let search = filter.search.as_deref().unwrap_or("").trim();
        let stem = if search.is_empty() {
            "contatti-raccordo".to_owned()
        } else {
            crate::interchange::filename::safe_file_name(&format!("contatti {search}"), "contatti")
        };
        format!("{stem}.{}", self.extension())
    }
}

/// A file chosen for import in the app: the opaque token the app uses for it (the page never
/// handles paths) and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportPick {
    pub token: u32,
    pub preview: ImportPreview,
}

/// Where an export went and how many contacts it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportOutcome {
    pub file_name: String,
    pub path: String,
    pub count: u32,
}

impl ExportOutcome {
    /// The outcome of writing `count` records to `path`.
    pub fn written(path: &Path, count: usize) -> ExportOutcome {
        ExportOutcome {
            file_name: file_name_of(path),
            path: path.display().to_string(),
            count: u32::try_from(count).unwrap_or(u32::MAX),
        }
    }
}

/// Exports (as [`export_file`]) and records the audit row; the outcome for the app's message.
pub fn export_and_record(
    store: &crate::Store,
    path: &Path,
    kind: ContactExportKind,
    filter: &PersonFilter,
) -> Result<ExportOutcome> {
    let count = store.read(|c| export_file(c, path, kind.format(), filter))?;
    store.write(|tx| record_export(tx, path, count))?;
    Ok(ExportOutcome::written(path, count))
}

/// What the import screen shows once a file is chosen: its kind and, for CSV, the columns,
/// first rows and suggested mapping (the column-mapping step); for vCard, how many cards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportPreview {
    pub file_name: String,
    pub kind: ContactFileKind,
    pub csv: Option<CsvPreview>,
    /// vCard only: cards read and cards the reader rejected.
    pub cards: u32,
    pub card_issues: Vec<RowIssue>,
}

/// Reads `path` and describes it for the import screen (nothing is written anywhere).
pub fn preview_file(path: &Path) -> Result<ImportPreview> {
    let bytes = read_limited(path)?;
    let file_name = file_name_of(path);
    let kind = ContactFileKind::detect(path, &bytes);
    Ok(match kind {
        ContactFileKind::Csv => ImportPreview {
            file_name,
            kind,
            csv: Some(csv_contacts::preview(&bytes)?),
            cards: 0,
            card_issues: Vec::new(),
        },
        ContactFileKind::Vcard => {
            let read = vcard::read(&bytes)?;
            ImportPreview {
                file_name,
                kind,
                csv: None,
                cards: u32::try_from(read.records.len()).unwrap_or(u32::MAX),
                card_issues: read.issues,
            }
        }
    })
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
    // Rows refused by the reader make `apply` roll back like a dry run, but the report must say
    // what the user asked for: a refused import, not a test run.
    report.report.dry_run = dry_run;
    report.report.file = file_name_of(path);
    if reader_rejected {
        report.report.rows_read += u32::try_from(issues.len()).unwrap_or(u32::MAX);
        report.report.rejected.extend(issues);
        report.report.rejected.sort_by_key(|i| i.line);
        report.report.applied = false;
    }
    Ok(report)
}

/// The app's import: a `pre-import` backup first (not on a dry run; if it fails nothing is
/// imported), then [`import_file`] in one transaction.
pub fn import_file_with_backup(
    store: &crate::Store,
    path: &Path,
    mapping: Option<&[(String, ContactField)]>,
    dry_run: bool,
) -> Result<ContactImportReport> {
    if !dry_run {
        crate::backup::auto_backup(store, crate::backup::BackupReason::PreImport)?;
    }
    store.write(|tx| import_file(tx, path, mapping, dry_run))
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

/// Writes everything about person `id` ([`super::person_export`], GDPR art. 15/20) as JSON to
/// `path` through the atomic writer (no partial file; a previous file is untouched on failure)
/// and records the export in the audit log (with the id only, never the person's data).
pub fn export_person_file(store: &crate::Store, id: i64, path: &Path) -> Result<ExportOutcome> {
    let value = store.read(|c| super::person_export(c, id))?;
    let text = serde_json::to_string_pretty(&value).map_err(|e| Error::Internal(e.to_string()))?;
    crate::interchange::atomic_write(path, |w| {
        w.write_all(text.as_bytes())
            .map_err(crate::error::Error::io("scrittura", path))
    })?;
    store.write(|tx| {
        audit::record(
            tx,
            AuditAction::Export,
            "person",
            Some(&id.to_string()),
            // No path: a file name chosen by the user may hold the person's name, and audit
            // rows about a person must survive an erasure without personal data.
            &format!("Esportati i dati della persona {id} (GDPR)"),
            None,
        )
    })?;
    Ok(ExportOutcome {
        file_name: file_name_of(path),
        path: path.display().to_string(),
        count: 1,
    })
}

/// The file name of `path` for messages and reports ("" for a path without one).
pub(crate) fn file_name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
