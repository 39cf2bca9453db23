//! Step migration from a frozen schema-v1 database with data (tests/fixtures/v1.sql) to the
//! latest schema: data survives, a pre-migration backup is written first, and the audit log
//! records the migration. The single steps from v2 on are in [`steps`].

mod steps;

use crate::common;

use std::path::Path;

use common::{bytes, date, TempDb, AULLA, FIRENZE, PRATO};
use raccordo::schema::migrate::{migrate_to, user_version};
use raccordo::{settings, territory, Store, SCHEMA_VERSION};
use rusqlite::Connection;

const FIXTURE: &str = "tests/fixtures/v1.sql";

/// Builds a database from the frozen v1 dump.
fn load_v1(path: &Path) {
    let sql = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE))
        .expect("read v1 fixture");
    let conn = Connection::open(path).expect("create v1 database");
    conn.execute_batch(&sql).expect("load v1 fixture");
    assert_eq!(
        user_version(&conn).expect("user_version"),
        1,
        "fixture is schema v1"
    );
}

#[test]
fn v1_fixture_migrates_to_latest_keeping_data_and_taking_a_backup() {
    let db = TempDb::new();
    load_v1(&db.path);
    let original = bytes(&db.path);

    let store = Store::open(&db.path).expect("v1 database opens and migrates");
    let report = store.open_report().clone();
    assert_eq!(report.from_version, 1, "migration starts from v1");
    assert_eq!(
        report.schema_version, SCHEMA_VERSION,
        "migration ends at the latest schema"
    );
    let backup = report
        .pre_migration_backup
        .clone()
        .expect("a pre-migration backup is taken for an existing database");
    let name = backup
        .file_name()
        .expect("backup name")
        .to_string_lossy()
        .into_owned();
    assert!(
        name.starts_with("raccordo-pre-migration-") && name.ends_with(".sqlite"),
        "backup is named <stem>-pre-migration-<timestamp>.sqlite, got {name}"
    );
    assert_eq!(
        backup.parent(),
        Some(db.dir.path().join("backups").as_path()),
        "backup lies in the backups folder beside the database"
    );
    let listed = raccordo::backup::list_backups(&db.path).expect("list backups");
    assert_eq!(
        listed.first().map(|b| b.reason),
        Some(raccordo::backup::BackupReason::PreMigration),
        "the pre-migration backup is listed with its reason: {listed:?}"
    );
    let verified = raccordo::backup::verify_backup(&backup).expect("verify the backup");
    assert!(
        verified.ok && verified.schema_version == 1,
        "the pre-migration backup is healthy and still at v1: {verified:?}"
    );

    // The backup is the v1 database, data included.
    let old = Connection::open(&backup).expect("open backup");
    assert_eq!(
        user_version(&old).expect("version"),
        1,
        "backup keeps schema v1"
    );
    let old_memberships: i64 = old
        .query_row("SELECT count(*) FROM comune_zone", [], |r| r.get(0))
        .expect("count");
    assert_eq!(old_memberships, 4, "backup holds the fixture's memberships");
    drop(old);
    assert_ne!(
        bytes(&db.path),
        original,
        "the database itself was migrated in place"
    );

    // Data survived the migration.
    let on = date(2025, 6, 1);
    let zones = store.read(|c| territory::zones(c, on)).expect("zones");
    assert_eq!(zones.len(), 28, "all zones survive");
    let renamed = zones.iter().find(|z| z.name == "Lunigiana (rinominata)");
    assert!(renamed.is_some(), "a zone renamed at v1 keeps its name");
    assert_eq!(
        zones.iter().filter(|z| z.confirmed).count(),
        3,
        "zones confirmed at v1 stay confirmed"
    );
    let aulla = store
        .read(|c| territory::comune(c, AULLA, on))
        .expect("Aulla");
    assert_eq!(
        aulla.zone_history.len(),
        2,
        "Aulla keeps its two-period history"
    );
    assert_eq!(
        aulla.zone.as_ref().map(|m| m.zone_name.as_str()),
        Some("Lunigiana (rinominata)"),
        "Aulla's current zone survives"
    );
    assert_eq!(
        aulla.zone_history[1].valid_to,
        Some(date(2023, 12, 31)),
        "the closed period keeps its end date"
    );
    let firenze = store
        .read(|c| territory::comune(c, FIRENZE, on))
        .expect("Firenze");
    assert_eq!(
        firenze.zone.as_ref().map(|m| m.source.as_str()),
        Some("importazione: zone.csv"),
        "membership source survives"
    );
    let prato = store
        .read(|c| territory::comune(c, PRATO, on))
        .expect("Prato");
    assert!(
        prato.zone.as_ref().is_some_and(|m| m.synthetic),
        "the synthetic flag survives"
    );

    // New tables of v2 work.
    let profile = store.read(settings::profile).expect("profile");
    assert!(
        !profile.configured,
        "a migrated v1 database has no profile yet"
    );
    let audit = store
        .read(|c| raccordo::audit::recent(c, 10))
        .expect("audit log");
    assert!(
        audit
            .iter()
            .any(|e| e.action == "migrate" && e.summary.contains("dalla versione 1")),
        "the migration is recorded in the audit log: {audit:?}"
    );
    drop(store);

    // Opening again neither migrates nor backs up again.
    let files_before = db.files();
    let again = Store::open(&db.path).expect("reopen");
    assert_eq!(
        again.open_report().pre_migration_backup,
        None,
        "no backup when up to date"
    );
    assert_eq!(
        again.open_report().from_version,
        SCHEMA_VERSION,
        "already at latest"
    );
    drop(again);
    assert_eq!(db.files(), files_before, "reopening writes no new file");
}

