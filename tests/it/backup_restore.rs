//! Backup (atomic, verified), restore (verified source, previous database kept aside) and check.

use crate::common;

use std::fs;

use common::{bytes, date, zone_id, TempDb, AULLA};
use raccordo::backup::{backup_to, check, restore_from};
use raccordo::territory;
use raccordo::{ApiError, Error, ErrorKind, Store, SCHEMA_VERSION};
use rusqlite::Connection;

fn aulla_zone(store: &Store) -> Option<String> {
    store
        .read(|c| territory::comune(c, AULLA, date(2025, 1, 1)))
        .expect("Aulla")
        .zone
        .map(|m| m.zone_name)
}

#[test]
fn backup_and_restore_round_trip() {
    let db = TempDb::new();
    let store = db.open();
    let lunigiana = zone_id(&store, "Lunigiana");
    store
        .write(|tx| territory::set_comune_zone(tx, AULLA, Some(lunigiana), date(2024, 1, 1), "t"))
        .expect("data to back up");
    let dest = db.sibling("copia.sqlite");
    let report = backup_to(&store, &dest).expect("backup");
    assert!(report.ok, "the copy passes integrity_check");
    assert_eq!(
        report.schema_version, SCHEMA_VERSION,
        "copy has the current schema"
    );
    assert_eq!(
        report.counts.as_ref().map(|c| c.memberships),
        Some(1),
        "copy has the data"
    );
    assert!(
        !db.files().iter().any(|f| f.contains(".tmp-")),
        "no temporary file is left: {:?}",
        db.files()
    );
    assert!(
        !dest.with_file_name("copia.sqlite-wal").exists(),
        "the copy is self-contained (no WAL beside it)"
    );

    // Change the live database after the backup, then restore.
    let apuane = zone_id(&store, "Apuane");
    store
        .write(|tx| territory::set_comune_zone(tx, AULLA, Some(apuane), date(2024, 1, 1), "t"))
        .expect("a later change (same-day correction)");
    assert_eq!(
        aulla_zone(&store).as_deref(),
        Some("Apuane"),
        "live data changed"
    );
    drop(store);

    let restored = restore_from(&db.path, &dest).expect("restore");
    assert!(restored.restored.ok, "restored database is healthy");
    let previous = restored.previous.expect("the previous database is kept");
    let prev_name = previous
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(
        prev_name.starts_with("raccordo.before-restore-"),
        "previous database kept as <stem>.before-restore-<ts>.sqlite: {prev_name}"
    );
    let store = db.open();
    assert_eq!(
        aulla_zone(&store).as_deref(),
        Some("Lunigiana"),
        "the backup's data is back"
    );
    drop(store);
    let kept = Store::open(&previous).expect("the kept database still opens");
    assert_eq!(
        aulla_zone(&kept).as_deref(),
        Some("Apuane"),
        "the kept database has the later data"
    );
    assert!(dest.exists(), "the backup file itself is left in place");
}

#[test]
fn backup_never_leaves_a_partial_file_nor_clobbers_on_failure() {
    let db = TempDb::new();
    let store = db.open();
    let blocked = db.sibling("occupied");
    fs::create_dir(&blocked).expect("a folder where the backup should go");
    fs::write(blocked.join("keep.txt"), b"keep").expect("content");
    let err = backup_to(&store, &blocked).expect_err("cannot replace a folder");
    assert_eq!(ApiError::from(err).kind, ErrorKind::Io, "io error");
    assert_eq!(
        bytes(&blocked.join("keep.txt")),
        b"keep",
        "the destination is untouched"
    );
    assert!(
        !db.files().iter().any(|f| f.contains(".tmp-")),
        "the temporary file is removed on failure: {:?}",
        db.files()
    );
    let missing_dir = db.sibling("no/such/dir/copy.sqlite");
    assert!(
        backup_to(&store, &missing_dir).is_err(),
        "a missing folder is an error"
    );
    let err = backup_to(&store, &db.path).expect_err("backup onto itself");
    assert!(
        matches!(err, Error::Validation { .. }),
        "refused as validation: {err:?}"
    );
}

#[test]
fn backup_replaces_an_existing_destination_atomically() {
    let db = TempDb::new();
    let store = db.open();
    let dest = db.sibling("copy.sqlite");
    fs::write(&dest, b"old content").expect("existing file");
    backup_to(&store, &dest).expect("backup over an existing file");
    assert!(
        check(&dest).expect("check").ok,
        "the destination is now a valid copy"
    );
}

#[test]
fn restore_refuses_bad_sources_and_leaves_the_database_untouched() {
    let db = TempDb::new();
    drop(db.open());
    let before = bytes(&db.path);

    let junk = db.sibling("junk.sqlite");
    fs::write(&junk, vec![7u8; 10_000]).expect("junk");
    let err = restore_from(&db.path, &junk).expect_err("junk is not a backup");
    assert_eq!(
        ApiError::from(err).kind,
        ErrorKind::DatabaseCorrupt,
        "corrupt source"
    );

    let newer = db.sibling("newer.sqlite");
    fs::copy(&db.path, &newer).expect("copy");
    Connection::open(&newer)
        .and_then(|c| c.pragma_update(None, "user_version", SCHEMA_VERSION + 1))
        .expect("bump");
    let err = restore_from(&db.path, &newer).expect_err("newer source");
    assert_eq!(
        ApiError::from(err).kind,
        ErrorKind::DatabaseTooNew,
        "newer source refused"
    );

    let missing = db.sibling("missing.sqlite");
    let err = restore_from(&db.path, &missing).expect_err("missing source");
    assert_eq!(
        ApiError::from(err).kind,
        ErrorKind::NotFound,
        "missing source"
    );

    let err = restore_from(&db.path, &db.path).expect_err("restore onto itself");
    assert!(matches!(err, Error::Validation { .. }), "refused: {err:?}");

    assert_eq!(
        bytes(&db.path),
        before,
        "the current database is untouched by failed restores"
    );
    assert!(
        !db.files()
            .iter()
            .any(|f| f.contains("before-restore") || f.contains("staged")),
        "no aside or staged file after refusals: {:?}",
        db.files()
    );
}

#[test]
fn restore_replaces_a_corrupt_database_and_keeps_it_aside() {
    let db = TempDb::new();
    let store = db.open();
    let backup = db.sibling("good.sqlite");
    backup_to(&store, &backup).expect("backup");
    drop(store);
    fs::write(&db.path, b"garbage").expect("corrupt the live database");
    let r = restore_from(&db.path, &backup).expect("restore over a corrupt database");
    let aside = r.previous.expect("the damaged file is kept");
    assert_eq!(
        bytes(&aside),
        b"garbage",
        "the damaged file is kept byte-for-byte"
    );
    assert!(Store::open(&db.path).is_ok(), "the restored database opens");
}

#[test]
fn check_reports_without_modifying() {
    let db = TempDb::new();
    drop(db.open());
    let before = bytes(&db.path);
    let r = check(&db.path).expect("check");
    assert!(r.ok, "a fresh database is healthy");
    assert_eq!(r.integrity, vec!["ok"], "integrity rows");
    let c = r.counts.expect("counts");
    assert_eq!((c.comuni, c.zones, c.memberships), (273, 28, 0), "counts");
    assert_eq!(bytes(&db.path), before, "check does not modify the file");
    let err = check(&db.sibling("nope.sqlite")).expect_err("missing file");
    assert_eq!(
        ApiError::from(err).kind,
        ErrorKind::NotFound,
        "missing file is not_found"
    );
}
