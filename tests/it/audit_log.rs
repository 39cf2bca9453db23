//! The audit log: append-only in the database itself, one entry per write of every write API,
//! no personal data left after an erasure, filters and paging, exports (which record
//! themselves).

use crate::common;

use std::path::Path;

use common::contacts::{add, comune_org, person_input};
use common::{date, zone_id, TempDb};
use raccordo::audit::{self, AuditAction, AuditExportKind, AuditFilter};
use raccordo::contacts::transfer::{self, ContactExportKind};
use raccordo::contacts::{self, OrgInput, OrgKind, PersonFilter, RoleInput};
use raccordo::{settings, territory, ProfileInput, Store};

fn count(store: &Store) -> i64 {
    store
        .read(|c| Ok(c.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?))
        .expect("count audit rows")
}

fn last(store: &Store) -> (String, String) {
    let e = store
        .read(|c| audit::recent(c, 1))
        .expect("recent")
        .into_iter()
        .next()
        .expect("an entry");
    (e.action, e.entity)
}

/// Runs `write`, asserts it added exactly one audit entry with this action and entity.
fn one_entry<T>(
    store: &Store,
    what: &str,
    action: &str,
    entity: &str,
    write: impl FnOnce() -> T,
) -> T {
    let before = count(store);
    let out = write();
    assert_eq!(count(store) - before, 1, "{what}: exactly one audit entry");
    assert_eq!(
        last(store),
        (action.to_owned(), entity.to_owned()),
        "{what}: action and entity of the entry"
    );
    out
}

#[test]
fn update_and_delete_are_rejected_by_the_database() {
    let db = TempDb::new();
    let store = db.open();
    add(&store, "Anna", "Rossi", None);
    drop(store);
    let conn = rusqlite::Connection::open(&db.path).expect("raw connection");
    let n: i64 = conn
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .expect("count");
    assert!(n > 0, "there are entries to tamper with");
    let update = conn.execute("UPDATE audit_log SET summary = 'falso'", []);
    assert!(
        update.is_err_and(|e| e.to_string().contains("append-only")),
        "UPDATE is refused by the trigger"
    );
    let delete = conn.execute("DELETE FROM audit_log", []);
    assert!(
        delete.is_err_and(|e| e.to_string().contains("append-only")),
        "DELETE is refused by the trigger"
    );
    let after: i64 = conn
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .expect("count");
    assert_eq!(after, n, "nothing was changed or removed");
}

