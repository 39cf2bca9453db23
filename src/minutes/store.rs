//! Minutes storage: start a verbale prefilled from its meeting, save drafts (autosave), approve
//! (the content locks and the approved document is kept frozen), open a numbered revision with
//! its reason. Writes take a `&Transaction` and append an audit row (meeting id only).

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde_json::json;

use super::build;
use super::document::Author;
use super::model::*;
use super::richtext::RichText;
use crate::actions::{self, ActionFilter};
use crate::audit::{self, AuditAction};
use crate::contacts::{Issues, NAME_MAX};
use crate::error::{Entity, Error, Result};
use crate::meetings;
use crate::settings;
use crate::text;
use crate::time;

/// Most items of one verbale.
pub const MAX_ITEMS: usize = 200;

fn conflict_approved(meeting_id: i64) -> Error {
    Error::Conflict {
        message: format!(
            "Il verbale dell'incontro {meeting_id} è approvato e quindi bloccato: per correggerlo \
             apri una revisione indicando il motivo."
        ),
    }
}

fn not_found(meeting_id: i64) -> Error {
    Error::Conflict {
        message: format!(
            "L'incontro {meeting_id} non ha ancora un verbale: aprilo con «Verbale» dalla pagina \
             dell'incontro (o «raccordo minutes start {meeting_id}»)."
        ),
    }
}

/// The verbale of a meeting, if one was started.
pub fn minutes(conn: &Connection, meeting_id: i64) -> Result<Option<MinutesView>> {
    let row = conn
        .query_row(
            "SELECT status, revision, revision_reason, content, drafted_by, drafted_org,
                    created_at, updated_at, approved_at
             FROM minutes WHERE meeting_id = ?1",
            [meeting_id],
            |r| {
                Ok((
                    r.get::<_, MinutesStatus>(0)?,
                    r.get::<_, u32>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, Option<String>>(8)?,
                ))
            },
        )
        .optional()?;
    let Some((status, revision, reason, content, by, org, created, updated, approved)) = row else {
        return Ok(None);
    };
    let content: MinutesContent = serde_json::from_str(&content)
        .map_err(|e| Error::Internal(format!("stored minutes content: {e}")))?;
    Ok(Some(MinutesView {
        meeting_id,
        status,
        revision,
        revision_reason: reason,
        content,
        drafted_by: Author {
            name: by,
            organisation: org,
        },
        created_at: created,
        updated_at: updated,
        approved_at: approved,
        versions: versions(conn, meeting_id)?,
        follow_ups: follow_ups(conn, meeting_id)?,
    }))
}

