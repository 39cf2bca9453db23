//! Contact queries on a `demo --scale 10` database (about 20,000 people), each next to the same
//! query in raw rusqlite SQL (`raw_sqlite/...`); a ratio table with p95 is printed at the end.
//!
//! Run: `cargo bench -p raccordo --bench contacts` (budget: < 50 ms p95 per query).

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use raccordo::contacts::{self, PersonFilter};
use raccordo::interchange::ContactRecord;
use raccordo::{demo, Store};
use rusqlite::Connection;

mod support;
use support::Case;

const ISTAT: &str = "048017";

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or_default()
}

/// One as-you-type keystroke: the core call and the raw FTS5 query it runs (same text).
fn core_search(s: &Store, q: &str) -> usize {
    s.read(|c| contacts::search(c, q, 20))
        .map(|v| v.len())
        .unwrap_or(0)
}

fn raw_search(c: &Connection, fts: &str) -> usize {
    let mut stmt = c
        .prepare_cached(
            "SELECT kind, ref_id, name FROM contact_fts WHERE contact_fts MATCH ?1
             ORDER BY bm25(contact_fts, 0.0, 0.0, 10.0, 1.0) LIMIT 20",
        )
        .expect("prepare");
    stmt.query_map([fts], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
        ))
    })
    .expect("query")
    .count()
}

fn core_list(s: &Store) -> usize {
    s.read(|c| contacts::list_people(c, &PersonFilter::default(), 50, 5_000))
        .map(|v| v.len())
        .unwrap_or(0)
}

fn raw_list(c: &Connection) -> usize {
    let mut stmt = c
        .prepare_cached(
            "SELECT p.id, p.given_name, p.family_name,
                 (SELECT email FROM person_email WHERE person_id = p.id
                     ORDER BY is_primary DESC, id LIMIT 1),
                 (SELECT phone FROM person_phone WHERE person_id = p.id
                     ORDER BY is_primary DESC, id LIMIT 1),
                 (SELECT r.title || ' – ' || o.name FROM role r
                     JOIN organisation o ON o.id = r.organisation_id
                     WHERE r.person_id = p.id AND coalesce(r.valid_from, '0000-01-01') <= ?1
                         AND (r.valid_to IS NULL OR r.valid_to >= ?1)
                     ORDER BY r.valid_from DESC, r.id LIMIT 1),
                 p.restricted
             FROM person p ORDER BY p.sort_key, p.id LIMIT 50 OFFSET 5000",
        )
        .expect("prepare");
    stmt.query_map(["2025-06-01"], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })
    .expect("query")
    .count()
}

fn core_list_search(s: &Store) -> usize {
    let filter = PersonFilter {
        search: Some("rossi".to_owned()),
        ..Default::default()
    };
    s.read(|c| contacts::list_people(c, &filter, 50, 0))
        .map(|v| v.len())
        .unwrap_or(0)
}

fn raw_list_search(c: &Connection) -> usize {
    let mut stmt = c
        .prepare_cached(
            "SELECT p.id, p.given_name, p.family_name FROM person p
             WHERE p.id IN (SELECT ref_id FROM contact_fts WHERE contact_fts MATCH '\"rossi\"*'
                 AND kind = 'person')
             ORDER BY p.sort_key, p.id LIMIT 50",
        )
        .expect("prepare");
    stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
        .expect("query")
        .count()
}

/// What the Contatti screen asks on each keystroke: the total and the first page.
fn core_page(s: &Store, q: &str) -> usize {
    let filter = PersonFilter {
        search: Some(q.to_owned()),
        ..Default::default()
    };
    s.read(|c| contacts::person_page(c, &filter, 100, 0))
        .map(|p| p.people.len() + usize::try_from(p.total).unwrap_or(0))
        .unwrap_or(0)
}

fn raw_page(c: &Connection, fts: &str) -> usize {
    let total: i64 = c
        .prepare_cached(
            "SELECT count(*) FROM person p WHERE p.id IN
                 (SELECT ref_id FROM contact_fts WHERE contact_fts MATCH ?1 AND kind = 'person')",
        )
        .expect("prepare")
        .query_row([fts], |r| r.get(0))
        .expect("count");
    let mut stmt = c
        .prepare_cached(
            "SELECT p.id, p.given_name, p.family_name FROM person p
             WHERE p.id IN (SELECT ref_id FROM contact_fts WHERE contact_fts MATCH ?1
                 AND kind = 'person')
             ORDER BY p.sort_key, p.id LIMIT 100",
        )
        .expect("prepare");
    let rows = stmt
        .query_map([fts], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
        .expect("query")
        .count();
    rows + usize::try_from(total).unwrap_or(0)
}

fn firenze_org(c: &Connection) -> i64 {
    c.query_row(
        "SELECT id FROM organisation WHERE kind = 'comune' AND istat_code = ?1",
        [ISTAT],
        |r| r.get(0),
    )
    .expect("Firenze organisation")
}

fn core_who(s: &Store) -> usize {
    s.read(|c| contacts::who_holds(c, firenze_org(c), "Sindaco", day()))
        .map(|v| v.len())
        .unwrap_or(0)
}

fn raw_who(c: &Connection) -> usize {
    let org = firenze_org(c);
    let mut stmt = c
        .prepare_cached(
            "SELECT r.id, p.given_name, p.family_name FROM role r JOIN person p ON p.id = r.person_id
             WHERE r.organisation_id = ?1 AND r.title_folded = 'sindaco'
                 AND coalesce(r.valid_from, '0000-01-01') <= ?2 AND (r.valid_to IS NULL OR r.valid_to >= ?2)",
        )
        .expect("prepare");
    stmt.query_map(rusqlite::params![org, "2025-06-01"], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
    })
    .expect("query")
    .count()
}