#[test]
fn every_write_api_records_exactly_one_entry() {
    let db = TempDb::new();
    let store = db.open();
    let w = |f: &dyn Fn(&rusqlite::Transaction) -> raccordo::Result<()>| {
        store.write(|tx| f(tx)).expect("write");
    };

    one_entry(&store, "profile", "create", "profile", || {
        w(&|tx| {
            settings::save_profile(
                tx,
                &ProfileInput {
                    coordinator_name: "Coordinatrice".into(),
                    organisation: "ANCI Toscana".into(),
                },
            )
            .map(drop)
        })
    });
    let p1 = one_entry(&store, "person create", "create", "person", || {
        add(&store, "Maria", "Bianchi", Some("maria@example.it"))
    });
    let p2 = add(&store, "Mario", "Bianchi", Some("mario@example.it"));
    one_entry(&store, "person update", "update", "person", || {
        w(&|tx| {
            contacts::update_person(tx, p1, &person_input("Maria", "Bianchi-Verdi", None)).map(drop)
        })
    });
    let org = comune_org(&store, "048017");
    let role_input = RoleInput {
        person_id: p1,
        organisation_id: org,
        title: "Sindaca".into(),
        valid_from: Some(date(2024, 6, 10)),
        valid_to: None,
        notes: String::new(),
    };
    let role = one_entry(&store, "role add", "create", "role", || {
        store
            .write(|tx| contacts::add_role(tx, &role_input))
            .expect("add role")
            .id
    });
    one_entry(&store, "role update", "update", "role", || {
        w(&|tx| contacts::end_role(tx, role, date(2029, 6, 9)).map(drop))
    });
    one_entry(&store, "role delete", "delete", "role", || {
        w(&|tx| contacts::delete_role(tx, role).map(drop))
    });
    let org_input = |kind, name: &str| OrgInput {
        kind,
        name: name.into(),
        istat_code: None,
        zone_id: None,
        asl: None,
        province_code: None,
        notes: String::new(),
    };
    let unione = one_entry(&store, "org create", "create", "organisation", || {
        store
            .write(|tx| contacts::create_org(tx, &org_input(OrgKind::Unione, "Unione di prova")))
            .expect("create org")
            .id
    });
    one_entry(&store, "org update", "update", "organisation", || {
        w(&|tx| {
            contacts::update_org(tx, unione, &org_input(OrgKind::Unione, "Unione rinominata"))
                .map(drop)
        })
    });
    one_entry(&store, "unione member", "create", "unione_member", || {
        w(
            &|tx| {
                contacts::add_unione_member(tx, unione, "048017", date(2020, 1, 1), None).map(drop)
            },
        )
    });
    let sds = store
        .write(|tx| contacts::create_org(tx, &org_input(OrgKind::Sds, "SdS di prova")))
        .expect("create sds")
        .id;
    let zone = zone_id(&store, "Lunigiana");
    one_entry(&store, "sds zone", "create", "sds_zone", || {
        w(&|tx| contacts::add_sds_zone(tx, sds, zone, date(2020, 1, 1), None).map(drop))
    });
    let other = store
        .write(|tx| contacts::create_org(tx, &org_input(OrgKind::Altro, "Da eliminare")))
        .expect("create org")
        .id;
    one_entry(&store, "org delete", "delete", "organisation", || {
        w(&|tx| contacts::delete_org(tx, other).map(drop))
    });
    one_entry(&store, "zone confirm", "update", "zone", || {
        w(&|tx| territory::confirm_zones(tx, &[zone]).map(drop))
    });
    one_entry(&store, "zone rename", "update", "zone", || {
        w(&|tx| territory::rename_zone(tx, zone, "Zona rinominata").map(drop))
    });
    one_entry(&store, "membership", "update", "comune_zone", || {
        w(&|tx| {
            territory::set_comune_zone(
                tx,
                "045001",
                Some(zone),
                raccordo::time::today_rome(),
                "test",
            )
            .map(drop)
        })
    });
    one_entry(&store, "zones import", "import", "comune_zone", || {
        w(&|tx| {
            territory::import_zones(
                tx,
                "istat_code;zona\n045001;Zona rinominata\n".as_bytes(),
                "z.csv",
                date(2030, 1, 1),
                false,
            )
            .map(drop)
        })
    });
    let csv = db.sibling("contatti.csv");
    std::fs::write(&csv, "Nome;Cognome;E-mail\nLuca;Neri;luca@example.it\n").expect("write csv");
    one_entry(&store, "contacts import", "import", "person", || {
        w(&|tx| transfer::import_file(tx, &csv, None, false).map(drop))
    });
    one_entry(&store, "contacts export", "export", "person", || {
        transfer::export_and_record(
            &store,
            &db.sibling("out.csv"),
            ContactExportKind::Csv,
            &PersonFilter::default(),
        )
        .expect("export contacts")
    });
    one_entry(&store, "merge", "update", "person", || {
        w(&|tx| contacts::merge(tx, p1, &[p2]).map(drop))
    });
    let p3 = add(&store, "Da", "Eliminare", None);
    one_entry(&store, "person delete", "delete", "person", || {
        w(&|tx| contacts::delete_person(tx, p3).map(drop))
    });
    one_entry(&store, "erasure", "delete", "person", || {
        w(&|tx| contacts::erase(tx, p1))
    });
    one_entry(&store, "audit export", "export", "audit_log", || {
        audit::export_and_record(
            &store,
            &db.sibling("registro.json"),
            AuditExportKind::Json,
            &AuditFilter::default(),
        )
        .expect("export audit")
    });
}

#[test]
fn an_erasure_leaves_no_personal_data_in_the_log() {
    let db = TempDb::new();
    let store = db.open();
    let mut input = person_input(
        "Ginevra",
        "Zanzibarri",
        Some("ginevra.zanzibarri@example.it"),
    );
    input.notes = "Nota riservata Quercifoglio".into();
    input.phones = vec![raccordo::contacts::Phone {
        phone: "+39 055 9876543".into(),
        label: String::new(),
        primary: true,
    }];
    let id = store
        .write(|tx| contacts::create_person(tx, &input))
        .expect("create")
        .id;
    input.family_name = "Zanzibarri-Lupetti".into();
    store
        .write(|tx| contacts::update_person(tx, id, &input))
        .expect("update");
    let org = comune_org(&store, "048017");
    common::contacts::role(&store, id, org, "Assessora", Some((2024, 1, 1)), None);
    store.write(|tx| contacts::erase(tx, id)).expect("erase");
    let rows: Vec<String> = store
        .read(|c| {
            let mut stmt = c.prepare(
                "SELECT at || action || entity || coalesce(entity_id,'') || summary || coalesce(details,'') FROM audit_log",
            )?;
            let v = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            Ok(v)
        })
        .expect("read log");
    let text = rows.join("\n").to_lowercase();
    for secret in [
        "ginevra",
        "zanzibarri",
        "lupetti",
        "quercifoglio",
        "9876543",
        "example.it",
    ] {
        assert!(
            !text.contains(secret),
            "the audit log must not contain «{secret}»:\n{text}"
        );
    }
}

