//! The `raccordo` CLI: every command, output formats, the one-line error contract and exit codes.

use crate::common;

use std::collections::HashMap;
use std::fs;

use common::{bytes, cli, cli_bare, TempDb};
use predicates::prelude::*;
use rusqlite::Connection;
use serde_json::Value;

/// stderr must be exactly one line starting with `errore: `.
fn assert_one_error_line(stderr: &[u8], context: &str) -> String {
    let text = String::from_utf8_lossy(stderr).into_owned();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "{context}: stderr must be one line, got {text:?}"
    );
    assert!(
        lines[0].starts_with("errore: "),
        "{context}: line starts with 'errore: ': {text:?}"
    );
    text
}

fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out)
        .unwrap_or_else(|e| panic!("stdout is JSON ({e}): {}", String::from_utf8_lossy(out)))
}

#[test]
fn done_when_territory_list_comune_json() {
    let db = TempDb::new();
    let out = cli(&db.path)
        .args(["territory", "list", "--level", "comune", "--format", "json"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "exit 0: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = json(&out.stdout);
    let rows = rows.as_array().expect("a JSON array");
    assert_eq!(rows.len(), 273, "273 comuni");
    let mut by_asl: HashMap<String, usize> = HashMap::new();
    let mut provinces = std::collections::HashSet::new();
    let mut population = 0i64;
    for r in rows {
        *by_asl
            .entry(r["asl"].as_str().unwrap_or("").to_owned())
            .or_default() += 1;
        provinces.insert(r["province"].as_str().unwrap_or("").to_owned());
        population += r["population"].as_i64().unwrap_or(0);
    }
    assert_eq!(by_asl.get("nord-ovest"), Some(&102), "ASL nord-ovest 102");
    assert_eq!(by_asl.get("centro"), Some(&72), "ASL centro 72");
    assert_eq!(by_asl.get("sud-est"), Some(&99), "ASL sud-est 99");
    assert_eq!(provinces.len(), 10, "10 provinces");
    assert_eq!(population, 3_651_152, "population total 3,651,152");
}

#[test]
fn init_creates_the_database_and_is_idempotent() {
    let db = TempDb::new();
    cli(&db.path).arg("init").assert().success().stdout(
        predicate::str::contains("Database creato").and(predicate::str::contains("273 comuni")),
    );
    assert!(db.path.is_file(), "database created");
    cli(&db.path)
        .arg("init")
        .assert()
        .success()
        .stdout(predicate::str::contains("già pronto"));
}

#[test]
fn raccordo_db_environment_selects_the_database() {
    let db = TempDb::new();
    cli_bare()
        .env("RACCORDO_DB", &db.path)
        .arg("init")
        .assert()
        .success();
    assert!(db.path.is_file(), "RACCORDO_DB names the database file");
    let other = db.sibling("other.sqlite");
    cli_bare()
        .env("RACCORDO_DB", &db.path)
        .arg("--db")
        .arg(&other)
        .arg("init")
        .assert()
        .success();
    assert!(other.is_file(), "--db wins over RACCORDO_DB");
}

#[test]
fn territory_list_levels_and_formats() {
    let db = TempDb::new();
    let table = cli(&db.path)
        .args(["territory", "list", "--level", "asl"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(table.status.success(), "table exit 0");
    assert!(
        text.contains("Azienda USL Toscana centro") && text.contains("1.599.491"),
        "Italian table: {text}"
    );
    let csv = cli(&db.path)
        .args([
            "territory",
            "list",
            "--level",
            "province",
            "--format",
            "csv",
        ])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&csv.stdout);
    assert!(
        text.starts_with('\u{FEFF}'),
        "CSV starts with a BOM for spreadsheets"
    );
    assert_eq!(text.lines().count(), 11, "header + 10 provinces");
    assert!(
        text.lines()
            .nth(1)
            .is_some_and(|l| l.split(';').count() == 8),
        "; separator"
    );
    for level in ["region", "zone", "comune"] {
        cli(&db.path)
            .args(["territory", "list", "--level", level])
            .assert()
            .success();
    }
    let region = json(
        &cli(&db.path)
            .args(["territory", "list", "--level", "region", "--format", "json"])
            .output()
            .expect("run")
            .stdout,
    );
    assert_eq!(region[0]["population"], 3_651_152, "region total");
    let err = cli(&db.path)
        .args(["territory", "list", "--on", "31/02/2025"])
        .output()
        .expect("run");
    assert_eq!(
        err.status.code(),
        Some(1),
        "a bad date is a (validation) error, exit 1"
    );
    assert_one_error_line(&err.stderr, "bad date");
}

#[test]
fn import_zones_reports_rows_and_exit_codes() {
    let db = TempDb::new();
    let good = db.sibling("zone.csv");
    fs::write(&good, "istat_code;zona\n045001;Lunigiana\n048017;Firenze\n").expect("csv");
    cli(&db.path)
        .args(["territory", "import-zones"])
        .arg(&good)
        .args(["--valid-from", "01/01/2025", "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::contains("nessuna modifica applicata"));
    cli(&db.path)
        .args(["territory", "import-zones"])
        .arg(&good)
        .args(["--valid-from", "2025-01-01"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Applicato"));
    let show = json(
        &cli(&db.path)
            .args([
                "comune",
                "show",
                "045001",
                "--on",
                "02/01/2025",
                "--format",
                "json",
            ])
            .output()
            .expect("run")
            .stdout,
    );
    assert_eq!(
        show["zone"]["zone_name"], "Lunigiana",
        "import applied after commit"
    );

    let bad = db.sibling("bad.csv");
    fs::write(&bad, "istat_code;zona\n046017;Pratese\n999999;Firenze\n").expect("csv");
    let out = cli(&db.path)
        .args(["territory", "import-zones"])
        .arg(&bad)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "rejected rows give exit 1");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("   2  ") && stdout.contains("   3  "),
        "row report with lines: {stdout}"
    );
    let err = assert_one_error_line(&out.stderr, "rejected rows");
    assert!(
        err.contains("2 righe rifiutate"),
        "summary on stderr: {err}"
    );
    let json_out = cli(&db.path)
        .args(["territory", "import-zones", "--format", "json"])
        .arg(&bad)
        .output()
        .expect("run");
    let report = json(&json_out.stdout);
    assert_eq!(
        report["rejected"].as_array().map(Vec::len),
        Some(2),
        "JSON report"
    );
    assert_eq!(report["applied"], false, "nothing applied");

    let missing = cli(&db.path)
        .args(["territory", "import-zones"])
        .arg(db.sibling("nope.csv"))
        .output()
        .expect("run");
    assert_eq!(missing.status.code(), Some(1), "missing file is exit 1");
    assert_one_error_line(&missing.stderr, "missing file");
}

#[test]
fn zone_commands() {
    let db = TempDb::new();
    let list = json(
        &cli(&db.path)
            .args(["zone", "list", "--format", "json"])
            .output()
            .expect("run")
            .stdout,
    );
    assert_eq!(list.as_array().map(Vec::len), Some(28), "28 zones");
    let first = list[0]["id"].as_i64().expect("id");
    cli(&db.path)
        .args(["zone", "confirm", &first.to_string()])
        .assert()
        .success()
        .stdout(predicate::str::contains("Ancora da confermare: 27"));
    cli(&db.path)
        .args(["zone", "confirm", "--all"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Ancora da confermare: 0"));
    cli(&db.path)
        .args([
            "zone",
            "rename",
            &first.to_string(),
            "Apuane (Massa e Carrara)",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Apuane (Massa e Carrara)"));
    let dup = cli(&db.path)
        .args(["zone", "rename", &first.to_string(), "lunigiana"])
        .output()
        .expect("run");
    assert_eq!(dup.status.code(), Some(1), "duplicate name is exit 1");
    let err = assert_one_error_line(&dup.stderr, "duplicate zone");
    assert!(err.contains("Lunigiana"), "names the clashing zone: {err}");
    let none = cli(&db.path)
        .args(["zone", "confirm"])
        .output()
        .expect("run");
    assert_eq!(
        none.status.code(),
        Some(2),
        "confirm without ids is a usage error"
    );
    assert_one_error_line(&none.stderr, "confirm without ids");
}

#[test]
fn comune_commands() {
    let db = TempDb::new();
    cli(&db.path)
        .args(["comune", "show", "048017"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Firenze (FI), capoluogo")
                .and(predicate::str::contains("360.930")),
        );
    cli(&db.path)
        .args(["comune", "search", "niccolo"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Castel San Niccolò"));
    let unknown = cli(&db.path)
        .args(["comune", "show", "999999"])
        .output()
        .expect("run");
    assert_eq!(unknown.status.code(), Some(1), "unknown comune is exit 1");
    let err = assert_one_error_line(&unknown.stderr, "unknown comune");
    assert!(
        err.contains("999999") && err.contains("ISTAT"),
        "explains: {err}"
    );

    let zones = json(
        &cli(&db.path)
            .args(["zone", "list", "--format", "json"])
            .output()
            .expect("run")
            .stdout,
    );
    let lunigiana = zones
        .as_array()
        .and_then(|z| z.iter().find(|z| z["name"] == "Lunigiana"))
        .and_then(|z| z["id"].as_i64())
        .expect("Lunigiana id");
    cli(&db.path)
        .args([
            "comune",
            "set-zone",
            "045001",
            "--zone",
            &lunigiana.to_string(),
            "--from",
            "01/03/2025",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("zona «Lunigiana» dal 01/03/2025"));
    cli(&db.path)
        .args(["comune", "show", "045001", "--on", "2025-03-01"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Lunigiana (dal 01/03/2025)"));
}

#[test]
fn profile_and_demo_commands() {
    let db = TempDb::new();
    cli(&db.path)
        .args(["profile", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("no"));
    cli(&db.path)
        .args([
            "profile",
            "set",
            "--name",
            "Anna Rossi",
            "--organisation",
            "ANCI Toscana",
        ])
        .assert()
        .success();
    let p = json(
        &cli(&db.path)
            .args(["profile", "show", "--format", "json"])
            .output()
            .expect("run")
            .stdout,
    );
    assert_eq!(p["configured"], true, "profile saved");
    let bad = cli(&db.path)
        .args(["profile", "set", "--name", " ", "--organisation", "x"])
        .output()
        .expect("run");
    assert_eq!(bad.status.code(), Some(1), "validation is exit 1");
    assert_one_error_line(&bad.stderr, "empty name");

    cli(&db.path)
        .args(["demo", "--scale", "1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("SINTETICI").and(predicate::str::contains("273")));
    let bad_scale = cli(&db.path)
        .args(["demo", "--scale", "0"])
        .output()
        .expect("run");
    assert_eq!(
        bad_scale.status.code(),
        Some(1),
        "scale 0 is a validation error"
    );
    assert_one_error_line(&bad_scale.stderr, "scale 0");
}

#[test]
fn check_backup_and_restore_commands() {
    let db = TempDb::new();
    cli(&db.path).arg("init").assert().success();
    cli(&db.path)
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("Integrità"));
    let copy = db.sibling("copia.sqlite");
    cli(&db.path)
        .args(["backup", "-o"])
        .arg(&copy)
        .assert()
        .success()
        .stdout(predicate::str::contains("Backup scritto"));
    let again = cli(&db.path)
        .args(["backup", "-o"])
        .arg(&copy)
        .output()
        .expect("run");
    assert_eq!(
        again.status.code(),
        Some(1),
        "an existing destination needs --force"
    );
    assert_one_error_line(&again.stderr, "existing backup");
    cli(&db.path)
        .args(["backup", "--force", "-o"])
        .arg(&copy)
        .assert()
        .success();
    cli(&db.path)
        .arg("restore")
        .arg(&copy)
        .assert()
        .success()
        .stdout(predicate::str::contains("conservato in"));
    cli(&copy).arg("check").assert().success();

    let junk = db.sibling("junk.sqlite");
    fs::write(&junk, vec![1u8; 5000]).expect("junk");
    let out = cli(&junk).arg("check").output().expect("run");
    assert_eq!(
        out.status.code(),
        Some(1),
        "check of a corrupt file is exit 1"
    );
    assert_one_error_line(&out.stderr, "corrupt check");
}

#[test]
fn corrupt_and_newer_databases_give_one_clear_line_and_stay_untouched() {
    let db = TempDb::new();
    fs::write(&db.path, b"this is not a database, just text, long enough to have a header .....................................").expect("junk");
    let before = bytes(&db.path);
    let out = cli(&db.path)
        .args(["territory", "list"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "corrupt database is exit 1");
    let err = assert_one_error_line(&out.stderr, "corrupt database");
    assert!(err.contains("non è stato modificato"), "reassures: {err}");
    assert_eq!(bytes(&db.path), before, "corrupt file untouched");

    let newer = TempDb::new();
    cli(&newer.path).arg("init").assert().success();
    Connection::open(&newer.path)
        .and_then(|c| c.pragma_update(None, "user_version", 99))
        .expect("bump");
    let before = bytes(&newer.path);
    let out = cli(&newer.path).arg("init").output().expect("run");
    assert_eq!(out.status.code(), Some(1), "newer database is exit 1");
    let err = assert_one_error_line(&out.stderr, "newer database");
    assert!(
        err.contains("schema 99") && err.contains("aggiorna Raccordo"),
        "explains: {err}"
    );
    assert_eq!(bytes(&newer.path), before, "newer file untouched");
}

#[test]
fn usage_errors_are_one_line_with_exit_2() {
    let db = TempDb::new();
    for args in [
        vec!["frobnicate"],
        vec!["territory", "list", "--level", "galaxy"],
        vec!["territory", "list", "--bogus"],
        vec!["backup"],
        vec![],
        vec!["demo", "--scale", "many"],
    ] {
        let out = cli(&db.path).args(&args).output().expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}: usage error exit 2");
        assert_one_error_line(&out.stderr, &format!("{args:?}"));
    }
    assert!(!db.path.exists(), "usage errors never create the database");
    cli_bare()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("territory"));
    cli_bare().arg("--version").assert().success();
}

#[test]
fn closed_stdout_pipe_is_not_an_error() {
    let db = TempDb::new();
    cli(&db.path).arg("init").assert().success();
    // A pipe whose reading end is already closed: every write fails with EPIPE.
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin!("raccordo"))
        .arg("--db")
        .arg(&db.path)
        .args(["territory", "list", "--level", "comune"])
        .env_remove("RACCORDO_DB")
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("run");
    assert!(
        out.stderr.is_empty(),
        "no panic or error message on a closed pipe: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "a reader going away (| head) is not an error"
    );
}
