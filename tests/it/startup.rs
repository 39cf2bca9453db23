//! Start-up safety (`open_checked`): clean-shutdown marker, quick_check after an unclean
//! shutdown, recovery from the newest good backup with the damaged file kept, refusal without a
//! good backup, I/O errors not taken for damage, the daily backup at most once a day.

use crate::common;

use std::fs;

use common::contacts::add;
use common::safety::{damage, leave_stale_marker, marker, names};
use common::{bytes, TempDb};
use raccordo::backup::{list_backups, BackupReason};
use raccordo::contacts;
use raccordo::startup::{open_checked, open_checked_with, StartupOptions};
use raccordo::{ApiError, Error, ErrorKind, Store};

const NO_DAILY: StartupOptions = StartupOptions {
    daily_backup: false,
};

fn people(store: &Store) -> i64 {
    store
        .read(|c| contacts::count_people(c, &Default::default()))
        .expect("count people")
}

#[test]
fn a_clean_start_takes_one_daily_backup_a_day_and_leaves_no_marker() {
    let db = TempDb::new();
    let (store, report) = open_checked(&db.path).expect("first start");
    assert!(
        !report.unclean_shutdown && report.recovery.is_none() && report.messages.is_empty(),
        "a first start has nothing to report: {report:?}"
    );
    let daily = report.daily_backup.expect("the daily backup is taken");
    assert_eq!(daily.reason, BackupReason::Daily, "reason daily");
    assert!(
        daily.file_name.starts_with("raccordo-daily-"),
        "named <stem>-daily-<ts>.sqlite: {}",
        daily.file_name
    );
    assert!(marker(&db.path).exists(), "an open store holds the marker");
    drop(store);
    assert!(
        !marker(&db.path).exists(),
        "closing the store removes the marker"
    );

    let (store, again) = open_checked(&db.path).expect("second start the same day");
    assert_eq!(again.daily_backup, None, "at most one daily backup per day");
    store.close().expect("explicit close");
    assert!(!marker(&db.path).exists(), "close removes the marker");
    assert_eq!(
        list_backups(&db.path).expect("list").len(),
        1,
        "one backup in the folder"
    );
}

#[test]
fn an_unclean_shutdown_of_a_healthy_database_is_only_checked() {
    let db = TempDb::new();
    let store = db.open();
    add(&store, "Anna", "Bianchi", None);
    drop(store);
    leave_stale_marker(&db.path);
    let before = bytes(&db.path);
    let (store, report) = open_checked_with(&db.path, NO_DAILY).expect("start");
    assert!(report.unclean_shutdown, "the stale marker is noticed");
    assert_eq!(
        report.quick_check.as_deref(),
        Some("ok"),
        "quick_check ran and passed"
    );
    assert!(report.recovery.is_none(), "nothing to recover");
    assert!(
        report.messages[0].contains("non era stato chiuso correttamente"),
        "the user is told, in Italian: {:?}",
        report.messages
    );
    assert_eq!(people(&store), 1, "data intact");
    drop(store);
    assert_eq!(
        bytes(&db.path),
        before,
        "a healthy database is not rewritten"
    );
}

#[test]
fn a_damaged_database_after_a_crash_is_kept_and_the_newest_good_backup_restored() {
    let db = TempDb::new();
    let (store, report) = open_checked(&db.path).expect("start");
    let backup = report.daily_backup.expect("daily backup");
    add(&store, "Anna", "Bianchi", None); // after the backup: will be missing
    drop(store);
    // An older, broken "backup" must be skipped: only the good one may be restored.
    fs::write(
        db.dir
            .path()
            .join("backups/raccordo-manual-20200101-000000.sqlite"),
        b"junk",
    )
    .expect("junk backup");
    damage(&db.path);
    let damaged_bytes = bytes(&db.path);
    leave_stale_marker(&db.path);

    let (store, report) = open_checked_with(&db.path, NO_DAILY).expect("recovered start");
    let rec = report.recovery.clone().expect("a recovery happened");
    assert_eq!(
        rec.restored_from.file_name, backup.file_name,
        "the newest good backup is restored"
    );
    let damaged = std::path::Path::new(&rec.damaged_path);
    let damaged_name = damaged
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    assert!(
        damaged_name.starts_with("raccordo.damaged-") && damaged_name.ends_with(".sqlite"),
        "damaged file kept as <stem>.damaged-<ts>.sqlite: {damaged_name}"
    );
    assert_eq!(
        damaged.parent(),
        Some(db.dir.path()),
        "kept beside the database"
    );
    assert_eq!(
        bytes(damaged),
        damaged_bytes,
        "the damaged file is kept byte for byte"
    );
    assert_eq!(
        people(&store),
        0,
        "the backup's data is in use (the later person is missing)"
    );
    let msg = &rec.message;
    assert!(
        msg.contains(&rec.damaged_path)
            && msg.contains(&backup.file_name)
            && msg.contains("potrebbero mancare"),
        "the message says where the damaged file is, which backup, and what may be missing: {msg}"
    );
    assert_eq!(
        report.messages.first(),
        Some(msg),
        "the recovery is the first thing the user reads"
    );
    let check = raccordo::backup::check(&db.path).expect("check restored");
    assert!(check.ok, "the restored database passes integrity_check");
    drop(store);
    assert!(!marker(&db.path).exists(), "clean close after recovery");
}

