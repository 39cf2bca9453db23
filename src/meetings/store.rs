//! Meeting writes: create (single or series), edit, move, change status, delete.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde_json::json;

use super::clean::{clean, Clean};
use super::invitees;
use super::read::meeting;
use super::recurrence;
use super::scope;
use super::types::*;
use crate::audit::{self, AuditAction};
use crate::error::{Entity, Error, Result};
use crate::territory::AslCode;
use crate::time;
fn new_uid(tx: &Connection) -> Result<String> {
    Ok(tx.query_row(
        "SELECT lower(hex(randomblob(16))) || '@raccordo'",
        [],
        |r| r.get(0),
    )?)
}

/// Writes the row, the scope comuni, the agenda and the invitations (keeping the attendance of
/// invitations that stay). `id` None inserts.
fn write(
    tx: &Transaction,
    id: Option<i64>,
    c: &Clean,
    uid: &str,
    series: Option<(i64, DateTime<Utc>)>,
) -> Result<i64> {
    let i = &c.input;
    let (asl, zone) = scope::placement(tx, &c.scope, i.start.date())?;
    let now = time::now_utc();
    let (sk, sa, sz, sp, so) = (
        c.scope.kind,
        c.scope.asl.map(AslCode::as_str),
        c.scope.zone_id,
        c.scope.province.as_deref(),
        c.scope.unione_org_id,
    );
    let id = match id {
        None => {
            tx.execute(
                "INSERT INTO meeting (uid, series_id, recurrence_id, kind, title, title_folded,
                    starts_at, ends_at, all_day, place, link, status, scope_kind, scope_asl,
                    scope_zone_id, scope_province, scope_org_id, filter_asl, filter_zone_id,
                    organiser, description, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                    ?17, ?18, ?19, ?20, ?21, ?22, ?22)",
                params![
                    uid,
                    series.map(|s| s.0),
                    series.map(|s| time::instant_iso(s.1)),
                    i.kind,
                    i.title,
                    c.title_folded,
                    time::instant_iso(c.starts_at),
                    time::instant_iso(c.ends_at),
                    i.all_day,
                    i.place,
                    i.link,
                    i.status,
                    sk,
                    sa,
                    sz,
                    sp,
                    so,
                    asl.map(AslCode::as_str),
                    zone,
                    i.organiser,
                    i.description,
                    now
                ],
            )?;
            let id = tx.last_insert_rowid();
            status_change(tx, id, i.status, "")?;
            id
        }
        Some(id) => {
            tx.execute(
                "UPDATE meeting SET kind = ?2, title = ?3, title_folded = ?4, starts_at = ?5,
                    ends_at = ?6, all_day = ?7, place = ?8, link = ?9, scope_kind = ?10,
                    scope_asl = ?11, scope_zone_id = ?12, scope_province = ?13,
                    scope_org_id = ?14, filter_asl = ?15, filter_zone_id = ?16,
                    organiser = ?17, description = ?18, sequence = sequence + 1,
                    updated_at = ?19
                 WHERE id = ?1",
                params![
                    id,
                    i.kind,
                    i.title,
                    c.title_folded,
                    time::instant_iso(c.starts_at),
                    time::instant_iso(c.ends_at),
                    i.all_day,
                    i.place,
                    i.link,
                    sk,
                    sa,
                    sz,
                    sp,
                    so,
                    asl.map(AslCode::as_str),
                    zone,
                    i.organiser,
                    i.description,
                    now
                ],
            )?;
            id
        }
    };
    tx.execute("DELETE FROM meeting_comune WHERE meeting_id = ?1", [id])?;
    for code in &c.scope.comuni {
        tx.execute(
            "INSERT INTO meeting_comune (meeting_id, istat_code) VALUES (?1, ?2)",
            params![id, code],
        )?;
    }
    tx.execute("DELETE FROM agenda_item WHERE meeting_id = ?1", [id])?;
    for (pos, a) in i.agenda.iter().enumerate() {
        tx.execute(
            "INSERT INTO agenda_item (meeting_id, position, title, presenter, duration_min, notes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                id,
                pos as i64,
                a.title,
                a.presenter,
                a.duration_min,
                a.notes
            ],
        )?;
    }
    invitees::replace_invitations(tx, id, &i.invitations)?;
    Ok(id)
}

