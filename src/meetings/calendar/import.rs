//! [`import_calendar`]: events → meetings, all or nothing (see the module contract).

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde_json::json;

use super::mapping::{
    attendee_of, description_without_agenda, identity, join_name_email, kind_of, local_times,
    person_by_email, status_of,
};
use super::{series, CalendarImportReport, CalendarImportRow, CalendarOutcome};
use crate::audit::{self, AuditAction};
use crate::error::{Error, Result};
use crate::interchange::ics::{self, IcsEvent};
use crate::meetings::clean::{clean, Clean};
use crate::meetings::store::{raise_sequence, write_imported};
use crate::meetings::types::*;
use crate::meetings::{input_of, meeting, meeting_by_uid, MAX_DAYS};
use crate::territory::{ImportReport, RowIssue};

/// Why an event could not be applied: a rejection of that event, or a failure of the import.
pub(super) enum Failure {
    Row(RowIssue),
    Fatal(Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Fatal(e)
    }
}

impl From<rusqlite::Error> for Failure {
    fn from(e: rusqlite::Error) -> Self {
        Failure::Fatal(e.into())
    }
}

pub(super) type Step<T> = std::result::Result<T, Failure>;

/// A title for messages: at most 60 characters.
fn short(title: &str) -> String {
    match title.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &title[..i]),
        None => title.to_owned(),
    }
}

/// A validation error about event `ev` becomes its rejection.
pub(super) fn at(ev: &IcsEvent, e: Error) -> Failure {
    match e {
        Error::Validation { message, .. } => Failure::Row(RowIssue {
            line: ev.line,
            message: format!(
                "riga {}: evento «{}»: {message}",
                ev.line,
                short(&ev.summary)
            ),
        }),
        other => Failure::Fatal(other),
    }
}

/// The import in progress: the transaction and the report being written.
pub(super) struct Ctx<'t, 'c> {
    pub tx: &'t Transaction<'c>,
    pub report: CalendarImportReport,
}

impl Ctx<'_, '_> {
    /// Records what event `ev` did.
    pub fn row(
        &mut self,
        ev: &IcsEvent,
        outcome: CalendarOutcome,
        meeting_id: Option<i64>,
        meetings: u32,
        message: String,
    ) {
        let r = &mut self.report;
        match outcome {
            CalendarOutcome::Created => r.created += 1,
            CalendarOutcome::Updated => r.updated += 1,
            CalendarOutcome::Unchanged => r.unchanged += 1,
            CalendarOutcome::Skipped => r.skipped += 1,
        }
        let (start, _, all_day) = local_times(ev.start, ev.end);
        r.rows.push(CalendarImportRow {
            line: ev.line,
            uid: ev.uid.clone(),
            title: ev.summary.clone(),
            start,
            all_day,
            occurrence: ev.recurrence_id.is_some(),
            outcome,
            meeting_id,
            meetings,
            message,
        });
    }
}

/// A meeting as an event describes it: `stored` supplies what the file does not carry,
/// `fallback` the kind when neither CATEGORIES nor a stored meeting give one, `times` replace
/// the event's own (an occurrence of a series). Also returns the attendees typed by name.
pub(super) fn input_for(
    conn: &Connection,
    ev: &IcsEvent,
    stored: Option<&MeetingView>,
    fallback: MeetingKind,
    times: Option<(NaiveDateTime, NaiveDateTime, bool)>,
) -> Result<(MeetingInput, Vec<String>)> {
    let agenda: Vec<AgendaItemInput> = if ev.agenda.is_empty() {
        stored.map_or_else(Vec::new, |m| input_of(m).agenda)
    } else {
        ev.agenda.clone()
    };
    let (start, end, all_day) = times.unwrap_or_else(|| local_times(ev.start, ev.end));
    let (invitations, typed) = invitations(conn, ev, stored)?;
    let input = MeetingInput {
        kind: kind_of(&ev.categories)
            .or(stored.map(|m| m.summary.kind))
            .unwrap_or(fallback),
        title: if ev.summary.is_empty() {
            "Evento senza titolo".to_owned()
        } else {
            ev.summary.clone()
        },
        start,
        end,
        all_day,
        // The export writes the link as LOCATION when there is no place.
        place: if ev.location == ev.url {
            String::new()
        } else {
            ev.location.clone()
        },
        link: ev.url.clone(),
        status: status_of(ev, stored.map(|m| m.summary.status)),
        scope: stored.map_or_else(Scope::none, |m| m.scope.scope.clone()),
        organiser: ev
            .organizer
            .as_ref()
            .map(|o| join_name_email(&o.name, o.email.as_deref()))
            .unwrap_or_default(),
        description: description_without_agenda(&ev.description, &agenda),
        invitations,
        agenda,
        recurrence: None,
    };
    Ok((input, typed))
}

