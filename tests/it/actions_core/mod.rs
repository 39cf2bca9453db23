//! Follow-up actions in the core: validation, status history, the list's filters (comune, ASL,
//! zone, overdue, owner, person, meeting, text), counts, bulk changes with undo, links that
//! survive a deleted meeting, merged and erased people, saved filters. The list's filters and
//! paging are in [`filters`].

mod filters;

use crate::common;

use common::actions::{add, add_owned, input, set};
use common::meetings::{at, input as meeting_input};
use common::{contacts, date, TempDb};
use raccordo::actions::{
    self, ActionFilter, ActionInput, ActionOwner, ActionPriority, ActionStatus, BulkChange,
    DueChange, DueWindow,
};
use raccordo::meetings::{self, AgendaItemInput, MeetingKind};
use raccordo::territory::AslCode;
use raccordo::{ApiError, Store};

const PISA: &str = "050026";

fn ids(store: &Store, f: &ActionFilter, today: chrono::NaiveDate) -> Vec<i64> {
    let mut v: Vec<i64> = store
        .read(|c| actions::list_actions(c, f, today))
        .expect("list")
        .rows
        .into_iter()
        .map(|r| r.id)
        .collect();
    v.sort();
    v
}

#[test]
fn create_validates_every_field_with_italian_messages() {
    let db = TempDb::new();
    let store = db.open();
    let bad = ActionInput {
        owner: ActionOwner::Person { person_id: 999 },
        comuni: vec!["999999".into(), "pisa".into()],
        organisations: vec![12345],
        meeting_id: Some(777),
        due: Some(date(1990, 1, 1)),
        ..ActionInput::titled("   ")
    };
    let err = store
        .write(|tx| actions::create_action(tx, &bad))
        .expect_err("an invalid action is refused");
    let api = ApiError::from(err);
    let fields: Vec<&str> = api.details.iter().map(|d| d.field.as_str()).collect();
    for f in [
        "title",
        "owner",
        "comuni",
        "organisations",
        "meeting_id",
        "due",
    ] {
        assert!(fields.contains(&f), "field {f} must be reported: {api:?}");
    }
    assert!(
        api.message.contains("Il titolo è obbligatorio"),
        "the message explains what to do: {}",
        api.message
    );
    let n = store
        .read(|c| actions::count_actions(c, &ActionFilter::default(), date(2026, 1, 1)))
        .expect("count");
    assert_eq!(n, 0, "nothing is written when validation fails");
}

#[test]
fn status_changes_are_dated_with_notes_and_closed_at_follows() {
    let db = TempDb::new();
    let store = db.open();
    let id = add(
        &store,
        &input("Inviare la delibera", Some(date(2027, 3, 1)), &[PISA]),
    );
    set(&store, id, ActionStatus::InProgress, "Contattato l'ufficio");
    set(&store, id, ActionStatus::Done, "Delibera ricevuta");
    let v = store.read(|c| actions::action(c, id)).expect("read");
    let seq: Vec<(ActionStatus, &str)> = v
        .history
        .iter()
        .map(|h| (h.status, h.note.as_str()))
        .collect();
    assert_eq!(
        seq,
        vec![
            (ActionStatus::Open, ""),
            (ActionStatus::InProgress, "Contattato l'ufficio"),
            (ActionStatus::Done, "Delibera ricevuta"),
        ],
        "every change is in the history with its note, oldest first"
    );
    assert!(v.closed_at.is_some(), "a completed action has closed_at");
    set(&store, id, ActionStatus::Open, "Riaperta: manca l'allegato");
    let v = store.read(|c| actions::action(c, id)).expect("read");
    assert!(v.closed_at.is_none(), "reopening clears closed_at");
    assert_eq!(v.comuni[0].name, "Pisa", "the comune is shown by name");
}

