//! Possible duplicates and the merge of people.

use rusqlite::{params, Connection, Transaction};
use serde_json::json;

use super::person::{not_found, person, summaries};
use super::types::{DuplicateGroup, DuplicateReason, PersonView};
use super::{name_key, search, sort_key};
use crate::audit::{self, AuditAction};
use crate::error::{Error, Result};
use crate::time;

/// Groups of people sharing an e-mail (ignoring case), a phone (normalised) or a name (folded,
/// possibly given/family swapped); by reason, then key. A person may appear in several groups.
pub fn duplicates(conn: &Connection) -> Result<Vec<DuplicateGroup>> {
    let queries = [
        (
            DuplicateReason::Email,
            "SELECT email_lower, group_concat(DISTINCT person_id) FROM person_email
             GROUP BY email_lower HAVING count(DISTINCT person_id) > 1 ORDER BY email_lower",
        ),
        (
            DuplicateReason::Phone,
            "SELECT phone_norm, group_concat(DISTINCT person_id) FROM person_phone
             GROUP BY phone_norm HAVING count(DISTINCT person_id) > 1 ORDER BY phone_norm",
        ),
        (
            DuplicateReason::Name,
            "SELECT name_key, group_concat(id) FROM person WHERE name_key <> ''
             GROUP BY name_key HAVING count(*) > 1 ORDER BY name_key",
        ),
    ];
    let mut found: Vec<(DuplicateReason, String, Vec<i64>)> = Vec::new();
    for (reason, sql) in queries {
        let rows: Vec<(String, String)> = conn
            .prepare_cached(sql)?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (key, ids) in rows {
            let mut ids: Vec<i64> = ids.split(',').filter_map(|s| s.parse().ok()).collect();
            ids.sort_unstable();
            let key = match reason {
                DuplicateReason::Name => key.replace('|', " "),
                _ => key,
            };
            found.push((reason, key, ids));
        }
    }
    let mut all: Vec<i64> = found
        .iter()
        .flat_map(|(_, _, ids)| ids.iter().copied())
        .collect();
    all.sort_unstable();
    all.dedup();
    let people = summaries(conn, &all, time::today_rome())?;
    let groups = found
        .into_iter()
        .map(|(reason, key, ids)| DuplicateGroup {
            reason,
            key,
            people: ids
                .iter()
                .filter_map(|id| people.get(id).cloned())
                .collect(),
        })
        .collect();
    Ok(groups)
}

