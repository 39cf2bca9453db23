//! `demo` meetings: every kind with its proper scope, invitations proposed on the meeting date,
//! attendance with delegates and absences, statuses consistent with the date, the monthly
//! directors' series with its exceptions, the Sindaco di Pisa, determinism and refusals.

use crate::common;

use std::collections::BTreeSet;

use common::dump::table_rows;
use common::meetings::{at, input};
use common::{date, TempDb};
use raccordo::meetings::{
    self as m, Attendance, MeetingFilter, MeetingKind, MeetingStatus, MeetingSummary, ScopeKind,
};
use raccordo::{demo, Error, Store};

/// The anchor ("today") of the demo in these tests.
fn today() -> chrono::NaiveDate {
    date(2026, 11, 26)
}

fn demo_store(db: &TempDb) -> Store {
    let store = db.open();
    let report = store
        .write(|tx| demo::generate_on(tx, 1, today()))
        .expect("demo at scale 1");
    assert_eq!(report.meetings, 1000, "1,000 meetings per unit of scale");
    assert_eq!(report.series, 3, "one directors' series per ASL");
    store
}

fn all(store: &Store) -> Vec<MeetingSummary> {
    store
        .read(|c| m::list_meetings(c, &MeetingFilter::default()))
        .expect("list")
}

#[test]
fn every_kind_with_its_scope_statuses_by_date_agenda_and_label() {
    let db = TempDb::new();
    let store = demo_store(&db);
    let list = all(&store);
    assert_eq!(list.len(), 1000, "every meeting is listed");
    let kinds: BTreeSet<MeetingKind> = list.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds.len(),
        MeetingKind::ALL.len(),
        "every kind of meeting: {kinds:?}"
    );
    for s in &list {
        assert_eq!(
            s.scope_kind,
            s.kind.default_scope(),
            "{} has the scope of its kind",
            s.title
        );
    }
    let first = at(2025, 11, 26, 0, 0);
    let last = at(2027, 11, 27, 0, 0);
    assert!(
        list.iter().all(|s| s.start >= first && s.start < last),
        "two years around today"
    );
    let now = at(2026, 11, 26, 8, 0);
    for s in &list {
        let ok = if s.end <= now {
            matches!(
                s.status,
                MeetingStatus::Held | MeetingStatus::Cancelled | MeetingStatus::Postponed
            )
        } else {
            s.status != MeetingStatus::Held
        };
        assert!(ok, "{} on {} cannot be {:?}", s.title, s.start, s.status);
    }
    let count = |st: MeetingStatus| list.iter().filter(|s| s.status == st).count();
    assert!(
        count(MeetingStatus::Held) > 300 && count(MeetingStatus::Planned) > 300,
        "mostly held in the past, planned in the future"
    );
    for st in [
        MeetingStatus::Confirmed,
        MeetingStatus::Postponed,
        MeetingStatus::Cancelled,
    ] {
        assert!(count(st) > 0, "some meetings are {st:?}");
    }
    let sample = store.read(|c| m::meeting(c, list[0].id)).expect("show");
    assert!(
        sample.summary.uid.ends_with(demo::MEETING_UID_SUFFIX)
            && sample.description.contains("dati sintetici"),
        "demo meetings are labelled synthetic: {:?}",
        sample.description
    );
    assert!(!sample.agenda.is_empty(), "agenda items are written");
    assert!(
        sample.history.len() >= 2 && sample.history[0].status == MeetingStatus::Planned,
        "a dated status history starting from «in programma»"
    );
}

#[test]
fn invitations_are_the_offices_proposed_on_the_meeting_date_with_attendance() {
    let db = TempDb::new();
    let store = demo_store(&db);
    let list = all(&store);
    let mut checked = BTreeSet::new();
    let (mut by_person, mut by_name, mut absent, mut excused) = (0, 0, 0, 0);
    for s in list.iter().filter(|s| s.status == MeetingStatus::Held) {
        let v = store.read(|c| m::meeting(c, s.id)).expect("meeting");
        if checked.insert(s.kind) && s.kind != MeetingKind::Altro {
            let proposed = store
                .read(|c| m::propose_invitees(c, s.kind, &v.scope.scope, s.start.date()))
                .expect("proposal");
            let want: BTreeSet<Option<i64>> = proposed.iter().map(|p| p.person_id).collect();
            let got: BTreeSet<Option<i64>> = v
                .invitations
                .iter()
                .filter(|i| i.title != "Assessore al sociale")
                .map(|i| i.person_id)
                .collect();
            assert!(!want.is_empty(), "{:?} proposes someone", s.kind);
            assert_eq!(got, want, "{} invites the offices proposed", s.title);
        }
        for i in &v.invitations {
            match (i.attendance, i.delegate_person_id) {
                (Attendance::Delegated, Some(_)) => by_person += 1,
                (Attendance::Delegated, None) => {
                    assert!(!i.delegate_name.is_empty(), "a delegate has a name");
                    by_name += 1;
                }
                (Attendance::Absent, _) => absent += 1,
                (Attendance::Excused, _) => excused += 1,
                _ => {}
            }
        }
    }
    assert!(
        checked.len() >= 8,
        "every kind was compared with its proposal: {checked:?}"
    );
    assert!(
        by_person > 0 && by_name > 0,
        "delegations to directory people ({by_person}) and to typed names ({by_name})"
    );
    assert!(absent > 0 && excused > 0, "absences are recorded");
    let regional = list
        .iter()
        .find(|s| s.kind == MeetingKind::ConferenzaRegionale)
        .expect("a regional conference");
    assert_eq!(
        regional.invited, 28,
        "the regional conference invites the 28 presidents of the zone conferences"
    );
    let future = list
        .iter()
        .find(|s| s.status == MeetingStatus::Planned)
        .expect("a planned meeting");
    let v = store.read(|c| m::meeting(c, future.id)).expect("meeting");
    assert!(
        v.invitations
            .iter()
            .all(|i| i.attendance == Attendance::Invited),
        "nobody has attended a meeting that has not happened"
    );
}

