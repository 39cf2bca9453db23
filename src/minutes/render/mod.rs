//! Renders a [`MinutesDocument`] to PDF (optionally PDF/A-2b), DOCX, ODT, Markdown or HTML.
//!
//! Contract:
//! - [`render`] validates the document first ([`MinutesDocument::validate`]) and returns the
//!   file's bytes; it never reads the file system or the network (fonts are embedded from
//!   `assets/fonts/`).
//! - Every format has the same structure: institutional header (organisation, optional logo),
//!   the heading "Verbale", the facts (kind, date and times, place, drafted by, status), the
//!   attendance table ("Presenze"), the agenda items with discussion and decisions ("Ordine del
//!   giorno"), the follow-up table ("Azioni da seguire"), closing notes and the signature block.
//! - User strings are text, never markup: each renderer escapes for its own syntax (XML, HTML,
//!   Markdown); the PDF engine receives them as JSON data, never spliced into typst markup.
//! - Output is deterministic for the same input and [`Options`] (no clock is read).

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::document::MinutesDocument;
use crate::error::Result;

mod docx;
mod docx_parts;
mod html;
mod image;
mod md;
mod odt;
mod odt_parts;
pub mod pdf;
mod xml;

/// The file formats of a verbale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(rename = "MinutesFormat")]
pub enum Format {
    /// PDF, A4; with `pdfa` a PDF/A-2b file for archiving.
    Pdf {
        pdfa: bool,
    },
    Docx,
    Odt,
    Md,
    Html,
}

impl Format {
    /// The file extension (no dot).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf { .. } => "pdf",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Md => "md",
            Format::Html => "html",
        }
    }

    /// The MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Pdf { .. } => "application/pdf",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Odt => "application/vnd.oasis.opendocument.text",
            Format::Md => "text/markdown; charset=utf-8",
            Format::Html => "text/html; charset=utf-8",
        }
    }
}

/// Rendering options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The creation time (Europe/Rome) written into the file's metadata; `None` writes none
    /// (PDF/A then uses the verbale's date), which keeps the output byte-for-byte reproducible.
    pub created: Option<NaiveDateTime>,
    /// A "BOZZA" watermark on every PDF page of a draft (default on).
    pub draft_watermark: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            created: None,
            draft_watermark: true,
        }
    }
}

/// Renders `doc` as `format`.
pub fn render(doc: &MinutesDocument, format: Format, opts: &Options) -> Result<Vec<u8>> {
    doc.validate()?;
    match format {
        Format::Pdf { pdfa } => pdf::render(doc, pdfa, opts),
        Format::Docx => docx::render(doc, opts),
        Format::Odt => odt::render(doc, opts),
        Format::Md => Ok(md::render(doc).into_bytes()),
        Format::Html => Ok(html::render(doc).into_bytes()),
    }
}

/// Section headings shared by every format.
pub(crate) mod heading {
    pub const VERBALE: &str = "Verbale";
    pub const ATTENDANCE: &str = "Presenze";
    pub const AGENDA: &str = "Ordine del giorno";
    pub const DISCUSSION: &str = "Discussione";
    pub const DECISIONS: &str = "Decisioni";
    pub const FOLLOW_UPS: &str = "Azioni da seguire";
    pub const CLOSING: &str = "Note conclusive";
    pub const SIGNATURES: &str = "Firme";
    /// Column headings of the attendance table.
    pub const ATTENDANCE_COLS: [&str; 4] = ["N.", "Nome", "Ente e incarico", "Presenza"];
    /// Column headings of the follow-up table.
    pub const FOLLOW_UP_COLS: [&str; 5] = ["N.", "Azione", "Chi", "Entro il", "Punto"];
    /// Shown in a table with no rows.
    pub const NONE: &str = "Nessuna";
}

/// The agenda item heading ("1. Presentazione del progetto").
pub(crate) fn item_heading(n: usize, title: &str) -> String {
    format!("{n}. {}", title.trim())
}

/// A zip container shared by DOCX and ODT: deflated entries, fixed timestamps.
pub(crate) struct Zip {
    w: zip::ZipWriter<std::io::Cursor<Vec<u8>>>,
}

impl Zip {
    pub(crate) fn new() -> Zip {
        Zip {
            w: zip::ZipWriter::new(std::io::Cursor::new(Vec::new())),
        }
    }

    /// Adds a file, stored (uncompressed) or deflated.
    pub(crate) fn add(&mut self, name: &str, data: &[u8], stored: bool) -> Result<()> {
        use std::io::Write;
        let method = if stored {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let opts = zip::write::SimpleFileOptions::default().compression_method(method);
        self.w.start_file(name, opts).map_err(zip_err)?;
        self.w.write_all(data).map_err(|e| zip_err(e.into()))?;
        Ok(())
    }

    pub(crate) fn finish(self) -> Result<Vec<u8>> {
        Ok(self.w.finish().map_err(zip_err)?.into_inner())
    }
}

fn zip_err(e: zip::result::ZipError) -> crate::error::Error {
    crate::error::Error::Internal(format!("writing the zip container: {e}"))
}
