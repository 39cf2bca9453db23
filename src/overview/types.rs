//! Overview types that cross IPC (see docs/ipc-contract.md).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actions::{ActionCounts, ActionStatus};
use crate::contacts::types::string_enum;
use crate::meetings::MeetingSummary;
use crate::territory::AslCode;
use std::fmt;
use std::str::FromStr;

string_enum! {
    /// What a timeline entry records.
    TimelineKind {
        Meeting => "meeting", "incontro";
        ActionCreated => "action_created", "azione creata";
        ActionStatus => "action_status", "stato dell'azione";
        RoleStart => "role_start", "inizio incarico";
        RoleEnd => "role_end", "fine incarico";
    }
}

/// What an entry opens when clicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TimelineTarget {
    Meeting {
        #[ts(type = "number")]
        id: i64,
    },
    Action {
        #[ts(type = "number")]
        id: i64,
    },
    Person {
        #[ts(type = "number")]
        id: i64,
    },
}

/// One event of a comune's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TimelineEntry {
    /// The day it happened (Europe/Rome).
    pub date: NaiveDate,
    /// Sort key: a UTC instant, or the day for dated records.
    pub at: String,
    pub kind: TimelineKind,
    pub title: String,
    /// A second line (status, office, note).
    pub detail: String,
    /// For status entries.
    pub status: Option<ActionStatus>,
    pub target: TimelineTarget,
}

/// Which area an overview is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AreaRef {
    Asl {
        code: AslCode,
    },
    Zone {
        #[ts(type = "number")]
        id: i64,
    },
}

/// One comune of an area with its open work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AreaComune {
    pub istat_code: String,
    pub name: String,
    #[ts(type = "number")]
    pub population: i64,
    pub zone_name: Option<String>,
    pub open_actions: u32,
    pub overdue_actions: u32,
    /// Meetings that concerned it in the last 365 days.
    pub meetings_last_year: u32,
    /// The last held or planned meeting before today.
    pub last_meeting: Option<NaiveDate>,
}

/// A zone or ASL page: its comuni, the counts of its actions, its coming meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AreaOverview {
    pub area: AreaRef,
    pub name: String,
    pub comuni: Vec<AreaComune>,
    pub actions: ActionCounts,
    pub upcoming: Vec<MeetingSummary>,
}

/// One recent change for the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecentChange {
    pub at: String,
    pub title: String,
    pub detail: String,
    pub target: TimelineTarget,
}
