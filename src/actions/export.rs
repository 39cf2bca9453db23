//! Actions as a spreadsheet: CSV (`;`, UTF-8 with BOM, dates gg/mm/aaaa, every cell neutralised
//! against formula injection; `,` on request) and XLSX (one sheet, bold frozen header,
//! autofilter, due/meeting/created dates as real dates, text always as text).
//!
//! Contract: the rows are exactly the actions the filter selects, in the list's order (paging
//! ignored), with every linked comune, organisation and person named in full. The file is
//! written atomically (a failure leaves no partial file and the previous file untouched) and the
//! export is recorded in the audit log.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::list::{order_clause, where_clause};
use super::read::{coordinator_name, owner_of, parse_day, REMOVED};
use super::types::*;
use crate::audit::{self, AuditAction};
use crate::contacts::display_name;
use crate::contacts::transfer::ExportOutcome;
use crate::error::{Error, Result};
use crate::interchange::table::{format_csv_table, format_xlsx_table_with_dates};
use crate::interchange::{atomic_write, CsvStyle};
use crate::time;

/// The formats of an actions export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ActionExportFormat {
    /// `;`-separated CSV for Italian spreadsheets.
    Csv,
    /// `,`-separated CSV.
    CsvComma,
    Xlsx,
}

impl ActionExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ActionExportFormat::Xlsx => "xlsx",
            _ => "csv",
        }
    }
}

/// Header row of the export.
pub const ACTION_HEADERS: [&str; 16] = [
    "ID",
    "Titolo",
    "Descrizione",
    "Stato",
    "Priorità",
    "Scadenza",
    "In ritardo",
    "Responsabile",
    "Comuni",
    "Codici ISTAT",
    "Enti",
    "Persone",
    "Incontro",
    "Data incontro",
    "Creata il",
    "Chiusa il",
];

/// Columns that hold days (ISO in the rows; gg/mm/aaaa in CSV, real dates in XLSX).
const DATE_COLUMNS: [usize; 4] = [5, 13, 14, 15];

/// The rows of the export for `filter` on `today` (dates ISO).
pub fn export_rows(
    conn: &Connection,
    filter: &ActionFilter,
    today: NaiveDate,
) -> Result<Vec<Vec<String>>> {
    let (clause, p) = where_clause(filter, today);
    let sql = format!(
        "SELECT a.id, a.title, a.description, a.status, a.priority, a.due_date, a.owner_kind,
                a.owner_person_id, pe.given_name, pe.family_name,
                (SELECT group_concat(name, ', ') FROM (SELECT c.name FROM action_comune ac
                     JOIN comune c ON c.istat_code = ac.istat_code
                     WHERE ac.action_id = a.id ORDER BY c.name_folded)),
                (SELECT group_concat(istat_code, ', ') FROM (SELECT istat_code FROM action_comune
                     WHERE action_id = a.id ORDER BY istat_code)),
                (SELECT group_concat(name, ', ') FROM (SELECT o.name FROM action_org ao
                     JOIN organisation o ON o.id = ao.organisation_id
                     WHERE ao.action_id = a.id ORDER BY o.name_folded)),
                (SELECT group_concat(coalesce(trim(p2.given_name || ' ' || p2.family_name), ?{r}),
                        ', ')
                 FROM action_person ap LEFT JOIN person p2 ON p2.id = ap.person_id
                 WHERE ap.action_id = a.id),
                m.title, m.starts_at, a.created_at, a.closed_at
         FROM action a LEFT JOIN person pe ON pe.id = a.owner_person_id
              LEFT JOIN meeting m ON m.id = a.meeting_id
         {clause}
         ORDER BY {}",
        order_clause(filter),
        r = p.len() + 1
    );
    let mut p = p;
    p.push(Value::Text(REMOVED.to_owned()));
    let me = coordinator_name(conn)?;
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(params_from_iter(p))?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let status: ActionStatus = r.get(3)?;
        let priority: ActionPriority = r.get(4)?;
        let due = parse_day(r.get(5)?);
        let owner = owner_of(&r.get::<_, String>(6)?, r.get(7)?);
        let owner_name = match owner {
            ActionOwner::None => String::new(),
            ActionOwner::Coordinator => me.clone(),
            ActionOwner::Person { .. } => {
                match (
                    r.get::<_, Option<String>>(8)?,
                    r.get::<_, Option<String>>(9)?,
                ) {
                    (Some(g), Some(f)) => display_name(&g, &f),
                    _ => REMOVED.to_owned(),
                }
            }
        };
        let text = |i: usize| -> rusqlite::Result<String> {
            Ok(r.get::<_, Option<String>>(i)?.unwrap_or_default())
        };
        let day_of = |instant: Option<String>| -> Result<String> {
            Ok(match instant {
                Some(s) => time::utc_to_rome(time::parse_instant(&s)?)
                    .date()
                    .to_string(),
                None => String::new(),
            })
        };
        out.push(vec![
            r.get::<_, i64>(0)?.to_string(),
            text(1)?,
            text(2)?,
            status.label().to_owned(),
            priority.label().to_owned(),
            due.map(|d| d.to_string()).unwrap_or_default(),
            if super::read::is_overdue(due, status, today) {
                "sì"
            } else {
                "no"
            }
            .to_owned(),
            owner_name,
            text(10)?,
            text(11)?,
            text(12)?,
            text(13)?,
            text(14)?,
            day_of(r.get(15)?)?,
            day_of(r.get(16)?)?,
            day_of(r.get(17)?)?,
        ]);
    }
    Ok(out)
}

