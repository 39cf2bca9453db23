//! Calendar export from the database: selections that take whole series, files written
//! atomically with an audit row, and the name the save dialog proposes.

use crate::common;

use common::calendar::*;
use common::meetings::at;
use common::TempDb;
use raccordo::meetings::calendar::{self, CalendarSelection};
use raccordo::meetings::{self, MeetingFilter};
use raccordo::Error;

use super::audit_actions;

#[test]
fn selections_export_whole_series_and_files_are_written_atomically_with_audit() {
    let db = TempDb::new();
    let store = db.open();
    let s = sample_calendar(&store);
    let march = MeetingFilter {
        from: Some(common::date(2027, 3, 1)),
        to: Some(common::date(2027, 3, 31)),
        ..MeetingFilter::default()
    };
    let export = store
        .read(|c| calendar::export_calendar(c, &CalendarSelection::Filter(march)))
        .expect("export March");
    assert!(
        export.text.contains("Conferenza zonale") && !export.text.contains("Tavolo in Prefettura"),
        "only March meetings"
    );
    assert!(
        export.text.contains("RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=6"),
        "the March occurrence brings its whole series"
    );
    assert_eq!(export.meetings, 6, "the conferenza and five occurrences");
    let one = store
        .read(|c| calendar::export_calendar(c, &CalendarSelection::Ids(vec![s.scadenza])))
        .expect("export one");
    assert_eq!((one.events, one.meetings), (1, 1), "one meeting by id");
    let missing = store.read(|c| calendar::export_calendar(c, &CalendarSelection::Ids(vec![9999])));
    assert!(
        matches!(missing, Err(Error::NotFound { .. })),
        "an unknown id is an error: {missing:?}"
    );

    let path = db.sibling("incontri.ics");
    std::fs::write(&path, b"vecchio contenuto").expect("previous file");
    let all = CalendarSelection::Filter(MeetingFilter::default());
    let outcome = calendar::export_and_record(&store, &path, &all).expect("export to file");
    assert_eq!(outcome.file_name, "incontri.ics", "file name reported");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read back"),
        export_all(&store),
        "the file is the export"
    );
    assert!(
        !db.files().iter().any(|f| f.ends_with(".tmp")),
        "no temporary file left: {:?}",
        db.files()
    );
    assert!(
        audit_actions(&store).contains(&("export".to_owned(), "meeting".to_owned())),
        "the export is in the audit log"
    );
    let report = store
        .write(|tx| calendar::import_file(tx, &path, false))
        .expect("import the file");
    assert_eq!(
        report.report.file, "incontri.ics",
        "the report names the file"
    );
    assert!(
        audit_actions(&store).contains(&("import".to_owned(), "meeting".to_owned())),
        "the import is in the audit log"
    );
}

#[test]
fn the_save_dialog_proposes_a_safe_name_from_the_period_or_the_meeting() {
    let db = TempDb::new();
    let store = db.open();
    let s = sample_calendar(&store);
    let name = |sel: CalendarSelection| {
        store
            .read(|c| calendar::default_file_name(c, &sel))
            .expect("a default name")
    };
    let period = |from: Option<(i32, u32, u32)>, to: Option<(i32, u32, u32)>| {
        name(CalendarSelection::Filter(MeetingFilter {
            from: from.map(|(y, m, d)| common::date(y, m, d)),
            to: to.map(|(y, m, d)| common::date(y, m, d)),
            text: "ignored in the name".into(),
            ..MeetingFilter::default()
        }))
    };
    assert_eq!(
        period(None, None),
        "calendario-raccordo.ics",
        "the whole calendar"
    );
    assert_eq!(
        period(Some((2027, 3, 1)), Some((2027, 3, 31))),
        "calendario-marzo-2027.ics",
        "a whole month is named by the month"
    );
    assert_eq!(
        period(Some((2028, 2, 1)), Some((2028, 2, 29))),
        "calendario-febbraio-2028.ics",
        "a leap February is a whole month"
    );
    assert_eq!(
        period(Some((2026, 12, 1)), Some((2026, 12, 31))),
        "calendario-dicembre-2026.ics",
        "December ends the year"
    );
    assert_eq!(
        period(Some((2027, 3, 22)), Some((2027, 3, 28))),
        "calendario-22-03-2027-28-03-2027.ics",
        "a week gives its first and last day, gg-mm-aaaa"
    );
    assert_eq!(
        period(Some((2027, 3, 25)), Some((2027, 3, 25))),
        "calendario-25-03-2027.ics",
        "one day"
    );
    assert_eq!(
        period(Some((2027, 3, 25)), None),
        "calendario-dal-25-03-2027.ics",
        "open end"
    );
    assert_eq!(
        name(CalendarSelection::Ids(vec![s.conferenza])),
        "Conferenza-zonale-dei-sindaci-–-Zona-Pisana-25-03-2027.ics",
        "one meeting: its title and date, made safe"
    );
    assert_eq!(
        name(CalendarSelection::Ids(vec![s.conferenza, s.prefettura])),
        "incontri-raccordo.ics",
        "several meetings"
    );
    let hostile = common::meetings::input(
        meetings::MeetingKind::Altro,
        "../../etc/passwd: <script>?",
        at(2027, 5, 2, 9, 0),
    );
    let hostile = store
        .write(|tx| meetings::create_meeting(tx, &hostile))
        .expect("create");
    assert_eq!(
        name(CalendarSelection::Ids(vec![hostile.summary.id])),
        "etc-passwd-script-02-05-2027.ics",
        "a hostile title never leaves the folder nor keeps reserved characters"
    );
    let missing =
        store.read(|c| calendar::default_file_name(c, &CalendarSelection::Ids(vec![9999])));
    assert!(
        matches!(missing, Err(Error::NotFound { .. })),
        "an unknown meeting is an error: {missing:?}"
    );
    let json = serde_json::to_string(&CalendarSelection::Ids(vec![3])).expect("serialise");
    assert_eq!(json, r#"{"ids":[3]}"#, "the selection's IPC shape");
    let back: CalendarSelection =
        serde_json::from_str(r#"{"filter":{"from":"2027-03-01","to":null,"kinds":[],"asl":null,"zone_id":null,"statuses":[],"text":"","limit":null,"offset":null}}"#)
            .expect("the page's filter selection parses");
    assert!(
        matches!(back, CalendarSelection::Filter(ref f) if f.from == Some(common::date(2027, 3, 1))),
        "filter selection from the page: {back:?}"
    );
}
