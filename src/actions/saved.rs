//! Saved filters of the action lists: a name and the query string of the list's URL (the UI
//! parses it; the core only keeps it, bounded and free of control characters).

use rusqlite::{params, Connection, Transaction};

use super::types::SavedFilter;
use crate::audit::{self, AuditAction};
use crate::contacts::{Issues, NAME_MAX};
use crate::error::{Entity, Error, Result};
use crate::time;

const QUERY_MAX: usize = 2_000;

/// The saved filters of the action lists, by name.
pub fn saved_filters(conn: &Connection) -> Result<Vec<SavedFilter>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, query FROM saved_filter WHERE area = 'actions' ORDER BY name",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(SavedFilter {
            id: r.get(0)?,
            name: r.get(1)?,
            query: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Saves (or replaces, by name) a filter of the action lists.
pub fn save_filter(tx: &Transaction, name: &str, query: &str) -> Result<SavedFilter> {
    let mut issues = Issues::default();
    let name = issues.line("name", "Il nome del filtro", name, NAME_MAX);
    if name.is_empty() {
        issues.push(
            "name",
            "Dai un nome al filtro, ad esempio «Le mie azioni in ritardo».",
        );
    }
    let query = issues.line("query", "Il filtro", query, QUERY_MAX);
    issues.finish()?;
    tx.execute(
        "INSERT INTO saved_filter (area, name, query, created_at) VALUES ('actions', ?1, ?2, ?3)
         ON CONFLICT (area, name) DO UPDATE SET query = excluded.query",
        params![name, query, time::now_utc()],
    )?;
    let id: i64 = tx.query_row(
        "SELECT id FROM saved_filter WHERE area = 'actions' AND name = ?1",
        [&name],
        |r| r.get(0),
    )?;
    audit::record(
        tx,
        AuditAction::Update,
        "saved_filter",
        Some(&id.to_string()),
        &format!("Salvato il filtro «{name}»"),
        None,
    )?;
    Ok(SavedFilter { id, name, query })
}

/// Deletes a saved filter.
pub fn delete_filter(tx: &Transaction, id: i64) -> Result<()> {
    if tx.execute("DELETE FROM saved_filter WHERE id = ?1", [id])? == 0 {
        return Err(Error::NotFound {
            what: Entity::SavedFilter,
            key: id.to_string(),
        });
    }
    audit::record(
        tx,
        AuditAction::Delete,
        "saved_filter",
        Some(&id.to_string()),
        "Eliminato un filtro salvato",
        None,
    )?;
    Ok(())
}
