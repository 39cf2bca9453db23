//! The connection opener: pragmas, creation, refusal of newer, corrupt and foreign files (left
//! byte-for-byte untouched), transactions of `Store::write`, append-only audit log.

use crate::common;

use std::fs;

use common::{bytes, TempDb};
use raccordo::{ApiError, Error, ErrorKind, Store, SCHEMA_VERSION};
use rusqlite::Connection;

fn pragma_i64(store: &Store, name: &str) -> i64 {
    store
        .read(|c| Ok(c.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))?))
        .unwrap_or_else(|e| panic!("PRAGMA {name}: {e}"))
}

#[test]
fn opener_sets_contract_pragmas() {
    let db = TempDb::new();
    let store = db.open();
    let mode: String = store
        .read(|c| Ok(c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?))
        .expect("journal_mode");
    assert_eq!(mode, "wal", "journal_mode must be WAL");
    assert_eq!(
        pragma_i64(&store, "foreign_keys"),
        1,
        "foreign keys must be ON"
    );
    assert_eq!(
        pragma_i64(&store, "busy_timeout"),
        5000,
        "busy timeout must be 5000 ms"
    );
    assert_eq!(
        pragma_i64(&store, "synchronous"),
        2,
        "synchronous must be FULL (2)"
    );
    assert_eq!(
        pragma_i64(&store, "user_version"),
        SCHEMA_VERSION,
        "fully migrated"
    );
}

#[test]
fn open_creates_missing_parent_folders() {
    let db = TempDb::new();
    let nested = db.sibling("a/b/c/raccordo.sqlite");
    let store = Store::open(&nested).expect("open in a missing folder");
    assert!(
        nested.is_file(),
        "database file is created with its folders"
    );
    assert_eq!(
        store.path(),
        nested.as_path(),
        "path() returns the opened path"
    );
}

#[test]
fn foreign_keys_are_enforced() {
    let db = TempDb::new();
    let store = db.open();
    let err = store.write(|tx| {
        tx.execute(
            "INSERT INTO comune_zone (istat_code, zone_id, valid_from, source) VALUES ('999999', 1, '2024-01-01', 'x')",
            [],
        )?;
        Ok(())
    });
    assert!(
        err.is_err(),
        "a membership of an unknown comune must violate the foreign key"
    );
}

#[test]
fn reopening_is_idempotent() {
    let db = TempDb::new();
    drop(db.open());
    let store = db.open();
    let (comuni, zones): (i64, i64) = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT (SELECT count(*) FROM comune), (SELECT count(*) FROM zone)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .expect("counts");
    assert_eq!(
        (comuni, zones),
        (273, 28),
        "seeding twice must not duplicate anything"
    );
    assert!(
        !store.open_report().created,
        "second open reports an existing file"
    );
}

#[test]
fn write_rolls_back_when_the_closure_fails() {
    let db = TempDb::new();
    let store = db.open();
    let result: Result<(), Error> = store.write(|tx| {
        tx.execute("UPDATE zone SET confirmed = 1", [])?;
        Err(Error::invalid("x", "stop"))
    });
    assert!(result.is_err(), "the closure's error is returned");
    let confirmed = pragma_free_count(&store, "SELECT count(*) FROM zone WHERE confirmed = 1");
    assert_eq!(confirmed, 0, "nothing of a failed write may persist");
}

fn pragma_free_count(store: &Store, sql: &str) -> i64 {
    store
        .read(|c| Ok(c.query_row(sql, [], |r| r.get(0))?))
        .expect("count")
}

#[test]
fn a_newer_database_is_refused_and_left_untouched() {
    let db = TempDb::new();
    drop(db.open());
    {
        let conn = Connection::open(&db.path).expect("raw open");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 7)
            .expect("bump version");
        // Rollback-journal mode: an opener that set WAL before checking would change the header.
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))
            .expect("journal mode");
        assert_eq!(mode, "delete", "fixture is in rollback-journal mode");
    }
    let before = bytes(&db.path);
    let err = Store::open(&db.path).expect_err("a newer database must be refused");
    match &err {
        Error::DatabaseTooNew {
            found, supported, ..
        } => {
            assert_eq!(*found, SCHEMA_VERSION + 7, "reports the file's version");
            assert_eq!(*supported, SCHEMA_VERSION, "reports this build's version");
        }
        other => panic!("expected DatabaseTooNew, got {other:?}"),
    }
    let api = ApiError::from(err);
    assert_eq!(api.kind, ErrorKind::DatabaseTooNew, "wire kind");
    assert!(
        api.message.contains("versione più recente") && api.message.contains("aggiorna Raccordo"),
        "message says what happened and what to do: {}",
        api.message
    );
    assert_eq!(
        bytes(&db.path),
        before,
        "the newer database must be byte-for-byte unchanged"
    );
    assert!(
        !db.files().iter().any(|f| f.contains("pre-migration")),
        "no backup or other file is written for a refused database: {:?}",
        db.files()
    );
}

