//! The scheda comune's timeline: meetings that concerned the comune, its actions (created, each
//! status change with its note) and the offices of its Comune organisation (start and end),
//! newest first.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::types::*;
use super::TIMELINE_MAX;
use crate::actions::ActionStatus;
use crate::contacts::display_name;
use crate::error::Result;
use crate::meetings;
use crate::territory;
use crate::time;

/// The comune's history, newest first, at most `limit` entries (capped at [`TIMELINE_MAX`]).
/// An unknown ISTAT code is a not-found error.
pub fn comune_timeline(
    conn: &Connection,
    istat_code: &str,
    limit: u32,
) -> Result<Vec<TimelineEntry>> {
    let detail = territory::comune(conn, istat_code, time::today_rome())?;
    let code = detail.istat_code;
    let limit = limit.clamp(1, TIMELINE_MAX) as usize;
    let mut out = Vec::new();
    for m in meetings::comune_meetings(conn, &code)? {
        out.push(TimelineEntry {
            date: time::utc_to_rome(m.starts_at).date(),
            at: time::instant_iso(m.starts_at),
            kind: TimelineKind::Meeting,
            title: m.title,
            detail: format!("{} · {}", m.kind.label(), m.status.label()),
            status: None,
            target: TimelineTarget::Meeting { id: m.id },
        });
    }
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.title, sc.status, sc.changed_at, sc.note,
                sc.id = (SELECT min(s2.id) FROM action_status_change s2 WHERE s2.action_id = a.id)
         FROM action_status_change sc JOIN action a ON a.id = sc.action_id
         WHERE a.id IN (SELECT action_id FROM action_comune WHERE istat_code = ?1
                        UNION
                        SELECT ao.action_id FROM action_org ao
                        JOIN organisation o ON o.id = ao.organisation_id
                        WHERE o.istat_code = ?1)
         ORDER BY sc.changed_at DESC, sc.id DESC
         LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![code, limit as i64], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, ActionStatus>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, bool>(5)?,
        ))
    })?;
    for row in rows {
        let (id, title, status, at, note, first) = row?;
        let date = time::utc_to_rome(time::parse_instant(&at)?).date();
        let (kind, mut detail) = if first {
            (TimelineKind::ActionCreated, "Azione creata".to_owned())
        } else {
            (
                TimelineKind::ActionStatus,
                format!("Stato: {}", status.label()),
            )
        };
        if !note.is_empty() {
            detail.push_str(" — ");
            detail.push_str(&note);
        }
        out.push(TimelineEntry {
            date,
            at,
            kind,
            title,
            detail,
            status: Some(status),
            target: TimelineTarget::Action { id },
        });
    }
    let mut stmt = conn.prepare_cached(
        "SELECT r.person_id, p.given_name, p.family_name, r.title, r.valid_from, r.valid_to
         FROM role r JOIN organisation o ON o.id = r.organisation_id
              JOIN person p ON p.id = r.person_id
         WHERE o.istat_code = ?1",
    )?;
    let rows = stmt.query_map([&code], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            display_name(&r.get::<_, String>(1)?, &r.get::<_, String>(2)?),
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    for row in rows {
        let (person, name, title, from, to) = row?;
        for (day, kind, what) in [
            (from, TimelineKind::RoleStart, "inizio"),
            (to, TimelineKind::RoleEnd, "fine"),
        ] {
            let Some(day) = day.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()) else {
                continue;
            };
            out.push(TimelineEntry {
                date: day,
                at: format!("{day}T00:00:00Z"),
                kind,
                title: name.clone(),
                detail: format!("{title}: {what} dell'incarico"),
                status: None,
                target: TimelineTarget::Person { id: person },
            });
        }
    }
    out.sort_by(|a, b| b.at.cmp(&a.at));
    out.truncate(limit);
    Ok(out)
}
