//! Action lists: the filtered, sorted, paged list behind every view (Azioni, board, overdue,
//! per comune / person / meeting), the counts of the board and dashboard, and open/overdue
//! actions per ASL. Every filter is answered from an index (see migration 0005).

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};

use super::read::{coordinator_name, owner_of, parse_day, REMOVED};
use super::types::*;
use super::{LIST_MAX, PAGE_DEFAULT, SUMMARY_COMUNI};
use crate::contacts::display_name;
use crate::error::Result;
use crate::territory::AslCode;
use crate::text;

const OPEN_SQL: &str = "a.status IN ('open', 'in_progress', 'waiting')";

/// The WHERE clause and parameters of a filter on `today`.
pub(super) fn where_clause(f: &ActionFilter, today: NaiveDate) -> (String, Vec<Value>) {
    let mut w: Vec<String> = Vec::new();
    let mut p: Vec<Value> = Vec::new();
    let arg = |p: &mut Vec<Value>, v: Value| {
        p.push(v);
        format!("?{}", p.len())
    };
    let words: Vec<String> = text::fold(&f.search)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    for word in words {
        let escaped = word
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        let a = arg(&mut p, Value::Text(format!("%{escaped}%")));
        w.push(format!("a.title_folded LIKE {a} ESCAPE '\\'"));
    }
    if !f.statuses.is_empty() {
        let list: Vec<String> = f
            .statuses
            .iter()
            .map(|s| format!("'{}'", s.as_str()))
            .collect();
        w.push(format!("a.status IN ({})", list.join(", ")));
    }
    if f.open_only {
        w.push(OPEN_SQL.to_owned());
    }
    let day = |d: NaiveDate| Value::Text(d.to_string());
    match f.due_window {
        Some(DueWindow::Overdue) => {
            w.push(OPEN_SQL.to_owned());
            let a = arg(&mut p, day(today));
            w.push(format!("a.due_date < {a}"));
        }
        Some(DueWindow::Today) => {
            let a = arg(&mut p, day(today));
            w.push(format!("a.due_date = {a}"));
        }
        Some(DueWindow::ThisWeek) => {
            let monday = today - Duration::days(today.weekday().num_days_from_monday() as i64);
            let a = arg(&mut p, day(monday));
            let b = arg(&mut p, day(monday + Duration::days(6)));
            w.push(format!("a.due_date BETWEEN {a} AND {b}"));
        }
        Some(DueWindow::Next30) => {
            let a = arg(&mut p, day(today));
            let b = arg(&mut p, day(today + Duration::days(30)));
            w.push(format!("a.due_date BETWEEN {a} AND {b}"));
        }
        Some(DueWindow::NoDate) => w.push("a.due_date IS NULL".to_owned()),
        None => {}
    }
    if let Some(from) = f.due_from {
        let a = arg(&mut p, day(from));
        w.push(format!("a.due_date >= {a}"));
    }
    if let Some(to) = f.due_to {
        let a = arg(&mut p, day(to));
        w.push(format!("a.due_date <= {a}"));
    }
    if let Some(pr) = f.priority {
        let a = arg(&mut p, Value::Text(pr.as_str().to_owned()));
        w.push(format!("a.priority = {a}"));
    }
    if let Some(asl) = f.asl {
        let a = arg(&mut p, Value::Text(asl.as_str().to_owned()));
        w.push(format!(
            "a.id IN (SELECT action_id FROM action_area WHERE asl_code = {a})"
        ));
    }
    if let Some(zone) = f.zone_id {
        let a = arg(&mut p, Value::Integer(zone));
        w.push(format!(
            "a.id IN (SELECT action_id FROM action_area WHERE zone_id = {a})"
        ));
    }
    if let Some(code) = &f.comune {
        let a = arg(&mut p, Value::Text(code.trim().to_owned()));
        w.push(format!(
            "a.id IN (SELECT action_id FROM action_comune WHERE istat_code = {a})"
        ));
    }
    if let Some(org) = f.organisation_id {
        let a = arg(&mut p, Value::Integer(org));
        w.push(format!(
            "a.id IN (SELECT action_id FROM action_org WHERE organisation_id = {a})"
        ));
    }
    if let Some(person) = f.owner_person_id {
        let a = arg(&mut p, Value::Integer(person));
        w.push(format!("a.owner_person_id = {a}"));
    }
    if f.owner_coordinator {
        w.push("a.owner_kind = 'coordinator'".to_owned());
    }
    if let Some(person) = f.person_id {
        let a = arg(&mut p, Value::Integer(person));
        w.push(format!(
            "(a.owner_person_id = {a} OR a.id IN (SELECT action_id FROM action_person \
             WHERE person_id = {a}))"
        ));
    }
    if let Some(m) = f.meeting_id {
        let a = arg(&mut p, Value::Integer(m));
        w.push(format!("a.meeting_id = {a}"));
    }
    let clause = if w.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", w.join(" AND "))
    };
    (clause, p)
}

