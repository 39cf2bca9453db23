//! Raccordo core: storage, rules and services for the coordination of SAI outreach in Tuscany.
//!
//! Contract: this crate owns every rule; the desktop shell (`src-tauri`) and the CLI (`raccordo`
//! binary) are thin callers. Types that cross IPC derive `serde` and `ts_rs::TS` (bindings in
//! `ui/src/lib/bindings/`, checked by `tests/it/bindings.rs`); errors cross as [`ApiError`].
//! Reads take `&rusqlite::Connection`, writes `&rusqlite::Transaction`, both obtained from a
//! [`Store`] (see docs/ipc-contract.md).
//!
//! # Module map
//!
//! Lower modules first; a module uses only modules listed above it (never one below or beside
//! it on a later line), so the graph of top-level modules has no cycle. `tests/it/architecture.rs`
//! fails when a cycle comes back, and when [`interchange`] uses anything but the neutral
//! modules.
//!
//! | Layer | Modules | Role |
//! |---|---|---|
//! | neutral | [`error`], [`text`], [`time`], [`paths`] | errors, folding, Europe/Rome time, file locations |
//! | formats | [`interchange`] | CSV, XLSX, vCard, iCalendar files; no database, no domain module |
//! | storage | [`db`] | the [`Store`] handle; opening, copying and checking a database file |
//! | log | [`audit`] | the append-only activity log every write records in |
//! | reference | [`territory`], [`settings`] | Tuscany's territory and its seeds; the profile |
//! | policy | [`backup`] | when backups are taken, which are kept, restoring one |
//! | domain | [`contacts`] → [`meetings`] → [`actions`] → [`minutes`] → [`sai`], [`overview`] | the aggregates, each over the previous ones |
//! | schema | [`schema`] | migrations with their seeds, and `Store::open` (pre-migration backup, migrate) |
//! | whole database | [`dump`], [`demo`] | dump and load of every table; synthetic demo data (all generators in `demo/`) |
//! | process | [`startup`], [`app`] | the desktop's start-up sequence; app status |
//!
//! The CLI (`src/cli/`, binary only) sits above all of them: one folder per noun (`contacts/`,
//! `meetings/`, `actions/`, `minutes/`, `sai/`, `transfer/`) plus `commands.rs` (dispatch),
//! `files.rs` (the shared file helpers), `output.rs`, `safety.rs` (init, check, backup),
//! `audit.rs` and `crash.rs`.
//!
//! `Store::open` is declared in [`schema`] on the handle defined in [`db`]: opening knows the
//! migrations and their seeds (territory, organisations) and the backup policy, which all use
//! the handle, so the handle sits low and its opener high.

pub mod actions;
pub mod app;
pub mod audit;
pub mod backup;
pub mod contacts;
pub mod db;
pub mod demo;
pub mod dump;
pub mod error;
pub mod interchange;
pub mod meetings;
pub mod minutes;
pub mod overview;
pub mod paths;
pub mod sai;
pub mod schema;
pub mod settings;
pub mod startup;
pub mod territory;
pub mod text;
pub mod time;

pub use app::{app_info, app_status, AppInfo, AppStatus};
pub use db::{Store, SCHEMA_VERSION};
pub use error::{ApiError, Entity, Error, ErrorKind, FieldError, Result};
pub use settings::{Profile, ProfileInput};
pub use startup::{open_checked, StartupReport};

/// Attribution of the territorial reference data (shown on the About page).
pub const ATTRIBUTION: &str =
    "Dati territoriali: ISTAT (CC BY 4.0); confini comunali: ISTAT/openpolis (CC BY 4.0)";
