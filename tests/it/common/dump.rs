//! Helpers of the full export/import tests: exporting a store, importing into a fresh one,
//! comparing databases table by table with plain SQL (independently of the dump code).

use raccordo::dump::{self, Dump, ImportAllOptions, ImportAllReport};
use raccordo::Store;
use rusqlite::types::Value;

/// `export_all` of a store.
pub fn export(store: &Store) -> Dump {
    store.read(dump::export_all).expect("export all")
}

/// Imports `data` into `store` (not a dry run).
pub fn import(store: &Store, data: &Dump) -> ImportAllReport {
    let options = ImportAllOptions {
        file_label: "test.json".to_owned(),
        dry_run: false,
    };
    store
        .write(|tx| dump::import_all(tx, data, &options))
        .expect("import all")
}

/// The dump without its last audit row, which must be the import's own.
pub fn without_import_audit_row(mut data: Dump) -> Dump {
    let audit = data
        .tables
        .get_mut("audit_log")
        .expect("the dump has an audit_log table");
    let last = audit.rows.pop().expect("the import appended an audit row");
    assert_eq!(
        last.get(2),
        Some(&raccordo::dump::Cell::Text("import".to_owned())),
        "the last audit row after an import must record the import: {last:?}"
    );
    data
}

/// Every row of `table` with `SELECT *`, in rowid order (primary key order for WITHOUT ROWID).
pub fn table_rows(store: &Store, table: &str) -> Vec<Vec<Value>> {
    store
        .read(|c| {
            let without_rowid: bool = c.query_row(
                "SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?1",
                [table],
                |r| r.get(0),
            )?;
            let quoted = format!("\"{}\"", table.replace('"', "\"\""));
            let width: usize = c
                .prepare(&format!("SELECT * FROM {quoted}"))?
                .column_count();
            let order = if without_rowid {
                (1..=width)
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            } else {
                "rowid".to_owned()
            };
            let mut stmt = c.prepare(&format!("SELECT * FROM {quoted} ORDER BY {order}"))?;
            let rows = stmt.query_map([], |r| {
                (0..width)
                    .map(|i| r.get::<_, Value>(i))
                    .collect::<rusqlite::Result<Vec<_>>>()
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .unwrap_or_else(|e| panic!("read table {table}: {e}"))
}

/// Names of the ordinary tables of the schema (what `SELECT *` can compare).
pub fn ordinary_tables(store: &Store) -> Vec<String> {
    store
        .read(|c| {
            let mut stmt = c.prepare(
                "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
                   AND name NOT IN ('sqlite_schema') ORDER BY name",
            )?;
            let names = stmt.query_map([], |r| r.get(0))?;
            Ok(names.collect::<rusqlite::Result<Vec<String>>>()?)
        })
        .expect("list tables")
}
