//! Import application (all-or-nothing, update by e-mail, organisations found or created) and
//! export records, with hand-built ContactRecords.

use crate::common;

use common::{TempDb, FIRENZE};
use raccordo::contacts::{self, export, import, PersonFilter};
use raccordo::interchange::ContactRecord;

fn rec(line: u32, given: &str, family: &str, email: &str) -> ContactRecord {
    ContactRecord {
        source_line: line,
        given_name: given.to_owned(),
        family_name: family.to_owned(),
        emails: if email.is_empty() {
            Vec::new()
        } else {
            vec![email.to_owned()]
        },
        ..Default::default()
    }
}

fn people(store: &raccordo::Store) -> i64 {
    store
        .read(|c| contacts::count_people(c, &PersonFilter::default()))
        .expect("count")
}

#[test]
fn one_bad_record_rejects_the_whole_import_with_every_reason() {
    let db = TempDb::new();
    let store = db.open();
    let mut bad_phone = rec(3, "Luca", "Neri", "luca@esempio.it");
    bad_phone.phones.push("055-ABC".to_owned());
    let mut bad_comune = rec(5, "Anna", "Bruno", "anna@esempio.it");
    bad_comune.comune = Some("Atlantide".to_owned());
    let records = vec![
        rec(2, "Mario", "Rossi", "mario@esempio.it"),
        bad_phone,
        rec(4, "", "", ""),
        bad_comune,
        rec(6, "Sara", "Verdi", "sara@esempio"),
    ];
    let report = store
        .write(|tx| import::apply(tx, &records, false))
        .expect("import runs");
    assert!(!report.report.applied, "nothing applied");
    let lines: Vec<u32> = report.report.rejected.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![3, 4, 5, 6], "every rejected line is listed");
    assert!(
        report.report.rejected[0].message.contains("055-ABC"),
        "reason names the value"
    );
    assert_eq!(people(&store), 0, "not even the good record was written");
}

#[test]
fn import_creates_people_orgs_roles_and_updates_by_email_ignoring_case() {
    let db = TempDb::new();
    let store = db.open();
    let mut sindaco = rec(2, "Sara", "Funaro", "sara.funaro@comune.fi.it");
    sindaco.organisation = Some("Comune di Firenze".to_owned());
    sindaco.title = Some("Sindaca".to_owned());
    let mut coop = rec(3, "Paolo", "Baldi", "paolo@coop.it");
    coop.organisation = Some("Cooperativa Il Ponte".to_owned());
    coop.title = Some("Coordinatore SAI".to_owned());
    coop.phones.push("+39 333 1234567".to_owned());
    let mut again = rec(4, "", "", "SARA.FUNARO@COMUNE.FI.IT");
    again.phones.push("055 2768".to_owned());
    again.tags.push("conferenza".to_owned());
    let mut by_comune = rec(5, "Elisa", "Serra", "elisa@esempio.it");
    by_comune.comune = Some("48017".to_owned());
    by_comune.title = Some("Referente SAI".to_owned());
    let records = vec![sindaco, coop, again, by_comune];

    let dry = store
        .write(|tx| import::apply(tx, &records, true))
        .expect("dry run");
    assert!(
        !dry.report.applied && dry.report.rejected.is_empty(),
        "dry run applies nothing"
    );
    assert_eq!(
        dry.rows
            .iter()
            .map(|r| r.outcome.as_str())
            .collect::<Vec<_>>(),
        ["creato", "creato", "aggiornato", "creato"],
        "the preview says what would happen"
    );
    assert_eq!(people(&store), 0, "dry run wrote nothing");

    let report = store
        .write(|tx| import::apply(tx, &records, false))
        .expect("import");
    assert!(report.report.applied, "applied");
    assert_eq!(
        (report.created, report.updated),
        (3, 1),
        "three new, one updated"
    );
    assert_eq!(
        report.organisations_created, 1,
        "the cooperative is new; the Comune exists"
    );
    let sara = report.rows[0].person_id;
    assert_eq!(
        report.rows[2].person_id, sara,
        "same person matched by e-mail ignoring case"
    );
    let p = store.read(|c| contacts::person(c, sara)).expect("person");
    assert_eq!(p.phones.len(), 1, "phone of the second record added");
    assert_eq!(p.tags, vec!["conferenza".to_owned()], "tag added");
    assert_eq!(p.emails.len(), 1, "no duplicate e-mail");
    let in_firenze = store
        .read(|c| contacts::comune_people(c, FIRENZE, raccordo::time::today_rome()))
        .expect("comune people");
    let titles: Vec<&str> = in_firenze.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Sindaca", "Referente SAI"],
        "roles at the seeded Comune organisation, the mayor first"
    );
    let coop_org = store
        .read(|c| contacts::list_orgs(c, Some(contacts::OrgKind::EnteGestore), None))
        .expect("orgs");
    assert_eq!(
        coop_org.len(),
        1,
        "a cooperative is guessed to be an ente gestore"
    );

    let hits = |q: &str| -> Vec<i64> {
        store
            .read(|c| contacts::search(c, q, 20))
            .expect("search")
            .into_iter()
            .filter(|h| h.kind == contacts::HitKind::Person)
            .map(|h| h.id)
            .collect()
    };
    assert_eq!(hits("funaro"), vec![sara], "imported people are indexed");
    assert_eq!(
        hits("conferenza"),
        vec![sara],
        "the updated person is re-indexed"
    );
    assert_eq!(
        hits("ponte").len(),
        1,
        "found through the new organisation's name"
    );
    let again = store
        .write(|tx| import::apply(tx, &records, false))
        .expect("re-import");
    assert_eq!(
        (again.created, again.roles_created),
        (0, 0),
        "re-import creates nothing new"
    );

    let out = store
        .read(|c| export::records(c, &PersonFilter::default()))
        .expect("export");
    assert_eq!(out.len(), 3, "one record per person");
    let sara_rec = out
        .iter()
        .find(|r| r.family_name == "Funaro")
        .expect("Sara exported");
    assert_eq!(
        sara_rec.title.as_deref(),
        Some("Sindaca"),
        "current role exported"
    );
    assert_eq!(
        sara_rec.organisation.as_deref(),
        Some("Comune di Firenze"),
        "organisation"
    );
    assert_eq!(
        sara_rec.comune.as_deref(),
        Some("Firenze"),
        "comune of the organisation"
    );
}
