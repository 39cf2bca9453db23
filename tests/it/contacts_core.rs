//! Contacts core: seeded organisations, model rules, offices over time, GDPR export, demo counts.

use crate::common;

use common::contacts::{add, comune_org, person_input, role, search_people};
use common::{date, TempDb, FIRENZE, PRATO};
use raccordo::contacts::{self, OrgKind, PersonFilter, Phone, RoleInput};
use raccordo::Error;

#[test]
fn migration_seeds_standard_organisations() {
    let db = TempDb::new();
    let store = db.open();
    let count = |kind: OrgKind| {
        store
            .read(|c| contacts::list_orgs(c, Some(kind), None))
            .expect("list orgs")
            .len()
    };
    assert_eq!(
        count(OrgKind::Comune),
        273,
        "one Comune organisation per comune"
    );
    assert_eq!(count(OrgKind::Asl), 3, "three ASL");
    assert_eq!(count(OrgKind::Prefettura), 10, "ten prefetture");
    assert_eq!(count(OrgKind::Regione), 1, "the region");
    assert_eq!(count(OrgKind::Anci), 1, "ANCI Toscana");
    let firenze = store
        .read(|c| contacts::list_orgs(c, None, Some("prefettura firenze")))
        .expect("search orgs");
    assert_eq!(
        firenze.first().map(|o| o.name.as_str()),
        Some("Prefettura di Firenze - UTG"),
        "prefetture are named and searchable"
    );
}

#[test]
fn person_validation_names_fields_in_italian() {
    let db = TempDb::new();
    let store = db.open();
    let err = store
        .write(|tx| contacts::create_person(tx, &person_input("", "", None)))
        .expect_err("a person without name and e-mail is rejected");
    match err {
        Error::Validation { details, message } => {
            assert_eq!(details[0].field, "family_name", "detail names the field");
            assert!(
                message.contains("Indica almeno"),
                "Italian message: {message}"
            );
        }
        other => panic!("expected validation, got {other:?}"),
    }
    let mut bad = person_input("Mario", "Rossi", Some("mario.rossi-at-pisa.it"));
    bad.phones.push(Phone {
        phone: "055 abc".to_owned(),
        label: String::new(),
        primary: false,
    });
    match store.write(|tx| contacts::create_person(tx, &bad)) {
        Err(Error::Validation { details, .. }) => {
            let fields: Vec<&str> = details.iter().map(|d| d.field.as_str()).collect();
            assert_eq!(fields, ["emails", "phones"], "both bad fields are reported");
        }
        other => panic!("expected validation, got {other:?}"),
    }
    let only_email = add(&store, "", "", Some("segreteria@comune.pisa.it"));
    assert!(only_email > 0, "an e-mail alone is enough");
}

#[test]
fn who_holds_follows_dates_and_offices_list_current_first() {
    let db = TempDb::new();
    let store = db.open();
    let org = comune_org(&store, FIRENZE);
    let old = add(&store, "Dario", "Nardella", None);
    let new = add(&store, "Sara", "Funaro", None);
    role(
        &store,
        old,
        org,
        "Sindaco",
        Some((2014, 6, 10)),
        Some((2024, 6, 23)),
    );
    role(&store, new, org, "Sindaco", Some((2024, 6, 24)), None);
    let earlier = role(
        &store,
        new,
        org,
        "Assessore al sociale",
        Some((2019, 6, 1)),
        Some((2024, 6, 23)),
    );

    let on = |y, m, d| {
        store
            .read(|c| contacts::who_holds(c, org, "sindaco", date(y, m, d)))
            .expect("who holds")
            .into_iter()
            .map(|r| r.person_id)
            .collect::<Vec<_>>()
    };
    assert_eq!(on(2020, 1, 1), vec![old], "the old mayor in 2020");
    assert_eq!(on(2024, 6, 23), vec![old], "valid_to is inclusive");
    assert_eq!(
        on(2024, 6, 24),
        vec![new],
        "the new mayor from her first day"
    );
    assert_eq!(on(2010, 1, 1), Vec::<i64>::new(), "nobody before 2014");
    let assessore = store
        .read(|c| contacts::who_holds(c, org, "ASSESSORE", date(2020, 1, 1)))
        .expect("prefix title");
    assert_eq!(assessore.len(), 1, "a title prefix finds the longer title");

    let offices = store
        .read(|c| contacts::offices_of(c, new))
        .expect("offices");
    assert_eq!(offices.len(), 2, "current and past office");
    assert!(
        offices[0].current && offices[0].title == "Sindaco",
        "current first"
    );
    assert_eq!(offices[1].id, earlier, "then the past one");
    assert_eq!(
        offices[1].valid_to,
        Some(date(2024, 6, 23)),
        "with its end date"
    );

    let people = store
        .read(|c| contacts::comune_people(c, FIRENZE, date(2025, 1, 1)))
        .expect("comune people");
    assert_eq!(people.len(), 1, "only the people in office on the date");
    assert_eq!(people[0].person_id, new, "the current mayor");
    assert!(
        matches!(
            store.read(|c| contacts::comune_people(c, "999999", date(2025, 1, 1))),
            Err(Error::NotFound { .. })
        ),
        "an unknown comune is not_found"
    );
}

