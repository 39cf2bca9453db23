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

use super::record::ContactRecord;
pub use super::table::CsvStyle;
use super::table::{format_csv_table, format_xlsx_table};
use super::vcard::{format_vcards, VcardVersion};
use crate::error::{Error, Result};

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
    let rows: Vec<[String; 10]> = records.iter().map(contact_cells).collect();
    format_csv_table(&CONTACT_HEADERS, &rows, style)
}

/// Writes contacts as CSV, atomically.
pub fn write_csv(records: &[ContactRecord], path: &Path, style: CsvStyle) -> Result<()> {
    let text = format_csv(records, style);
    atomic_write(path, |w| {
        w.write_all(text.as_bytes())
            .map_err(Error::io("scrittura", path))
    })
}

/// XLSX bytes of contacts; see the module contract.
pub fn format_xlsx(records: &[ContactRecord]) -> Result<Vec<u8>> {
    let rows: Vec<[String; 10]> = records.iter().map(contact_cells).collect();
    format_xlsx_table("Contatti", &CONTACT_HEADERS, &rows)
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
