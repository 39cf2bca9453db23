//! Invariant checks of the importers on arbitrary bytes, shared by the cargo-fuzz targets
//! (`fuzz/`, which include this file with `#[path]`) and by the corpus replay in the normal test
//! run (`tests/it/fuzz_corpus.rs`), so a corpus file is judged the same way in both places.
//!
//! Contract: each `check_*` function takes any bytes, calls the importer through the public API
//! of `raccordo`, and panics (with a message stating the violated intent) only if an invariant of
//! the importer's documented contract does not hold; an input the importer rightly refuses is
//! fine as long as the refusal is one of the documented errors. Nothing here is compiled into the
//! shipped binary: it lives in the test tree and in the separate `fuzz` package.
//!
//! To add an importer (ICS, JSON restore…): write `check_<name>`, add it to [`TARGETS`], add
//! `fuzz/fuzz_targets/<name>.rs` and its `[[bin]]` in `fuzz/Cargo.toml`, and seed
//! `fuzz/corpus/<name>/`; the replay test then refuses to pass until that directory has files.
//! The calendar check is in [`calendar`] (the fuzz package includes this `mod.rs` with `#[path]`,
//! so its submodules are found in this folder in both builds).

mod calendar;

pub use calendar::check_ics;

use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::NaiveDate;
use raccordo::interchange::csv_contacts::{self, MAX_COLUMNS, MAX_ROWS, PREVIEW_ROWS};
use raccordo::interchange::text::{self, TextEncoding, MAX_INPUT_BYTES, MAX_LINE_BYTES};
use raccordo::interchange::{vcard, ContactField, ContactRecord};
use raccordo::territory::{self, RowIssue, MAX_ZONE_ROWS};
use raccordo::text::fold;
use raccordo::{Error, Store};

/// An invariant check: panics when `data` makes the importer break its contract.
pub type Check = fn(data: &[u8]);

/// Every fuzzed importer: (target name = corpus directory name, check).
pub const TARGETS: &[(&str, Check)] = &[
    ("text_decode", check_text_decode),
    ("csv_contacts", check_csv_contacts),
    ("vcard", check_vcard),
    ("zones_csv", check_zones_csv),
    ("ics", check_ics),
];

/// Physical lines of decoded text, as the readers number them (1-based).
fn physical_lines(text: &str) -> Vec<&str> {
    text.split('\n').collect()
}

/// Errors a reader may give for bytes it cannot decode.
fn is_decode_error(e: &Error) -> bool {
    matches!(e, Error::InputTooLarge { .. } | Error::LineTooLong { .. })
}

/// `text::decode` and `text::read_limited`.
pub fn check_text_decode(data: &[u8]) {
    match text::decode(data) {
        Ok(d) => {
            assert!(
                data.len() <= MAX_INPUT_BYTES,
                "an input over the size limit must be refused"
            );
            assert!(
                !d.text.contains('\r'),
                "line endings must be normalised to \\n"
            );
            for (i, line) in d.text.split('\n').enumerate() {
                assert!(
                    line.len() <= MAX_LINE_BYTES,
                    "line {} is over the line limit but was accepted",
                    i + 1
                );
            }
            let bom = data.starts_with(b"\xEF\xBB\xBF");
            match std::str::from_utf8(data) {
                Ok(s) if !bom => {
                    assert_eq!(
                        d.encoding,
                        TextEncoding::Utf8,
                        "valid UTF-8 is read as UTF-8"
                    );
                    assert_eq!(
                        d.text,
                        s.replace("\r\n", "\n").replace('\r', "\n"),
                        "valid UTF-8 is kept as is except line endings"
                    );
                }
                _ => {}
            }
            if !d.text.starts_with('\u{FEFF}') {
                let again = text::decode(d.text.as_bytes()).expect("decoded text decodes again");
                assert_eq!(again.text, d.text, "decoding is idempotent");
                assert_eq!(
                    again.encoding,
                    TextEncoding::Utf8,
                    "decoded text is plain UTF-8"
                );
            }
        }
        Err(Error::InputTooLarge { .. }) => {
            assert!(
                data.len() > MAX_INPUT_BYTES,
                "only inputs over the limit are too large"
            )
        }
        Err(Error::LineTooLong { line, .. }) => {
            let lines = data.iter().filter(|&&b| b == b'\n' || b == b'\r').count() + 1;
            assert!(
                line >= 1 && (line as usize) <= lines,
                "the long line {line} must exist in the input ({lines} lines at most)"
            );
        }
        Err(e) => panic!("decode may only fail on its limits, got {e:?}"),
    }
    check_read_limited(data);
}