#[test]
fn role_rules_reject_reversed_dates_and_end_sets_the_last_day() {
    let db = TempDb::new();
    let store = db.open();
    let org = comune_org(&store, PRATO);
    let p = add(&store, "Ilaria", "Bugetti", None);
    let input = RoleInput {
        person_id: p,
        organisation_id: org,
        title: "Sindaco".to_owned(),
        valid_from: Some(date(2024, 6, 1)),
        valid_to: Some(date(2024, 1, 1)),
        notes: String::new(),
    };
    match store.write(|tx| contacts::add_role(tx, &input)) {
        Err(Error::Validation { details, .. }) => {
            assert_eq!(details[0].field, "valid_to", "the end date is blamed")
        }
        other => panic!("reversed dates must be rejected, got {other:?}"),
    }
    let id = role(&store, p, org, "Sindaco", Some((2024, 6, 1)), None);
    let ended = store
        .write(|tx| contacts::end_role(tx, id, date(2025, 3, 31)))
        .expect("end role");
    assert_eq!(ended.valid_to, Some(date(2025, 3, 31)), "end date stored");
    let holders = store
        .read(|c| contacts::who_holds(c, org, "Sindaco", date(2025, 4, 1)))
        .expect("who holds");
    assert!(holders.is_empty(), "nobody after the end");
}

#[test]
fn gdpr_export_has_everything_about_the_person() {
    let db = TempDb::new();
    let store = db.open();
    let org = comune_org(&store, FIRENZE);
    let p = add(&store, "Elena", "Vitale", Some("elena@esempio.it"));
    role(&store, p, org, "Referente SAI", Some((2025, 1, 1)), None);
    let v = store
        .read(|c| contacts::person_export(c, p))
        .expect("export");
    assert_eq!(v["person"]["family_name"], "Vitale", "person fields");
    assert_eq!(
        v["person"]["emails"][0]["email"], "elena@esempio.it",
        "e-mails"
    );
    assert_eq!(v["person"]["roles"][0]["title"], "Referente SAI", "roles");
    assert!(
        v["audit"].as_array().is_some_and(|a| a.len() >= 2),
        "audit entries about the person and the role: {}",
        v["audit"]
    );
}

#[test]
fn delete_org_with_roles_is_a_conflict() {
    let db = TempDb::new();
    let store = db.open();
    let org = comune_org(&store, FIRENZE);
    let p = add(&store, "Luca", "Galli", None);
    role(&store, p, org, "Consigliere", None, None);
    assert!(
        matches!(
            store.write(|tx| contacts::delete_org(tx, org)),
            Err(Error::Conflict { .. })
        ),
        "an organisation with roles is not deleted"
    );
}

#[test]
fn demo_scale_one_creates_offices_for_every_comune() {
    let db = TempDb::new();
    let store = db.open();
    let report = store
        .write(|tx| raccordo::demo::generate(tx, 1))
        .expect("demo");
    assert!(
        (1_900..=2_100).contains(&report.people),
        "about 2,000 people at scale 1, got {}",
        report.people
    );
    let firenze = store
        .read(|c| contacts::comune_people(c, FIRENZE, raccordo::time::today_rome()))
        .expect("comune people");
    let titles: Vec<&str> = firenze.iter().map(|r| r.title.as_str()).collect();
    assert!(
        titles.contains(&"Sindaco"),
        "a mayor in Firenze: {titles:?}"
    );
    assert!(
        titles.contains(&"Assessore al sociale"),
        "an assessore: {titles:?}"
    );
    let mayors: i64 = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM role WHERE title = 'Sindaco' AND valid_to IS NULL",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("count");
    assert_eq!(mayors, 273, "one current mayor per comune");
    let prefetti = store
        .read(|c| contacts::list_roles(c, None, None, Some(raccordo::time::today_rome())))
        .expect("roles")
        .into_iter()
        .filter(|r| r.title == "Prefetto")
        .count();
    assert_eq!(prefetti, 10, "a prefetto per prefettura");
    assert!(
        !search_people(&store, "rossi").is_empty(),
        "demo people are indexed"
    );
    let again = store
        .write(|tx| raccordo::demo::generate(tx, 1))
        .expect("demo again");
    assert_eq!(
        again.people, report.people,
        "deterministic and replacing its own data"
    );
    let total = store
        .read(|c| contacts::count_people(c, &PersonFilter::default()))
        .expect("count");
    assert_eq!(
        total,
        i64::from(report.people),
        "no duplicates after a second run"
    );
}

