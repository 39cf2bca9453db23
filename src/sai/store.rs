//! SAI survey writes: record a status change, edit the project facts and next step, delete a
//! record. Each validates first, writes, keeps `sai_survey.status` equal to the latest change
//! (by date, then by id) and appends an audit row (organisation id, never personal data).
//! The next step with its due date is a follow-up action ([`crate::actions`]): editing the facts
//! creates or updates it and stores its id (`next_step_action_id`).

use chrono::NaiveDate;
use rusqlite::{params, Transaction};
use serde_json::json;

use super::place::Atlas;
use super::read::{self, not_surveyable, stored};
use super::types::*;
use crate::actions::{self, ActionInput, ActionOwner};
use crate::audit::{self, AuditAction};
use crate::contacts::{Issues, NAME_MAX};
use crate::error::{Entity, Error, Result};
use crate::territory::iso;
use crate::time;

/// Most places of one category on one record.
pub const MAX_PLACES: i64 = 10_000;
/// Longest next step.
pub const NEXT_STEP_MAX: usize = 500;

/// The ente's territory today, refusing organisations that cannot be surveyed.
fn ente(tx: &Transaction, org_id: i64, on: NaiveDate) -> Result<SaiEnte> {
    Atlas::load(tx, on)?
        .ente(org_id)
        .or_else(|_| Err(not_surveyable(tx, org_id)?))
}

/// Records that the ente reached `input.status` on `input.on` (creating its survey record if it
/// has none) and returns the record. A change dated before the latest one goes into the
/// history without changing the current status.
pub fn set_status(tx: &Transaction, org_id: i64, input: &SaiStatusInput) -> Result<SaiRecord> {
    let today = time::today_rome();
    let ente = ente(tx, org_id, today)?;
    let mut issues = Issues::default();
    let note = issues.notes("note", &input.note);
    let source_text = issues.line("source_text", "La fonte", &input.source_text, NAME_MAX);
    if input.on > today {
        issues.push(
            "on",
            "La data dello stato non può essere nel futuro: indica quando l'ente ha raggiunto lo stato.",
        );
    }
    if let Some(m) = input.source_meeting_id {
        if !tx
            .prepare_cached("SELECT 1 FROM meeting WHERE id = ?1")?
            .exists([m])?
        {
            issues.push(
                "source_meeting_id",
                format!("L'incontro {m} non esiste: scegli un incontro dell'agenda."),
            );
        }
    }
    if let Some(p) = input.source_person_id {
        if !tx
            .prepare_cached("SELECT 1 FROM person WHERE id = ?1")?
            .exists([p])?
        {
            issues.push(
                "source_person_id",
                format!("La persona {p} non esiste: scegli una persona della rubrica."),
            );
        }
    }
    issues.finish()?;
    let now = time::now_utc();
    let created = tx.execute(
        "INSERT INTO sai_survey (org_id, status, status_since, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT (org_id) DO NOTHING",
        params![org_id, input.status, iso(input.on), now],
    )? == 1;
    insert_change(
        tx,
        org_id,
        input.status,
        input.on,
        &note,
        (input.source_meeting_id, input.source_person_id),
        &source_text,
    )?;
    audit::record(
        tx,
        if created {
            AuditAction::Create
        } else {
            AuditAction::Update
        },
        "sai_survey",
        Some(&org_id.to_string()),
        &format!(
            "Ricognizione SAI di {}: stato «{}» dal {}",
            ente.name,
            input.status.label(),
            time::format_it(input.on)
        ),
        Some(&json!({ "status": input.status.as_str(), "on": iso(input.on) })),
    )?;
    let s = stored(tx, org_id)?.ok_or_else(|| Error::Internal("survey row vanished".into()))?;
    read::assemble(tx, ente, s)
}

