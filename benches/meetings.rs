//! Meeting queries on a `demo --scale 10` database (10,000 meetings, 110,000 invitations, 20,000
//! people), each next to the same query in raw rusqlite SQL (`raw_sqlite/...`); a ratio table
//! with p95 and the budget is printed at the end.
//!
//! Budgets (issue 4, DESIGN.md): the month view and paging month to month < 100 ms; the list
//! filters (ASL, zone, type, text), a comune's meetings, conflicts and upcoming < 50 ms.
//!
//! Run: `cargo bench -p raccordo --bench meetings` (add `-- --quick` for a shorter run).

use std::cell::Cell;
use std::time::{Duration, Instant};

use chrono::{Months, NaiveDate, NaiveDateTime};
use raccordo::meetings::{self as m, MeetingFilter, MeetingKind};
use raccordo::territory::AslCode;
use raccordo::{demo, time, Store};
use rusqlite::{params_from_iter, Connection};

mod support;
use support::Case;

/// The demo's "today": meetings run from 26/11/2025 to 26/11/2027.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The six weeks a month grid shows: Monday before the 1st to 41 days later.
fn grid(first: NaiveDate) -> (NaiveDate, NaiveDate) {
    use chrono::Datelike;
    let start = first - chrono::Duration::days(i64::from(first.weekday().num_days_from_monday()));
    (start, start + chrono::Duration::days(41))
}

/// UTC bounds of local days `from`..=`to` as `filter_sql` computes them: the start of `from`, the
/// end of `to`, and the start of `from` less the longest meeting (bound of the start index).
fn bounds(from: NaiveDate, to: NaiveDate) -> [String; 3] {
    let at = |d: NaiveDate| {
        time::rome_to_utc("bench", d.and_hms_opt(0, 0, 0).unwrap_or_default()).unwrap_or_default()
    };
    let start = at(from);
    [
        time::instant_iso(start),
        time::instant_iso(at(to + chrono::Duration::days(1))),
        time::instant_iso(start - chrono::Duration::days(m::MAX_DAYS)),
    ]
}

/// The period condition of `filter_sql` on parameters ?1..?3 of [`bounds`].
const PERIOD: &str = "AND m.ends_at > ?1 AND m.starts_at < ?2 AND m.starts_at > ?3";

fn core_list(s: &Store, f: &MeetingFilter) -> usize {
    s.read(|c| m::list_meetings(c, f))
        .map(|v| v.len())
        .unwrap_or(0)
}

/// What the list screen asks: the page and the total.
fn core_page(s: &Store, f: &MeetingFilter) -> usize {
    s.read(|c| Ok(m::list_meetings(c, f)?.len() + m::count_meetings(c, f)? as usize))
        .unwrap_or(0)
}

/// The summary columns in raw SQL, with `extra` conditions on `m` and `?` parameters.
fn raw_list(c: &Connection, extra: &str, p: &[String], page: bool) -> usize {
    let limit = if page { " LIMIT 100" } else { "" };
    let mut stmt = c
        .prepare_cached(&format!(
            "SELECT m.id, m.uid, m.kind, m.title, m.starts_at, m.ends_at, m.all_day, m.place,
                 m.status, m.scope_kind, m.filter_asl, m.series_id,
                 (SELECT count(*) FROM meeting_invitation i WHERE i.meeting_id = m.id)
             FROM meeting m WHERE 1 = 1 {extra} ORDER BY m.starts_at, m.id{limit}"
        ))
        .expect("prepare");
    let rows = stmt
        .query_map(params_from_iter(p), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(12)?,
            ))
        })
        .expect("query")
        .count();
    if !page {
        return rows;
    }
    let total: i64 = c
        .prepare_cached(&format!(
            "SELECT count(*) FROM meeting m WHERE 1 = 1 {extra}"
        ))
        .expect("prepare count")
        .query_row(params_from_iter(p), |r| r.get(0))
        .expect("count");
    rows + total as usize
}

fn month_filter(first: NaiveDate) -> MeetingFilter {
    let (from, to) = grid(first);
    MeetingFilter {
        from: Some(from),
        to: Some(to),
        ..Default::default()
    }
}

