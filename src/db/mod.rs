//! Local storage: the database file and the [`Store`] that owns its SQLite connection.
//!
//! Contract: `db` opens a database file ([`open::open_file`]: inspection, pragmas), copies and
//! checks one ([`copy`]) and holds the handle; it depends on nothing but [`crate::error`] and
//! [`crate::time`], so every module that reads or writes can sit above it. [`Store::open`] is the
//! only way the app and the CLI get a database: it is defined in [`crate::schema`], which adds
//! the pre-migration backup, the migrations and the seeding (they know the domain modules).
//! Reads go through [`Store::read`] with a `&Connection`; writes through [`Store::write`] with a
//! `&Transaction` that is committed before `write` returns `Ok` and rolled back when the closure
//! returns `Err`. A `Store` is `Send + Sync` (one connection behind a mutex), so the desktop can
//! keep it in its state. When automatic backups are taken and which are kept is the policy of
//! [`crate::backup`].
//!
//! While open, a store holds the clean-shutdown marker `<db file>.running` ([`marker`]); dropping
//! the store (or [`Store::close`]) closes the connection first and then removes the marker, so a
//! marker left behind means the process ended without closing (see [`crate::startup`]).

pub mod copy;
pub mod marker;
pub mod open;
pub mod version;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::error::{Error, Result};
use marker::RunningMarker;
pub use open::OpenReport;
pub use version::SCHEMA_VERSION;

/// The open database.
#[derive(Debug)]
pub struct Store {
    // Field order matters: the connection is closed before the marker is released.
    conn: Mutex<Connection>,
    marker: Mutex<Option<RunningMarker>>,
    path: PathBuf,
    report: OpenReport,
}

impl Store {
    /// Wraps a connection that [`crate::schema`] has just opened (checked, migrated, seeded)
    /// and takes the clean-shutdown marker of its file.
    pub(crate) fn from_open(conn: Connection, path: PathBuf, report: OpenReport) -> Store {
        let marker = RunningMarker::acquire(&path);
        Store {
            conn: Mutex::new(conn),
            marker: Mutex::new(Some(marker)),
            path,
            report,
        }
    }

    /// Closes the database, reporting a failure to close (dropping the store closes it too,
    /// silently). The clean-shutdown marker is released after the connection is closed.
    pub fn close(self) -> Result<()> {
        let Store { conn, marker, .. } = self;
        let conn = conn
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let closed = conn.close().map_err(|(_, e)| Error::Sqlite(e));
        drop(marker);
        closed
    }

    /// Ends the session cleanly without giving up the store, for a process that is about to exit
    /// without dropping it (the desktop's event loop ends with `exit`): waits for the current
    /// operation, checkpoints the write-ahead log into the database file and releases the
    /// clean-shutdown marker. Every commit was already durable (`synchronous=FULL`); this only
    /// tells the next start that no check is needed. Later writes still work but leave no marker.
    pub fn shutdown(&self) -> Result<()> {
        let conn = self.lock();
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        drop(
            self.marker
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .take(),
        );
        drop(conn);
        Ok(())
    }

    /// Path of the database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What opening did (created, migrated, backup path).
    pub fn open_report(&self) -> &OpenReport {
        &self.report
    }

    /// Runs `f` with the connection (for reads).
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = self.lock();
        f(&conn)
    }

    /// Runs `f` in an IMMEDIATE transaction, committed before returning `Ok`; on `Err` nothing is
    /// written.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Runs `f` in an IMMEDIATE transaction that is committed only when `f` returns
    /// `Ok((value, true))`; `Ok((value, false))` rolls it back and still returns the value (a dry
    /// run, or an import whose report rejects rows), so the database file is not written at all.
    pub fn write_or_rollback<T>(
        &self,
        f: impl FnOnce(&Transaction) -> Result<(T, bool)>,
    ) -> Result<T> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (value, commit) = f(&tx)?;
        if commit {
            tx.commit()?;
        } else {
            tx.rollback()?;
        }
        Ok(value)
    }

    /// The connection, recovering it if a previous holder panicked: the connection stays valid
    /// (an unfinished transaction was rolled back when it was dropped).
    fn lock(&self) -> MutexGuard<'_, Connection> {
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
