//! Writers of contact exports (CSV, XLSX, vCard) and the one safe way to write a file.
//!
//! Contract of [`atomic_write`]: the content is written to a new temporary file in the target's
//! directory, flushed and fsynced, then renamed over the target, and the directory is fsynced.
//! If anything fails (including the content callback, or a panic in it) the temporary file is
//! removed and the target is exactly as before (absent or with its previous content).
//!
//! Contract of the writers: CSV has an Italian header row, `;` (or `,`) separator, optional
//! UTF-8 BOM, CRLF record ends, every cell neutralised by [`csv_cell`]; several e-mails or phones
//! are joined with `; ` and tags with `, ` so [`super::csv_contacts::read`] reads them back. XLSX
//! has the same columns, a bold frozen header with an autofilter, column widths from the
//! content, and every value written as a string cell (never a formula). vCard per
//! [`super::vcard::format_vcards`].

use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use rust_xlsxwriter::{Format, Workbook};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cell::csv_cell;
use super::record::ContactRecord;
use super::vcard::{format_vcards, VcardVersion};
use crate::error::{Error, Result};

/// Separator and BOM of a CSV export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CsvStyle {
    /// `;` for Italian spreadsheets (default) or `,`.
    pub separator: char,
    /// UTF-8 byte-order mark, so Excel recognises UTF-8 (default true).
    pub bom: bool,
}

impl Default for CsvStyle {
    fn default() -> Self {
        CsvStyle {
            separator: ';',
            bom: true,
        }
    }
}

/// Header row of contact exports (names that the CSV import recognises).
pub const CONTACT_HEADERS: [&str; 10] = [
    "Titolo onorifico",
    "Nome",
    "Cognome",
    "Ente",
    "Ruolo",
    "Comune",
    "E-mail",
    "Telefono",
    "Note",
    "Tag",
];

/// Cells of one record in [`CONTACT_HEADERS`] order.
fn contact_cells(r: &ContactRecord) -> [String; 10] {
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    [
        opt(&r.honorific),
        r.given_name.clone(),
        r.family_name.clone(),
        opt(&r.organisation),
        opt(&r.title),
        opt(&r.comune),
        r.emails.join("; "),
        r.phones.join("; "),
        opt(&r.notes),
        r.tags.join(", "),
    ]
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Removes the temporary file unless the write completed.
struct TempGuard {
    path: PathBuf,
    armed: bool,
}

impl Drop for TempGuard {
    fn drop(&mut self) {
        if self.armed {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Writes a file atomically; see the module contract.
pub fn atomic_write<F>(path: &Path, write: F) -> Result<()>
where
    F: FnOnce(&mut dyn Write) -> Result<()>,
{
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| Error::invalid("path", "Il percorso di destinazione non è un file."))?
        .to_string_lossy()
        .chars()
        .take(64)
        .collect::<String>();
    if path.is_dir() {
        return Err(Error::invalid(
            "path",
            format!("{} è una cartella: scegli un nome di file.", path.display()),
        ));
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let temp = dir.join(format!(
        ".{name}.{}.{}{nanos}.tmp",
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .map_err(Error::io("creazione", path))?;
    let mut guard = TempGuard {
        path: temp.clone(),
        armed: true,
    };
    let mut writer = BufWriter::new(file);
    write(&mut writer)?;
    let file = writer
        .into_inner()
        .map_err(|e| Error::io("scrittura", path)(e.into_error()))?;
    file.sync_all()
        .map_err(Error::io("sincronizzazione", path))?;
    drop(file);
    fs::rename(&temp, path).map_err(Error::io("sostituzione", path))?;
    guard.armed = false;
    if let Ok(d) = File::open(&dir) {
        // Durability of the rename; not supported on every platform/file system.
        let _ = d.sync_all();
    }
    Ok(())
}

/// CSV text of contacts; see the module contract.
pub fn format_csv(records: &[ContactRecord], style: CsvStyle) -> String {
    let sep = style.separator;
    let mut out = String::new();
    if style.bom {
        out.push('\u{FEFF}');
    }
    let mut row = |cells: &mut dyn Iterator<Item = String>| {
        let cells: Vec<String> = cells.map(|c| csv_cell(&c, sep)).collect();
        out.push_str(&cells.join(&sep.to_string()));
        out.push_str("\r\n");
    };
    row(&mut CONTACT_HEADERS.iter().map(|h| (*h).to_owned()));
    for r in records {
        row(&mut contact_cells(r).into_iter());
    }
    out
}

/// Writes contacts as CSV, atomically.
pub fn write_csv(records: &[ContactRecord], path: &Path, style: CsvStyle) -> Result<()> {
    let text = format_csv(records, style);
    atomic_write(path, |w| {
        w.write_all(text.as_bytes())
            .map_err(Error::io("scrittura", path))
    })
}

/// Excel's limit for the text of one cell.
const XLSX_MAX_CELL_CHARS: usize = 32_767;

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::Internal(format!("scrittura XLSX: {e}"))
}

/// XLSX bytes of contacts; see the module contract.
pub fn format_xlsx(records: &[ContactRecord]) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Contatti").map_err(xlsx_error)?;
    let bold = Format::new().set_bold();
    let mut widths: Vec<usize> = CONTACT_HEADERS.iter().map(|h| h.chars().count()).collect();
    for (c, h) in CONTACT_HEADERS.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, *h, &bold)
            .map_err(xlsx_error)?;
    }
    for (i, r) in records.iter().enumerate() {
        let row = u32::try_from(i + 1).map_err(|_| Error::Internal("too many rows".into()))?;
        for (c, cell) in contact_cells(r).iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let text: String = if cell.chars().count() > XLSX_MAX_CELL_CHARS {
                cell.chars()
                    .take(XLSX_MAX_CELL_CHARS - 1)
                    .chain(['…'])
                    .collect()
            } else {
                cell.clone()
            };
            let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
            widths[c] = widths[c].max(longest);
            sheet
                .write_string(row, c as u16, &text)
                .map_err(xlsx_error)?;
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet
            .set_column_width(c as u16, (*w).clamp(8, 60) as f64 + 2.0)
            .map_err(xlsx_error)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    let last_row = u32::try_from(records.len()).unwrap_or(u32::MAX);
    sheet
        .autofilter(0, 0, last_row, (CONTACT_HEADERS.len() - 1) as u16)
        .map_err(xlsx_error)?;
    workbook.save_to_buffer().map_err(xlsx_error)
}

/// Writes contacts as XLSX, atomically.
pub fn write_xlsx(records: &[ContactRecord], path: &Path) -> Result<()> {
    let bytes = format_xlsx(records)?;
    atomic_write(path, |w| {
        w.write_all(&bytes).map_err(Error::io("scrittura", path))
    })
}

/// Writes contacts as vCard, atomically.
pub fn write_vcard(records: &[ContactRecord], path: &Path, version: VcardVersion) -> Result<()> {
    let cards: Vec<(&ContactRecord, Option<&str>)> = records.iter().map(|r| (r, None)).collect();
    write_vcard_with_uids(&cards, path, version)
}

/// Writes contacts with stable UIDs (re-imports update instead of duplicating) as vCard.
pub fn write_vcard_with_uids(
    cards: &[(&ContactRecord, Option<&str>)],
    path: &Path,
    version: VcardVersion,
) -> Result<()> {
    let text = format_vcards(cards, version);
    atomic_write(path, |w| {
        w.write_all(text.as_bytes())
            .map_err(Error::io("scrittura", path))
    })
}
