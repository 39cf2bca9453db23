//! The writer of [`format_calendar`]: fixed property order, Europe/Rome local times.

use super::values::{format_date, format_local, format_utc, rule_with_date_until};
use super::{IcsAttendee, IcsEvent, IcsTime, PRODID};
use crate::interchange::content_line::{escape, push_folded};
use crate::time::{rome_to_utc, utc_to_rome};

/// The Europe/Rome time zone with the EU rule (summer time from the last Sunday of March at
/// 02:00 to the last Sunday of October at 03:00), as Thunderbird writes it.
const VTIMEZONE_ROME: [&str; 18] = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Rome",
    "X-LIC-LOCATION:Europe/Rome",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// `NAME;TZID=Europe/Rome:local` or `NAME;VALUE=DATE:day`; an instant in the hour repeated when
/// summer time ends, whose local time would read back as the other one, in UTC (`NAME:…Z`).
fn time_prop(name: &str, t: IcsTime) -> String {
    match t {
        IcsTime::Date(d) => format!("{name};VALUE=DATE:{}", format_date(d)),
        IcsTime::Instant(i) => {
            let local = utc_to_rome(i);
            if rome_to_utc("t", local).ok() == Some(i) {
                format!("{name};TZID=Europe/Rome:{}", format_local(local))
            } else {
                format!("{name}:{}", format_utc(i))
            }
        }
    }
}

/// A parameter value: quoted when it holds `:` `;` `,`; RFC 6868 escapes for `^`, `"` and
/// newlines; control characters dropped.
fn param(v: &str) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    for c in v.chars() {
        match c {
            '^' => out.push_str("^^"),
            '"' => out.push_str("^'"),
            '\n' => out.push_str("^n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    if out.contains([':', ';', ',']) {
        format!("\"{out}\"")
    } else {
        out
    }
}

/// `NAME;CN=…[;PARTSTAT=…][;DELEGATED-TO=…]:mailto:…` (or `invalid:nomail`).
fn person_prop(name: &str, a: &IcsAttendee) -> String {
    let mut s = name.to_owned();
    if !a.name.is_empty() {
        s.push_str(";CN=");
        s.push_str(&param(&a.name));
    }
    if let Some(p) = a.partstat {
        s.push_str(";PARTSTAT=");
        s.push_str(p.as_str());
    }
    if let Some(d) = &a.delegated_to {
        s.push_str(";DELEGATED-TO=");
        s.push_str(&param(&format!("mailto:{d}")));
    }
    match &a.email {
        Some(e) => {
            s.push_str(":mailto:");
            s.push_str(e);
        }
        None => s.push_str(":invalid:nomail"),
    }
    s
}

/// The lines of one VEVENT (without folding).
pub(crate) fn event_lines(e: &IcsEvent) -> Vec<String> {
    let mut l = vec!["BEGIN:VEVENT".to_owned(), format!("UID:{}", e.uid)];
    if let Some(stamp) = e.stamp {
        l.push(format!("DTSTAMP:{}", format_utc(stamp)));
        l.push(format!("LAST-MODIFIED:{}", format_utc(stamp)));
    }
    if let Some(created) = e.created {
        l.push(format!("CREATED:{}", format_utc(created)));
    }
    l.push(format!("SEQUENCE:{}", e.sequence));
    if let Some(rid) = e.recurrence_id {
        l.push(time_prop("RECURRENCE-ID", rid));
    }
    l.push(time_prop("DTSTART", e.start));
    l.push(time_prop("DTEND", e.end));
    if let Some(rule) = &e.rrule {
        let rule = match e.start {
            IcsTime::Date(_) => rule_with_date_until(rule),
            IcsTime::Instant(_) => rule.clone(),
        };
        l.push(format!("RRULE:{rule}"));
    }
    for x in &e.exdates {
        l.push(time_prop("EXDATE", *x));
    }
    l.extend(body_lines(e));
    l.push("END:VEVENT".to_owned());
    l
}

/// The lines that say what an event is, not when (two occurrences of a series with the same body
/// differ only in their times).
pub(crate) fn body_lines(e: &IcsEvent) -> Vec<String> {
    let mut l = vec![format!("SUMMARY:{}", escape(&e.summary))];
    if !e.location.is_empty() {
        l.push(format!("LOCATION:{}", escape(&e.location)));
    }
    if !e.url.is_empty() {
        // A URI, not TEXT: written as it is (no escapes), and read back the same way.
        l.push(format!("URL:{}", e.url));
    }
    if !e.description.is_empty() {
        l.push(format!("DESCRIPTION:{}", escape(&e.description)));
    }
    if let Some(s) = e.status {
        l.push(format!("STATUS:{}", s.as_str()));
    }
    if !e.categories.is_empty() {
        let c: Vec<String> = e.categories.iter().map(|c| escape(c)).collect();
        l.push(format!("CATEGORIES:{}", c.join(",")));
    }
    if let Some(o) = &e.organizer {
        l.push(person_prop("ORGANIZER", o));
    }
    for a in &e.attendees {
        l.push(person_prop("ATTENDEE", a));
    }
    if let Some(s) = &e.raccordo_status {
        l.push(format!("X-RACCORDO-STATUS:{}", escape(s)));
    }
    for a in &e.agenda {
        l.push(format!(
            "X-RACCORDO-AGENDA:{};{};{};{}",
            escape(&a.title),
            escape(&a.presenter),
            a.duration_min.map(|m| m.to_string()).unwrap_or_default(),
            escape(&a.notes)
        ));
    }
    l
}

/// The calendar; see the module contract.
pub fn format_calendar(events: &[IcsEvent]) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        &format!("PRODID:{PRODID}"),
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
    ] {
        push_folded(&mut out, line);
    }
    for line in VTIMEZONE_ROME {
        push_folded(&mut out, line);
    }
    for e in events {
        for line in event_lines(e) {
            push_folded(&mut out, &line);
        }
    }
    push_folded(&mut out, "END:VCALENDAR");
    out
}
