//! `person`, `org` and `role` commands end to end on a temporary database.

mod common;

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
