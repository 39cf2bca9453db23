//! Export of the survey table as CSV or XLSX, and of the summary PDF ([`super::report`]).
//!
//! Contract: the columns are [`HEADERS`], one row per record of [`super::list`] with the same
//! filter and order. CSV: `;` (or `,`) separator, UTF-8 BOM by default, CRLF, dates
//! `gg/mm/aaaa`, every cell neutralised against formula injection ([`csv_cell`]). XLSX: sheet
//! "Ricognizione SAI" with a bold frozen header and autofilter, user text as string cells
//! (never formulas), places as numbers and dates as real dates (`dd/mm/yyyy`); a second sheet
//! "Riepilogo per ASL" holds the summary by ASL. Files are written through
//! [`atomic_write`] (no partial file on failure) and the export is recorded in the audit log.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::types::*;
use crate::audit::{self, AuditAction};
use crate::error::{Error, Result};
use crate::interchange::{atomic_write, csv_cell, CsvStyle};
use crate::time;

/// Header row of the survey export.
pub const HEADERS: [&str; 20] = [
    "Ente",
    "Tipo",
    "Codice ISTAT",
    "ASL",
    "Zona-distretto",
    "Provincia",
    "Stato",
    "Dal",
    "Ente titolare",
    "Ente attuatore",
    "Posti ordinari",
    "Posti DM-DS",
    "Posti MSNA",
    "Posti totali",
    "Inizio finanziamento",
    "Fine finanziamento",
    "Triennale",
    "Prossimo passo",
    "Scadenza",
    "Dati sintetici",
];

/// Format of a survey export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SaiExportKind {
    Csv,
    Xlsx,
    /// The summary PDF ([`super::report`]): maps, summaries by ASL and zone, enti per ASL.
    Pdf,
}

impl SaiExportKind {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            SaiExportKind::Csv => "csv",
            SaiExportKind::Xlsx => "xlsx",
            SaiExportKind::Pdf => "pdf",
        }
    }
}

/// A cell of the table: text, a whole number or a date.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(i64),
    Date(Option<NaiveDate>),
}

/// The cells of one row, in [`HEADERS`] order.
pub fn cells(r: &SaiRow) -> Vec<Cell> {
    let t = |s: &str| Cell::Text(s.to_owned());
    let o = |s: &Option<String>| Cell::Text(s.clone().unwrap_or_default());
    vec![
        t(&r.ente.name),
        t(r.ente.kind.label()),
        o(&r.ente.istat_code),
        Cell::Text(
            r.ente
                .asl
                .map(|a| a.as_str().to_owned())
                .unwrap_or_default(),
        ),
        o(&r.ente.zone_name),
        o(&r.ente.province_abbr),
        t(r.status.label()),
        Cell::Date(Some(r.status_since)),
        t(&r.titolare),
        t(&r.gestore),
        Cell::Number(r.places.ordinari),
        Cell::Number(r.places.dm_ds),
        Cell::Number(r.places.msna),
        Cell::Number(r.places.total()),
        Cell::Date(r.funding_start),
        Cell::Date(r.funding_end),
        t(if r.triennial { "sì" } else { "no" }),
        t(&r.next_step),
        Cell::Date(r.next_step_due),
        t(if r.synthetic { "sì" } else { "" }),
    ]
}

fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Text(s) => s.clone(),
        Cell::Number(n) => n.to_string(),
        Cell::Date(d) => d.map(time::format_it).unwrap_or_default(),
    }
}

/// CSV text of the rows; see the module contract.
pub fn format_csv(rows: &[SaiRow], style: CsvStyle) -> String {
    let sep = style.separator;
    let mut out = String::new();
    if style.bom {
        out.push('\u{FEFF}');
    }
    let mut line = |cells: Vec<String>| {
        let cells: Vec<String> = cells.iter().map(|c| csv_cell(c, sep)).collect();
        out.push_str(&cells.join(&sep.to_string()));
        out.push_str("\r\n");
    };
    line(HEADERS.iter().map(|h| (*h).to_owned()).collect());
    for r in rows {
        line(cells(r).iter().map(cell_text).collect());
    }
    out
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::Internal(format!("scrittura XLSX: {e}"))
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime> {
    let y = u16::try_from(d.year()).map_err(|_| Error::Internal(format!("year of {d}")))?;
    ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8).map_err(xlsx_error)
}

