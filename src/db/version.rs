//! The schema version facts a database file is checked against.
//!
//! Contract: [`SCHEMA_VERSION`] is the version this build writes and the highest it can open
//! (the last migration of [`crate::schema`], which a test there keeps equal); a Raccordo file has
//! `PRAGMA application_id` [`APPLICATION_ID`] and its version in `PRAGMA user_version`
//! ([`user_version`]).

use rusqlite::Connection;

use crate::error::Result;

/// The schema version this build writes and the highest it can open.
pub const SCHEMA_VERSION: i64 = 8;

/// `PRAGMA application_id` of a Raccordo database ("RACC").
pub const APPLICATION_ID: i64 = 0x5241_4343;

/// The `user_version` of a connection.
pub fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}
