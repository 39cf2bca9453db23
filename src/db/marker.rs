//! The clean-shutdown marker `<db file>.running`.
//!
//! Contract:
//! - Every [`crate::Store`] holds a shared OS lock on `<db file>.running` (creating the file) for
//!   as long as it is open. When a store is dropped or closed and no other process holds the
//!   lock, the file is removed: after a clean shutdown there is no marker.
//! - The OS releases the lock of a process that dies (crash, SIGKILL, power loss), so a marker
//!   that exists while nobody holds its lock was left by an unclean shutdown ([`probe`]).
//!   A marker locked by another process means another instance is running now.
//! - The marker is advisory: failing to create or lock it never prevents opening the database
//!   (the store then simply has no marker), and a file system without locks reads as
//!   [`MarkerState::Unknown`], which never triggers a recovery.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// `<db file>.running`, beside the database.
pub fn marker_path(db: &Path) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(".running");
    PathBuf::from(s)
}

/// The shared lock a store holds on its marker.
#[derive(Debug)]
pub(crate) struct RunningMarker {
    file: Option<File>,
    path: PathBuf,
}

impl RunningMarker {
    /// Creates (or joins) the marker of `db` and takes a shared lock on it; never fails.
    pub(crate) fn acquire(db: &Path) -> RunningMarker {
        let path = marker_path(db);
        let mut held = None;
        // The last holder of another process may delete the file between our open and our
        // lock: then lock the file created anew.
        for _ in 0..3 {
            let Ok(file) = OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
            else {
                break;
            };
            if file.lock_shared().is_err() {
                break;
            }
            if path.exists() {
                held = Some(file);
                break;
            }
        }
        RunningMarker { file: held, path }
    }
}

impl Drop for RunningMarker {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let _ = file.unlock();
            // Only the last holder may remove the marker.
            if file.try_lock().is_ok() {
                let _ = fs::remove_file(&self.path);
                let _ = file.unlock();
            }
        }
    }
}

/// What the marker of a database says before opening it.
#[derive(Debug)]
pub(crate) enum MarkerState {
    /// No marker: the last session closed cleanly (or the database is new).
    Absent,
    /// Another process has the database open now.
    Live,
    /// A marker nobody holds: the last session ended without closing. The exclusive lock is
    /// held (keeping other instances from starting) until this value is dropped.
    Stale(#[allow(dead_code)] File),
    /// The marker exists but cannot be locked here (no locks on this file system).
    Unknown,
}

/// Looks at the marker of `db` without creating it.
pub(crate) fn probe(db: &Path) -> MarkerState {
    let path = marker_path(db);
    let file = match OpenOptions::new().write(true).open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return MarkerState::Absent,
        Err(_) => return MarkerState::Unknown,
    };
    match file.try_lock() {
        Ok(()) => MarkerState::Stale(file),
        Err(TryLockError::WouldBlock) => MarkerState::Live,
        Err(TryLockError::Error(_)) => MarkerState::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_lives_with_its_holders() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
        let db = dir.path().join("x.sqlite");
        assert!(matches!(probe(&db), MarkerState::Absent), "no marker yet");
        let a = RunningMarker::acquire(&db);
        let b = RunningMarker::acquire(&db);
        assert!(marker_path(&db).exists(), "marker created on acquire");
        assert!(
            matches!(probe(&db), MarkerState::Live),
            "held markers read as live"
        );
        drop(a);
        assert!(
            marker_path(&db).exists(),
            "marker kept while another holder remains"
        );
        drop(b);
        assert!(!marker_path(&db).exists(), "last holder removes the marker");
    }

    #[test]
    fn an_unheld_marker_is_stale() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
        let db = dir.path().join("x.sqlite");
        fs::write(marker_path(&db), b"").unwrap_or_else(|e| panic!("write marker: {e}"));
        assert!(
            matches!(probe(&db), MarkerState::Stale(_)),
            "a marker nobody holds is left by an unclean shutdown"
        );
    }
}
