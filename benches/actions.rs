//! Action queries on a `demo --scale 10` database (100,000 actions, 10,000 meetings, 20,000
//! people), each next to the same selection in raw rusqlite SQL (`raw_sqlite/...`); a ratio
//! table with p95 and the budget is printed at the end.
//!
//! Budgets (issue 6, DESIGN.md): every list and filter answer (page + total) < 50 ms; the comune
//! page's timeline and the zone/ASL pages < 100 ms.
//!
//! Run: `cargo bench -p raccordo --bench actions` (add `-- --quick` for a shorter run).

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use raccordo::actions::{self as a, ActionFilter, ActionSort, DueWindow};
use raccordo::overview::{self, AreaRef};
use raccordo::territory::AslCode;
use raccordo::{demo, Store};
use rusqlite::Connection;

mod support;
use support::Case;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
}

const PISA: &str = "050026";

/// What the list screen asks: a page of 200 and the total.
fn page(s: &Store, f: ActionFilter) -> usize {
    s.read(|c| a::list_actions(c, &f, today()))
        .map(|p| p.rows.len() + p.total as usize)
        .unwrap_or(0)
}

/// The same selection in raw SQL: ids of a page in due order, and the count.
fn raw(c: &Connection, cond: &str) -> usize {
    let n: i64 = c
        .query_row(
            &format!("SELECT count(*) FROM action a WHERE {cond}"),
            [],
            |r| r.get(0),
        )
        .unwrap_or(0);
    let mut stmt = c
        .prepare_cached(&format!(
            "SELECT a.id, a.title, a.status, a.due_date FROM action a WHERE {cond}
             ORDER BY a.due_date IS NULL, a.due_date, a.id LIMIT 200"
        ))
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| r.get::<_, i64>(0))
        .expect("query")
        .count();
    n as usize + rows
}

fn zone_pisana(c: &Connection) -> i64 {
    c.query_row("SELECT id FROM zone WHERE name = 'Pisana'", [], |r| {
        r.get(0)
    })
    .unwrap_or(0)
}

