//! iCalendar (RFC 5545) files of events, as Thunderbird, Outlook and Google write them, and as
//! Raccordo exports them. Pure functions: no database (the meetings layer is
//! `crate::meetings::calendar`).
//!
//! Contract of [`read`]:
//! - Bytes are decoded with [`super::text::decode`] (size limit, 1 MB per physical line, BOM,
//!   UTF-8 or the Windows-1252 fallback, which the result reports); folded lines are unfolded (CRLF
//!   or LF followed by a space or tab); a logical line over [`MAX_LOGICAL_LINE`] is refused with
//!   its line number. A file without `BEGIN:VCALENDAR`, or with more than [`MAX_EVENTS`] events,
//!   is an [`Error::BadInput`] with an Italian explanation.
//! - Each VEVENT gives one [`IcsEvent`] or one rejection ([`RowIssue`] whose `line` is the line
//!   of the offending property, or of `BEGIN:VEVENT` when the event as a whole is wrong; the
//!   message names the line). VTODO, VJOURNAL, VFREEBUSY and unknown components are skipped with
//!   a note; VALARM and X- properties are ignored.
//! - Times: `VALUE=DATE` gives an all-day event (DTEND exclusive, one day when absent); a
//!   DATE-TIME is resolved to a UTC instant: `Z` is UTC; `TZID` is an IANA name (also inside a
//!   Mozilla-style path like `/mozilla.org/…/Europe/Rome`), a Windows name from Outlook
//!   ([`zones`]), or the offsets of the file's own VTIMEZONE; an unknown TZID without a usable
//!   VTIMEZONE rejects the event; a floating time is read in the calendar's `X-WR-TIMEZONE`,
//!   else as Europe/Rome, and noted. DURATION replaces DTEND; without either, a timed event
//!   lasts zero minutes. Outlook's midnight-to-midnight events flagged
//!   `X-MICROSOFT-CDO-ALLDAYEVENT:TRUE` are all-day. Dates outside the years 1900–2199 are
//!   refused (so that whatever is read can be written back).
//! - RRULE is kept as text (upper case, `UNTIL` rewritten in UTC as RFC 5545 requires with a
//!   TZID start); EXDATE (several, comma lists) and RECURRENCE-ID are resolved like DTSTART;
//!   RDATE is ignored with a note.
//! - Text values are unescaped and kept as plain text: markup is never interpreted.
//!
//! Contract of [`format_calendar`]: VCALENDAR with PRODID [`PRODID`], VERSION 2.0, CALSCALE, the
//! Europe/Rome VTIMEZONE (EU rule), then one VEVENT per [`IcsEvent`] in the order given, with
//! CRLF line ends, lines folded at 75 octets without splitting UTF-8 sequences, TEXT escaped, and
//! every property in a fixed order so that the same events give the same bytes. Timed events are
//! written in Europe/Rome local time with `TZID=Europe/Rome`, all-day ones with `VALUE=DATE`.
//! Reading what it writes gives back the same events (the fuzz target checks it).

mod event;
mod lexer;
mod read;
mod values;
mod write;
pub mod zones;

use chrono::{DateTime, NaiveDate, Utc};

pub use read::read;
pub(crate) use values::rule_with_utc_until;
pub(crate) use write::body_lines;
pub use write::format_calendar;

#[cfg(doc)]
use crate::error::Error;
use crate::interchange::record::AgendaItemInput;
use crate::interchange::record::RowIssue;
use crate::interchange::text::TextEncoding;

/// PRODID of the files Raccordo writes.
pub const PRODID: &str = "-//Raccordo//Raccordo 0.1//IT";
/// Most events (VEVENT components) accepted in one file.
pub const MAX_EVENTS: usize = 100_000;
/// Longest unfolded content line.
pub const MAX_LOGICAL_LINE: usize = 1024 * 1024;
/// Most attendees, EXDATEs or categories on one event.
pub const MAX_VALUES_PER_EVENT: usize = 1000;

/// A start, end, exception or recurrence id: a day (all-day events) or an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IcsTime {
    Date(NaiveDate),
    Instant(DateTime<Utc>),
}

