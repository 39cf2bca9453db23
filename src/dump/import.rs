//! Loading a [`Dump`] into an empty database (see the module contract of [`super`]).

use rusqlite::{params_from_iter, Connection, ErrorCode, Transaction};
use serde::Serialize;

use super::schema::{self, ident, TableInfo, SEQUENCE_TABLE};
use super::{Cell, Dump, TableDump, FORMAT, FORMAT_VERSION};
use crate::audit::{self, AuditAction};
use crate::db::SCHEMA_VERSION;
use crate::error::{sqlite_code, Error, Result};
use crate::territory::{ImportReport, RowIssue};

/// After this many row problems the load stops (the report says so).
pub const MAX_PROBLEMS: usize = 100;

/// The savepoint that holds the load inside the caller's transaction.
const SAVEPOINT: &str = "raccordo_import_all";

/// Options of [`import_all`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportAllOptions {
    /// File name shown in the report and the audit row.
    pub file_label: String,
    /// Load everything, check it, then roll it back.
    pub dry_run: bool,
}

/// Rows of one table in the dump.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableCount {
    pub table: String,
    pub rows: usize,
}

/// A problem with one row of the dump (`row` is 1-based within its table; `None` when SQLite
/// cannot say which row, e.g. a dangling reference in a `WITHOUT ROWID` table).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DumpProblem {
    pub table: String,
    pub row: Option<usize>,
    pub message: String,
}

impl DumpProblem {
    /// `tabella «t», riga r: message`.
    pub fn describe(&self) -> String {
        match self.row {
            Some(r) => format!("tabella «{}», riga {r}: {}", self.table, self.message),
            None => format!("tabella «{}»: {}", self.table, self.message),
        }
    }
}

/// Outcome of [`import_all`]: everything applied, or nothing (`applied = false`) when any row
/// has a problem or on a dry run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportAllReport {
    pub file: String,
    pub dry_run: bool,
    pub schema_version: i64,
    pub exported_at: String,
    pub tables: Vec<TableCount>,
    pub rows_read: usize,
    pub problems: Vec<DumpProblem>,
    /// True when the load stopped after [`MAX_PROBLEMS`] problems (there may be more).
    pub problems_truncated: bool,
    pub applied: bool,
}

impl ImportAllReport {
    /// The shape of the other importers' reports (for the shared CLI printer): one rejected
    /// "line" per problem, numbered by its row within its table.
    pub fn as_import_report(&self) -> ImportReport {
        let rejected: Vec<RowIssue> = self
            .problems
            .iter()
            .map(|p| RowIssue {
                line: p.row.map_or(0, |r| u32::try_from(r).unwrap_or(u32::MAX)),
                message: p.describe(),
            })
            .collect();
        let to_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        ImportReport {
            file: self.file.clone(),
            dry_run: self.dry_run,
            rows_read: to_u32(self.rows_read),
            rows_ok: to_u32(self.rows_read.saturating_sub(rejected.len())),
            rejected,
            applied: self.applied,
        }
    }
}

fn refuse(label: &str, reason: String) -> Error {
    Error::Import {
        file: label.to_owned(),
        reason,
    }
}

/// Everything [`import_all`] checks before loading a row: the header (format, versions), that
/// the tables and columns are exactly this schema's, and that the database is empty of user data.
/// Returns the tables in load order.
pub fn check_target(conn: &Connection, dump: &Dump, label: &str) -> Result<Vec<TableInfo>> {
    if dump.format != FORMAT || dump.format_version != FORMAT_VERSION {
        return Err(refuse(
            label,
            format!(
                "il file non è un'esportazione completa di Raccordo nel formato {FORMAT_VERSION} \
                 (format «{}», versione {})",
                dump.format, dump.format_version
            ),
        ));
    }
    if dump.schema_version > SCHEMA_VERSION {
        return Err(refuse(
            label,
            format!(
                "il file è stato esportato da una versione più recente di Raccordo (schema {}, \
                 questa versione gestisce fino allo schema {SCHEMA_VERSION}): aggiorna Raccordo \
                 e riprova",
                dump.schema_version
            ),
        ));
    }
    if dump.schema_version < SCHEMA_VERSION {
        return Err(refuse(
            label,
            format!(
                "il file è stato esportato con lo schema {} di una versione precedente di \
                 Raccordo, questa usa lo schema {SCHEMA_VERSION}: importalo in un database nuovo \
                 con la versione che lo ha esportato, poi apri quel database con questa versione \
                 (lo aggiorna da sé) ed esporta di nuovo",
                dump.schema_version
            ),
        ));
    }
    let tables = schema::dumped_tables(conn)?;
    if let Some(unknown) = dump
        .tables
        .keys()
        .find(|name| !tables.iter().any(|t| &t.name == *name))
    {
        return Err(refuse(
            label,
            format!(
                "la tabella «{unknown}» non esiste nello schema {SCHEMA_VERSION}: il file è stato \
                 modificato o non viene da «raccordo export all»"
            ),
        ));
    }
    for t in &tables {
        let Some(table) = dump.tables.get(&t.name) else {
            return Err(refuse(
                label,
                format!(
                    "manca la tabella «{}»: il file è incompleto; esporta di nuovo con \
                     «raccordo export all»",
                    t.name
                ),
            ));
        };
        if table.columns != t.columns {
            return Err(refuse(
                label,
                format!(
                    "le colonne della tabella «{}» nel file ({}) non sono quelle dello schema \
                     ({}): il file è stato modificato",
                    t.name,
                    table.columns.join(", "),
                    t.columns.join(", ")
                ),
            ));
        }
    }
    schema::check_empty(conn)?;
    Ok(tables)
}