/// The bytes of the export of `rows`.
pub fn format_rows(rows: &[Vec<String>], format: ActionExportFormat) -> Result<Vec<u8>> {
    Ok(match format {
        ActionExportFormat::Xlsx => {
            format_xlsx_table_with_dates("Azioni", &ACTION_HEADERS, rows, &DATE_COLUMNS)?
        }
        ActionExportFormat::Csv | ActionExportFormat::CsvComma => {
            let style = CsvStyle {
                separator: if format == ActionExportFormat::Csv {
                    ';'
                } else {
                    ','
                },
                bom: true,
            };
            let italian: Vec<Vec<String>> = rows
                .iter()
                .map(|row| {
                    row.iter()
                        .enumerate()
                        .map(
                            |(i, cell)| match NaiveDate::parse_from_str(cell, "%Y-%m-%d") {
                                Ok(d) if DATE_COLUMNS.contains(&i) => time::format_it(d),
                                _ => cell.clone(),
                            },
                        )
                        .collect()
                })
                .collect();
            format_csv_table(&ACTION_HEADERS, &italian, style).into_bytes()
        }
    })
}

/// Writes the actions `filter` selects to `path` (see the module contract) and records the
/// export; returns what was written.
pub fn export_actions(
    store: &crate::Store,
    path: &Path,
    format: ActionExportFormat,
    filter: &ActionFilter,
) -> Result<ExportOutcome> {
    let today = time::today_rome();
    let rows = store.read(|c| export_rows(c, filter, today))?;
    let bytes = format_rows(&rows, format)?;
    atomic_write(path, |w| {
        w.write_all(&bytes).map_err(Error::io("scrittura", path))
    })?;
    store.write(|tx| record_export(tx, path, rows.len()))?;
    Ok(ExportOutcome {
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: path.display().to_string(),
        count: u32::try_from(rows.len()).unwrap_or(u32::MAX),
    })
}

fn record_export(tx: &Transaction, path: &Path, count: usize) -> Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    audit::record(
        tx,
        AuditAction::Export,
        "action",
        None,
        &format!("Esportate {count} azioni in {name}"),
        Some(&serde_json::json!({ "count": count })),
    )
}
