//! The calendar in and out of iCalendar files (Thunderbird, Outlook, Google): the one place that
//! joins [`crate::interchange::ics`] to the meetings store.
//!
//! Contract of [`import_calendar`] (and [`import_file`]):
//! - All or nothing: the file is read whole; if any event is rejected (the report gives its line
//!   and why), or on a dry run, nothing is written (a savepoint is rolled back), and the report
//!   still says what each event would do. Events that Raccordo cannot hold (longer than
//!   [`crate::meetings::MAX_DAYS`] days, an override of a series that is nowhere) are *skipped*
//!   with a reason and do not block the rest.
//! - Matching: an event is the meeting with its UID (an override: the occurrence with its UID and
//!   RECURRENCE-ID), so importing a file again updates instead of duplicating, and importing
//!   Raccordo's own export changes nothing (every event "invariato").
//! - What the file carries replaces what is stored: title, times, place (LOCATION), link (URL),
//!   status (STATUS, made exact by `X-RACCORDO-STATUS`), organiser (`Nome <e-mail>` from
//!   ORGANIZER), description, invitations, and the agenda when `X-RACCORDO-AGENDA` is there.
//!   What only Raccordo knows is kept: scope, attendance, minutes, attachments, and the kind
//!   unless CATEGORIES names one of the Italian kind labels. New meetings are "Altro" with no
//!   scope unless CATEGORIES says otherwise.
//! - Attendees: one matching a stored invitation (same name and e-mail as the export writes it)
//!   keeps that invitation and its attendance; else an e-mail of a person in the directory
//!   (`person_email.email_lower`) invites that person; else the invitation is typed as
//!   `Nome <e-mail>` (or the name alone), listed in the row's message. PARTSTAT is not imported:
//!   an answer to an invitation is not a record of who came.
//! - A series: the master's RRULE is expanded with [`crate::meetings::recurrence`] (bounded: an
//!   endless rule is imported up to the horizon, and the row says so); occurrences are matched
//!   by original start: kept, updated, created, or deleted when the file no longer has them;
//!   each RECURRENCE-ID override updates its occurrence.
//! - SEQUENCE: a written meeting gets at least the file's SEQUENCE. An applied import appends
//!   one audit row. The CLI and the app take a backup first ([`import_file_with_backup`]).
//!
//! Contract of [`export_calendar`] (and [`export_file`], [`export_and_record`]): one VEVENT per
//! single meeting and, for a series that has any selected occurrence, the whole series as a
//! master (RRULE, EXDATE, DTSTART at the first original start) plus one RECURRENCE-ID override
//! per occurrence that differs from what the rule gives. UIDs are the stored ones; DTSTAMP and
//! LAST-MODIFIED are the meeting's last change (RFC 5545 §3.8.7.2 for files without METHOD), so
//! two exports of unchanged data are byte-identical. CATEGORIES is the Italian kind label;
//! STATUS maps planned/postponed → TENTATIVE, confirmed/held → CONFIRMED, cancelled →
//! CANCELLED; DESCRIPTION is the description then the agenda as text; ATTENDEE has the CN and a
//! `mailto:` address, or `invalid:nomail` (Outlook's value for "no address") when the directory
//! has no e-mail; PARTSTAT maps present → ACCEPTED, absent/excused → DECLINED, delegated →
//! DELEGATED (with DELEGATED-TO when the delegate has an e-mail), invited → NEEDS-ACTION.
//! Files are written through the atomic writer and the export is recorded in the audit log.

mod export;
mod import;
mod mapping;
mod series;
mod transfer;

use chrono::NaiveDateTime;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use import::import_calendar;
pub use transfer::{
    default_file_name, export_and_record, export_file, import_file, import_file_with_backup,
    record_export,
};

use super::types::MeetingFilter;
use crate::error::Result;
use crate::interchange::ics;
use crate::interchange::TextEncoding;
use crate::territory::{ImportReport, RowIssue};

/// What an imported event did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CalendarOutcome {
    Created,
    Updated,
    Unchanged,
    Skipped,
}

impl CalendarOutcome {
    /// Italian label.
    pub fn label(self) -> &'static str {
        match self {
            CalendarOutcome::Created => "creato",
            CalendarOutcome::Updated => "aggiornato",
            CalendarOutcome::Unchanged => "invariato",
            CalendarOutcome::Skipped => "saltato",
        }
    }
}

/// One event of an imported file and what it did (also on a dry run: what it would do).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarImportRow {
    /// Line of its `BEGIN:VEVENT`.
    pub line: u32,
    pub uid: String,
    pub title: String,
    /// Local (Europe/Rome) start.
    pub start: NaiveDateTime,
    pub all_day: bool,
    /// The event modifies one occurrence of a series (RECURRENCE-ID).
    pub occurrence: bool,
    pub outcome: CalendarOutcome,
    /// The (first) meeting, once applied.
    #[ts(type = "number | null")]
    pub meeting_id: Option<i64>,
    /// Meetings the event stands for (the occurrences of a series).
    pub meetings: u32,
    /// What happened, in Italian ("serie di 6 incontri", "2 invitati non in rubrica: …").
    pub message: String,
}

/// Result of a calendar import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarImportReport {
    /// `rows_read`: events in the file; `rows_ok`: events accepted (created, updated,
    /// unchanged or skipped); `rejected`: events refused, with line and reason.
    pub report: ImportReport,
    pub encoding: TextEncoding,
    pub created: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub skipped: u32,
    /// Meetings written: new occurrences included, and occurrences removed from a series.
    pub meetings_created: u32,
    pub meetings_updated: u32,
    pub meetings_deleted: u32,
    pub rows: Vec<CalendarImportRow>,
    /// What the reader skipped or assumed (floating times, to-dos, RDATE …), with the line.
    pub notes: Vec<RowIssue>,
}

/// Which meetings an export holds. Over IPC: `{ filter: MeetingFilter }` or `{ ids: number[] }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CalendarSelection {
    /// The meetings matching a filter (limit and offset are ignored: all of them).
    Filter(MeetingFilter),
    /// These meetings (an unknown id is an error); a series is exported whole.
    Ids(#[ts(type = "Array<number>")] Vec<i64>),
}

/// A calendar file chosen for import in the app: the opaque token the app refers to it by (the
/// page never handles paths) and its name, for the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarPick {
    pub token: u32,
    pub file_name: String,
}

/// An exported calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarExport {
    pub text: String,
    /// VEVENTs written.
    pub events: usize,
    /// Meetings they stand for.
    pub meetings: usize,
}

/// The iCalendar text of the selected meetings; see the module contract.
pub fn export_calendar(conn: &Connection, selection: &CalendarSelection) -> Result<CalendarExport> {
    let (events, meetings) = export::events(conn, selection)?;
    Ok(CalendarExport {
        text: ics::format_calendar(&events),
        events: events.len(),
        meetings,
    })
}
