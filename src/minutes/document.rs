//! [`MinutesDocument`]: everything a verbale shows, ready to render, with no database behind it.
//!
//! Contract:
//! - Pure data (serde + ts-rs): whoever builds it (the minutes service, a test, the CLI) has
//!   already resolved names, offices and labels, and converted times to Europe/Rome wall-clock.
//! - Every string is plain text that renderers escape for their format; rich fields are
//!   [`RichText`]. Nothing here is markup.
//! - [`MinutesDocument::validate`] checks sizes and the logo before any renderer runs; renderers
//!   call it, so an invalid document never produces a file.
//! - Labels shown in the documents (Italian) come from the methods here, so every format says the
//!   same thing.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::richtext::RichText;
use crate::error::{Error, Result};
use crate::meetings::Attendance;
use crate::time::format_it;

/// Longest single-line field (names, titles, places), in characters.
pub const MAX_LINE_CHARS: usize = 1_000;
/// Most attendance, agenda and follow-up rows (each).
pub const MAX_ROWS: usize = 10_000;
/// Largest logo, in bytes.
pub const MAX_LOGO_BYTES: usize = 2 * 1024 * 1024;

/// The image format of a logo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LogoKind {
    Png,
    Jpeg,
    Svg,
}

impl LogoKind {
    /// The MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            LogoKind::Png => "image/png",
            LogoKind::Jpeg => "image/jpeg",
            LogoKind::Svg => "image/svg+xml",
        }
    }

    /// The usual file extension (no dot).
    pub fn extension(self) -> &'static str {
        match self {
            LogoKind::Png => "png",
            LogoKind::Jpeg => "jpg",
            LogoKind::Svg => "svg",
        }
    }
}

/// The organisation's logo for the institutional header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Logo {
    pub kind: LogoKind,
    pub bytes: Vec<u8>,
}

/// Who wrote the verbale.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Author {
    pub name: String,
    pub organisation: String,
}

/// Where the verbale stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum DocumentStatus {
    /// Bozza: PDFs carry a "BOZZA" watermark.
    Draft,
    /// Approvato (on that date, when known).
    Approved { approved_on: Option<NaiveDate> },
    /// Revisione N of an approved verbale, with the reason for it.
    Revision { number: u32, reason: String },
}

impl DocumentStatus {
    /// The label shown in the header ("Bozza", "Approvato il 03/02/2026", "Revisione 2 — …").
    pub fn label(&self) -> String {
        match self {
            DocumentStatus::Draft => "Bozza".to_owned(),
            DocumentStatus::Approved {
                approved_on: Some(d),
            } => format!("Approvato il {}", format_it(*d)),
            DocumentStatus::Approved { approved_on: None } => "Approvato".to_owned(),
            DocumentStatus::Revision { number, reason } if reason.trim().is_empty() => {
                format!("Revisione {number}")
            }
            DocumentStatus::Revision { number, reason } => {
                format!("Revisione {number} — motivo: {}", reason.trim())
            }
        }
    }

    /// True for a draft.
    pub fn is_draft(&self) -> bool {
        matches!(self, DocumentStatus::Draft)
    }
}

/// One row of the attendance table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AttendanceRow {
    /// The person's name (or the vacant office's description).
    pub name: String,
    /// Office and organisation ("Sindaco, Comune di Città della Pieve").
    pub office: String,
    pub attendance: Attendance,
    /// Who attended in their place, for [`Attendance::Delegated`].
    #[serde(default)]
    pub delegate: String,
}

impl AttendanceRow {
    /// The attendance as shown ("presente", "delega a Maria Rossi", …).
    pub fn attendance_label(&self) -> String {
        match self.attendance {
            Attendance::Delegated if !self.delegate.trim().is_empty() => {
                format!("delega a {}", self.delegate.trim())
            }
            a => a.label().to_owned(),
        }
    }
}

/// One agenda item with what was said and decided.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgendaSection {
    pub title: String,
    pub discussion: RichText,
    pub decisions: RichText,
}

/// One follow-up action decided in the meeting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FollowUpRow {
    pub what: String,
    pub who: String,
    pub due: Option<NaiveDate>,
    /// The agenda item it comes from (1-based, as numbered in the verbale).
    pub item: Option<u32>,
}

impl FollowUpRow {
    /// The due date as shown (`gg/mm/aaaa`, or "—").
    pub fn due_label(&self) -> String {
        self.due.map(format_it).unwrap_or_else(|| "—".to_owned())
    }

    /// The agenda item reference as shown ("punto 2", or "—").
    pub fn item_label(&self) -> String {
        self.item
            .map(|n| format!("punto {n}"))
            .unwrap_or_else(|| "—".to_owned())
    }
}

/// One signature: the role above the line ("Il/La verbalizzante") and the name under it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Signature {
    pub role: String,
    pub name: String,
}

/// A verbale to render.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MinutesDocument {
    /// The institutional header ("Regione Toscana — ANCI Toscana").
    pub organisation: String,
    pub logo: Option<Logo>,
    /// The meeting's title.
    pub title: String,
    /// The meeting kind as shown ("Conferenza zonale dei sindaci").
    pub kind_label: String,
    pub date: NaiveDate,
    /// Wall-clock start in Europe/Rome.
    pub start_time: Option<NaiveTime>,
    /// Wall-clock end in Europe/Rome.
    pub end_time: Option<NaiveTime>,
    pub place: String,
    pub drafted_by: Author,
    pub status: DocumentStatus,
    pub attendance: Vec<AttendanceRow>,
    pub agenda: Vec<AgendaSection>,
    pub follow_ups: Vec<FollowUpRow>,
    pub closing_notes: RichText,
    pub signatures: Vec<Signature>,
}

