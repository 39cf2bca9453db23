//! The neutral records exchanged between file formats and the stores: the contact record (CSV,
//! vCard, XLSX), the agenda item a calendar event carries, and the per-row issue every reader
//! reports. Domain modules re-export the last two (`territory::RowIssue`,
//! `meetings::AgendaItemInput`), so `interchange` depends on no domain module.
//!
//! Contract: readers in `interchange` turn bytes into `ContactRecord`s (one per CSV row or
//! vCard) and never touch the database; `contacts::import` applies records in one transaction;
//! `contacts::export` produces records that the writers turn into files. Every string is plain
//! text as found in (or destined to) the file: no markup is interpreted, writers neutralise what
//! a spreadsheet would execute.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One contact as a file carries it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ContactRecord {
    /// Where it came from in the input (CSV line number of the row's first line, or the
    /// 1-based index of the vCard), for row-by-row reports; 0 for records built in memory.
    pub source_line: u32,
    pub given_name: String,
    pub family_name: String,
    /// Honorific prefix as written ("Dott.ssa", "Sig.", "On.").
    pub honorific: Option<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    /// Organisation name as written in the file ("Comune di Pisa", "SdS Pisana").
    pub organisation: Option<String>,
    /// Title of the person at that organisation ("Sindaco", "Assessore al sociale").
    pub title: Option<String>,
    /// A comune name or ISTAT code the contact relates to, when the file says so.
    pub comune: Option<String>,
    pub notes: Option<String>,
    pub tags: Vec<String>,
}

/// What a CSV column maps to in the column-mapping step (`--map COLUMN=FIELD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ContactField {
    GivenName,
    FamilyName,
    /// "Mario Rossi" or "Rossi, Mario": split into given and family name.
    FullName,
    Honorific,
    Email,
    Phone,
    Organisation,
    Title,
    Comune,
    Notes,
    /// Several tags separated by `,` or `;`.
    Tags,
    /// The column is not imported.
    Ignore,
}

/// A rejected row of an import file (1-based line number in the file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RowIssue {
    pub line: u32,
    pub message: String,
}

/// An agenda item as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgendaItemInput {
    pub title: String,
    pub presenter: String,
    pub duration_min: Option<u32>,
    pub notes: String,
}