#[test]
fn overdue_is_due_before_today_and_not_closed() {
    let db = TempDb::new();
    let store = db.open();
    let today = date(2027, 5, 10);
    let late = add(
        &store,
        &input("In ritardo", Some(date(2027, 5, 9)), &[PISA]),
    );
    let late_waiting = add(
        &store,
        &input("In attesa e in ritardo", Some(date(2027, 1, 1)), &[]),
    );
    set(&store, late_waiting, ActionStatus::Waiting, "");
    let done = add(&store, &input("Fatta", Some(date(2027, 5, 1)), &[PISA]));
    set(&store, done, ActionStatus::Done, "");
    let cancelled = add(&store, &input("Annullata", Some(date(2027, 5, 1)), &[]));
    set(&store, cancelled, ActionStatus::Cancelled, "");
    let due_today = add(&store, &input("Oggi", Some(today), &[]));
    let undated = add(&store, &input("Senza data", None, &[]));
    let overdue = ActionFilter {
        due_window: Some(DueWindow::Overdue),
        ..Default::default()
    };
    assert_eq!(
        ids(&store, &overdue, today),
        vec![late, late_waiting],
        "overdue = due before today and neither completed nor cancelled"
    );
    let view = store.read(|c| actions::action(c, done)).expect("read");
    assert!(!view.overdue, "a completed action is never overdue");
    let today_f = ActionFilter {
        due_window: Some(DueWindow::Today),
        ..Default::default()
    };
    assert_eq!(ids(&store, &today_f, today), vec![due_today], "due today");
    let none = ActionFilter {
        due_window: Some(DueWindow::NoDate),
        ..Default::default()
    };
    assert_eq!(ids(&store, &none, today), vec![undated], "without a date");
    let counts = store
        .read(|c| actions::action_counts(c, &ActionFilter::default(), today))
        .expect("counts");
    assert_eq!(
        (counts.open, counts.waiting, counts.done, counts.cancelled),
        (3, 1, 1, 1),
        "counts per status: {counts:?}"
    );
    assert_eq!(counts.overdue, 2, "overdue among the open ones");
    assert_eq!(counts.due_today, 1, "due today among the open ones");
    let by_asl = store
        .read(|c| actions::open_by_asl(c, today))
        .expect("by ASL");
    let nord_ovest = by_asl
        .iter()
        .find(|a| a.asl == AslCode::NordOvest)
        .expect("every ASL is listed");
    assert_eq!(
        (nord_ovest.open, nord_ovest.overdue),
        (1, 1),
        "Pisa's ASL: the late one is open and overdue, the done one does not count"
    );
    assert_eq!(by_asl.len(), 3, "three ASL, zero included");
}

#[test]
fn an_agenda_item_of_another_meeting_is_refused() {
    let db = TempDb::new();
    let store = db.open();
    let mk = |title: &str| {
        store
            .write(|tx| {
                let mut mi = meeting_input(MeetingKind::Altro, title, at(2027, 3, 2, 10, 0));
                mi.agenda = vec![AgendaItemInput {
                    title: "Punto".into(),
                    ..Default::default()
                }];
                meetings::create_meeting(tx, &mi)
            })
            .expect("meeting")
    };
    let a = mk("A");
    let b = mk("B");
    let err = store
        .write(|tx| {
            actions::create_action(
                tx,
                &ActionInput {
                    meeting_id: Some(a.summary.id),
                    agenda_item_id: Some(b.agenda[0].id),
                    ..ActionInput::titled("x")
                },
            )
        })
        .expect_err("mismatched item");
    assert!(
        ApiError::from(err).message.contains("un altro incontro"),
        "the error says the item belongs to another meeting"
    );
    let v = store
        .write(|tx| {
            actions::create_action(
                tx,
                &ActionInput {
                    agenda_item_id: Some(b.agenda[0].id),
                    ..ActionInput::titled("x")
                },
            )
        })
        .expect("an item alone implies its meeting");
    assert_eq!(
        v.meeting.map(|m| m.id),
        Some(b.summary.id),
        "meeting filled in"
    );
}

#[test]
fn bulk_change_then_undo_restores_status_owner_and_due() {
    let db = TempDb::new();
    let store = db.open();
    let p = contacts::add(&store, "Anna", "Bianchi", None);
    let a = add(&store, &input("Uno", Some(date(2027, 2, 1)), &[]));
    let b = add_owned(
        &store,
        "Due",
        None,
        ActionOwner::Person { person_id: p },
        ActionPriority::Low,
    );
    set(&store, b, ActionStatus::Waiting, "");
    let out = store
        .write(|tx| {
            actions::bulk_update(
                tx,
                &[a, b, a],
                &BulkChange {
                    status: Some(ActionStatus::Done),
                    note: "Chiuse in riunione".into(),
                    owner: Some(ActionOwner::Coordinator),
                    due: Some(DueChange {
                        date: Some(date(2027, 6, 30)),
                    }),
                },
            )
        })
        .expect("bulk");
    assert_eq!(out.changed, 2, "duplicates in the selection count once");
    for id in [a, b] {
        let v = store.read(|c| actions::action(c, id)).expect("read");
        assert_eq!(v.status, ActionStatus::Done, "status changed");
        assert_eq!(v.owner, ActionOwner::Coordinator, "owner changed");
        assert_eq!(v.due, Some(date(2027, 6, 30)), "due changed");
        assert_eq!(
            v.history.last().map(|h| h.note.as_str()),
            Some("Chiuse in riunione"),
            "the bulk note is in the history"
        );
    }
    let restored = store
        .write(|tx| actions::undo_bulk(tx, &out.prior))
        .expect("undo");
    assert_eq!(restored, 2, "both restored");
    let va = store.read(|c| actions::action(c, a)).expect("read");
    let vb = store.read(|c| actions::action(c, b)).expect("read");
    assert_eq!(
        (va.status, va.owner, va.due),
        (
            ActionStatus::Open,
            ActionOwner::None,
            Some(date(2027, 2, 1))
        ),
        "a is back"
    );
    assert_eq!(
        (vb.status, vb.owner, vb.due),
        (
            ActionStatus::Waiting,
            ActionOwner::Person { person_id: p },
            None
        ),
        "b is back"
    );
    assert!(vb.closed_at.is_none(), "reopened by the undo");
    let err = store
        .write(|tx| actions::bulk_update(tx, &[a], &BulkChange::default()))
        .expect_err("an empty change is refused");
    assert!(
        ApiError::from(err).message.contains("Nessuna modifica"),
        "explains the empty change"
    );
}

