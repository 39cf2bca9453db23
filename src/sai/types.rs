//! SAI survey types that cross IPC (see docs/ipc-contract.md); field names are the wire names.
//! Dates are ISO `YYYY-MM-DD`.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::contacts::types::string_enum;
use crate::contacts::OrgKind;
use crate::error::{Error, Result};
use crate::territory::AslCode;
use crate::text;

string_enum! {
    /// Where an ente stands in the SAI survey, in the usual order of the path.
    SaiStatus {
        NotEngaged => "not_engaged", "non contattato";
        Informed => "informed", "informato";
        Interested => "interested", "interessato";
        Evaluating => "evaluating", "in valutazione";
        DeliberationAdopted => "deliberation_adopted", "delibera adottata";
        ApplicationSubmitted => "application_submitted", "domanda presentata";
        Active => "active", "progetto attivo";
        Expanding => "expanding", "ampliamento richiesto";
        Declined => "declined", "non interessato";
    }
}

impl SaiStatus {
    /// A SAI project exists (active, or active and asking to grow): an Unione's or SdS's such
    /// project covers its member comuni.
    pub fn has_project(self) -> bool {
        matches!(self, SaiStatus::Active | SaiStatus::Expanding)
    }

    /// The status a user typed: the wire name or the Italian label, case, accents, spaces,
    /// hyphens and underscores not mattering ("delibera adottata", "Delibera-adottata").
    pub fn parse_any(field: &str, input: &str) -> Result<SaiStatus> {
        let key = |s: &str| text::fold(s).replace(['_', '-'], " ");
        let wanted = key(input);
        SaiStatus::ALL
            .iter()
            .copied()
            .find(|s| key(s.as_str()) == wanted || key(s.label()) == wanted)
            .ok_or_else(|| {
                let all: Vec<String> = SaiStatus::ALL
                    .iter()
                    .map(|s| format!("{} ({})", s.as_str(), s.label()))
                    .collect();
                Error::invalid(
                    field,
                    format!(
                        "Stato SAI «{}» sconosciuto: usa uno tra {}.",
                        input.trim(),
                        all.join(", ")
                    ),
                )
            })
    }
}

/// SAI places by category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaiPlaces {
    /// Ordinary places.
    #[ts(type = "number")]
    pub ordinari: i64,
    /// Places for people with mental distress or disability (DM-DS).
    #[ts(type = "number")]
    pub dm_ds: i64,
    /// Places for unaccompanied minors (MSNA).
    #[ts(type = "number")]
    pub msna: i64,
}

impl SaiPlaces {
    pub fn total(&self) -> i64 {
        self.ordinari + self.dm_ds + self.msna
    }

    pub(crate) fn add(&mut self, other: &SaiPlaces) {
        self.ordinari += other.ordinari;
        self.dm_ds += other.dm_ds;
        self.msna += other.msna;
    }
}

/// Which ente a survey record is about and where it lies (on the date asked for): a comune's
/// own ASL, zone and province; an Unione's or SdS's those of most of its member comuni.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaiEnte {
    #[ts(type = "number")]
    pub org_id: i64,
    pub name: String,
    pub kind: OrgKind,
    /// The comune of a Comune organisation.
    pub istat_code: Option<String>,
    pub asl: Option<AslCode>,
    #[ts(type = "number | null")]
    pub zone_id: Option<i64>,
    pub zone_name: Option<String>,
    pub province_abbr: Option<String>,
    /// Comuni the ente covers (1 for a comune; the members of an Unione, the zone's comuni of an SdS).
    #[ts(type = "number")]
    pub comuni: i64,
    #[ts(type = "number")]
    pub population: i64,
}

/// The project facts and next step as typed (the whole set replaces the stored one).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaiFactsInput {
    /// Ente titolare (holder of the project).
    pub titolare: String,
    /// Ente attuatore / gestore (runs it).
    pub gestore: String,
    pub places: SaiPlaces,
    pub funding_start: Option<NaiveDate>,
    pub funding_end: Option<NaiveDate>,
    /// Funded for a three-year period.
    pub triennial: bool,
    pub next_step: String,
    pub next_step_due: Option<NaiveDate>,
    pub notes: String,
}

/// A status change as typed: the status reached on date `on`, why (note) and who or what said
/// so (a meeting, a person of the directory, a free text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaiStatusInput {
    pub status: SaiStatus,
    pub on: NaiveDate,
    pub note: String,
    #[ts(type = "number | null")]
    pub source_meeting_id: Option<i64>,
    #[ts(type = "number | null")]
    pub source_person_id: Option<i64>,
    pub source_text: String,
}

