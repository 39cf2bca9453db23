//! The fast paths of the action lists (migration 0008) answer exactly what the filters mean: on
//! demo data, every combination of ASL, open/overdue/this-week window, text (trigram index,
//! short words, and the in-order scan of a frequent word), sort direction and paging returns the
//! same ids, in the same order, and the same totals as a brute-force evaluation in Rust; the
//! dashboard's open/overdue per ASL agrees too.

use crate::common;

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, Duration, NaiveDate};
use common::{date, TempDb};
use raccordo::actions::{self, ActionFilter, ActionSort, DueWindow};
use raccordo::overview::{self, AreaRef};
use raccordo::territory::AslCode;
use raccordo::{demo, text, Store};

struct Row {
    id: i64,
    title: String,
    status: String,
    open: bool,
    due: Option<NaiveDate>,
    asls: BTreeSet<String>,
}

fn today() -> NaiveDate {
    date(2026, 11, 26)
}

fn load(store: &Store) -> Vec<Row> {
    store
        .read(|c| {
            let mut areas: HashMap<i64, BTreeSet<String>> = HashMap::new();
            let mut st = c.prepare("SELECT action_id, asl_code FROM action_area")?;
            for r in st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
                let (id, asl) = r?;
                areas.entry(id).or_default().insert(asl);
            }
            let mut st = c.prepare("SELECT id, title_folded, status, due_date FROM action")?;
            let rows = st.query_map([], |r| {
                let id: i64 = r.get(0)?;
                let status: String = r.get(2)?;
                let due: Option<String> = r.get(3)?;
                Ok(Row {
                    id,
                    title: r.get(1)?,
                    open: matches!(status.as_str(), "open" | "in_progress" | "waiting"),
                    status,
                    due: due.and_then(|d| d.parse().ok()),
                    asls: areas.remove(&id).unwrap_or_default(),
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .expect("load the demo actions")
}

/// The ids a filter means, in due order (undated last, then id), by brute force.
fn expected(all: &[Row], f: &ActionFilter) -> Vec<i64> {
    let t = today();
    let monday = t - Duration::days(t.weekday().num_days_from_monday() as i64);
    let words: Vec<String> = text::fold(&f.search)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let mut v: Vec<&Row> = all
        .iter()
        .filter(|r| f.asl.is_none_or(|a| r.asls.contains(a.as_str())))
        .filter(|r| !f.open_only || r.open)
        .filter(|r| match f.due_window {
            Some(DueWindow::Overdue) => r.open && r.due.is_some_and(|d| d < t),
            Some(DueWindow::ThisWeek) => r
                .due
                .is_some_and(|d| d >= monday && d <= monday + Duration::days(6)),
            Some(DueWindow::Today) => r.due == Some(t),
            Some(DueWindow::NoDate) => r.due.is_none(),
            _ => true,
        })
        .filter(|r| words.iter().all(|w| r.title.contains(w.as_str())))
        .collect();
    let key = |r: &Row| (r.due.unwrap_or(NaiveDate::MAX), r.id);
    v.sort_by_key(|r| key(r));
    if f.descending {
        v.reverse();
    }
    v.into_iter().map(|r| r.id).collect()
}

#[test]
fn fast_paths_select_and_order_exactly_what_the_filters_mean() {
    let db = TempDb::new();
    let store = db.open();
    store
        .write(|tx| demo::generate_on(tx, 1, today()))
        .expect("demo data at scale 1");
    let all = load(&store);
    assert!(
        all.len() >= 5_000,
        "the demo holds thousands of actions ({})",
        all.len()
    );
    // A fragment in more than 2,000 titles: its page is read by the in-order scan.
    let frequent = ["del", "con", "per", "ver", "ent", "ion"]
        .into_iter()
        .max_by_key(|w| all.iter().filter(|r| r.title.contains(w)).count())
        .unwrap_or("del");
    let n = all.iter().filter(|r| r.title.contains(frequent)).count();
    assert!(
        n > 2_000,
        "'{frequent}' is frequent enough ({n}) to exercise the in-order scan"
    );
    let mut checked = 0;
    for asl in [None, Some(AslCode::NordOvest), Some(AslCode::SudEst)] {
        for (open_only, window) in [
            (false, None),
            (true, None),
            (false, Some(DueWindow::Overdue)),
            (true, Some(DueWindow::Overdue)),
            (false, Some(DueWindow::ThisWeek)),
            (false, Some(DueWindow::NoDate)),
        ] {
            for search in [
                "",
                frequent,
                "delibera",
                "sai",
                "de",
                "verbale sindaci",
                "zzzqqq",
            ] {
                for descending in [false, true] {
                    let f = ActionFilter {
                        asl,
                        open_only,
                        due_window: window,
                        search: search.to_owned(),
                        descending,
                        limit: 200,
                        ..Default::default()
                    };
                    let want = expected(&all, &f);
                    let page = store
                        .read(|c| actions::list_actions(c, &f, today()))
                        .expect("list");
                    let got: Vec<i64> = page.rows.iter().map(|r| r.id).collect();
                    let what = format!(
                        "asl {asl:?}, open_only {open_only}, window {window:?}, text '{search}', \
                         descending {descending}"
                    );
                    assert_eq!(page.total as usize, want.len(), "total of {what}");
                    assert_eq!(
                        got,
                        want.iter().take(200).copied().collect::<Vec<_>>(),
                        "first page of {what}, in due order"
                    );
                    if want.len() > 400 {
                        let second = store
                            .read(|c| {
                                actions::list_actions(
                                    c,
                                    &ActionFilter {
                                        offset: 200,
                                        ..f.clone()
                                    },
                                    today(),
                                )
                            })
                            .expect("second page");
                        let got: Vec<i64> = second.rows.iter().map(|r| r.id).collect();
                        assert_eq!(got, want[200..400].to_vec(), "second page of {what}");
                    }
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 3 * 6 * 7 * 2, "every combination was compared");

    // Another sort over an ASL goes through the plain path: same set.
    let f = ActionFilter {
        asl: Some(AslCode::Centro),
        open_only: true,
        sort: Some(ActionSort::Priority),
        limit: 1000,
        ..Default::default()
    };
    let page = store
        .read(|c| actions::list_actions(c, &f, today()))
        .expect("by priority");
    let want: BTreeSet<i64> = expected(
        &all,
        &ActionFilter {
            sort: None,
            ..f.clone()
        },
    )
    .into_iter()
    .collect();
    assert_eq!(page.total as usize, want.len(), "total by priority");
    assert!(
        page.rows.iter().all(|r| want.contains(&r.id)),
        "by priority, the ASL's open actions only"
    );

    // The board's counts of an ASL (alone, and with a text search) read action_asl.
    for (asl, search) in [
        (AslCode::NordOvest, ""),
        (AslCode::Centro, ""),
        (AslCode::SudEst, "delibera"),
    ] {
        let f = ActionFilter {
            asl: Some(asl),
            search: search.to_owned(),
            ..Default::default()
        };
        let k = store
            .read(|c| actions::action_counts(c, &f, today()))
            .expect("board counts");
        let sel: Vec<&Row> = {
            let ids: BTreeSet<i64> = expected(&all, &f).into_iter().collect();
            all.iter().filter(|r| ids.contains(&r.id)).collect()
        };
        let n = |s: &str| sel.iter().filter(|r| r.status == s).count() as u32;
        assert_eq!(
            (k.open, k.in_progress, k.waiting, k.done, k.cancelled),
            (
                n("open"),
                n("in_progress"),
                n("waiting"),
                n("done"),
                n("cancelled")
            ),
            "counts per status of {asl:?} '{search}'"
        );
        let overdue = sel
            .iter()
            .filter(|r| r.open && r.due.is_some_and(|d| d < today()))
            .count() as u32;
        let due_today = sel
            .iter()
            .filter(|r| r.open && r.due == Some(today()))
            .count() as u32;
        assert_eq!(k.overdue, overdue, "overdue of {asl:?} '{search}'");
        assert_eq!(k.due_today, due_today, "due today of {asl:?} '{search}'");
    }

    // The ASL page's open and overdue actions per comune read action_asl too.
    let links: Vec<(i64, String)> = store
        .read(|c| {
            let mut st = c.prepare("SELECT action_id, istat_code FROM action_comune")?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .expect("links");
    let by_id: HashMap<i64, &Row> = all.iter().map(|r| (r.id, r)).collect();
    let page = store
        .read(|c| {
            overview::area_overview(
                c,
                AreaRef::Asl {
                    code: AslCode::NordOvest,
                },
                today(),
            )
        })
        .expect("ASL page");
    assert!(page.comuni.len() > 50, "the ASL page lists its comuni");
    for comune in &page.comuni {
        let open: Vec<&&Row> = links
            .iter()
            .filter(|(_, code)| *code == comune.istat_code)
            .filter_map(|(id, _)| by_id.get(id))
            .filter(|r| r.open)
            .collect();
        let overdue = open
            .iter()
            .filter(|r| r.due.is_some_and(|d| d < today()))
            .count();
        assert_eq!(
            (
                comune.open_actions as usize,
                comune.overdue_actions as usize
            ),
            (open.len(), overdue),
            "open and overdue actions of {} on the ASL page",
            comune.name
        );
    }

    let per_asl = store
        .read(|c| actions::open_by_asl(c, today()))
        .expect("dashboard");
    for row in per_asl {
        let open = all
            .iter()
            .filter(|r| r.open && r.asls.contains(row.asl.as_str()))
            .count();
        let overdue = all
            .iter()
            .filter(|r| r.open && r.asls.contains(row.asl.as_str()))
            .filter(|r| r.due.is_some_and(|d| d < today()))
            .count();
        assert_eq!(row.open as usize, open, "open actions of {:?}", row.asl);
        assert_eq!(
            row.overdue as usize, overdue,
            "overdue actions of {:?}",
            row.asl
        );
    }
}
