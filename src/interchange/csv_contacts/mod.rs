//! Contact lists in CSV, as Excel, LibreOffice, Outlook and Google export them.
//!
//! Contract:
//! - [`preview`] decodes the bytes ([`super::text::decode`]), detects the separator among `;`,
//!   `,` and tab (the one giving the header at least two columns and the most rows with the
//!   header's column count), and returns the headers, the first [`PREVIEW_ROWS`] rows, the number
//!   of data rows and a suggested mapping from header names (Italian or English, case and accents
//!   ignored). Columns with an empty header are called "Colonna N".
//! - [`read`] applies a column mapping (header name → [`ContactField`]; a header may appear more
//!   than once, every column with that name gets the field; a name not found is an
//!   [`Error::UnknownColumn`]) and returns one [`ContactRecord`] per non-blank row, or a
//!   [`RowIssue`] for a rejected row. Line numbers are the physical lines where the row starts
//!   (quoted fields may span lines). Several e-mail or phone columns accumulate, a cell may hold
//!   several values separated by `;` or `,`; a full name is split by [`split_full_name`]; a `'`
//!   put in front of a formula-like cell by our own export is removed.
//! - A row is rejected when it has no name, organisation or e-mail, when an e-mail is not an
//!   address, or when it has non-empty cells beyond the header's columns.
//! - Files over [`MAX_ROWS`] data rows or [`MAX_COLUMNS`] columns are refused as a whole.
//!
//! The header → field suggestion is in [`mapping`], the row → record rules in [`row`]; their
//! public items are re-exported here, so the paths `csv_contacts::suggest_field`,
//! `csv_contacts::is_email` and `csv_contacts::MAX_VALUES_PER_FIELD` stay as they were.

mod mapping;
mod row;

pub use mapping::suggest_field;
use row::build;
pub use row::{is_email, MAX_VALUES_PER_FIELD};

use csv::StringRecord;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::record::{ContactField, ContactRecord};
use super::text::{decode, TextEncoding};
use crate::error::{Error, Result};
use crate::interchange::record::RowIssue;
use crate::text::fold;

/// Rows shown in a preview.
pub const PREVIEW_ROWS: usize = 10;

/// Most data rows accepted in one file.
pub const MAX_ROWS: usize = 200_000;

/// Most columns accepted in the header.
pub const MAX_COLUMNS: usize = 500;

/// What the column-mapping screen shows before an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CsvPreview {
    pub encoding: TextEncoding,
    /// `";"`, `","` or `"\t"`.
    pub separator: String,
    pub headers: Vec<String>,
    /// The first data rows, cells as found.
    pub rows: Vec<Vec<String>>,
    /// Non-blank data rows in the file.
    pub total_rows: u32,
    /// One entry per distinct header: the field it most likely holds (`ignore` if unknown).
    pub suggested: Vec<(String, ContactField)>,
}

/// Records read from a CSV file and the rows rejected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CsvRead {
    pub records: Vec<ContactRecord>,
    pub issues: Vec<RowIssue>,
}

/// A parsed file: headers and data rows with their starting line.
struct Table {
    encoding: TextEncoding,
    separator: u8,
    headers: Vec<String>,
    rows: Vec<(u32, StringRecord)>,
}

/// Preview of a CSV contact file; see the module contract.
pub fn preview(bytes: &[u8]) -> Result<CsvPreview> {
    let table = parse(bytes)?;
    let mut suggested: Vec<(String, ContactField)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for h in &table.headers {
        if seen.insert(h.as_str()) {
            suggested.push((h.clone(), suggest_field(h)));
        }
    }
    Ok(CsvPreview {
        encoding: table.encoding,
        separator: char::from(table.separator).to_string(),
        rows: table
            .rows
            .iter()
            .take(PREVIEW_ROWS)
            .map(|(_, r)| r.iter().take(MAX_COLUMNS).map(str::to_owned).collect())
            .collect(),
        total_rows: u32::try_from(table.rows.len()).unwrap_or(u32::MAX),
        headers: table.headers,
        suggested,
    })
}

/// Reads contacts with a column mapping; see the module contract.
pub fn read(bytes: &[u8], mapping: &[(String, ContactField)]) -> Result<CsvRead> {
    let table = parse(bytes)?;
    let columns = resolve(&table.headers, mapping)?;
    let mut out = CsvRead {
        records: Vec::new(),
        issues: Vec::new(),
    };
    for (line, row) in &table.rows {
        match build(*line, row, &columns) {
            Ok(record) => out.records.push(record),
            Err(message) => out.issues.push(RowIssue {
                line: *line,
                message,
            }),
        }
    }
    Ok(out)
}

