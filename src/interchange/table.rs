//! Generic tables (a header row and rows of text cells) as CSV or XLSX: the one implementation
//! behind every spreadsheet export (contacts, audit log).
//!
//! Contract: CSV has the header row, `;` (or `,`) separator, optional UTF-8 BOM, CRLF record
//! ends, every cell neutralised and quoted by [`csv_cell`]. XLSX has one sheet with a bold
//! frozen header and an autofilter, column widths from the content (8–60 characters), and every
//! value written as a string cell (never a formula); a cell longer than Excel's limit is cut
//! with `…`. Writing to disk goes through [`super::atomic_write`].

use rust_xlsxwriter::{Format, Workbook};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cell::csv_cell;
use crate::error::{Error, Result};

/// Separator and BOM of a CSV export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CsvStyle {
    /// `;` for Italian spreadsheets (default) or `,`.
    pub separator: char,
    /// UTF-8 byte-order mark, so Excel recognises UTF-8 (default true).
    pub bom: bool,
}

impl Default for CsvStyle {
    fn default() -> Self {
        CsvStyle {
            separator: ';',
            bom: true,
        }
    }
}

/// Excel's limit for the text of one cell.
const XLSX_MAX_CELL_CHARS: usize = 32_767;

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::Internal(format!("scrittura XLSX: {e}"))
}

/// CSV text of a table; see the module contract.
pub fn format_csv_table<R: AsRef<[String]>>(
    headers: &[&str],
    rows: &[R],
    style: CsvStyle,
) -> String {
    let sep = style.separator;
    let mut out = String::new();
    if style.bom {
        out.push('\u{FEFF}');
    }
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let cells: Vec<String> = cells.map(|c| csv_cell(c, sep)).collect();
        out.push_str(&cells.join(&sep.to_string()));
        out.push_str("\r\n");
    };
    line(&mut headers.iter().copied());
    for r in rows {
        line(&mut r.as_ref().iter().map(String::as_str));
    }
    out
}

/// XLSX bytes of a table on a sheet named `sheet_name`; see the module contract.
pub fn format_xlsx_table<R: AsRef<[String]>>(
    sheet_name: &str,
    headers: &[&str],
    rows: &[R],
) -> Result<Vec<u8>> {
    format_xlsx_table_with_dates(sheet_name, headers, rows, &[])
}

/// As [`format_xlsx_table`], but the cells of `date_columns` that hold an ISO day
/// (`YYYY-MM-DD`) are written as real Excel dates shown `dd/mm/yyyy` (other text in those
/// columns stays text).
pub fn format_xlsx_table_with_dates<R: AsRef<[String]>>(
    sheet_name: &str,
    headers: &[&str],
    rows: &[R],
    date_columns: &[usize],
) -> Result<Vec<u8>> {
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name).map_err(xlsx_error)?;
    let bold = Format::new().set_bold();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for (c, h) in headers.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, *h, &bold)
            .map_err(xlsx_error)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = u32::try_from(i + 1).map_err(|_| Error::Internal("too many rows".into()))?;
        for (c, cell) in r.as_ref().iter().enumerate().take(headers.len()) {
            if cell.is_empty() {
                continue;
            }
            let text: String = if cell.chars().count() > XLSX_MAX_CELL_CHARS {
                cell.chars()
                    .take(XLSX_MAX_CELL_CHARS - 1)
                    .chain(['…'])
                    .collect()
            } else {
                cell.clone()
            };
            if date_columns.contains(&c) {
                if let Some(day) = excel_day(&text) {
                    widths[c] = widths[c].max(10);
                    sheet
                        .write_date_with_format(row, c as u16, &day, &date_format)
                        .map_err(xlsx_error)?;
                    continue;
                }
            }
            let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
            widths[c] = widths[c].max(longest);
            sheet
                .write_string(row, c as u16, &text)
                .map_err(xlsx_error)?;
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet
            .set_column_width(c as u16, (*w).clamp(8, 60) as f64 + 2.0)
            .map_err(xlsx_error)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    let last_row = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    if !headers.is_empty() {
        sheet
            .autofilter(0, 0, last_row, (headers.len() - 1) as u16)
            .map_err(xlsx_error)?;
    }
    workbook.save_to_buffer().map_err(xlsx_error)
}

/// An ISO day as an Excel date, or `None` when the text is not one.
fn excel_day(text: &str) -> Option<rust_xlsxwriter::ExcelDateTime> {
    let d = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    use chrono::Datelike;
    let year = u16::try_from(d.year()).ok()?;
    rust_xlsxwriter::ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8).ok()
}