/// A change in the status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaiStatusChange {
    #[ts(type = "number")]
    pub id: i64,
    pub status: SaiStatus,
    pub on: NaiveDate,
    pub note: String,
    #[ts(type = "number | null")]
    pub source_meeting_id: Option<i64>,
    /// Title and date of the source meeting (`None` when it was deleted).
    pub source_meeting: Option<String>,
    #[ts(type = "number | null")]
    pub source_person_id: Option<i64>,
    /// Name of the source person ("partecipante rimosso" after an erasure).
    pub source_person: Option<String>,
    pub source_text: String,
    /// When it was recorded (UTC, RFC 3339).
    pub recorded_at: String,
}

/// The survey record of one ente.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaiRecord {
    pub ente: SaiEnte,
    pub status: SaiStatus,
    pub status_since: NaiveDate,
    pub facts: SaiFactsInput,
    /// The follow-up action created for the next step, once the actions module is present.
    #[ts(type = "number | null")]
    pub next_step_action_id: Option<i64>,
    /// Written by `raccordo demo` (synthetic data).
    pub synthetic: bool,
    pub updated_at: String,
    /// Newest first.
    pub history: Vec<SaiStatusChange>,
}

/// One row of the survey table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaiRow {
    pub ente: SaiEnte,
    pub status: SaiStatus,
    pub status_since: NaiveDate,
    pub titolare: String,
    pub gestore: String,
    pub places: SaiPlaces,
    pub funding_start: Option<NaiveDate>,
    pub funding_end: Option<NaiveDate>,
    pub triennial: bool,
    pub next_step: String,
    pub next_step_due: Option<NaiveDate>,
    pub synthetic: bool,
}

/// Which records the table shows; empty lists and `None` mean "any". Territory is that of the
/// ente on `on` (today when `None`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaiFilter {
    pub asl: Option<AslCode>,
    #[ts(type = "number | null")]
    pub zone_id: Option<i64>,
    /// Province abbreviation ("PI") or ISTAT code ("050").
    pub province: Option<String>,
    pub statuses: Vec<SaiStatus>,
    pub kinds: Vec<OrgKind>,
    pub on: Option<NaiveDate>,
}

/// An Unione or SdS whose project covers a comune.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaiCover {
    #[ts(type = "number")]
    pub org_id: i64,
    pub name: String,
    pub kind: OrgKind,
    pub status: SaiStatus,
}

/// How a comune is shown on the map and in its page: `status` is its own when it has its own
/// project or nobody covers it, otherwise that of the covering ente (`covered_by`, first of
/// `covers`); `None` = not surveyed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaiComuneView {
    pub istat_code: String,
    pub name: String,
    pub own: Option<SaiStatus>,
    pub covers: Vec<SaiCover>,
    pub status: Option<SaiStatus>,
    pub covered_by: Option<SaiCover>,
}

/// What the scheda comune shows: the comune's own record (if any) and how it is covered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaiComunePage {
    /// The comune's Comune organisation (the ente a status change is recorded on).
    #[ts(type = "number | null")]
    pub org_id: Option<i64>,
    pub view: SaiComuneView,
    pub record: Option<SaiRecord>,
}

string_enum! {
    /// How summaries are grouped.
    SaiGroupBy {
        Asl => "asl", "ASL";
        Zone => "zone", "Zona-distretto";
        Province => "province", "Provincia";
    }
}

/// Enti in one status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaiStatusCount {
    pub status: SaiStatus,
    #[ts(type = "number")]
    pub count: i64,
}

/// One row of a summary: the enti surveyed in a group (by their territory), per status, their
/// places and the places per 1,000 residents of the group's comuni.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SaiSummaryRow {
    /// ASL code, zone id, province abbreviation; "" for enti without one.
    pub key: String,
    pub label: String,
    #[ts(type = "number")]
    pub enti: i64,
    /// Every status, in order, with its count (0 included).
    pub by_status: Vec<SaiStatusCount>,
    pub places: SaiPlaces,
    #[ts(type = "number")]
    pub places_total: i64,
    /// Comuni of the group and how many have their own project or are covered by one.
    #[ts(type = "number")]
    pub comuni: i64,
    #[ts(type = "number")]
    pub comuni_own_project: i64,
    #[ts(type = "number")]
    pub comuni_covered: i64,
    #[ts(type = "number")]
    pub population: i64,
    /// `None` when the group has no residents.
    pub places_per_1000: Option<f64>,
}

/// A summary by ASL, zone or province on a date, with the total row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SaiSummary {
    pub by: SaiGroupBy,
    pub on: NaiveDate,
    pub rows: Vec<SaiSummaryRow>,
    pub total: SaiSummaryRow,
}

/// What changed for one ente since a date: the status before it, the status now and the
/// changes recorded from that date on (oldest first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaiChange {
    pub ente: SaiEnte,
    pub before: Option<SaiStatus>,
    pub after: SaiStatus,
    pub changes: Vec<SaiStatusChange>,
}