/// The invitations of an event's attendees (see the module contract) and the names typed.
fn invitations(
    conn: &Connection,
    ev: &IcsEvent,
    stored: Option<&MeetingView>,
) -> Result<(Vec<InvitationInput>, Vec<String>)> {
    let mut kept: Vec<(Option<(String, String)>, InvitationInput)> = stored
        .map(|m| {
            m.invitations
                .iter()
                .map(|inv| {
                    let input = InvitationInput {
                        person_id: inv.person_id,
                        organisation_id: inv.organisation_id,
                        title: inv.title.clone(),
                    };
                    (Some(identity(&attendee_of(inv, None))), input)
                })
                .collect()
        })
        .unwrap_or_default();
    let mut out = Vec::with_capacity(ev.attendees.len());
    let mut typed = Vec::new();
    for a in &ev.attendees {
        let id = identity(a);
        if let Some((slot, input)) = kept.iter_mut().find(|(k, _)| k.as_ref() == Some(&id)) {
            *slot = None;
            out.push(input.clone());
            continue;
        }
        if let Some(person) = match &a.email {
            Some(e) => person_by_email(conn, e)?,
            None => None,
        } {
            out.push(InvitationInput {
                person_id: Some(person),
                organisation_id: None,
                title: String::new(),
            });
            continue;
        }
        let title = join_name_email(&a.name, a.email.as_deref());
        typed.push(title.clone());
        out.push(InvitationInput {
            person_id: None,
            organisation_id: None,
            title,
        });
    }
    Ok((out, typed))
}

/// "2 invitati non in rubrica: …" (empty when none).
pub(super) fn typed_message(typed: &[String]) -> String {
    match typed {
        [] => String::new(),
        [one] => format!("1 invitato non in rubrica, registrato per nome: {one}"),
        many => format!(
            "{} invitati non in rubrica, registrati per nome: {}",
            many.len(),
            many.join("; ")
        ),
    }
}

/// Why an event is skipped because it is too long for a meeting, if it is.
pub(super) fn too_long(input: &MeetingInput) -> Option<String> {
    (input.end - input.start > Duration::days(MAX_DAYS)).then(|| {
        format!(
            "dura più di {MAX_DAYS} giorni: Raccordo gestisce incontri fino a {MAX_DAYS} giorni"
        )
    })
}

/// The stored meeting already holds what `c` describes.
pub(super) fn same(stored: &MeetingView, c: &Clean) -> bool {
    input_of(stored) == c.input
}

/// Creates or updates the meeting of event `ev` (`id`: the stored one); returns the outcome.
pub(super) fn upsert(
    ctx: &mut Ctx,
    ev: &IcsEvent,
    id: Option<i64>,
    series: Option<(i64, chrono::DateTime<chrono::Utc>)>,
    fallback: MeetingKind,
    times: Option<(NaiveDateTime, NaiveDateTime, bool)>,
) -> Step<(CalendarOutcome, Option<i64>, String)> {
    let stored = id.map(|id| meeting(ctx.tx, id)).transpose()?;
    let (input, typed) = input_for(ctx.tx, ev, stored.as_ref(), fallback, times)?;
    if let Some(why) = too_long(&input) {
        return Ok((CalendarOutcome::Skipped, None, why));
    }
    let people: HashSet<i64> = stored
        .iter()
        .flat_map(|m| m.invitations.iter().filter_map(|i| i.person_id))
        .collect();
    let c = clean(ctx.tx, &input, &people).map_err(|e| at(ev, e))?;
    if let Some(m) = &stored {
        if same(m, &c) {
            return Ok((CalendarOutcome::Unchanged, id, String::new()));
        }
    }
    let new_id = write_imported(ctx.tx, id, &c, &ev.uid, series).map_err(|e| at(ev, e))?;
    raise_sequence(ctx.tx, new_id, ev.sequence)?;
    let outcome = if id.is_some() {
        ctx.report.meetings_updated += 1;
        CalendarOutcome::Updated
    } else {
        ctx.report.meetings_created += 1;
        CalendarOutcome::Created
    };
    Ok((outcome, Some(new_id), typed_message(&typed)))
}