fn page(store: &Store, filter: &AuditFilter, offset: u32, limit: u32) -> audit::AuditPage {
    store
        .read(|c| audit::query(c, filter, offset, limit))
        .expect("query")
}

#[test]
fn query_filters_and_pages_newest_first() {
    let db = TempDb::new();
    let store = db.open();
    for i in 0..12 {
        add(&store, &format!("N{i}"), "Persona", None);
    }
    let all = page(&store, &AuditFilter::default(), 0, 1000);
    let people = AuditFilter {
        entity: Some("person".into()),
        action: Some(AuditAction::Create),
        ..AuditFilter::default()
    };
    let p = page(&store, &people, 0, 5);
    assert_eq!(p.total, 12, "twelve people created");
    assert_eq!(p.entries.len(), 5, "a page of five");
    assert!(
        p.entries.windows(2).all(|w| w[0].id > w[1].id),
        "newest first"
    );
    let p3 = page(&store, &people, 10, 5);
    assert_eq!(p3.entries.len(), 2, "the last page holds the rest");
    assert_eq!(p3.offset, 10, "offset echoed");
    let today = raccordo::time::today_rome();
    let by_day = AuditFilter {
        from: Some(today),
        to: Some(today),
        ..AuditFilter::default()
    };
    assert_eq!(
        page(&store, &by_day, 0, 1000).total,
        all.total,
        "everything happened today"
    );
    let yesterday = AuditFilter {
        to: Some(today.pred_opt().expect("yesterday")),
        ..AuditFilter::default()
    };
    assert_eq!(
        page(&store, &yesterday, 0, 10).total,
        0,
        "nothing before today"
    );
    let text = AuditFilter {
        text: Some("100%_".into()),
        ..AuditFilter::default()
    };
    assert_eq!(
        page(&store, &text, 0, 10).total,
        0,
        "LIKE wildcards are literal"
    );
    let backwards = AuditFilter {
        from: Some(today),
        to: Some(today.pred_opt().expect("yesterday")),
        ..AuditFilter::default()
    };
    assert!(
        store.read(|c| audit::query(c, &backwards, 0, 10)).is_err(),
        "from after to is refused"
    );
    let ents = store.read(audit::entities).expect("entities");
    assert!(
        ents.contains(&"person".to_owned()),
        "entities list the people"
    );
}

#[test]
fn exports_neutralise_formulas_and_record_themselves() {
    let db = TempDb::new();
    let store = db.open();
    store
        .write(|tx| {
            contacts::create_org(
                tx,
                &OrgInput {
                    kind: OrgKind::Altro,
                    name: "=HYPERLINK(\"http://x\";\"y\")".into(),
                    istat_code: None,
                    zone_id: None,
                    asl: None,
                    province_code: None,
                    notes: String::new(),
                },
            )
        })
        .expect("org");
    let csv = db.sibling("registro.csv");
    let out = audit::export_and_record(&store, &csv, AuditExportKind::Csv, &AuditFilter::default())
        .expect("csv export");
    let text = std::fs::read_to_string(&csv).expect("read csv");
    assert!(
        text.starts_with("\u{FEFF}Data e ora;Azione;Oggetto"),
        "BOM and Italian header: {text}"
    );
    assert!(
        !text.contains(";=HYPERLINK") && !text.contains("\n="),
        "formula neutralised: {text}"
    );
    assert_eq!(out.file_name, "registro.csv", "file name reported");
    assert_eq!(
        last(&store),
        ("export".to_owned(), "audit_log".to_owned()),
        "the export is logged"
    );
    let xlsx = db.sibling("registro.xlsx");
    audit::export_and_record(
        &store,
        &xlsx,
        AuditExportKind::Xlsx,
        &AuditFilter::default(),
    )
    .expect("xlsx");
    assert!(
        common::bytes(&xlsx).starts_with(b"PK"),
        "an XLSX (zip) file"
    );
    let json = db.sibling("registro.json");
    let n = audit::export_and_record(
        &store,
        &json,
        AuditExportKind::Json,
        &AuditFilter::default(),
    )
    .expect("json")
    .count;
    let doc: serde_json::Value = serde_json::from_slice(&common::bytes(&json)).expect("valid JSON");
    assert_eq!(doc["format"], "raccordo-audit-log", "format tag");
    assert_eq!(
        doc["entries"].as_array().map(Vec::len),
        Some(n as usize),
        "all entries"
    );
    assert!(
        !Path::new(&db.sibling(".registro.json.tmp")).exists(),
        "no temporary file left"
    );
}
