//! `raccordo audit list` and `raccordo export audit`.

use crate::common;

use common::{cli, TempDb};
use predicates::prelude::*;

fn setup() -> TempDb {
    let db = TempDb::new();
    let store = db.open();
    common::contacts::add(&store, "Anna", "Rossi", None);
    common::contacts::add(&store, "Bruno", "Verdi", None);
    db
}

#[test]
fn audit_list_filters_and_formats() {
    let db = setup();
    let out = cli(&db.path)
        .args([
            "audit", "list", "--entity", "person", "--action", "create", "--format", "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let page: serde_json::Value = serde_json::from_slice(&out).expect("JSON page");
    assert_eq!(page["total"], 2, "two people created");
    assert_eq!(page["entries"][0]["action"], "create", "wire action name");
    cli(&db.path)
        .args(["audit", "list", "--limit", "1"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Data e ora")
                .and(predicate::str::contains("voci mostrate su")),
        );
    cli(&db.path)
        .args(["audit", "list", "--format", "csv", "--from", "01/01/2020"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("\u{FEFF}Data e ora;Azione"));
    cli(&db.path)
        .args(["audit", "list", "--action", "rubare"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Azione «rubare» sconosciuta"));
    cli(&db.path)
        .args([
            "audit",
            "list",
            "--from",
            "31/12/2099",
            "--to",
            "01/01/2000",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("successiva"));
}

#[test]
fn export_audit_writes_refuses_overwrite_and_logs_itself() {
    let db = setup();
    let out = db.sibling("registro.csv");
    cli(&db.path)
        .args(["export", "audit", "--format", "csv", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("voci del registro attività"));
    let text = std::fs::read_to_string(&out).expect("csv written");
    assert!(text.contains("persona"), "Italian entity labels: {text}");
    cli(&db.path)
        .args(["export", "audit", "--format", "csv", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--force"));
    cli(&db.path)
        .args(["export", "audit", "--format", "xlsx", "--force", "-o"])
        .arg(&out)
        .assert()
        .success();
    cli(&db.path)
        .args(["audit", "list", "--entity", "audit_log", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"total\": 2"));
}