impl IcsTime {
    /// The instant (a day counts from midnight in Europe/Rome).
    pub fn instant(self) -> DateTime<Utc> {
        match self {
            IcsTime::Instant(t) => t,
            IcsTime::Date(d) => {
                let midnight = d.and_time(chrono::NaiveTime::MIN);
                crate::time::rome_to_utc("date", midnight).unwrap_or_else(|_| midnight.and_utc())
            }
        }
    }
}

/// STATUS of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcsStatus {
    Tentative,
    Confirmed,
    Cancelled,
}

impl IcsStatus {
    /// The property value.
    pub fn as_str(self) -> &'static str {
        match self {
            IcsStatus::Tentative => "TENTATIVE",
            IcsStatus::Confirmed => "CONFIRMED",
            IcsStatus::Cancelled => "CANCELLED",
        }
    }
}

/// PARTSTAT of an attendee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartStat {
    NeedsAction,
    Accepted,
    Declined,
    Tentative,
    Delegated,
}

impl PartStat {
    /// The parameter value.
    pub fn as_str(self) -> &'static str {
        match self {
            PartStat::NeedsAction => "NEEDS-ACTION",
            PartStat::Accepted => "ACCEPTED",
            PartStat::Declined => "DECLINED",
            PartStat::Tentative => "TENTATIVE",
            PartStat::Delegated => "DELEGATED",
        }
    }
}

/// An ORGANIZER or ATTENDEE: the name (CN) and the e-mail of a `mailto:` address. Written
/// without an e-mail, the address is `invalid:nomail` (the value Outlook/Exchange use for a
/// participant without an address, [MS-OXCICAL] 2.1.3.1.1.20.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsAttendee {
    pub name: String,
    pub email: Option<String>,
    pub partstat: Option<PartStat>,
    /// DELEGATED-TO: the delegate's e-mail.
    pub delegated_to: Option<String>,
}

/// One VEVENT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsEvent {
    /// Line of its `BEGIN:VEVENT` (0 for events built in memory).
    pub line: u32,
    pub uid: String,
    /// The UID was missing and was derived from the title and start (noted).
    pub uid_generated: bool,
    pub recurrence_id: Option<IcsTime>,
    pub sequence: u32,
    /// DTSTAMP as written (Raccordo writes the last change of the meeting).
    pub stamp: Option<DateTime<Utc>>,
    pub created: Option<DateTime<Utc>>,
    pub start: IcsTime,
    /// Exclusive end: the day after the last for all-day events.
    pub end: IcsTime,
    /// The start had no time zone and was read as Europe/Rome.
    pub floating: bool,
    /// The time zone of DTSTART as the file names it (`Europe/Rome`, `W. Europe Standard Time`,
    /// `UTC`, or empty for floating times and days).
    pub zone: String,
    pub summary: String,
    pub location: String,
    pub url: String,
    pub description: String,
    pub status: Option<IcsStatus>,
    pub categories: Vec<String>,
    pub organizer: Option<IcsAttendee>,
    pub attendees: Vec<IcsAttendee>,
    /// RRULE value (without `RRULE:`), upper case, UNTIL in UTC.
    pub rrule: Option<String>,
    pub exdates: Vec<IcsTime>,
    /// `X-RACCORDO-STATUS`: Raccordo's own status name (planned, held, …).
    pub raccordo_status: Option<String>,
    /// Raccordo's own `X-RACCORDO-AGENDA` properties (other programs ignore them; the
    /// DESCRIPTION carries the same agenda as text for people), in order.
    pub agenda: Vec<AgendaItemInput>,
}

/// What [`read`] found in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsRead {
    pub events: Vec<IcsEvent>,
    /// Events refused, with the line and the reason.
    pub rejected: Vec<RowIssue>,
    /// What was skipped or assumed (floating times, VTODO, RDATE …), with the line.
    pub notes: Vec<RowIssue>,
    /// How many VEVENTs the file has (accepted + rejected).
    pub events_read: usize,
    pub encoding: TextEncoding,
}