#[test]
fn merged_people_carry_their_actions_and_erased_ones_read_removed() {
    let db = TempDb::new();
    let store = db.open();
    let keep = contacts::add(&store, "Mario", "Rossi", None);
    let dup = contacts::add(&store, "Mario", "Rossi", Some("m.rossi@example.it"));
    let other = contacts::add(&store, "Luisa", "Neri", None);
    let a = add(
        &store,
        &ActionInput {
            owner: ActionOwner::Person { person_id: dup },
            people: vec![dup, keep],
            ..ActionInput::titled("Telefonare")
        },
    );
    store
        .write(|tx| raccordo::contacts::merge(tx, keep, &[dup]))
        .expect("merge");
    let v = store.read(|c| actions::action(c, a)).expect("read");
    assert_eq!(
        v.owner,
        ActionOwner::Person { person_id: keep },
        "the owner follows the merge"
    );
    assert_eq!(v.people.len(), 1, "the two linked records became one");
    let b = add_owned(
        &store,
        "Scrivere",
        None,
        ActionOwner::Person { person_id: other },
        ActionPriority::Normal,
    );
    store
        .write(|tx| raccordo::contacts::erase(tx, other))
        .expect("erase");
    let v = store.read(|c| actions::action(c, b)).expect("read");
    assert_eq!(
        v.owner_name, "persona rimossa",
        "an erased owner is not named"
    );
    let page = store
        .read(|c| actions::list_actions(c, &ActionFilter::default(), date(2027, 1, 1)))
        .expect("list");
    let row = page.rows.iter().find(|r| r.id == b).expect("row");
    assert_eq!(row.owner_name, "persona rimossa", "also in the list");
}

#[test]
fn delete_and_saved_filters() {
    let db = TempDb::new();
    let store = db.open();
    let a = add(&store, &input("Da eliminare", None, &[PISA]));
    store
        .write(|tx| actions::delete_action(tx, a))
        .expect("delete");
    let err = store.read(|c| actions::action(c, a)).expect_err("gone");
    assert!(
        ApiError::from(err).message.contains("action list"),
        "the not-found message says how to find actions"
    );
    let s = store
        .write(|tx| actions::save_filter(tx, "In ritardo a Pisa", "comune=050026&due=overdue"))
        .expect("save");
    store
        .write(|tx| actions::save_filter(tx, "In ritardo a Pisa", "comune=050026"))
        .expect("replace by name");
    let all = store.read(actions::saved_filters).expect("list");
    assert_eq!(all.len(), 1, "same name replaces");
    assert_eq!(all[0].query, "comune=050026", "new query kept");
    store
        .write(|tx| actions::delete_filter(tx, s.id))
        .expect("delete filter");
    assert!(store.read(actions::saved_filters).expect("list").is_empty());
}

#[test]
fn wire_names_of_the_enums_are_their_documented_names() {
    // `DueWindow::Next30` crossed IPC as "next30" while its documented (and CLI) name is
    // "next_30": the wire name is now the one `as_str` gives, for every value.
    for w in DueWindow::ALL {
        let json = serde_json::to_string(w).expect("serialise");
        assert_eq!(json, format!("\"{}\"", w.as_str()), "{w:?} on the wire");
        let back: DueWindow = serde_json::from_str(&json).expect("deserialise");
        assert_eq!(back, *w);
    }
    for s in ActionStatus::ALL {
        assert_eq!(
            serde_json::to_string(s).expect("serialise"),
            format!("\"{}\"", s.as_str())
        );
    }
}