/// The id of the series with this UID.
pub(super) fn series_by_uid(conn: &Connection, uid: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM meeting_series WHERE uid = ?1", [uid], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Deletes a whole series (the file now has a single event with its UID); returns how many.
pub(super) fn drop_series(ctx: &mut Ctx, series_id: i64) -> Result<usize> {
    let n = ctx
        .tx
        .execute("DELETE FROM meeting WHERE series_id = ?1", [series_id])?;
    ctx.tx
        .execute("DELETE FROM meeting_series WHERE id = ?1", [series_id])?;
    ctx.report.meetings_deleted += u32::try_from(n).unwrap_or(u32::MAX);
    Ok(n)
}

/// A single event (no RRULE).
fn single(ctx: &mut Ctx, ev: &IcsEvent) -> Step<()> {
    let mut note = String::new();
    if let Some(s) = series_by_uid(ctx.tx, &ev.uid)? {
        let n = drop_series(ctx, s)?;
        note = format!("la serie di {n} incontri con questo UID è diventata un incontro singolo");
    }
    let id = meeting_by_uid(ctx.tx, &ev.uid, None)?;
    let (mut outcome, meeting_id, message) = upsert(ctx, ev, id, None, MeetingKind::Altro, None)?;
    if !note.is_empty() && outcome == CalendarOutcome::Created {
        outcome = CalendarOutcome::Updated;
    }
    let message = [note, message]
        .into_iter()
        .filter(|m| !m.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    let meetings = u32::from(outcome != CalendarOutcome::Skipped);
    ctx.row(ev, outcome, meeting_id, meetings, message);
    Ok(())
}

/// The events of one UID: at most one master, overrides by RECURRENCE-ID.
fn group(ctx: &mut Ctx, events: Vec<&IcsEvent>) -> Step<()> {
    let mut master: Option<&IcsEvent> = None;
    let mut overrides: Vec<&IcsEvent> = Vec::new();
    for ev in events {
        let clash = match ev.recurrence_id {
            None => master.map(|m| m.line),
            Some(rid) => overrides
                .iter()
                .find(|o| o.recurrence_id.map(|r| r.instant()) == Some(rid.instant()))
                .map(|o| o.line),
        };
        if let Some(first) = clash {
            ctx.report.report.rejected.push(RowIssue {
                line: ev.line,
                message: format!(
                    "riga {}: l'evento ripete l'UID «{}» dell'evento alla riga {first}: \
                     ogni evento deve avere un UID diverso",
                    ev.line, ev.uid
                ),
            });
            continue;
        }
        match ev.recurrence_id {
            None => master = Some(ev),
            Some(_) => overrides.push(ev),
        }
    }
    match master {
        Some(m) if m.rrule.is_some() => series::apply(ctx, m, &overrides),
        Some(m) => {
            single(ctx, m)?;
            for o in overrides {
                ctx.row(
                    o,
                    CalendarOutcome::Skipped,
                    None,
                    0,
                    "modifica un'occorrenza, ma l'evento con questo UID non si ripete".into(),
                );
            }
            Ok(())
        }
        None => series::apply_overrides(ctx, &overrides),
    }
}

/// Imports an iCalendar file's events; see the module contract. `file_label` is the name shown
/// in the report.
pub fn import_calendar(
    tx: &Transaction,
    bytes: &[u8],
    file_label: &str,
    dry_run: bool,
) -> Result<CalendarImportReport> {
    let read = ics::read(bytes)?;
    tx.set_prepared_statement_cache_capacity(128);
    let mut ctx = Ctx {
        tx,
        report: CalendarImportReport {
            report: ImportReport {
                file: file_label.to_owned(),
                dry_run,
                rows_read: u32::try_from(read.events_read).unwrap_or(u32::MAX),
                rows_ok: 0,
                rejected: read.rejected,
                applied: false,
            },
            encoding: read.encoding,
            created: 0,
            updated: 0,
            unchanged: 0,
            skipped: 0,
            meetings_created: 0,
            meetings_updated: 0,
            meetings_deleted: 0,
            rows: Vec::new(),
            notes: read.notes,
        },
    };
    let mut order: Vec<&str> = Vec::new();
    let mut groups: HashMap<&str, Vec<&IcsEvent>> = HashMap::new();
    for ev in &read.events {
        groups
            .entry(ev.uid.as_str())
            .or_insert_with(|| {
                order.push(ev.uid.as_str());
                Vec::new()
            })
            .push(ev);
    }
    tx.execute_batch("SAVEPOINT calendar_import")?;
    for uid in order {
        let events = groups.remove(uid).unwrap_or_default();
        match group(&mut ctx, events) {
            Ok(()) => {}
            Err(Failure::Row(issue)) => ctx.report.report.rejected.push(issue),
            Err(Failure::Fatal(e)) => {
                tx.execute_batch("ROLLBACK TO calendar_import; RELEASE calendar_import")?;
                return Err(e);
            }
        }
    }
    let mut report = ctx.report;
    report.rows.sort_by_key(|r| r.line);
    report.report.rejected.sort_by_key(|r| r.line);
    report.report.rows_ok = u32::try_from(report.rows.len()).unwrap_or(u32::MAX);
    if dry_run || !report.report.rejected.is_empty() {
        tx.execute_batch("ROLLBACK TO calendar_import; RELEASE calendar_import")?;
        for r in &mut report.rows {
            r.meeting_id = None;
        }
        return Ok(report);
    }
    tx.execute_batch("RELEASE calendar_import")?;
    report.report.applied = true;
    audit::record(
        tx,
        AuditAction::Import,
        "meeting",
        None,
        &format!(
            "Importato il calendario {}: {} eventi nuovi, {} aggiornati, {} invariati, {} saltati",
            report.report.file, report.created, report.updated, report.unchanged, report.skipped
        ),
        Some(&json!({
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "skipped": report.skipped,
            "meetings_created": report.meetings_created,
            "meetings_updated": report.meetings_updated,
            "meetings_deleted": report.meetings_deleted,
        })),
    )?;
    Ok(report)
}
