//! Reading the audit log with filters and paging.
//!
//! Contract of [`query`]: entries matching every set field of the [`AuditFilter`], newest first
//! (by id, which is insertion order), `limit` of them from `offset`, with the total that match.
//! `from`/`to` are inclusive calendar days in Europe/Rome (the stored instants are UTC; a day
//! is converted to its UTC bounds, so an entry at 00:30 Rome time on 02/03 belongs to 02/03).
//! `text` is a case-insensitive substring of the summary, the entity or the record id (LIKE
//! wildcards in it are taken literally). A `from` after `to` is a validation error. `limit` is
//! capped at [`MAX_LIMIT`].

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Rome;
use rusqlite::types::Value;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{entry_row, AuditAction, AuditEntry};
use crate::error::{Error, Result};

/// The most entries one page may hold.
pub const MAX_LIMIT: u32 = 1000;

/// Filter of the audit log; empty = everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditFilter {
    /// Stored entity name (`person`, `organisation`, `role`, `zone`, …).
    pub entity: Option<String>,
    pub action: Option<AuditAction>,
    /// First day included (Europe/Rome).
    pub from: Option<NaiveDate>,
    /// Last day included (Europe/Rome).
    pub to: Option<NaiveDate>,
    /// Words to find in the summary, entity or record id.
    pub text: Option<String>,
}

/// A window of the audit log and how many entries match in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditPage {
    #[ts(type = "number")]
    pub total: i64,
    pub offset: u32,
    pub entries: Vec<AuditEntry>,
}

/// The UTC instant (stored format) at which `day` starts in Europe/Rome.
fn day_start_utc(day: NaiveDate) -> String {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    let instant = Rome
        .from_local_datetime(&midnight)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&midnight));
    instant.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// `WHERE` clause and parameters of `filter`.
fn where_clause(filter: &AuditFilter) -> Result<(String, Vec<Value>)> {
    if let (Some(from), Some(to)) = (filter.from, filter.to) {
        if from > to {
            return Err(Error::invalid(
                "from",
                "La data iniziale è successiva a quella finale: correggi l'intervallo.",
            ));
        }
    }
    let mut conds: Vec<&str> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    if let Some(entity) = filter
        .entity
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        conds.push("entity = ?");
        values.push(Value::Text(entity.to_owned()));
    }
    if let Some(action) = filter.action {
        conds.push("action = ?");
        values.push(Value::Text(action.as_str().to_owned()));
    }
    if let Some(from) = filter.from {
        conds.push("at >= ?");
        values.push(Value::Text(day_start_utc(from)));
    }
    if let Some(to) = filter.to {
        conds.push("at < ?");
        values.push(Value::Text(day_start_utc(to + Duration::days(1))));
    }
    if let Some(text) = filter
        .text
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let escaped = text
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        conds.push(
            "(summary LIKE ? ESCAPE '\\' OR entity LIKE ? ESCAPE '\\' \
             OR coalesce(entity_id, '') LIKE ? ESCAPE '\\')",
        );
        let pattern = Value::Text(format!("%{escaped}%"));
        values.extend([pattern.clone(), pattern.clone(), pattern]);
    }
    let sql = if conds.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conds.join(" AND "))
    };
    Ok((sql, values))
}

/// A page of the audit log (see module contract).
pub fn query(
    conn: &Connection,
    filter: &AuditFilter,
    offset: u32,
    limit: u32,
) -> Result<AuditPage> {
    let (clause, mut values) = where_clause(filter)?;
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM audit_log{clause}"),
        rusqlite::params_from_iter(values.iter()),
        |r| r.get(0),
    )?;
    values.push(Value::Integer(i64::from(limit.min(MAX_LIMIT))));
    values.push(Value::Integer(i64::from(offset)));
    let mut stmt = conn.prepare(&format!(
        "SELECT id, at, action, entity, entity_id, summary, details FROM audit_log{clause}
         ORDER BY id DESC LIMIT ? OFFSET ?"
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(values.iter()), entry_row)?;
    Ok(AuditPage {
        total,
        offset,
        entries: rows.collect::<rusqlite::Result<_>>()?,
    })
}

/// Every entry matching `filter`, newest first (for exports).
pub fn all(conn: &Connection, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
    let (clause, values) = where_clause(filter)?;
    let mut stmt = conn.prepare(&format!(
        "SELECT id, at, action, entity, entity_id, summary, details FROM audit_log{clause}
         ORDER BY id DESC"
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(values.iter()), entry_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The entity names present in the log, sorted (for the entity filter).
pub fn entities(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT DISTINCT entity FROM audit_log ORDER BY entity")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rome_day_bounds_follow_daylight_saving() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap_or_default();
        assert_eq!(
            day_start_utc(d(1, 15)),
            "2026-01-14T23:00:00Z",
            "winter: UTC+1"
        );
        assert_eq!(
            day_start_utc(d(7, 15)),
            "2026-07-14T22:00:00Z",
            "summer: UTC+2"
        );
    }
}