/// Writes a header and rows of cells on `sheet`, sizing columns from the content.
fn write_sheet(sheet: &mut Worksheet, headers: &[&str], rows: &[Vec<Cell>]) -> Result<()> {
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for (c, h) in headers.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, *h, &bold)
            .map_err(xlsx_error)?;
    }
    for (i, row) in rows.iter().enumerate() {
        let r = u32::try_from(i + 1).map_err(|_| Error::Internal("too many rows".into()))?;
        for (c, cell) in row.iter().enumerate().take(headers.len()) {
            let col = c as u16;
            match cell {
                Cell::Text(s) if s.is_empty() => {}
                Cell::Text(s) => {
                    let text: String = s.chars().take(32_000).collect();
                    widths[c] = widths[c].max(text.chars().count());
                    sheet.write_string(r, col, &text).map_err(xlsx_error)?;
                }
                Cell::Number(n) => {
                    widths[c] = widths[c].max(n.to_string().len());
                    sheet.write_number(r, col, *n as f64).map_err(xlsx_error)?;
                }
                Cell::Date(None) => {}
                Cell::Date(Some(d)) => {
                    widths[c] = widths[c].max(10);
                    sheet
                        .write_date_with_format(r, col, &excel_date(*d)?, &date)
                        .map_err(xlsx_error)?;
                }
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet
            .set_column_width(c as u16, (*w).clamp(8, 60) as f64 + 2.0)
            .map_err(xlsx_error)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    let last = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    sheet
        .autofilter(0, 0, last, (headers.len() - 1) as u16)
        .map_err(xlsx_error)?;
    Ok(())
}

/// Header row of the summary sheet.
pub const SUMMARY_HEADERS: [&str; 10] = [
    "ASL",
    "Enti censiti",
    "Con progetto",
    "Posti ordinari",
    "Posti DM-DS",
    "Posti MSNA",
    "Posti totali",
    "Comuni coperti",
    "Residenti",
    "Posti per 1.000 residenti",
];

/// Cells of one summary row, in [`SUMMARY_HEADERS`] order (the last as text, two decimals).
pub fn summary_cells(r: &SaiSummaryRow) -> Vec<Cell> {
    let projects = r
        .by_status
        .iter()
        .filter(|c| c.status.has_project())
        .map(|c| c.count)
        .sum();
    vec![
        Cell::Text(r.label.clone()),
        Cell::Number(r.enti),
        Cell::Number(projects),
        Cell::Number(r.places.ordinari),
        Cell::Number(r.places.dm_ds),
        Cell::Number(r.places.msna),
        Cell::Number(r.places_total),
        Cell::Number(r.comuni_own_project + r.comuni_covered),
        Cell::Number(r.population),
        Cell::Text(
            r.places_per_1000
                .map(|v| format!("{v:.2}").replace('.', ","))
                .unwrap_or_default(),
        ),
    ]
}

/// XLSX bytes of the rows and the summary by ASL; see the module contract.
pub fn format_xlsx(rows: &[SaiRow], by_asl: &SaiSummary) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Ricognizione SAI").map_err(xlsx_error)?;
    let data: Vec<Vec<Cell>> = rows.iter().map(cells).collect();
    write_sheet(sheet, &HEADERS, &data)?;
    let sheet = workbook.add_worksheet();
    sheet.set_name("Riepilogo per ASL").map_err(xlsx_error)?;
    let mut summary: Vec<Vec<Cell>> = by_asl.rows.iter().map(summary_cells).collect();
    summary.push(summary_cells(&by_asl.total));
    write_sheet(sheet, &SUMMARY_HEADERS, &summary)?;
    workbook.save_to_buffer().map_err(xlsx_error)
}

/// Writes the survey matching `filter` to `path` as `kind` (atomically) and records the export;
/// returns how many records were written.
pub fn export_file(
    store: &crate::Store,
    filter: &SaiFilter,
    kind: SaiExportKind,
    style: CsvStyle,
    path: &Path,
) -> Result<usize> {
    let on = filter.on.unwrap_or_else(time::today_rome);
    let (rows, bytes) = store.read(|c| {
        let rows = super::list(c, filter)?;
        let bytes = match kind {
            SaiExportKind::Csv => format_csv(&rows, style).into_bytes(),
            SaiExportKind::Xlsx => format_xlsx(&rows, &super::summary(c, SaiGroupBy::Asl, on)?)?,
            SaiExportKind::Pdf => super::report::report_pdf(c, filter)?,
        };
        Ok((rows, bytes))
    })?;
    atomic_write(path, |w| {
        w.write_all(&bytes).map_err(Error::io("scrittura", path))
    })?;
    store.write(|tx| {
        audit::record(
            tx,
            AuditAction::Export,
            "sai_survey",
            None,
            &format!(
                "Esportata la ricognizione SAI ({} schede) in {}",
                rows.len(),
                path.display()
            ),
            None,
        )
    })?;
    Ok(rows.len())
}
