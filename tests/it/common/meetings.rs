//! Helpers of the meeting tests: a zone with mayors, meeting inputs in a few calls.

use chrono::{NaiveDate, NaiveDateTime};
use raccordo::meetings::{MeetingInput, MeetingKind, MeetingStatus, Scope, ScopeKind};
use raccordo::{territory, Store};

use super::{contacts, date};

/// A local (Europe/Rome) date-time.
pub fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(h, min, 0))
        .expect("valid local time")
}

/// The id of the zone named `name` (template names, e.g. "Pisana").
pub fn zone_id(store: &Store, name: &str) -> i64 {
    store
        .read(|c| Ok(c.query_row("SELECT id FROM zone WHERE name = ?1", [name], |r| r.get(0))?))
        .expect("zone exists")
}

/// The Zona Pisana with Pisa (050026), Cascina (050008) and San Giuliano Terme (050031) from
/// 2020, Pisa's mayor Michele Conti (2018–) and Cascina's mayor Betti (2020–2024, then Rossi);
/// San Giuliano Terme has no mayor in the directory. Returns (zone id, [conti, betti, rossi]).
pub fn pisana(store: &Store) -> (i64, [i64; 3]) {
    let zone = zone_id(store, "Pisana");
    for code in ["050026", "050008", "050031"] {
        store
            .write(|tx| territory::set_comune_zone(tx, code, Some(zone), date(2020, 1, 1), "test"))
            .expect("zone membership");
    }
    let pisa = contacts::comune_org(store, "050026");
    let cascina = contacts::comune_org(store, "050008");
    let conti = contacts::add(store, "Michele", "Conti", Some("sindaco@comune.pisa.it"));
    let betti = contacts::add(store, "Michelangelo", "Betti", None);
    let rossi = contacts::add(store, "Chiara", "Rossi", None);
    contacts::role(store, conti, pisa, "Sindaco", Some((2018, 7, 1)), None);
    contacts::role(
        store,
        betti,
        cascina,
        "Sindaco",
        Some((2020, 9, 1)),
        Some((2024, 6, 10)),
    );
    contacts::role(store, rossi, cascina, "Sindaca", Some((2024, 6, 11)), None);
    (zone, [conti, betti, rossi])
}

/// A two-hour meeting of `kind` starting at `start` with no scope, invitations or agenda.
pub fn input(kind: MeetingKind, title: &str, start: NaiveDateTime) -> MeetingInput {
    MeetingInput {
        kind,
        title: title.to_owned(),
        start,
        end: start + chrono::Duration::hours(2),
        all_day: false,
        place: String::new(),
        link: String::new(),
        status: MeetingStatus::Planned,
        scope: Scope::none(),
        organiser: String::new(),
        description: String::new(),
        invitations: Vec::new(),
        agenda: Vec::new(),
        recurrence: None,
    }
}

/// A zone scope.
pub fn zone_scope(zone: i64) -> Scope {
    Scope {
        kind: ScopeKind::Zone,
        zone_id: Some(zone),
        ..Scope::none()
    }
}
