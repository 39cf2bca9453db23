//! The single schema steps v2 → v3 … v7 → v8: a database built by the migrator at one version,
//! with the fixture data, reaches the next version keeping its data and gaining that step's
//! tables and seeds.

use crate::common;

use common::{date, TempDb, AULLA};
use raccordo::schema::migrate::{migrate_to, user_version};
use raccordo::{settings, territory, Store, SCHEMA_VERSION};
use rusqlite::Connection;

use super::load_v1;

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
