//! Action reads: one action in full, names of owners, the coordinator's name.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::types::*;
use crate::contacts::display_name;
use crate::error::{Entity, Error, Result};
use crate::settings;
use crate::time;

/// Shown for an owner or linked person erased from the directory.
pub const REMOVED: &str = "persona rimossa";

/// The owner's name: the coordinator's (from the profile, or "io" when not set), a person's, or
/// "" when nobody is assigned.
pub(crate) fn owner_name(conn: &Connection, owner: ActionOwner, me: &str) -> Result<String> {
    Ok(match owner {
        ActionOwner::None => String::new(),
        ActionOwner::Coordinator => me.to_owned(),
        ActionOwner::Person { person_id } => person_name(conn, person_id)?,
    })
}

/// The coordinator's name as an owner.
pub(crate) fn coordinator_name(conn: &Connection) -> Result<String> {
    let p = settings::profile(conn)?;
    let name = p.coordinator_name.trim();
    Ok(if name.is_empty() {
        "Coordinatore/coordinatrice".to_owned()
    } else {
        name.to_owned()
    })
}

pub(crate) fn person_name(conn: &Connection, id: i64) -> Result<String> {
    Ok(conn
        .query_row(
            "SELECT given_name, family_name FROM person WHERE id = ?1",
            [id],
            |r| {
                Ok(display_name(
                    &r.get::<_, String>(0)?,
                    &r.get::<_, String>(1)?,
                ))
            },
        )
        .optional()?
        .unwrap_or_else(|| REMOVED.to_owned()))
}

pub(crate) fn owner_of(kind: &str, person: Option<i64>) -> ActionOwner {
    match (kind, person) {
        ("person", Some(person_id)) => ActionOwner::Person { person_id },
        ("coordinator", _) => ActionOwner::Coordinator,
        _ => ActionOwner::None,
    }
}

pub(crate) fn parse_day(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
}

/// Overdue on `today`: due before it and still open.
pub fn is_overdue(due: Option<NaiveDate>, status: ActionStatus, today: NaiveDate) -> bool {
    !status.is_closed() && due.is_some_and(|d| d < today)
}

/// One action in full.
pub fn action(conn: &Connection, id: i64) -> Result<ActionView> {
    let row = conn
        .query_row(
            "SELECT title, description, owner_kind, owner_person_id, due_date, status, priority,
                    meeting_id, agenda_item_id, created_at, updated_at, closed_at
             FROM action WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<i64>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, ActionStatus>(5)?,
                    r.get::<_, ActionPriority>(6)?,
                    r.get::<_, Option<i64>>(7)?,
                    r.get::<_, Option<i64>>(8)?,
                    r.get::<_, String>(9)?,
                    r.get::<_, String>(10)?,
                    r.get::<_, Option<String>>(11)?,
                ))
            },
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: Entity::Action,
            key: id.to_string(),
        })?;
    let (title, description, kind, person, due, status, priority, meeting_id, item_id) = (
        row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8,
    );
    let owner = owner_of(&kind, person);
    let me = coordinator_name(conn)?;
    let due = parse_day(due);
    let meeting = match meeting_id {
        Some(m) => meeting_ref(conn, m, item_id)?,
        None => None,
    };
    Ok(ActionView {
        id,
        owner_name: owner_name(conn, owner, &me)?,
        overdue: is_overdue(due, status, time::today_rome()),
        title,
        description,
        owner,
        due,
        status,
        priority,
        meeting,
        comuni: links(
            conn,
            "SELECT c.istat_code, c.name FROM action_comune ac
             JOIN comune c ON c.istat_code = ac.istat_code
             WHERE ac.action_id = ?1 ORDER BY c.name_folded",
            id,
        )?,
        organisations: links(
            conn,
            "SELECT CAST(o.id AS TEXT), o.name FROM action_org ao
             JOIN organisation o ON o.id = ao.organisation_id
             WHERE ao.action_id = ?1 ORDER BY o.name_folded",
            id,
        )?,
        people: people(conn, id)?,
        history: history(conn, id)?,
        created_at: row.9,
        updated_at: row.10,
        closed_at: row.11,
    })
}

fn links(conn: &Connection, sql: &str, id: i64) -> Result<Vec<LinkRef>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([id], |r| {
        Ok(LinkRef {
            id: r.get(0)?,
            name: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn people(conn: &Connection, id: i64) -> Result<Vec<LinkRef>> {
    let mut stmt = conn.prepare_cached(
        "SELECT person_id FROM action_person WHERE action_id = ?1 ORDER BY person_id",
    )?;
    let ids: Vec<i64> = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::with_capacity(ids.len());
    for p in ids {
        out.push(LinkRef {
            id: p.to_string(),
            name: person_name(conn, p)?,
        });
    }
    Ok(out)
}

fn history(conn: &Connection, id: i64) -> Result<Vec<ActionStatusChange>> {
    let mut stmt = conn.prepare_cached(
        "SELECT status, changed_at, note FROM action_status_change
         WHERE action_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(ActionStatusChange {
            status: r.get(0)?,
            changed_at: r.get(1)?,
            note: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn meeting_ref(
    conn: &Connection,
    meeting_id: i64,
    item_id: Option<i64>,
) -> Result<Option<ActionMeetingRef>> {
    let Some((title, starts)) = conn
        .query_row(
            "SELECT title, starts_at FROM meeting WHERE id = ?1",
            [meeting_id],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        )
        .optional()?
    else {
        return Ok(None);
    };
    let date = time::utc_to_rome(time::parse_instant(&starts)?).date();
    let agenda_item = match item_id {
        Some(i) => conn
            .query_row(
                "SELECT title FROM agenda_item WHERE id = ?1",
                params![i],
                |r| r.get::<_, String>(0),
            )
            .optional()?
            .map(|name| LinkRef {
                id: i.to_string(),
                name,
            }),
        None => None,
    };
    Ok(Some(ActionMeetingRef {
        id: meeting_id,
        title,
        date,
        agenda_item,
    }))
}
