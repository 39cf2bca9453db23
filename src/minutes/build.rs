//! Builds the [`MinutesDocument`] of a verbale: the frozen approved version, or the live draft
//! (meeting facts, attendance with delegates, the content, the meeting's follow-up actions).

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};

use super::document::{
    AgendaSection, AttendanceRow, DocumentStatus, FollowUpRow, MinutesDocument, Signature,
};
use super::model::MinutesStatus;
use super::store::{self, meeting_exists};
use crate::error::{Error, Result};
use crate::meetings;
use crate::settings;
use crate::time;

/// The header when the profile names no organisation.
pub const DEFAULT_ORGANISATION: &str = "Regione Toscana — ANCI Toscana";

/// The document of a meeting's verbale: version `revision` as approved, or — without one — the
/// current state (the latest approved version while approved, the live draft otherwise).
pub fn document_of(
    conn: &Connection,
    meeting_id: i64,
    revision: Option<u32>,
) -> Result<MinutesDocument> {
    meeting_exists(conn, meeting_id)?;
    let v = store::minutes(conn, meeting_id)?.ok_or_else(|| Error::Conflict {
        message: format!(
            "L'incontro {meeting_id} non ha un verbale: aprilo dalla pagina dell'incontro."
        ),
    })?;
    let frozen = match revision {
        Some(r) => Some(r),
        None if v.status == MinutesStatus::Approved => Some(v.revision),
        None => None,
    };
    if let Some(r) = frozen {
        let json: Option<String> = conn
            .query_row(
                "SELECT document FROM minutes_version WHERE meeting_id = ?1 AND revision = ?2",
                params![meeting_id, r],
                |row| row.get(0),
            )
            .optional()?;
        return match json {
            Some(j) => serde_json::from_str(&j)
                .map_err(|e| Error::Internal(format!("stored minutes version: {e}"))),
            // The version being approved right now is built live.
            None if revision.is_none() => live(conn, meeting_id, &v),
            None => Err(Error::invalid(
                "revision",
                format!(
                    "Il verbale dell'incontro {meeting_id} non ha una versione approvata {r}: \
                     le versioni sono {}.",
                    v.versions
                        .iter()
                        .map(|x| x.revision.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        };
    }
    live(conn, meeting_id, &v)
}

fn live(conn: &Connection, meeting_id: i64, v: &super::MinutesView) -> Result<MinutesDocument> {
    let m = meetings::meeting(conn, meeting_id)?;
    let profile = settings::profile(conn)?;
    let organisation = if profile.organisation.trim().is_empty() {
        DEFAULT_ORGANISATION.to_owned()
    } else {
        profile.organisation.trim().to_owned()
    };
    let status = match (v.status, v.revision) {
        (MinutesStatus::Draft, _) => DocumentStatus::Draft,
        (MinutesStatus::Approved, 0) => DocumentStatus::Approved {
            approved_on: v
                .approved_at
                .as_deref()
                .and_then(|a| time::parse_instant(a).ok())
                .map(|t| time::utc_to_rome(t).date()),
        },
        (MinutesStatus::Approved, n) => DocumentStatus::Revision {
            number: n,
            reason: v.revision_reason.clone(),
        },
    };
    let attendance = m
        .invitations
        .iter()
        .map(|i| {
            let office = [
                i.title.trim(),
                i.organisation_name.as_deref().unwrap_or("").trim(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
            AttendanceRow {
                name: i
                    .person_name
                    .clone()
                    .unwrap_or_else(|| "(incarico vacante)".to_owned()),
                office,
                attendance: i.attendance,
                delegate: i.delegate_name.clone(),
            }
        })
        .collect();
    // Follow-ups: each with the number of its agenda item in this verbale.
    let position: HashMap<i64, u32> = v
        .content
        .items
        .iter()
        .enumerate()
        .filter_map(|(n, it)| it.agenda_item_id.map(|id| (id, n as u32 + 1)))
        .collect();
    let items_of: HashMap<i64, Option<i64>> = {
        let mut stmt =
            conn.prepare_cached("SELECT id, agenda_item_id FROM action WHERE meeting_id = ?1")?;
        let rows = stmt.query_map([meeting_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let follow_ups = v
        .follow_ups
        .iter()
        .map(|a| FollowUpRow {
            what: a.title.clone(),
            who: a.owner_name.clone(),
            due: a.due,
            item: items_of
                .get(&a.id)
                .copied()
                .flatten()
                .and_then(|i| position.get(&i).copied()),
        })
        .collect();
    let c = &v.content;
    Ok(MinutesDocument {
        organisation,
        logo: None,
        title: m.summary.title.clone(),
        kind_label: m.summary.kind.label().to_owned(),
        date: m.summary.start.date(),
        start_time: c.start_time,
        end_time: c.end_time,
        place: c.place.clone(),
        drafted_by: v.drafted_by.clone(),
        status,
        attendance,
        agenda: c
            .items
            .iter()
            .map(|i| AgendaSection {
                title: i.title.clone(),
                discussion: i.discussion.clone(),
                decisions: i.decisions.clone(),
            })
            .collect(),
        follow_ups,
        closing_notes: c.closing_notes.clone(),
        signatures: vec![
            Signature {
                role: "Il/La verbalizzante".to_owned(),
                name: v.drafted_by.name.clone(),
            },
            Signature {
                role: "Il/La presidente".to_owned(),
                name: c.chair.clone(),
            },
        ],
    })
}
