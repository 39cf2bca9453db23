//! Helpers of the contacts tests: people, Comune organisations and roles in a few calls.

use raccordo::contacts::{self, Email, HitKind, PersonInput, RoleInput};
use raccordo::Store;

use super::date;

pub fn person_input(given: &str, family: &str, email: Option<&str>) -> PersonInput {
    PersonInput {
        given_name: given.to_owned(),
        family_name: family.to_owned(),
        emails: email
            .map(|e| Email {
                email: e.to_owned(),
                label: String::new(),
                primary: true,
            })
            .into_iter()
            .collect(),
        ..Default::default()
    }
}

pub fn add(store: &Store, given: &str, family: &str, email: Option<&str>) -> i64 {
    store
        .write(|tx| contacts::create_person(tx, &person_input(given, family, email)))
        .expect("create person")
        .id
}

pub fn comune_org(store: &Store, istat: &str) -> i64 {
    store
        .write(|tx| contacts::comune_org(tx, istat))
        .expect("comune organisation")
}

pub fn role(
    store: &Store,
    person: i64,
    org: i64,
    title: &str,
    from: Option<(i32, u32, u32)>,
    to: Option<(i32, u32, u32)>,
) -> i64 {
    let input = RoleInput {
        person_id: person,
        organisation_id: org,
        title: title.to_owned(),
        valid_from: from.map(|(y, m, d)| date(y, m, d)),
        valid_to: to.map(|(y, m, d)| date(y, m, d)),
        notes: String::new(),
    };
    store
        .write(|tx| contacts::add_role(tx, &input))
        .expect("add role")
        .id
}

pub fn search_people(store: &Store, q: &str) -> Vec<i64> {
    store
        .read(|c| contacts::search(c, q, 50))
        .expect("search")
        .into_iter()
        .filter(|h| h.kind == HitKind::Person)
        .map(|h| h.id)
        .collect()
}
