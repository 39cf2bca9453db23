//! Contacts search and identity: full-text folding, index exactness after edit/merge/erase,
//! duplicate detection and merge.

use crate::common;

use common::contacts::{add, comune_org, person_input, role, search_people};
use common::{date, TempDb, FIRENZE};
use raccordo::contacts::{self, DuplicateReason, HitKind, OrgInput, OrgKind, PersonFilter, Phone};
use raccordo::Error;

#[test]
fn search_folds_accents_apostrophes_and_prefixes() {
    let db = TempDb::new();
    let store = db.open();
    let n = add(&store, "Niccolò", "Bianchi", Some("n.bianchi@esempio.it"));
    let d = add(&store, "Anna", "D'Angelo", None);
    let org = store
        .write(|tx| {
            contacts::create_org(
                tx,
                &OrgInput {
                    kind: OrgKind::Associazione,
                    name: "Città Aperta APS".to_owned(),
                    istat_code: None,
                    zone_id: None,
                    asl: None,
                    province_code: None,
                    notes: String::new(),
                },
            )
        })
        .expect("create org")
        .id;
    role(&store, d, org, "Presidente", None, None);

    assert_eq!(
        search_people(&store, "niccolo"),
        vec![n],
        "niccolo finds Niccolò"
    );
    assert_eq!(search_people(&store, "NICC"), vec![n], "prefix, any case");
    assert_eq!(
        search_people(&store, "d'angelo"),
        vec![d],
        "apostrophe is no syntax error"
    );
    assert_eq!(
        search_people(&store, "D’Angelo"),
        vec![d],
        "typographic apostrophe"
    );
    assert_eq!(
        search_people(&store, "citta"),
        vec![d],
        "citta finds the person at Città Aperta"
    );
    let hits = store
        .read(|c| contacts::search(c, "citta", 10))
        .expect("search");
    assert!(
        hits.iter()
            .any(|h| h.kind == HitKind::Organisation && h.id == org),
        "the organisation itself is found"
    );
    assert!(
        hits.iter()
            .any(|h| h.kind == HitKind::Role && h.person_id == Some(d)),
        "and the role"
    );
    assert_eq!(
        search_people(&store, "n.bianchi@esempio"),
        vec![n],
        "e-mail as typed"
    );
    assert!(
        search_people(&store, "\"*(").is_empty(),
        "punctuation only finds nothing"
    );
    let listed = store
        .read(|c| {
            contacts::list_people(
                c,
                &PersonFilter {
                    search: Some("Niccolo bian".to_owned()),
                    ..Default::default()
                },
                50,
                0,
            )
        })
        .expect("list --search");
    assert_eq!(
        listed.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![n],
        "list --search"
    );
}

