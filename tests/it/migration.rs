//! Step migration from a frozen schema-v1 database with data (tests/fixtures/v1.sql) to the
//! latest schema: data survives, a pre-migration backup is written first, and the audit log
//! records the migration.

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

/// Step 2 → 3: a database at schema v2 with zones, a profile and audit entries (built by the
/// migrator itself and the same fixture data as v1) gains the contacts tables, the seeded
/// organisations and a working search, keeping its data.
#[test]
fn v2_database_migrates_to_v3_with_seeded_organisations() {
    let db = TempDb::new();
    load_v1(&db.path);
    {
        let mut conn = Connection::open(&db.path).expect("open v1");
        migrate_to(&mut conn, &db.path, 2).expect("migrate to v2");
        conn.execute(
            "INSERT INTO profile (id, coordinator_name, organisation, updated_at)
             VALUES (1, 'Anna Test', 'ANCI Toscana', '2025-01-01T00:00:00Z')",
            [],
        )
        .expect("profile at v2");
        assert_eq!(
            user_version(&conn).expect("version"),
            2,
            "database is at v2"
        );
    }
    let store = Store::open(&db.path).expect("v2 database opens and migrates");
    assert_eq!(
        store.open_report().from_version,
        2,
        "migration starts from v2"
    );
    assert!(
        store.open_report().pre_migration_backup.is_some(),
        "a backup is taken before migrating v2"
    );
    let profile = store.read(settings::profile).expect("profile");
    assert_eq!(profile.coordinator_name, "Anna Test", "v2 data survives");
    let comuni = store
        .read(|c| raccordo::contacts::list_orgs(c, Some(raccordo::contacts::OrgKind::Comune), None))
        .expect("orgs");
    assert_eq!(
        comuni.len(),
        273,
        "Comune organisations seeded by migration 3"
    );
    let hits = store
        .read(|c| raccordo::contacts::search(c, "prefettura prato", 5))
        .expect("search");
    assert_eq!(
        hits.first().map(|h| h.title.as_str()),
        Some("Prefettura di Prato - UTG"),
        "the seeded organisations are indexed"
    );
    let aulla = store
        .read(|c| territory::comune(c, AULLA, date(2025, 6, 1)))
        .expect("Aulla");
    assert_eq!(
        aulla.zone_history.len(),
        2,
        "zone history survives the v3 step"
    );
}

/// Step 3 → 4: a database at schema v3 with a person, a role and a zone membership gains the
/// meeting tables; the old data is there and a Conferenza zonale can invite the mayor.
#[test]
fn v3_database_migrates_to_v4_with_meetings() {
    let db = TempDb::new();
    load_v1(&db.path);
    {
        let mut conn = Connection::open(&db.path).expect("open v1");
        migrate_to(&mut conn, &db.path, 3).expect("migrate to v3");
        conn.execute_batch(
            "INSERT INTO person (given_name, family_name, sort_key, name_key, created_at, updated_at)
               VALUES ('Giulia', 'Verdi', 'verdi giulia', 'giulia verdi', '2025-01-01T00:00:00Z',
                       '2025-01-01T00:00:00Z');
             INSERT INTO role (person_id, organisation_id, title, title_folded, valid_from,
                 created_at, updated_at)
               SELECT 1, id, 'Sindaca', 'sindaca', '2024-06-10', '2025-01-01T00:00:00Z',
                      '2025-01-01T00:00:00Z'
               FROM organisation WHERE kind = 'comune' AND istat_code = '045001';",
        )
        .expect("v3 data");
        assert_eq!(
            user_version(&conn).expect("version"),
            3,
            "database is at v3"
        );
    }
    let store = Store::open(&db.path).expect("v3 database opens and migrates");
    assert_eq!(
        store.open_report().from_version,
        3,
        "migration starts from v3"
    );
    assert!(
        store.open_report().pre_migration_backup.is_some(),
        "a backup is taken before migrating v3"
    );
    let aulla = store
        .read(|c| territory::comune(c, AULLA, date(2025, 6, 1)))
        .expect("Aulla");
    let zone = aulla
        .zone
        .map(|z| z.id)
        .expect("Aulla has a zone in the fixture");
    let scope = raccordo::meetings::Scope {
        kind: raccordo::meetings::ScopeKind::Zone,
        zone_id: Some(zone),
        ..raccordo::meetings::Scope::none()
    };
    let proposed = store
        .read(|c| {
            raccordo::meetings::propose_invitees(
                c,
                raccordo::meetings::MeetingKind::ConferenzaZonale,
                &scope,
                date(2025, 6, 1),
            )
        })
        .expect("proposal on the migrated database");
    assert!(
        proposed
            .iter()
            .any(|p| p.person_name.as_deref() == Some("Giulia Verdi")),
        "the v3 mayor of Aulla is proposed for her zone: {proposed:?}"
    );
}

