//! Action writes: create, edit, status changes with their dated history, bulk changes with
//! undo, delete. Every write takes a `&Transaction`, validates first (Italian field errors),
//! writes, derives the ASL/zone rows the list filters read ([`write_area`]) and appends an audit
//! row (action id and field names only).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};
use serde_json::json;

use super::types::*;
use super::{action, MAX_LINKS};
use crate::audit::{self, AuditAction};
use crate::contacts::{Issues, NAME_MAX};
use crate::error::{Entity, Error, Result};
use crate::territory::normalize_istat;
use crate::text;
use crate::time;

/// Most actions changed by one bulk change (a page of the list is far less).
pub const BULK_MAX: usize = 5_000;

/// A validated input.
struct Clean {
    input: ActionInput,
    title_folded: String,
}

fn clean(tx: &Transaction, input: &ActionInput) -> Result<Clean> {
    let mut issues = Issues::default();
    let mut c = input.clone();
    c.title = issues.line("title", "Il titolo", &input.title, NAME_MAX);
    if c.title.is_empty() {
        issues.push(
            "title",
            "Il titolo è obbligatorio: scrivi in breve che cosa va fatto.",
        );
    }
    c.description = issues.notes("description", &input.description);
    if let ActionOwner::Person { person_id } = c.owner {
        if !person_exists(tx, person_id)? {
            issues.push(
                "owner",
                format!(
                    "Il responsabile (persona {person_id}) non è nella rubrica: sceglilo tra i \
                     contatti o assegna l'azione a te."
                ),
            );
        }
    }
    if let Some(due) = c.due {
        if !(2000..=2100).contains(&chrono::Datelike::year(&due)) {
            issues.push(
                "due",
                format!(
                    "La scadenza {} non è plausibile: scegli una data tra il 2000 e il 2100.",
                    time::format_it(due)
                ),
            );
        }
    }
    if let Some(m) = c.meeting_id {
        if !exists(tx, "SELECT 1 FROM meeting WHERE id = ?1", m)? {
            issues.push(
                "meeting_id",
                format!("L'incontro {m} non esiste più: scegli un altro incontro o nessuno."),
            );
        }
    }
    if let Some(item) = c.agenda_item_id {
        let owner: Option<i64> = tx
            .query_row(
                "SELECT meeting_id FROM agenda_item WHERE id = ?1",
                [item],
                |r| r.get(0),
            )
            .optional()?;
        match (owner, c.meeting_id) {
            (None, _) => issues.push(
                "agenda_item_id",
                format!("Il punto all'ordine del giorno {item} non esiste più: sceglilo di nuovo."),
            ),
            (Some(_), None) => c.meeting_id = owner,
            (Some(m), Some(want)) if m != want => issues.push(
                "agenda_item_id",
                "Il punto all'ordine del giorno scelto appartiene a un altro incontro.",
            ),
            _ => {}
        }
    }
    let mut comuni = BTreeSet::new();
    for raw in &input.comuni {
        match normalize_istat(raw) {
            Some(code) if exists_text(tx, "SELECT 1 FROM comune WHERE istat_code = ?1", &code)? => {
                comuni.insert(code);
            }
            _ => issues.push(
                "comuni",
                format!(
                    "«{}» non è il codice ISTAT di un comune toscano: scegli il comune dall'elenco.",
                    raw.trim()
                ),
            ),
        }
    }
    c.comuni = comuni.into_iter().collect();
    let mut orgs = BTreeSet::new();
    for &o in &input.organisations {
        if exists(tx, "SELECT 1 FROM organisation WHERE id = ?1", o)? {
            orgs.insert(o);
        } else {
            issues.push(
                "organisations",
                format!("L'ente {o} non esiste più: sceglilo di nuovo dalla rubrica."),
            );
        }
    }
    c.organisations = orgs.into_iter().collect();
    let mut people = BTreeSet::new();
    for &p in &input.people {
        if person_exists(tx, p)? {
            people.insert(p);
        } else {
            issues.push(
                "people",
                format!("La persona {p} non è nella rubrica: sceglila di nuovo."),
            );
        }
    }
    c.people = people.into_iter().collect();
    for (field, n) in [
        ("comuni", c.comuni.len()),
        ("organisations", c.organisations.len()),
        ("people", c.people.len()),
    ] {
        if n > MAX_LINKS {
            issues.push(
                field,
                format!("Troppi collegamenti ({n}): al massimo {MAX_LINKS} per azione."),
            );
        }
    }
    issues.finish()?;
    let title_folded = text::fold(&c.title);
    Ok(Clean {
        input: c,
        title_folded,
    })
}

