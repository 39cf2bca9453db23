//! Which tables a dump holds, read generically from the schema, and whether a database is empty
//! of user data.
//!
//! Contract:
//! - [`dumped_tables`] lists every ordinary table of the `main` schema (`PRAGMA table_list`, type
//!   `table`), sorted by name, plus `sqlite_sequence` (the AUTOINCREMENT counters: they keep the
//!   id of an erased person from ever being given to someone else), minus [`EXCLUDED`]. FTS5
//!   shadow tables (type `shadow`) belong to their virtual table. A virtual table that is not in
//!   [`EXCLUDED`] makes the export fail (a derived table nobody decided about would otherwise be
//!   silently lost). A table added by a future migration is therefore dumped automatically.
//! - Columns are the table's non-hidden columns in declaration order (`PRAGMA table_xinfo`,
//!   `hidden = 0`; generated columns are computed again on insert). Rows are ordered by `rowid`,
//!   or by the primary key for `WITHOUT ROWID` tables. The hidden `rowid` of a table without an
//!   `INTEGER PRIMARY KEY` is not data (VACUUM may renumber it) and is not dumped; insertion in
//!   dump order keeps the row order.
//! - [`check_empty`]: a database is "empty of user data" when every dumped table holds exactly as
//!   many rows as in a brand-new database (built in memory by the same migrations), which also
//!   means an empty audit log. Every user change writes an audit row, so an edited seed row (a
//!   renamed zone) is caught too. A database created by an older Raccordo and migrated holds a
//!   `migrate` audit row, which the append-only log can never lose: it is not a valid target.

use std::path::Path;

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::schema::migrate;

/// Tables deliberately left out of a dump, with the reason.
pub const EXCLUDED: &[(&str, &str)] = &[
    (
        "sqlite_schema",
        "the schema itself: the importing build creates it with the same migrations \
         (schema_version must match)",
    ),
    (
        "sqlite_stat1",
        "query-planner statistics written by ANALYZE: derived, rebuilt by ANALYZE",
    ),
    (
        "sqlite_stat4",
        "query-planner statistics written by ANALYZE: derived, rebuilt by ANALYZE",
    ),
    (
        "contact_fts",
        "full-text index derived from person, organisation and role (and its FTS5 shadow \
         tables): rebuilt by contacts::search::rebuild after the import",
    ),
    (
        "action_asl",
        "the ASLs of each action with its open flag and due key, derived from action_area and \
         action by triggers (migration 0008): filled again as the import inserts them",
    ),
    (
        "action_title_fts",
        "trigram index of the action titles (and its FTS5 shadow tables), kept by triggers on \
         action (migration 0008): filled again as the import inserts the actions",
    ),
];

/// The AUTOINCREMENT counters: dumped, and restored last.
pub const SEQUENCE_TABLE: &str = "sqlite_sequence";

/// A table of the dump as the schema describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableInfo {
    pub name: String,
    pub columns: Vec<String>,
    /// Declared type of each column in a STRICT table (`INTEGER`, `TEXT`, `REAL`, `BLOB`, `ANY`);
    /// `ANY` for every column of a non-STRICT table.
    pub types: Vec<String>,
    /// `ORDER BY` clause giving the deterministic row order.
    pub order_by: String,
}

/// A table of `PRAGMA table_list` in `main`: (name, type, without_rowid, strict).
pub fn all_tables(conn: &Connection) -> Result<Vec<(String, String, bool, bool)>> {
    let mut stmt = conn.prepare(
        "SELECT name, type, wr, strict FROM pragma_table_list WHERE schema = 'main'
         ORDER BY name",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get::<_, i64>(2)? != 0,
            r.get::<_, i64>(3)? != 0,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The reason a table is excluded, if it is.
pub fn exclusion(name: &str) -> Option<&'static str> {
    EXCLUDED
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, why)| *why)
}

/// `"name"` quoted as an SQL identifier.
pub fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The tables a dump holds (see the module contract).
pub fn dumped_tables(conn: &Connection) -> Result<Vec<TableInfo>> {
    let mut out = Vec::new();
    for (name, kind, without_rowid, strict) in all_tables(conn)? {
        if exclusion(&name).is_some() || kind == "shadow" || kind == "view" {
            continue;
        }
        if kind != "table" {
            return Err(Error::Internal(format!(
                "table {name} of type {kind} is neither dumped nor excluded (dump::schema::EXCLUDED)"
            )));
        }
        if name.to_ascii_lowercase().starts_with("sqlite_") && name != SEQUENCE_TABLE {
            return Err(Error::Internal(format!(
                "internal table {name} is neither dumped nor excluded (dump::schema::EXCLUDED)"
            )));
        }
        let mut stmt = conn.prepare(
            "SELECT name, pk, upper(type) FROM pragma_table_xinfo(?1) WHERE hidden = 0
             ORDER BY cid",
        )?;
        let xinfo: Vec<(String, i64, String)> = stmt
            .query_map([&name], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let types: Vec<String> = xinfo
            .iter()
            .map(|(_, _, t)| if strict { t.clone() } else { "ANY".to_owned() })
            .collect();
        let cols: Vec<(String, i64)> = xinfo.into_iter().map(|(n, pk, _)| (n, pk)).collect();
        let order_by = if without_rowid {
            let mut pk: Vec<&(String, i64)> = cols.iter().filter(|(_, k)| *k > 0).collect();
            pk.sort_by_key(|(_, k)| *k);
            pk.iter()
                .map(|(c, _)| ident(c))
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            "rowid".to_owned()
        };
        out.push(TableInfo {
            name,
            columns: cols.into_iter().map(|(c, _)| c).collect(),
            types,
            order_by,
        });
    }
    Ok(out)
}

/// Rows of a table.
pub fn count_rows(conn: &Connection, table: &str) -> Result<i64> {
    Ok(
        conn.query_row(&format!("SELECT count(*) FROM {}", ident(table)), [], |r| {
            r.get(0)
        })?,
    )
}

/// Row counts of the dumped tables of a brand-new database (migrated and seeded in memory).
fn fresh_counts() -> Result<Vec<(String, i64)>> {
    let mut fresh = Connection::open_in_memory()?;
    migrate::migrate(&mut fresh, Path::new(":memory:"))?;
    dumped_tables(&fresh)?
        .into_iter()
        .map(|t| Ok((t.name.clone(), count_rows(&fresh, &t.name)?)))
        .collect()
}

/// Refuses a database that holds user data (see the module contract).
pub fn check_empty(conn: &Connection) -> Result<()> {
    let fresh = fresh_counts()?;
    for t in dumped_tables(conn)? {
        let expected = fresh
            .iter()
            .find(|(n, _)| *n == t.name)
            .map_or(0, |(_, c)| *c);
        let found = count_rows(conn, &t.name)?;
        if found != expected {
            return Err(Error::Conflict {
                message: format!(
                    "Il database contiene già dati (tabella «{}»: {found} righe, in un database \
                     nuovo {expected}): usa un database nuovo con --db, oppure ripristina un \
                     backup. L'importazione completa non mescola dati; nessuna modifica applicata.",
                    t.name
                ),
            });
        }
    }
    Ok(())
}
