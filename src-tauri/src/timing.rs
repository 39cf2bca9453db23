//! Start-up timing probe for `scripts/measure-startup.sh`.
//!
//! When `RACCORDO_TIMING=1`, the first IPC call prints one line to stderr:
//! `raccordo-timing first_ipc_unix_ms=<wall clock ms> since_main_ms=<ms> store_open_ms=<ms>`.
//! The script compares the wall-clock value with the moment it spawned the process;
//! `store_open_ms` is how much of it opening (checking, migrating) the database took.
//! Nothing is printed otherwise.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

static STARTED: OnceLock<Instant> = OnceLock::new();
static REPORTED: AtomicBool = AtomicBool::new(false);
static STORE_OPEN_MS: OnceLock<u128> = OnceLock::new();

/// Records the moment `main` started.
pub fn mark_process_start() {
    let _ = STARTED.set(Instant::now());
}

/// Records how long opening the database took.
pub fn store_opened(took: std::time::Duration) {
    let _ = STORE_OPEN_MS.set(took.as_millis());
}

/// Called by the first command the page makes; prints once when timing is enabled.
pub fn first_ipc() {
    if REPORTED.swap(true, Ordering::SeqCst) || std::env::var_os("RACCORDO_TIMING").is_none() {
        return;
    }
    let wall_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    let since_main = STARTED.get().map(|s| s.elapsed().as_millis()).unwrap_or(0);
    let store_ms = STORE_OPEN_MS.get().copied().unwrap_or(0);
    eprintln!(
        "raccordo-timing first_ipc_unix_ms={wall_ms} since_main_ms={since_main} store_open_ms={store_ms}"
    );
}