fn zone_id(c: &Connection) -> i64 {
    c.query_row("SELECT id FROM zone WHERE name = 'Pisana'", [], |r| {
        r.get(0)
    })
    .expect("Zona Pisana")
}

fn filtered(
    name: &'static str,
    filter: impl Fn(&Store) -> MeetingFilter + 'static,
    extra: &'static str,
    p: impl Fn(&Connection) -> Vec<String> + 'static,
) -> Case {
    (
        name,
        Box::new(move |s| core_page(s, &filter(s))),
        Box::new(move |c| raw_list(c, extra, &p(c), true)),
    )
}

fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let march = day(2027, 3, 1);
    cases.push((
        "month_view_march_2027",
        Box::new(move |s| core_list(s, &month_filter(march))),
        Box::new(move |c| {
            let (from, to) = grid(march);
            raw_list(c, PERIOD, &bounds(from, to), false)
        }),
    ));
    // Paging: every call shows the next month of the two years (24 grids, then again).
    let months: Vec<NaiveDate> = (0..24).map(|i| day(2025, 12, 1) + Months::new(i)).collect();
    let (core_months, raw_months) = (months.clone(), months);
    let (core_next, raw_next) = (Cell::new(0usize), Cell::new(0usize));
    cases.push((
        "month_paging_next_month",
        Box::new(move |s| {
            let i = core_next.replace(core_next.get() + 1) % core_months.len();
            core_list(s, &month_filter(core_months[i]))
        }),
        Box::new(move |c| {
            let i = raw_next.replace(raw_next.get() + 1) % raw_months.len();
            let (from, to) = grid(raw_months[i]);
            raw_list(c, PERIOD, &bounds(from, to), false)
        }),
    ));
    let week = (day(2027, 3, 22), day(2027, 3, 28));
    cases.push((
        "week_view",
        Box::new(move |s| {
            core_list(
                s,
                &MeetingFilter {
                    from: Some(week.0),
                    to: Some(week.1),
                    ..Default::default()
                },
            )
        }),
        Box::new(move |c| raw_list(c, PERIOD, &bounds(week.0, week.1), false)),
    ));
    let page = |f: MeetingFilter| MeetingFilter {
        limit: Some(100),
        ..f
    };
    cases.push(filtered(
        "list_asl_centro",
        move |_| {
            page(MeetingFilter {
                asl: Some(AslCode::Centro),
                ..Default::default()
            })
        },
        "AND m.filter_asl = ?1",
        |_| vec!["centro".to_owned()],
    ));
    cases.push(filtered(
        "list_zone_pisana",
        move |s| {
            page(MeetingFilter {
                zone_id: s.read(|c| Ok(zone_id(c))).ok(),
                ..Default::default()
            })
        },
        "AND m.filter_zone_id = ?1",
        |c| vec![zone_id(c).to_string()],
    ));
    cases.push(filtered(
        "list_type_giunta_unione",
        move |_| {
            page(MeetingFilter {
                kinds: vec![MeetingKind::GiuntaUnione],
                ..Default::default()
            })
        },
        "AND m.kind = ?1",
        |_| vec!["giunta_unione".to_owned()],
    ));
    cases.push(filtered(
        "list_text_pisa",
        move |_| {
            page(MeetingFilter {
                text: "Pisa".to_owned(),
                ..Default::default()
            })
        },
        "AND m.title_folded LIKE ?1",
        |_| vec!["%pisa%".to_owned()],
    ));
    cases.push(filtered(
        "list_month_asl_type",
        move |_| {
            page(MeetingFilter {
                asl: Some(AslCode::NordOvest),
                kinds: vec![MeetingKind::ConferenzaZonale, MeetingKind::ZonaDistretto],
                ..month_filter(march)
            })
        },
        "AND m.ends_at > ?1 AND m.starts_at < ?2 AND m.starts_at > ?3 AND m.filter_asl = ?4
         AND m.kind IN (?5, ?6)",
        move |_| {
            let (from, to) = grid(march);
            let [a, b, c] = bounds(from, to);
            vec![
                a,
                b,
                c,
                "nord-ovest".to_owned(),
                "conferenza_zonale".to_owned(),
                "zona_distretto".to_owned(),
            ]
        },
    ));
    cases.push((
        "comune_meetings_pisa",
        Box::new(|s| {
            s.read(|c| m::comune_meetings(c, "050026"))
                .map(|v| v.len())
                .unwrap_or(0)
        }),
        Box::new(raw_comune),
    ));
    let slot =
        |h: u32| -> NaiveDateTime { day(2027, 3, 25).and_hms_opt(h, 0, 0).unwrap_or_default() };
    cases.push((
        "conflicts_25_03_2027_10_12",
        Box::new(move |s| {
            s.read(|c| m::conflicts(c, slot(10), slot(12), None, &[1, 2, 3]))
                .map(|v| v.len())
                .unwrap_or(0)
        }),
        Box::new(move |c| {
            let at = |t: NaiveDateTime| time::rome_to_utc("bench", t).unwrap_or_default();
            let s = at(slot(10));
            let p =
                [s, at(slot(12)), s - chrono::Duration::days(m::MAX_DAYS)].map(time::instant_iso);
            raw_list(
                c,
                "AND m.starts_at < ?2 AND m.ends_at > ?1 AND m.starts_at > ?3
                 AND m.status NOT IN ('cancelled', 'postponed')",
                &p,
                false,
            )
        }),
    ));
    let now = time::rome_to_utc("now", today().and_hms_opt(8, 0, 0).unwrap_or_default())
        .unwrap_or_default();
    cases.push((
        "upcoming_14_days",
        Box::new(move |s| {
            s.read(|c| m::upcoming(c, now, 14))
                .map(|v| v.len())
                .unwrap_or(0)
        }),
        Box::new(move |c| {
            let until = now + chrono::Duration::days(14);
            raw_list(
                c,
                "AND m.starts_at >= ?1 AND m.starts_at < ?2 AND m.status != 'cancelled'",
                &[time::instant_iso(now), time::instant_iso(until)],
                false,
            )
        }),
    ));
    cases
}

