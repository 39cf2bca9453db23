//! `raccordo export all` / `import all` through the CLI: the demo round trip, every refusal
//! (leaving the target database unchanged, with an Italian message) and export failures that
//! leave no partial file.

use crate::common;

use std::path::Path;

use common::{bytes, cli, TempDb};
use predicates::prelude::*;
use predicates::str::contains;
use raccordo::dump;

/// A fresh, initialised target database; returns it with its file bytes.
fn fresh_target(db: &TempDb, name: &str) -> (std::path::PathBuf, Vec<u8>) {
    let path = db.sibling(name);
    cli(&path).arg("init").assert().success();
    let snapshot = bytes(&path);
    (path, snapshot)
}

/// Exports the database at `db` to `out` through the CLI.
fn export_to(db: &Path, out: &Path) {
    cli(db)
        .args(["export", "all", "-o"])
        .arg(out)
        .assert()
        .success()
        .stdout(contains("Esportazione completa in"));
}

/// Edits a dump file as JSON text.
fn edit(path: &Path, out: &Path, f: impl FnOnce(&mut serde_json::Value)) {
    let mut v: serde_json::Value =
        serde_json::from_slice(&bytes(path)).expect("an export is valid JSON");
    f(&mut v);
    std::fs::write(out, serde_json::to_vec(&v).expect("serialise")).expect("write edited dump");
}

/// Runs `import all` on `target` expecting a refusal that mentions every `needle` (in the
/// report or the error), and checks
/// the target file is byte-for-byte unchanged.
fn refused(target: &Path, before: &[u8], file: &Path, needles: &[&str]) {
    let out = cli(target)
        .args(["import", "all"])
        .arg(file)
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    // Row problems are listed on stdout (the import report); the one-line error is on stderr.
    let all = format!(
        "{}{stderr}",
        String::from_utf8_lossy(&out.get_output().stdout)
    );
    for needle in needles {
        assert!(
            all.contains(needle),
            "the refusal must mention «{needle}»: {all}"
        );
    }
    assert!(
        stderr.starts_with("errore: ") && stderr.trim_end().lines().count() == 1,
        "a refusal is one line on stderr: {stderr}"
    );
    assert!(
        bytes(target) == before,
        "a refused import must leave the target database byte-for-byte unchanged ({})",
        file.display()
    );
}

