//! The action list's filters (comune, ASL, zone, owner, person, meeting, text) and its paging.

use crate::common;

use chrono::Duration;
use common::actions::{add, add_owned, input};
use common::meetings::{at, input as meeting_input, pisana};
use common::{contacts, date, TempDb, AULLA, FIRENZE};
use raccordo::actions::{self, ActionFilter, ActionInput, ActionOwner, ActionPriority, ActionSort};
use raccordo::meetings::{self, AgendaItemInput, MeetingKind};
use raccordo::territory::AslCode;

use super::{ids, PISA};

#[test]
fn filters_by_comune_asl_zone_owner_person_meeting_and_text() {
    let db = TempDb::new();
    let store = db.open();
    let (zone, [conti, betti, _]) = pisana(&store);
    let pisa_org = contacts::comune_org(&store, PISA);
    let m = store
        .write(|tx| {
            let mut mi = meeting_input(
                MeetingKind::ConferenzaZonale,
                "Conferenza zonale Pisana",
                at(2027, 3, 2, 10, 0),
            );
            mi.agenda = vec![AgendaItemInput {
                title: "Progetto SAI".into(),
                ..Default::default()
            }];
            meetings::create_meeting(tx, &mi)
        })
        .expect("meeting");
    let item = m.agenda[0].id;
    let a_pisa = add(
        &store,
        &ActionInput {
            owner: ActionOwner::Person { person_id: conti },
            meeting_id: Some(m.summary.id),
            agenda_item_id: Some(item),
            people: vec![betti],
            ..input(
                "Verificare la disponibilità di alloggi a Pisa",
                None,
                &[PISA],
            )
        },
    );
    let a_firenze = add_owned(
        &store,
        "Città metropolitana: riunione",
        None,
        ActionOwner::Coordinator,
        ActionPriority::High,
    );
    store
        .write(|tx| {
            let mut i = input("Città metropolitana: riunione", None, &[FIRENZE]);
            i.owner = ActionOwner::Coordinator;
            i.priority = ActionPriority::High;
            actions::update_action(tx, a_firenze, &i)
        })
        .expect("edit");
    let a_org = add(
        &store,
        &ActionInput {
            organisations: vec![pisa_org],
            ..input("Scrivere al Comune", None, &[])
        },
    );
    let a_aulla = add(&store, &input("Aulla: richiamare", None, &[AULLA]));
    let today = date(2027, 1, 1);
    let f = |f: ActionFilter| ids(&store, &f, today);
    assert_eq!(
        f(ActionFilter {
            comune: Some(PISA.into()),
            ..Default::default()
        }),
        vec![a_pisa],
        "by comune: only the actions linked to Pisa"
    );
    assert_eq!(
        f(ActionFilter {
            asl: Some(AslCode::NordOvest),
            ..Default::default()
        }),
        vec![a_pisa, a_org, a_aulla],
        "by ASL: through the comuni and the Comune organisation's territory"
    );
    assert_eq!(
        f(ActionFilter {
            asl: Some(AslCode::Centro),
            ..Default::default()
        }),
        vec![a_firenze],
        "Firenze is in the ASL Centro"
    );
    assert_eq!(
        f(ActionFilter {
            zone_id: Some(zone),
            ..Default::default()
        }),
        vec![a_pisa, a_org],
        "by zone: Pisa's zone today"
    );
    assert_eq!(
        f(ActionFilter {
            owner_person_id: Some(conti),
            ..Default::default()
        }),
        vec![a_pisa],
        "by owner"
    );
    assert_eq!(
        f(ActionFilter {
            person_id: Some(betti),
            ..Default::default()
        }),
        vec![a_pisa],
        "by person: linked people count"
    );
    assert_eq!(
        f(ActionFilter {
            owner_coordinator: true,
            ..Default::default()
        }),
        vec![a_firenze],
        "mine"
    );
    assert_eq!(
        f(ActionFilter {
            meeting_id: Some(m.summary.id),
            ..Default::default()
        }),
        vec![a_pisa],
        "by meeting"
    );
    assert_eq!(
        f(ActionFilter {
            search: "CITTA".into(),
            ..Default::default()
        }),
        vec![a_firenze],
        "text search folds accents and case"
    );
    assert_eq!(
        f(ActionFilter {
            search: "100%_".into(),
            ..Default::default()
        }),
        Vec::<i64>::new(),
        "LIKE wildcards typed by the user are literal"
    );
    assert_eq!(
        f(ActionFilter {
            organisation_id: Some(pisa_org),
            ..Default::default()
        }),
        vec![a_org],
        "by organisation"
    );
    let sorted = store
        .read(|c| {
            actions::list_actions(
                c,
                &ActionFilter {
                    sort: Some(ActionSort::Priority),
                    ..Default::default()
                },
                today,
            )
        })
        .expect("list");
    assert_eq!(sorted.rows[0].id, a_firenze, "high priority first");
    assert_eq!(sorted.total, 4, "the total counts every match");
    let v = store.read(|c| actions::action(c, a_pisa)).expect("read");
    let meeting = v.meeting.expect("the meeting link is shown");
    assert_eq!(meeting.date, date(2027, 3, 2), "meeting date in Rome time");
    assert_eq!(
        meeting.agenda_item.map(|i| i.name).as_deref(),
        Some("Progetto SAI"),
        "agenda item shown"
    );
    assert_eq!(v.owner_name, "Michele Conti", "owner by name");
    // Deleting the meeting keeps the action and clears the link.
    store
        .write(|tx| meetings::delete_meeting(tx, m.summary.id))
        .expect("delete meeting");
    let v = store.read(|c| actions::action(c, a_pisa)).expect("read");
    assert!(
        v.meeting.is_none(),
        "the link goes with the meeting, the action stays"
    );
}

#[test]
fn paging_returns_disjoint_pages_in_due_order() {
    let db = TempDb::new();
    let store = db.open();
    let start = date(2027, 1, 1);
    for i in 0..25 {
        add(
            &store,
            &input(&format!("A{i}"), Some(start + Duration::days(i)), &[]),
        );
    }
    let page = |offset| {
        store
            .read(|c| {
                actions::list_actions(
                    c,
                    &ActionFilter {
                        offset,
                        limit: 10,
                        ..Default::default()
                    },
                    start,
                )
            })
            .expect("page")
    };
    let (p1, p3) = (page(0), page(20));
    assert_eq!(p1.total, 25, "total of the filter");
    assert_eq!(p1.rows.len(), 10, "page size");
    assert_eq!(p3.rows.len(), 5, "last page");
    assert_eq!(p1.rows[0].title, "A0", "earliest due first");
    assert_eq!(p3.rows[4].title, "A24", "latest last");
}
