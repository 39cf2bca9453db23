//! Meeting types that cross IPC (see docs/ipc-contract.md); field names are the wire names.
//!
//! Local times (`start`, `end`) are wall-clock times in Europe/Rome as the coordinator typed or
//! reads them (`YYYY-MM-DDTHH:MM:SS`); instants (`starts_at`, `ends_at`) are UTC. An all-day
//! meeting has `start` at 00:00 of its first day and `end` at 00:00 of the day after its last.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::contacts::types::string_enum;
use crate::territory::AslCode;

string_enum! {
    /// The kinds of meeting of the regional programme.
    MeetingKind {
        ConferenzaZonale => "conferenza_zonale", "Conferenza zonale dei sindaci";
        ConferenzaAziendale => "conferenza_aziendale", "Conferenza aziendale dei sindaci";
        ConferenzaRegionale => "conferenza_regionale", "Conferenza regionale dei sindaci";
        DirettoriSds => "direttori_sds", "Incontro Direttori SdS";
        GiuntaUnione => "giunta_unione", "Giunta dell'Unione dei Comuni";
        IncontroSindaco => "incontro_sindaco", "Incontro con il Sindaco";
        ZonaDistretto => "zona_distretto", "Incontro di Zona-distretto";
        Prefettura => "prefettura", "Tavolo in Prefettura";
        Altro => "altro", "Altro";
    }
}

impl MeetingKind {
    /// The scope a meeting of this kind normally has.
    pub fn default_scope(self) -> ScopeKind {
        match self {
            MeetingKind::ConferenzaZonale | MeetingKind::ZonaDistretto => ScopeKind::Zone,
            MeetingKind::ConferenzaAziendale | MeetingKind::DirettoriSds => ScopeKind::Asl,
            MeetingKind::ConferenzaRegionale => ScopeKind::Region,
            MeetingKind::GiuntaUnione => ScopeKind::Unione,
            MeetingKind::IncontroSindaco => ScopeKind::Comune,
            MeetingKind::Prefettura => ScopeKind::Province,
            MeetingKind::Altro => ScopeKind::None,
        }
    }
}

string_enum! {
    /// Where a meeting stands.
    MeetingStatus {
        Planned => "planned", "in programma";
        Confirmed => "confirmed", "confermato";
        Held => "held", "svolto";
        Postponed => "postponed", "rinviato";
        Cancelled => "cancelled", "annullato";
    }
}

string_enum! {
    /// The territory a meeting concerns.
    ScopeKind {
        None => "none", "nessun territorio";
        Region => "region", "Regione";
        Asl => "asl", "ASL";
        Zone => "zone", "Zona-distretto";
        Province => "province", "Provincia";
        Unione => "unione", "Unione dei Comuni";
        Comune => "comune", "Comune";
    }
}

string_enum! {
    /// How an invited person took part.
    Attendance {
        Invited => "invited", "invitato";
        Present => "present", "presente";
        Absent => "absent", "assente";
        Excused => "excused", "assente giustificato";
        Delegated => "delegated", "delegato";
    }
}

/// The territory of a meeting: `kind` says which of the other fields is used
/// (`asl`, `zone_id`, `province` — ISTAT code like "050" —, `unione_org_id`, `comuni` — ISTAT codes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Scope {
    pub kind: ScopeKind,
    pub asl: Option<AslCode>,
    #[ts(type = "number | null")]
    pub zone_id: Option<i64>,
    pub province: Option<String>,
    #[ts(type = "number | null")]
    pub unione_org_id: Option<i64>,
    pub comuni: Vec<String>,
}

impl Scope {
    /// No territory.
    pub fn none() -> Scope {
        Scope {
            kind: ScopeKind::None,
            asl: None,
            zone_id: None,
            province: None,
            unione_org_id: None,
            comuni: Vec::new(),
        }
    }
}

/// The scope as shown: its label ("Zona Pisana", "Comune di Pisa e Comune di Cascina", …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ScopeView {
    #[serde(flatten)]
    pub scope: Scope,
    pub label: String,
}

/// An invitation as typed: a person, an office (organisation + title), or both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InvitationInput {
    #[ts(type = "number | null")]
    pub person_id: Option<i64>,
    #[ts(type = "number | null")]
    pub organisation_id: Option<i64>,
    pub title: String,
}

pub use crate::interchange::record::AgendaItemInput;

