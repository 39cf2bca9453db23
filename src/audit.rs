//! The append-only audit log.
//!
//! Contract: services record every create, update, delete, import and export with [`record`], in
//! the same transaction as the change (so the record exists exactly when the change does). The
//! table rejects UPDATE and DELETE by trigger (migration 0002). [`recent`] reads it back.

use rusqlite::{params, Connection, Transaction};
use serde::Serialize;

use crate::error::Result;
use crate::time;

/// What kind of change an audit entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    Create,
    Update,
    Delete,
    Import,
    Export,
    Migrate,
}

impl AuditAction {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::Create => "create",
            AuditAction::Update => "update",
            AuditAction::Delete => "delete",
            AuditAction::Import => "import",
            AuditAction::Export => "export",
            AuditAction::Migrate => "migrate",
        }
    }
}

/// One entry of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub summary: String,
    pub details: Option<String>,
}

/// Appends an entry; `details` is optional JSON.
pub fn record(
    tx: &Transaction,
    action: AuditAction,
    entity: &str,
    entity_id: Option<&str>,
    summary: &str,
    details: Option<&serde_json::Value>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO audit_log (at, action, entity, entity_id, summary, details)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            time::now_utc(),
            action.as_str(),
            entity,
            entity_id,
            summary,
            details.map(|d| d.to_string()),
        ],
    )?;
    Ok(())
}

/// The newest `limit` entries, newest first.
pub fn recent(conn: &Connection, limit: u32) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, action, entity, entity_id, summary, details
         FROM audit_log ORDER BY id DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| {
        Ok(AuditEntry {
            id: r.get(0)?,
            at: r.get(1)?,
            action: r.get(2)?,
            entity: r.get(3)?,
            entity_id: r.get(4)?,
            summary: r.get(5)?,
            details: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