/// Step 4 → 5: a database at schema v4 with a meeting gains the action tables; an action can be
/// linked to the old meeting and to Aulla, and the ASL filter finds it.
#[test]
fn v4_database_migrates_to_v5_with_actions() {
    let db = TempDb::new();
    load_v1(&db.path);
    {
        let mut conn = Connection::open(&db.path).expect("open v1");
        migrate_to(&mut conn, &db.path, 4).expect("migrate to v4");
        conn.execute_batch(
            "INSERT INTO meeting (uid, kind, title, title_folded, starts_at, ends_at, status,
                 scope_kind, created_at, updated_at)
               VALUES ('m1@raccordo', 'incontro_sindaco', 'Incontro ad Aulla', 'incontro ad aulla',
                       '2025-03-01T09:00:00Z', '2025-03-01T10:00:00Z', 'held', 'none',
                       '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');",
        )
        .expect("v4 data");
        assert_eq!(
            user_version(&conn).expect("version"),
            4,
            "database is at v4"
        );
    }
    let store = Store::open(&db.path).expect("v4 database opens and migrates");
    assert_eq!(
        store.open_report().from_version,
        4,
        "migration starts from v4"
    );
    assert!(
        store.open_report().pre_migration_backup.is_some(),
        "a backup is taken before migrating v4"
    );
    let meeting_id: i64 = store
        .read(|c| Ok(c.query_row("SELECT id FROM meeting", [], |r| r.get(0))?))
        .expect("the v4 meeting survives");
    let action = store
        .write(|tx| {
            raccordo::actions::create_action(
                tx,
                &raccordo::actions::ActionInput {
                    meeting_id: Some(meeting_id),
                    comuni: vec![AULLA.to_owned()],
                    ..raccordo::actions::ActionInput::titled("Inviare il verbale al Comune")
                },
            )
        })
        .expect("an action on the migrated database");
    let found = store
        .read(|c| {
            raccordo::actions::list_actions(
                c,
                &raccordo::actions::ActionFilter {
                    asl: Some(raccordo::territory::AslCode::NordOvest),
                    ..Default::default()
                },
                date(2025, 6, 1),
            )
        })
        .expect("list");
    assert_eq!(
        found.rows.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![action.id],
        "the action linked to Aulla is found by its ASL"
    );
}

