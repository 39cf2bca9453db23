//! Zone and ASL pages (their comuni with open and overdue actions and recent meetings, the
//! counts of their actions, their coming meetings) and the dashboard's recent changes.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, NaiveTime};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

use super::types::*;
use crate::actions::{self, ActionFilter};
use crate::error::{Entity, Error, Result};
use crate::meetings::{self, MeetingFilter};
use crate::time;

/// Days ahead of the coming meetings on an area page.
pub const UPCOMING_DAYS: i64 = 60;

/// The page of a zone or an ASL on `today`: comuni (a zone's as of today), action counts, the
/// meetings of the next [`UPCOMING_DAYS`] days. "Meetings in the last year" of a comune counts the
/// meetings of the comune itself and of its zone.
pub fn area_overview(conn: &Connection, area: AreaRef, today: NaiveDate) -> Result<AreaOverview> {
    let day = today.to_string();
    let (name, filter, meeting_filter, sql_where) = match area {
        AreaRef::Asl { code } => (
            code.official_name().to_owned(),
            ActionFilter {
                asl: Some(code),
                ..Default::default()
            },
            MeetingFilter {
                asl: Some(code),
                ..Default::default()
            },
            ("c.asl_code = ?1", code.as_str().to_owned()),
        ),
        AreaRef::Zone { id } => {
            let name: String = conn
                .query_row("SELECT name FROM zone WHERE id = ?1", [id], |r| r.get(0))
                .optional()?
                .ok_or(Error::NotFound {
                    what: Entity::Zone,
                    key: id.to_string(),
                })?;
            (
                format!("Zona {name}"),
                ActionFilter {
                    zone_id: Some(id),
                    ..Default::default()
                },
                MeetingFilter {
                    zone_id: Some(id),
                    ..Default::default()
                },
                ("cz.zone_id = CAST(?1 AS INTEGER)", id.to_string()),
            )
        }
    };
    // The comuni of the area, then set-based counts keyed by comune (and by zone for the
    // zone-wide meetings): each query reads an index once, not once per comune.
    let sql = format!(
        "SELECT c.istat_code, c.name, c.population, z.name, cz.zone_id
         FROM comune c
         LEFT JOIN comune_zone cz ON cz.istat_code = c.istat_code AND cz.valid_from <= ?2
              AND coalesce(cz.valid_to, '9999-12-31') >= ?2
         LEFT JOIN zone z ON z.id = cz.zone_id
         WHERE {}
         ORDER BY c.name_folded",
        sql_where.0
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![sql_where.1, day], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<i64>>(4)?,
        ))
    })?;
    let base: Vec<_> = rows.collect::<rusqlite::Result<_>>()?;
    let codes: Vec<String> = base.iter().map(|b| b.0.clone()).collect();
    let marks = vec!["?"; codes.len().max(1)].join(", ");
    // Open and overdue actions per comune.
    let mut open: HashMap<String, (u32, u32)> = HashMap::new();
    {
        let mut p: Vec<Value> = vec![Value::Text(day.clone())];
        p.extend(codes.iter().map(|c| Value::Text(c.clone())));
        // For an ASL, its open actions come from `action_asl` (an action of one of its comuni
        // always concerns the ASL: a comune never changes ASL), then their comuni.
        let sql = match area {
            AreaRef::Asl { code } => format!(
                "SELECT ac.istat_code, count(*), sum(CASE WHEN s.due_key < ?1 THEN 1 ELSE 0 END)
                 FROM action_asl s JOIN action_comune ac ON ac.action_id = s.action_id
                 WHERE s.asl_code = '{}' AND s.is_open = 1 AND ac.istat_code IN ({})
                 GROUP BY ac.istat_code",
                code.as_str(),
                renumber(&marks, 2)
            ),
            AreaRef::Zone { .. } => format!(
                "SELECT ac.istat_code, count(*), sum(CASE WHEN a.due_date < ?1 THEN 1 ELSE 0 END)
                 FROM action_comune ac JOIN action a ON a.id = ac.action_id
                 WHERE ac.istat_code IN ({})
                   AND a.status IN ('open', 'in_progress', 'waiting')
                 GROUP BY ac.istat_code",
                renumber(&marks, 2)
            ),
        };
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(p), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, u32>(2)?,
            ))
        })?;
        for row in rows {
            let (code, o, d) = row?;
            open.insert(code, (o, d));
        }
    }
    // Meetings of each comune and of each zone: in the last year, and the last before today.
    let now = time::instant_iso(time::rome_to_utc("today", today.and_time(NaiveTime::MIN))?);
    let since = time::instant_iso(time::rome_to_utc(
        "today",
        (today - Duration::days(365)).and_time(NaiveTime::MIN),
    )?);
    let mut direct: HashMap<String, (u32, Option<String>)> = HashMap::new();
    {
        let mut p: Vec<Value> = vec![Value::Text(since.clone()), Value::Text(now.clone())];
        p.extend(codes.iter().map(|c| Value::Text(c.clone())));
        let mut stmt = conn.prepare(&format!(
            "SELECT mc.istat_code,
                    sum(CASE WHEN m.starts_at >= ?1 THEN 1 ELSE 0 END), max(m.starts_at)
             FROM meeting_comune mc JOIN meeting m ON m.id = mc.meeting_id
             WHERE mc.istat_code IN ({}) AND m.starts_at < ?2 AND m.status != 'cancelled'
             GROUP BY mc.istat_code",
            renumber(&marks, 3)
        ))?;
        let rows = stmt.query_map(params_from_iter(p), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?;
        for row in rows {
            let (code, n, last) = row?;
            direct.insert(code, (n, last));
        }
    }
    let zones: Vec<i64> = {
        let mut z: Vec<i64> = base.iter().filter_map(|b| b.4).collect();
        z.sort_unstable();
        z.dedup();
        z
    };
    let mut by_zone: HashMap<i64, (u32, Option<String>)> = HashMap::new();
    for zone in zones {
        let (n, last): (u32, Option<String>) = conn.query_row(
            "SELECT coalesce(sum(CASE WHEN m.starts_at >= ?2 THEN 1 ELSE 0 END), 0),
                    max(m.starts_at)
             FROM meeting m
             WHERE m.filter_zone_id = ?1 AND m.starts_at < ?3 AND m.status != 'cancelled'",
            params![zone, since, now],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        by_zone.insert(zone, (n, last));
    }
    let mut comuni = Vec::with_capacity(base.len());
    for (istat_code, cname, population, zone_name, zone_id) in base {
        let (open_actions, overdue_actions) = open.get(&istat_code).copied().unwrap_or((0, 0));
        let (n1, last1) = direct.get(&istat_code).cloned().unwrap_or((0, None));
        let (n2, last2) = zone_id
            .and_then(|z| by_zone.get(&z).cloned())
            .unwrap_or((0, None));
        let last = last1.max(last2);
        let last_meeting = match last {
            Some(s) => Some(time::utc_to_rome(time::parse_instant(&s)?).date()),
            None => None,
        };
        comuni.push(AreaComune {
            istat_code,
            name: cname,
            population,
            zone_name,
            open_actions,
            overdue_actions,
            meetings_last_year: n1 + n2,
            last_meeting,
        });
    }
    let upcoming = meetings::list_meetings(
        conn,
        &MeetingFilter {
            from: Some(today),
            to: Some(today + Duration::days(UPCOMING_DAYS)),
            limit: Some(50),
            ..meeting_filter
        },
    )?;
    Ok(AreaOverview {
        area,
        name,
        comuni,
        actions: actions::action_counts(conn, &filter, today)?,
        upcoming,
    })
}

/// The latest changes for the dashboard, newest first: action status changes (and creations)
/// and meetings created or edited.
pub fn recent_changes(conn: &Connection, limit: u32) -> Result<Vec<RecentChange>> {
    let limit = i64::from(limit.clamp(1, 200));
    let mut stmt = conn.prepare_cached(
        "SELECT * FROM (
             SELECT sc.changed_at AS at, 'a' AS k, a.id, a.title, sc.status, sc.note,
                    sc.id = (SELECT min(s2.id) FROM action_status_change s2
                             WHERE s2.action_id = a.id) AS first
             FROM action_status_change sc JOIN action a ON a.id = sc.action_id
             ORDER BY sc.changed_at DESC LIMIT ?1)
         UNION ALL
         SELECT * FROM (
             SELECT m.updated_at, 'm', m.id, m.title, m.status, '', m.created_at = m.updated_at
             FROM meeting m ORDER BY m.updated_at DESC LIMIT ?1)
         ORDER BY 1 DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, bool>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (at, k, id, title, status, note, first) = row?;
        let (detail, target) = if k == "a" {
            let label = status
                .parse::<actions::ActionStatus>()
                .map(|s| s.label())
                .unwrap_or("");
            let mut d = if first {
                "Azione creata".to_owned()
            } else {
                format!("Azione: {label}")
            };
            if !note.is_empty() {
                d.push_str(" — ");
                d.push_str(&note);
            }
            (d, TimelineTarget::Action { id })
        } else {
            let d = if first {
                "Incontro creato"
            } else {
                "Incontro modificato"
            };
            (d.to_owned(), TimelineTarget::Meeting { id })
        };
        out.push(RecentChange {
            at,
            title,
            detail,
            target,
        });
    }
    Ok(out)
}

/// `?, ?, ?` numbered from `first`: `?2, ?3, ?4`.
fn renumber(marks: &str, first: usize) -> String {
    marks
        .split(", ")
        .enumerate()
        .map(|(i, _)| format!("?{}", first + i))
        .collect::<Vec<_>>()
        .join(", ")
}