#[test]
fn a_fresh_database_gets_no_pre_migration_backup() {
    let db = TempDb::new();
    let store = db.open();
    assert!(
        store.open_report().created,
        "the file is reported as created"
    );
    assert_eq!(
        store.open_report().pre_migration_backup,
        None,
        "nothing to back up"
    );
    drop(store);
    assert_eq!(
        db.files(),
        vec!["raccordo.sqlite"],
        "only the database file remains"
    );
}

/// The committed tests/fixtures/v1.sql is exactly migration 1 plus hand-made data: if migration 1
/// were edited after shipping (it must not be), this fails. `RACCORDO_BLESS=1` rewrites the
/// fixture (only while v1 has not shipped).
#[test]
fn v1_fixture_is_migration_1_plus_data() {
    let db = TempDb::new();
    let mut conn = Connection::open(&db.path).expect("create");
    migrate_to(&mut conn, &db.path, 1).expect("migrate to v1");
    conn.execute_batch(
        "UPDATE zone SET name = 'Lunigiana (rinominata)', name_folded = 'lunigiana rinominata'
             WHERE name = 'Lunigiana';
         UPDATE zone SET confirmed = 1 WHERE name IN ('Apuane', 'Firenze', 'Pratese');
         INSERT INTO comune_zone (istat_code, zone_id, valid_from, valid_to, source, synthetic)
             SELECT '045001', id, '2020-01-01', '2023-12-31', 'manuale', 0 FROM zone
             WHERE name = 'Apuane';
         INSERT INTO comune_zone (istat_code, zone_id, valid_from, valid_to, source, synthetic)
             SELECT '045001', id, '2024-01-01', NULL, 'manuale', 0 FROM zone
             WHERE name = 'Lunigiana (rinominata)';
         INSERT INTO comune_zone (istat_code, zone_id, valid_from, valid_to, source, synthetic)
             SELECT '048017', id, '2024-01-01', NULL, 'importazione: zone.csv', 0 FROM zone
             WHERE name = 'Firenze';
         INSERT INTO comune_zone (istat_code, zone_id, valid_from, valid_to, source, synthetic)
             SELECT '100005', id, '2024-01-01', NULL, 'demo (dati sintetici)', 1 FROM zone
             WHERE name = 'Pratese';",
    )
    .expect("fixture data");
    let dump = dump(&conn);
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    if std::env::var_os("RACCORDO_BLESS").is_some() {
        std::fs::write(&out, dump).expect("write fixture");
        return;
    }
    let committed = std::fs::read_to_string(&out).expect("read committed fixture");
    assert!(
        committed == dump,
        "{FIXTURE} no longer matches migration 1 + its data: migration 0001 must never change once shipped \
         (if v1 has not shipped, regenerate with RACCORDO_BLESS=1 cargo test -p raccordo --test it -- migration::)"
    );
}

/// A SQL dump that recreates the database: schema, rows, header pragmas.
fn dump(conn: &Connection) -> String {
    let mut out = String::from(
        "-- Raccordo database at schema v1 with data, frozen for the migration test.\n\
         -- Generated by tests/migration.rs (v1_fixture_is_migration_1_plus_data); do not edit by hand.\n\
         PRAGMA foreign_keys = OFF;\nBEGIN;\n",
    );
    let objects: Vec<(String, String, String)> = {
        let mut stmt = conn
            .prepare(
                "SELECT type, name, sql FROM sqlite_master
                 WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
                 ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid",
            )
            .expect("prepare");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    for (kind, name, sql) in &objects {
        out.push_str(sql);
        out.push_str(";\n");
        if kind != "table" {
            continue;
        }
        let cols: Vec<String> = {
            let mut stmt = conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{name}')"))
                .expect("columns");
            stmt.query_map([], |r| r.get(0))
                .expect("query")
                .collect::<Result<_, _>>()
                .expect("rows")
        };
        let quoted = cols
            .iter()
            .map(|c| format!("quote(\"{c}\")"))
            .collect::<Vec<_>>()
            .join(" || ',' || ");
        let mut stmt = conn
            .prepare(&format!(
                "SELECT 'INSERT INTO \"{name}\" VALUES(' || {quoted} || ');' FROM \"{name}\"
                 ORDER BY rowid"
            ))
            .expect("dump rows");
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .expect("query");
        for row in rows {
            out.push_str(&row.expect("row"));
            out.push('\n');
        }
    }
    let app_id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .expect("application_id");
    out.push_str(&format!(
        "PRAGMA application_id = {app_id};\nPRAGMA user_version = 1;\nCOMMIT;\n"
    ));
    out
}
