//! Meeting reads: one meeting in full, lists and counts by filter, lookups by UID, series.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use super::invitees;
use super::scope;
use super::types::*;
use crate::error::{Entity, Error, Result};
use crate::territory::AslCode;
use crate::text;
use crate::time;
/// Summary columns (meeting `m`).
pub(crate) const SUMMARY_SQL: &str = "
    SELECT m.id, m.uid, m.kind, m.title, m.starts_at, m.ends_at, m.all_day, m.place, m.status,
        m.scope_kind, m.scope_asl, m.scope_zone_id, m.scope_province, m.scope_org_id,
        m.filter_asl, m.series_id,
        (SELECT count(*) FROM meeting_invitation i WHERE i.meeting_id = m.id)
    FROM meeting m";

/// A summary row and its raw scope (the label is filled by [`finish_summaries`]).
pub(crate) struct RawSummary {
    pub summary: MeetingSummary,
    pub scope: Scope,
}

pub(crate) fn summary_row(r: &Row) -> rusqlite::Result<(RawSummary, String, String)> {
    let starts: String = r.get(4)?;
    let ends: String = r.get(5)?;
    let scope = Scope {
        kind: r.get(9)?,
        asl: r.get(10)?,
        zone_id: r.get(11)?,
        province: r.get(12)?,
        unione_org_id: r.get(13)?,
        comuni: Vec::new(),
    };
    let asl: Option<AslCode> = r.get(14)?;
    let placeholder = DateTime::<Utc>::default();
    Ok((
        RawSummary {
            summary: MeetingSummary {
                id: r.get(0)?,
                uid: r.get(1)?,
                kind: r.get(2)?,
                title: r.get(3)?,
                starts_at: placeholder,
                ends_at: placeholder,
                start: placeholder.naive_utc(),
                end: placeholder.naive_utc(),
                all_day: r.get(6)?,
                place: r.get(7)?,
                status: r.get(8)?,
                scope_kind: scope.kind,
                scope_label: String::new(),
                asl,
                series_id: r.get(15)?,
                invited: r.get(16)?,
            },
            scope,
        },
        starts,
        ends,
    ))
}

/// Parses instants and fills scope labels (cached per distinct scope).
pub(crate) fn finish_summaries(
    conn: &Connection,
    rows: impl Iterator<Item = rusqlite::Result<(RawSummary, String, String)>>,
) -> Result<Vec<MeetingSummary>> {
    let mut labels: Vec<(Scope, String)> = Vec::new();
    let mut out = Vec::new();
    for row in rows {
        let (mut raw, starts, ends) = row?;
        let s = &mut raw.summary;
        s.starts_at = time::parse_instant(&starts)?;
        s.ends_at = time::parse_instant(&ends)?;
        s.start = time::utc_to_rome(s.starts_at);
        s.end = time::utc_to_rome(s.ends_at);
        if raw.scope.kind == ScopeKind::Comune {
            raw.scope.comuni = scope_comuni(conn, s.id)?;
        }
        s.scope_label = match labels.iter().find(|(sc, _)| *sc == raw.scope) {
            Some((_, l)) => l.clone(),
            None => {
                let l = scope::label(conn, &raw.scope)?;
                labels.push((raw.scope.clone(), l.clone()));
                l
            }
        };
        out.push(raw.summary);
    }
    Ok(out)
}

fn scope_comuni(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT istat_code FROM meeting_comune WHERE meeting_id = ?1 ORDER BY istat_code",
    )?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
}

pub(crate) fn not_found(id: i64) -> Error {
    Error::NotFound {
        what: Entity::Meeting,
        key: id.to_string(),
    }
}

