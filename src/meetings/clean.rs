//! Validation of a [`MeetingInput`]: every rule checked at once, one Italian error per field.

use std::collections::HashSet;

use chrono::{DateTime, Duration, NaiveDateTime, NaiveTime, Utc};
use rusqlite::Connection;

use super::types::{AgendaItemInput, InvitationInput, MeetingInput, Scope};
use super::{scope, MAX_AGENDA_ITEMS, MAX_DAYS, MAX_INVITATIONS};
use crate::contacts::{Issues, NAME_MAX};
use crate::error::{Error, Result};
use crate::text;
use crate::time;

/// A validated meeting, ready to write.
#[derive(Debug, Clone)]
pub(crate) struct Clean {
    pub input: MeetingInput,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub title_folded: String,
    pub scope: Scope,
}

const PLACE_MAX: usize = 300;
const LINK_MAX: usize = 1000;

/// Validates `input`; `existing_people` are person ids already invited to the meeting being
/// edited (they stay acceptable even if the person has since been erased).
pub(crate) fn clean(
    conn: &Connection,
    input: &MeetingInput,
    existing_people: &HashSet<i64>,
) -> Result<Clean> {
    let mut issues = Issues::default();
    let mut c = input.clone();
    c.title = issues.line("title", "Il titolo", &input.title, NAME_MAX);
    if c.title.is_empty() {
        issues.push(
            "title",
            "Il titolo è obbligatorio: scrivi di che incontro si tratta.",
        );
    }
    c.place = issues.line("place", "Il luogo", &input.place, PLACE_MAX);
    c.link = issues.line("link", "Il collegamento", &input.link, LINK_MAX);
    c.organiser = issues.line("organiser", "L'organizzatore", &input.organiser, NAME_MAX);
    c.description = issues.notes("description", &input.description);
    if c.all_day {
        let first = c.start.date();
        let last_exclusive = c.end.date().max(first + Duration::days(1));
        c.start = first.and_time(NaiveTime::MIN);
        c.end = last_exclusive.and_time(NaiveTime::MIN);
    } else {
        c.start = truncate_seconds(c.start);
        c.end = truncate_seconds(c.end);
    }
    let mut starts_at = None;
    let mut ends_at = None;
    match time::rome_to_utc("start", c.start) {
        Ok(t) => starts_at = Some(t),
        Err(e) => push_error(&mut issues, e),
    }
    match time::rome_to_utc("end", c.end) {
        Ok(t) => ends_at = Some(t),
        Err(e) => push_error(&mut issues, e),
    }
    if let (Some(s), Some(e)) = (starts_at, ends_at) {
        if e < s {
            issues.push(
                "end",
                "La fine è prima dell'inizio: controlla data e ora di fine.",
            );
        } else if e - s > Duration::days(MAX_DAYS) {
            issues.push(
                "end",
                format!(
                    "Un incontro dura al massimo {MAX_DAYS} giorni: controlla la data di fine."
                ),
            );
        }
    }
    let scope = match scope::check(conn, &input.scope) {
        Ok(s) => Some(s),
        Err(e) => {
            push_error(&mut issues, e);
            None
        }
    };
    c.invitations = invitations(conn, &mut issues, &input.invitations, existing_people)?;
    c.agenda = agenda(&mut issues, &input.agenda);
    if let Some(rule) = &input.recurrence {
        match super::recurrence::normalise("recurrence", rule) {
            Ok(r) => c.recurrence = Some(r),
            Err(e) => push_error(&mut issues, e),
        }
    }
    issues.finish()?;
    let (Some(starts_at), Some(ends_at), Some(scope)) = (starts_at, ends_at, scope) else {
        return Err(Error::Internal(
            "validated meeting without times or scope".into(),
        ));
    };
    let title_folded = text::fold(&c.title);
    Ok(Clean {
        input: c,
        starts_at,
        ends_at,
        title_folded,
        scope,
    })
}

fn truncate_seconds(t: NaiveDateTime) -> NaiveDateTime {
    t.date()
        .and_hms_opt(chrono::Timelike::hour(&t), chrono::Timelike::minute(&t), 0)
        .unwrap_or(t)
}

fn push_error(issues: &mut Issues, e: Error) {
    match e {
        Error::Validation { details, .. } => issues.0.extend(details),
        other => issues.push("meeting", other.to_string()),
    }
}

fn invitations(
    conn: &Connection,
    issues: &mut Issues,
    list: &[InvitationInput],
    existing_people: &HashSet<i64>,
) -> Result<Vec<InvitationInput>> {
    if list.len() > MAX_INVITATIONS {
        issues.push(
            "invitations",
            format!("Al massimo {MAX_INVITATIONS} invitati per incontro."),
        );
        return Ok(Vec::new());
    }
    let mut seen_people = HashSet::new();
    let mut seen_offices = HashSet::new();
    let mut out = Vec::with_capacity(list.len());
    for (i, inv) in list.iter().enumerate() {
        let field = format!("invitations[{i}]");
        let title = issues.line(&field, "Il titolo dell'invitato", &inv.title, NAME_MAX);
        if inv.person_id.is_none() && inv.organisation_id.is_none() && title.is_empty() {
            issues.push(&field, "Un invitato è vuoto: scegli una persona o un ente.");
            continue;
        }
        if let Some(p) = inv.person_id {
            let exists: bool = conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM person WHERE id = ?1)",
                [p],
                |r| r.get(0),
            )?;
            if !exists && !existing_people.contains(&p) {
                issues.push(&field, format!("La persona {p} non è nella rubrica."));
                continue;
            }
            if !seen_people.insert(p) {
                continue; // invited twice: once is enough
            }
        } else if !seen_offices.insert((inv.organisation_id, text::fold(&title))) {
            continue;
        }
        if let Some(o) = inv.organisation_id {
            let exists: bool = conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM organisation WHERE id = ?1)",
                [o],
                |r| r.get(0),
            )?;
            if !exists {
                issues.push(&field, format!("L'ente {o} non esiste."));
                continue;
            }
        }
        out.push(InvitationInput {
            person_id: inv.person_id,
            organisation_id: inv.organisation_id,
            title,
        });
    }
    Ok(out)
}

fn agenda(issues: &mut Issues, list: &[AgendaItemInput]) -> Vec<AgendaItemInput> {
    if list.len() > MAX_AGENDA_ITEMS {
        issues.push(
            "agenda",
            format!("Al massimo {MAX_AGENDA_ITEMS} punti all'ordine del giorno."),
        );
        return Vec::new();
    }
    let mut out = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let field = format!("agenda[{i}]");
        let title = issues.line(&field, "Il punto all'ordine del giorno", &item.title, 500);
        if title.is_empty() {
            issues.push(
                &field,
                format!(
                    "Il punto {} dell'ordine del giorno è vuoto: scrivilo o toglilo.",
                    i + 1
                ),
            );
        }
        let presenter = issues.line(&field, "Il relatore", &item.presenter, NAME_MAX);
        if let Some(d) = item.duration_min {
            if !(1..=1440).contains(&d) {
                issues.push(
                    &field,
                    format!("La durata del punto {} va da 1 a 1440 minuti.", i + 1),
                );
            }
        }
        let notes = issues.notes(&field, &item.notes);
        out.push(AgendaItemInput {
            title,
            presenter,
            duration_min: item.duration_min,
            notes,
        });
    }
    out
}