#[test]
fn random_bytes_are_refused_untouched_with_a_clear_message() {
    let db = TempDb::new();
    let junk: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    fs::write(&db.path, &junk).expect("write junk");
    let err = Store::open(&db.path).expect_err("random bytes are not a database");
    assert!(
        matches!(err, Error::DatabaseCorrupt { .. }),
        "random bytes must be DatabaseCorrupt, got {err:?}"
    );
    let api = ApiError::from(err);
    assert_eq!(api.kind, ErrorKind::DatabaseCorrupt, "wire kind");
    assert!(
        api.message.contains("non è stato modificato") && api.message.contains("restore"),
        "message reassures and says how to recover: {}",
        api.message
    );
    assert_eq!(
        bytes(&db.path),
        junk,
        "the file must be left byte-for-byte untouched"
    );
}

#[test]
fn a_truncated_database_is_refused_untouched() {
    let db = TempDb::new();
    {
        let store = db.open();
        store
            .write(|tx| raccordo::demo::generate(tx, 1))
            .expect("demo data for a bigger file");
    }
    let full = bytes(&db.path);
    assert!(
        full.len() > 4 * 4096,
        "the database must span several pages"
    );
    let cut = &full[..full.len() / 2];
    fs::write(&db.path, cut).expect("truncate");
    let err = Store::open(&db.path).expect_err("a truncated database must be refused");
    assert!(
        matches!(err, Error::DatabaseCorrupt { .. }),
        "truncation must be DatabaseCorrupt, got {err:?}"
    );
    assert_eq!(
        bytes(&db.path),
        cut,
        "the truncated file must be left untouched"
    );
}

#[test]
fn a_damaged_page_is_refused_untouched() {
    let db = TempDb::new();
    drop(db.open());
    let mut data = bytes(&db.path);
    let page = 4096;
    assert!(data.len() > 6 * page, "several pages to damage");
    for b in &mut data[3 * page..3 * page + 512] {
        *b = 0xA5;
    }
    fs::write(&db.path, &data).expect("damage a page");
    let err = Store::open(&db.path).expect_err("a damaged page must be detected");
    assert!(
        matches!(err, Error::DatabaseCorrupt { .. }),
        "a damaged b-tree page must be DatabaseCorrupt, got {err:?}"
    );
    assert_eq!(
        bytes(&db.path),
        data,
        "the damaged file must be left untouched"
    );
}

#[test]
fn another_applications_database_is_refused_untouched() {
    let db = TempDb::new();
    {
        let conn = Connection::open(&db.path).expect("raw open");
        conn.execute_batch("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x');")
            .expect("foreign schema");
    }
    let before = bytes(&db.path);
    let err = Store::open(&db.path).expect_err("a foreign database must be refused");
    assert!(
        matches!(err, Error::ForeignDatabase { .. }),
        "expected ForeignDatabase, got {err:?}"
    );
    assert_eq!(
        bytes(&db.path),
        before,
        "the foreign file must be left untouched"
    );
}

#[test]
fn an_empty_file_becomes_a_new_database() {
    let db = TempDb::new();
    fs::write(&db.path, b"").expect("empty file");
    let store = Store::open(&db.path).expect("an empty file is a new database");
    assert_eq!(
        pragma_free_count(&store, "SELECT count(*) FROM comune"),
        273,
        "an empty file is seeded"
    );
}

#[test]
fn a_folder_is_not_a_database() {
    let db = TempDb::new();
    fs::create_dir(&db.path).expect("folder at the db path");
    let err = Store::open(&db.path).expect_err("a folder cannot be opened");
    assert_eq!(
        ApiError::from(err).kind,
        ErrorKind::Io,
        "a folder is an io error"
    );
}

#[test]
fn audit_log_is_append_only() {
    let db = TempDb::new();
    let store = db.open();
    store
        .write(|tx| {
            raccordo::territory::confirm_zones(tx, &[1])?;
            Ok(())
        })
        .expect("a change that is audited");
    let entries = pragma_free_count(&store, "SELECT count(*) FROM audit_log");
    assert!(entries >= 1, "the change is in the audit log");
    let upd = store.write(|tx| Ok(tx.execute("UPDATE audit_log SET summary = 'x'", [])?));
    assert!(upd.is_err(), "UPDATE of the audit log must be rejected");
    let del = store.write(|tx| Ok(tx.execute("DELETE FROM audit_log", [])?));
    assert!(del.is_err(), "DELETE from the audit log must be rejected");
    assert_eq!(
        pragma_free_count(&store, "SELECT count(*) FROM audit_log"),
        entries,
        "the audit log is unchanged"
    );
}

#[test]
fn overlapping_memberships_are_rejected_by_the_schema() {
    let db = TempDb::new();
    let store = db.open();
    let res = store.write(|tx| {
        tx.execute_batch(
            "INSERT INTO comune_zone (istat_code, zone_id, valid_from, source)
                 VALUES ('045001', 2, '2024-01-01', 't');
             INSERT INTO comune_zone (istat_code, zone_id, valid_from, source)
                 VALUES ('045001', 1, '2024-06-01', 't');",
        )?;
        Ok(())
    });
    assert!(
        res.is_err(),
        "two open memberships of one comune must be rejected by trigger"
    );
}

#[test]
fn the_store_can_be_shared_between_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Store>();
}
