//! Full export/import (`raccordo::dump`): every table is covered, and a property test on random
//! data: export → import into a new database → export again gives the same document and the
//! same tables, and search works on the imported database.
//!
//! Seeds: `RACCORDO_DUMP_SEEDS` (default 30) runs from `RACCORDO_DUMP_SEED` (default 1); sizes
//! vary with the seed. Long configuration: `RACCORDO_DUMP_SEEDS=300 cargo test -p raccordo
//! --test it -- transfer_all:: --nocapture`.

use crate::common;

use common::contacts::add;
use common::dump::{export, import, ordinary_tables, table_rows, without_import_audit_row};
use common::random_data;
use common::TempDb;
use raccordo::contacts::{self, HitKind};
use raccordo::dump::{self, schema, Dump};

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn every_table_is_dumped_or_excluded_with_a_reason() {
    let db = TempDb::new();
    let store = db.open();
    let (all, dumped) = store
        .read(|c| Ok((schema::all_tables(c)?, schema::dumped_tables(c)?)))
        .expect("read schema");
    let excluded_virtual: Vec<&str> = all
        .iter()
        .filter(|(_, kind, _, _)| kind == "virtual")
        .map(|(n, _, _, _)| n.as_str())
        .collect();
    for (name, kind, _, _) in &all {
        let is_dumped = dumped.iter().any(|t| &t.name == name);
        let reason = schema::exclusion(name);
        match kind.as_str() {
            "shadow" => assert!(
                excluded_virtual
                    .iter()
                    .any(|v| name.starts_with(&format!("{v}_")) && schema::exclusion(v).is_some()),
                "shadow table {name} must belong to an excluded virtual table"
            ),
            _ => assert!(
                is_dumped != reason.is_some(),
                "table {name} ({kind}) must be either dumped or excluded with a reason \
                 (dump::schema::EXCLUDED), not both and not neither"
            ),
        }
    }
    for (name, why) in schema::EXCLUDED {
        assert!(
            why.len() > 20,
            "the exclusion of {name} must say why it is safe to leave out"
        );
    }
    for needed in [
        "person",
        "audit_log",
        "person_tombstone",
        "sqlite_sequence",
        "zone",
    ] {
        assert!(
            dumped.iter().any(|t| t.name == needed),
            "{needed} must be in the dump"
        );
    }
}

#[test]
fn a_table_added_by_a_future_migration_is_dumped_without_code_changes() {
    let db = TempDb::new();
    let store = db.open();
    store
        .write(|tx| {
            tx.execute_batch(
                "CREATE TABLE future_minutes (id INTEGER PRIMARY KEY, body TEXT, score REAL,
                     attachment BLOB) STRICT;
                 INSERT INTO future_minutes VALUES (7, 'verbale', 0.1, x'00ff');",
            )?;
            Ok(())
        })
        .expect("simulate a new migration");
    let data = export(&store);
    let table = data
        .tables
        .get("future_minutes")
        .expect("a new table must be dumped automatically");
    assert_eq!(
        table.rows,
        vec![vec![
            dump::Cell::Integer(7),
            dump::Cell::Text("verbale".to_owned()),
            dump::Cell::Real(0.1),
            dump::Cell::Blob(vec![0, 0xff]),
        ]],
        "its rows must be dumped with their exact types"
    );
}

/// Rows per table of interest over all seeds, so the property cannot pass on trivial data.
const N_COVERED: usize = 28;
const COVERED: [&str; N_COVERED] = [
    "person",
    "person_email",
    "person_phone",
    "person_tag",
    "person_tombstone",
    "role",
    "unione_member",
    "sds_zone",
    "comune_zone",
    "meeting",
    "meeting_series",
    "meeting_series_exdate",
    "meeting_comune",
    "meeting_status_change",
    "meeting_invitation",
    "agenda_item",
    "meeting_reminder_setting",
    "action",
    "action_status_change",
    "action_comune",
    "action_org",
    "action_person",
    "action_area",
    "saved_filter",
    "minutes",
    "minutes_version",
    "sai_survey",
    "sai_status_change",
];

