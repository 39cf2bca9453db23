//! The invariant check of the calendar importer (`ics::read`, the write-read round trip and the
//! dry-run import), with its line counting; part of [`super`], whose contract it follows.

use raccordo::interchange::csv_contacts::{self};
use raccordo::interchange::ics::{self, IcsTime, MAX_EVENTS};
use raccordo::Error;

use super::{check_issue, is_decode_error, zones_store};

/// Lines of the input as the readers number them: one more than the line breaks (CRLF, LF or a
/// lone CR each count once).
fn line_count(data: &[u8]) -> usize {
    let mut n = 1;
    let mut i = 0;
    while i < data.len() {
        match data[i] {
            b'\r' if data.get(i + 1) == Some(&b'\n') => {
                n += 1;
                i += 1;
            }
            b'\r' | b'\n' => n += 1,
            _ => {}
        }
        i += 1;
    }
    n
}

fn no_control(s: &str, what: &str) {
    assert!(
        !s.chars().any(char::is_control),
        "{what}: single-line text has no control characters: {s:?}"
    );
    assert_eq!(s.trim(), s, "{what}: trimmed: {s:?}");
}

/// `ics::read`; writing what it read and reading that again; and a dry-run import of the bytes.
pub fn check_ics(data: &[u8]) {
    let read = match ics::read(data) {
        Ok(r) => r,
        Err(e) => {
            assert!(
                is_decode_error(&e) || matches!(e, Error::BadInput { .. }),
                "ics refuses a file only with a decode limit or BadInput, got {e:?}"
            );
            if let Error::BadInput { reason } = &e {
                assert!(!reason.trim().is_empty(), "a refusal explains itself");
            }
            return;
        }
    };
    let lines = line_count(data);
    assert!(read.events_read <= MAX_EVENTS, "event limit enforced");
    assert_eq!(
        read.events.len() + read.rejected.len(),
        read.events_read,
        "each VEVENT gives exactly one event or one rejection"
    );
    assert!(
        read.events.windows(2).all(|w| w[0].line < w[1].line),
        "events in file order, one per BEGIN:VEVENT line"
    );
    for issue in read.rejected.iter().chain(&read.notes) {
        check_issue(issue, lines, "ics");
    }
    for issue in &read.rejected {
        assert!(
            issue.message.contains(&format!("riga {}", issue.line)),
            "a rejection names its line: {issue:?}"
        );
    }
    for e in &read.events {
        assert!(
            e.line >= 1 && e.line as usize <= lines,
            "event line {} within {lines} lines",
            e.line
        );
        match (e.start, e.end) {
            (IcsTime::Date(s), IcsTime::Date(x)) => {
                assert!(x > s, "a day event lasts a day at least")
            }
            (IcsTime::Instant(s), IcsTime::Instant(x)) => assert!(x >= s, "no negative duration"),
            other => panic!("start and end are both days or both instants: {other:?}"),
        }
        assert!(!e.uid.is_empty(), "every event has a UID");
        assert!(
            !e.uid.chars().any(char::is_control),
            "no control characters in a UID"
        );
        for (s, what) in [
            (&e.summary, "summary"),
            (&e.location, "location"),
            (&e.url, "url"),
        ] {
            no_control(s, what);
        }
        for c in &e.categories {
            no_control(c, "category");
            assert!(!c.is_empty(), "no empty category");
        }
        for a in e.attendees.iter().chain(e.organizer.iter()) {
            no_control(&a.name, "attendee name");
            assert!(
                !a.name.is_empty() || a.email.is_some() || e.organizer.as_ref() == Some(a),
                "an attendee has a name or an e-mail"
            );
            for m in a.email.iter().chain(a.delegated_to.iter()) {
                assert!(csv_contacts::is_email(m), "only valid e-mails: {m:?}");
            }
        }
    }

    let written = ics::format_calendar(&read.events);
    assert!(
        written
            .split("\r\n")
            .all(|l| l.len() <= 75 && !l.contains('\n')),
        "our output is folded at 75 octets with CRLF line ends"
    );
    let again =
        ics::read(written.as_bytes()).unwrap_or_else(|e| panic!("our own output reads, got {e:?}"));
    assert!(
        again.rejected.is_empty(),
        "our own output has no rejected event: {:?}",
        again.rejected
    );
    assert_eq!(
        again.events.len(),
        read.events.len(),
        "our own output reads back whole"
    );
    assert_eq!(
        ics::format_calendar(&again.events),
        written,
        "reading what we wrote and writing it again gives the same bytes"
    );

    let report = zones_store()
        .write(|tx| raccordo::meetings::calendar::import_calendar(tx, data, "fuzz.ics", true))
        .unwrap_or_else(|e| panic!("a dry run of a readable file reports, never fails: {e:?}"));
    assert!(
        report.report.dry_run && !report.report.applied,
        "a dry run applies nothing"
    );
    assert_eq!(
        report.report.rows_read as usize, read.events_read,
        "the import counts the file's events"
    );
    for row in &report.rows {
        assert!(
            read.events.iter().any(|e| e.line == row.line),
            "a row is about an event of the file (line {})",
            row.line
        );
        assert_eq!(row.meeting_id, None, "no meeting id after a dry run");
    }
    for issue in &report.report.rejected {
        check_issue(issue, lines, "ics import");
    }
    let left = zones_store()
        .read(|c| {
            raccordo::meetings::count_meetings(c, &raccordo::meetings::MeetingFilter::default())
        })
        .expect("count meetings");
    assert_eq!(left, 0, "a dry run leaves no meeting behind");
}