/// `read_limited` gives back exactly the bytes of a file under the limit.
fn check_read_limited(data: &[u8]) {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    let path = PATH.get_or_init(|| {
        std::env::temp_dir().join(format!("raccordo-fuzz-read-{}.bin", std::process::id()))
    });
    std::fs::write(path, data).expect("write the input to a temporary file");
    let back = text::read_limited(path).expect("a file under the limit is read");
    assert_eq!(
        back, data,
        "read_limited returns the file's bytes unchanged"
    );
}

/// Invariants of any record produced by a contact reader.
fn check_record(r: &ContactRecord, what: &str) {
    let strings = [&r.given_name, &r.family_name]
        .into_iter()
        .chain(r.honorific.iter())
        .chain(r.organisation.iter())
        .chain(r.title.iter())
        .chain(r.comune.iter())
        .chain(r.notes.iter())
        .chain(r.emails.iter())
        .chain(r.phones.iter())
        .chain(r.tags.iter());
    for s in strings {
        assert_eq!(s.trim(), s, "{what}: every value is trimmed: {s:?}");
        assert!(!s.contains('\r'), "{what}: no carriage return in {s:?}");
    }
    for opt in [&r.honorific, &r.organisation, &r.title, &r.comune, &r.notes] {
        assert_ne!(
            opt.as_deref(),
            Some(""),
            "{what}: an absent value is None, not an empty string"
        );
    }
    for list in [&r.emails, &r.phones, &r.tags] {
        assert!(
            list.iter().all(|v| !v.is_empty()),
            "{what}: no empty entry in {list:?}"
        );
    }
    for e in &r.emails {
        assert!(
            csv_contacts::is_email(e),
            "{what}: only valid e-mail addresses are kept: {e:?}"
        );
    }
    let lower: std::collections::HashSet<String> =
        r.emails.iter().map(|e| e.to_lowercase()).collect();
    assert_eq!(
        lower.len(),
        r.emails.len(),
        "{what}: e-mails are unique (case-insensitive)"
    );
    assert!(
        !(r.given_name.is_empty()
            && r.family_name.is_empty()
            && r.organisation.is_none()
            && r.emails.is_empty()),
        "{what}: a record has a name, an organisation or an e-mail"
    );
}

fn check_issue(issue: &RowIssue, line_count: usize, what: &str) {
    assert!(
        issue.line >= 1 && issue.line as usize <= line_count,
        "{what}: issue line {} within the input's {line_count} lines",
        issue.line
    );
    assert!(
        !issue.message.trim().is_empty(),
        "{what}: every issue explains itself"
    );
}