/// Merges `remove_ids` into `keep_id`: every role, e-mail, phone and tag moves to the kept
/// person; notes are concatenated; empty names and honorific are filled from the others; GDPR
/// fields keep the stricter value (restricted if any is, the earliest retention date, the
/// first legal basis found, data sources joined); the others are deleted. Returns the kept
/// person.
pub fn merge(tx: &Transaction, keep_id: i64, remove_ids: &[i64]) -> Result<PersonView> {
    let mut keep = person(tx, keep_id)?;
    let mut removed = Vec::new();
    for &id in remove_ids {
        if id == keep_id {
            return Err(Error::invalid(
                "remove_ids",
                format!(
                    "La persona {id} è quella da tenere: non può essere anche tra quelle da unire."
                ),
            ));
        }
        if removed.iter().any(|p: &PersonView| p.id == id) {
            continue;
        }
        removed.push(person(tx, id).map_err(|_| not_found(id))?);
    }
    if removed.is_empty() {
        return Err(Error::invalid(
            "remove_ids",
            "Indica almeno una persona da unire a quella da tenere.",
        ));
    }
    let mut notes = vec![keep.notes.clone()];
    let mut sources: Vec<String> = keep.data_source.iter().cloned().collect();
    for other in &removed {
        let id = other.id;
        tx.execute(
            "UPDATE role SET person_id = ?1, updated_at = ?3 WHERE person_id = ?2",
            params![keep_id, id, time::now_utc()],
        )?;
        // Invitations follow the person; where both were invited to one meeting, the kept
        // person's invitation stays and the other goes.
        tx.execute(
            "UPDATE OR IGNORE meeting_invitation SET person_id = ?1 WHERE person_id = ?2",
            params![keep_id, id],
        )?;
        tx.execute(
            "DELETE FROM meeting_invitation WHERE person_id = ?1",
            params![id],
        )?;
        tx.execute(
            "UPDATE meeting_invitation SET delegate_person_id = ?1 WHERE delegate_person_id = ?2",
            params![keep_id, id],
        )?;
        // Actions follow the person too: owned ones and the people linked to an action.
        tx.execute(
            "UPDATE action SET owner_person_id = ?1 WHERE owner_person_id = ?2",
            params![keep_id, id],
        )?;
        tx.execute(
            "UPDATE OR IGNORE action_person SET person_id = ?1 WHERE person_id = ?2",
            params![keep_id, id],
        )?;
        tx.execute(
            "DELETE FROM action_person WHERE person_id = ?1",
            params![id],
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO person_email (person_id, email, email_lower, label, is_primary)
             SELECT ?1, email, email_lower, label, 0 FROM person_email WHERE person_id = ?2",
            params![keep_id, id],
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO person_phone (person_id, phone, phone_norm, label, is_primary)
             SELECT ?1, phone, phone_norm, label, 0 FROM person_phone WHERE person_id = ?2",
            params![keep_id, id],
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO person_tag (person_id, tag)
             SELECT ?1, tag FROM person_tag WHERE person_id = ?2",
            params![keep_id, id],
        )?;
        notes.push(other.notes.clone());
        if keep.given_name.is_empty() {
            keep.given_name = other.given_name.clone();
        }
        if keep.family_name.is_empty() {
            keep.family_name = other.family_name.clone();
        }
        if keep.honorific.is_none() {
            keep.honorific = other.honorific.clone();
        }
        keep.restricted |= other.restricted;
        keep.retention_until = match (keep.retention_until, other.retention_until) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        keep.legal_basis = keep.legal_basis.or(other.legal_basis);
        if let Some(s) = &other.data_source {
            if !sources.contains(s) {
                sources.push(s.clone());
            }
        }
        search::remove_person(tx, id)?;
        tx.execute("DELETE FROM person WHERE id = ?1", [id])?;
    }
    // A kept person without a primary gets the first one moved in.
    for table in ["person_email", "person_phone"] {
        tx.execute(
            &format!(
                "UPDATE {table} SET is_primary = 1 WHERE id = (SELECT min(id) FROM {table}
                     WHERE person_id = ?1) AND NOT EXISTS (SELECT 1 FROM {table}
                     WHERE person_id = ?1 AND is_primary = 1)"
            ),
            [keep_id],
        )?;
    }
    let notes: Vec<&str> = notes
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .collect();
    tx.execute(
        "UPDATE person SET given_name = ?1, family_name = ?2, honorific = ?3, notes = ?4,
             legal_basis = ?5, data_source = ?6, retention_until = ?7, restricted = ?8,
             sort_key = ?9, name_key = ?10, updated_at = ?11 WHERE id = ?12",
        params![
            keep.given_name,
            keep.family_name,
            keep.honorific,
            notes.join("\n\n"),
            keep.legal_basis,
            (!sources.is_empty()).then(|| sources.join("; ")),
            keep.retention_until.map(crate::territory::iso),
            keep.restricted,
            sort_key(&keep.given_name, &keep.family_name),
            name_key(&keep.given_name, &keep.family_name),
            time::now_utc(),
            keep_id
        ],
    )?;
    search::refresh_person(tx, keep_id)?;
    let ids: Vec<i64> = removed.iter().map(|p| p.id).collect();
    audit::record(
        tx,
        AuditAction::Update,
        "person",
        Some(&keep_id.to_string()),
        &format!(
            "Unite alla persona {keep_id} le persone {}",
            ids.iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Some(&json!({ "kept": keep_id, "removed": ids })),
    )?;
    person(tx, keep_id)
}