fn status_change(tx: &Connection, id: i64, status: MeetingStatus, note: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO meeting_status_change (meeting_id, status, changed_at, note)
         VALUES (?1, ?2, ?3, ?4)",
        params![id, status, time::now_utc(), note],
    )?;
    Ok(())
}

/// Creates a meeting, or — with `recurrence` — a series with one meeting per occurrence (at
/// most [`recurrence::MAX_OCCURRENCES`], within [`recurrence::HORIZON_YEARS`]); returns the
/// (first) meeting.
pub fn create_meeting(tx: &Transaction, input: &MeetingInput) -> Result<MeetingView> {
    let c = clean(tx, input, &HashSet::new())?;
    let uid = new_uid(tx)?;
    let Some(rule) = c.input.recurrence.clone() else {
        let id = write(tx, None, &c, &uid, None)?;
        audit::record(
            tx,
            AuditAction::Create,
            "meeting",
            Some(&id.to_string()),
            &format!("Creato l'incontro {id}"),
            None,
        )?;
        return meeting(tx, id);
    };
    let ids = create_series(tx, &c, &uid, &rule, &[])?;
    audit::record(
        tx,
        AuditAction::Create,
        "meeting",
        ids.first().map(|i| i.to_string()).as_deref(),
        &format!("Creata una serie di {} incontri", ids.len()),
        Some(&json!({ "meetings": ids.len() })),
    )?;
    meeting(tx, ids[0])
}

/// Writes a series (rule + one meeting per occurrence); `except` are local starts to skip
/// (recorded as EXDATE). Returns the ids, in order.
pub(crate) fn create_series(
    tx: &Transaction,
    c: &Clean,
    uid: &str,
    rule: &str,
    except: &[NaiveDateTime],
) -> Result<Vec<i64>> {
    let exp = recurrence::expand("recurrence", rule, c.input.start, except)?;
    tx.execute(
        "INSERT INTO meeting_series (uid, rrule, created_at) VALUES (?1, ?2, ?3)",
        params![uid, rule, time::now_utc()],
    )?;
    let series_id = tx.last_insert_rowid();
    for x in except {
        let at = time::rome_to_utc("recurrence", *x)?;
        tx.execute(
            "INSERT OR IGNORE INTO meeting_series_exdate (series_id, occurrence_at) VALUES (?1, ?2)",
            params![series_id, time::instant_iso(at)],
        )?;
    }
    let length = c.input.end - c.input.start;
    let mut ids = Vec::with_capacity(exp.starts.len());
    for start in exp.starts {
        let mut occ = c.clone();
        occ.input.start = start;
        occ.input.end = start + length;
        occ.starts_at = time::rome_to_utc("start", start)?;
        occ.ends_at = time::rome_to_utc("end", occ.input.end)
            .unwrap_or(occ.starts_at + (c.ends_at - c.starts_at));
        ids.push(write(
            tx,
            None,
            &occ,
            uid,
            Some((series_id, occ.starts_at)),
        )?);
    }
    Ok(ids)
}

/// Replaces a meeting's fields, scope, agenda and invitations (attendance kept for invitations
/// that stay). A status different from the stored one is recorded in the history. An occurrence
/// of a series stays in it (it becomes an exception to the rule). `recurrence` is ignored.
pub fn update_meeting(tx: &Transaction, id: i64, input: &MeetingInput) -> Result<MeetingView> {
    let old = meeting(tx, id)?;
    let people: HashSet<i64> = old.invitations.iter().filter_map(|i| i.person_id).collect();
    let c = clean(tx, input, &people)?;
    write(tx, Some(id), &c, &old.summary.uid, None)?;
    let mut fields = changed_fields(&old, &c);
    if old.summary.status != c.input.status {
        set_status_row(tx, id, c.input.status, "")?;
        fields.push("status");
    }
    if !fields.is_empty() {
        audit::record(
            tx,
            AuditAction::Update,
            "meeting",
            Some(&id.to_string()),
            &format!("Modificato l'incontro {id}"),
            Some(&json!({ "fields": fields })),
        )?;
    }
    meeting(tx, id)
}

