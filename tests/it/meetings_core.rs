//! Meetings in the core: scope and invitees resolved on the meeting date, instants in
//! Europe/Rome, attendance with delegates, status history, series with exceptions, what a
//! comune's page lists, double bookings, validation and the audit trail.

use crate::common;

use common::meetings::{at, input, pisana, zone_scope};
use common::{contacts, date, TempDb};
use raccordo::contacts as c;
use raccordo::meetings::{
    self as m, AgendaItemInput, Attendance, AttendanceInput, InvitationInput, MeetingFilter,
    MeetingKind, MeetingStatus, Scope, ScopeKind,
};
use raccordo::territory::AslCode;
use raccordo::{Error, Store};

fn invite_proposed(store: &Store, zone: i64, on: chrono::NaiveDate) -> Vec<InvitationInput> {
    store
        .read(|conn| {
            m::propose_invitees(conn, MeetingKind::ConferenzaZonale, &zone_scope(zone), on)
        })
        .expect("proposal")
        .into_iter()
        .map(|p| InvitationInput {
            person_id: p.person_id,
            organisation_id: Some(p.organisation_id),
            title: p.title,
        })
        .collect()
}

#[test]
fn conferenza_zonale_invites_the_mayors_in_office_on_the_meeting_date() {
    let db = TempDb::new();
    let store = db.open();
    let (zone, [conti, betti, rossi]) = pisana(&store);
    let proposed = store
        .read(|conn| {
            m::propose_invitees(
                conn,
                MeetingKind::ConferenzaZonale,
                &zone_scope(zone),
                date(2027, 3, 25),
            )
        })
        .expect("proposal");
    let people: Vec<Option<i64>> = proposed.iter().map(|p| p.person_id).collect();
    assert!(
        people.contains(&Some(conti)),
        "Pisa's mayor is proposed: {proposed:?}"
    );
    assert!(
        people.contains(&Some(rossi)),
        "Cascina's mayor in 2027 is Rossi (Sindaca)"
    );
    assert!(
        !people.contains(&Some(betti)),
        "Betti's office ended in 2024"
    );
    let vacant: Vec<_> = proposed.iter().filter(|p| p.person_id.is_none()).collect();
    assert_eq!(
        vacant.len(),
        1,
        "San Giuliano Terme has nobody in office: proposed vacant"
    );
    assert!(
        vacant[0].reason.contains("nessuno risulta in carica"),
        "the vacancy is explained: {}",
        vacant[0].reason
    );
    let in_2022 = store
        .read(|conn| {
            m::propose_invitees(
                conn,
                MeetingKind::ConferenzaZonale,
                &zone_scope(zone),
                date(2022, 5, 4),
            )
        })
        .expect("proposal");
    assert!(
        in_2022.iter().any(|p| p.person_id == Some(betti)),
        "in 2022 the mayor of Cascina was Betti"
    );
}

#[test]
fn instants_are_stored_in_utc_and_shown_in_rome_time() {
    let db = TempDb::new();
    let store = db.open();
    let (zone, _) = pisana(&store);
    let mut before = input(
        MeetingKind::ConferenzaZonale,
        "Conferenza zonale Pisana",
        at(2027, 3, 25, 10, 0),
    );
    before.scope = zone_scope(zone);
    let a = store
        .write(|tx| m::create_meeting(tx, &before))
        .expect("create");
    assert_eq!(
        a.summary.starts_at.to_rfc3339(),
        "2027-03-25T09:00:00+00:00",
        "10:00 on 25 March 2027 (winter time) is 09:00 UTC"
    );
    let after = input(
        MeetingKind::Altro,
        "Dopo il cambio d'ora",
        at(2027, 4, 1, 15, 0),
    );
    let b = store
        .write(|tx| m::create_meeting(tx, &after))
        .expect("create");
    assert_eq!(
        b.summary.starts_at.to_rfc3339(),
        "2027-04-01T13:00:00+00:00",
        "15:00 on 1 April 2027 (summer time) is 13:00 UTC"
    );
    assert_eq!(
        b.summary.start,
        at(2027, 4, 1, 15, 0),
        "shown back at 15:00 local"
    );
    assert_eq!(
        a.summary.asl,
        Some(AslCode::NordOvest),
        "a zone scope lies in its ASL"
    );
    assert_eq!(a.scope.label, "Zona Pisana", "scope label");
    assert!(
        a.summary.uid.ends_with("@raccordo") && a.summary.uid.len() > 20,
        "a UID is made"
    );

    let nord_ovest = MeetingFilter {
        asl: Some(AslCode::NordOvest),
        ..Default::default()
    };
    let found = store
        .read(|c| m::list_meetings(c, &nord_ovest))
        .expect("list");
    assert_eq!(
        found.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![a.summary.id],
        "ASL filter"
    );
    let march = MeetingFilter {
        from: Some(date(2027, 3, 1)),
        to: Some(date(2027, 3, 31)),
        ..Default::default()
    };
    let found = store.read(|c| m::list_meetings(c, &march)).expect("list");
    assert_eq!(found.len(), 1, "the range keeps March only");
    let text = MeetingFilter {
        text: "CAMBIO ora".into(),
        ..Default::default()
    };
    let found = store.read(|c| m::list_meetings(c, &text)).expect("list");
    assert_eq!(
        found.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![b.summary.id],
        "title words, any case"
    );
}

