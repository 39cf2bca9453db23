//! Writing a verbale to a file: the document of the meeting (a frozen approved version, or the
//! current state), an optional logo read from a file the user chose, the renderer, an atomic
//! write (a failure leaves no partial file and the previous file untouched) and an audit row.

use std::path::Path;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::build::document_of;
use super::document::{Logo, LogoKind, MAX_LOGO_BYTES};
use super::render::{render, Format, Options};
use crate::audit::{self, AuditAction};
use crate::contacts::transfer::ExportOutcome;
use crate::error::{Error, Result};
use crate::interchange::atomic_write;

/// A logo the user chose in the native open dialog: the webview keeps the token, never the path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LogoPick {
    pub token: u32,
    pub file_name: String,
}

/// The file name proposed for a verbale: "verbale-2026-03-12-conferenza-zonale" (sanitised,
/// with `-revN` for a revision), without extension.
pub fn default_file_stem(
    conn: &rusqlite::Connection,
    meeting_id: i64,
    revision: Option<u32>,
) -> Result<String> {
    let doc = document_of(conn, meeting_id, revision)?;
    let mut stem = format!(
        "verbale-{}-{}",
        doc.date.format("%Y-%m-%d"),
        doc.title.trim()
    );
    if let Some(r) = revision.filter(|r| *r > 0) {
        stem.push_str(&format!("-rev{r}"));
    }
    Ok(crate::interchange::filename::safe_file_name(
        &stem, "verbale",
    ))
}

/// Reads a logo (PNG, JPEG or SVG, at most [`MAX_LOGO_BYTES`]) from `path`.
pub fn read_logo(path: &Path) -> Result<Logo> {
    let bytes = std::fs::read(path).map_err(Error::io("lettura del logo", path))?;
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(Error::invalid(
            "logo",
            format!(
                "Il logo {} è troppo grande ({} KB): al massimo {} KB.",
                path.display(),
                bytes.len() / 1024,
                MAX_LOGO_BYTES / 1024
            ),
        ));
    }
    let kind = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        LogoKind::Png
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        LogoKind::Jpeg
    } else if String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).contains("<svg") {
        LogoKind::Svg
    } else {
        return Err(Error::invalid(
            "logo",
            format!(
                "{} non è un'immagine PNG, JPEG o SVG: scegli il logo in uno di questi formati.",
                path.display()
            ),
        ));
    };
    Ok(Logo { kind, bytes })
}

/// Renders the verbale of `meeting_id` (version `revision`, or the current state) in `format`
/// to `path`; `logo` goes in the institutional header.
pub fn export_minutes(
    store: &crate::Store,
    meeting_id: i64,
    revision: Option<u32>,
    format: Format,
    logo: Option<Logo>,
    path: &Path,
) -> Result<ExportOutcome> {
    let mut doc = store.read(|c| document_of(c, meeting_id, revision))?;
    doc.logo = logo;
    let bytes = render(
        &doc,
        format,
        &Options {
            created: Some(now_rome()),
            draft_watermark: true,
        },
    )?;
    atomic_write(path, |w| {
        w.write_all(&bytes).map_err(Error::io("scrittura", path))
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    store.write(|tx| {
        audit::record(
            tx,
            AuditAction::Export,
            "minutes",
            Some(&meeting_id.to_string()),
            &format!("Esportato il verbale dell'incontro {meeting_id} in {name}"),
            None,
        )
    })?;
    Ok(ExportOutcome {
        file_name: name,
        path: path.display().to_string(),
        count: 1,
    })
}

fn now_rome() -> NaiveDateTime {
    crate::time::utc_to_rome(chrono::Utc::now())
}