fn changed_fields(old: &MeetingView, c: &Clean) -> Vec<&'static str> {
    let s = &old.summary;
    let i = &c.input;
    let mut out = Vec::new();
    let checks: [(&'static str, bool); 11] = [
        ("kind", s.kind != i.kind),
        ("title", s.title != i.title),
        ("start", s.starts_at != c.starts_at),
        ("end", s.ends_at != c.ends_at),
        ("all_day", s.all_day != i.all_day),
        ("place", s.place != i.place),
        ("link", old.link != i.link),
        ("scope", old.scope.scope != c.scope),
        ("organiser", old.organiser != i.organiser),
        ("description", old.description != i.description),
        (
            "agenda",
            old.agenda.len() != i.agenda.len()
                || old.agenda.iter().zip(&i.agenda).any(|(a, b)| {
                    a.title != b.title
                        || a.presenter != b.presenter
                        || a.duration_min != b.duration_min
                        || a.notes != b.notes
                }),
        ),
    ];
    for (name, changed) in checks {
        if changed {
            out.push(name);
        }
    }
    let before: Vec<(Option<i64>, Option<i64>, &str)> = old
        .invitations
        .iter()
        .map(|v| (v.person_id, v.organisation_id, v.title.as_str()))
        .collect();
    let after: Vec<(Option<i64>, Option<i64>, &str)> = i
        .invitations
        .iter()
        .map(|v| (v.person_id, v.organisation_id, v.title.as_str()))
        .collect();
    if before != after {
        out.push("invitations");
    }
    out
}

fn set_status_row(tx: &Transaction, id: i64, status: MeetingStatus, note: &str) -> Result<()> {
    tx.execute(
        "UPDATE meeting SET status = ?2, sequence = sequence + 1, updated_at = ?3 WHERE id = ?1",
        params![id, status, time::now_utc()],
    )?;
    status_change(tx, id, status, note)
}

/// Changes the status with a note (recorded in the history).
pub fn set_status(
    tx: &Transaction,
    id: i64,
    status: MeetingStatus,
    note: &str,
) -> Result<MeetingView> {
    let old = meeting(tx, id)?;
    let mut issues = crate::contacts::Issues::default();
    let note = issues.notes("note", note);
    issues.finish()?;
    if old.summary.status != status || !note.is_empty() {
        set_status_row(tx, id, status, &note)?;
        audit::record(
            tx,
            AuditAction::Update,
            "meeting",
            Some(&id.to_string()),
            &format!("Incontro {id}: stato «{}»", status.label()),
            Some(&json!({ "fields": ["status"] })),
        )?;
    }
    meeting(tx, id)
}

/// Moves a meeting to a new local start keeping its length (drag in the calendar). Returns the
/// meeting as it is now; moving it back to the old start is the undo.
pub fn move_meeting(tx: &Transaction, id: i64, new_start: NaiveDateTime) -> Result<MeetingView> {
    let old = meeting(tx, id)?;
    let mut input = input_of(&old);
    let length = old.summary.end - old.summary.start;
    input.start = new_start;
    input.end = new_start + length;
    update_meeting(tx, id, &input)
}

/// The input that reproduces a stored meeting (for edits of one field).
pub fn input_of(m: &MeetingView) -> MeetingInput {
    MeetingInput {
        kind: m.summary.kind,
        title: m.summary.title.clone(),
        start: m.summary.start,
        end: m.summary.end,
        all_day: m.summary.all_day,
        place: m.summary.place.clone(),
        link: m.link.clone(),
        status: m.summary.status,
        scope: m.scope.scope.clone(),
        organiser: m.organiser.clone(),
        description: m.description.clone(),
        invitations: m
            .invitations
            .iter()
            .map(|i| InvitationInput {
                person_id: i.person_id,
                organisation_id: i.organisation_id,
                title: i.title.clone(),
            })
            .collect(),
        agenda: m
            .agenda
            .iter()
            .map(|a| AgendaItemInput {
                title: a.title.clone(),
                presenter: a.presenter.clone(),
                duration_min: a.duration_min,
                notes: a.notes.clone(),
            })
            .collect(),
        recurrence: None,
    }
}