fn exists(tx: &Transaction, sql: &str, id: i64) -> Result<bool> {
    Ok(tx.query_row(sql, [id], |_| Ok(())).optional()?.is_some())
}

fn exists_text(tx: &Transaction, sql: &str, key: &str) -> Result<bool> {
    Ok(tx.query_row(sql, [key], |_| Ok(())).optional()?.is_some())
}

fn person_exists(tx: &Transaction, id: i64) -> Result<bool> {
    exists(tx, "SELECT 1 FROM person WHERE id = ?1", id)
}

fn owner_columns(owner: ActionOwner) -> (&'static str, Option<i64>) {
    match owner {
        ActionOwner::None => ("none", None),
        ActionOwner::Coordinator => ("coordinator", None),
        ActionOwner::Person { person_id } => ("person", Some(person_id)),
    }
}

/// Creates an action (status "aperta", with its first history entry); returns it.
pub fn create_action(tx: &Transaction, input: &ActionInput) -> Result<ActionView> {
    let c = clean(tx, input)?;
    let now = time::now_utc();
    let (owner_kind, owner_person) = owner_columns(c.input.owner);
    tx.execute(
        "INSERT INTO action (title, title_folded, description, owner_kind, owner_person_id,
             due_date, status, priority, meeting_id, agenda_item_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open', ?7, ?8, ?9, ?10, ?10)",
        params![
            c.input.title,
            c.title_folded,
            c.input.description,
            owner_kind,
            owner_person,
            c.input.due.map(|d| d.to_string()),
            c.input.priority.as_str(),
            c.input.meeting_id,
            c.input.agenda_item_id,
            now,
        ],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO action_status_change (action_id, status, changed_at, note)
         VALUES (?1, 'open', ?2, '')",
        params![id, now],
    )?;
    write_links(tx, id, &c.input)?;
    audit::record(
        tx,
        AuditAction::Create,
        "action",
        Some(&id.to_string()),
        &format!("Creata l'azione {id}"),
        None,
    )?;
    action(tx, id)
}

/// Replaces an action's fields and links (its status and history are kept).
pub fn update_action(tx: &Transaction, id: i64, input: &ActionInput) -> Result<ActionView> {
    let before = action(tx, id)?;
    let c = clean(tx, input)?;
    let (owner_kind, owner_person) = owner_columns(c.input.owner);
    tx.execute(
        "UPDATE action SET title = ?2, title_folded = ?3, description = ?4, owner_kind = ?5,
             owner_person_id = ?6, due_date = ?7, priority = ?8, meeting_id = ?9,
             agenda_item_id = ?10, updated_at = ?11
         WHERE id = ?1",
        params![
            id,
            c.input.title,
            c.title_folded,
            c.input.description,
            owner_kind,
            owner_person,
            c.input.due.map(|d| d.to_string()),
            c.input.priority.as_str(),
            c.input.meeting_id,
            c.input.agenda_item_id,
            time::now_utc(),
        ],
    )?;
    for table in [
        "action_comune",
        "action_org",
        "action_person",
        "action_area",
    ] {
        tx.execute(&format!("DELETE FROM {table} WHERE action_id = ?1"), [id])?;
    }
    write_links(tx, id, &c.input)?;
    let after = action(tx, id)?;
    let fields = changed_fields(&before, &after);
    audit::record(
        tx,
        AuditAction::Update,
        "action",
        Some(&id.to_string()),
        &format!("Modificata l'azione {id}"),
        Some(&json!({ "fields": fields })),
    )?;
    Ok(after)
}

fn changed_fields(a: &ActionView, b: &ActionView) -> Vec<&'static str> {
    let mut f = Vec::new();
    let ids = |v: &[LinkRef]| v.iter().map(|l| l.id.clone()).collect::<Vec<_>>();
    let pairs: [(&'static str, bool); 9] = [
        ("title", a.title != b.title),
        ("description", a.description != b.description),
        ("owner", a.owner != b.owner),
        ("due", a.due != b.due),
        ("priority", a.priority != b.priority),
        ("meeting", a.meeting != b.meeting),
        ("comuni", ids(&a.comuni) != ids(&b.comuni)),
        (
            "organisations",
            ids(&a.organisations) != ids(&b.organisations),
        ),
        ("people", ids(&a.people) != ids(&b.people)),
    ];
    for (name, changed) in pairs {
        if changed {
            f.push(name);
        }
    }
    f
}