/// Appends a change and brings the survey's current status to the latest change.
pub(crate) fn insert_change(
    tx: &Transaction,
    org_id: i64,
    status: SaiStatus,
    on: NaiveDate,
    note: &str,
    (meeting, person): (Option<i64>, Option<i64>),
    source_text: &str,
) -> Result<()> {
    let now = time::now_utc();
    tx.execute(
        "INSERT INTO sai_status_change (survey_id, status, on_date, note, source_meeting_id,
             source_person_id, source_text, recorded_at)
         SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8 FROM sai_survey WHERE org_id = ?1",
        params![
            org_id,
            status,
            iso(on),
            note,
            meeting,
            person,
            source_text,
            now
        ],
    )?;
    tx.execute(
        "UPDATE sai_survey SET (status, status_since) = (
             SELECT h.status, h.on_date FROM sai_status_change h
             WHERE h.survey_id = sai_survey.id ORDER BY h.on_date DESC, h.id DESC LIMIT 1),
             updated_at = ?2
         WHERE org_id = ?1",
        params![org_id, now],
    )?;
    Ok(())
}

/// Replaces the project facts and the next step of the ente's record (creating the record, as
/// "non contattato" today, when it has none), keeps the next step's follow-up action in step
/// ([`link_next_step`]) and returns the record.
pub fn edit_facts(tx: &Transaction, org_id: i64, input: &SaiFactsInput) -> Result<SaiRecord> {
    let today = time::today_rome();
    let ente = ente(tx, org_id, today)?;
    let f = clean_facts(input)?;
    let now = time::now_utc();
    let before = stored(tx, org_id)?;
    if before.is_none() {
        tx.execute(
            "INSERT INTO sai_survey (org_id, status, status_since, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4)",
            params![org_id, SaiStatus::NotEngaged, iso(today), now],
        )?;
        insert_change(
            tx,
            org_id,
            SaiStatus::NotEngaged,
            today,
            "Scheda di ricognizione creata",
            (None, None),
            "",
        )?;
    }
    let action = link_next_step(tx, &ente, &f, before.as_ref())?;
    tx.execute(
        "UPDATE sai_survey SET titolare = ?2, gestore = ?3, places_ordinari = ?4,
             places_dm_ds = ?5, places_msna = ?6, funding_start = ?7, funding_end = ?8,
             triennial = ?9, next_step = ?10, next_step_due = ?11, notes = ?12, updated_at = ?13,
             next_step_action_id = ?14
         WHERE org_id = ?1",
        params![
            org_id,
            f.titolare,
            f.gestore,
            f.places.ordinari,
            f.places.dm_ds,
            f.places.msna,
            f.funding_start.map(iso),
            f.funding_end.map(iso),
            f.triennial,
            f.next_step,
            f.next_step_due.map(iso),
            f.notes,
            now,
            action
        ],
    )?;
    audit::record(
        tx,
        AuditAction::Update,
        "sai_survey",
        Some(&org_id.to_string()),
        &format!(
            "Ricognizione SAI di {}: dati del progetto aggiornati",
            ente.name
        ),
        Some(&json!({ "places": f.places.total() })),
    )?;
    let s = stored(tx, org_id)?.ok_or_else(|| Error::Internal("survey row vanished".into()))?;
    read::assemble(tx, ente, s)
}