#[test]
fn attendance_with_a_delegate_survives_an_edit_and_status_has_history() {
    let db = TempDb::new();
    let store = db.open();
    let (zone, [conti, _, _]) = pisana(&store);
    let deputy = contacts::add(&store, "Paolo", "Martinelli", None);
    let mut mi = input(
        MeetingKind::ConferenzaZonale,
        "Conferenza zonale",
        at(2027, 3, 25, 10, 0),
    );
    mi.scope = zone_scope(zone);
    mi.invitations = invite_proposed(&store, zone, date(2027, 3, 25));
    mi.agenda = vec![
        AgendaItemInput {
            title: "Rete SAI nella zona".into(),
            presenter: "ANCI Toscana".into(),
            duration_min: Some(30),
            notes: String::new(),
        },
        AgendaItemInput {
            title: "Varie ed eventuali".into(),
            ..Default::default()
        },
    ];
    let meeting = store
        .write(|tx| m::create_meeting(tx, &mi))
        .expect("create");
    assert_eq!(
        meeting.invitations.len(),
        3,
        "two mayors and one vacant office"
    );
    assert_eq!(
        meeting.agenda[0].title, "Rete SAI nella zona",
        "agenda in order"
    );
    let conti_inv = meeting
        .invitations
        .iter()
        .find(|i| i.person_id == Some(conti))
        .expect("Conti invited");
    assert_eq!(
        conti_inv.email.as_deref(),
        Some("sindaco@comune.pisa.it"),
        "e-mail for the invitation"
    );

    let missing = AttendanceInput {
        attendance: Attendance::Delegated,
        delegate_person_id: None,
        delegate_name: " ".into(),
        note: String::new(),
    };
    let err = store
        .write(|tx| m::set_attendance(tx, conti_inv.id, &missing))
        .expect_err("a delegation names the delegate");
    assert!(
        matches!(err, Error::Validation { .. }),
        "validation error, got {err:?}"
    );
    let delegated = AttendanceInput {
        delegate_person_id: Some(deputy),
        ..missing
    };
    let inv = store
        .write(|tx| m::set_attendance(tx, conti_inv.id, &delegated))
        .expect("delegate");
    assert_eq!(inv.attendance, Attendance::Delegated, "delegated");
    assert_eq!(
        inv.delegate_name, "Paolo Martinelli",
        "the delegate is shown by name"
    );

    // Edit: new title, status held; the invitation list is the same: attendance stays.
    let mut edit = m::input_of(&meeting);
    edit.title = "Conferenza zonale dei sindaci — Pisana".into();
    edit.status = MeetingStatus::Held;
    let after = store
        .write(|tx| m::update_meeting(tx, meeting.summary.id, &edit))
        .expect("edit");
    let kept = after
        .invitations
        .iter()
        .find(|i| i.person_id == Some(conti))
        .expect("still invited");
    assert_eq!(
        kept.attendance,
        Attendance::Delegated,
        "attendance survives an edit"
    );
    let statuses: Vec<MeetingStatus> = after.history.iter().map(|h| h.status).collect();
    assert_eq!(
        statuses,
        vec![MeetingStatus::Planned, MeetingStatus::Held],
        "dated status history"
    );
    assert!(
        after.sequence > meeting.sequence,
        "SEQUENCE grows at each change"
    );

    let postponed = store
        .write(|tx| {
            m::set_status(
                tx,
                meeting.summary.id,
                MeetingStatus::Postponed,
                "Rinviata per allerta meteo",
            )
        })
        .expect("status");
    assert_eq!(
        postponed.history.last().map(|h| h.note.as_str()),
        Some("Rinviata per allerta meteo"),
        "note kept"
    );

    // Erasing the delegate leaves the history readable.
    store.write(|tx| c::erase(tx, deputy)).expect("erase");
    let now = store
        .read(|conn| m::meeting(conn, meeting.summary.id))
        .expect("read");
    let kept = now
        .invitations
        .iter()
        .find(|i| i.person_id == Some(conti))
        .expect("still invited");
    assert_eq!(
        kept.delegate_name, "partecipante rimosso",
        "erased delegate"
    );
}