/// The meetings that concerned Pisa, as one raw query (scope or invitation).
fn raw_comune(c: &Connection) -> usize {
    let mut stmt = c
        .prepare_cached(
            "SELECT m.id, m.title, m.starts_at FROM meeting m
             JOIN comune k ON k.istat_code = ?1
             WHERE (m.scope_kind = 'region')
                OR (m.scope_kind = 'asl' AND m.scope_asl = k.asl_code)
                OR (m.scope_kind = 'province' AND m.scope_province = k.province_code)
                OR EXISTS (SELECT 1 FROM meeting_comune mc
                           WHERE mc.meeting_id = m.id AND mc.istat_code = ?1)
                OR EXISTS (SELECT 1 FROM comune_zone cz WHERE m.scope_kind = 'zone'
                           AND cz.zone_id = m.scope_zone_id AND cz.istat_code = ?1)
                OR EXISTS (SELECT 1 FROM unione_member um WHERE m.scope_kind = 'unione'
                           AND um.org_id = m.scope_org_id AND um.istat_code = ?1)
                OR EXISTS (SELECT 1 FROM meeting_invitation i JOIN organisation o
                           ON o.id = i.organisation_id
                           WHERE i.meeting_id = m.id AND o.istat_code = ?1)
             ORDER BY m.starts_at DESC, m.id DESC",
        )
        .expect("prepare");
    stmt.query_map(["050026"], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
    })
    .expect("query")
    .count()
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
        "demo --scale 10: {} people, {} meetings ({} series), {} invitations in {:.2?}",
        report.people,
        report.meetings,
        report.series,
        report.invitations,
        t.elapsed()
    );
    let raw = Connection::open(&path).expect("raw connection");
    support::compare("meetings", "demo --scale 10", &store, &raw, cases, |name| {
        Some(Duration::from_millis(if name.starts_with("month") {
            100
        } else {
            50
        }))
    });
}
