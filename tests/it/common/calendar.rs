//! Helpers of the calendar (ICS) tests: fixtures, imports and exports in one call, the
//! independent Python `icalendar` parser.

use std::path::{Path, PathBuf};
use std::process::Command;

use raccordo::meetings::calendar::{
    self, CalendarImportReport, CalendarImportRow, CalendarOutcome, CalendarSelection,
};
use raccordo::meetings::{self, MeetingFilter, MeetingSummary, MeetingView};
use raccordo::Store;

/// Path of a fixture in `tests/fixtures/ics/`.
pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ics")
        .join(name)
}

/// Bytes of a fixture in `tests/fixtures/ics/`.
pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// Imports `bytes` (labelled `file`) in one transaction; panics on a failure of the import
/// itself (rejected events are in the report).
pub fn import(store: &Store, bytes: &[u8], dry_run: bool) -> CalendarImportReport {
    store
        .write(|tx| calendar::import_calendar(tx, bytes, "calendario.ics", dry_run))
        .unwrap_or_else(|e| panic!("the import runs: {e:?}"))
}

/// Imports and asserts that every event was accepted and the import applied.
pub fn import_ok(store: &Store, bytes: &[u8]) -> CalendarImportReport {
    let report = import(store, bytes, false);
    assert!(
        report.report.rejected.is_empty() && report.report.applied,
        "the file imports: {:?}",
        report.report.rejected
    );
    report
}

/// The whole calendar as iCalendar text.
pub fn export_all(store: &Store) -> String {
    store
        .read(|c| {
            calendar::export_calendar(c, &CalendarSelection::Filter(MeetingFilter::default()))
        })
        .expect("export the calendar")
        .text
}

/// Every meeting, by start.
pub fn all_meetings(store: &Store) -> Vec<MeetingSummary> {
    store
        .read(|c| meetings::list_meetings(c, &MeetingFilter::default()))
        .expect("list meetings")
}

/// Every meeting in full, by start.
pub fn all_views(store: &Store) -> Vec<MeetingView> {
    all_meetings(store)
        .into_iter()
        .map(|m| store.read(|c| meetings::meeting(c, m.id)).expect("meeting"))
        .collect()
}

/// The meeting whose title contains `part`.
pub fn by_title(store: &Store, part: &str) -> MeetingView {
    let m = all_meetings(store)
        .into_iter()
        .find(|m| m.title.contains(part))
        .unwrap_or_else(|| panic!("a meeting titled …{part}…"));
    store.read(|c| meetings::meeting(c, m.id)).expect("meeting")
}

/// The report row of the event starting at `line`.
pub fn row(report: &CalendarImportReport, line: u32) -> &CalendarImportRow {
    report
        .rows
        .iter()
        .find(|r| r.line == line)
        .unwrap_or_else(|| panic!("a row for line {line}: {:?}", report.rows))
}

/// How many rows have `outcome`.
pub fn count(report: &CalendarImportReport, outcome: CalendarOutcome) -> usize {
    report.rows.iter().filter(|r| r.outcome == outcome).count()
}

/// The line (1-based) of the first line of `text` that starts with `prefix`.
pub fn line_of(text: &str, prefix: &str) -> u32 {
    text.lines()
        .position(|l| l.starts_with(prefix))
        .map(|i| i as u32 + 1)
        .unwrap_or_else(|| panic!("a line starting with {prefix:?}"))
}