#[test]
fn unione_members_and_sds_zones_are_dated() {
    let db = TempDb::new();
    let store = db.open();
    let org = |kind: OrgKind, name: &str| {
        store
            .write(|tx| {
                contacts::create_org(
                    tx,
                    &raccordo::contacts::OrgInput {
                        kind,
                        name: name.to_owned(),
                        istat_code: None,
                        zone_id: None,
                        asl: None,
                        province_code: None,
                        notes: String::new(),
                    },
                )
            })
            .expect("create org")
            .id
    };
    let unione = org(OrgKind::Unione, "Unione dei Comuni della Val di Prova");
    store
        .write(|tx| {
            contacts::add_unione_member(
                tx,
                unione,
                FIRENZE,
                date(2020, 1, 1),
                Some(date(2023, 12, 31)),
            )
        })
        .expect("add member");
    store
        .write(|tx| contacts::add_unione_member(tx, unione, PRATO, date(2024, 1, 1), None))
        .expect("add member");
    let on = |d| {
        store
            .read(|c| contacts::unione_members(c, unione, Some(d)))
            .expect("members")
            .into_iter()
            .map(|m| m.code)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        on(date(2022, 5, 1)),
        vec![FIRENZE.to_owned()],
        "member in 2022"
    );
    assert_eq!(
        on(date(2024, 5, 1)),
        vec![PRATO.to_owned()],
        "member from 2024"
    );
    assert!(
        store
            .write(|tx| contacts::add_unione_member(tx, unione, PRATO, date(2025, 1, 1), None))
            .is_err(),
        "overlapping membership is rejected"
    );
    let sds = org(OrgKind::Sds, "SdS di prova");
    let zone = common::zone_id(&store, "Firenze");
    let zones = store
        .write(|tx| contacts::add_sds_zone(tx, sds, zone, date(2024, 1, 1), None))
        .expect("sds zone");
    assert_eq!(zones.len(), 1, "one zone");
    assert!(
        matches!(
            store.write(|tx| contacts::add_sds_zone(tx, unione, zone, date(2024, 1, 1), None)),
            Err(Error::Validation { .. })
        ),
        "only an SdS has zones"
    );
}

#[test]
fn comune_page_lists_the_mayor_first_then_deputy_then_assessori() {
    let db = TempDb::new();
    let store = db.open();
    let org = comune_org(&store, PRATO);
    let a = add(&store, "Anna", "Abati", None);
    let b = add(&store, "Bruno", "Bini", None);
    let c = add(&store, "Carla", "Conti", None);
    let d = add(&store, "Dario", "Duti", None);
    role(
        &store,
        a,
        org,
        "Assessore al sociale",
        Some((2024, 7, 1)),
        None,
    );
    role(
        &store,
        b,
        org,
        "Consigliere comunale",
        Some((2024, 7, 1)),
        None,
    );
    role(&store, c, org, "Vicesindaca", Some((2024, 7, 1)), None);
    role(&store, d, org, "Sindaco", Some((2024, 7, 1)), None);
    let titles: Vec<String> = store
        .read(|conn| contacts::comune_people(conn, PRATO, date(2025, 1, 1)))
        .expect("comune people")
        .into_iter()
        .map(|r| r.title)
        .collect();
    assert_eq!(
        titles,
        [
            "Sindaco",
            "Vicesindaca",
            "Assessore al sociale",
            "Consigliere comunale"
        ],
        "the head of the Comune first, then the deputy, assessori, the rest"
    );
}

#[test]
fn gdpr_export_file_is_complete_and_its_audit_row_holds_no_personal_data() {
    let db = TempDb::new();
    let store = db.open();
    let id = add(
        &store,
        "Niccolò",
        "Dell'Acqua",
        Some("n.dellacqua@esempio.it"),
    );
    let path = db.sibling("dati-niccolo-dellacqua.json");
    let outcome = contacts::transfer::export_person_file(&store, id, &path).expect("export");
    assert_eq!(outcome.count, 1, "one person exported");
    let text = std::fs::read_to_string(&path).expect("written");
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(
        json["person"]["emails"][0]["email"], "n.dellacqua@esempio.it",
        "the export holds the person's data"
    );
    let audit = store
        .read(|c| raccordo::audit::recent(c, 1))
        .expect("audit");
    assert!(
        audit[0].summary.contains(&id.to_string()) && !audit[0].summary.contains("niccolo"),
        "the audit row names the id, not the file name chosen by the user: {}",
        audit[0].summary
    );
    let missing = db.sibling("no-such-dir/out.json");
    assert!(
        contacts::transfer::export_person_file(&store, id, &missing).is_err(),
        "an unwritable destination is an error"
    );
    assert!(!missing.exists(), "and leaves no file");
}
