//! The schema migrator.
//!
//! Contract: migrations are numbered SQL files in `src/schema/migrations/`, embedded in the binary.
//! All pending migrations of one run are applied in ONE transaction together with their Rust
//! hooks (seeding), and `PRAGMA user_version` is set to the last one applied; any failure rolls
//! everything back. A database whose `user_version` is newer than [`SCHEMA_VERSION`] is never
//! touched ([`Error::DatabaseTooNew`]). Taking the pre-migration backup is the opener's job
//! ([`super::open`]), done before [`migrate`] is called.

use std::path::Path;

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::audit::{self, AuditAction};
pub use crate::db::version::{user_version, APPLICATION_ID, SCHEMA_VERSION};
use crate::error::{Error, Result};
use crate::territory::seed;

/// One schema step.
struct Migration {
    version: i64,
    sql: &'static str,
    /// Rust code run in the same transaction right after the SQL (seeding).
    after: Option<fn(&Transaction) -> Result<()>>,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        sql: include_str!("migrations/0001_territory.sql"),
        after: Some(seed::install_territory),
    },
    Migration {
        version: 2,
        sql: include_str!("migrations/0002_profile_audit.sql"),
        after: None,
    },
    Migration {
        version: 3,
        sql: include_str!("migrations/0003_contacts.sql"),
        after: Some(crate::contacts::seed::install_organisations),
    },
    Migration {
        version: 4,
        sql: include_str!("migrations/0004_meetings.sql"),
        after: None,
    },
    Migration {
        version: 5,
        sql: include_str!("migrations/0005_actions.sql"),
        after: None,
    },
    Migration {
        version: 6,
        sql: include_str!("migrations/0006_minutes.sql"),
        after: None,
    },
    Migration {
        version: 7,
        sql: include_str!("migrations/0007_sai.sql"),
        after: None,
    },
    Migration {
        version: 8,
        sql: include_str!("migrations/0008_action_speed.sql"),
        after: None,
    },
];

/// What a migration run did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Migrated {
    pub from: i64,
    pub to: i64,
}

/// Brings the database to [`SCHEMA_VERSION`] in one transaction.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<Migrated> {
    migrate_to(conn, path, SCHEMA_VERSION)
}

/// Brings the database to `target` (≤ [`SCHEMA_VERSION`]). Public only so tests can build
/// databases at an older version; applications call [`migrate`] through `Store::open`.
#[doc(hidden)]
pub fn migrate_to(conn: &mut Connection, path: &Path, target: i64) -> Result<Migrated> {
    if !(0..=SCHEMA_VERSION).contains(&target) {
        return Err(Error::Internal(format!(
            "migration target {target} out of range"
        )));
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Re-read inside the write lock: another process may have migrated meanwhile.
    let from = user_version(&tx)?;
    if from > SCHEMA_VERSION {
        return Err(Error::DatabaseTooNew {
            path: path.to_path_buf(),
            found: from,
            supported: SCHEMA_VERSION,
        });
    }
    if from >= target {
        return Ok(Migrated { from, to: from });
    }
    for m in MIGRATIONS
        .iter()
        .filter(|m| m.version > from && m.version <= target)
    {
        tx.execute_batch(m.sql).map_err(|source| Error::Migration {
            version: m.version,
            source,
        })?;
        if let Some(hook) = m.after {
            hook(&tx)?;
        }
    }
    tx.pragma_update(None, "user_version", target)?;
    if from > 0 && target >= 2 {
        audit::record(
            &tx,
            AuditAction::Migrate,
            "database",
            None,
            &format!("Schema del database aggiornato dalla versione {from} alla {target}"),
            None,
        )?;
    }
    tx.commit()?;
    Ok(Migrated { from, to: target })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_consecutive_and_match_schema_version() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(
                m.version,
                i as i64 + 1,
                "migration versions must be 1, 2, 3, …"
            );
        }
        assert_eq!(
            MIGRATIONS.last().map(|m| m.version),
            Some(SCHEMA_VERSION),
            "SCHEMA_VERSION must be the last migration"
        );
    }

    #[test]
    fn failing_migration_rolls_back_everything() -> Result<()> {
        let mut conn = Connection::open_in_memory()?;
        conn.execute_batch("CREATE TABLE zone (x INTEGER);")?; // clashes with 0001
        let err = migrate(&mut conn, Path::new(":memory:"));
        assert!(
            matches!(err, Err(Error::Migration { version: 1, .. })),
            "a clashing table must fail migration 1: {err:?}"
        );
        assert_eq!(
            user_version(&conn)?,
            0,
            "user_version must stay 0 after rollback"
        );
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE name IN ('region', 'comune')",
            [],
            |r| r.get(0),
        )?;
        assert_eq!(tables, 0, "no table of the failed run may remain");
        Ok(())
    }
}
