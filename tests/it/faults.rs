//! Faults on the database, the backups and an export path: a read-only or unusable folder,
//! a folder given as the database, a full disk (simulated with `ulimit -f`, which also binds
//! root). Each gives one clear Italian error; the database stays intact, no partial file is
//! left and a previous file is untouched.
//!
//! Tests run as root in CI, where `chmod` does not deny anything: a folder that cannot be
//! written is then a path whose parent is a regular file. The branch is chosen at run time and
//! both assert the same things; no test is skipped.
#![cfg(unix)]

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::contacts::add;
use common::safety::{names, permissions_do_not_bind};
use common::{bytes, cli, TempDb};
use raccordo::backup::{auto_backup, backup_to, check, BackupReason};
use raccordo::startup::open_checked;
use raccordo::{contacts, ApiError, ErrorKind, Store};

/// A folder this process cannot write into: a `chmod 555` folder, or (as root) a path under a
/// regular file. Returns the folder and a file that must stay untouched.
fn unwritable_folder(db: &TempDb) -> (PathBuf, PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    if permissions_do_not_bind(db.dir.path()) {
        let blocker = db.sibling("blocco");
        fs::write(&blocker, b"un file, non una cartella").expect("blocker file");
        (blocker.join("sotto"), blocker)
    } else {
        let dir = db.sibling("sola-lettura");
        fs::create_dir(&dir).expect("folder");
        let previous = dir.join("copia.sqlite");
        fs::write(&previous, b"copia precedente").expect("previous file");
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).expect("chmod 555");
        (dir, previous)
    }
}

fn assert_io_in_italian(err: raccordo::Error, context: &str) {
    let api = ApiError::from(err);
    assert_eq!(api.kind, ErrorKind::Io, "{context}: reported as io");
    assert!(
        api.message.contains("Operazione non riuscita") && api.message.contains("permessi"),
        "{context}: the Italian message says what failed and what to check: {}",
        api.message
    );
}

fn people(store: &Store) -> i64 {
    store
        .read(|c| contacts::count_people(c, &Default::default()))
        .expect("count")
}

fn assert_db_intact(db: &TempDb, people_expected: i64, context: &str) {
    let report = check(&db.path).expect("check");
    assert!(report.ok, "{context}: the database passes integrity_check");
    let store = db.open();
    assert_eq!(people(&store), people_expected, "{context}: data intact");
    common::figures::report(&format!(
        "fault {context}: clear I/O error, database intact ({people_expected} people)"
    ));
}

#[test]
fn a_backup_into_an_unwritable_folder_fails_cleanly() {
    let db = TempDb::new();
    let store = db.open();
    add(&store, "Anna", "Bianchi", None);
    let (folder, previous) = unwritable_folder(&db);
    let previous_bytes = bytes(&previous);
    let err = backup_to(&store, &folder.join("copia.sqlite")).expect_err("cannot write there");
    assert_io_in_italian(err, "backup -o into an unwritable folder");
    assert_eq!(
        bytes(&previous),
        previous_bytes,
        "the previous file is untouched"
    );
    if folder.is_dir() {
        assert_eq!(
            names(&folder),
            vec!["copia.sqlite"],
            "no partial or temporary file"
        );
    }
    drop(store);
    assert_db_intact(&db, 1, "after a failed backup");
}

#[test]
fn an_unusable_backups_folder_fails_the_backup_but_not_the_start() {
    let db = TempDb::new();
    let store = db.open();
    add(&store, "Anna", "Bianchi", None);
    // `backups` is a regular file: the folder cannot be created (binds root too).
    fs::write(db.sibling("backups"), b"non una cartella").expect("blocker");
    let err = auto_backup(&store, BackupReason::PreImport).expect_err("no backups folder");
    assert_io_in_italian(err, "automatic backup without a usable folder");
    drop(store);

    let (store, report) = open_checked(&db.path).expect("the app still starts");
    assert!(
        report.daily_backup.is_none(),
        "no daily backup was possible"
    );
    assert!(
        report
            .warnings
            .first()
            .is_some_and(|w| w.starts_with("Backup giornaliero non riuscito")),
        "the start reports the failed daily backup in Italian: {:?}",
        report.warnings
    );
    assert_eq!(people(&store), 1, "the database is intact and usable");
    drop(store);
    assert_eq!(
        bytes(&db.sibling("backups")),
        b"non una cartella",
        "the blocking file is untouched"
    );

    // An import must not run when its pre-import backup cannot be written.
    let csv = db.sibling("contatti.csv");
    fs::write(&csv, "Nome;Cognome\nLuca;Verdi\n").expect("csv");
    let out = cli(&db.path)
        .args(["import", "contacts"])
        .arg(&csv)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "the import is refused");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("errore: Operazione non riuscita") && stderr.lines().count() == 1,
        "one Italian error line: {stderr}"
    );
    assert_db_intact(&db, 1, "no import without its pre-import backup");
}

