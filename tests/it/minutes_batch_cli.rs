//! `export minutes-batch`: a folder and a zip (JSON outcome), progress on stderr, an existing
//! zip kept without --force, an empty selection as one error line, the dry run, usage errors.

use crate::common;

use common::meetings_cli::{fails, ok, run};
use common::minutes_batch::{entries, fixture, today_folder, zip_entries};

#[test]
fn cli_exports_to_a_folder_and_a_zip() {
    let (db, _store, _ids) = fixture();
    let dir = db.sibling("cartella");
    std::fs::create_dir(&dir).expect("dir");
    let dir_s = dir.display().to_string();
    let (code, stdout, stderr) = run(
        &db,
        &[
            "export",
            "minutes-batch",
            "--from",
            "01/03/2027",
            "--to",
            "31/03/2027",
            "--format",
            "md",
            "-o",
            &dir_s,
        ],
    );
    assert_eq!(code, 0, "folder export succeeds: {stderr}");
    assert!(
        stdout.contains("Esportati 3 verbali approvati in"),
        "the outcome is printed: {stdout}"
    );
    assert!(
        stderr.contains("verbali esportati: 3 di 3"),
        "progress on stderr: {stderr}"
    );
    assert_eq!(
        entries(&dir.join(today_folder())).len(),
        3,
        "three files in the new folder"
    );
    let zip = db.sibling("zona.zip");
    let zip_s = zip.display().to_string();
    let json: serde_json::Value = serde_json::from_str(&ok(
        &db,
        &[
            "export",
            "minutes-batch",
            "--zone",
            "Pisana",
            "--format",
            "html",
            "--zip",
            &zip_s,
            "--json",
        ],
    ))
    .expect("JSON outcome");
    assert_eq!(json["count"], 2, "two Zona Pisana verbali: {json}");
    assert_eq!(json["target"], "zip", "zip target: {json}");
    assert_eq!(zip_entries(&zip).len(), 2, "two entries in the zip");
    let line = fails(
        &db,
        &[
            "export",
            "minutes-batch",
            "--zone",
            "Pisana",
            "--format",
            "html",
            "--zip",
            &zip_s,
        ],
        1,
    );
    assert!(
        line.contains("esiste già") && line.contains("--force"),
        "an existing zip is not replaced without --force: {line}"
    );
    let line = fails(
        &db,
        &[
            "export",
            "minutes-batch",
            "--asl",
            "sud-est",
            "--format",
            "pdf",
            "-o",
            &dir_s,
        ],
        1,
    );
    assert!(
        line.contains("Nessun verbale approvato"),
        "an empty selection is one clear line: {line}"
    );
    let dry = ok(
        &db,
        &[
            "export",
            "minutes-batch",
            "--asl",
            "centro",
            "--format",
            "pdf",
            "--dry-run",
        ],
    );
    assert!(
        dry.contains("2027-03-12-Conferenza-zonale-fiorentina-v1.pdf")
            && dry.contains("Si esporterebbero 2 verbali"),
        "the dry run lists the files it would write: {dry}"
    );
    let (code, _, err) = run(
        &db,
        &[
            "export",
            "minutes-batch",
            "--format",
            "md",
            "--pdfa",
            "-o",
            &dir_s,
        ],
    );
    assert_eq!(code, 2, "--pdfa without pdf is a usage error: {err}");
}