/// One round trip of the property; returns the number of rows compared and the rows of the
/// [`COVERED`] tables.
fn round_trip(seed: u64) -> (usize, [usize; N_COVERED]) {
    let size = 4 + (seed as usize * 7) % 20;
    let src_db = TempDb::new();
    let src = src_db.open();
    let calls = random_data::fill(&src, seed, size);
    assert!(
        calls > size,
        "seed {seed}: the random data must be substantial ({calls} successful calls)"
    );
    let first = export(&src);
    let covered = COVERED.map(|t| first.tables.get(t).map_or(0, |d| d.rows.len()));
    let bytes = dump::to_json_bytes(&first).expect("serialise");
    let parsed = dump::parse(&bytes, "x.json").expect("the written document parses");
    assert_eq!(
        parsed, first,
        "seed {seed}: the JSON text must hold exactly what was exported"
    );

    let dst_db = TempDb::new();
    let dst = dst_db.open();
    let report = import(&dst, &parsed);
    assert!(
        report.applied && report.problems.is_empty(),
        "seed {seed}: the import of a fresh export must apply cleanly: {:?}",
        report.problems
    );
    let second = without_import_audit_row(export(&dst));
    let second = Dump {
        exported_at: first.exported_at.clone(),
        ..second
    };
    assert_eq!(
        second.tables, first.tables,
        "seed {seed}: export → import → export must give the same tables"
    );
    assert_eq!(
        dump::to_json_bytes(&second).expect("serialise"),
        bytes,
        "seed {seed}: the two JSON documents must be byte-for-byte identical"
    );

    // Independent check with plain SQL: every ordinary table, row by row.
    let mut compared = 0;
    for table in ordinary_tables(&src) {
        let mut want = table_rows(&src, &table);
        let got = table_rows(&dst, &table);
        if table == "audit_log" {
            assert_eq!(
                got.len(),
                want.len() + 1,
                "seed {seed}: one audit row more (the import)"
            );
            want.push(got[got.len() - 1].clone());
        }
        assert_eq!(got, want, "seed {seed}: table {table} must be identical");
        compared += want.len();
    }

    // Search works on the imported database (the index was rebuilt).
    for query in [
        "niccolo",
        "citta",
        "esempio",
        "comune firenze",
        "🎉",
        "d'angelo",
    ] {
        let hits = |s: &raccordo::Store| {
            let mut v: Vec<(HitKind, i64)> = s
                .read(|c| contacts::search(c, query, 500))
                .expect("search")
                .into_iter()
                .map(|h| (h.kind, h.id))
                .collect();
            v.sort_by_key(|(k, id)| (format!("{k:?}"), *id));
            v
        };
        assert_eq!(
            hits(&dst),
            hits(&src),
            "seed {seed}: search «{query}» must find the same contacts after the import"
        );
    }
    // AUTOINCREMENT counters survive: an erased person's id is not given out again.
    let next_src = add(&src, "Nuova", "Persona", None);
    let next_dst = add(&dst, "Nuova", "Persona", None);
    assert_eq!(
        next_dst, next_src,
        "seed {seed}: the next person id must continue from the same counter"
    );
    (compared, covered)
}

#[test]
fn property_random_data_round_trips_losslessly() {
    let seeds = env_u64("RACCORDO_DUMP_SEEDS", 30);
    let base = env_u64("RACCORDO_DUMP_SEED", 1);
    let started = std::time::Instant::now();
    let mut rows = 0;
    let mut covered = [0; N_COVERED];
    for seed in base..base + seeds {
        let (compared, c) = round_trip(seed);
        rows += compared;
        for (sum, n) in covered.iter_mut().zip(c) {
            *sum += n;
        }
    }
    for (table, n) in COVERED.iter().zip(covered) {
        assert!(
            seeds < 10 || n > 0,
            "the random data of {seeds} seeds must include rows of {table}"
        );
    }
    common::figures::report(&format!(
        "dump round trip: {seeds} seeds from {base}, {rows} rows compared, {:.1} s; rows of \
         {COVERED:?}: {covered:?}",
        started.elapsed().as_secs_f64()
    ));
}

#[test]
fn dry_run_loads_and_checks_everything_but_keeps_nothing() {
    let src_db = TempDb::new();
    let src = src_db.open();
    random_data::fill(&src, 99, 6);
    let data = export(&src);
    let dst_db = TempDb::new();
    let dst = dst_db.open();
    let before = export(&dst);
    let options = dump::ImportAllOptions {
        file_label: "x.json".to_owned(),
        dry_run: true,
    };
    let report = dst
        .write(|tx| dump::import_all(tx, &data, &options))
        .expect("dry run");
    assert!(
        !report.applied && report.problems.is_empty() && report.dry_run,
        "a dry run of a valid dump reports no problem and applies nothing"
    );
    assert_eq!(
        export(&dst).tables,
        before.tables,
        "a dry run must leave every table as it was"
    );
}

#[test]
fn a_non_empty_database_is_refused_before_anything_changes() {
    let src_db = TempDb::new();
    let data = export(&src_db.open());
    let dst_db = TempDb::new();
    let dst = dst_db.open();
    add(&dst, "Già", "Presente", None);
    let before = export(&dst);
    let err = dst
        .write(|tx| dump::import_all(tx, &data, &dump::ImportAllOptions::default()))
        .expect_err("a database with user data must be refused");
    let message = raccordo::ApiError::from(err).message;
    assert!(
        message.contains("il database contiene già dati")
            || message.contains("Il database contiene già dati"),
        "the refusal must say the database already holds data: {message}"
    );
    assert!(
        message.contains("--db") && message.contains("ripristina un backup"),
        "the refusal must say how to proceed: {message}"
    );
    assert_eq!(
        export(&dst).tables,
        before.tables,
        "a refused import changes nothing"
    );
}
