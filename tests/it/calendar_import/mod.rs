//! Calendar import and export against the database: round trips, re-imports that update in
//! place, dry runs, all-or-nothing, selections, audit rows. Selections, atomic writes and the
//! save dialog's name are in [`export`].

mod export;

use crate::common;

use common::calendar::*;
use common::meetings::{at, pisana};
use common::TempDb;
use raccordo::audit;
use raccordo::meetings::calendar::CalendarOutcome;
use raccordo::meetings::{self, Attendance, MeetingStatus};
use raccordo::Store;

/// The export without the lines that say when and how often a meeting changed, nor the
/// attendance (which an import does not carry): what "the same meetings" means across databases.
fn content(text: &str) -> String {
    let unfolded = text.replace("\r\n ", "");
    unfolded
        .split("\r\n")
        .filter(|l| {
            !["DTSTAMP:", "LAST-MODIFIED:", "CREATED:", "SEQUENCE:"]
                .iter()
                .any(|p| l.starts_with(p))
        })
        .map(|l| {
            let mut out = l.to_owned();
            for p in ["ACCEPTED", "DECLINED", "DELEGATED", "NEEDS-ACTION"] {
                out = out.replace(&format!(";PARTSTAT={p}"), "");
            }
            out
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn audit_actions(store: &Store) -> Vec<(String, String)> {
    store
        .read(|c| audit::recent(c, 1000))
        .expect("audit")
        .into_iter()
        .map(|e| (e.action, e.entity))
        .collect()
}

#[test]
fn our_own_export_imports_as_unchanged_and_exports_byte_identical() {
    let db = TempDb::new();
    let store = db.open();
    sample_calendar(&store);
    let before = all_views(&store);
    let first = export_all(&store);
    assert_eq!(first, export_all(&store), "stable export");
    let audit_before = audit_actions(&store).len();
    let report = import_ok(&store, first.as_bytes());
    assert_eq!(
        report.rows.len(),
        count(&report, CalendarOutcome::Unchanged),
        "every event unchanged: {:?}",
        report.rows
    );
    assert_eq!(
        (
            report.meetings_created,
            report.meetings_updated,
            report.meetings_deleted
        ),
        (0, 0, 0),
        "no meeting written"
    );
    assert_eq!(
        all_views(&store),
        before,
        "meetings, sequences, attendance and history untouched"
    );
    assert_eq!(
        audit_actions(&store).len(),
        audit_before + 1,
        "only the import itself is recorded"
    );
    assert_eq!(
        export_all(&store),
        first,
        "the next export is the same bytes"
    );
    let overrides = first.matches("RECURRENCE-ID").count();
    assert_eq!(
        overrides, 2,
        "the moved April and the postponed May occurrences are overrides, the rest follow the \
         rule:\n{first}"
    );
}

#[test]
fn our_export_imported_into_an_empty_database_gives_the_same_meetings() {
    let one = TempDb::new();
    let source = one.open();
    sample_calendar(&source);
    let text = export_all(&source);
    let two = TempDb::new();
    let target = two.open();
    let (_, [conti, ..]) = pisana(&target);
    let report = import_ok(&target, text.as_bytes());
    assert_eq!(
        report.created as usize,
        report.rows.len(),
        "everything is new there: {:?}",
        report.rows
    );
    let a = all_meetings(&source);
    let b = all_meetings(&target);
    let key = |m: &meetings::MeetingSummary| {
        (
            m.uid.clone(),
            m.kind,
            m.title.clone(),
            m.starts_at,
            m.ends_at,
            m.all_day,
            m.place.clone(),
            m.status,
        )
    };
    assert_eq!(
        b.iter().map(key).collect::<Vec<_>>(),
        a.iter().map(key).collect::<Vec<_>>(),
        "same UIDs, kinds, titles, instants, places and statuses"
    );
    let conf = by_title(&target, "Conferenza zonale");
    let orig = by_title(&source, "Conferenza zonale");
    assert_eq!(
        (
            &conf.link,
            &conf.organiser,
            &conf.description,
            &conf.agenda.len()
        ),
        (
            &orig.link,
            &orig.organiser,
            &orig.description,
            &orig.agenda.len()
        ),
        "link, organiser, description and agenda travel"
    );
    assert_eq!(
        conf.invitations[0].person_id,
        Some(conti),
        "the mayor is found by e-mail in the other directory"
    );
    assert_eq!(
        conf.invitations
            .iter()
            .map(|i| i.title.as_str())
            .collect::<Vec<_>>(),
        vec![
            "",
            "Michelangelo Betti",
            "Sindaco — Comune di San Giuliano Terme",
            "Giulia Neri <giulia.neri@example.org>"
        ],
        "people without e-mail there are invited by name"
    );
    assert_eq!(
        content(&export_all(&target)),
        content(&text),
        "both databases export the same calendar"
    );
}

#[test]
fn a_file_changed_in_another_program_updates_in_place_and_keeps_attendance() {
    let db = TempDb::new();
    let store = db.open();
    let s = sample_calendar(&store);
    let n_before = all_meetings(&store).len();
    let conf_before = store
        .read(|c| meetings::meeting(c, s.conferenza))
        .expect("conferenza");
    let text = export_all(&store).replace("\r\n ", "");
    let june = "EXDATE;TZID=Europe/Rome:20270209T100000\r\n";
    assert!(text.contains(june), "the series has its February EXDATE");
    let changed = text
        .replace(
            "SUMMARY:Conferenza zonale dei sindaci – Zona Pisana",
            "SUMMARY:Conferenza zonale dei sindaci – Zona Pisana (rinviata alle 11)",
        )
        .replace(
            "ATTENDEE;CN=Giulia Neri;PARTSTAT=NEEDS-ACTION:mailto:giulia.neri@example.org\r\n",
            "",
        )
        .replace(
            june,
            &format!("{june}EXDATE;TZID=Europe/Rome:20270608T100000\r\n"),
        )
        .replace(
            "SUMMARY:Tavolo in Prefettura – accoglienza diffusa\r\nSTATUS:CONFIRMED",
            "SUMMARY:Tavolo in Prefettura – accoglienza diffusa\r\nSTATUS:CANCELLED",
        );
    let report = import_ok(&store, changed.as_bytes());
    assert_eq!(
        (report.created, report.updated),
        (0, 3),
        "three events updated, none created: {:?}",
        report.rows
    );
    assert_eq!(report.meetings_deleted, 1, "June leaves the series");
    assert_eq!(
        all_meetings(&store).len(),
        n_before - 1,
        "no duplicates; one occurrence fewer"
    );
    let conf = store
        .read(|c| meetings::meeting(c, s.conferenza))
        .expect("same id");
    assert!(
        conf.summary.title.ends_with("(rinviata alle 11)"),
        "title updated in place"
    );
    assert!(conf.sequence > conf_before.sequence, "SEQUENCE grows");
    assert_eq!(
        conf.invitations.len(),
        conf_before.invitations.len() - 1,
        "the removed attendee is no longer invited"
    );
    assert_eq!(
        (
            conf.invitations[0].attendance,
            conf.invitations[1].attendance
        ),
        (Attendance::Present, Attendance::Delegated),
        "attendance of the invitations that stay is kept"
    );
    assert_eq!(
        conf.invitations[1].delegate_person_id,
        Some(s.rossi),
        "and the delegate"
    );
    let pref = store
        .read(|c| meetings::meeting(c, s.prefettura))
        .expect("prefettura");
    assert_eq!(
        pref.summary.status,
        MeetingStatus::Cancelled,
        "cancelled elsewhere wins over X-RACCORDO-STATUS"
    );
    assert_eq!(
        pref.history.last().map(|h| h.status),
        Some(MeetingStatus::Cancelled),
        "and is in the status history"
    );
    let again = import_ok(&store, changed.as_bytes());
    assert_eq!(
        count(&again, CalendarOutcome::Unchanged),
        again.rows.len(),
        "the same file again changes nothing: {:?}",
        again.rows
    );
}

#[test]
fn a_dry_run_reports_what_would_happen_and_writes_nothing() {
    let db = TempDb::new();
    let store = db.open();
    let audit_before = audit_actions(&store);
    let report = import(&store, &fixture("thunderbird.ics"), true);
    assert!(
        report.report.dry_run && !report.report.applied,
        "a dry run applies nothing"
    );
    assert_eq!(report.created, 5, "but says what it would create");
    assert!(
        report.rows.iter().all(|r| r.meeting_id.is_none()),
        "no meeting ids that do not exist"
    );
    assert!(all_meetings(&store).is_empty(), "no meeting written");
    assert_eq!(audit_actions(&store), audit_before, "no audit row");
}

#[test]
fn a_rejected_event_blocks_the_file_but_skipped_ones_do_not() {
    let db = TempDb::new();
    let store = db.open();
    let event = |uid: &str, summary: &str, start: &str, end: &str| {
        format!("BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{summary}\r\nDTSTART;VALUE=DATE:{start}\r\nDTEND;VALUE=DATE:{end}\r\nEND:VEVENT\r\n")
    };
    let long_title = "x".repeat(300);
    let file = format!(
        "BEGIN:VCALENDAR\r\n{}{}END:VCALENDAR\r\n",
        event("ok", "Giornata di formazione", "20270310", "20270311"),
        event("long", &long_title, "20270312", "20270313"),
    );
    let report = import(&store, file.as_bytes(), false);
    assert!(!report.report.applied, "one rejected event blocks the file");
    let issue = &report.report.rejected[0];
    assert!(
        issue.line == 8 && issue.message.contains("riga 8") && issue.message.contains("200"),
        "the rejection names the event's line and the limit: {issue:?}"
    );
    assert!(
        issue.message.chars().count() < 200,
        "the message quotes the title shortened: {}",
        issue.message
    );
    assert!(all_meetings(&store).is_empty(), "nothing written");

    let file = format!(
        "BEGIN:VCALENDAR\r\n{}{}END:VCALENDAR\r\n",
        event("ok", "Giornata di formazione", "20270310", "20270311"),
        event("ferie", "Ferie estive", "20270801", "20270905"),
    );
    let report = import_ok(&store, file.as_bytes());
    assert_eq!(
        (report.created, report.skipped),
        (1, 1),
        "a 31-day-plus event is skipped with a reason, the rest applied: {:?}",
        report.rows
    );
    assert!(
        row(&report, 8).message.contains("31 giorni"),
        "the reason is given"
    );
}

#[test]
fn a_uid_can_turn_from_single_to_series_and_overrides_find_their_series() {
    let db = TempDb::new();
    let store = db.open();
    let cal = |body: &str| format!("BEGIN:VCALENDAR\r\n{body}END:VCALENDAR\r\n");
    let single = "BEGIN:VEVENT\r\nUID:u1\r\nSUMMARY:Tavolo\r\nDTSTART;TZID=Europe/Rome:20270301T100000\r\nDTEND;TZID=Europe/Rome:20270301T110000\r\nEND:VEVENT\r\n";
    import_ok(&store, cal(single).as_bytes());
    let weekly = single.replace(
        "SUMMARY:Tavolo\r\n",
        "SUMMARY:Tavolo\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\n",
    );
    let report = import_ok(&store, cal(&weekly).as_bytes());
    assert_eq!(
        (
            report.updated,
            report.meetings_deleted,
            report.meetings_created
        ),
        (1, 1, 4),
        "the single meeting becomes a series of four: {:?}",
        report.rows
    );
    assert_eq!(all_meetings(&store).len(), 4, "no leftover single meeting");

    let moved = "BEGIN:VEVENT\r\nUID:u1\r\nRECURRENCE-ID;TZID=Europe/Rome:20270308T100000\r\nSUMMARY:Tavolo spostato\r\nDTSTART;TZID=Europe/Rome:20270309T100000\r\nDTEND;TZID=Europe/Rome:20270309T110000\r\nEND:VEVENT\r\n";
    let report = import_ok(&store, cal(moved).as_bytes());
    assert_eq!(
        report.updated, 1,
        "an override alone updates its occurrence: {:?}",
        report.rows
    );
    let m = by_title(&store, "spostato");
    assert_eq!(m.summary.start, at(2027, 3, 9, 10, 0), "moved");
    let orphan = moved.replace("UID:u1", "UID:nessuno");
    let report = import_ok(&store, cal(&orphan).as_bytes());
    assert_eq!(
        report.skipped, 1,
        "an override of an unknown series is skipped"
    );
    let report = import_ok(&store, cal(single).as_bytes());
    assert_eq!(report.meetings_deleted, 4, "and back to a single meeting");
    assert_eq!(all_meetings(&store).len(), 1, "one meeting");
}

#[test]
fn a_link_only_meeting_and_a_series_moved_to_another_hour_keep_what_raccordo_knows() {
    use common::meetings::input;
    use raccordo::meetings::{AttendanceInput, InvitationInput, MeetingKind};
    let db = TempDb::new();
    let store = db.open();
    let (_, [conti, ..]) = pisana(&store);
    let mut online = input(MeetingKind::Altro, "Riunione online", at(2027, 3, 2, 10, 0));
    online.link = "https://meet.example.org/sai".into();
    store
        .write(|tx| meetings::create_meeting(tx, &online))
        .expect("online meeting");
    let mut weekly = input(
        MeetingKind::DirettoriSds,
        "Settimanale",
        at(2027, 3, 1, 10, 0),
    );
    weekly.recurrence = Some("FREQ=WEEKLY;COUNT=3".into());
    weekly.invitations = vec![InvitationInput {
        person_id: Some(conti),
        ..Default::default()
    }];
    let first = store
        .write(|tx| meetings::create_meeting(tx, &weekly))
        .expect("series");
    let present = AttendanceInput {
        attendance: Attendance::Present,
        delegate_person_id: None,
        delegate_name: String::new(),
        note: String::new(),
    };
    store
        .write(|tx| meetings::set_attendance(tx, first.invitations[0].id, &present))
        .expect("attendance");
    let ids_before: Vec<i64> = all_meetings(&store)
        .iter()
        .filter(|m| m.series_id.is_some())
        .map(|m| m.id)
        .collect();

    let text = export_all(&store);
    assert!(
        text.contains("LOCATION:https://meet.example.org/sai\r\nURL:https://meet.example.org/sai"),
        "without a place the link is the LOCATION too:\n{text}"
    );
    let again = import_ok(&store, text.as_bytes());
    assert_eq!(
        count(&again, CalendarOutcome::Unchanged),
        again.rows.len(),
        "a link-only meeting re-imports unchanged (no place made up from the link): {:?}",
        again.rows
    );

    // As Thunderbird does when the whole series moves: DTSTART, DTEND and the RECURRENCE-ID of
    // the override (the first occurrence differs by its attendance).
    assert!(
        text.contains("RECURRENCE-ID;TZID=Europe/Rome:20270301T100000"),
        "the first occurrence is an override:\n{text}"
    );
    let moved = text
        .replace(
            "DTSTART;TZID=Europe/Rome:20270301T100000",
            "DTSTART;TZID=Europe/Rome:20270301T093000",
        )
        .replace(
            "RECURRENCE-ID;TZID=Europe/Rome:20270301T100000",
            "RECURRENCE-ID;TZID=Europe/Rome:20270301T093000",
        )
        .replace(
            "DTEND;TZID=Europe/Rome:20270301T120000",
            "DTEND;TZID=Europe/Rome:20270301T113000",
        );
    let report = import_ok(&store, moved.as_bytes());
    assert_eq!(
        (
            report.skipped,
            report.meetings_created,
            report.meetings_deleted
        ),
        (0, 0, 0),
        "the occurrences are moved, not recreated: {:?}",
        report.rows
    );
    let after: Vec<_> = all_meetings(&store)
        .into_iter()
        .filter(|m| m.series_id.is_some())
        .collect();
    assert_eq!(
        after.iter().map(|m| m.id).collect::<Vec<_>>(),
        ids_before,
        "same meetings"
    );
    assert!(
        after
            .iter()
            .all(|m| m.start.format("%H:%M").to_string() == "09:30"),
        "all at 09:30 now"
    );
    let first_now = store
        .read(|c| meetings::meeting(c, ids_before[0]))
        .expect("first occurrence");
    assert_eq!(
        first_now.invitations[0].attendance,
        Attendance::Present,
        "attendance stays with the moved occurrence"
    );
    assert_eq!(
        first_now.recurrence_id.map(|r| r.to_rfc3339()),
        Some("2027-03-01T08:30:00+00:00".to_owned()),
        "its original start follows the rule"
    );
    let stable = import_ok(&store, moved.as_bytes());
    assert_eq!(
        count(&stable, CalendarOutcome::Unchanged),
        stable.rows.len(),
        "and the moved file again changes nothing: {:?}",
        stable.rows
    );
}