/// Loads `dump` (see the module contract of [`super`]).
pub fn import_all(
    tx: &Transaction,
    dump: &Dump,
    options: &ImportAllOptions,
) -> Result<ImportAllReport> {
    let tables = check_target(tx, dump, &options.file_label)?;
    let mut report = ImportAllReport {
        file: options.file_label.clone(),
        dry_run: options.dry_run,
        schema_version: dump.schema_version,
        exported_at: dump.exported_at.clone(),
        tables: dump
            .tables
            .iter()
            .map(|(table, t)| TableCount {
                table: table.clone(),
                rows: t.rows.len(),
            })
            .collect(),
        rows_read: dump.row_count(),
        problems: Vec::new(),
        problems_truncated: false,
        applied: false,
    };
    tx.execute_batch(&format!("SAVEPOINT {SAVEPOINT}"))?;
    let loaded = load(tx, dump, &tables, &mut report).and_then(|()| {
        if report.problems.is_empty() && !options.dry_run {
            crate::contacts::search::rebuild(tx)?;
            record_import(tx, dump, &options.file_label)?;
        }
        Ok(())
    });
    let keep = loaded.is_ok() && report.problems.is_empty() && !options.dry_run;
    let end = if keep {
        format!("RELEASE {SAVEPOINT}")
    } else {
        format!("ROLLBACK TO {SAVEPOINT}; RELEASE {SAVEPOINT}")
    };
    let ended = tx.execute_batch(&end);
    loaded?;
    ended?;
    report.applied = keep;
    Ok(report)
}

fn record_import(tx: &Transaction, dump: &Dump, label: &str) -> Result<()> {
    audit::record(
        tx,
        AuditAction::Import,
        "database",
        None,
        &format!(
            "Importazione completa da {label}: {} righe in {} tabelle (esportate il {})",
            dump.row_count(),
            dump.tables.len(),
            dump.exported_at
        ),
        Some(&serde_json::json!({
            "file": label,
            "rows": dump.row_count(),
            "schema_version": dump.schema_version,
            "exported_at": dump.exported_at,
            "app_version": dump.app_version,
        })),
    )
}

/// Deletes the target's (seed) rows and inserts the dump's, foreign keys deferred; then checks
/// the references. Row problems go to the report; other errors end the load.
fn load(
    tx: &Transaction,
    dump: &Dump,
    tables: &[TableInfo],
    report: &mut ImportAllReport,
) -> Result<()> {
    tx.pragma_update(None, "defer_foreign_keys", "ON")?;
    for t in tables {
        // The audit log is empty (check_empty) and rejects DELETE; the counters go last.
        if t.name != "audit_log" && t.name != SEQUENCE_TABLE {
            tx.execute(&format!("DELETE FROM {}", ident(&t.name)), [])?;
        }
    }
    let mut rowids: Vec<(&str, Vec<i64>)> = Vec::new();
    let ordered = tables
        .iter()
        .filter(|t| t.name != SEQUENCE_TABLE)
        .chain(tables.iter().filter(|t| t.name == SEQUENCE_TABLE));
    for t in ordered {
        let Some(table) = dump.tables.get(&t.name) else {
            continue; // check_target guarantees every table is present
        };
        if t.name == SEQUENCE_TABLE {
            tx.execute(&format!("DELETE FROM {}", ident(SEQUENCE_TABLE)), [])?;
        }
        let ids = insert_rows(tx, t, table, report)?;
        if report.problems_truncated {
            return Ok(());
        }
        rowids.push((&t.name, ids));
    }
    if report.problems.is_empty() {
        check_references(tx, dump, &rowids, report)?;
    }
    Ok(())
}

