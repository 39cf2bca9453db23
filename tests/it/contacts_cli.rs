//! `person`, `org` and `role` commands end to end on a temporary database.

use crate::common;

use common::{cli, TempDb};
use predicates::prelude::*;

fn stdout(db: &TempDb, args: &[&str]) -> String {
    let out = cli(&db.path).args(args).assert().success();
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

fn json(db: &TempDb, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&stdout(db, args)).expect("JSON output")
}

#[test]
fn add_search_show_edit_role_merge_erase() {
    let db = TempDb::new();
    let added = stdout(
        &db,
        &[
            "person",
            "add",
            "--given",
            "Niccolò",
            "--family",
            "D'Angelo",
            "--email",
            "N.DAngelo@Esempio.it",
            "--phone",
            "+39 055 123456",
            "--tag",
            "sai",
        ],
    );
    assert!(
        added.starts_with("Persona 1 creata: Niccolò D'Angelo"),
        "add prints the id: {added}"
    );
    stdout(
        &db,
        &[
            "person",
            "add",
            "--given",
            "Nicolo",
            "--family",
            "Dangelo",
            "--email",
            "n.dangelo@esempio.it",
        ],
    );

    let found = json(
        &db,
        &["person", "list", "--search", "d'angelo", "--format", "json"],
    );
    assert_eq!(
        found.as_array().map(Vec::len),
        Some(1),
        "search with apostrophe: {found}"
    );
    let found = json(
        &db,
        &["person", "list", "--search", "niccolo", "--format", "json"],
    );
    assert_eq!(
        found[0]["family_name"], "D'Angelo",
        "accents folded: {found}"
    );

    let firenze = json(
        &db,
        &[
            "org", "list", "--kind", "comune", "--search", "firenze", "--format", "json",
        ],
    );
    let org = firenze[0]["id"]
        .as_i64()
        .expect("Firenze org id")
        .to_string();
    let role = stdout(
        &db,
        &[
            "role",
            "add",
            "--person",
            "1",
            "--org",
            &org,
            "--title",
            "Sindaco",
            "--from",
            "24/06/2024",
        ],
    );
    assert!(
        role.contains("Sindaco – Comune di Firenze") && role.contains("dal 24/06/2024"),
        "{role}"
    );
    let shown = stdout(&db, &["person", "show", "1"]);
    assert!(
        shown.contains("Sindaco") && shown.contains("in carica"),
        "show lists the office: {shown}"
    );
    let in_comune = json(
        &db,
        &["person", "list", "--comune", "048017", "--format", "json"],
    );
    assert_eq!(
        in_comune.as_array().map(Vec::len),
        Some(1),
        "--comune filter: {in_comune}"
    );

    stdout(&db, &["role", "end", "1", "--on", "31/12/2025"]);
    let roles = json(&db, &["role", "list", "--person", "1", "--format", "json"]);
    assert_eq!(roles[0]["valid_to"], "2025-12-31", "role ended: {roles}");

    let dups = json(&db, &["person", "duplicates", "--format", "json"]);
    assert!(
        dups.as_array()
            .is_some_and(|g| g.iter().any(|g| g["reason"] == "email")),
        "same e-mail ignoring case is a duplicate: {dups}"
    );
    let merged = stdout(&db, &["person", "merge", "1", "2"]);
    assert!(
        merged.contains("1 e-mail") && merged.contains("1 incarichi"),
        "the same address in another case is kept once, the role is kept: {merged}"
    );
    cli(&db.path).args(["person", "show", "2"]).assert().code(1);

    let export = db.sibling("gdpr.json");
    stdout(
        &db,
        &[
            "person",
            "export-gdpr",
            "1",
            "-o",
            export.to_str().expect("path"),
        ],
    );
    let exported: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&export).expect("export written")).expect("json");
    assert_eq!(
        exported["person"]["family_name"], "D'Angelo",
        "export has the person"
    );

    stdout(&db, &["person", "erase", "1"]);
    let found = json(
        &db,
        &["person", "list", "--search", "angelo", "--format", "json"],
    );
    assert_eq!(
        found.as_array().map(Vec::len),
        Some(0),
        "erased person is not found: {found}"
    );
    cli(&db.path)
        .args(["person", "show", "1"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "errore: Nessuna persona con identificativo 1",
        ));
}