/// Everything about one meeting.
pub fn meeting(conn: &Connection, id: i64) -> Result<MeetingView> {
    let mut stmt = conn.prepare_cached(&format!("{SUMMARY_SQL} WHERE m.id = ?1"))?;
    let mut raw = Vec::with_capacity(1);
    for row in stmt.query_map([id], summary_row)? {
        raw.push(row?);
    }
    let Some((r, starts, ends)) = raw.pop() else {
        return Err(not_found(id));
    };
    let mut sc = r.scope.clone();
    if sc.kind == ScopeKind::Comune {
        sc.comuni = scope_comuni(conn, id)?;
    }
    let summary = finish_summaries(conn, std::iter::once(Ok((r, starts, ends))))?
        .pop()
        .ok_or_else(|| not_found(id))?;
    type Extra = (String, String, String, u32, Option<String>, Option<String>);
    let (link, organiser, description, sequence, rule, rid): Extra = conn.query_row(
        "SELECT m.link, m.organiser, m.description, m.sequence, s.rrule, m.recurrence_id
         FROM meeting m LEFT JOIN meeting_series s ON s.id = m.series_id WHERE m.id = ?1",
        [id],
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        },
    )?;
    Ok(MeetingView {
        scope: ScopeView {
            label: summary.scope_label.clone(),
            scope: sc,
        },
        summary,
        link,
        organiser,
        description,
        sequence,
        recurrence: rule,
        recurrence_id: rid.as_deref().map(time::parse_instant).transpose()?,
        invitations: invitees::invitations(conn, id)?,
        agenda: agenda(conn, id)?,
        history: history(conn, id)?,
        attachments: attachments(conn, id)?,
    })
}

fn agenda(conn: &Connection, id: i64) -> Result<Vec<AgendaItem>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, position, title, presenter, duration_min, notes FROM agenda_item
         WHERE meeting_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(AgendaItem {
            id: r.get(0)?,
            position: r.get(1)?,
            title: r.get(2)?,
            presenter: r.get(3)?,
            duration_min: r.get(4)?,
            notes: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn history(conn: &Connection, id: i64) -> Result<Vec<StatusChange>> {
    let mut stmt = conn.prepare_cached(
        "SELECT status, changed_at, note FROM meeting_status_change
         WHERE meeting_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, MeetingStatus>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (status, at, note) = row?;
        out.push(StatusChange {
            status,
            changed_at: time::parse_instant(&at)?,
            note,
        });
    }
    Ok(out)
}

fn attachments(conn: &Connection, id: i64) -> Result<Vec<Attachment>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, file_name, size_bytes, added_at FROM meeting_attachment
         WHERE meeting_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, file_name, size_bytes, at) = row?;
        out.push(Attachment {
            id,
            file_name,
            size_bytes,
            added_at: time::parse_instant(&at)?,
        });
    }
    Ok(out)
}

/// The meeting with an iCalendar UID (and RECURRENCE-ID for an occurrence of a series).
pub fn meeting_by_uid(
    conn: &Connection,
    uid: &str,
    recurrence_id: Option<DateTime<Utc>>,
) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM meeting WHERE uid = ?1 AND coalesce(recurrence_id, '') = ?2",
            params![
                uid,
                recurrence_id.map(time::instant_iso).unwrap_or_default()
            ],
            |r| r.get(0),
        )
        .optional()?)
}

/// A recurring series as the calendar export needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesInfo {
    pub id: i64,
    pub uid: String,
    pub rrule: String,
    /// Original starts of the removed occurrences.
    pub exdates: Vec<DateTime<Utc>>,
    /// (meeting id, original start) of every occurrence, in order.
    pub occurrences: Vec<(i64, DateTime<Utc>)>,
}