#[test]
fn merging_people_moves_their_invitations() {
    let db = TempDb::new();
    let store = db.open();
    let a = contacts::add(&store, "Anna", "Bianchi", None);
    let b = contacts::add(&store, "Anna", "Bianchi", Some("anna@example.it"));
    let mut mi = input(MeetingKind::Altro, "Incontro", at(2027, 5, 3, 9, 30));
    mi.invitations = vec![InvitationInput {
        person_id: Some(b),
        ..Default::default()
    }];
    let meeting = store
        .write(|tx| m::create_meeting(tx, &mi))
        .expect("create");
    store.write(|tx| c::merge(tx, a, &[b])).expect("merge");
    let now = store
        .read(|conn| m::meeting(conn, meeting.summary.id))
        .expect("read");
    assert_eq!(
        now.invitations[0].person_id,
        Some(a),
        "the invitation follows the kept person"
    );
}

#[test]
fn a_monthly_series_keeps_local_time_and_records_exceptions() {
    let db = TempDb::new();
    let store = db.open();
    let mut mi = input(
        MeetingKind::DirettoriSds,
        "Direttori SdS nord-ovest",
        at(2027, 1, 14, 10, 0),
    );
    mi.scope = Scope {
        kind: ScopeKind::Asl,
        asl: Some(AslCode::NordOvest),
        ..Scope::none()
    };
    mi.recurrence = Some("FREQ=MONTHLY;BYDAY=2TH;COUNT=6".into());
    let first = store
        .write(|tx| m::create_meeting(tx, &mi))
        .expect("create series");
    let series = first.summary.series_id.expect("part of a series");
    let all = store
        .read(|c| {
            m::list_meetings(
                c,
                &MeetingFilter {
                    kinds: vec![MeetingKind::DirettoriSds],
                    ..Default::default()
                },
            )
        })
        .expect("list");
    assert_eq!(all.len(), 6, "six occurrences");
    assert!(
        all.iter()
            .all(|s| s.start.format("%H:%M").to_string() == "10:00"),
        "10:00 local in winter and summer"
    );
    assert!(
        all.iter().all(|s| s.uid == first.summary.uid),
        "one UID for the series"
    );
    assert_eq!(
        all[3].start,
        at(2027, 4, 8, 10, 0),
        "second Thursday of April"
    );
    assert_eq!(
        all[3].starts_at.to_rfc3339(),
        "2027-04-08T08:00:00+00:00",
        "summer time: UTC+2"
    );
    store
        .write(|tx| m::delete_meeting(tx, all[2].id))
        .expect("delete one occurrence");
    let info = store.read(|c| m::series_info(c, series)).expect("series");
    assert_eq!(
        info.exdates,
        vec![all[2].starts_at],
        "the removed occurrence is an exception"
    );
    assert_eq!(info.occurrences.len(), 5, "five left");
    assert_eq!(
        info.rrule, "FREQ=MONTHLY;BYDAY=2TH;COUNT=6",
        "the rule is kept"
    );
    let n = store
        .write(|tx| m::delete_series(tx, series))
        .expect("delete series");
    assert_eq!(n, 5, "the whole series goes");
}

#[test]
fn the_comune_page_lists_meetings_by_scope_and_invitation() {
    let db = TempDb::new();
    let store = db.open();
    let (zone, [conti, _, _]) = pisana(&store);
    let mut zonal = input(
        MeetingKind::ConferenzaZonale,
        "Zonale",
        at(2027, 2, 1, 10, 0),
    );
    zonal.scope = zone_scope(zone);
    let mut sindaco = input(
        MeetingKind::IncontroSindaco,
        "Con il sindaco",
        at(2026, 10, 5, 11, 0),
    );
    sindaco.scope = Scope {
        kind: ScopeKind::Comune,
        comuni: vec!["50026".into()],
        ..Scope::none()
    };
    let mut elsewhere = input(MeetingKind::IncontroSindaco, "Siena", at(2027, 1, 5, 11, 0));
    elsewhere.scope = Scope {
        kind: ScopeKind::Comune,
        comuni: vec!["052032".into()],
        ..Scope::none()
    };
    let mut invited = input(MeetingKind::Altro, "Tavolo tecnico", at(2027, 6, 1, 9, 0));
    invited.invitations = vec![InvitationInput {
        person_id: Some(conti),
        organisation_id: Some(contacts::comune_org(&store, "050026")),
        title: "Sindaco".into(),
    }];
    let ids: Vec<i64> = [zonal, sindaco, elsewhere, invited]
        .iter()
        .map(|i| {
            store
                .write(|tx| m::create_meeting(tx, i))
                .expect("create")
                .summary
                .id
        })
        .collect();
    let pisa = store
        .read(|c| m::comune_meetings(c, "050026"))
        .expect("comune meetings");
    let got: Vec<i64> = pisa.iter().map(|s| s.id).collect();
    assert_eq!(
        got,
        vec![ids[3], ids[0], ids[1]],
        "newest first: invitation, zone, comune; not Siena"
    );
    assert_eq!(pisa[2].scope_label, "Pisa", "comune scope label");
}