/// The follow-up action of the next step (see [`edit_facts`]): the linked action is updated
/// (title, due date) while it is open; a new one is created (owner: the coordinator, linked to
/// the ente and, for a Comune, its comune) when the next step changes and no open action follows
/// it. Clearing the next step unlinks the action and leaves it as it is.
fn link_next_step(
    tx: &Transaction,
    ente: &SaiEnte,
    f: &SaiFactsInput,
    before: Option<&read::Stored>,
) -> Result<Option<i64>> {
    if f.next_step.is_empty() {
        return Ok(None);
    }
    let linked = before.and_then(|b| b.next_step_action_id);
    let changed = before.is_none_or(|b| {
        b.facts.next_step != f.next_step || b.facts.next_step_due != f.next_step_due
    });
    let current = match linked {
        Some(id) => actions::action(tx, id).ok(),
        None => None,
    };
    let title: String = f.next_step.chars().take(NAME_MAX).collect();
    match current {
        Some(a) if !changed => Ok(Some(a.id)),
        Some(a) if !a.status.is_closed() => {
            let input = ActionInput {
                title,
                due: f.next_step_due,
                description: a.description.clone(),
                owner: a.owner,
                priority: a.priority,
                meeting_id: a.meeting.as_ref().map(|m| m.id),
                agenda_item_id: a
                    .meeting
                    .as_ref()
                    .and_then(|m| m.agenda_item.as_ref())
                    .and_then(|i| i.id.parse().ok()),
                comuni: a.comuni.iter().map(|c| c.id.clone()).collect(),
                organisations: a
                    .organisations
                    .iter()
                    .filter_map(|o| o.id.parse().ok())
                    .collect(),
                people: a.people.iter().filter_map(|p| p.id.parse().ok()).collect(),
            };
            Ok(Some(actions::update_action(tx, a.id, &input)?.id))
        }
        _ if !changed && linked.is_some() => Ok(linked),
        _ => {
            let input = ActionInput {
                description: format!("Prossimo passo della ricognizione SAI: {}.", ente.name),
                owner: ActionOwner::Coordinator,
                due: f.next_step_due,
                comuni: ente.istat_code.clone().into_iter().collect(),
                organisations: vec![ente.org_id],
                ..ActionInput::titled(&title)
            };
            Ok(Some(actions::create_action(tx, &input)?.id))
        }
    }
}

/// The facts trimmed and checked (Italian field errors).
pub(crate) fn clean_facts(input: &SaiFactsInput) -> Result<SaiFactsInput> {
    let mut issues = Issues::default();
    let titolare = issues.line("titolare", "L'ente titolare", &input.titolare, NAME_MAX);
    let gestore = issues.line("gestore", "L'ente attuatore", &input.gestore, NAME_MAX);
    let next_step = issues.line(
        "next_step",
        "Il prossimo passo",
        &input.next_step,
        NEXT_STEP_MAX,
    );
    let notes = issues.notes("notes", &input.notes);
    for (field, label, v) in [
        ("places.ordinari", "ordinari", input.places.ordinari),
        ("places.dm_ds", "DM-DS", input.places.dm_ds),
        ("places.msna", "MSNA", input.places.msna),
    ] {
        if !(0..=MAX_PLACES).contains(&v) {
            issues.push(
                field,
                format!("I posti {label} devono essere un numero tra 0 e {MAX_PLACES}."),
            );
        }
    }
    if let (Some(a), Some(b)) = (input.funding_start, input.funding_end) {
        if b < a {
            issues.push(
                "funding_end",
                "La fine del finanziamento non può precedere l'inizio.",
            );
        }
    }
    if input.next_step_due.is_some() && next_step.is_empty() {
        issues.push(
            "next_step",
            "Descrivi il prossimo passo a cui si riferisce la scadenza.",
        );
    }
    issues.finish()?;
    Ok(SaiFactsInput {
        titolare,
        gestore,
        places: input.places,
        funding_start: input.funding_start,
        funding_end: input.funding_end,
        triennial: input.triennial,
        next_step,
        next_step_due: input.next_step_due,
        notes,
    })
}

/// Deletes the ente's survey record and its history; returns what was deleted.
pub fn delete_survey(tx: &Transaction, org_id: i64) -> Result<SaiRecord> {
    let today = time::today_rome();
    let ente = ente(tx, org_id, today)?;
    let s = stored(tx, org_id)?.ok_or_else(|| Error::NotFound {
        what: Entity::Organisation,
        key: format!("{org_id} (nessuna scheda di ricognizione)"),
    })?;
    let record = read::assemble(tx, ente, s)?;
    tx.execute("DELETE FROM sai_survey WHERE org_id = ?1", [org_id])?;
    audit::record(
        tx,
        AuditAction::Delete,
        "sai_survey",
        Some(&org_id.to_string()),
        &format!("Ricognizione SAI di {}: scheda eliminata", record.ente.name),
        None,
    )?;
    Ok(record)
}