#[test]
fn directors_series_has_exceptions_and_pisa_meets_its_mayor() {
    let db = TempDb::new();
    let store = demo_store(&db);
    let series: BTreeSet<i64> = all(&store).iter().filter_map(|s| s.series_id).collect();
    assert_eq!(series.len(), 3, "one series per ASL");
    for id in series {
        let info = store.read(|c| m::series_info(c, id)).expect("series");
        assert!(
            info.rrule.contains("FREQ=MONTHLY"),
            "monthly: {}",
            info.rrule
        );
        assert_eq!(info.exdates.len(), 2, "the two Augusts are removed");
        assert_eq!(info.occurrences.len(), 22, "24 months less the exceptions");
        let moved = info
            .occurrences
            .iter()
            .filter(|(mid, original)| {
                let v = store.read(|c| m::meeting(c, *mid)).expect("occurrence");
                v.summary.starts_at != *original
            })
            .count();
        assert_eq!(moved, 1, "one occurrence was moved (an exception)");
    }
    let pisa = store
        .read(|c| m::comune_meetings(c, "050026"))
        .expect("Pisa's meetings");
    let with_mayor: Vec<&MeetingSummary> = pisa
        .iter()
        .filter(|s| s.kind == MeetingKind::IncontroSindaco && s.scope_label == "Pisa")
        .collect();
    assert!(
        with_mayor.iter().any(|s| s.start < at(2026, 11, 26, 0, 0))
            && with_mayor.iter().any(|s| s.start > at(2026, 11, 27, 0, 0)),
        "the Sindaco di Pisa is met before and after today: {with_mayor:?}"
    );
    let scopes: BTreeSet<ScopeKind> = pisa.iter().map(|s| s.scope_kind).collect();
    assert!(
        scopes.len() >= 5,
        "Pisa is concerned by meetings of its zone, ASL, province, the region and its own: \
         {scopes:?}"
    );
    // Pisa, Firenze, and Bagnone (member of a demo Unione): the same meetings as a plain query.
    for code in ["050026", "048017", "045002"] {
        let got: Vec<i64> = store
            .read(|c| m::comune_meetings(c, code))
            .expect("comune meetings")
            .iter()
            .map(|s| s.id)
            .collect();
        assert!(!got.is_empty(), "{code} has meetings");
        assert_eq!(got, concerning(&store, code), "meetings of {code}");
    }
}

/// The meetings concerning a comune, in one plain query (independent of the core's).
fn concerning(store: &Store, code: &str) -> Vec<i64> {
    store
        .read(|c| {
            let mut stmt = c.prepare(
                "SELECT m.id FROM meeting m JOIN comune k ON k.istat_code = ?1
                 WHERE m.scope_kind = 'region'
                    OR (m.scope_kind = 'asl' AND m.scope_asl = k.asl_code)
                    OR (m.scope_kind = 'province' AND m.scope_province = k.province_code)
                    OR EXISTS (SELECT 1 FROM meeting_comune mc
                               WHERE mc.meeting_id = m.id AND mc.istat_code = ?1)
                    OR EXISTS (SELECT 1 FROM comune_zone cz WHERE m.scope_kind = 'zone'
                               AND cz.zone_id = m.scope_zone_id AND cz.istat_code = ?1
                               AND cz.valid_from <= substr(m.starts_at, 1, 10)
                               AND coalesce(cz.valid_to, '9999-12-31') >= substr(m.starts_at, 1, 10))
                    OR EXISTS (SELECT 1 FROM unione_member um WHERE m.scope_kind = 'unione'
                               AND um.org_id = m.scope_org_id AND um.istat_code = ?1
                               AND um.valid_from <= substr(m.starts_at, 1, 10)
                               AND coalesce(um.valid_to, '9999-12-31') >= substr(m.starts_at, 1, 10))
                    OR EXISTS (SELECT 1 FROM meeting_invitation i JOIN organisation o
                               ON o.id = i.organisation_id
                               WHERE i.meeting_id = m.id AND o.istat_code = ?1)
                 ORDER BY m.starts_at DESC, m.id DESC",
            )?;
            let ids = stmt.query_map([code], |r| r.get(0))?;
            Ok(ids.collect::<rusqlite::Result<Vec<i64>>>()?)
        })
        .expect("plain query")
}