pub(super) fn order_clause(f: &ActionFilter) -> String {
    let dir = if f.descending { "DESC" } else { "ASC" };
    match f.sort.unwrap_or(ActionSort::Due) {
        ActionSort::Due => format!("coalesce(a.due_date, '9999-12-31') {dir}, a.id {dir}"),
        ActionSort::Priority => format!(
            "CASE a.priority WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END {dir}, \
             coalesce(a.due_date, '9999-12-31'), a.id"
        ),
        ActionSort::Status => format!(
            "CASE a.status WHEN 'open' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'waiting' THEN 2 \
             WHEN 'done' THEN 3 ELSE 4 END {dir}, coalesce(a.due_date, '9999-12-31'), a.id"
        ),
        // Newest first unless asked otherwise.
        ActionSort::Updated => {
            let dir = if f.descending { "ASC" } else { "DESC" };
            format!("a.updated_at {dir}, a.id {dir}")
        }
        ActionSort::Title => format!("a.title_folded {dir}, a.id {dir}"),
    }
}

/// The number of actions a filter selects.
pub fn count_actions(conn: &Connection, filter: &ActionFilter, today: NaiveDate) -> Result<u32> {
    let (clause, p) = where_clause(filter, today);
    let sql = format!("SELECT count(*) FROM action a {clause}");
    Ok(conn.query_row(&sql, params_from_iter(p), |r| r.get(0))?)
}

/// A page of the actions a filter selects, in its order, with the total.
pub fn list_actions(
    conn: &Connection,
    filter: &ActionFilter,
    today: NaiveDate,
) -> Result<ActionPage> {
    let total = count_actions(conn, filter, today)?;
    let rows = rows(conn, filter, today)?;
    Ok(ActionPage { total, rows })
}

/// Every action a filter selects, in its order, without paging (exports).
pub fn all_actions(
    conn: &Connection,
    filter: &ActionFilter,
    today: NaiveDate,
) -> Result<Vec<ActionSummary>> {
    let f = ActionFilter {
        offset: 0,
        limit: u32::MAX,
        ..filter.clone()
    };
    rows(conn, &f, today)
}