/// What Python's `icalendar` library (Debian `python3-icalendar`, an independent RFC 5545
/// parser) reads from a file: one line per VEVENT with UID, DTSTART in UTC (or the date),
/// RECURRENCE-ID in UTC (or "-"), RRULE (or "-"), EXDATEs in UTC, separated by `|`.
pub fn python_events(path: &Path) -> Vec<String> {
    const SCRIPT: &str = r#"
import sys, datetime
from icalendar import Calendar
def utc(v):
    if v is None:
        return "-"
    d = v.dt
    if isinstance(d, datetime.datetime):
        if d.tzinfo is None:
            return "floating:" + d.isoformat()
        return d.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return "date:" + d.isoformat()
def exdates(c):
    ex = c.get("EXDATE")
    if ex is None:
        return []
    if not isinstance(ex, list):
        ex = [ex]
    out = []
    for e in ex:
        for d in e.dts:
            out.append(utc(d))
    return out
cal = Calendar.from_ical(open(sys.argv[1], "rb").read())
for c in cal.walk("VEVENT"):
    rule = c.get("RRULE")
    print("|".join([str(c.get("UID")), utc(c.get("DTSTART")), utc(c.get("RECURRENCE-ID")),
        rule.to_ical().decode() if rule else "-", ",".join(exdates(c))]))
"#;
    let out = Command::new("/usr/bin/python3")
        .arg("-c")
        .arg(SCRIPT)
        .arg(path)
        .output()
        .expect("run /usr/bin/python3 (install python3-icalendar: scripts/deps.sh test)");
    assert!(
        out.status.success(),
        "Python icalendar must parse {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Ids in the calendar built by [`sample_calendar`].
pub struct Sample {
    pub conferenza: i64,
    pub prefettura: i64,
    pub scadenza: i64,
    /// Cascina's mayor (no e-mail), the delegate of the conferenza's second invitee.
    pub rossi: i64,
}

/// A calendar as a coordinator builds it in Raccordo (on the Zona Pisana of
/// [`super::meetings::pisana`]): a Conferenza zonale with a person, a vacant office, a typed
/// guest, attendance with a delegate, an agenda and markup-like text; a held Tavolo in
/// Prefettura; a monthly series with one occurrence deleted, one moved and retitled, one
/// postponed; an all-day deadline.
pub fn sample_calendar(store: &Store) -> Sample {
    use raccordo::meetings::{
        AgendaItemInput, Attendance, AttendanceInput, InvitationInput, MeetingKind, MeetingStatus,
    };

    use super::meetings::{at, input, pisana, zone_scope};
    let (zone, [conti, betti, rossi]) = pisana(store);
    let san_giuliano = super::contacts::comune_org(store, "050031");
    let mut conf = input(
        MeetingKind::ConferenzaZonale,
        "Conferenza zonale dei sindaci – Zona Pisana",
        at(2027, 3, 25, 10, 0),
    );
    conf.scope = zone_scope(zone);
    conf.place = "Sala consiliare, Palazzo Gambacorti; Pisa".into();
    conf.link = "https://meet.example.org/conferenza-pisana?x=1,2".into();
    conf.status = MeetingStatus::Confirmed;
    conf.organiser = "Coordinamento SAI <coordinamento.sai@ancitoscana.it>".into();
    conf.description =
        "Convocazione: città, perché, è.\n<b>non è markup</b> =SUM(A1:A9) \\ fine".into();
    conf.invitations = vec![
        InvitationInput {
            person_id: Some(conti),
            ..Default::default()
        },
        InvitationInput {
            person_id: Some(betti),
            ..Default::default()
        },
        InvitationInput {
            person_id: None,
            organisation_id: Some(san_giuliano),
            title: "Sindaco".into(),
        },
        InvitationInput {
            title: "Giulia Neri <giulia.neri@example.org>".into(),
            ..Default::default()
        },
    ];
    conf.agenda = vec![
        AgendaItemInput {
            title: "Approvazione del verbale".into(),
            presenter: "Michele Conti".into(),
            duration_min: Some(15),
            notes: String::new(),
        },
        AgendaItemInput {
            title: "Posti SAI: ordinari, DM-DS; MSNA".into(),
            presenter: String::new(),
            duration_min: None,
            notes: "Dati al 31/12.\nSeconda riga".into(),
        },
    ];
    let conf = store
        .write(|tx| meetings::create_meeting(tx, &conf))
        .expect("create the conferenza");
    let attend = |inv: usize, attendance: Attendance, delegate: Option<i64>| {
        let input = AttendanceInput {
            attendance,
            delegate_person_id: delegate,
            delegate_name: String::new(),
            note: String::new(),
        };
        store
            .write(|tx| meetings::set_attendance(tx, conf.invitations[inv].id, &input))
            .expect("attendance");
    };
    attend(0, Attendance::Present, None);
    attend(1, Attendance::Delegated, Some(rossi));

    let mut pref = input(
        MeetingKind::Prefettura,
        "Tavolo in Prefettura – accoglienza diffusa",
        at(2027, 4, 1, 15, 0),
    );
    pref.status = MeetingStatus::Held;
    let pref = store
        .write(|tx| meetings::create_meeting(tx, &pref))
        .expect("create the tavolo");

    let mut dir = input(
        MeetingKind::DirettoriSds,
        "Incontro Direttori SdS",
        at(2027, 1, 12, 10, 0),
    );
    dir.recurrence = Some("FREQ=MONTHLY;BYDAY=2TU;COUNT=6".into());
    dir.place = "SdS Pisana".into();
    let first = store
        .write(|tx| meetings::create_meeting(tx, &dir))
        .expect("create the series");
    let series = store
        .read(|c| meetings::series_info(c, first.summary.series_id.expect("a series")))
        .expect("series info");
    let occ = |i: usize| series.occurrences[i].0;
    store
        .write(|tx| meetings::delete_meeting(tx, occ(1)))
        .expect("delete February");
    let mut april = store
        .read(|c| meetings::meeting(c, occ(3)))
        .map(|m| meetings::input_of(&m))
        .expect("april");
    april.start = at(2027, 4, 14, 15, 0);
    april.end = at(2027, 4, 14, 17, 0);
    april.title = "Incontro Direttori SdS – spostato per Pasquetta".into();
    store
        .write(|tx| meetings::update_meeting(tx, occ(3), &april))
        .expect("move April");
    store
        .write(|tx| meetings::set_status(tx, occ(4), MeetingStatus::Postponed, "sciopero"))
        .expect("postpone May");

    let mut scad = input(
        MeetingKind::Altro,
        "Scadenza domande di prosecuzione SAI",
        at(2027, 4, 15, 0, 0),
    );
    scad.all_day = true;
    scad.end = at(2027, 4, 16, 0, 0);
    let scad = store
        .write(|tx| meetings::create_meeting(tx, &scad))
        .expect("create the deadline");
    Sample {
        conferenza: conf.summary.id,
        prefettura: pref.summary.id,
        scadenza: scad.summary.id,
        rossi,
    }
}
