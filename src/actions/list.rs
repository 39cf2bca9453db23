//! Action lists: the filtered, sorted, paged list behind every view (Azioni, board, overdue,
//! per comune / person / meeting), the counts of the board and dashboard, and open/overdue
//! actions per ASL. Every filter is answered from an index (migrations 0005 and 0008): an ASL's
//! actions from `action_asl` (open flag and due key kept by triggers), text through the trigram
//! index `action_title_fts` (or, when it matches many, by reading titles in the list's order).

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

/// Shortest word the trigram index can look up; shorter words are matched with LIKE.
const TRIGRAM_MIN: usize = 3;

/// Above this many matches a text search's page is read in the list's order checking each
/// title (the first page fills quickly); below it, from the trigram index's matches.
const TEXT_DENSE: u32 = 2000;

/// How a filter's conditions are written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// On `action a` only (counts, exports, any sort).
    Plain,
    /// Driven by `action_asl s` (the filter's ASL): the ASL, open and due-window conditions
    /// are read from its index; `s.action_id` is the action's id.
    Asl,
}

/// How a text search is matched.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TextMatch {
    /// Through the trigram index (words of 3+ letters; shorter ones with LIKE).
    Index,
    /// LIKE on every title, in the list's order (many matches: the page fills quickly).
    Scan,
}

/// The WHERE clause and parameters of a filter on `today`.
pub(super) fn where_clause(f: &ActionFilter, today: NaiveDate) -> (String, Vec<Value>) {
    let (w, p) = conditions(f, today, Shape::Plain, TextMatch::Index);
    (join_where(&w), p)
}

fn join_where(w: &[String]) -> String {
    if w.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", w.join(" AND "))
    }
}