fn core_comune(s: &Store) -> usize {
    s.read(|c| contacts::comune_people(c, ISTAT, day()))
        .map(|v| v.len())
        .unwrap_or(0)
}

fn raw_comune(c: &Connection) -> usize {
    let mut stmt = c
        .prepare_cached(
            "SELECT r.id, r.title, p.given_name, p.family_name, o.name FROM role r
             JOIN person p ON p.id = r.person_id JOIN organisation o ON o.id = r.organisation_id
             WHERE o.kind = 'comune' AND o.istat_code = ?1
                 AND coalesce(r.valid_from, '0000-01-01') <= ?2 AND (r.valid_to IS NULL OR r.valid_to >= ?2)
             ORDER BY r.title_folded, p.sort_key",
        )
        .expect("prepare");
    stmt.query_map([ISTAT, "2025-06-01"], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
    })
    .expect("query")
    .count()
}

/// Applies 10,000 new contact records (with organisation, title, comune) for real, index
/// included (run last: it adds the people to the bench database).
fn import_timing(store: &Store) {
    let records: Vec<ContactRecord> = (0..10_000u32)
        .map(|i| ContactRecord {
            source_line: i + 2,
            given_name: format!("Nome{i}"),
            family_name: format!("Cognome{}", i % 997),
            emails: vec![format!("import.{i}@esempio.it")],
            phones: vec![format!("+39 050 {:07}", i)],
            organisation: Some(format!("Associazione numero {}", i % 300)),
            title: Some("Referente".to_owned()),
            comune: Some("Pisa".to_owned()),
            tags: vec!["importati".to_owned()],
            ..Default::default()
        })
        .collect();
    let t = Instant::now();
    let report = store
        .write(|tx| contacts::import::apply(tx, &records, false))
        .expect("import");
    println!(
        "import apply of 10,000 records (one transaction, committed): {:.2?}, {} ok",
        t.elapsed(),
        report.report.rows_ok
    );
}

fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    // What a user types to find "Rossi Marco", keystroke by keystroke, and an accent-free query.
    for (name, typed, fts) in [
        ("search_1st_keystroke_r", "r", "{name} : \"r\"*"),
        ("search_ros", "ros", "\"ros\"*"),
        ("search_rossi_mar", "rossi mar", "\"rossi\"* \"mar\"*"),
        ("search_niccolo", "niccolo", "\"niccolo\"*"),
    ] {
        cases.push((
            name,
            Box::new(move |s| core_search(s, typed)),
            Box::new(move |c| raw_search(c, fts)),
        ));
    }
    cases.push(("person_list_page", Box::new(core_list), Box::new(raw_list)));
    cases.push((
        "person_list_search_rossi",
        Box::new(core_list_search),
        Box::new(raw_list_search),
    ));
    for (name, typed, fts) in [
        ("person_page_keystroke_r", "r", "\"r\"*"),
        ("person_page_rossi_mar", "rossi mar", "\"rossi\"* \"mar\"*"),
    ] {
        cases.push((
            name,
            Box::new(move |s| core_page(s, typed)),
            Box::new(move |c| raw_page(c, fts)),
        ));
    }
    cases.push(("who_holds", Box::new(core_who), Box::new(raw_who)));
    cases.push(("comune_people", Box::new(core_comune), Box::new(raw_comune)));
    cases
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.sqlite");
    let store = Store::open(&path).expect("open bench database");
    let t = Instant::now();
    let report = store.write(|tx| demo::generate(tx, 10)).expect("demo data");
    println!(
        "demo --scale 10: {} people, {} roles in {:.2?}",
        report.people,
        report.roles,
        t.elapsed()
    );
    let raw = Connection::open(&path).expect("raw connection");

    support::compare("contacts", "demo --scale 10", &store, &raw, cases, |_| {
        Some(Duration::from_millis(50))
    });
    import_timing(&store);
}
