//! Calendar files: import from a path (with a backup first in the app and the CLI), export to a
//! path through the atomic writer with an audit row.

use std::path::Path;

use rusqlite::{Connection, Transaction};

use super::{export_calendar, import_calendar, CalendarImportReport, CalendarSelection};
use crate::audit::{self, AuditAction};
use crate::contacts::transfer::{file_name_of, ExportOutcome};
use crate::error::{Error, Result};
use crate::interchange::atomic_write;
use crate::interchange::text::read_limited;

/// Reads `path` (refused over the size limit before reading) and imports it.
pub fn import_file(tx: &Transaction, path: &Path, dry_run: bool) -> Result<CalendarImportReport> {
    let bytes = read_limited(path)?;
    import_calendar(tx, &bytes, &file_name_of(path), dry_run)
}

/// The app's and the CLI's import: a `pre-import` backup first (not on a dry run; if it fails
/// nothing is imported), then [`import_file`] in one transaction.
pub fn import_file_with_backup(
    store: &crate::Store,
    path: &Path,
    dry_run: bool,
) -> Result<CalendarImportReport> {
    if !dry_run {
        crate::backup::auto_backup(store, crate::backup::BackupReason::PreImport)?;
    }
    store.write(|tx| import_file(tx, path, dry_run))
}

/// Writes the selected meetings to `path` atomically; returns how many meetings it holds.
pub fn export_file(conn: &Connection, path: &Path, selection: &CalendarSelection) -> Result<usize> {
    let export = export_calendar(conn, selection)?;
    atomic_write(path, |w| {
        w.write_all(export.text.as_bytes())
            .map_err(Error::io("scrittura", path))
    })?;
    Ok(export.meetings)
}

/// Records that a calendar of `count` meetings was written to `path`.
pub fn record_export(tx: &Transaction, path: &Path, count: usize) -> Result<()> {
    audit::record(
        tx,
        AuditAction::Export,
        "meeting",
        None,
        &format!("Esportati {count} incontri in {}", path.display()),
        None,
    )
}

/// Exports (as [`export_file`]) and records the audit row; the outcome for messages.
pub fn export_and_record(
    store: &crate::Store,
    path: &Path,
    selection: &CalendarSelection,
) -> Result<ExportOutcome> {
    let count = store.read(|c| export_file(c, path, selection))?;
    store.write(|tx| record_export(tx, path, count))?;
    Ok(ExportOutcome {
        file_name: file_name_of(path),
        path: path.display().to_string(),
        count: u32::try_from(count).unwrap_or(u32::MAX),
    })
}