impl MinutesDocument {
    /// "12/03/2026, dalle 10:00 alle 12:30" (or just the date / "dalle 10:00").
    pub fn when_label(&self) -> String {
        let d = format_it(self.date);
        let hm = |t: NaiveTime| t.format("%H:%M").to_string();
        match (self.start_time, self.end_time) {
            (Some(s), Some(e)) => format!("{d}, dalle {} alle {}", hm(s), hm(e)),
            (Some(s), None) => format!("{d}, dalle {}", hm(s)),
            _ => d,
        }
    }

    /// "Maria D'Angelo (ANCI Toscana)", or just the name.
    pub fn drafted_by_label(&self) -> String {
        let Author { name, organisation } = &self.drafted_by;
        match (name.trim(), organisation.trim()) {
            (n, "") => n.to_owned(),
            ("", o) => o.to_owned(),
            (n, o) => format!("{n} ({o})"),
        }
    }

    /// The header facts as (label, value) pairs, empty values left out.
    pub fn facts(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![
            ("Tipo di incontro", self.kind_label.trim().to_owned()),
            ("Data", self.when_label()),
            ("Luogo", self.place.trim().to_owned()),
            ("Redatto da", self.drafted_by_label()),
            ("Stato", self.status.label()),
        ];
        v.retain(|(_, val)| !val.is_empty());
        v
    }

    /// Checks sizes, characters and the logo; the error names the field.
    pub fn validate(&self) -> Result<()> {
        line("organisation", &self.organisation)?;
        line("title", &self.title)?;
        line("kind_label", &self.kind_label)?;
        line("place", &self.place)?;
        line("drafted_by.name", &self.drafted_by.name)?;
        line("drafted_by.organisation", &self.drafted_by.organisation)?;
        if let DocumentStatus::Revision { reason, .. } = &self.status {
            line("status.reason", reason)?;
        }
        rows("attendance", self.attendance.len())?;
        rows("agenda", self.agenda.len())?;
        rows("follow_ups", self.follow_ups.len())?;
        rows("signatures", self.signatures.len())?;
        for (i, r) in self.attendance.iter().enumerate() {
            line(&format!("attendance[{i}].name"), &r.name)?;
            line(&format!("attendance[{i}].office"), &r.office)?;
            line(&format!("attendance[{i}].delegate"), &r.delegate)?;
        }
        for (i, a) in self.agenda.iter().enumerate() {
            line(&format!("agenda[{i}].title"), &a.title)?;
            a.discussion.validate(&format!("agenda[{i}].discussion"))?;
            a.decisions.validate(&format!("agenda[{i}].decisions"))?;
        }
        for (i, f) in self.follow_ups.iter().enumerate() {
            line(&format!("follow_ups[{i}].what"), &f.what)?;
            line(&format!("follow_ups[{i}].who"), &f.who)?;
        }
        for (i, s) in self.signatures.iter().enumerate() {
            line(&format!("signatures[{i}].role"), &s.role)?;
            line(&format!("signatures[{i}].name"), &s.name)?;
        }
        self.closing_notes.validate("closing_notes")?;
        if let Some(logo) = &self.logo {
            check_logo(logo)?;
        }
        Ok(())
    }
}

fn line(field: &str, s: &str) -> Result<()> {
    if s.chars().count() > MAX_LINE_CHARS {
        return Err(Error::invalid(
            field,
            format!("testo troppo lungo: al massimo {MAX_LINE_CHARS} caratteri"),
        ));
    }
    if let Some(c) = s.chars().find(|c| c.is_control()) {
        return Err(Error::invalid(
            field,
            format!(
                "il testo contiene un carattere di controllo (U+{:04X}): rimuovilo",
                u32::from(c)
            ),
        ));
    }
    Ok(())
}

fn rows(field: &str, n: usize) -> Result<()> {
    if n > MAX_ROWS {
        return Err(Error::invalid(
            field,
            format!("troppe righe: al massimo {MAX_ROWS}"),
        ));
    }
    Ok(())
}

/// The logo's bytes must be what its kind says.
fn check_logo(logo: &Logo) -> Result<()> {
    if logo.bytes.len() > MAX_LOGO_BYTES {
        return Err(Error::invalid(
            "logo",
            format!(
                "logo troppo grande: al massimo {} MB",
                MAX_LOGO_BYTES / 1024 / 1024
            ),
        ));
    }
    let b = logo.bytes.as_slice();
    let ok = match logo.kind {
        LogoKind::Png => b.starts_with(b"\x89PNG\r\n\x1a\n"),
        LogoKind::Jpeg => b.starts_with(&[0xFF, 0xD8, 0xFF]),
        LogoKind::Svg => std::str::from_utf8(b).is_ok_and(|s| s.contains("<svg")),
    };
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            "logo",
            format!(
                "il file del logo non è un'immagine {} valida",
                logo.kind.extension().to_uppercase()
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_labels() {
        assert_eq!(DocumentStatus::Draft.label(), "Bozza");
        let d = NaiveDate::from_ymd_opt(2026, 2, 3);
        assert_eq!(
            DocumentStatus::Approved { approved_on: d }.label(),
            "Approvato il 03/02/2026"
        );
        assert_eq!(
            DocumentStatus::Revision {
                number: 2,
                reason: "refuso nel nome".into()
            }
            .label(),
            "Revisione 2 — motivo: refuso nel nome"
        );
    }

    #[test]
    fn logo_bytes_must_match_kind() {
        let bad = Logo {
            kind: LogoKind::Png,
            bytes: b"<svg/>".to_vec(),
        };
        assert!(check_logo(&bad).is_err(), "an SVG labelled PNG is refused");
        let svg = Logo {
            kind: LogoKind::Svg,
            bytes: b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
        };
        assert!(check_logo(&svg).is_ok(), "an SVG is accepted as SVG");
    }
}
