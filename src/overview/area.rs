//! Zone and ASL pages (their comuni with open and overdue actions and recent meetings, the
//! counts of their actions, their coming meetings) and the dashboard's recent changes.

use chrono::{Duration, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};

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
    let year_ago = (today - Duration::days(365)).to_string();
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
    let sql = format!(
        "SELECT c.istat_code, c.name, c.population, z.name,
            (SELECT count(*) FROM action a WHERE a.id IN
                (SELECT action_id FROM action_comune WHERE istat_code = c.istat_code)
              AND a.status IN ('open', 'in_progress', 'waiting')),
            (SELECT count(*) FROM action a WHERE a.id IN
                (SELECT action_id FROM action_comune WHERE istat_code = c.istat_code)
              AND a.status IN ('open', 'in_progress', 'waiting') AND a.due_date < ?2),
            (SELECT count(*) FROM meeting m WHERE m.starts_at >= ?3 AND m.starts_at < ?2
              AND m.status != 'cancelled'
              AND (m.id IN (SELECT meeting_id FROM meeting_comune WHERE istat_code = c.istat_code)
                   OR (cz.zone_id IS NOT NULL AND m.filter_zone_id = cz.zone_id))),
            (SELECT max(m.starts_at) FROM meeting m WHERE m.starts_at < ?2
              AND m.status != 'cancelled'
              AND (m.id IN (SELECT meeting_id FROM meeting_comune WHERE istat_code = c.istat_code)
                   OR (cz.zone_id IS NOT NULL AND m.filter_zone_id = cz.zone_id)))
         FROM comune c
         LEFT JOIN comune_zone cz ON cz.istat_code = c.istat_code AND cz.valid_from <= ?2
              AND coalesce(cz.valid_to, '9999-12-31') >= ?2
         LEFT JOIN zone z ON z.id = cz.zone_id
         WHERE {}
         ORDER BY c.name_folded",
        sql_where.0
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![sql_where.1, day, year_ago], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, u32>(4)?,
            r.get::<_, u32>(5)?,
            r.get::<_, u32>(6)?,
            r.get::<_, Option<String>>(7)?,
        ))
    })?;
    let mut comuni = Vec::new();
    for row in rows {
        let (istat_code, cname, population, zone_name, open, overdue, recent, last) = row?;
        let last_meeting = match last {
            Some(s) => Some(time::utc_to_rome(time::parse_instant(&s)?).date()),
            None => None,
        };
        comuni.push(AreaComune {
            istat_code,
            name: cname,
            population,
            zone_name,
            open_actions: open,
            overdue_actions: overdue,
            meetings_last_year: recent,
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