fn cases() -> Vec<Case> {
    let t = today().to_string();
    let open = "a.status IN ('open', 'in_progress', 'waiting')".to_owned();
    vec![
        (
            "list_all_by_due",
            Box::new(|s: &Store| page(s, ActionFilter::default())),
            Box::new(|c: &Connection| raw(c, "1 = 1")),
        ),
        (
            "overdue",
            Box::new(|s: &Store| {
                page(
                    s,
                    ActionFilter {
                        due_window: Some(DueWindow::Overdue),
                        ..Default::default()
                    },
                )
            }),
            {
                let cond = format!("{open} AND a.due_date < '{t}'");
                Box::new(move |c: &Connection| raw(c, &cond))
            },
        ),
        (
            "comune_pisa",
            Box::new(|s: &Store| {
                page(
                    s,
                    ActionFilter {
                        comune: Some(PISA.into()),
                        ..Default::default()
                    },
                )
            }),
            Box::new(|c: &Connection| {
                raw(
                    c,
                    "a.id IN (SELECT action_id FROM action_comune WHERE istat_code = '050026')",
                )
            }),
        ),
        (
            "asl_open",
            Box::new(|s: &Store| {
                page(
                    s,
                    ActionFilter {
                        asl: Some(AslCode::NordOvest),
                        open_only: true,
                        ..Default::default()
                    },
                )
            }),
            {
                let cond = format!(
                    "{open} AND a.id IN (SELECT action_id FROM action_area \
                     WHERE asl_code = 'nord-ovest')"
                );
                Box::new(move |c: &Connection| raw(c, &cond))
            },
        ),
        (
            "zone_this_week",
            Box::new(|s: &Store| {
                let zone = s.read(|c| Ok(zone_pisana(c))).unwrap_or(0);
                page(
                    s,
                    ActionFilter {
                        zone_id: Some(zone),
                        due_window: Some(DueWindow::ThisWeek),
                        ..Default::default()
                    },
                )
            }),
            Box::new(|c: &Connection| {
                let zone = zone_pisana(c);
                raw(
                    c,
                    &format!(
                        "a.due_date BETWEEN '2026-11-23' AND '2026-11-29' AND a.id IN \
                         (SELECT action_id FROM action_area WHERE zone_id = {zone})"
                    ),
                )
            }),
        ),
        (
            "mine_by_priority",
            Box::new(|s: &Store| {
                page(
                    s,
                    ActionFilter {
                        owner_coordinator: true,
                        sort: Some(ActionSort::Priority),
                        ..Default::default()
                    },
                )
            }),
            Box::new(|c: &Connection| raw(c, "a.owner_kind = 'coordinator'")),
        ),
        (
            "text_delibera",
            Box::new(|s: &Store| {
                page(
                    s,
                    ActionFilter {
                        search: "delibera".into(),
                        ..Default::default()
                    },
                )
            }),
            Box::new(|c: &Connection| raw(c, "a.title_folded LIKE '%delibera%'")),
        ),
        (
            "board_counts",
            Box::new(|s: &Store| {
                s.read(|c| a::action_counts(c, &ActionFilter::default(), today()))
                    .map(|k| k.open as usize)
                    .unwrap_or(0)
            }),
            Box::new(|c: &Connection| {
                c.query_row("SELECT count(*) FROM action GROUP BY status", [], |r| {
                    r.get::<_, i64>(0).map(|n| n as usize)
                })
                .unwrap_or(0)
            }),
        ),
        (
            "dashboard_open_by_asl",
            Box::new(|s: &Store| {
                s.read(|c| a::open_by_asl(c, today()))
                    .map(|v| v.len())
                    .unwrap_or(0)
            }),
            {
                let cond = open.clone();
                Box::new(move |c: &Connection| {
                    c.query_row(
                        &format!(
                            "SELECT count(*) FROM action a JOIN action_area r ON r.action_id = a.id \
                             WHERE {cond} GROUP BY r.asl_code"
                        ),
                        [],
                        |r| r.get::<_, i64>(0).map(|n| n as usize),
                    )
                    .unwrap_or(0)
                })
            },
        ),
        (
            "page_comune_timeline_pisa",
            Box::new(|s: &Store| {
                s.read(|c| overview::comune_timeline(c, PISA, 200))
                    .map(|v| v.len())
                    .unwrap_or(0)
            }),
            Box::new(|c: &Connection| {
                raw(
                    c,
                    "a.id IN (SELECT action_id FROM action_comune WHERE istat_code = '050026')",
                )
            }),
        ),
        (
            "page_zone_pisana",
            Box::new(|s: &Store| {
                let zone = s.read(|c| Ok(zone_pisana(c))).unwrap_or(0);
                s.read(|c| overview::area_overview(c, AreaRef::Zone { id: zone }, today()))
                    .map(|o| o.comuni.len())
                    .unwrap_or(0)
            }),
            Box::new(|c: &Connection| {
                let zone = zone_pisana(c);
                raw(
                    c,
                    &format!("a.id IN (SELECT action_id FROM action_area WHERE zone_id = {zone})"),
                )
            }),
        ),
        (
            "page_asl_nord_ovest",
            Box::new(|s: &Store| {
                s.read(|c| {
                    overview::area_overview(
                        c,
                        AreaRef::Asl {
                            code: AslCode::NordOvest,
                        },
                        today(),
                    )
                })
                .map(|o| o.comuni.len())
                .unwrap_or(0)
            }),
            Box::new(|c: &Connection| {
                raw(
                    c,
                    "a.id IN (SELECT action_id FROM action_area WHERE asl_code = 'nord-ovest')",
                )
            }),
        ),
    ]
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.sqlite");
    let store = Store::open(&path).expect("open bench database");
    let t = Instant::now();
    let report = store
        .write(|tx| demo::generate_on(tx, 10, today()))
        .expect("demo data");
    println!(
        "demo --scale 10: {} people, {} meetings, {} actions in {:.2?}",
        report.people,
        report.meetings,
        report.actions,
        t.elapsed()
    );
    let raw = Connection::open(&path).expect("raw connection");
    support::compare("actions", "demo --scale 10", &store, &raw, cases, |name| {
        Some(Duration::from_millis(if name.starts_with("page_") {
            100
        } else {
            50
        }))
    });
}
