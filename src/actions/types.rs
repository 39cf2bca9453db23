//! Action types that cross IPC (see docs/ipc-contract.md); field names are the wire names.
//!
//! A due date is a day (`YYYY-MM-DD`, Europe/Rome); instants (`created_at`, `changed_at`, …)
//! are UTC text `YYYY-MM-DDTHH:MM:SSZ`.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::contacts::types::string_enum;
use crate::territory::AslCode;

string_enum! {
    /// Where a follow-up action stands.
    ActionStatus {
        Open => "open", "aperta";
        InProgress => "in_progress", "in corso";
        Waiting => "waiting", "in attesa";
        Done => "done", "completata";
        Cancelled => "cancelled", "annullata";
    }
}

impl ActionStatus {
    /// Completed or cancelled: no longer followed, never overdue.
    pub fn is_closed(self) -> bool {
        matches!(self, ActionStatus::Done | ActionStatus::Cancelled)
    }
}

string_enum! {
    /// How urgent an action is.
    ActionPriority {
        High => "high", "alta";
        Normal => "normal", "normale";
        Low => "low", "bassa";
    }
}

/// Who carries an action out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ActionOwner {
    /// Not assigned yet.
    None,
    /// The coordinator using Raccordo (the name in the profile).
    Coordinator,
    /// A person of the directory.
    Person {
        #[ts(type = "number")]
        person_id: i64,
    },
}

/// What the form sends to create or edit an action (lists replace the stored ones). The status
/// is changed with its own call ([`super::set_status`]) so that every change has a dated entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActionInput {
    pub title: String,
    pub description: String,
    pub owner: ActionOwner,
    pub due: Option<NaiveDate>,
    pub priority: ActionPriority,
    #[ts(type = "number | null")]
    pub meeting_id: Option<i64>,
    /// An agenda item of `meeting_id`.
    #[ts(type = "number | null")]
    pub agenda_item_id: Option<i64>,
    /// ISTAT codes.
    pub comuni: Vec<String>,
    #[ts(type = "number[]")]
    pub organisations: Vec<i64>,
    #[ts(type = "number[]")]
    pub people: Vec<i64>,
}

impl ActionInput {
    /// An input with only a title (normal priority, nobody assigned, no links).
    pub fn titled(title: &str) -> ActionInput {
        ActionInput {
            title: title.to_owned(),
            description: String::new(),
            owner: ActionOwner::None,
            due: None,
            priority: ActionPriority::Normal,
            meeting_id: None,
            agenda_item_id: None,
            comuni: Vec::new(),
            organisations: Vec::new(),
            people: Vec::new(),
        }
    }
}

/// A linked record as shown: its id (ISTAT code for a comune) and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LinkRef {
    pub id: String,
    pub name: String,
}

/// The meeting an action comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActionMeetingRef {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    /// Local (Europe/Rome) date of the meeting.
    pub date: NaiveDate,
    pub agenda_item: Option<LinkRef>,
}

/// One dated change of status, with its note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActionStatusChange {
    pub status: ActionStatus,
    pub changed_at: String,
    pub note: String,
}

/// An action in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActionView {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub description: String,
    pub owner: ActionOwner,
    /// The owner's name ("" when nobody; "persona rimossa" for an erased person).
    pub owner_name: String,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    pub priority: ActionPriority,
    /// Due before today (Europe/Rome) and neither completed nor cancelled.
    pub overdue: bool,
    pub meeting: Option<ActionMeetingRef>,
    pub comuni: Vec<LinkRef>,
    pub organisations: Vec<LinkRef>,
    pub people: Vec<LinkRef>,
    /// Oldest first.
    pub history: Vec<ActionStatusChange>,
    pub created_at: String,
    pub updated_at: String,
    pub closed_at: Option<String>,
}

/// One row of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActionSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub owner: ActionOwner,
    pub owner_name: String,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    pub priority: ActionPriority,
    pub overdue: bool,
    #[ts(type = "number | null")]
    pub meeting_id: Option<i64>,
    /// Names of the comuni (at most [`super::SUMMARY_COMUNI`], then "+N").
    pub comuni: String,
    pub updated_at: String,
}

string_enum! {
    /// The order of a list.
    ActionSort {
        Due => "due", "scadenza";
        Priority => "priority", "priorità";
        Status => "status", "stato";
        Updated => "updated", "ultima modifica";
        Title => "title", "titolo";
    }
}

string_enum! {
    /// A window of due dates relative to today.
    DueWindow {
        Overdue => "overdue", "in ritardo";
        Today => "today", "oggi";
        ThisWeek => "this_week", "questa settimana";
        Next30 => "next_30", "prossimi 30 giorni";
        NoDate => "no_date", "senza scadenza";
    }
}

/// Filters of the action lists (all optional; they combine with AND).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ActionFilter {
    /// Words of the title (accents and case ignored).
    pub search: String,
    /// Any of these statuses (empty = all).
    pub statuses: Vec<ActionStatus>,
    /// Only actions neither completed nor cancelled.
    pub open_only: bool,
    pub due_window: Option<DueWindow>,
    pub due_from: Option<NaiveDate>,
    pub due_to: Option<NaiveDate>,
    pub priority: Option<ActionPriority>,
    pub asl: Option<AslCode>,
    #[ts(type = "number | null")]
    pub zone_id: Option<i64>,
    /// ISTAT code.
    pub comune: Option<String>,
    #[ts(type = "number | null")]
    pub organisation_id: Option<i64>,
    /// The owner is this person.
    #[ts(type = "number | null")]
    pub owner_person_id: Option<i64>,
    /// The owner is the coordinator.
    pub owner_coordinator: bool,
    /// Owned by or linked to this person.
    #[ts(type = "number | null")]
    pub person_id: Option<i64>,
    #[ts(type = "number | null")]
    pub meeting_id: Option<i64>,
    pub sort: Option<ActionSort>,
    pub descending: bool,
    pub offset: u32,
    /// At most [`super::LIST_MAX`]; 0 = the default page size.
    pub limit: u32,
}

/// A page of a list, with the total of the filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActionPage {
    pub total: u32,
    pub rows: Vec<ActionSummary>,
}

/// Counts of the board and of the dashboard for a filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActionCounts {
    pub open: u32,
    pub in_progress: u32,
    pub waiting: u32,
    pub done: u32,
    pub cancelled: u32,
    /// Among the open ones.
    pub overdue: u32,
    pub due_today: u32,
}

/// A change applied to many actions at once; `None` leaves the field alone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BulkChange {
    pub status: Option<ActionStatus>,
    /// The note of the status change.
    pub note: String,
    pub owner: Option<ActionOwner>,
    /// A new due date (`{ date: null }` clears it).
    pub due: Option<DueChange>,
}

/// A new due date for [`BulkChange`] (`date: null` clears it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueChange {
    pub date: Option<NaiveDate>,
}

/// What a bulk change replaced on one action, so that it can be undone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActionPrior {
    #[ts(type = "number")]
    pub id: i64,
    pub status: ActionStatus,
    pub owner: ActionOwner,
    pub due: Option<NaiveDate>,
}

/// The outcome of a bulk change: how many changed, and the undo data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BulkOutcome {
    pub changed: u32,
    pub prior: Vec<ActionPrior>,
}

/// A named filter of a list (the query string of the list's URL).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SavedFilter {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub query: String,
}

/// Open actions per ASL for the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AslActionCount {
    pub asl: AslCode,
    pub asl_name: String,
    pub open: u32,
    pub overdue: u32,
}
