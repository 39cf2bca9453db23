//! The scheda comune's timeline, the zone/ASL pages and the dashboard's recent changes.

use crate::common;

use common::actions::{add, input, set};
use common::meetings::{at, input as meeting_input, pisana};
use common::{date, TempDb};
use raccordo::actions::ActionStatus;
use raccordo::meetings::{self, MeetingKind, Scope, ScopeKind};
use raccordo::overview::{self, AreaRef, TimelineKind, TimelineTarget};
use raccordo::territory::AslCode;

const PISA: &str = "050026";

#[test]
fn comune_timeline_holds_meetings_actions_and_offices_newest_first() {
    let db = TempDb::new();
    let store = db.open();
    let (_, [conti, _, _]) = pisana(&store);
    let m = store
        .write(|tx| {
            let mut mi = meeting_input(
                MeetingKind::IncontroSindaco,
                "Incontro con il Sindaco di Pisa",
                at(2026, 3, 2, 10, 0),
            );
            mi.scope = Scope {
                kind: ScopeKind::Comune,
                comuni: vec![PISA.into()],
                ..Scope::none()
            };
            meetings::create_meeting(tx, &mi)
        })
        .expect("meeting");
    let a = add(
        &store,
        &input("Inviare la bozza di delibera", None, &[PISA]),
    );
    set(
        &store,
        a,
        ActionStatus::Waiting,
        "Attesa risposta dell'ufficio",
    );
    let t = store
        .read(|c| overview::comune_timeline(c, PISA, 100))
        .expect("timeline");
    let kinds: Vec<TimelineKind> = t.iter().map(|e| e.kind).collect();
    for k in [
        TimelineKind::Meeting,
        TimelineKind::ActionCreated,
        TimelineKind::ActionStatus,
        TimelineKind::RoleStart,
    ] {
        assert!(kinds.contains(&k), "the timeline has {k:?}: {kinds:?}");
    }
    assert!(
        t.windows(2).all(|w| w[0].at >= w[1].at),
        "newest first: {:?}",
        t.iter().map(|e| &e.at).collect::<Vec<_>>()
    );
    let status = t
        .iter()
        .find(|e| e.kind == TimelineKind::ActionStatus)
        .expect("status entry");
    assert!(
        status.detail.contains("in attesa") && status.detail.contains("Attesa risposta"),
        "status entry says the status and the note: {}",
        status.detail
    );
    assert!(
        t.iter()
            .any(|e| e.target == TimelineTarget::Meeting { id: m.summary.id }),
        "the meeting entry opens the meeting"
    );
    assert!(
        t.iter()
            .any(|e| e.target == TimelineTarget::Person { id: conti }
                && e.title == "Michele Conti"),
        "the mayor's office start is there with his name"
    );
    let short = store
        .read(|c| overview::comune_timeline(c, PISA, 2))
        .expect("timeline");
    assert_eq!(short.len(), 2, "limit respected");
    assert!(
        store
            .read(|c| overview::comune_timeline(c, "999999", 10))
            .is_err(),
        "an unknown comune is an error"
    );
}

#[test]
fn zone_and_asl_pages_aggregate_their_comuni() {
    let db = TempDb::new();
    let store = db.open();
    let (zone, _) = pisana(&store);
    let today = date(2027, 5, 10);
    let late = add(
        &store,
        &input("In ritardo", Some(date(2027, 5, 1)), &[PISA]),
    );
    add(&store, &input("Aperta", Some(date(2027, 6, 1)), &[PISA]));
    let done = add(&store, &input("Fatta", Some(date(2027, 4, 1)), &[PISA]));
    set(&store, done, ActionStatus::Done, "");
    let page = store
        .read(|c| overview::area_overview(c, AreaRef::Zone { id: zone }, today))
        .expect("zone page");
    assert_eq!(page.name, "Zona Pisana", "zone page named");
    let pisa = page
        .comuni
        .iter()
        .find(|c| c.istat_code == PISA)
        .expect("Pisa is in the Zona Pisana");
    assert_eq!(
        (pisa.open_actions, pisa.overdue_actions),
        (2, 1),
        "Pisa: two open actions, one overdue ({late})"
    );
    assert_eq!(
        page.actions.done, 1,
        "the zone's counts include the done one"
    );
    assert_eq!(page.actions.overdue, 1, "and one overdue");
    let asl = store
        .read(|c| {
            overview::area_overview(
                c,
                AreaRef::Asl {
                    code: AslCode::NordOvest,
                },
                today,
            )
        })
        .expect("ASL page");
    assert!(
        asl.comuni.len() > 100 && asl.comuni.iter().any(|c| c.istat_code == PISA),
        "the ASL Nord Ovest lists its comuni, Pisa among them ({})",
        asl.comuni.len()
    );
    let recent = store
        .read(|c| overview::recent_changes(c, 10))
        .expect("recent");
    assert!(
        recent
            .iter()
            .any(|r| r.target == TimelineTarget::Action { id: done }
                && r.detail == "Azione: completata"),
        "the completion is among the recent changes: {recent:?}"
    );
    assert!(
        recent.windows(2).all(|w| w[0].at >= w[1].at),
        "newest first"
    );
}