#[test]
fn overlapping_meetings_are_reported_with_shared_invitees() {
    let db = TempDb::new();
    let store = db.open();
    let p = contacts::add(&store, "Lucia", "Neri", None);
    let mut a = input(MeetingKind::Altro, "Primo", at(2027, 5, 10, 9, 0));
    a.invitations = vec![InvitationInput {
        person_id: Some(p),
        ..Default::default()
    }];
    let first = store.write(|tx| m::create_meeting(tx, &a)).expect("create");
    let clash = store
        .read(|c| {
            m::conflicts(
                c,
                at(2027, 5, 10, 10, 0),
                at(2027, 5, 10, 12, 0),
                None,
                &[p],
            )
        })
        .expect("conflicts");
    assert_eq!(clash.len(), 1, "the 9–11 meeting overlaps 10–12");
    assert_eq!(
        clash[0].shared_people,
        vec!["Lucia Neri".to_owned()],
        "and Lucia is in both"
    );
    let none = store
        .read(|c| {
            m::conflicts(
                c,
                at(2027, 5, 10, 11, 0),
                at(2027, 5, 10, 12, 0),
                None,
                &[p],
            )
        })
        .expect("conflicts");
    assert!(none.is_empty(), "back to back is not a conflict");
    let itself = store
        .read(|c| {
            m::conflicts(
                c,
                at(2027, 5, 10, 9, 0),
                at(2027, 5, 10, 11, 0),
                Some(first.summary.id),
                &[],
            )
        })
        .expect("conflicts");
    assert!(itself.is_empty(), "a meeting does not clash with itself");
}

#[test]
fn bad_input_is_refused_field_by_field_and_nothing_is_written() {
    let db = TempDb::new();
    let store = db.open();
    let mut bad = input(MeetingKind::ConferenzaZonale, "  ", at(2027, 3, 28, 2, 30));
    bad.end = at(2027, 3, 27, 10, 0);
    bad.scope = Scope {
        kind: ScopeKind::Zone,
        zone_id: Some(9999),
        ..Scope::none()
    };
    bad.agenda = vec![AgendaItemInput {
        duration_min: Some(0),
        ..Default::default()
    }];
    let err = store
        .write(|tx| m::create_meeting(tx, &bad))
        .expect_err("refused");
    let Error::Validation { details, .. } = err else {
        panic!("validation error expected, got {err:?}")
    };
    let fields: Vec<&str> = details.iter().map(|d| d.field.as_str()).collect();
    for f in ["title", "start", "scope", "agenda[0]"] {
        assert!(fields.contains(&f), "{f} is named among {fields:?}");
    }
    let n = store
        .read(|c| m::count_meetings(c, &MeetingFilter::default()))
        .expect("count");
    assert_eq!(n, 0, "nothing written");
}

#[test]
fn every_write_leaves_an_audit_row() {
    let db = TempDb::new();
    let store = db.open();
    let created = store
        .write(|tx| {
            m::create_meeting(
                tx,
                &input(MeetingKind::Altro, "Audit", at(2027, 5, 3, 9, 0)),
            )
        })
        .expect("create");
    let id = created.summary.id;
    store
        .write(|tx| m::move_meeting(tx, id, at(2027, 5, 4, 9, 0)))
        .expect("move");
    store
        .write(|tx| m::set_status(tx, id, MeetingStatus::Confirmed, ""))
        .expect("status");
    store.write(|tx| m::delete_meeting(tx, id)).expect("delete");
    let rows: Vec<(String, String)> = store
        .read(|c| {
            let mut s = c.prepare(
                "SELECT action, entity FROM audit_log WHERE entity = 'meeting' ORDER BY id",
            )?;
            let v = s
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(v)
        })
        .expect("audit");
    let actions: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        actions,
        vec!["create", "update", "update", "delete"],
        "one row per write"
    );
}