/// `csv_contacts::preview`, then `read` with the suggested mapping, with every column as a full
/// name, and with every column ignored.
pub fn check_csv_contacts(data: &[u8]) {
    let preview = match csv_contacts::preview(data) {
        Ok(p) => p,
        Err(e) => {
            assert!(
                is_decode_error(&e) || matches!(e, Error::BadInput { .. }),
                "preview refuses a file only with a decode limit or BadInput, got {e:?}"
            );
            if let Error::BadInput { reason } = &e {
                assert!(!reason.trim().is_empty(), "a refusal explains itself");
            }
            return;
        }
    };
    let decoded = text::decode(data).expect("a previewed file decodes");
    assert_eq!(
        preview.encoding, decoded.encoding,
        "preview reports the encoding"
    );
    let lines = physical_lines(&decoded.text);
    assert!(
        [";", ",", "\t"].contains(&preview.separator.as_str()),
        "separator is one of ; , tab: {:?}",
        preview.separator
    );
    assert!(
        !preview.headers.is_empty() && preview.headers.len() <= MAX_COLUMNS,
        "1..={MAX_COLUMNS} headers, got {}",
        preview.headers.len()
    );
    for h in &preview.headers {
        assert!(
            !h.is_empty() && h.trim() == h,
            "headers are trimmed and never empty: {h:?}"
        );
    }
    assert!(
        preview.rows.len() <= PREVIEW_ROWS.min(preview.total_rows as usize),
        "at most {PREVIEW_ROWS} preview rows, and no more than the file has"
    );
    assert!(
        (preview.total_rows as usize) <= MAX_ROWS,
        "row limit enforced"
    );
    assert!(
        (preview.total_rows as usize) < lines.len().max(1),
        "{} data rows cannot fit in {} lines after the header",
        preview.total_rows,
        lines.len()
    );
    let names: std::collections::HashSet<&str> =
        preview.suggested.iter().map(|(h, _)| h.as_str()).collect();
    assert_eq!(
        names.len(),
        preview.suggested.len(),
        "one suggestion per distinct header"
    );
    assert!(
        preview.headers.iter().all(|h| names.contains(h.as_str())),
        "every header has a suggestion"
    );

    let everything_full_name: Vec<(String, ContactField)> = preview
        .headers
        .iter()
        .map(|h| (h.clone(), ContactField::FullName))
        .collect();
    let nothing: Vec<(String, ContactField)> = preview
        .headers
        .iter()
        .map(|h| (h.clone(), ContactField::Ignore))
        .collect();
    for (label, mapping) in [
        ("suggested mapping", &preview.suggested),
        ("every column a full name", &everything_full_name),
        ("every column ignored", &nothing),
    ] {
        let read = csv_contacts::read(data, mapping)
            .unwrap_or_else(|e| panic!("{label}: a previewed file reads, got {e:?}"));
        assert_eq!(
            read.records.len() + read.issues.len(),
            preview.total_rows as usize,
            "{label}: each data row gives exactly one record or one issue"
        );
        let mut starts: Vec<u32> = read
            .records
            .iter()
            .map(|r| r.source_line)
            .chain(read.issues.iter().map(|i| i.line))
            .collect();
        starts.sort_unstable();
        assert!(
            starts.windows(2).all(|w| w[0] < w[1]),
            "{label}: rows start on distinct lines: {starts:?}"
        );
        for r in &read.records {
            assert!(
                r.source_line >= 2 && r.source_line as usize <= lines.len(),
                "{label}: record line {} after the header and within {} lines",
                r.source_line,
                lines.len()
            );
            check_record(r, label);
        }
        for issue in &read.issues {
            check_issue(issue, lines.len(), label);
            assert!(issue.line >= 2, "{label}: an issue is never on line 1");
        }
        if label == "every column ignored" {
            assert!(
                read.records.is_empty(),
                "{label}: nothing mapped, nothing imported"
            );
        }
    }
    let missing = "colonna che non esiste";
    if !preview.headers.iter().any(|h| fold(h) == fold(missing)) {
        let unknown = csv_contacts::read(data, &[(missing.to_owned(), ContactField::Notes)]);
        assert!(
            matches!(unknown, Err(Error::UnknownColumn { .. })),
            "a mapping naming a missing column is refused, got {unknown:?}"
        );
    }
}

/// `vcard::read`, and reading back what `to_vcard_string` writes of its records.
pub fn check_vcard(data: &[u8]) {
    let read = match vcard::read(data) {
        Ok(r) => r,
        Err(e) => {
            assert!(
                is_decode_error(&e) || matches!(e, Error::BadInput { .. }),
                "vcard refuses a file only with a decode limit or BadInput, got {e:?}"
            );
            return;
        }
    };
    let decoded = text::decode(data).expect("a read file decodes");
    let lines = physical_lines(&decoded.text);
    let cards = read.records.len() + read.issues.len();
    assert!(
        cards >= 1,
        "a file that is read has at least one card (else BadInput)"
    );
    assert!(
        cards <= vcard::MAX_CARDS,
        "card limit enforced ({cards} cards)"
    );
    assert!(
        read.records
            .windows(2)
            .all(|w| w[0].source_line < w[1].source_line),
        "records are numbered by card, in order"
    );
    for r in &read.records {
        assert!(
            r.source_line >= 1 && r.source_line as usize <= cards,
            "record card index {} within 1..={cards}",
            r.source_line
        );
        check_record(r, "vcard");
    }
    assert!(
        read.issues.windows(2).all(|w| w[0].line < w[1].line),
        "issues are in file order, one per card"
    );
    for issue in &read.issues {
        check_issue(issue, lines.len(), "vcard");
        let at = lines[issue.line as usize - 1].trim().to_ascii_uppercase();
        assert!(
            !at.is_empty() && "BEGIN:VCARD".starts_with(&at),
            "an issue points at the line where its card begins, found {at:?}"
        );
    }
    // Folding may build a BEGIN:VCARD out of several physical lines, but every card's first
    // physical line is a prefix of it.
    let starts = lines
        .iter()
        .map(|l| l.trim().to_ascii_uppercase())
        .filter(|l| !l.is_empty() && "BEGIN:VCARD".starts_with(l.as_str()))
        .count();
    assert!(
        cards <= starts,
        "{cards} cards but only {starts} lines that can begin one"
    );

    if read.records.is_empty() {
        return;
    }
    for version in [vcard::VcardVersion::V3, vcard::VcardVersion::V4] {
        let written = vcard::to_vcard_string(&read.records, version);
        let again = vcard::read(written.as_bytes())
            .unwrap_or_else(|e| panic!("{version:?}: our own output reads, got {e:?}"));
        assert!(
            again.issues.is_empty(),
            "{version:?}: our own output has no issues: {:?}",
            again.issues
        );
        assert_eq!(
            again.records.len(),
            read.records.len(),
            "{version:?}: our own output reads back whole"
        );
        for (a, b) in read.records.iter().zip(&again.records) {
            let strip = |r: &ContactRecord| ContactRecord {
                source_line: 0,
                comune: None,
                ..r.clone()
            };
            assert_eq!(
                strip(b),
                strip(a),
                "{version:?}: writing then reading a card keeps every field"
            );
        }
    }
}

