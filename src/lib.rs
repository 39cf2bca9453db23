//! Raccordo core: storage, rules and services for the coordination of SAI outreach in Tuscany.
//!
//! Contract: this crate owns every rule; the desktop shell (`src-tauri`) and the CLI (`raccordo`
//! binary) are thin callers. Types that cross IPC derive `serde` and `ts_rs::TS` (bindings in
//! `ui/src/lib/bindings/`, checked by `tests/bindings.rs`); errors cross as [`ApiError`].
//! Reads take `&rusqlite::Connection`, writes `&rusqlite::Transaction`, both obtained from a
//! [`Store`] (see docs/ipc-contract.md).

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