/// Step 5 → 6: a database at schema v5 with a meeting and an action gains the minutes tables; a
/// verbale can be started on the old meeting and lists the old action as a follow-up.
#[test]
fn v5_database_migrates_to_v6_with_minutes() {
    let db = TempDb::new();
    load_v1(&db.path);
    {
        let mut conn = Connection::open(&db.path).expect("open v1");
        migrate_to(&mut conn, &db.path, 5).expect("migrate to v5");
        conn.execute_batch(
            "INSERT INTO meeting (uid, kind, title, title_folded, starts_at, ends_at, status,
                 scope_kind, created_at, updated_at)
               VALUES ('m1@raccordo', 'incontro_sindaco', 'Incontro ad Aulla', 'incontro ad aulla',
                       '2025-03-01T09:00:00Z', '2025-03-01T10:00:00Z', 'held', 'none',
                       '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
             INSERT INTO action (title, title_folded, owner_kind, status, priority, meeting_id,
                 created_at, updated_at)
               VALUES ('Inviare il verbale', 'inviare il verbale', 'coordinator', 'open', 'normal',
                       1, '2025-03-02T09:00:00Z', '2025-03-02T09:00:00Z');",
        )
        .expect("v5 data");
        assert_eq!(
            user_version(&conn).expect("version"),
            5,
            "database is at v5"
        );
    }
    let store = Store::open(&db.path).expect("v5 database opens and migrates");
    assert_eq!(
        store.open_report().from_version,
        5,
        "migration starts from v5"
    );
    assert!(
        store.open_report().pre_migration_backup.is_some(),
        "a backup is taken before migrating v5"
    );
    let v = store
        .write(|tx| raccordo::minutes::start(tx, 1))
        .expect("a verbale on the migrated database");
    assert_eq!(
        v.follow_ups
            .iter()
            .map(|a| a.title.as_str())
            .collect::<Vec<_>>(),
        vec!["Inviare il verbale"],
        "the v5 action is the verbale's follow-up"
    );
}

/// Step 6 → 7: a database at schema v6 with a meeting and an action gains the SAI survey
/// tables; a status sourced from the old meeting works and is counted in the summary.
#[test]
fn v6_database_migrates_to_v7_with_the_sai_survey() {
    let db = TempDb::new();
    load_v1(&db.path);
    {
        let mut conn = Connection::open(&db.path).expect("open v1");
        migrate_to(&mut conn, &db.path, 6).expect("migrate to v6");
        conn.execute_batch(
            "INSERT INTO meeting (uid, kind, title, title_folded, starts_at, ends_at, status,
                 scope_kind, created_at, updated_at)
               VALUES ('m1@raccordo', 'conferenza_zonale', 'Conferenza zonale Lunigiana',
                       'conferenza zonale lunigiana', '2025-03-01T09:00:00Z',
                       '2025-03-01T10:00:00Z', 'held', 'none', '2025-01-01T00:00:00Z',
                       '2025-01-01T00:00:00Z');
             INSERT INTO action (title, title_folded, owner_kind, status, priority, created_at,
                 updated_at)
               VALUES ('Inviare il verbale', 'inviare il verbale', 'none', 'open', 'normal',
                       '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');",
        )
        .expect("v6 data");
        assert_eq!(
            user_version(&conn).expect("version"),
            6,
            "database is at v6"
        );
    }
    let store = Store::open(&db.path).expect("v6 database opens and migrates");
    assert_eq!(
        store.open_report().from_version,
        6,
        "migration starts from v6"
    );
    assert_eq!(
        store.open_report().schema_version,
        SCHEMA_VERSION,
        "migration from v6 ends at the current version"
    );
    assert!(
        store.open_report().pre_migration_backup.is_some(),
        "a backup is taken before migrating v6"
    );
    let meeting_id: i64 = store
        .read(|c| Ok(c.query_row("SELECT id FROM meeting", [], |r| r.get(0))?))
        .expect("the v6 meeting survives");
    let actions: i64 = store
        .read(|c| Ok(c.query_row("SELECT count(*) FROM action", [], |r| r.get(0))?))
        .expect("count actions");
    assert_eq!(actions, 1, "the v6 action survives");
    let aulla = common::contacts::comune_org(&store, AULLA);
    let record = store
        .write(|tx| {
            raccordo::sai::set_status(
                tx,
                aulla,
                &raccordo::sai::SaiStatusInput {
                    status: raccordo::sai::SaiStatus::Interested,
                    on: date(2025, 3, 1),
                    note: "interesse espresso in conferenza".to_owned(),
                    source_meeting_id: Some(meeting_id),
                    source_person_id: None,
                    source_text: String::new(),
                },
            )
        })
        .expect("a status on the migrated database");
    assert_eq!(
        record.history[0].source_meeting.as_deref(),
        Some("Conferenza zonale Lunigiana (01/03/2025)"),
        "the source meeting of v6 is named"
    );
    let summary = store
        .read(|c| raccordo::sai::summary(c, raccordo::sai::SaiGroupBy::Asl, date(2025, 6, 1)))
        .expect("summary");
    assert_eq!(summary.total.enti, 1, "the new record is counted");
}