fn versions(conn: &Connection, meeting_id: i64) -> Result<Vec<MinutesVersionInfo>> {
    let mut stmt = conn.prepare_cached(
        "SELECT revision, reason, approved_at FROM minutes_version
         WHERE meeting_id = ?1 ORDER BY revision",
    )?;
    let rows = stmt.query_map([meeting_id], |r| {
        Ok(MinutesVersionInfo {
            revision: r.get(0)?,
            reason: r.get(1)?,
            approved_at: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The follow-up actions of a meeting, by due date.
pub fn follow_ups(conn: &Connection, meeting_id: i64) -> Result<Vec<actions::ActionSummary>> {
    actions::all_actions(
        conn,
        &ActionFilter {
            meeting_id: Some(meeting_id),
            ..Default::default()
        },
        time::today_rome(),
    )
}

/// The verbale of a meeting; started (prefilled from the meeting: its agenda items, times and
/// place; "redatto da" from the profile) when there is none yet.
pub fn start(tx: &Transaction, meeting_id: i64) -> Result<MinutesView> {
    if let Some(v) = minutes(tx, meeting_id)? {
        return Ok(v);
    }
    let m = meetings::meeting(tx, meeting_id)?;
    let content = MinutesContent {
        start_time: (!m.summary.all_day).then(|| m.summary.start.time()),
        end_time: (!m.summary.all_day).then(|| m.summary.end.time()),
        place: m.summary.place.clone(),
        chair: String::new(),
        items: m
            .agenda
            .iter()
            .map(|a| MinutesItem {
                agenda_item_id: Some(a.id),
                title: a.title.clone(),
                discussion: RichText::default(),
                decisions: RichText::default(),
            })
            .collect(),
        closing_notes: RichText::default(),
    };
    let profile = settings::profile(tx)?;
    let now = time::now_utc();
    tx.execute(
        "INSERT INTO minutes (meeting_id, status, content, search_text, drafted_by, drafted_org,
             created_at, updated_at)
         VALUES (?1, 'draft', ?2, ?3, ?4, ?5, ?6, ?6)",
        params![
            meeting_id,
            to_json(&content)?,
            search_text(&content),
            profile.coordinator_name,
            profile.organisation,
            now
        ],
    )?;
    audit::record(
        tx,
        AuditAction::Create,
        "minutes",
        Some(&meeting_id.to_string()),
        &format!("Aperto il verbale dell'incontro {meeting_id}"),
        None,
    )?;
    minutes(tx, meeting_id)?.ok_or_else(|| not_found(meeting_id))
}

fn to_json(content: &MinutesContent) -> Result<String> {
    serde_json::to_string(content).map_err(|e| Error::Internal(format!("minutes JSON: {e}")))
}

fn search_text(c: &MinutesContent) -> String {
    let mut s = String::new();
    for item in &c.items {
        s.push_str(&item.title);
        s.push('\n');
        s.push_str(&item.discussion.plain_text());
        s.push('\n');
        s.push_str(&item.decisions.plain_text());
        s.push('\n');
    }
    s.push_str(&c.closing_notes.plain_text());
    text::fold(&s)
}

fn validate(c: &MinutesContent) -> Result<MinutesContent> {
    let mut issues = Issues::default();
    let mut out = c.clone();
    out.place = issues.line("place", "Il luogo", &c.place, NAME_MAX);
    out.chair = issues.line("chair", "Chi presiede", &c.chair, NAME_MAX);
    if c.items.len() > MAX_ITEMS {
        issues.push(
            "items",
            format!(
                "Troppi punti nel verbale ({}): al massimo {MAX_ITEMS}.",
                c.items.len()
            ),
        );
    }
    for (i, item) in out.items.iter_mut().enumerate() {
        let field = format!("items.{i}.title");
        item.title = issues.line(&field, "Il titolo del punto", &item.title, NAME_MAX);
        if item.title.is_empty() {
            issues.push(
                &field,
                format!(
                    "Il punto {} non ha un titolo: scrivilo o togli il punto.",
                    i + 1
                ),
            );
        }
        for (name, rich) in [
            ("discussion", &item.discussion),
            ("decisions", &item.decisions),
        ] {
            if let Err(e) = rich.validate(&format!("items.{i}.{name}")) {
                issues.push(
                    &format!("items.{i}.{name}"),
                    crate::ApiError::from(e).message,
                );
            }
        }
    }
    if let Err(e) = c.closing_notes.validate("closing_notes") {
        issues.push("closing_notes", crate::ApiError::from(e).message);
    }
    if let (Some(a), Some(b)) = (c.start_time, c.end_time) {
        if b < a {
            issues.push("end_time", "L'ora di fine viene prima dell'ora di inizio.");
        }
    }
    issues.finish()?;
    Ok(out)
}

/// Saves the draft (autosave). Refused while the verbale is approved.
pub fn save_draft(
    tx: &Transaction,
    meeting_id: i64,
    content: &MinutesContent,
) -> Result<MinutesView> {
    let status: Option<MinutesStatus> = tx
        .query_row(
            "SELECT status FROM minutes WHERE meeting_id = ?1",
            [meeting_id],
            |r| r.get(0),
        )
        .optional()?;
    match status {
        None => return Err(not_found(meeting_id)),
        Some(MinutesStatus::Approved) => return Err(conflict_approved(meeting_id)),
        Some(MinutesStatus::Draft) => {}
    }
    let c = validate(content)?;
    tx.execute(
        "UPDATE minutes SET content = ?2, search_text = ?3, updated_at = ?4 WHERE meeting_id = ?1",
        params![meeting_id, to_json(&c)?, search_text(&c), time::now_utc()],
    )?;
    audit::record(
        tx,
        AuditAction::Update,
        "minutes",
        Some(&meeting_id.to_string()),
        &format!("Salvata la bozza del verbale dell'incontro {meeting_id}"),
        None,
    )?;
    minutes(tx, meeting_id)?.ok_or_else(|| not_found(meeting_id))
}

/// Approves the draft: the content locks and the document as approved is kept frozen as
/// version `revision`.
pub fn approve(tx: &Transaction, meeting_id: i64) -> Result<MinutesView> {
    let v = minutes(tx, meeting_id)?.ok_or_else(|| not_found(meeting_id))?;
    if v.status == MinutesStatus::Approved {
        return Err(conflict_approved(meeting_id));
    }
    let now = time::now_utc();
    tx.execute(
        "UPDATE minutes SET status = 'approved', approved_at = ?2, updated_at = ?2
         WHERE meeting_id = ?1",
        params![meeting_id, now],
    )?;
    let doc = build::document_of(tx, meeting_id, None)?;
    let doc = serde_json::to_string(&doc)
        .map_err(|e| Error::Internal(format!("minutes document JSON: {e}")))?;
    tx.execute(
        "INSERT INTO minutes_version (meeting_id, revision, reason, document, approved_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![meeting_id, v.revision, v.revision_reason, doc, now],
    )?;
    audit::record(
        tx,
        AuditAction::Update,
        "minutes",
        Some(&meeting_id.to_string()),
        &format!(
            "Approvato il verbale dell'incontro {meeting_id} (versione {})",
            v.revision
        ),
        Some(&json!({ "revision": v.revision })),
    )?;
    minutes(tx, meeting_id)?.ok_or_else(|| not_found(meeting_id))
}

/// Opens revision N+1 of an approved verbale, with its reason: the content becomes an editable
/// draft again; the approved versions stay as they were.
pub fn open_revision(tx: &Transaction, meeting_id: i64, reason: &str) -> Result<MinutesView> {
    let v = minutes(tx, meeting_id)?.ok_or_else(|| not_found(meeting_id))?;
    if v.status != MinutesStatus::Approved {
        return Err(Error::Conflict {
            message: format!(
                "Il verbale dell'incontro {meeting_id} è ancora una bozza: si può modificare \
                 direttamente, senza aprire una revisione."
            ),
        });
    }
    let mut issues = Issues::default();
    let reason = issues.line("reason", "Il motivo della revisione", reason, NAME_MAX);
    if reason.is_empty() {
        issues.push(
            "reason",
            "Scrivi il motivo della revisione (ad esempio «correzione delle presenze»).",
        );
    }
    issues.finish()?;
    let next = v.revision + 1;
    tx.execute(
        "UPDATE minutes SET status = 'draft', approved_at = NULL, revision = ?2,
             revision_reason = ?3, updated_at = ?4
         WHERE meeting_id = ?1",
        params![meeting_id, next, reason, time::now_utc()],
    )?;
    audit::record(
        tx,
        AuditAction::Update,
        "minutes",
        Some(&meeting_id.to_string()),
        &format!("Aperta la revisione {next} del verbale dell'incontro {meeting_id}"),
        Some(&json!({ "revision": next })),
    )?;
    minutes(tx, meeting_id)?.ok_or_else(|| not_found(meeting_id))
}

/// Confirms the meeting exists (for a clear error before anything else).
pub(crate) fn meeting_exists(conn: &Connection, meeting_id: i64) -> Result<()> {
    conn.query_row("SELECT 1 FROM meeting WHERE id = ?1", [meeting_id], |_| {
        Ok(())
    })
    .optional()?
    .ok_or(Error::NotFound {
        what: Entity::Meeting,
        key: meeting_id.to_string(),
    })
}