fn rows(conn: &Connection, f: &ActionFilter, today: NaiveDate) -> Result<Vec<ActionSummary>> {
    let (clause, mut p) = where_clause(f, today);
    let limit = match f.limit {
        0 => PAGE_DEFAULT,
        u32::MAX => u32::MAX,
        n => n.min(LIST_MAX),
    };
    p.push(Value::Integer(i64::from(limit)));
    p.push(Value::Integer(i64::from(f.offset)));
    let n = p.len();
    // Deferred join: the filter and the order pick the page's ids from the indexes first; the
    // names (owner, comuni) are then read for those rows only, and put back in the page's order.
    let ids: Vec<i64> = {
        let sql = format!(
            "SELECT a.id FROM action a {clause} ORDER BY {} LIMIT ?{} OFFSET ?{n}",
            order_clause(f),
            n - 1
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(p), |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let me = coordinator_name(conn)?;
    let mut by_id: std::collections::HashMap<i64, ActionSummary> =
        std::collections::HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(", ");
        let sql = format!(
            "SELECT a.id, a.title, a.owner_kind, a.owner_person_id, pe.given_name, pe.family_name,
                    a.due_date, a.status, a.priority, a.meeting_id, a.updated_at,
                    (SELECT group_concat(name, ', ') FROM (SELECT c.name FROM action_comune ac
                         JOIN comune c ON c.istat_code = ac.istat_code
                         WHERE ac.action_id = a.id ORDER BY c.name_folded LIMIT {SUMMARY_COMUNI})),
                    (SELECT count(*) FROM action_comune ac WHERE ac.action_id = a.id)
             FROM action a LEFT JOIN person pe ON pe.id = a.owner_person_id
             WHERE a.id IN ({marks})"
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(chunk), |r| summary(r, &me, today))?;
        for row in rows {
            let row = row?;
            by_id.insert(row.id, row);
        }
    }
    Ok(ids.into_iter().filter_map(|id| by_id.remove(&id)).collect())
}

fn summary(r: &rusqlite::Row, me: &str, today: NaiveDate) -> rusqlite::Result<ActionSummary> {
    let kind: String = r.get(2)?;
    let person: Option<i64> = r.get(3)?;
    let owner = owner_of(&kind, person);
    let owner_name = match owner {
        ActionOwner::None => String::new(),
        ActionOwner::Coordinator => me.to_owned(),
        ActionOwner::Person { .. } => match (
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<String>>(5)?,
        ) {
            (Some(g), Some(f)) => display_name(&g, &f),
            _ => REMOVED.to_owned(),
        },
    };
    let due = parse_day(r.get(6)?);
    let status: ActionStatus = r.get(7)?;
    let names: Option<String> = r.get(11)?;
    let count: i64 = r.get(12)?;
    let mut comuni = names.unwrap_or_default();
    let extra = count - SUMMARY_COMUNI as i64;
    if extra > 0 {
        comuni.push_str(&format!(" +{extra}"));
    }
    Ok(ActionSummary {
        id: r.get(0)?,
        title: r.get(1)?,
        owner,
        owner_name,
        due,
        status,
        priority: r.get(8)?,
        overdue: super::read::is_overdue(due, status, today),
        meeting_id: r.get(9)?,
        comuni,
        updated_at: r.get(10)?,
    })
}

/// Counts per status (and overdue / due today among the open ones) of a filter's actions; the
/// filter's own status and due-window conditions are ignored (the board shows every column).
pub fn action_counts(
    conn: &Connection,
    filter: &ActionFilter,
    today: NaiveDate,
) -> Result<ActionCounts> {
    let f = ActionFilter {
        statuses: Vec::new(),
        open_only: false,
        due_window: None,
        ..filter.clone()
    };
    let (clause, p) = where_clause(&f, today);
    let mut c = ActionCounts::default();
    {
        // Per status: read from the (status, due_date) index.
        let sql = format!("SELECT a.status, count(*) FROM action a {clause} GROUP BY a.status");
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(p.iter()))?;
        while let Some(r) = rows.next()? {
            let n: u32 = r.get(1)?;
            match r.get::<_, ActionStatus>(0)? {
                ActionStatus::Open => c.open = n,
                ActionStatus::InProgress => c.in_progress = n,
                ActionStatus::Waiting => c.waiting = n,
                ActionStatus::Done => c.done = n,
                ActionStatus::Cancelled => c.cancelled = n,
            }
        }
    }
    // Overdue and due today among the open ones: a range of the open-actions index.
    let mut p2 = p.clone();
    p2.push(Value::Text(today.to_string()));
    let t = p2.len();
    let and = if clause.is_empty() { "WHERE" } else { "AND" };
    let sql = format!(
        "SELECT count(CASE WHEN a.due_date < ?{t} THEN 1 END),
                count(CASE WHEN a.due_date = ?{t} THEN 1 END)
         FROM action a {clause} {and} {OPEN_SQL} AND a.due_date <= ?{t}"
    );
    let (overdue, due_today): (u32, u32) =
        conn.query_row(&sql, params_from_iter(p2), |r| Ok((r.get(0)?, r.get(1)?)))?;
    c.overdue = overdue;
    c.due_today = due_today;
    Ok(c)
}

/// Open and overdue actions per ASL (every ASL, zero included), for the dashboard.
pub fn open_by_asl(conn: &Connection, today: NaiveDate) -> Result<Vec<AslActionCount>> {
    let mut stmt = conn.prepare_cached(
        "SELECT x.asl_code, count(*), coalesce(sum(x.late), 0)
         FROM (SELECT DISTINCT a.id, r.asl_code, a.due_date < ?1 AS late
               FROM action a JOIN action_area r ON r.action_id = a.id
               WHERE a.status IN ('open', 'in_progress', 'waiting')) x
         GROUP BY x.asl_code",
    )?;
    let counts: Vec<(AslCode, u32, u32)> = stmt
        .query_map([today.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(AslCode::ALL
        .into_iter()
        .map(|asl| {
            let (open, overdue) = counts
                .iter()
                .find(|(a, _, _)| *a == asl)
                .map_or((0, 0), |(_, o, d)| (*o, *d));
            AslActionCount {
                asl,
                asl_name: asl.official_name().to_owned(),
                open,
                overdue,
            }
        })
        .collect())
}
