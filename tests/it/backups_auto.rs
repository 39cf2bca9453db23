//! The backups folder: automatic backups by reason, listing newest first, verification,
//! rotation on real files, and the pre-restore backup of a restore.

use crate::common;

use std::fs;

use chrono::{Duration, Utc};
use chrono_tz::Europe::Rome;
use common::contacts::add;
use common::safety::names;
use common::TempDb;
use raccordo::backup::{
    auto_backup, backup_to, list_backups, restore_from, rotate_backups, verify_backup, BackupReason,
};

#[test]
fn auto_backups_are_verified_named_by_reason_and_listed_newest_first() {
    let db = TempDb::new();
    let store = db.open();
    let first = auto_backup(&store, BackupReason::PreImport).expect("pre-import backup");
    add(&store, "Anna", "Bianchi", None);
    let second = auto_backup(&store, BackupReason::PreImport).expect("second, same second");
    let third = auto_backup(&store, BackupReason::Manual).expect("manual backup");
    assert!(
        first.file_name.starts_with("raccordo-pre-import-"),
        "named <stem>-<reason>-<ts>.sqlite: {}",
        first.file_name
    );
    assert_ne!(
        first.file_name, second.file_name,
        "a second backup never overwrites the first"
    );
    let listed = list_backups(&db.path).expect("list");
    assert_eq!(listed.len(), 3, "three backups: {listed:?}");
    assert!(
        listed
            .windows(2)
            .all(|w| w[0].created_at >= w[1].created_at),
        "newest first: {listed:?}"
    );
    assert!(
        listed.iter().position(|b| b.file_name == second.file_name)
            < listed.iter().position(|b| b.file_name == first.file_name),
        "the -2 of the same second lists before the first: {listed:?}"
    );
    assert!(listed.contains(&third), "the manual backup is listed");
    for b in &listed {
        let report = verify_backup(std::path::Path::new(&b.path)).expect("verify");
        assert!(report.ok, "every backup passes integrity_check: {report:?}");
        assert!(b.bytes > 0, "size reported");
    }
    assert!(
        !names(&db.dir.path().join("backups"))
            .iter()
            .any(|n| n.contains(".tmp-")),
        "no temporary file left in the folder"
    );
}

#[test]
fn rotation_keeps_the_policy_and_never_touches_foreign_files() {
    let db = TempDb::new();
    let store = db.open();
    let real = auto_backup(&store, BackupReason::Daily).expect("a real backup");
    let dir = db.dir.path().join("backups");
    let now = Utc::now().with_timezone(&Rome).naive_local();
    for days in 1..=60 {
        let t = now - Duration::days(days);
        let name = format!("raccordo-daily-{}.sqlite", t.format("%Y%m%d-%H%M%S"));
        fs::copy(&real.path, dir.join(name)).expect("old daily backup");
    }
    let recent_manual = format!(
        "raccordo-manual-{}.sqlite",
        (now - Duration::days(20)).format("%Y%m%d-%H%M%S")
    );
    fs::copy(&real.path, dir.join(&recent_manual)).expect("manual of 20 days ago");
    fs::write(dir.join("appunti.txt"), b"keep me").expect("a foreign file");

    let report = rotate_backups(&db.path).expect("rotate");
    let kept: Vec<&str> = report.kept.iter().map(|b| b.file_name.as_str()).collect();
    assert!(
        kept.contains(&real.file_name.as_str()),
        "the newest is kept"
    );
    assert!(
        kept.contains(&recent_manual.as_str()),
        "a manual backup younger than 30 days is kept"
    );
    assert!(
        report.kept.len() <= 7 + 4 + 12 + 1 && report.kept.len() >= 7,
        "7 daily, up to 4 weekly and 12 monthly (+ the protected manual), got {}",
        report.kept.len()
    );
    assert_eq!(
        report.kept.len() + report.removed.len(),
        62,
        "every backup is either kept or removed"
    );
    let on_disk = names(&dir);
    assert!(
        on_disk.contains(&"appunti.txt".to_owned()),
        "foreign files are never removed"
    );
    assert_eq!(
        on_disk.len(),
        report.kept.len() + 1,
        "exactly the kept backups and the foreign file remain"
    );
}

#[test]
fn restore_writes_a_pre_restore_backup_of_a_healthy_database() {
    let db = TempDb::new();
    let store = db.open();
    let copy = db.sibling("copia.sqlite");
    backup_to(&store, &copy).expect("backup");
    add(&store, "Anna", "Bianchi", None);
    drop(store);
    let report = restore_from(&db.path, &copy).expect("restore");
    let pre = report
        .pre_restore_backup
        .expect("a pre-restore backup of the healthy database");
    assert_eq!(pre.reason, BackupReason::PreRestore, "reason pre-restore");
    let kept = raccordo::Store::open(&pre.path).expect("the pre-restore backup opens");
    let people = kept
        .read(|c| raccordo::contacts::count_people(c, &Default::default()))
        .expect("count");
    assert_eq!(people, 1, "it holds the data from before the restore");
}