/// Every meeting row with its children (ids included).
fn dump(store: &Store) -> Vec<Vec<rusqlite::types::Value>> {
    [
        "meeting",
        "meeting_comune",
        "meeting_invitation",
        "agenda_item",
        "meeting_status_change",
        "meeting_series",
        "meeting_series_exdate",
    ]
    .iter()
    .flat_map(|t| table_rows(store, t))
    .collect()
}

#[test]
fn same_scale_and_date_give_the_same_meetings_and_a_rerun_replaces_them() {
    let (a, b) = (TempDb::new(), TempDb::new());
    let (sa, sb) = (demo_store(&a), demo_store(&b));
    let first = dump(&sa);
    assert!(
        first.len() > 10_000,
        "meetings, invitations, agenda, history"
    );
    assert!(first == dump(&sb), "two databases get identical meetings");
    let again = sa
        .write(|tx| demo::generate_on(tx, 1, today()))
        .expect("demo again");
    assert_eq!(again.meetings, 1000, "the rerun writes the same number");
    assert_eq!(
        all(&sa).len(),
        1000,
        "the previous demo meetings were replaced, not duplicated"
    );
}

#[test]
fn demo_refuses_a_database_with_real_meetings() {
    let db = TempDb::new();
    let store = db.open();
    store
        .write(|tx| {
            m::create_meeting(
                tx,
                &input(MeetingKind::Altro, "Riunione vera", at(2027, 1, 12, 10, 0)),
            )
        })
        .expect("a real meeting");
    let err = store
        .write(|tx| demo::generate_on(tx, 1, today()))
        .expect_err("demo over real meetings");
    assert!(
        matches!(&err, Error::Validation { message, .. } if message.contains("1 incontri")),
        "refused with an explanation: {err:?}"
    );
    assert_eq!(all(&store).len(), 1, "nothing was written");
}

/// `demo` minutes: the held demo meetings of the 90 days before "today" have a verbale —
/// approved when older than two weeks (some revised), drafts after —, Pisa's meeting of a month
/// ago an approved one, each with text per agenda item and the synthetic note; and it renders.
#[test]
fn demo_minutes_on_recent_held_meetings_approved_and_drafts() {
    let db = TempDb::new();
    let store = db.open();
    let report = store
        .write(|tx| demo::generate_on(tx, 1, today()))
        .expect("demo at scale 1");
    let q = |sql: &str| -> i64 {
        store
            .read(|c| Ok(c.query_row(sql, [], |r| r.get(0))?))
            .expect(sql)
    };
    let held_recent = q("SELECT count(*) FROM meeting WHERE status = 'held'
         AND starts_at >= '2026-08-28' AND starts_at < '2026-11-26'");
    assert!(
        held_recent > 20,
        "the demo holds meetings in the last 90 days: {held_recent}"
    );
    assert_eq!(
        i64::from(report.minutes),
        held_recent,
        "every held meeting of the last 90 days has a verbale"
    );
    assert_eq!(
        q("SELECT count(*) FROM minutes"),
        held_recent,
        "one minutes row per such meeting"
    );
    let approved = q("SELECT count(*) FROM minutes WHERE status = 'approved'");
    let drafts = q("SELECT count(*) FROM minutes WHERE status = 'draft'");
    assert!(
        approved > 0 && drafts > 0,
        "approved ({approved}) and drafts ({drafts})"
    );
    assert_eq!(
        q(
            "SELECT count(*) FROM minutes mi JOIN meeting m ON m.id = mi.meeting_id
           WHERE mi.status = 'draft' AND m.starts_at < '2026-11-12'
             AND m.uid NOT LIKE 'demo-featured-1%'"
        ),
        0,
        "meetings older than two weeks are approved"
    );
    assert!(
        q("SELECT count(*) FROM minutes WHERE revision > 0") > 0,
        "some verbali were revised"
    );
    assert_eq!(
        q("SELECT count(*) FROM minutes WHERE content NOT LIKE '%dati sintetici%'"),
        0,
        "every demo verbale says it is synthetic"
    );
    let pisa: i64 = q("SELECT id FROM meeting WHERE uid LIKE 'demo-featured-1%'");
    let v = store
        .read(|c| raccordo::minutes::minutes(c, pisa))
        .expect("read")
        .expect("Pisa's meeting has a verbale");
    assert_eq!(
        v.status,
        raccordo::minutes::MinutesStatus::Approved,
        "Pisa's verbale is approved"
    );
    assert!(
        !v.content.items.is_empty()
            && v.content
                .items
                .iter()
                .all(|i| !i.discussion.is_empty() && !i.decisions.is_empty()),
        "every agenda item has a discussion and decisions"
    );
    let doc = store
        .read(|c| raccordo::minutes::document_of(c, pisa, None))
        .expect("document");
    let pdf = raccordo::minutes::render(
        &doc,
        raccordo::minutes::Format::Pdf { pdfa: false },
        &raccordo::minutes::Options::default(),
    )
    .expect("the demo verbale renders");
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
}
