//! Calendar files: import from a path (with a backup first in the app and the CLI), export to a
//! path through the atomic writer with an audit row, and the file name an export proposes.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, Transaction};

use super::{
    export_calendar, import_calendar, CalendarImportReport, CalendarPick, CalendarSelection,
};
use crate::audit::{self, AuditAction};
use crate::contacts::transfer::{file_name_of, ExportOutcome};
use crate::error::{Error, Result};
use crate::interchange::atomic_write;
use crate::interchange::filename::safe_file_name;
use crate::interchange::text::read_limited;
use crate::meetings::meeting;
use crate::time::format_it;

impl CalendarPick {
    /// The pick of `path` under `token`.
    pub fn new(token: u32, path: &Path) -> Self {
        Self {
            token,
            file_name: file_name_of(path),
        }
    }
}

const MONTHS: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];

/// The last day of `d`'s month.
fn month_end(d: NaiveDate) -> Option<NaiveDate> {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// The name the save dialog proposes for an export of `selection`, made safe
/// ([`safe_file_name`]), with `.ics`: `calendario-raccordo.ics` for the whole calendar,
/// `calendario-marzo-2027.ics` for a month, `calendario-23-03-2027-29-03-2027.ics` for other
/// periods (`calendario-dal-…`, `calendario-fino-al-…` when open), the title and date of the
/// meeting for one meeting (`Conferenza-zonale-…-25-03-2027.ics`), `incontri-raccordo.ics` for
/// several. An unknown meeting is an error.
pub fn default_file_name(conn: &Connection, selection: &CalendarSelection) -> Result<String> {
    let stem = match selection {
        CalendarSelection::Ids(ids) => match ids.as_slice() {
            [id] => {
                let m = meeting(conn, *id)?.summary;
                safe_file_name(
                    &format!("{} {}", m.title, format_it(m.start.date())),
                    "incontro",
                )
            }
            _ => "incontri-raccordo".to_owned(),
        },
        CalendarSelection::Filter(f) => {
            let period = match (f.from, f.to) {
                (None, None) => "raccordo".to_owned(),
                (Some(a), Some(b)) if a.day() == 1 && month_end(a) == Some(b) => {
                    format!("{} {}", MONTHS[a.month0() as usize], a.year())
                }
                (Some(a), Some(b)) if a == b => format_it(a),
                (Some(a), Some(b)) => format!("{} {}", format_it(a), format_it(b)),
                (Some(a), None) => format!("dal {}", format_it(a)),
                (None, Some(b)) => format!("fino al {}", format_it(b)),
            };
            safe_file_name(&format!("calendario {period}"), "calendario")
        }
    };
    Ok(format!("{stem}.ics"))
}

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
