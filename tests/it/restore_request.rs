//! "Restore at next start": backups named by file name only (no path traversal), a verified
//! request beside the database, applied by `open_checked` before the database is opened, with
//! the current database kept aside and the outcome in the start-up messages.

use crate::common;

use common::contacts::add;
use common::TempDb;
use raccordo::backup::request::{
    cancel_restore, find_backup, overview, pending_restore, request_path, request_restore,
    verify_named,
};
use raccordo::backup::{auto_backup, BackupReason};
use raccordo::contacts;
use raccordo::startup::{open_checked_with, StartupOptions};
use raccordo::{ErrorKind, Store};

const NO_DAILY: StartupOptions = StartupOptions {
    daily_backup: false,
};

fn people(store: &Store) -> i64 {
    store
        .read(|c| contacts::count_people(c, &Default::default()))
        .expect("count people")
}

#[test]
fn only_listed_backup_names_are_accepted() {
    let db = TempDb::new();
    let store = db.open();
    let b = auto_backup(&store, BackupReason::Manual).expect("backup");
    assert_eq!(
        find_backup(&db.path, &b.file_name).expect("listed").path,
        b.path
    );
    std::fs::write(db.sibling("backups/estraneo.sqlite"), b"x").expect("stray file");
    for bad in [
        "",
        "../raccordo.sqlite",
        "/etc/passwd",
        "backups/../raccordo.sqlite",
        "..",
        "estraneo.sqlite",
        "raccordo.sqlite",
        &b.path,
        "a\\b.sqlite",
    ] {
        let e = find_backup(&db.path, bad).expect_err(bad);
        assert_eq!(
            raccordo::ApiError::from(e).kind,
            ErrorKind::NotFound,
            "{bad:?} refused"
        );
        assert!(
            request_restore(&db.path, bad).is_err(),
            "no request for {bad:?}"
        );
        assert!(
            verify_named(&db.path, bad).is_err(),
            "no verification of {bad:?}"
        );
    }
    assert!(!request_path(&db.path).exists(), "no request written");
    assert!(
        verify_named(&db.path, &b.file_name).expect("verify").ok,
        "a good backup verifies"
    );
}

#[test]
fn a_requested_restore_happens_at_next_start_and_keeps_the_current_database() {
    let db = TempDb::new();
    let store = db.open();
    add(&store, "Prima", "Persona", None);
    let b = auto_backup(&store, BackupReason::Manual).expect("backup");
    add(&store, "Dopo", "Il Backup", None);
    assert_eq!(people(&store), 2, "two people before the restore");

    let requested = request_restore(&db.path, &b.file_name).expect("request");
    assert_eq!(requested.file_name, b.file_name, "the chosen backup");
    assert_eq!(
        pending_restore(&db.path).expect("pending"),
        Some(b.file_name.clone())
    );
    assert_eq!(
        overview(&db.path).expect("overview").pending_restore,
        Some(b.file_name.clone()),
        "the overview shows the pending restore"
    );
    assert_eq!(people(&store), 2, "nothing changes while the app runs");
    store.close().expect("close");

    let (store, report) = open_checked_with(&db.path, NO_DAILY).expect("restart");
    assert_eq!(people(&store), 1, "the backup's content is in use");
    let message = report.messages.first().expect("a start-up message");
    assert!(
        message.contains("Ripristinato il backup") && message.contains(&b.file_name),
        "the notice names the backup: {message}"
    );
    assert!(
        message.contains("before-restore"),
        "and where the old database is: {message}"
    );
    assert!(!request_path(&db.path).exists(), "the request is consumed");
    let kept = std::fs::read_dir(db.dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.contains(".before-restore-") && n.ends_with(".sqlite"))
        .expect("the previous database is kept aside");
    let old = Store::open(db.sibling(&kept)).expect("the kept database opens");
    assert_eq!(people(&old), 2, "the kept database has the later change");
    drop(old);
    store.close().expect("close");
    let (_store, again) = open_checked_with(&db.path, NO_DAILY).expect("third start");
    assert!(
        again.messages.is_empty(),
        "restored once only: {:?}",
        again.messages
    );
}

#[test]
fn a_request_can_be_cancelled_and_a_bad_one_does_not_block_the_start() {
    let db = TempDb::new();
    let store = db.open();
    add(&store, "Una", "Persona", None);
    let b = auto_backup(&store, BackupReason::Manual).expect("backup");
    request_restore(&db.path, &b.file_name).expect("request");
    cancel_restore(&db.path).expect("cancel");
    assert_eq!(
        pending_restore(&db.path).expect("pending"),
        None,
        "withdrawn"
    );
    cancel_restore(&db.path).expect("cancelling twice is fine");

    // A request naming something that is not a listed backup (edited by hand, or removed).
    std::fs::write(request_path(&db.path), "../raccordo.sqlite").expect("hand-made request");
    store.close().expect("close");
    let (store, report) = open_checked_with(&db.path, NO_DAILY).expect("start anyway");
    assert_eq!(people(&store), 1, "the database in use is unchanged");
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains("non è stato eseguito")),
        "the start says the restore was not done: {:?}",
        report.warnings
    );
    assert!(
        !request_path(&db.path).exists(),
        "the bad request is removed"
    );
}

#[test]
fn a_damaged_backup_cannot_be_requested() {
    let db = TempDb::new();
    let store = db.open();
    let b = auto_backup(&store, BackupReason::Manual).expect("backup");
    common::safety::damage(std::path::Path::new(&b.path));
    assert!(request_restore(&db.path, &b.file_name).is_err(), "refused");
    assert!(!request_path(&db.path).exists(), "no request written");
}
