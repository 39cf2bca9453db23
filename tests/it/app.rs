//! `app_status` and `app_info`, which the desktop shell returns as they are.

use crate::common;

use common::TempDb;
use raccordo::{app_info, app_status, settings, ApiError, ErrorKind, ProfileInput, Store};

#[test]
fn status_reports_first_run_until_the_profile_is_saved() {
    let db = TempDb::new();
    let store = db.open();
    let s = app_status(&db.path, Some(&store), None, None);
    assert!(
        s.ready && s.error.is_none(),
        "an open store is ready: {s:?}"
    );
    assert!(s.first_run, "first run while the profile is not configured");
    assert_eq!(
        s.db_path,
        db.path.display().to_string(),
        "reports the database path"
    );
    store
        .write(|tx| {
            settings::save_profile(
                tx,
                &ProfileInput {
                    coordinator_name: "Anna".to_owned(),
                    organisation: "ANCI Toscana".to_owned(),
                },
            )
        })
        .expect("save profile");
    assert!(
        !app_status(&db.path, Some(&store), None, None).first_run,
        "configured: not first run"
    );
}

#[test]
fn status_carries_the_open_error() {
    let db = TempDb::new();
    std::fs::write(&db.path, vec![3u8; 4096]).expect("junk");
    let err = ApiError::from(Store::open(&db.path).expect_err("corrupt"));
    let s = app_status(&db.path, None, Some(&err), None);
    assert!(!s.ready, "not ready without a store");
    assert_eq!(
        s.error.map(|e| e.kind),
        Some(ErrorKind::DatabaseCorrupt),
        "the open error is carried"
    );
}

#[test]
fn info_has_version_paths_attribution_and_schema() {
    let db = TempDb::new();
    let store = db.open();
    let info = app_info(&store).expect("info");
    assert_eq!(info.version, env!("CARGO_PKG_VERSION"), "crate version");
    assert_eq!(
        info.schema_version,
        raccordo::SCHEMA_VERSION,
        "schema version"
    );
    assert_eq!(
        info.attribution,
        raccordo::ATTRIBUTION,
        "attribution of the reference data"
    );
    assert!(
        info.attribution.contains("ISTAT/openpolis"),
        "boundaries are attributed"
    );
    assert_eq!(
        info.data_dir,
        db.dir.path().display().to_string(),
        "folder holding the database"
    );
}