fn csv_reader(text: &str, separator: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

fn blank(r: &StringRecord) -> bool {
    r.iter().all(|c| c.trim().is_empty())
}

fn csv_reason(e: &csv::Error) -> String {
    match e.position() {
        Some(p) => format!("la riga {} non è leggibile come CSV ({e})", p.line()),
        None => format!("il file non è leggibile come CSV ({e})"),
    }
}

fn detect_separator(text: &str) -> u8 {
    let mut best = (b';', 0usize, 0usize);
    for sep in [b';', b',', b'\t'] {
        let counts: Vec<usize> = csv_reader(text, sep)
            .records()
            .map_while(std::result::Result::ok)
            .filter(|r| !blank(r))
            .take(30)
            .map(|r| r.len())
            .collect();
        let Some(&n) = counts.first() else { continue };
        if n < 2 {
            continue;
        }
        let score = counts.iter().filter(|&&c| c == n).count();
        if score > best.1 || (score == best.1 && n > best.2) {
            best = (sep, score, n);
        }
    }
    best.0
}

fn parse(bytes: &[u8]) -> Result<Table> {
    let decoded = decode(bytes)?;
    let separator = detect_separator(&decoded.text);
    let mut records = csv_reader(&decoded.text, separator).into_records();
    let header = loop {
        match records.next() {
            None => {
                return Err(Error::BadInput {
                    reason: "il file è vuoto: serve una riga di intestazione con i nomi delle \
                             colonne"
                        .to_owned(),
                })
            }
            Some(Err(e)) => {
                return Err(Error::BadInput {
                    reason: csv_reason(&e),
                })
            }
            Some(Ok(r)) if blank(&r) => continue,
            Some(Ok(r)) => break r,
        }
    };
    if header.len() > MAX_COLUMNS {
        return Err(Error::BadInput {
            reason: format!(
                "l'intestazione ha {} colonne (il massimo è {MAX_COLUMNS}): controlla che il \
                 file sia un elenco di contatti",
                header.len()
            ),
        });
    }
    let headers: Vec<String> = header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let h = h.trim().trim_start_matches('\u{FEFF}').trim();
            if h.is_empty() {
                format!("Colonna {}", i + 1)
            } else {
                h.to_owned()
            }
        })
        .collect();
    // Line numbers from byte offsets (the csv crate does not count blank lines), counted forward
    // as the rows come in file order: no table with an entry per line is kept, so a file of
    // millions of blank lines costs no memory.
    let text = decoded.text.as_bytes();
    let (mut counted_to, mut current_line) = (0usize, 1u32);
    let mut line_of = |byte: u64| {
        let mut at = usize::try_from(byte).unwrap_or(usize::MAX).min(text.len());
        // The csv crate also places a record after blank lines at the first blank line.
        while text.get(at) == Some(&b'\n') {
            at += 1;
        }
        if at > counted_to {
            let newlines = text[counted_to..at].iter().filter(|&&b| b == b'\n').count();
            current_line = current_line.saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
            counted_to = at;
        }
        current_line
    };
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|e| Error::BadInput {
            reason: csv_reason(&e),
        })?;
        if blank(&record) {
            continue;
        }
        if rows.len() >= MAX_ROWS {
            return Err(Error::BadInput {
                reason: format!("il file ha più di {MAX_ROWS} righe di dati: dividilo in più file"),
            });
        }
        let line = record.position().map_or(0, |p| line_of(p.byte()));
        rows.push((line, record));
    }
    Ok(Table {
        encoding: decoded.encoding,
        separator,
        headers,
        rows,
    })
}

/// The field of each column (None: not imported).
fn resolve(
    headers: &[String],
    mapping: &[(String, ContactField)],
) -> Result<Vec<Option<ContactField>>> {
    let mut columns = vec![None; headers.len()];
    for (name, field) in mapping {
        let name = name.trim();
        let mut hits: Vec<usize> = (0..headers.len()).filter(|&i| headers[i] == name).collect();
        if hits.is_empty() {
            let folded = fold(name);
            hits = (0..headers.len())
                .filter(|&i| fold(&headers[i]) == folded)
                .collect();
        }
        if hits.is_empty() {
            return Err(Error::UnknownColumn {
                column: name.to_owned(),
                headers: headers.to_vec(),
            });
        }
        for i in hits {
            columns[i] = (*field != ContactField::Ignore).then_some(*field);
        }
    }
    Ok(columns)
}

#[cfg(test)]
mod tests {
    use super::row::split_emails;
    use super::*;

    #[test]
    fn suggests_fields_from_italian_and_english_headers() {
        use ContactField as F;
        for (h, f) in [
            ("Nome", F::GivenName),
            ("First name", F::GivenName),
            ("COGNOME", F::FamilyName),
            ("Nome e cognome", F::FullName),
            ("Nominativo", F::FullName),
            ("E-mail", F::Email),
            ("PEC", F::Email),
            ("Posta elettronica", F::Email),
            ("Indirizzo email 2", F::Email),
            ("Telefono", F::Phone),
            ("Tel.", F::Phone),
            ("Cellulare", F::Phone),
            ("Ente", F::Organisation),
            ("Società", F::Organisation),
            ("Ruolo", F::Title),
            ("Qualifica", F::Title),
            ("Titolo", F::Title),
            ("Titolo onorifico", F::Honorific),
            ("Note", F::Notes),
            ("Etichette", F::Tags),
            ("E-mail 1 - Type", F::Ignore),
            ("Colore preferito", F::Ignore),
        ] {
            assert_eq!(suggest_field(h), f, "header {h:?}");
        }
    }

    #[test]
    fn detects_separator_by_consistent_columns() {
        assert_eq!(detect_separator("a;b;c\n1;2,5;3\n"), b';', "semicolon");
        assert_eq!(detect_separator("a,b,c\n1,2,3\n"), b',', "comma");
        assert_eq!(detect_separator("a\tb\n1\t2\n"), b'\t', "tab");
        assert_eq!(
            detect_separator("Nome;Note\nMario;\"a, b, c\"\n"),
            b';',
            "commas inside quotes do not count"
        );
    }

    #[test]
    fn emails_in_a_cell() {
        assert_eq!(
            split_emails("a@x.it; Mario <b@y.it>, mailto:c@z.it"),
            Ok(vec!["a@x.it".into(), "b@y.it".into(), "c@z.it".into()]),
            "several forms"
        );
        assert_eq!(
            split_emails("a@x.it (ufficio)"),
            Ok(vec!["a@x.it".into()]),
            "comment dropped"
        );
        assert!(split_emails("non è una mail").is_err(), "not an address");
        assert!(split_emails("a@x.it; rossi@").is_err(), "broken address");
    }
}
