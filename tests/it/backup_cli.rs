//! CLI of the backups folder: `init` takes the daily backup, `backup list|verify|--rotate`,
//! `pre-import` backups before applied imports (never on --dry-run), `restore` reports its
//! pre-restore backup, the crash writer stays hidden.

use crate::common;

use std::fs;

use common::{cli, cli_bare, TempDb};
use predicates::prelude::*;
use serde_json::Value;

fn backups_json(db: &TempDb) -> Vec<Value> {
    let out = cli(&db.path)
        .args(["backup", "list", "--format", "json"])
        .output()
        .expect("run backup list");
    assert!(out.status.success(), "backup list succeeds");
    match serde_json::from_slice(&out.stdout).expect("backup list prints JSON") {
        Value::Array(v) => v,
        other => panic!("backup list --format json is an array, got {other}"),
    }
}

fn reasons(db: &TempDb) -> Vec<String> {
    backups_json(db)
        .iter()
        .map(|b| b["reason"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn init_takes_the_daily_backup_once_and_list_shows_it() {
    let db = TempDb::new();
    assert!(reasons(&db).is_empty(), "no backups before the first start");
    cli(&db.path)
        .arg("init")
        .assert()
        .success()
        .stdout(predicate::str::contains("Backup giornaliero"));
    cli(&db.path)
        .arg("init")
        .assert()
        .success()
        .stdout(predicate::str::contains("Backup giornaliero").not());
    assert_eq!(reasons(&db), vec!["daily"], "one daily backup per day");
    cli(&db.path)
        .args(["territory", "list", "--level", "asl"])
        .assert()
        .success();
    assert_eq!(
        reasons(&db),
        vec!["daily"],
        "read commands never take backups"
    );
    cli(&db.path)
        .args(["backup", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("giornaliero").and(predicate::str::contains("Cartella")));
}

#[test]
fn backup_rotate_writes_a_manual_backup_and_reports_the_rotation_as_json() {
    let db = TempDb::new();
    cli(&db.path).arg("init").assert().success();
    let out = cli(&db.path)
        .args(["backup", "--rotate", "--format", "json"])
        .output()
        .expect("run");
    assert!(out.status.success(), "backup --rotate succeeds");
    let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(v["backup"]["reason"], "manual", "a manual backup: {v}");
    assert_eq!(
        v["rotation"]["removed"].as_array().map(Vec::len),
        Some(0),
        "nothing of today is rotated away: {v}"
    );
    let file = v["backup"]["path"].as_str().expect("path").to_owned();
    cli(&db.path)
        .args(["backup", "verify"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("Integrità"));
    let junk = db.sibling("junk.sqlite");
    fs::write(&junk, vec![3u8; 4096]).expect("junk");
    let out = cli(&db.path)
        .args(["backup", "verify"])
        .arg(&junk)
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(1),
        "a broken backup fails verification"
    );
    let bare = cli(&db.path).arg("backup").output().expect("run");
    assert_eq!(
        bare.status.code(),
        Some(2),
        "bare backup is a usage error (the contract is backup -o FILE)"
    );
}

#[test]
fn applied_imports_take_a_pre_import_backup_and_dry_runs_do_not() {
    let db = TempDb::new();
    let contacts = db.sibling("contatti.csv");
    fs::write(
        &contacts,
        "Nome;Cognome;E-mail\nAnna;Bianchi;anna@example.it\nLuca;Verdi;luca@example.it\n",
    )
    .expect("csv");
    cli(&db.path)
        .args(["import", "contacts"])
        .arg(&contacts)
        .arg("--dry-run")
        .assert()
        .success();
    let zones = db.sibling("zone.csv");
    fs::write(&zones, "istat_code;zona\n045001;Lunigiana\n").expect("csv");
    cli(&db.path)
        .args(["territory", "import-zones"])
        .arg(&zones)
        .arg("--dry-run")
        .assert()
        .success();
    assert!(reasons(&db).is_empty(), "a dry run takes no backup");

    cli(&db.path)
        .args(["import", "contacts"])
        .arg(&contacts)
        .assert()
        .success()
        .stdout(predicate::str::contains("Backup prima dell'importazione"));
    assert_eq!(
        reasons(&db),
        vec!["pre-import"],
        "contacts import backs up first"
    );
    let first = backups_json(&db)[0]["path"]
        .as_str()
        .expect("path")
        .to_owned();
    let people_in_backup = rusqlite::Connection::open(&first)
        .and_then(|c| c.query_row("SELECT count(*) FROM person", [], |r| r.get::<_, i64>(0)))
        .expect("count people in the backup");
    assert_eq!(
        people_in_backup, 0,
        "the pre-import backup holds the state before the import"
    );

    let out = cli(&db.path)
        .args(["territory", "import-zones"])
        .arg(&zones)
        .args(["--format", "json"])
        .output()
        .expect("run");
    assert!(out.status.success(), "zone import succeeds");
    serde_json::from_slice::<Value>(&out.stdout)
        .expect("with --format json stdout stays one JSON document");
    assert_eq!(
        reasons(&db),
        vec!["pre-import", "pre-import"],
        "zone import backs up first"
    );
}

#[test]
fn restore_reports_the_pre_restore_backup() {
    let db = TempDb::new();
    cli(&db.path).arg("init").assert().success();
    let copy = db.sibling("copia.sqlite");
    cli(&db.path)
        .args(["backup", "-o"])
        .arg(&copy)
        .assert()
        .success();
    cli(&db.path)
        .arg("restore")
        .arg(&copy)
        .assert()
        .success()
        .stdout(predicate::str::contains("Backup prima del ripristino"));
    assert!(
        reasons(&db).contains(&"pre-restore".to_owned()),
        "the pre-restore backup is in the folder"
    );
}

#[test]
fn the_crash_writer_is_hidden_from_help() {
    cli_bare()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("internal").not());
}