#[test]
fn demo_data_round_trips_through_the_cli() {
    let db = TempDb::new();
    let src = db.sibling("demo.sqlite");
    cli(&src).args(["demo", "--scale", "1"]).assert().success();
    let first = db.sibling("demo.json");
    export_to(&src, &first);

    let dst = db.sibling("copy.sqlite");
    let out = cli(&dst)
        .args(["import", "all", "--format", "json"])
        .arg(&first)
        .assert()
        .success();
    let report: serde_json::Value =
        serde_json::from_slice(&out.get_output().stdout).expect("--format json prints JSON");
    assert_eq!(
        report["applied"],
        serde_json::json!(true),
        "the JSON report must say the import was applied: {report}"
    );
    assert!(
        db.sibling("backups").is_dir(),
        "a pre-import backup is taken before a real import"
    );

    let second = db.sibling("copy.json");
    export_to(&dst, &second);
    let a = dump::read_file(&first).expect("read first export");
    let b = common::dump::without_import_audit_row(dump::read_file(&second).expect("read second"));
    assert_eq!(
        b.tables, a.tables,
        "demo data must survive export all → import all → export all unchanged"
    );
    assert!(
        a.tables["person"].rows.len() >= 1000,
        "scale 1 demo data has many people"
    );
    cli(&dst)
        .args([
            "person",
            "list",
            "--search",
            "sindaco firenze",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .stdout(contains("\"id\""));
}

#[test]
fn dry_run_reports_and_changes_nothing() {
    let db = TempDb::new();
    let src = db.sibling("src.sqlite");
    cli(&src).arg("init").assert().success();
    let file = db.sibling("all.json");
    export_to(&src, &file);
    let (target, before) = fresh_target(&db, "target.sqlite");
    cli(&target)
        .args(["import", "all", "--dry-run"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("Prova (--dry-run): il file è valido"));
    assert!(
        bytes(&target) == before,
        "a dry run must leave the database unchanged"
    );
}

#[test]
fn every_refusal_is_clear_and_leaves_the_target_unchanged() {
    let db = TempDb::new();
    let src = db.sibling("src.sqlite");
    cli(&src)
        .args(["profile", "set", "--name", "Anna", "--organisation", "ANCI"])
        .assert()
        .success();
    let good = db.sibling("good.json");
    export_to(&src, &good);

    // A database that already holds data.
    let (busy, busy_before) = fresh_target(&db, "busy.sqlite");
    cli(&busy)
        .args([
            "profile",
            "set",
            "--name",
            "Bruno",
            "--organisation",
            "Regione",
        ])
        .assert()
        .success();
    let busy_before = if bytes(&busy) == busy_before {
        busy_before
    } else {
        bytes(&busy)
    };
    refused(
        &busy,
        &busy_before,
        &good,
        &["database contiene già dati", "--db", "ripristina un backup"],
    );

    let (target, before) = fresh_target(&db, "target.sqlite");
    let newer = db.sibling("newer.json");
    edit(&good, &newer, |v| {
        v["schema_version"] = serde_json::json!(99)
    });
    refused(
        &target,
        &before,
        &newer,
        &["più recente", "aggiorna Raccordo"],
    );

    let older = db.sibling("older.json");
    edit(&good, &older, |v| {
        v["schema_version"] = serde_json::json!(2)
    });
    refused(
        &target,
        &before,
        &older,
        &["schema 2", "versione precedente"],
    );

    let truncated = db.sibling("truncated.json");
    let text = bytes(&good);
    std::fs::write(&truncated, &text[..text.len() / 2]).expect("write truncated file");
    refused(
        &target,
        &before,
        &truncated,
        &["non è un JSON valido", "riga", "colonna"],
    );

    let wrong_format = db.sibling("contacts.json");
    edit(&good, &wrong_format, |v| {
        v["format"] = serde_json::json!("contatti")
    });
    refused(
        &target,
        &before,
        &wrong_format,
        &["«contatti»", "non è un'esportazione completa"],
    );

    let not_a_dump = db.sibling("other.json");
    std::fs::write(&not_a_dump, b"[1, 2, 3]").expect("write");
    refused(
        &target,
        &before,
        &not_a_dump,
        &["non è un'esportazione completa"],
    );

    let short_row = db.sibling("short-row.json");
    edit(&good, &short_row, |v| {
        let row = v["tables"]["asl"]["rows"][1]
            .as_array_mut()
            .expect("asl rows are arrays");
        row.pop();
    });
    refused(
        &target,
        &before,
        &short_row,
        &["tabella «asl», riga 2", "3 valori invece di 4"],
    );

    let dangling = db.sibling("dangling.json");
    edit(&good, &dangling, |v| {
        v["tables"]["organisation"]["rows"][0][4] = serde_json::json!("999999");
    });
    refused(
        &target,
        &before,
        &dangling,
        &[
            "tabella «organisation», riga 1",
            "istat_code = «999999»",
            "«comune»",
        ],
    );

    let bad_type = db.sibling("bad-type.json");
    edit(&good, &bad_type, |v| {
        v["tables"]["profile"]["rows"][0][1] = serde_json::json!(42);
    });
    refused(
        &target,
        &before,
        &bad_type,
        &[
            "tabella «profile», riga 1",
            "«coordinator_name» è di tipo TEXT",
            "42",
        ],
    );

    let missing_table = db.sibling("missing.json");
    edit(&good, &missing_table, |v| {
        v["tables"]
            .as_object_mut()
            .expect("tables")
            .remove("person");
    });
    refused(
        &target,
        &before,
        &missing_table,
        &["manca la tabella «person»"],
    );
}

#[test]
fn a_file_over_the_limit_is_refused_without_reading_it() {
    let db = TempDb::new();
    let (target, before) = fresh_target(&db, "target.sqlite");
    let huge = db.sibling("huge.json");
    let f = std::fs::File::create(&huge).expect("create");
    f.set_len(dump::MAX_DUMP_BYTES as u64 + 1)
        .expect("sparse file over the limit");
    refused(&target, &before, &huge, &["supera il limite di 200 MB"]);
}

#[test]
fn export_failures_leave_no_partial_file_and_existing_files_need_force() {
    let db = TempDb::new();
    let src = db.sibling("src.sqlite");
    cli(&src).arg("init").assert().success();
    let before = db.files();

    for bad in [
        db.sibling("no-such-dir").join("all.json"),
        db.sibling("src.sqlite").join("all.json"), // parent is a regular file
    ] {
        cli(&src)
            .args(["export", "all", "-o"])
            .arg(&bad)
            .assert()
            .failure()
            .stderr(contains("errore: "));
        assert!(!bad.exists(), "no file may appear at {}", bad.display());
    }
    assert_eq!(
        db.files(),
        before,
        "a failed export leaves no temporary or partial file behind"
    );

    let existing = db.sibling("existing.json");
    std::fs::write(&existing, b"keep me").expect("write");
    cli(&src)
        .args(["export", "all", "-o"])
        .arg(&existing)
        .assert()
        .failure()
        .stderr(contains("esiste già").and(contains("--force")));
    assert_eq!(
        bytes(&existing),
        b"keep me",
        "without --force the existing file is untouched"
    );
    cli(&src)
        .args(["export", "all", "--force", "-o"])
        .arg(&existing)
        .assert()
        .success();
    assert!(
        dump::read_file(&existing).is_ok(),
        "with --force the file is replaced by a complete export"
    );
    cli(&src)
        .args(["export", "all", "--force", "-o"])
        .arg(&src)
        .assert()
        .failure()
        .stderr(contains("è il database stesso"));
    let store = raccordo::Store::open(&src).expect("open source");
    let last = store
        .read(|c| raccordo::audit::recent(c, 1))
        .expect("read audit log");
    assert!(
        last.first()
            .is_some_and(|e| e.action == "export" && e.summary.contains("existing.json")),
        "a successful export is recorded in the audit log: {last:?}"
    );
}