#[test]
fn a_database_that_cannot_be_created_or_is_a_folder_is_an_io_error() {
    let db = TempDb::new();
    let (folder, previous) = unwritable_folder(&db);
    let previous_bytes = bytes(&previous);
    let target = folder.join("raccordo.sqlite");
    let err = Store::open(&target).expect_err("cannot create the database there");
    assert_io_in_italian(err, "database in an unwritable folder");
    assert!(!target.exists(), "no database file is created");
    assert_eq!(
        bytes(&previous),
        previous_bytes,
        "the neighbour is untouched"
    );

    let as_dir = db.sibling("cartella.sqlite");
    fs::create_dir(&as_dir).expect("folder");
    let err = Store::open(&as_dir).expect_err("a folder is not a database");
    let api = ApiError::from(err);
    assert_eq!(api.kind, ErrorKind::Io, "io error for a folder");
    assert!(
        api.message.contains("cartella"),
        "the message says it is a folder: {}",
        api.message
    );
    assert!(names(&as_dir).is_empty(), "nothing written into the folder");
}

/// Runs the CLI under `ulimit -f` (file size limit, in 512-byte blocks for `sh`), with SIGXFSZ
/// ignored so that writes past the limit fail with EFBIG like on a full disk.
fn cli_with_file_limit(db: &Path, blocks: u64, args: &[&str]) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin!("raccordo");
    let mut script = format!(
        "trap '' XFSZ; ulimit -f {blocks}; exec '{}' --db '{}'",
        bin.display(),
        db.display()
    );
    for a in args {
        script.push_str(&format!(" '{a}'"));
    }
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .env_remove("RACCORDO_DB")
        .output()
        .expect("run under ulimit")
}

#[test]
fn a_full_disk_leaves_no_partial_file_and_the_previous_file_untouched() {
    let db = TempDb::new();
    let store = db.open();
    store
        .write(|tx| {
            for i in 0..300 {
                let input = raccordo::contacts::PersonInput {
                    given_name: format!("Nome{i}"),
                    family_name: "Cognome".to_owned(),
                    notes: "appunti di una riunione ".repeat(10),
                    ..Default::default()
                };
                contacts::create_person(tx, &input)?;
            }
            Ok(())
        })
        .expect("300 people with notes");
    drop(store);
    let size = fs::metadata(&db.path).expect("size").len();
    let limit_blocks = size / 512 / 3; // a third of the database
    assert!(
        limit_blocks * 512 > 64 * 1024,
        "the limit leaves room for the -shm file"
    );
    let before = bytes(&db.path);

    // Backup over an existing file.
    let dest = db.sibling("copia.sqlite");
    fs::write(&dest, b"backup di ieri").expect("previous backup");
    let dest_text = dest.display().to_string();
    let out = cli_with_file_limit(
        &db.path,
        limit_blocks,
        &["backup", "--force", "-o", &dest_text],
    );
    assert_eq!(out.status.code(), Some(1), "the backup fails");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("errore: ") && stderr.lines().count() == 1 && stderr.contains("spazio"),
        "one Italian line mentioning disk space: {stderr}"
    );
    assert_eq!(
        bytes(&dest),
        b"backup di ieri",
        "the previous file is untouched"
    );

    // Export over an existing file.
    let export = db.sibling("contatti.csv");
    fs::write(&export, b"export di ieri").expect("previous export");
    let export_text = export.display().to_string();
    let out = cli_with_file_limit(
        &db.path,
        80, // 40 KB: room for the -shm file, far less than the export of 300 people
        &[
            "export",
            "contacts",
            "--format",
            "csv",
            "--force",
            "-o",
            &export_text,
        ],
    );
    assert_eq!(out.status.code(), Some(1), "the export fails");
    assert_eq!(
        bytes(&export),
        b"export di ieri",
        "the previous export is untouched"
    );

    let leftovers: Vec<String> = names(db.dir.path())
        .into_iter()
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no partial file is left: {leftovers:?}"
    );
    assert_eq!(bytes(&db.path), before, "the database file is unchanged");
    assert_db_intact(&db, 300, "after a full disk");
}