/// A database with the Tuscan reference data, opened once per process (dry runs never write).
fn zones_store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("raccordo-fuzz-db-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Store::open(dir.join("raccordo.sqlite")).expect("open the fuzzing database")
    })
}

/// `territory::parse_zone_rows`, then a dry-run `import_zones` of the same bytes.
pub fn check_zones_csv(data: &[u8]) {
    let rows = match territory::parse_zone_rows(data, "zone.csv") {
        Ok(rows) => rows,
        Err(e) => {
            assert!(
                is_decode_error(&e) || matches!(e, Error::Import { .. }),
                "zones refuse a file only with a decode limit or Import, got {e:?}"
            );
            return;
        }
    };
    let decoded = text::decode(data).expect("a parsed file decodes");
    let lines = physical_lines(&decoded.text);
    assert!(
        !rows.is_empty() && rows.len() <= MAX_ZONE_ROWS,
        "1..={MAX_ZONE_ROWS} rows, got {}",
        rows.len()
    );
    assert!(
        rows.windows(2).all(|w| w[0].line < w[1].line),
        "rows start on increasing lines"
    );
    for (i, row) in rows.iter().enumerate() {
        assert!(
            row.line >= 2 && row.line as usize <= lines.len(),
            "row line {} after the header and within {} lines",
            row.line,
            lines.len()
        );
        // The row spans from its line to the line before the next row.
        let end = rows
            .get(i + 1)
            .map_or(lines.len(), |next| next.line as usize - 1);
        let span = lines[row.line as usize - 1..end].join("\n");
        for cell in [&row.istat, &row.zone] {
            assert_eq!(cell.trim(), cell.as_str(), "cells are trimmed");
            // Quoting can split a value in the source (`"Al01` newline `"Alta`): only a row
            // written without quotes must show its cells verbatim.
            if !span.contains('"') {
                assert!(
                    span.contains(cell.as_str()),
                    "the cell {cell:?} is in the lines of its row from line {}: {span:?}",
                    row.line
                );
            }
        }
    }

    let date = NaiveDate::from_ymd_opt(2025, 1, 1).expect("date");
    let report = zones_store()
        .write(|tx| territory::import_zones(tx, data, "zone.csv", date, true))
        .expect("a dry run of a parsed file reports, never fails");
    assert!(
        report.dry_run && !report.applied,
        "a dry run applies nothing"
    );
    assert_eq!(
        report.rows_read as usize,
        rows.len(),
        "the import reads the parsed rows"
    );
    assert_eq!(
        report.rows_ok as usize + report.rejected.len(),
        rows.len(),
        "each row is accepted or rejected"
    );
    for issue in &report.rejected {
        assert!(
            rows.iter().any(|r| r.line == issue.line),
            "a rejection points at a row's line ({})",
            issue.line
        );
        check_issue(issue, lines.len(), "zones");
    }
}
