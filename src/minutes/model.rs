//! Stored minutes: the editable content, the view the editor shows, versions. Types cross IPC.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::document::Author;
use super::richtext::RichText;
use crate::actions::ActionSummary;
use crate::contacts::types::string_enum;

string_enum! {
    /// Where a verbale stands.
    MinutesStatus {
        Draft => "draft", "bozza";
        Approved => "approved", "approvato";
    }
}

/// What was said and decided on one agenda item.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MinutesItem {
    /// The meeting's agenda item (None for an item added in the verbale only).
    #[ts(type = "number | null")]
    pub agenda_item_id: Option<i64>,
    pub title: String,
    pub discussion: RichText,
    pub decisions: RichText,
}

/// The editable content of a verbale (what autosave writes).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MinutesContent {
    /// Actual start and end (Europe/Rome wall clock), prefilled from the meeting.
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    pub place: String,
    /// Who chaired the meeting (signature block).
    pub chair: String,
    pub items: Vec<MinutesItem>,
    pub closing_notes: RichText,
}

/// One approved version, kept frozen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MinutesVersionInfo {
    pub revision: u32,
    pub reason: String,
    pub approved_at: String,
}

/// A verbale as the editor shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MinutesView {
    #[ts(type = "number")]
    pub meeting_id: i64,
    pub status: MinutesStatus,
    /// 0 for the first version, N for the Nth revision.
    pub revision: u32,
    pub revision_reason: String,
    pub content: MinutesContent,
    pub drafted_by: Author,
    pub created_at: String,
    pub updated_at: String,
    pub approved_at: Option<String>,
    /// Every approved version, oldest first.
    pub versions: Vec<MinutesVersionInfo>,
    /// The follow-up actions decided in the meeting.
    pub follow_ups: Vec<ActionSummary>,
}
