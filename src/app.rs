//! Types the desktop shell builds about the application itself (defined here so they are
//! generated into the TypeScript bindings with everything else).
//!
//! Contract: [`app_status`] never fails (an open error, or a failure to read the profile, is
//! carried in `error` with `ready = false`); `first_run` is true while the profile is not
//! configured. [`app_info`] reports the version, the database path, the folder holding it (where
//! files kept beside the database live), [`crate::ATTRIBUTION`] and the schema version.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::version::user_version;
use crate::db::Store;
use crate::error::{ApiError, Result};
use crate::settings;

/// Whether the database could be opened at start-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppStatus {
    pub ready: bool,
    pub db_path: String,
    pub error: Option<ApiError>,
    /// True until the first-run profile has been saved.
    pub first_run: bool,
    /// What the start-up check did that the user must know (Italian, one sentence each): a
    /// damaged database replaced by a backup, a backup that could not be taken. Empty normally.
    pub notices: Vec<String>,
}

/// About the application (the "Informazioni" page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    pub data_dir: String,
    pub attribution: String,
    #[ts(type = "number")]
    pub schema_version: i64,
}

/// Version of the core crate (the application version).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The start-up status from the outcome of opening the database at `db_path`.
pub fn app_status(
    db_path: &Path,
    store: Option<&Store>,
    open_error: Option<&ApiError>,
    startup: Option<&crate::startup::StartupReport>,
) -> AppStatus {
    let db_path_text = db_path.display().to_string();
    let notices: Vec<String> = startup.map(|r| r.messages.clone()).unwrap_or_default();
    match store {
        Some(store) => match store.read(settings::profile) {
            Ok(profile) => AppStatus {
                ready: true,
                db_path: db_path_text,
                error: None,
                first_run: !profile.configured,
                notices,
            },
            Err(e) => AppStatus {
                ready: false,
                db_path: db_path_text,
                error: Some(ApiError::from(e)),
                first_run: false,
                notices,
            },
        },
        None => AppStatus {
            ready: false,
            db_path: db_path_text,
            error: open_error.cloned(),
            first_run: false,
            notices,
        },
    }
}

/// About the application and its database.
pub fn app_info(store: &Store) -> Result<AppInfo> {
    let schema_version = store.read(user_version)?;
    let data_dir = store
        .path()
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    Ok(AppInfo {
        version: VERSION.to_owned(),
        db_path: store.path().display().to_string(),
        data_dir,
        attribution: crate::ATTRIBUTION.to_owned(),
        schema_version,
    })
}