/// The FTS5 query of one folded word: a quoted trigram phrase (matches it anywhere in a title).
fn fts_phrase(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

/// The conditions of a filter; with [`Shape::Asl`] the ASL, open and due-window conditions are
/// on `s` (`action_asl`, which keeps each action's open flag and due key).
fn conditions(
    f: &ActionFilter,
    today: NaiveDate,
    shape: Shape,
    text_match: TextMatch,
) -> (Vec<String>, Vec<Value>) {
    let mut w: Vec<String> = Vec::new();
    let mut p: Vec<Value> = Vec::new();
    let arg = |p: &mut Vec<Value>, v: Value| {
        p.push(v);
        format!("?{}", p.len())
    };
    let on_s = shape == Shape::Asl;
    if let (Shape::Asl, Some(asl)) = (shape, f.asl) {
        let a = arg(&mut p, Value::Text(asl.as_str().to_owned()));
        w.push(format!("s.asl_code = {a}"));
    }
    let open_sql = if on_s { "s.is_open = 1" } else { OPEN_SQL };
    let due = if on_s { "s.due_key" } else { "a.due_date" };
    let words: Vec<String> = text::fold(&f.search)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    for word in words {
        if text_match == TextMatch::Index && word.chars().count() >= TRIGRAM_MIN {
            let a = arg(&mut p, Value::Text(fts_phrase(&word)));
            w.push(format!(
                "a.id IN (SELECT rowid FROM action_title_fts WHERE action_title_fts MATCH {a})"
            ));
            continue;
        }
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
        w.push(open_sql.to_owned());
    }
    // On `s`, an undated action has the due key '9999-12-31', which no window below reaches.
    let day = |d: NaiveDate| Value::Text(d.to_string());
    match f.due_window {
        Some(DueWindow::Overdue) => {
            if !f.open_only {
                w.push(open_sql.to_owned());
            }
            let a = arg(&mut p, day(today));
            w.push(format!("{due} < {a}"));
        }
        Some(DueWindow::Today) => {
            let a = arg(&mut p, day(today));
            w.push(format!("{due} = {a}"));
        }
        Some(DueWindow::ThisWeek) => {
            let monday = today - Duration::days(today.weekday().num_days_from_monday() as i64);
            let a = arg(&mut p, day(monday));
            let b = arg(&mut p, day(monday + Duration::days(6)));
            w.push(format!("{due} BETWEEN {a} AND {b}"));
        }
        Some(DueWindow::Next30) => {
            let a = arg(&mut p, day(today));
            let b = arg(&mut p, day(today + Duration::days(30)));
            w.push(format!("{due} BETWEEN {a} AND {b}"));
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
    if let (Shape::Plain, Some(asl)) = (shape, f.asl) {
        let a = arg(&mut p, Value::Text(asl.as_str().to_owned()));
        w.push(format!(
            "a.id IN (SELECT action_id FROM action_asl WHERE asl_code = {a})"
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
    (w, p)
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

/// `FROM` of a filter's conditions: `action_asl s` alone when every condition is on it, joined
/// to `action a` otherwise.
fn from_clause(shape: Shape, w: &[String]) -> &'static str {
    match shape {
        Shape::Plain => "action a",
        Shape::Asl if w.iter().all(|c| c.starts_with("s.")) => "action_asl s",
        Shape::Asl => "action_asl s JOIN action a ON a.id = s.action_id",
    }
}

fn shape_of(f: &ActionFilter) -> Shape {
    if f.asl.is_some() {
        Shape::Asl
    } else {
        Shape::Plain
    }
}

/// The number of actions a filter selects.
pub fn count_actions(conn: &Connection, filter: &ActionFilter, today: NaiveDate) -> Result<u32> {
    let shape = shape_of(filter);
    let (w, p) = conditions(filter, today, shape, TextMatch::Index);
    let sql = format!(
        "SELECT count(*) FROM {} {}",
        from_clause(shape, &w),
        join_where(&w)
    );
    Ok(conn.query_row(&sql, params_from_iter(p), |r| r.get(0))?)
}

/// A page of the actions a filter selects, in its order, with the total.
pub fn list_actions(
    conn: &Connection,
    filter: &ActionFilter,
    today: NaiveDate,
) -> Result<ActionPage> {
    let total = count_actions(conn, filter, today)?;
    let text_match = if total > TEXT_DENSE {
        TextMatch::Scan
    } else {
        TextMatch::Index
    };
    let rows = rows(conn, filter, today, text_match)?;
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
    rows(conn, &f, today, TextMatch::Index)
}

fn rows(
    conn: &Connection,
    f: &ActionFilter,
    today: NaiveDate,
    text_match: TextMatch,
) -> Result<Vec<ActionSummary>> {
    // An ASL's actions by due date are read in the order of `action_asl`'s index.
    let by_due = matches!(f.sort, None | Some(ActionSort::Due));
    let shape = if by_due { shape_of(f) } else { Shape::Plain };
    let (w, mut p) = conditions(f, today, shape, text_match);
    let (select, from, order) = match shape {
        Shape::Plain => ("a.id", "action a", order_clause(f)),
        Shape::Asl => {
            let dir = if f.descending { "DESC" } else { "ASC" };
            (
                "s.action_id",
                from_clause(shape, &w),
                format!("s.due_key {dir}, s.action_id {dir}"),
            )
        }
    };
    let clause = join_where(&w);
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
            "SELECT {select} FROM {from} {clause} ORDER BY {order} LIMIT ?{} OFFSET ?{n}",
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
    // An ASL's counts read `action_asl` (which keeps each action's status and due key).
    let shape = shape_of(&f);
    let (w, p) = conditions(&f, today, shape, TextMatch::Index);
    let from = from_clause(shape, &w);
    let clause = join_where(&w);
    let (status, due, open) = match shape {
        Shape::Plain => ("a.status", "a.due_date", OPEN_SQL),
        Shape::Asl => ("s.status", "s.due_key", "s.is_open = 1"),
    };
    let mut c = ActionCounts::default();
    {
        // Per status: read from the (status, due_date) index or action_asl's (asl, status).
        let sql = format!("SELECT {status}, count(*) FROM {from} {clause} GROUP BY {status}");
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
        "SELECT count(CASE WHEN {due} < ?{t} THEN 1 END),
                count(CASE WHEN {due} = ?{t} THEN 1 END)
         FROM {from} {clause} {and} {open} AND {due} <= ?{t}"
    );
    let (overdue, due_today): (u32, u32) =
        conn.query_row(&sql, params_from_iter(p2), |r| Ok((r.get(0)?, r.get(1)?)))?;
    c.overdue = overdue;
    c.due_today = due_today;
    Ok(c)
}

/// Open and overdue actions per ASL (every ASL, zero included), for the dashboard: one range of
/// `action_asl`'s index per ASL.
pub fn open_by_asl(conn: &Connection, today: NaiveDate) -> Result<Vec<AslActionCount>> {
    let mut stmt = conn.prepare_cached(
        "SELECT count(*), count(CASE WHEN due_key < ?2 THEN 1 END)
         FROM action_asl WHERE asl_code = ?1 AND is_open = 1",
    )?;
    let today = today.to_string();
    AslCode::ALL
        .into_iter()
        .map(|asl| {
            let (open, overdue) = stmt.query_row([asl.as_str(), today.as_str()], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
            Ok(AslActionCount {
                asl,
                asl_name: asl.official_name().to_owned(),
                open,
                overdue,
            })
        })
        .collect()
}
