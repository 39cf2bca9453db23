//! Start-up safety: open the database the way the desktop app does at start.
//!
//! Contract of [`open_checked`] (the Zotero model):
//! 0. A restore asked for in the app ([`crate::backup::request`], `<db>.restore-request`) is
//!    applied first, before anything opens the database, unless another running instance holds
//!    it; the outcome (restored, with where the previous database was kept, or not done and why)
//!    is the first of the `messages`.
//! 1. If the clean-shutdown marker `<db>.running` was left behind (the previous session was
//!    killed, crashed or lost power; see [`crate::db::marker`]) the database is checked with
//!    `PRAGMA quick_check` before anything writes to it. A marker held by a running instance is
//!    not an unclean shutdown.
//! 2. If the check finds damage (SQLite's verdict, or a missing header, or an empty file while
//!    backups exist), the newest backup of the backups folder that passes `integrity_check` (and
//!    is a Raccordo database this build can read) replaces it: the damaged file, with its
//!    `-wal`/`-shm`, is kept beside it as `<stem>.damaged-<timestamp>.sqlite`. The report says
//!    where, which backup was restored, of when, and that later changes may be missing.
//!    If no backup passes, [`Error::DatabaseCorrupt`] is returned and the damaged file is left
//!    exactly as it was. An I/O error while checking is returned as such and never treated as
//!    damage (nothing is moved).
//! 3. A database that is damaged although the last session closed cleanly is NOT replaced
//!    automatically: [`Store::open`] refuses it untouched and the user chooses a backup.
//! 4. The database is then opened with [`Store::open`] (pragmas, migrations with their
//!    pre-migration backup) and, when [`StartupOptions::daily_backup`] is set, the daily backup
//!    is taken if none exists for today (Europe/Rome) and the backups folder is rotated. A failed
//!    daily backup does not stop the start: it is reported in `warnings`.

use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::backup::auto::{self, created_it, BackupEntry};
use crate::backup::{request, PendingOutcome};
use crate::db::copy::{replace_with, verified_source};
use crate::db::marker::{self, MarkerState};
use crate::db::open::inspect;
use crate::db::Store;
use crate::error::{ApiError, Error, Result};

/// What [`open_checked`] did, for the start-up notice of the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StartupReport {
    pub db_path: String,
    /// The previous session ended without closing the database.
    pub unclean_shutdown: bool,
    /// First row of `quick_check` after an unclean shutdown ("ok" when healthy); `null` when the
    /// check was not needed.
    pub quick_check: Option<String>,
    /// The damaged database was replaced by a backup.
    pub recovery: Option<Recovery>,
    /// The daily backup taken now, if it was due.
    pub daily_backup: Option<BackupEntry>,
    /// Problems that did not stop the start (Italian, one sentence each).
    pub warnings: Vec<String>,
    /// What the user should be told (Italian); empty after a normal start.
    pub messages: Vec<String>,
}

/// How a damaged database was replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Recovery {
    /// Where the damaged file was kept.
    pub damaged_path: String,
    /// What the check found.
    pub problem: String,
    /// The backup now in use.
    pub restored_from: BackupEntry,
    /// The Italian explanation (also in [`StartupReport::messages`]).
    pub message: String,
}

/// Options of [`open_checked_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StartupOptions {
    /// Take the daily backup (and rotate) when due.
    pub daily_backup: bool,
}

impl Default for StartupOptions {
    fn default() -> Self {
        StartupOptions { daily_backup: true }
    }
}

/// Opens the database at `path` as the desktop app does at start (see the module contract).
pub fn open_checked(path: &Path) -> Result<(Store, StartupReport)> {
    open_checked_with(path, StartupOptions::default())
}

