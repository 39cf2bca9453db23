//! Output of the CLI: aligned Italian tables, `;`-separated CSV (UTF-8 with BOM, formula
//! injection neutralised), pretty JSON. A closed pipe (`| head`) ends output quietly.

use std::io::{self, Write};

use clap::ValueEnum;
use serde::Serialize;

use raccordo::interchange::csv_cell;

/// `--format` of list commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// aligned table for people
    #[default]
    Table,
    /// pretty-printed JSON, for scripts
    Json,
    /// CSV with `;` separator (UTF-8 with BOM), for spreadsheets
    Csv,
}

/// A column of a table: header and whether values are right-aligned numbers.
pub struct Column {
    pub header: &'static str,
    pub numeric: bool,
}

pub const fn col(header: &'static str) -> Column {
    Column {
        header,
        numeric: false,
    }
}

pub const fn num(header: &'static str) -> Column {
    Column {
        header,
        numeric: true,
    }
}

/// Writes to stdout; `BrokenPipe` is swallowed (the reader went away, not an error).
pub struct Out {
    inner: io::BufWriter<io::Stdout>,
    closed: bool,
}

impl Out {
    pub fn new() -> Self {
        Out {
            inner: io::BufWriter::new(io::stdout()),
            closed: false,
        }
    }

    pub fn line(&mut self, s: &str) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let r = self
            .inner
            .write_all(s.as_bytes())
            .and_then(|()| self.inner.write_all(b"\n"));
        self.swallow_pipe(r)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let r = self.inner.flush();
        self.swallow_pipe(r)
    }

    fn swallow_pipe(&mut self, r: io::Result<()>) -> io::Result<()> {
        match r {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }

    /// Pretty JSON of any serialisable value.
    pub fn json<T: Serialize + ?Sized>(&mut self, value: &T) -> io::Result<()> {
        let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
        self.line(&text)
    }

    /// A table (or CSV) of rows of cells.
    pub fn rows(
        &mut self,
        format: Format,
        columns: &[Column],
        rows: &[Vec<String>],
    ) -> io::Result<()> {
        match format {
            Format::Csv => {
                let header: Vec<String> = columns.iter().map(|c| csv_cell(c.header, ';')).collect();
                self.line(&format!("\u{FEFF}{}", header.join(";")))?;
                for row in rows {
                    let cells: Vec<String> = row.iter().map(|c| csv_cell(c, ';')).collect();
                    self.line(&cells.join(";"))?;
                }
                Ok(())
            }
            Format::Table | Format::Json => {
                let mut widths: Vec<usize> = columns.iter().map(|c| width(c.header)).collect();
                for row in rows {
                    for (w, cell) in widths.iter_mut().zip(row) {
                        *w = (*w).max(width(cell));
                    }
                }
                let render = |cells: &mut dyn Iterator<Item = &str>| {
                    let parts: Vec<String> = cells
                        .zip(columns.iter().zip(&widths))
                        .map(|(cell, (c, w))| pad(cell, *w, c.numeric))
                        .collect();
                    parts.join("  ").trim_end().to_owned()
                };
                self.line(&render(&mut columns.iter().map(|c| c.header)))?;
                let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
                self.line(&rule.join("  "))?;
                for row in rows {
                    self.line(&render(&mut row.iter().map(String::as_str)))?;
                }
                Ok(())
            }
        }
    }

    /// Label/value lines, labels aligned.
    pub fn pairs(&mut self, pairs: &[(&str, String)]) -> io::Result<()> {
        let w = pairs.iter().map(|(k, _)| width(k)).max().unwrap_or(0);
        for (k, v) in pairs {
            self.line(&format!("{}  {v}", pad(&format!("{k}:"), w + 1, false)))?;
        }
        Ok(())
    }
}

fn width(s: &str) -> usize {
    s.chars().count()
}

fn pad(s: &str, w: usize, right: bool) -> String {
    let fill = " ".repeat(w.saturating_sub(width(s)));
    if right {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

/// Integer with Italian thousands separators: 3.651.152.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

pub fn yes_no(b: bool) -> String {
    if b { "sì" } else { "no" }.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_uses_dots() {
        assert_eq!(thousands(3_651_152), "3.651.152", "Italian grouping");
        assert_eq!(thousands(999), "999", "no separator under 1000");
        assert_eq!(thousands(-1000), "-1.000", "negative numbers");
    }
}
