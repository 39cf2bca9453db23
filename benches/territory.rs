//! Territory queries on a `demo` database (criterion), each next to the same query written in raw
//! rusqlite SQL (`raw_sqlite/...`); a ratio table is printed at the end.
//!
//! Run: `cargo bench -p raccordo --bench territory` (about a minute on 2 cores).

use chrono::NaiveDate;
use raccordo::territory::{self, Level};
use raccordo::{demo, Store};
use rusqlite::Connection;

mod support;

const ISTAT: &str = "048017";
const QUERY: &str = "san";

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or_default()
}

/// The same work as `territory::tree` in plain SQL: zones with counts, then every comune with its
/// zone on the date.
fn raw_tree(c: &Connection) -> usize {
    let on = "2025-06-01";
    let mut zones = c
        .prepare_cached(
            "SELECT z.id, z.name, z.asl_code, z.confirmed, count(m.istat_code),
                    coalesce(sum(cm.population), 0)
             FROM zone z LEFT JOIN comune_zone m ON m.zone_id = z.id AND m.valid_from <= ?1
                 AND (m.valid_to IS NULL OR m.valid_to >= ?1)
             LEFT JOIN comune cm ON cm.istat_code = m.istat_code
             GROUP BY z.id ORDER BY z.asl_code, z.sort_order",
        )
        .expect("prepare zones");
    let n: usize = zones
        .query_map([on], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(5)?,
            ))
        })
        .expect("zones")
        .count();
    let mut comuni = c
        .prepare_cached(
            "SELECT c.istat_code, c.name, p.abbr, c.asl_code, m.zone_id, z.name, c.population
             FROM comune c JOIN province p ON p.code = c.province_code
             LEFT JOIN comune_zone m ON m.istat_code = c.istat_code AND m.valid_from <= ?1
                 AND (m.valid_to IS NULL OR m.valid_to >= ?1)
             LEFT JOIN zone z ON z.id = m.zone_id ORDER BY c.name_folded",
        )
        .expect("prepare comuni");
    n + comuni
        .query_map([on], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<i64>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, i64>(6)?,
            ))
        })
        .expect("comuni")
        .count()
}

/// The SQL `territory::search_comuni` runs for a one-word query (zone join and ranking included).
fn raw_search(c: &Connection) -> usize {
    let mut stmt = c
        .prepare_cached(
            "SELECT c.istat_code, c.name, p.abbr, c.asl_code, m.zone_id, z.name, c.population
             FROM comune c JOIN province p ON p.code = c.province_code
             LEFT JOIN comune_zone m ON m.istat_code = c.istat_code AND m.valid_from <= ?1
                 AND (m.valid_to IS NULL OR m.valid_to >= ?1)
             LEFT JOIN zone z ON z.id = m.zone_id
             WHERE instr(c.name_folded, ?2) > 0 OR instr(c.name_compact, ?2) > 0
             ORDER BY CASE WHEN c.name_folded = ?2 THEN 0 WHEN instr(c.name_folded, ?2) = 1 THEN 1
                 WHEN instr(' ' || c.name_folded, ' ' || ?2) > 0 THEN 2
                 WHEN instr(c.name_folded, ?2) > 0 THEN 3 ELSE 4 END, c.name_folded
             LIMIT 20",
        )
        .expect("prepare search");
    stmt.query_map(["2025-06-01", QUERY], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(5)?,
            r.get::<_, i64>(6)?,
        ))
    })
    .expect("search")
    .count()
}

fn raw_comune(c: &Connection) -> usize {
    let mut detail = c
        .prepare_cached(
            "SELECT c.istat_code, c.name, c.cadastral_code, p.name, p.abbr, a.name, c.population
             FROM comune c JOIN province p ON p.code = c.province_code
             JOIN asl a ON a.code = c.asl_code WHERE c.istat_code = ?1",
        )
        .expect("prepare detail");
    let one = detail
        .query_row([ISTAT], |r| {
            Ok((r.get::<_, String>(1)?, r.get::<_, i64>(6)?))
        })
        .expect("detail");
    let mut history = c
        .prepare_cached(
            "SELECT m.id, z.name, m.valid_from, m.valid_to, m.source FROM comune_zone m
             JOIN zone z ON z.id = m.zone_id WHERE m.istat_code = ?1 ORDER BY m.valid_from DESC",
        )
        .expect("prepare history");
    let n = history
        .query_map([ISTAT], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })
        .expect("history")
        .count();
    one.0.len() + n
}

fn raw_list(c: &Connection) -> usize {
    let mut stmt = c
        .prepare_cached(
            "SELECT c.istat_code, c.name, c.province_code, c.asl_code, p.abbr, z.name, c.population
             FROM comune c JOIN province p ON p.code = c.province_code
             LEFT JOIN comune_zone m ON m.istat_code = c.istat_code AND m.valid_from <= ?1
                 AND (m.valid_to IS NULL OR m.valid_to >= ?1)
             LEFT JOIN zone z ON z.id = m.zone_id ORDER BY c.istat_code",
        )
        .expect("prepare list");
    stmt.query_map(["2025-06-01"], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })
    .expect("list")
    .count()
}

type Case = (&'static str, fn(&Store) -> usize, fn(&Connection) -> usize);

fn cases() -> Vec<Case> {
    vec![
        (
            "tree",
            |s| {
                s.read(|c| territory::tree(c, day()))
                    .map(|t| t.asl.len())
                    .unwrap_or(0)
            },
            raw_tree,
        ),
        (
            "search_comuni",
            |s| {
                s.read(|c| territory::search_comuni(c, QUERY, 20))
                    .map(|v| v.len())
                    .unwrap_or(0)
            },
            raw_search,
        ),
        (
            "comune_detail",
            |s| {
                s.read(|c| territory::comune(c, ISTAT, day()))
                    .map(|d| d.zone_history.len())
                    .unwrap_or(0)
            },
            raw_comune,
        ),
        (
            "territory_list_comune",
            |s| {
                s.read(|c| territory::list(c, Level::Comune, day()))
                    .map(|v| v.len())
                    .unwrap_or(0)
            },
            raw_list,
        ),
    ]
}

/// The cases as the shared runner takes them.
fn boxed() -> Vec<support::Case> {
    cases()
        .into_iter()
        .map(|(name, core, sql)| -> support::Case { (name, Box::new(core), Box::new(sql)) })
        .collect()
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.sqlite");
    let store = Store::open(&path).expect("open bench database");
    store.write(|tx| demo::generate(tx, 1)).expect("demo data");
    let raw = Connection::open(&path).expect("raw connection");

    support::compare("territory", "demo data", &store, &raw, boxed, |_| None);
}