/// [`open_checked`] with explicit options.
pub fn open_checked_with(path: &Path, options: StartupOptions) -> Result<(Store, StartupReport)> {
    let mut report = StartupReport {
        db_path: path.display().to_string(),
        unclean_shutdown: false,
        quick_check: None,
        recovery: None,
        daily_backup: None,
        warnings: Vec::new(),
        messages: Vec::new(),
    };
    let state = marker::probe(path);
    if !matches!(state, MarkerState::Live) {
        if let Some(outcome) = request::apply_pending_restore(path) {
            match outcome {
                PendingOutcome::Restored(message) => report.messages.push(message),
                PendingOutcome::Failed(message) => report.warnings.push(message),
            }
        }
    }
    if matches!(state, MarkerState::Stale(_)) {
        report.unclean_shutdown = true;
        match health(path)? {
            Health::Healthy => {
                report.quick_check = Some("ok".to_owned());
                report.messages.push(
                    "Raccordo non era stato chiuso correttamente: il controllo del database non \
                     ha trovato problemi."
                        .to_owned(),
                );
            }
            Health::Missing => {}
            Health::Damaged(problem) => {
                report.quick_check = Some(problem.clone());
                let recovery = recover(path, &problem)?;
                report.messages.push(recovery.message.clone());
                report.recovery = Some(recovery);
            }
        }
    }
    // Release the exclusive lock on a stale marker before the store takes its shared one.
    drop(state);
    let store = Store::open(path)?;
    if options.daily_backup {
        match auto::daily_backup_if_due(&store) {
            Ok(taken) => report.daily_backup = taken,
            Err(e) => report.warnings.push(format!(
                "Backup giornaliero non riuscito: {}",
                ApiError::from(e).message
            )),
        }
    }
    report.messages.extend(report.warnings.iter().cloned());
    Ok((store, report))
}

/// Verdict of the start-up check.
enum Health {
    Healthy,
    Missing,
    Damaged(String),
}

/// `quick_check` and the other read-only checks of [`inspect`]; only damage is a verdict, an
/// I/O error is returned.
fn health(path: &Path) -> Result<Health> {
    let len = match fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Health::Missing),
        Err(e) => return Err(Error::io("lettura del database", path)(e)),
    };
    if len == 0 {
        // A file emptied by the crash: damage if there is something to restore.
        return Ok(if auto::list(path)?.is_empty() {
            Health::Missing
        } else {
            Health::Damaged("il file è vuoto".to_owned())
        });
    }
    match inspect(path) {
        Ok(_) => Ok(Health::Healthy),
        Err(Error::DatabaseCorrupt { reason, .. }) => Ok(Health::Damaged(reason)),
        // Foreign or too new: not damage; `Store::open` reports it.
        Err(Error::ForeignDatabase { .. } | Error::DatabaseTooNew { .. }) => Ok(Health::Healthy),
        Err(e) => Err(e),
    }
}

/// Replaces the damaged database with the newest backup that passes `integrity_check`.
fn recover(path: &Path, problem: &str) -> Result<Recovery> {
    let mut chosen = None;
    for candidate in auto::list(path)? {
        if let Ok(conn) = verified_source(Path::new(&candidate.entry.path)) {
            chosen = Some((candidate.entry, conn));
            break;
        }
    }
    let Some((backup, source)) = chosen else {
        return Err(Error::DatabaseCorrupt {
            path: path.to_path_buf(),
            reason: format!(
                "{problem}; nessun backup integro nella cartella {}",
                auto::backups_dir(path).display()
            ),
        });
    };
    let aside = replace_with(path, &source, "damaged")?;
    drop(source);
    let damaged_path = aside.map(|p| p.display().to_string()).unwrap_or_default();
    let when = created_it(&backup);
    let message = format!(
        "Raccordo non era stato chiuso correttamente e il database era danneggiato ({problem}). \
         Il file danneggiato è stato conservato in {damaged_path}. È stato ripristinato il \
         backup {} ({}) del {when}: le modifiche fatte dopo il {when} potrebbero mancare, \
         controlla gli ultimi dati inseriti.",
        backup.file_name,
        backup.reason.label_it()
    );
    Ok(Recovery {
        damaged_path,
        problem: problem.to_owned(),
        restored_from: backup,
        message,
    })
}
