//! The append-only audit log.
//!
//! Contract: services record every create, update, delete, import and export with [`record`], in
//! the same transaction as the change (so the record exists exactly when the change does). The
//! table rejects UPDATE and DELETE by trigger (migration 0002). [`recent`] reads it back;
//! [`query`] filters and pages it for the "Registro attività" screen and `audit list`;
//! [`export`] writes it to CSV, XLSX or JSON (and records that export in the log itself).
//!
//! Privacy contract: an entry about a person carries only the person's id and, for an update,
//! the names of the fields that changed — never names, e-mails, phones or notes — so a GDPR
//! erasure leaves no personal data behind in this append-only table.

pub mod export;
pub mod query;

use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::time;

pub use export::{export_and_record, AuditExportKind, AuditExportOutcome, AUDIT_HEADERS};
pub use query::{entities, query, AuditFilter, AuditPage};

/// What kind of change an audit entry records (wire and stored name in snake_case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Create,
    Update,
    Delete,
    Import,
    Export,
    Migrate,
}

impl AuditAction {
    /// Every action, in display order.
    pub const ALL: [AuditAction; 6] = [
        AuditAction::Create,
        AuditAction::Update,
        AuditAction::Delete,
        AuditAction::Import,
        AuditAction::Export,
        AuditAction::Migrate,
    ];

    /// Italian label (exports and the CLI table).
    pub fn label_it(self) -> &'static str {
        match self {
            AuditAction::Create => "creazione",
            AuditAction::Update => "modifica",
            AuditAction::Delete => "eliminazione",
            AuditAction::Import => "importazione",
            AuditAction::Export => "esportazione",
            AuditAction::Migrate => "aggiornamento del database",
        }
    }

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

impl std::str::FromStr for AuditAction {
    type Err = crate::error::Error;
    fn from_str(s: &str) -> Result<Self> {
        let s = s.trim();
        AuditAction::ALL
            .into_iter()
            .find(|a| a.as_str() == s)
            .ok_or_else(|| {
                let all: Vec<&str> = AuditAction::ALL.iter().map(|a| a.as_str()).collect();
                crate::error::Error::invalid(
                    "action",
                    format!("Azione «{s}» sconosciuta: usa una tra {}.", all.join(", ")),
                )
            })
    }
}

/// One entry of the audit log. `at` is UTC RFC 3339; `action` is an [`AuditAction`] name
/// (kept as text so an entry written by a newer version still reads).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditEntry {
    #[ts(type = "number")]
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
    let rows = stmt.query_map([limit], entry_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Reads the columns `id, at, action, entity, entity_id, summary, details` in this order.
pub(crate) fn entry_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        id: r.get(0)?,
        at: r.get(1)?,
        action: r.get(2)?,
        entity: r.get(3)?,
        entity_id: r.get(4)?,
        summary: r.get(5)?,
        details: r.get(6)?,
    })
}

/// Italian label of a stored entity name (the name itself when unknown).
pub fn entity_label_it(entity: &str) -> &str {
    match entity {
        "person" => "persona",
        "organisation" => "organizzazione",
        "role" => "incarico",
        "zone" => "zona-distretto",
        "comune_zone" => "appartenenza di un comune a una zona",
        "unione_member" => "comune di un'Unione",
        "sds_zone" => "zona di una SdS",
        "profile" => "profilo",
        "database" => "database",
        "demo" => "dati dimostrativi",
        "audit_log" => "registro attività",
        other => other,
    }
}
