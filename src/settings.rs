//! The coordinator's profile (name and organisation, used later in minutes).
//!
//! Contract: [`profile`] never fails on a fresh database (empty fields, `configured = false`);
//! [`save_profile`] trims both fields, requires them non-empty and at most 200 characters without
//! control characters (else [`Error::Validation`] with one detail per bad field), stores them,
//! records the change in the audit log and returns the stored profile (`configured = true`).

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::audit::{self, AuditAction};
use crate::error::{Error, FieldError, Result};
use crate::time;

/// Longest accepted value of a profile field, in characters.
pub const PROFILE_FIELD_MAX: usize = 200;

/// The stored profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Profile {
    pub coordinator_name: String,
    pub organisation: String,
    /// False until the first-run form has been saved.
    pub configured: bool,
}

/// The profile as typed by the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProfileInput {
    pub coordinator_name: String,
    pub organisation: String,
}

/// The current profile.
pub fn profile(conn: &Connection) -> Result<Profile> {
    let row = conn
        .query_row(
            "SELECT coordinator_name, organisation FROM profile WHERE id = 1",
            [],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        )
        .optional()?;
    Ok(match row {
        Some((coordinator_name, organisation)) => Profile {
            coordinator_name,
            organisation,
            configured: true,
        },
        None => Profile {
            coordinator_name: String::new(),
            organisation: String::new(),
            configured: false,
        },
    })
}

/// Validates and stores the profile.
pub fn save_profile(tx: &Transaction, input: &ProfileInput) -> Result<Profile> {
    let name = input.coordinator_name.trim();
    let org = input.organisation.trim();
    let mut details = Vec::new();
    for (field, value, label) in [
        ("coordinator_name", name, "Il nome del coordinatore"),
        ("organisation", org, "L'organizzazione"),
    ] {
        let problem = if value.is_empty() {
            Some(format!("{label}: il campo è obbligatorio."))
        } else if value.chars().count() > PROFILE_FIELD_MAX {
            Some(format!(
                "{label} supera la lunghezza massima di {PROFILE_FIELD_MAX} caratteri: accorcia il testo."
            ))
        } else if value.chars().any(char::is_control) {
            Some(format!(
                "{label} non può contenere a capo o caratteri di controllo."
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            details.push(FieldError {
                field: field.to_owned(),
                message,
            });
        }
    }
    if !details.is_empty() {
        let message = details
            .iter()
            .map(|d| d.message.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        return Err(Error::Validation { message, details });
    }
    let before = profile(tx)?;
    tx.execute(
        "INSERT INTO profile (id, coordinator_name, organisation, updated_at)
         VALUES (1, ?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET coordinator_name = excluded.coordinator_name,
             organisation = excluded.organisation, updated_at = excluded.updated_at",
        params![name, org, time::now_utc()],
    )?;
    audit::record(
        tx,
        if before.configured {
            AuditAction::Update
        } else {
            AuditAction::Create
        },
        "profile",
        Some("1"),
        "Profilo del coordinatore salvato",
        Some(&json!({ "coordinator_name": name, "organisation": org })),
    )?;
    profile(tx)
}
