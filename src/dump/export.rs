//! Reading the whole database into a [`Dump`] (see the module contract of [`super`]).

use std::collections::BTreeMap;

use rusqlite::Connection;

use super::schema::{self, ident};
use super::{Cell, Dump, TableDump, FORMAT, FORMAT_VERSION};
use crate::db::version::user_version;
use crate::error::Result;
use crate::time;

/// Every dumped table, read in one snapshot: inside a read transaction opened here when the
/// connection is not already in one.
pub fn export_all(conn: &Connection) -> Result<Dump> {
    if !conn.is_autocommit() {
        return read_all(conn);
    }
    conn.execute_batch("BEGIN DEFERRED")?;
    let result = read_all(conn);
    // A read transaction: ending it cannot lose anything, whatever `result` is.
    let ended = conn.execute_batch(if result.is_ok() { "COMMIT" } else { "ROLLBACK" });
    let dump = result?;
    ended?;
    Ok(dump)
}

fn read_all(conn: &Connection) -> Result<Dump> {
    let mut tables = BTreeMap::new();
    for t in schema::dumped_tables(conn)? {
        let columns = t
            .columns
            .iter()
            .map(|c| ident(c))
            .collect::<Vec<_>>()
            .join(", ");
        let mut stmt = conn.prepare(&format!(
            "SELECT {columns} FROM {} ORDER BY {}",
            ident(&t.name),
            t.order_by
        ))?;
        let width = t.columns.len();
        let rows = stmt
            .query_map([], |r| {
                (0..width)
                    .map(|i| r.get_ref(i).map(Cell::from_value))
                    .collect::<rusqlite::Result<Vec<Cell>>>()
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        tables.insert(
            t.name,
            TableDump {
                columns: t.columns,
                rows,
            },
        );
    }
    Ok(Dump {
        format: FORMAT.to_owned(),
        format_version: FORMAT_VERSION,
        schema_version: user_version(conn)?,
        exported_at: time::now_utc(),
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        tables,
    })
}