/// Inserts the rows of one table; returns the rowid given to each row (in order).
fn insert_rows(
    tx: &Transaction,
    info: &TableInfo,
    table: &TableDump,
    report: &mut ImportAllReport,
) -> Result<Vec<i64>> {
    let name = info.name.as_str();
    let columns: Vec<String> = table.columns.iter().map(|c| ident(c)).collect();
    let marks = vec!["?"; columns.len()].join(", ");
    let mut stmt = tx.prepare(&format!(
        "INSERT INTO {} ({}) VALUES ({marks})",
        ident(name),
        columns.join(", ")
    ))?;
    let mut ids = Vec::with_capacity(table.rows.len());
    for (i, row) in table.rows.iter().enumerate() {
        let problem = if row.len() != columns.len() {
            Some(format!(
                "{} valori invece di {} (le colonne sono: {})",
                row.len(),
                columns.len(),
                table.columns.join(", ")
            ))
        } else if let Some(problem) = type_problem(info, row) {
            Some(problem)
        } else {
            match stmt.execute(params_from_iter(row.iter())) {
                Ok(_) => {
                    ids.push(tx.last_insert_rowid());
                    None
                }
                Err(e) if is_row_error(&e) => Some(format!(
                    "la riga viola una regola del database ({e}); correggi il valore o esporta \
                     di nuovo il file"
                )),
                Err(e) => return Err(e.into()),
            }
        };
        if let Some(message) = problem {
            report.problems.push(DumpProblem {
                table: name.to_owned(),
                row: Some(i + 1),
                message,
            });
            if report.problems.len() >= MAX_PROBLEMS {
                report.problems_truncated = true;
                break;
            }
        }
    }
    Ok(ids)
}

/// A value whose type is not its STRICT column's: SQLite would convert it silently (42 into a
/// TEXT column becomes "42"), which no export of this schema can contain.
fn type_problem(info: &TableInfo, row: &[Cell]) -> Option<String> {
    info.columns
        .iter()
        .zip(&info.types)
        .zip(row)
        .find_map(|((column, declared), cell)| {
            let fits = matches!(
                (declared.as_str(), cell),
                (_, Cell::Null)
                    | ("ANY", _)
                    | ("INTEGER" | "INT", Cell::Integer(_))
                    | ("REAL", Cell::Real(_))
                    | ("TEXT", Cell::Text(_) | Cell::TextBytes(_))
                    | ("BLOB", Cell::Blob(_))
            );
            (!fits).then(|| {
                format!(
                    "la colonna «{column}» è di tipo {declared} ma il valore è {}; correggi il \
                     valore o esporta di nuovo il file",
                    cell.describe()
                )
            })
        })
}

/// Errors caused by the values of the row (not by the database or the disk).
fn is_row_error(e: &rusqlite::Error) -> bool {
    matches!(
        sqlite_code(e),
        Some(ErrorCode::ConstraintViolation | ErrorCode::TooBig | ErrorCode::TypeMismatch)
    )
}

/// Every foreign key must point at a row: `PRAGMA foreign_key_check`, each violation reported
/// with its table, row and the values of the referencing columns.
fn check_references(
    tx: &Transaction,
    dump: &Dump,
    rowids: &[(&str, Vec<i64>)],
    report: &mut ImportAllReport,
) -> Result<()> {
    let mut stmt = tx.prepare("PRAGMA foreign_key_check")?;
    let violations: Vec<(String, Option<i64>, String, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (table, rowid, parent, fk_id) in violations {
        let row = rowid.and_then(|id| {
            rowids
                .iter()
                .find(|(t, _)| *t == table)
                .and_then(|(_, ids)| ids.iter().position(|x| *x == id))
        });
        let from: Vec<String> = tx
            .prepare(
                r#"SELECT "from" FROM pragma_foreign_key_list(?1) WHERE id = ?2 ORDER BY seq"#,
            )?
            .query_map(rusqlite::params![table, fk_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let values = match (row, dump.tables.get(&table)) {
            (Some(i), Some(t)) => from
                .iter()
                .filter_map(|c| {
                    let col = t.columns.iter().position(|x| x == c)?;
                    Some(format!("{c} = {}", t.rows.get(i)?.get(col)?.describe()))
                })
                .collect::<Vec<_>>()
                .join(", "),
            _ => from.join(", "),
        };
        report.problems.push(DumpProblem {
            table: table.clone(),
            row: row.map(|i| i + 1),
            message: format!(
                "il riferimento {values} rimanda a una riga di «{parent}» che non esiste nel \
                 file; il file è stato modificato o è incompleto"
            ),
        });
        if report.problems.len() >= MAX_PROBLEMS {
            report.problems_truncated = true;
            break;
        }
    }
    Ok(())
}
