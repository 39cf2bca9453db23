//! GDPR: export of everything about a person (art. 15/20) and erasure (art. 17).

use rusqlite::{Connection, OptionalExtension, Transaction};
use serde_json::{json, Value};

use super::person::person;
use super::search;
use crate::audit::{self, AuditAction};
use crate::error::{Error, Result};
use crate::time;

/// Everything that references the person, as JSON: the person with e-mails, phones, tags and
/// GDPR fields, every role with its organisation, and the audit entries about them.
pub fn person_export(conn: &Connection, id: i64) -> Result<Value> {
    let p = person(conn, id)?;
    let audit: Vec<Value> = conn
        .prepare_cached(
            "SELECT at, action, entity, entity_id, summary FROM audit_log
             WHERE (entity = 'person' AND entity_id = ?1)
                OR (entity = 'role' AND json_extract(details, '$.person_id') = ?2)
             ORDER BY id",
        )?
        .query_map(rusqlite::params![id.to_string(), id], |r| {
            Ok(json!({
                "at": r.get::<_, String>(0)?,
                "action": r.get::<_, String>(1)?,
                "entity": r.get::<_, String>(2)?,
                "entity_id": r.get::<_, Option<String>>(3)?,
                "summary": r.get::<_, String>(4)?,
            }))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let person = serde_json::to_value(&p).map_err(|e| Error::Internal(e.to_string()))?;
    Ok(json!({
        "format": "raccordo-person-export/1",
        "exported_at": time::now_utc(),
        "person": person,
        "audit": audit,
    }))
}

/// Erases a person everywhere (row, e-mails, phones, tags, roles, full-text entries with no
/// token left behind) and leaves the tombstone `person_tombstone(id, erased_at)`. The audit
/// entry carries only the id. `PRAGMA secure_delete` is switched on for the connection first, so
/// the freed database pages are overwritten with zeros rather than left readable in the file.
pub fn erase(tx: &Transaction, id: i64) -> Result<()> {
    person(tx, id)?;
    tx.pragma_update(None, "secure_delete", true)?;
    search::remove_person(tx, id)?;
    tx.execute("DELETE FROM person WHERE id = ?1", [id])?;
    let now = time::now_utc();
    tx.execute(
        "INSERT OR REPLACE INTO person_tombstone (id, erased_at) VALUES (?1, ?2)",
        rusqlite::params![id, now],
    )?;
    audit::record(
        tx,
        AuditAction::Delete,
        "person",
        Some(&id.to_string()),
        &format!("Persona {id} cancellata su richiesta (diritto all'oblio)"),
        None,
    )?;
    Ok(())
}

/// When the person with this id was erased (`None` if never).
pub fn is_erased(conn: &Connection, id: i64) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT erased_at FROM person_tombstone WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}