/// The series with this id.
pub fn series_info(conn: &Connection, series_id: i64) -> Result<SeriesInfo> {
    let (uid, rrule): (String, String) = conn
        .query_row(
            "SELECT uid, rrule FROM meeting_series WHERE id = ?1",
            [series_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound {
            what: Entity::Meeting,
            key: format!("serie {series_id}"),
        })?;
    let mut ex = conn.prepare_cached(
        "SELECT occurrence_at FROM meeting_series_exdate WHERE series_id = ?1 ORDER BY 1",
    )?;
    let exdates = ex
        .query_map([series_id], |r| r.get::<_, String>(0))?
        .map(|r| time::parse_instant(&r?))
        .collect::<Result<Vec<_>>>()?;
    let mut occ = conn.prepare_cached(
        "SELECT id, recurrence_id FROM meeting WHERE series_id = ?1 ORDER BY recurrence_id",
    )?;
    let occurrences = occ
        .query_map([series_id], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?
        .map(|r| {
            let (id, at) = r?;
            Ok((id, time::parse_instant(&at)?))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(SeriesInfo {
        id: series_id,
        uid,
        rrule,
        exdates,
        occurrences,
    })
}

/// WHERE clause and parameters of a filter.
pub(crate) fn filter_sql(f: &MeetingFilter) -> Result<(String, Vec<rusqlite::types::Value>)> {
    use rusqlite::types::Value;
    let mut wh = vec!["1 = 1".to_owned()];
    let mut p: Vec<Value> = Vec::new();
    if let Some(from) = f.from {
        let at =
            time::rome_to_utc("from", from.and_time(chrono::NaiveTime::MIN)).or_else(|_| {
                time::rome_to_utc("from", from.and_hms_opt(3, 0, 0).unwrap_or_default())
            })?;
        p.push(Value::Text(time::instant_iso(at)));
        wh.push(format!("m.ends_at > ?{}", p.len()));
        // Redundant (a meeting lasts at most MAX_DAYS) but it bounds the scan of the start
        // index: a month view reads that month's meetings, not every older one.
        p.push(Value::Text(time::instant_iso(
            at - Duration::days(super::MAX_DAYS),
        )));
        wh.push(format!("m.starts_at > ?{}", p.len()));
    }
    if let Some(to) = f.to {
        let next = to + Duration::days(1);
        let at = time::rome_to_utc("to", next.and_time(chrono::NaiveTime::MIN))?;
        p.push(Value::Text(time::instant_iso(at)));
        wh.push(format!("m.starts_at < ?{}", p.len()));
    }
    if !f.kinds.is_empty() {
        let mut marks = Vec::new();
        for k in &f.kinds {
            p.push(Value::Text(k.as_str().to_owned()));
            marks.push(format!("?{}", p.len()));
        }
        wh.push(format!("m.kind IN ({})", marks.join(", ")));
    }
    if !f.statuses.is_empty() {
        let mut marks = Vec::new();
        for s in &f.statuses {
            p.push(Value::Text(s.as_str().to_owned()));
            marks.push(format!("?{}", p.len()));
        }
        wh.push(format!("m.status IN ({})", marks.join(", ")));
    }
    if let Some(a) = f.asl {
        p.push(Value::Text(a.as_str().to_owned()));
        wh.push(format!("m.filter_asl = ?{}", p.len()));
    }
    if let Some(z) = f.zone_id {
        p.push(Value::Integer(z));
        wh.push(format!("m.filter_zone_id = ?{}", p.len()));
    }
    match f.with_minutes {
        Some(true) => wh.push("m.id IN (SELECT meeting_id FROM minutes)".to_owned()),
        Some(false) => wh.push("m.id NOT IN (SELECT meeting_id FROM minutes)".to_owned()),
        None => {}
    }
    for word in text::fold(&f.text).split_whitespace() {
        let escaped = word
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        p.push(Value::Text(format!("%{escaped}%")));
        wh.push(format!("m.title_folded LIKE ?{} ESCAPE '\\'", p.len()));
    }
    Ok((wh.join(" AND "), p))
}

/// Most meetings one list call returns.
pub const LIST_MAX: u32 = 5000;

/// Meetings matching a filter, by start.
pub fn list_meetings(conn: &Connection, f: &MeetingFilter) -> Result<Vec<MeetingSummary>> {
    let (wh, p) = filter_sql(f)?;
    let limit = f.limit.unwrap_or(LIST_MAX).min(LIST_MAX);
    let offset = f.offset.unwrap_or(0);
    let mut stmt = conn.prepare_cached(&format!(
        "{SUMMARY_SQL} WHERE {wh} ORDER BY m.starts_at, m.id LIMIT {limit} OFFSET {offset}"
    ))?;
    let rows = stmt.query_map(params_from_iter(p.iter()), summary_row)?;
    finish_summaries(conn, rows)
}

/// How many meetings match a filter (limit and offset ignored).
pub fn count_meetings(conn: &Connection, f: &MeetingFilter) -> Result<i64> {
    let (wh, p) = filter_sql(f)?;
    Ok(conn.query_row(
        &format!("SELECT count(*) FROM meeting m WHERE {wh}"),
        params_from_iter(p.iter()),
        |r| r.get(0),
    )?)
}