fn write_links(tx: &Transaction, id: i64, input: &ActionInput) -> Result<()> {
    for code in &input.comuni {
        tx.execute(
            "INSERT INTO action_comune (action_id, istat_code) VALUES (?1, ?2)",
            params![id, code],
        )?;
    }
    for org in &input.organisations {
        tx.execute(
            "INSERT INTO action_org (action_id, organisation_id) VALUES (?1, ?2)",
            params![id, org],
        )?;
    }
    for p in &input.people {
        tx.execute(
            "INSERT INTO action_person (action_id, person_id) VALUES (?1, ?2)",
            params![id, p],
        )?;
    }
    write_area(tx, id)
}

/// Derives the ASL/zone rows of an action from its comuni (their zone today) and from the
/// territory of its organisations (a comune's, a zone's or an ASL's).
pub(crate) fn write_area(tx: &Transaction, id: i64) -> Result<()> {
    let today = time::today_rome().to_string();
    tx.execute(
        "INSERT OR IGNORE INTO action_area (action_id, asl_code, zone_id)
         SELECT ?1, c.asl_code, coalesce((SELECT cz.zone_id FROM comune_zone cz
                 WHERE cz.istat_code = c.istat_code AND cz.valid_from <= ?2
                   AND coalesce(cz.valid_to, '9999-12-31') >= ?2
                 ORDER BY cz.valid_from DESC LIMIT 1), 0)
         FROM comune c
         WHERE c.istat_code IN (
             SELECT istat_code FROM action_comune WHERE action_id = ?1
             UNION
             SELECT o.istat_code FROM action_org ao JOIN organisation o ON o.id = ao.organisation_id
             WHERE ao.action_id = ?1 AND o.istat_code IS NOT NULL)",
        params![id, today],
    )?;
    tx.execute(
        "INSERT OR IGNORE INTO action_area (action_id, asl_code, zone_id)
         SELECT ?1, z.asl_code, z.id
         FROM action_org ao JOIN organisation o ON o.id = ao.organisation_id
              JOIN zone z ON z.id = o.zone_id
         WHERE ao.action_id = ?1 AND o.istat_code IS NULL",
        params![id],
    )?;
    tx.execute(
        "INSERT OR IGNORE INTO action_area (action_id, asl_code, zone_id)
         SELECT ?1, o.asl_code, 0
         FROM action_org ao JOIN organisation o ON o.id = ao.organisation_id
         WHERE ao.action_id = ?1 AND o.istat_code IS NULL AND o.zone_id IS NULL
           AND o.asl_code IS NOT NULL",
        params![id],
    )?;
    Ok(())
}

/// Changes an action's status, recording the dated change with its note; a change to the same
/// status only records the note (a progress note). Returns the action.
pub fn set_status(
    tx: &Transaction,
    id: i64,
    status: ActionStatus,
    note: &str,
) -> Result<ActionView> {
    let mut issues = Issues::default();
    let note = issues.notes("note", note);
    issues.finish()?;
    let current = current_status(tx, id)?;
    let now = time::now_utc();
    write_status(tx, id, current, status, &note, &now)?;
    audit::record(
        tx,
        AuditAction::Update,
        "action",
        Some(&id.to_string()),
        &format!(
            "Azione {id}: stato «{}» → «{}»",
            current.label(),
            status.label()
        ),
        Some(&json!({ "fields": ["status"] })),
    )?;
    action(tx, id)
}

fn current_status(tx: &Transaction, id: i64) -> Result<ActionStatus> {
    tx.query_row("SELECT status FROM action WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or(Error::NotFound {
        what: Entity::Action,
        key: id.to_string(),
    })
}

fn write_status(
    tx: &Transaction,
    id: i64,
    from: ActionStatus,
    to: ActionStatus,
    note: &str,
    now: &str,
) -> Result<()> {
    let closed_at = to.is_closed().then_some(now);
    if from != to {
        tx.execute(
            "UPDATE action SET status = ?2, updated_at = ?3, closed_at = ?4 WHERE id = ?1",
            params![id, to.as_str(), now, closed_at],
        )?;
    } else {
        tx.execute(
            "UPDATE action SET updated_at = ?2 WHERE id = ?1",
            params![id, now],
        )?;
    }
    tx.execute(
        "INSERT INTO action_status_change (action_id, status, changed_at, note)
         VALUES (?1, ?2, ?3, ?4)",
        params![id, to.as_str(), now, note],
    )?;
    Ok(())
}