#[test]
fn index_stays_exact_after_edit_merge_and_erase() {
    let db = TempDb::new();
    let store = db.open();
    let a = add(&store, "Giulia", "Marchetti", Some("giulia@esempio.it"));
    let b = add(&store, "Giulia", "Marchetti", Some("GIULIA@esempio.it"));
    let mut edit = person_input("Giulia", "Innocenti", Some("giulia@esempio.it"));
    edit.tags.push("volontariato".to_owned());
    store
        .write(|tx| contacts::update_person(tx, a, &edit))
        .expect("edit");
    assert!(
        search_people(&store, "innocenti").contains(&a),
        "new name indexed"
    );
    assert!(
        !search_people(&store, "marchetti").contains(&a),
        "old name gone"
    );
    assert_eq!(
        search_people(&store, "volontariato"),
        vec![a],
        "tag indexed"
    );

    store
        .write(|tx| contacts::merge(tx, a, &[b]))
        .expect("merge");
    assert_eq!(
        search_people(&store, "marchetti"),
        Vec::<i64>::new(),
        "merged person gone from the index"
    );

    store.write(|tx| contacts::erase(tx, a)).expect("erase");
    assert!(
        search_people(&store, "innocenti").is_empty(),
        "erased person not found"
    );
    assert!(search_people(&store, "giulia").is_empty(), "by any term");
    let tokens: i64 = store
        .read(|c| {
            c.execute_batch(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, contact_fts, row)",
            )?;
            Ok(c.query_row(
                "SELECT count(*) FROM temp.vocab WHERE term IN ('innocenti', 'volontariato')",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("vocabulary");
    assert_eq!(
        tokens, 0,
        "no token of the erased person survives in the index"
    );
    assert!(
        store
            .read(|c| contacts::is_erased(c, a))
            .expect("tombstone")
            .is_some(),
        "a tombstone remains"
    );
    assert!(
        matches!(
            store.read(|c| contacts::person(c, a)),
            Err(Error::NotFound { .. })
        ),
        "the person is gone"
    );
    let audit = store
        .read(|c| raccordo::audit::recent(c, 50))
        .expect("audit");
    assert!(
        audit
            .iter()
            .all(|e| !e.summary.contains("Innocenti") && !e.summary.contains("Giulia")),
        "the audit log holds no personal data of the erased person"
    );
}

#[test]
fn duplicates_by_email_case_phone_and_swapped_names() {
    let db = TempDb::new();
    let store = db.open();
    let a = add(&store, "Marco", "Rossi", Some("Marco.Rossi@Esempio.it"));
    let b = add(&store, "M.", "Rossi", Some("marco.rossi@esempio.it"));
    let mut c_in = person_input("Paola", "Fabbri", None);
    c_in.phones.push(Phone {
        phone: "+39 055 123.456".to_owned(),
        label: String::new(),
        primary: true,
    });
    let c = store
        .write(|tx| contacts::create_person(tx, &c_in))
        .expect("c")
        .id;
    let mut d_in = person_input("Lucia", "Ferri", None);
    d_in.phones.push(Phone {
        phone: "0039055123456".to_owned(),
        label: String::new(),
        primary: true,
    });
    let d = store
        .write(|tx| contacts::create_person(tx, &d_in))
        .expect("d")
        .id;
    let e = add(&store, "Niccolò", "Conte", None);
    let f = add(&store, "CONTE", "Niccolo", None);
    add(&store, "Unico", "Nome", None);

    let groups = store.read(contacts::duplicates).expect("duplicates");
    let ids = |reason: DuplicateReason| -> Vec<Vec<i64>> {
        groups
            .iter()
            .filter(|g| g.reason == reason)
            .map(|g| g.people.iter().map(|p| p.id).collect())
            .collect()
    };
    assert_eq!(
        ids(DuplicateReason::Email),
        vec![vec![a, b]],
        "e-mail ignoring case"
    );
    assert_eq!(
        ids(DuplicateReason::Phone),
        vec![vec![c, d]],
        "phone ignoring +39/0039 and dots"
    );
    assert_eq!(
        ids(DuplicateReason::Name),
        vec![vec![e, f]],
        "swapped names, accents folded"
    );
}

#[test]
fn merge_keeps_every_role_contact_note_and_the_stricter_gdpr_fields() {
    let db = TempDb::new();
    let store = db.open();
    let org = comune_org(&store, FIRENZE);
    let mut keep_in = person_input("Marco", "Rossi", Some("marco@esempio.it"));
    keep_in.notes = "Conosciuto al convegno.".to_owned();
    keep_in.retention_until = Some(date(2030, 1, 1));
    let keep = store
        .write(|tx| contacts::create_person(tx, &keep_in))
        .expect("keep")
        .id;
    let mut other_in = person_input("Marco", "Rossi", Some("m.rossi@comune.fi.it"));
    other_in.notes = "Preferisce il telefono.".to_owned();
    other_in.phones.push(Phone {
        phone: "055 111222".to_owned(),
        label: String::new(),
        primary: true,
    });
    other_in.tags.push("sai".to_owned());
    other_in.restricted = true;
    other_in.retention_until = Some(date(2027, 1, 1));
    let other = store
        .write(|tx| contacts::create_person(tx, &other_in))
        .expect("other")
        .id;
    role(
        &store,
        other,
        org,
        "Assessore al sociale",
        Some((2024, 7, 1)),
        None,
    );

    let merged = store
        .write(|tx| contacts::merge(tx, keep, &[other]))
        .expect("merge");
    assert_eq!(merged.emails.len(), 2, "both e-mails kept");
    assert!(
        merged.emails[0].primary && merged.emails[0].email == "marco@esempio.it",
        "kept primary stays"
    );
    assert_eq!(merged.phones.len(), 1, "phone moved");
    assert_eq!(merged.tags, vec!["sai".to_owned()], "tag moved");
    assert_eq!(merged.roles.len(), 1, "role moved");
    assert!(
        merged.notes.contains("convegno") && merged.notes.contains("telefono"),
        "notes concatenated"
    );
    assert!(merged.restricted, "restricted if any was");
    assert_eq!(
        merged.retention_until,
        Some(date(2027, 1, 1)),
        "earliest retention"
    );
    assert!(
        matches!(
            store.read(|c| contacts::person(c, other)),
            Err(Error::NotFound { .. })
        ),
        "the other person is removed"
    );
    assert!(
        store
            .write(|tx| contacts::merge(tx, keep, &[keep]))
            .is_err(),
        "a person cannot be merged into itself"
    );
}

#[test]
fn renaming_an_organisation_reindexes_the_people_in_it() {
    let db = TempDb::new();
    let store = db.open();
    let p = add(&store, "Marta", "Serra", None);
    let org = store
        .write(|tx| {
            contacts::create_org(
                tx,
                &OrgInput {
                    kind: OrgKind::EnteGestore,
                    name: "Cooperativa Aurora".to_owned(),
                    istat_code: None,
                    zone_id: None,
                    asl: None,
                    province_code: None,
                    notes: String::new(),
                },
            )
        })
        .expect("create org");
    role(&store, p, org.id, "Coordinatrice", None, None);
    assert_eq!(
        search_people(&store, "aurora"),
        vec![p],
        "found by organisation"
    );
    let renamed = OrgInput {
        kind: OrgKind::EnteGestore,
        name: "Cooperativa Alba Nuova".to_owned(),
        istat_code: None,
        zone_id: None,
        asl: None,
        province_code: None,
        notes: String::new(),
    };
    store
        .write(|tx| contacts::update_org(tx, org.id, &renamed))
        .expect("rename org");
    assert!(
        search_people(&store, "aurora").is_empty(),
        "old organisation name gone"
    );
    assert_eq!(
        search_people(&store, "alba nuova"),
        vec![p],
        "new name indexed on the person"
    );
    let role_id = store.read(|c| contacts::offices_of(c, p)).expect("offices")[0].id;
    store
        .write(|tx| contacts::delete_role(tx, role_id))
        .expect("delete role");
    assert!(
        search_people(&store, "alba").is_empty(),
        "a deleted role leaves the index"
    );
}

#[test]
fn one_letter_lists_family_names_starting_with_it_like_an_address_book() {
    let db = TempDb::new();
    let store = db.open();
    let rossi = add(&store, "Marco", "Rossi", None);
    let elia = add(&store, "Roberta", "Élia", None);
    let orsi = add(&store, "Ugo", "Orsi", Some("r.orsi@esempio.it"));
    let page = |q: &str| {
        let filter = PersonFilter {
            search: Some(q.to_owned()),
            ..Default::default()
        };
        store
            .read(|c| contacts::person_page(c, &filter, 100, 0))
            .expect("page")
    };
    let r = page("r");
    assert_eq!(
        r.people.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![rossi],
        "one letter: only family names starting with R (not Roberta Élia, not r.orsi@…)"
    );
    assert_eq!(r.total, 1, "the total agrees with the list");
    let e = page("É");
    assert_eq!(
        e.people.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![elia],
        "the letter is folded like the names: É finds Élia"
    );
    let ro = page("ro");
    let mut found: Vec<i64> = ro.people.iter().map(|p| p.id).collect();
    found.sort_unstable();
    assert_eq!(
        found,
        vec![rossi, elia],
        "two letters search every word again (Rossi, Roberta)"
    );
    assert_eq!(page("%").total, 0, "a lone symbol matches nobody");
    let _ = orsi;
}
