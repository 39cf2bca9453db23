//! `import calendar` and `export calendar` end to end on a temporary database.

use crate::common;

use common::calendar::{fixture_path, python_events};
use common::{bytes, cli, TempDb};
use predicates::prelude::*;

fn stdout(db: &TempDb, args: &[&str]) -> String {
    let out = cli(&db.path).args(args).assert().success();
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

fn path(p: &std::path::Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Imports a fixture of `tests/fixtures/ics/` with the CLI.
fn import_fixture(db: &TempDb, name: &str) -> String {
    stdout(db, &["import", "calendar", path(&fixture_path(name))])
}

#[test]
fn import_dry_run_then_import_then_again_with_json_for_scripts() {
    let db = TempDb::new();
    let file = fixture_path("thunderbird.ics");
    let dry = stdout(&db, &["import", "calendar", path(&file), "--dry-run"]);
    assert!(
        dry.contains("Prova (--dry-run)") && dry.contains("si creerebbero 5 eventi"),
        "the dry run says what would happen: {dry}"
    );
    assert!(dry.contains("VTODO"), "and lists the reader's notes: {dry}");
    let listed = stdout(
        &db,
        &[
            "export",
            "calendar",
            "--format",
            "ics",
            "-o",
            path(&db.sibling("vuoto.ics")),
        ],
    );
    assert!(
        listed.contains("Esportati 0 incontri"),
        "nothing was written by the dry run: {listed}"
    );

    let applied = import_fixture(&db, "thunderbird.ics");
    assert!(
        applied.contains("Backup prima dell'importazione")
            && applied.contains("Applicato: 5 eventi nuovi"),
        "backup first, then the applied report: {applied}"
    );
    assert!(
        applied.contains("25/03/2027 10:00") && applied.contains("serie di 5 incontri"),
        "one row per event with its local start: {applied}"
    );
    let again = stdout(
        &db,
        &["import", "calendar", path(&file), "--format", "json"],
    );
    let report: serde_json::Value = serde_json::from_str(&again).expect("JSON report");
    assert_eq!(
        (report["created"].as_u64(), report["unchanged"].as_u64()),
        (Some(0), Some(5)),
        "the same file again: nothing new, all unchanged: {report}"
    );
    assert_eq!(
        report["rows"][0]["outcome"], "unchanged",
        "rows carry the outcome wire name"
    );
}

#[test]
fn a_broken_file_exits_non_zero_names_the_line_and_changes_nothing() {
    let db = TempDb::new();
    import_fixture(&db, "outlook.ics");
    let bad = db.sibling("rotto.ics");
    std::fs::write(
        &bad,
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:2027-03-25\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .expect("write");
    cli(&db.path)
        .args(["import", "calendar", path(&bad)])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("riga 4"))
        .stderr(predicate::str::starts_with(
            "errore: 1 righe rifiutate in rotto.ics",
        ));
    let after_meetings = stdout(
        &db,
        &["export", "calendar", "-o", path(&db.sibling("dopo.ics"))],
    );
    assert!(
        after_meetings.contains("Esportati 3 incontri"),
        "still the three Outlook meetings: {after_meetings}"
    );

    let vcard = db.sibling("contatti.ics");
    std::fs::write(&vcard, "BEGIN:VCARD\r\nFN:Mario\r\nEND:VCARD\r\n").expect("write");
    cli(&db.path)
        .args(["import", "calendar", path(&vcard)])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("BEGIN:VCALENDAR"));
    cli(&db.path)
        .args(["import", "calendar", path(&db.sibling("manca.ics"))])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("non esiste"));
}

#[test]
fn export_by_period_or_id_refuses_overwrite_and_a_standard_parser_reads_it() {
    let db = TempDb::new();
    import_fixture(&db, "thunderbird.ics");
    let march = db.sibling("marzo.ics");
    let out = stdout(
        &db,
        &[
            "export",
            "calendar",
            "--format",
            "ics",
            "-o",
            path(&march),
            "--from",
            "01/03/2027",
            "--to",
            "2027-03-31",
        ],
    );
    assert!(
        out.contains("Esportati 6 incontri"),
        "the conferenza and the whole series with its March occurrence: {out}"
    );
    let events = python_events(&march);
    assert!(
        events
            .iter()
            .any(|e| e.starts_with("6f1c2b1e-3a4d-4e2f-9b8a-2c7d5e1f0a11|2027-03-25T09:00:00Z|")),
        "Python reads the conferenza at 09:00 UTC: {events:?}"
    );
    assert!(
        !events.iter().any(|e| e.starts_with("b3e5d7a9")),
        "April's tavolo is outside the period: {events:?}"
    );
    cli(&db.path)
        .args(["export", "calendar", "-o", path(&march)])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--force"));
    let first = bytes(&march);
    cli(&db.path)
        .args([
            "export",
            "calendar",
            "-o",
            path(&march),
            "--id",
            "1",
            "--force",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Esportati 1 incontri"));
    assert_ne!(bytes(&march), first, "--force replaced the file");
    cli(&db.path)
        .args([
            "export",
            "calendar",
            "-o",
            path(&db.sibling("x.ics")),
            "--id",
            "999",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "Nessun incontro con identificativo 999",
        ));
    cli(&db.path)
        .args([
            "export",
            "calendar",
            "-o",
            path(&db.sibling("y.ics")),
            "--from",
            "31/02/2027",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("gg/mm/aaaa"));
    let audit = stdout(&db, &["audit", "list", "--format", "json"]);
    assert!(
        audit.contains("Esportati 6 incontri") && audit.contains("Importato il calendario"),
        "imports and exports are in the audit log: {audit}"
    );
}