/// Deletes a meeting. An occurrence of a series is recorded as an exception (EXDATE) of the
/// series; the series goes when its last occurrence does. Returns what was deleted.
pub fn delete_meeting(tx: &Transaction, id: i64) -> Result<MeetingSummary> {
    let old = meeting(tx, id)?;
    let series: Option<(i64, String)> = tx
        .query_row(
            "SELECT series_id, recurrence_id FROM meeting WHERE id = ?1 AND series_id IS NOT NULL",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    tx.execute("DELETE FROM meeting WHERE id = ?1", [id])?;
    if let Some((sid, rid)) = series {
        tx.execute(
            "INSERT OR IGNORE INTO meeting_series_exdate (series_id, occurrence_at) VALUES (?1, ?2)",
            params![sid, rid],
        )?;
        tx.execute(
            "DELETE FROM meeting_series WHERE id = ?1
               AND NOT EXISTS (SELECT 1 FROM meeting WHERE series_id = ?1)",
            [sid],
        )?;
    }
    audit::record(
        tx,
        AuditAction::Delete,
        "meeting",
        Some(&id.to_string()),
        &format!("Eliminato l'incontro {id}"),
        None,
    )?;
    Ok(old.summary)
}

/// Deletes a whole series; returns how many meetings went.
pub fn delete_series(tx: &Transaction, series_id: i64) -> Result<usize> {
    let n = tx.execute("DELETE FROM meeting WHERE series_id = ?1", [series_id])?;
    let s = tx.execute("DELETE FROM meeting_series WHERE id = ?1", [series_id])?;
    if s == 0 {
        return Err(Error::NotFound {
            what: Entity::Meeting,
            key: format!("serie {series_id}"),
        });
    }
    audit::record(
        tx,
        AuditAction::Delete,
        "meeting_series",
        Some(&series_id.to_string()),
        &format!("Eliminata la serie {series_id} ({n} incontri)"),
        None,
    )?;
    Ok(n)
}

/// Writes an imported meeting (`meetings::calendar`): a new row with `uid` (and its series and
/// original start for an occurrence), or new values over row `id` (sequence + 1, a status change
/// recorded in the history). No audit row: the import records one for the whole file.
pub(crate) fn write_imported(
    tx: &Transaction,
    id: Option<i64>,
    c: &Clean,
    uid: &str,
    series: Option<(i64, DateTime<Utc>)>,
) -> Result<i64> {
    let old_status: Option<MeetingStatus> = match id {
        Some(id) => Some(
            tx.query_row("SELECT status FROM meeting WHERE id = ?1", [id], |r| {
                r.get(0)
            })?,
        ),
        None => None,
    };
    let id = write(tx, id, c, uid, series)?;
    if old_status.is_some_and(|s| s != c.input.status) {
        set_status_row(tx, id, c.input.status, "importazione calendario")?;
    }
    Ok(id)
}

/// Raises the iCalendar SEQUENCE of a meeting to at least `sequence` (an imported event that
/// other programs have already changed that many times).
pub(crate) fn raise_sequence(tx: &Transaction, id: i64, sequence: u32) -> Result<()> {
    tx.execute(
        "UPDATE meeting SET sequence = max(sequence, ?2) WHERE id = ?1",
        params![id, sequence],
    )?;
    Ok(())
}

/// Replaces the rule and the exceptions (original starts) of a series.
pub(crate) fn set_series_rule(
    tx: &Transaction,
    series_id: i64,
    rule: &str,
    except: &[DateTime<Utc>],
) -> Result<()> {
    tx.execute(
        "UPDATE meeting_series SET rrule = ?2 WHERE id = ?1",
        params![series_id, rule],
    )?;
    tx.execute(
        "DELETE FROM meeting_series_exdate WHERE series_id = ?1",
        [series_id],
    )?;
    for x in except {
        tx.execute(
            "INSERT OR IGNORE INTO meeting_series_exdate (series_id, occurrence_at) VALUES (?1, ?2)",
            params![series_id, time::instant_iso(*x)],
        )?;
    }
    Ok(())
}