#[test]
fn v7_database_migrates_to_v8_with_the_action_indexes_filled_and_kept() {
    let db = TempDb::new();
    load_v1(&db.path);
    {
        let mut conn = Connection::open(&db.path).expect("open v1");
        migrate_to(&mut conn, &db.path, 7).expect("migrate to v7");
        conn.execute_batch(
            "INSERT INTO action (id, title, title_folded, owner_kind, due_date, status, priority,
                 created_at, updated_at, closed_at)
               VALUES (1, 'Delibera di adesione SAI', 'delibera di adesione sai', 'none',
                       '2025-02-01', 'open', 'normal', '2025-01-01T00:00:00Z',
                       '2025-01-01T00:00:00Z', NULL),
                      (2, 'Inviare il verbale', 'inviare il verbale', 'none', NULL, 'done',
                       'normal', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z',
                       '2025-01-02T00:00:00Z');
             INSERT INTO action_area (action_id, asl_code, zone_id)
               VALUES (1, 'nord-ovest', 0), (2, 'centro', 0);",
        )
        .expect("v7 data");
    }
    let store = Store::open(&db.path).expect("v7 database opens and migrates");
    assert_eq!(
        store.open_report().from_version,
        7,
        "migration starts from v7"
    );
    assert!(
        store.open_report().pre_migration_backup.is_some(),
        "a backup is taken before migrating v7"
    );
    let asl_rows = |store: &Store| -> Vec<(i64, String, i64, String)> {
        store
            .read(|c| {
                let mut st = c.prepare(
                    "SELECT action_id, asl_code, is_open, due_key FROM action_asl ORDER BY 1",
                )?;
                let rows =
                    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
                Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
            })
            .expect("read action_asl")
    };
    assert_eq!(
        asl_rows(&store),
        vec![
            (1, "nord-ovest".to_owned(), 1, "2025-02-01".to_owned()),
            (2, "centro".to_owned(), 0, "9999-12-31".to_owned()),
        ],
        "the migration fills action_asl from the v7 areas: open flag and due key (undated last)"
    );
    let found = |store: &Store, q: &str| -> Vec<i64> {
        store
            .read(|c| {
                let mut st = c.prepare(
                    "SELECT rowid FROM action_title_fts WHERE action_title_fts MATCH ?1 ORDER BY 1",
                )?;
                let rows = st.query_map([q], |r| r.get(0))?;
                Ok(rows.collect::<rusqlite::Result<Vec<i64>>>()?)
            })
            .expect("query the title index")
    };
    assert_eq!(
        found(&store, "\"liber\""),
        vec![1],
        "v7 titles are in the trigram index"
    );
    store
        .write(|tx| {
            tx.execute(
                "UPDATE action SET status = 'done', closed_at = '2025-03-01T00:00:00Z',
                     due_date = '2025-03-01', title = 'Rinvio', title_folded = 'rinvio'
                 WHERE id = 1",
                [],
            )?;
            tx.execute("DELETE FROM action_area WHERE action_id = 2", [])?;
            Ok(())
        })
        .expect("edit after the migration");
    assert_eq!(
        asl_rows(&store),
        vec![(1, "nord-ovest".to_owned(), 0, "2025-03-01".to_owned())],
        "the triggers keep action_asl current: status and due date follow the action, a removed \
         area removes its ASL"
    );
    assert!(
        found(&store, "\"liber\"").is_empty(),
        "the old title left the index"
    );
    assert_eq!(
        found(&store, "\"rinvio\""),
        vec![1],
        "the new title is in the index"
    );
}