#[test]
fn without_a_good_backup_the_damaged_database_is_refused_untouched() {
    let db = TempDb::new();
    let store = db.open();
    add(&store, "Anna", "Bianchi", None);
    drop(store);
    fs::create_dir(db.sibling("backups")).expect("backups folder");
    fs::write(
        db.sibling("backups/raccordo-daily-20250101-090000.sqlite"),
        b"not a database",
    )
    .expect("broken backup");
    damage(&db.path);
    leave_stale_marker(&db.path);
    let before = bytes(&db.path);
    // SQLite's read-only check may create empty -wal/-shm companions; anything else is a change.
    let listing = || -> Vec<String> {
        db.files()
            .into_iter()
            .filter(|f| !f.ends_with("-wal") && !f.ends_with("-shm"))
            .collect()
    };
    let files_before = listing();

    let err = open_checked(&db.path).expect_err("no good backup: refused");
    assert!(
        matches!(err, Error::DatabaseCorrupt { .. }),
        "the damage is reported as DatabaseCorrupt: {err:?}"
    );
    let api = ApiError::from(err);
    assert!(
        api.message.contains("nessun backup integro")
            && api.message.contains("non è stato modificato"),
        "the message says there was no good backup and nothing was changed: {}",
        api.message
    );
    assert_eq!(
        bytes(&db.path),
        before,
        "the damaged file is left exactly as it was"
    );
    assert_eq!(
        listing(),
        files_before,
        "nothing moved or created beside it"
    );
}

#[test]
fn damage_after_a_clean_shutdown_is_not_replaced_automatically() {
    let db = TempDb::new();
    let (store, _) = open_checked(&db.path).expect("start with a daily backup");
    drop(store);
    damage(&db.path);
    let before = bytes(&db.path);
    let err = open_checked(&db.path).expect_err("damaged: refused");
    assert_eq!(
        ApiError::from(err).kind,
        ErrorKind::DatabaseCorrupt,
        "reported as damage"
    );
    assert_eq!(
        bytes(&db.path),
        before,
        "left untouched for the user to decide"
    );
    assert!(
        !db.files().iter().any(|f| f.contains("damaged")),
        "no recovery without an unclean shutdown: {:?}",
        db.files()
    );
}

#[test]
fn an_io_error_during_the_check_is_not_taken_for_damage() {
    let db = TempDb::new();
    // The database path is a folder: reading it fails with an I/O error.
    fs::create_dir(&db.path).expect("a folder where the database should be");
    fs::write(db.path.join("keep.txt"), b"keep").expect("content");
    leave_stale_marker(&db.path);
    let err = open_checked(&db.path).expect_err("cannot open a folder");
    assert_eq!(
        ApiError::from(err).kind,
        ErrorKind::Io,
        "an I/O error is reported as io, not as damage"
    );
    assert_eq!(
        bytes(&db.path.join("keep.txt")),
        b"keep",
        "nothing was moved"
    );
    assert!(
        !db.files().iter().any(|f| f.contains("damaged")),
        "no damaged copy: {:?}",
        db.files()
    );
}

#[test]
fn a_marker_held_by_a_running_instance_is_not_an_unclean_shutdown() {
    let db = TempDb::new();
    let first = db.open();
    let (second, report) = open_checked_with(&db.path, NO_DAILY).expect("second instance");
    assert!(
        !report.unclean_shutdown,
        "a live marker belongs to a running instance"
    );
    drop(first);
    assert!(
        marker(&db.path).exists(),
        "the marker stays while an instance is open"
    );
    drop(second);
    assert!(!marker(&db.path).exists(), "the last instance removes it");
    assert!(
        names(&db.dir.path().join("backups")).is_empty(),
        "no backup without the daily option"
    );
}

#[test]
fn shutdown_without_drop_counts_as_a_clean_end() {
    // The desktop's event loop ends with `exit`, so its store is never dropped: it calls
    // `shutdown` on the exit event instead.
    let db = TempDb::new();
    let (store, _) = open_checked_with(&db.path, NO_DAILY).expect("start");
    add(&store, "Anna", "Bianchi", None);
    assert!(marker(&db.path).exists(), "an open store holds the marker");
    store.shutdown().expect("shutdown");
    assert!(
        !marker(&db.path).exists(),
        "shutdown releases the clean-shutdown marker"
    );
    std::mem::forget(store);
    let (store, report) = open_checked_with(&db.path, NO_DAILY).expect("restart");
    assert!(
        !report.unclean_shutdown,
        "the next start sees a clean end: no check, no message"
    );
    assert!(report.messages.is_empty(), "nothing to tell the user");
    assert_eq!(people(&store), 1, "the write made before shutdown is there");
}
