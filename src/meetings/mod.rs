//! Meetings: the calendar of conferences and meetings, who is invited, who came, the agenda.
//!
//! Contract:
//! - A meeting has a kind ([`MeetingKind`]), a title, a start and end stored as UTC instants and
//!   entered/shown as wall-clock times in Europe/Rome ([`crate::time::rome_to_utc`]: the hour
//!   skipped in March is refused, the repeated hour in October is the summer-time one), a place
//!   or link, a status with dated history, and a scope ([`Scope`]): none, the region, an ASL, a
//!   zone, a province, an Unione dei Comuni or one or more comuni. The ASL and zone the scope
//!   lies in are stored beside it for the calendar filters ([`scope`]).
//! - Invitations name a person, an office (organisation + title) or both. [`propose_invitees`]
//!   resolves the offices a scope calls for (the mayors of a zone's comuni, the SdS directors of
//!   an ASL, …) to the people holding them on the meeting date; nobody in office is proposed as a
//!   vacant office. Attendance is invited / present / absent / excused / delegated, and a
//!   delegation records the delegate (a directory person or a typed name).
//! - People are referenced by id without a foreign key (ids are never reused), so an erased
//!   participant reads "partecipante rimosso"; merging people moves their invitations.
//! - A recurring meeting is a series ([`recurrence`]): the RRULE and its UID are kept, every
//!   occurrence is a meeting of its own (so attendance, minutes and actions attach to it) that
//!   remembers its original start (RECURRENCE-ID); deleting one occurrence records an exception
//!   (EXDATE). Expansion is bounded ([`recurrence::MAX_OCCURRENCES`], [`recurrence::HORIZON_YEARS`]).
//! - Attachments are copies kept beside the database ([`attachments`]); the webview never sees
//!   their paths.
//! - Reminders ([`reminders`]) are computed by the core and given by the desktop shell while
//!   it runs; each is given once per lead and start.
//! - Every write takes a `&Transaction`, validates first (Italian field errors), writes and
//!   appends an audit row (meeting id and field names only); reads take `&Connection`.
//! - UIDs are generated once (`<random>@raccordo`) and never change, so an exported calendar
//!   re-imported in Thunderbird or Outlook updates its events instead of duplicating them;
//!   `sequence` grows at every change (iCalendar SEQUENCE). [`calendar`] imports and exports
//!   iCalendar (.ics) files.

pub mod attachments;
pub mod calendar;
mod clean;
mod concern;
mod invitees;
mod read;
pub mod recurrence;
pub mod reminders;
pub mod scope;
mod store;
pub mod types;

pub use concern::{comune_meetings, conflicts, upcoming};
pub use invitees::{propose_invitees, set_attendance};
pub use read::{
    count_meetings, list_meetings, meeting, meeting_by_uid, series_info, SeriesInfo, LIST_MAX,
};
pub(crate) use read::{filter_sql, finish_summaries, summary_row, SUMMARY_SQL};
pub use store::{
    create_meeting, delete_meeting, delete_series, input_of, move_meeting, set_status,
    update_meeting,
};
pub use types::*;

/// Longest meeting: 31 days.
pub const MAX_DAYS: i64 = 31;
/// Most invitations on one meeting (a regional conference invites every mayor: 273).
pub const MAX_INVITATIONS: usize = 1000;
/// Most agenda items on one meeting.
pub const MAX_AGENDA_ITEMS: usize = 100;