/// What the form sends to create or edit a meeting (lists replace the stored ones; attendance of
/// an invitation that is kept survives an edit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingInput {
    pub kind: MeetingKind,
    pub title: String,
    /// Local (Europe/Rome) start; for an all-day meeting only the date counts.
    pub start: NaiveDateTime,
    /// Local end (exclusive); for an all-day meeting the day after the last day.
    pub end: NaiveDateTime,
    pub all_day: bool,
    pub place: String,
    pub link: String,
    pub status: MeetingStatus,
    pub scope: Scope,
    pub organiser: String,
    pub description: String,
    pub invitations: Vec<InvitationInput>,
    pub agenda: Vec<AgendaItemInput>,
    /// A recurrence rule (RFC 5545 RRULE value, e.g. `FREQ=MONTHLY;BYDAY=2TU;COUNT=10`), only
    /// when creating: the occurrences are created as separate meetings of one series.
    pub recurrence: Option<String>,
}

/// One invitation as shown, with the attendance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InvitationView {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number | null")]
    pub person_id: Option<i64>,
    /// The person's name, "partecipante rimosso" when erased, `None` for a vacant office.
    pub person_name: Option<String>,
    #[ts(type = "number | null")]
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    pub title: String,
    pub email: Option<String>,
    pub attendance: Attendance,
    #[ts(type = "number | null")]
    pub delegate_person_id: Option<i64>,
    /// Who attended in their place (a directory person's name or the name typed).
    pub delegate_name: String,
    pub note: String,
}

/// What the attendance form sends for one invitation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AttendanceInput {
    pub attendance: Attendance,
    #[ts(type = "number | null")]
    pub delegate_person_id: Option<i64>,
    pub delegate_name: String,
    pub note: String,
}

/// An agenda item as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgendaItem {
    #[ts(type = "number")]
    pub id: i64,
    pub position: u32,
    pub title: String,
    pub presenter: String,
    pub duration_min: Option<u32>,
    pub notes: String,
}

/// One change of status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusChange {
    pub status: MeetingStatus,
    pub changed_at: DateTime<Utc>,
    pub note: String,
}

/// A file attached to a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Attachment {
    #[ts(type = "number")]
    pub id: i64,
    pub file_name: String,
    #[ts(type = "number")]
    pub size_bytes: i64,
    pub added_at: DateTime<Utc>,
}

/// A meeting in calendars and lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub uid: String,
    pub kind: MeetingKind,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub all_day: bool,
    pub place: String,
    pub status: MeetingStatus,
    pub scope_kind: ScopeKind,
    pub scope_label: String,
    pub asl: Option<AslCode>,
    #[ts(type = "number | null")]
    pub series_id: Option<i64>,
    pub invited: u32,
}

/// Everything about one meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingView {
    #[serde(flatten)]
    pub summary: MeetingSummary,
    pub link: String,
    pub scope: ScopeView,
    pub organiser: String,
    pub description: String,
    pub sequence: u32,
    /// The series rule when the meeting is an occurrence of a recurring series.
    pub recurrence: Option<String>,
    pub recurrence_id: Option<DateTime<Utc>>,
    pub invitations: Vec<InvitationView>,
    pub agenda: Vec<AgendaItem>,
    pub history: Vec<StatusChange>,
    pub attachments: Vec<Attachment>,
}

/// Filters of the calendar and of `meeting list`; `from`/`to` are local dates (inclusive).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub kinds: Vec<MeetingKind>,
    pub asl: Option<AslCode>,
    #[ts(type = "number | null")]
    pub zone_id: Option<i64>,
    pub statuses: Vec<MeetingStatus>,
    /// Words of the title (accents and case ignored).
    pub text: String,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
    /// `true`: only meetings with a verbale; `false`: only those without; absent: all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub with_minutes: Option<bool>,
}

/// An invitee proposed for a scope on a date: who holds the office then (or nobody).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProposedInvitee {
    #[ts(type = "number | null")]
    pub person_id: Option<i64>,
    pub person_name: Option<String>,
    #[ts(type = "number")]
    pub organisation_id: i64,
    pub organisation_name: String,
    pub title: String,
    /// Why: "Sindaco di Pisa il 25/03/2027", or "nessuno risulta in carica il …".
    pub reason: String,
}

/// A meeting overlapping another one: the coordinator (who attends every meeting in the
/// calendar) is double-booked, and these invitees too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingConflict {
    pub meeting: MeetingSummary,
    pub shared_people: Vec<String>,
}