#[test]
fn invalid_input_is_one_italian_line() {
    let db = TempDb::new();
    cli(&db.path)
        .args([
            "person",
            "add",
            "--given",
            "Mario",
            "--email",
            "mario-at-esempio.it",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "errore: L'indirizzo e-mail «mario-at-esempio.it» non è valido",
        ));
    cli(&db.path)
        .args(["org", "add", "--kind", "castello", "--name", "X"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("«castello» non è ammesso"));
    let with_role = db.sibling("x");
    drop(with_role);
    let out = stdout(
        &db,
        &[
            "org",
            "add",
            "--kind",
            "associazione",
            "--name",
            "Città Aperta",
        ],
    );
    assert!(
        out.starts_with("Organizzazione "),
        "org add prints the id: {out}"
    );
}

#[test]
fn unione_members_and_sds_zones_are_dated_relations() {
    let db = TempDb::new();
    stdout(
        &db,
        &["org", "add", "--kind", "unione", "--name", "Unione Valdera"],
    );
    stdout(
        &db,
        &["org", "add", "--kind", "sds", "--name", "SdS Pisana"],
    );
    let orgs = json(
        &db,
        &["org", "list", "--search", "valdera", "--format", "json"],
    );
    let unione = orgs[0]["id"].as_i64().expect("the Unione was created");
    let orgs = json(
        &db,
        &["org", "list", "--search", "sds pisana", "--format", "json"],
    );
    let sds = orgs[0]["id"].as_i64().expect("the SdS was created");
    let u = unione.to_string();
    let added = stdout(
        &db,
        &[
            "org",
            "add-member",
            &u,
            "--istat",
            "050029",
            "--from",
            "01/01/2015",
            "--to",
            "31/12/2022",
        ],
    );
    assert!(added.contains("aggiunto"), "add-member confirms: {added}");
    stdout(
        &db,
        &[
            "org",
            "add-member",
            &u,
            "--istat",
            "050026",
            "--from",
            "01/01/2023",
        ],
    );

    let all = json(&db, &["org", "members", &u, "--format", "json"]);
    assert_eq!(
        all.as_array().map(Vec::len),
        Some(2),
        "both periods listed: {all}"
    );
    let in_2020 = json(
        &db,
        &[
            "org",
            "members",
            &u,
            "--on",
            "15/06/2020",
            "--format",
            "json",
        ],
    );
    let names: Vec<&str> = in_2020
        .as_array()
        .map(|a| a.iter().filter_map(|l| l["name"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        names,
        ["Pontedera"],
        "on 15/06/2020 only the 2015–2022 member counts"
    );
    let table = stdout(&db, &["org", "members", &u]);
    assert!(
        table.contains("01/01/2015") && table.contains("31/12/2022") && table.contains("in corso"),
        "the table shows periods gg/mm/aaaa: {table}"
    );

    cli(&db.path)
        .args([
            "org",
            "add-member",
            &u,
            "--istat",
            "999999",
            "--from",
            "01/01/2023",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("999999"));
    cli(&db.path)
        .args([
            "org",
            "add-member",
            &sds.to_string(),
            "--istat",
            "050026",
            "--from",
            "01/01/2023",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("Unione"));

    let zones = json(&db, &["zone", "list", "--format", "json"]);
    let zone = zones[0]["id"].as_i64().expect("zones exist").to_string();
    stdout(
        &db,
        &[
            "org",
            "add-zone",
            &sds.to_string(),
            "--zone",
            &zone,
            "--from",
            "01/01/2020",
        ],
    );
    let linked = json(&db, &["org", "zones", &sds.to_string(), "--format", "json"]);
    assert_eq!(
        linked[0]["code"].as_str(),
        Some(zone.as_str()),
        "the zone is linked: {linked}"
    );
}