/// Applies one change to many actions; returns what each had before (for [`undo_bulk`]).
pub fn bulk_update(tx: &Transaction, ids: &[i64], change: &BulkChange) -> Result<BulkOutcome> {
    if ids.is_empty() {
        return Err(Error::invalid(
            "ids",
            "Nessuna azione selezionata: seleziona una o più azioni dall'elenco.",
        ));
    }
    if ids.len() > BULK_MAX {
        return Err(Error::invalid(
            "ids",
            format!(
                "Troppe azioni selezionate ({}): al massimo {BULK_MAX} per volta.",
                ids.len()
            ),
        ));
    }
    if change.status.is_none() && change.owner.is_none() && change.due.is_none() {
        return Err(Error::invalid(
            "change",
            "Nessuna modifica indicata: scegli un nuovo stato, un responsabile o una scadenza.",
        ));
    }
    let mut issues = Issues::default();
    let note = issues.notes("note", &change.note);
    if let Some(ActionOwner::Person { person_id }) = change.owner {
        if !person_exists(tx, person_id)? {
            issues.push(
                "owner",
                format!("Il responsabile (persona {person_id}) non è nella rubrica."),
            );
        }
    }
    issues.finish()?;
    let now = time::now_utc();
    let unique: BTreeSet<i64> = ids.iter().copied().collect();
    let mut prior = Vec::with_capacity(unique.len());
    for &id in &unique {
        let view = read_prior(tx, id)?;
        if let Some(status) = change.status {
            write_status(tx, id, view.status, status, &note, &now)?;
        }
        apply_owner_due(tx, id, change.owner, change.due.map(|d| d.date), &now)?;
        prior.push(view);
    }
    let mut fields = Vec::new();
    if change.status.is_some() {
        fields.push("status");
    }
    if change.owner.is_some() {
        fields.push("owner");
    }
    if change.due.is_some() {
        fields.push("due");
    }
    audit::record(
        tx,
        AuditAction::Update,
        "action",
        None,
        &format!("Modifica di gruppo di {} azioni", prior.len()),
        Some(&json!({ "fields": fields, "actions": prior.len() })),
    )?;
    Ok(BulkOutcome {
        changed: prior.len() as u32,
        prior,
    })
}

fn read_prior(tx: &Transaction, id: i64) -> Result<ActionPrior> {
    let v = action(tx, id)?;
    Ok(ActionPrior {
        id,
        status: v.status,
        owner: v.owner,
        due: v.due,
    })
}

fn apply_owner_due(
    tx: &Transaction,
    id: i64,
    owner: Option<ActionOwner>,
    due: Option<Option<NaiveDate>>,
    now: &str,
) -> Result<()> {
    if let Some(owner) = owner {
        let (kind, person) = owner_columns(owner);
        tx.execute(
            "UPDATE action SET owner_kind = ?2, owner_person_id = ?3, updated_at = ?4
             WHERE id = ?1",
            params![id, kind, person, now],
        )?;
    }
    if let Some(due) = due {
        tx.execute(
            "UPDATE action SET due_date = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, due.map(|d| d.to_string()), now],
        )?;
    }
    Ok(())
}

/// Undoes a bulk change: each action gets back its status (a new dated entry "Annullata la
/// modifica di gruppo"), owner and due date. Actions deleted since are skipped.
pub fn undo_bulk(tx: &Transaction, prior: &[ActionPrior]) -> Result<u32> {
    let now = time::now_utc();
    let mut restored = 0;
    for p in prior {
        let Some(current) = tx
            .query_row("SELECT status FROM action WHERE id = ?1", [p.id], |r| {
                r.get::<_, ActionStatus>(0)
            })
            .optional()?
        else {
            continue;
        };
        if current != p.status {
            write_status(
                tx,
                p.id,
                current,
                p.status,
                "Annullata la modifica di gruppo",
                &now,
            )?;
        }
        apply_owner_due(tx, p.id, Some(p.owner), Some(p.due), &now)?;
        restored += 1;
    }
    audit::record(
        tx,
        AuditAction::Update,
        "action",
        None,
        &format!("Annullata la modifica di gruppo di {restored} azioni"),
        Some(&json!({ "actions": restored })),
    )?;
    Ok(restored)
}

/// Deletes an action with its history and links.
pub fn delete_action(tx: &Transaction, id: i64) -> Result<()> {
    let n = tx.execute("DELETE FROM action WHERE id = ?1", [id])?;
    if n == 0 {
        return Err(Error::NotFound {
            what: Entity::Action,
            key: id.to_string(),
        });
    }
    audit::record(
        tx,
        AuditAction::Delete,
        "action",
        Some(&id.to_string()),
        &format!("Eliminata l'azione {id}"),
        None,
    )?;
    Ok(())
}
