//! CSV contact import (preview, mapping, read) and CSV/XLSX export, on Italian Excel files.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use raccordo::interchange::csv_contacts::{preview, read};
use raccordo::interchange::write::{format_csv, format_xlsx, CONTACT_HEADERS};
use raccordo::interchange::{
    write_csv, write_xlsx, ContactField, ContactRecord, CsvStyle, TextEncoding,
};
use raccordo::{ApiError, Error, ErrorKind};

fn fixture(name: &str) -> Vec<u8> {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests/fixtures/interchange",
        name,
    ]
    .iter()
    .collect();
    fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

fn suggested(bytes: &[u8]) -> Vec<(String, ContactField)> {
    preview(bytes).expect("preview").suggested
}

#[test]
fn preview_detects_encoding_separator_headers_and_mapping() {
    let bom = preview(&fixture("contatti_excel_utf8bom.csv")).expect("preview utf8");
    assert_eq!(bom.encoding, TextEncoding::Utf8Bom, "UTF-8 BOM detected");
    assert_eq!(bom.separator, ";", "semicolon separator");
    assert_eq!(bom.headers.len(), 11, "eleven columns");
    assert_eq!(
        bom.headers[0], "Titolo onorifico",
        "BOM not in first header"
    );
    assert_eq!(bom.total_rows, 6, "six non-blank data rows");
    assert_eq!(bom.rows.len(), 6, "all rows previewed (fewer than 10)");
    assert_eq!(
        bom.rows[1][9], "Prima riga\nseconda riga; con punto e virgola",
        "multi-line quoted cell in the preview"
    );
    let fields: Vec<ContactField> = bom.suggested.iter().map(|(_, f)| *f).collect();
    use ContactField as F;
    assert_eq!(
        fields,
        vec![
            F::Honorific,
            F::GivenName,
            F::FamilyName,
            F::Organisation,
            F::Title,
            F::Email,
            F::Email,
            F::Phone,
            F::Phone,
            F::Notes,
            F::Tags
        ],
        "suggested mapping"
    );
    let cp = preview(&fixture("contatti_excel_cp1252.csv")).expect("preview cp1252");
    assert_eq!(
        cp.encoding,
        TextEncoding::Windows1252,
        "Windows-1252 detected"
    );
    assert_eq!(cp.rows, bom.rows, "both encodings give the same cells");
}

#[test]
fn italian_excel_csv_reads_with_line_numbers_in_both_encodings() {
    for name in ["contatti_excel_utf8bom.csv", "contatti_excel_cp1252.csv"] {
        let bytes = fixture(name);
        let out = read(&bytes, &suggested(&bytes)).expect("read");
        let lines: Vec<u32> = out.records.iter().map(|r| r.source_line).collect();
        assert_eq!(lines, vec![2, 3, 5, 6, 9], "{name}: record start lines");
        assert_eq!(out.issues.len(), 1, "{name}: one rejected row");
        assert_eq!(out.issues[0].line, 7, "{name}: bad e-mail row line");
        assert!(
            out.issues[0].message.contains("non-è-una-mail"),
            "{name}: issue names the value: {}",
            out.issues[0].message
        );

        let n = &out.records[0];
        assert_eq!(
            n.honorific.as_deref(),
            Some("Dott.ssa"),
            "{name}: honorific"
        );
        assert_eq!(
            (n.given_name.as_str(), n.family_name.as_str()),
            ("Niccolò", "Della Valle"),
            "{name}: accented names"
        );
        assert_eq!(
            n.emails,
            vec![
                "niccolo.dellavalle@comune.example.it",
                "protocollo@pec.comune.example.it"
            ],
            "{name}: e-mail and PEC columns accumulate"
        );
        assert_eq!(
            n.phones,
            vec!["0575 555001", "+39 333 1234567"],
            "{name}: phone columns accumulate"
        );
        assert_eq!(
            n.notes.as_deref(),
            Some("Riunione \"SAI\" del 3/10/2026 – costo 5 €"),
            "{name}: embedded quotes, dash and euro"
        );
        assert_eq!(n.tags, vec!["sindaci", "Casentino"], "{name}: tags split");

        let r = &out.records[1];
        assert_eq!(
            r.organisation.as_deref(),
            Some("Unione dei Comuni \"Valdarno\" Fiorentino"),
            "{name}: embedded quotes in organisation"
        );
        assert_eq!(
            r.notes.as_deref(),
            Some("Prima riga\nseconda riga; con punto e virgola"),
            "{name}: multi-line note"
        );
        let dup = &out.records[2];
        assert_eq!(
            r.emails[0].to_lowercase(),
            dup.emails[0].to_lowercase(),
            "{name}: duplicate differs only in e-mail case"
        );
        assert_ne!(r.emails[0], dup.emails[0], "{name}: case kept as written");

        let b = &out.records[3];
        assert_eq!(
            b.given_name, "=HYPERLINK(\"http://example.invalid/x\";\"clic\")",
            "{name}: formula-like cell read as plain text"
        );
        assert_eq!(
            b.organisation.as_deref(),
            Some("+SdS Pisana"),
            "{name}: plus cell"
        );
        assert_eq!(b.title.as_deref(), Some("@Direttrice"), "{name}: at cell");
        assert_eq!(b.notes.as_deref(), Some("=1+1"), "{name}: formula note");

        let g = &out.records[4];
        assert_eq!(g.family_name, "D’Angelo", "{name}: typographic apostrophe");
        assert_eq!(
            g.notes.as_deref(),
            Some("Dice: \"città\", non \"citta\""),
            "{name}: quotes and accents"
        );
    }
}

#[test]
fn full_name_column_is_split() {
    let csv = "Nominativo;Email\nRossi, Mario;a@b.it\nMaria Grazia De Luca;c@d.it\nDott. Pier Luigi Dal Molin;e@f.it\n";
    let bytes = csv.as_bytes();
    let map = suggested(bytes);
    assert_eq!(
        map[0].1,
        ContactField::FullName,
        "Nominativo is a full name"
    );
    let out = read(bytes, &map).expect("read");
    let names: Vec<(String, String, Option<String>)> = out
        .records
        .iter()
        .map(|r| {
            (
                r.given_name.clone(),
                r.family_name.clone(),
                r.honorific.clone(),
            )
        })
        .collect();
    assert_eq!(
        names,
        vec![
            ("Mario".into(), "Rossi".into(), None),
            ("Maria Grazia".into(), "De Luca".into(), None),
            (
                "Pier Luigi".into(),
                "Dal Molin".into(),
                Some("Dott.".into())
            ),
        ],
        "comma form, particles, honorific"
    );
}

#[test]
fn comma_and_tab_files_and_google_style_headers() {
    let csv = "First Name,Last Name,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Value\nAnna,Bianchi,* Work,anna@example.it,050 1\n";
    let p = preview(csv.as_bytes()).expect("preview");
    assert_eq!(p.separator, ",", "comma separator");
    let out = read(csv.as_bytes(), &p.suggested).expect("read");
    assert_eq!(out.issues, vec![], "type column ignored, no issues");
    assert_eq!(
        out.records[0].emails,
        vec!["anna@example.it"],
        "e-mail value"
    );
    assert_eq!(out.records[0].phones, vec!["050 1"], "phone value");

    let tsv = "Nome\tCognome\tTelefono\nLuca\tVerdi\t055 2\n";
    let p = preview(tsv.as_bytes()).expect("preview");
    assert_eq!(p.separator, "\t", "tab separator");
}

#[test]
fn unknown_mapped_column_names_it_and_lists_headers() {
    let bytes = fixture("contatti_excel_utf8bom.csv");
    let err = read(
        &bytes,
        &[("Codice fiscale".to_owned(), ContactField::Notes)],
    )
    .expect_err("unknown column");
    assert!(
        matches!(&err, Error::UnknownColumn { column, .. } if column == "Codice fiscale"),
        "UnknownColumn expected, got {err:?}"
    );
    let api = ApiError::from(err);
    assert_eq!(api.kind, ErrorKind::Import, "import kind");
    assert!(
        api.message.contains("«Codice fiscale»") && api.message.contains("«Cognome»"),
        "message names the column and the headers: {}",
        api.message
    );
    assert_eq!(
        api.details[0].field, "Codice fiscale",
        "detail names the column"
    );

    let ok = read(&bytes, &[("cognome".to_owned(), ContactField::FamilyName)]);
    assert!(ok.is_ok(), "header match ignores case: {ok:?}");
}

#[test]
fn rows_beyond_header_and_empty_rows_are_reported() {
    let csv = "Nome;Cognome\nMario;Rossi;extra\n;\n  ;  \nLuca;Verdi\n;;\n";
    let bytes = csv.as_bytes();
    let out = read(bytes, &suggested(bytes)).expect("read");
    assert_eq!(out.records.len(), 1, "one good row");
    assert_eq!(out.records[0].source_line, 5, "line of the good row");
    assert_eq!(
        out.issues.len(),
        1,
        "extra cells rejected, blank rows skipped"
    );
    assert_eq!(out.issues[0].line, 2, "line of the bad row");
    let empty = read(b"", &[]).expect_err("empty file");
    assert!(
        ApiError::from(empty).message.contains("vuoto"),
        "empty file is explained"
    );
}

fn hostile_records() -> Vec<ContactRecord> {
    vec![
        ContactRecord {
            given_name: "=HYPERLINK(\"http://x\";\"y\")".into(),
            family_name: "+Rossi".into(),
            honorific: Some("@Dott.".into()),
            emails: vec!["a@b.it".into(), "c@d.it".into()],
            phones: vec!["+39 055 1".into(), "-2".into()],
            organisation: Some("-Comune".into()),
            title: Some("\tTab".into()),
            comune: Some("\rCR".into()),
            notes: Some("Riga 1\nRiga \"2\"; fine".into()),
            tags: vec!["=cmd|' /C calc'!A0".into(), "sai".into()],
            ..ContactRecord::default()
        },
        ContactRecord {
            given_name: "Niccolò".into(),
            family_name: "Dell’Acqua".into(),
            organisation: Some("Comune di Città, \"Vecchia\"".into()),
            ..ContactRecord::default()
        },
    ]
}

/// Every field of a CSV export (as a spreadsheet would parse it) that could run as a formula.
fn formula_cells(text: &str, sep: u8) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    let mut bad = Vec::new();
    for rec in reader.records() {
        for cell in rec.expect("export parses as CSV").iter() {
            if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.parse::<f64>().is_err() {
                bad.push(cell.to_owned());
            }
        }
    }
    bad
}

#[test]
fn csv_export_has_no_formula_and_reads_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let records = hostile_records();
    for style in [
        CsvStyle::default(),
        CsvStyle {
            separator: ',',
            bom: false,
        },
    ] {
        let path = dir.path().join("contatti.csv");
        write_csv(&records, &path, style).expect("write csv");
        let bytes = fs::read(&path).expect("read back");
        assert_eq!(
            bytes.starts_with(b"\xEF\xBB\xBF"),
            style.bom,
            "BOM as requested"
        );
        let text = String::from_utf8(bytes.clone()).expect("utf-8");
        assert_eq!(text, format_csv(&records, style), "file is format_csv");
        assert_eq!(
            formula_cells(&text, style.separator as u8),
            Vec::<String>::new(),
            "no cell may start a formula"
        );
        let p = preview(&bytes).expect("preview export");
        assert_eq!(
            p.separator,
            style.separator.to_string(),
            "separator detected"
        );
        let back = read(&bytes, &p.suggested).expect("re-import");
        assert_eq!(back.issues, vec![], "export re-imports cleanly");
        for (a, b) in records.iter().zip(&back.records) {
            let mut b = b.clone();
            b.source_line = 0;
            let mut a = a.clone();
            // Leading tab/CR are whitespace and are trimmed by the reader.
            a.title = a.title.map(|t| t.trim().to_owned());
            a.comune = a.comune.map(|t| t.trim().to_owned());
            assert_eq!(a, b, "record survives export and re-import");
        }
    }
}

fn xlsx_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("xlsx is a zip");
    let mut part = zip.by_name(name).expect("part present");
    let mut s = String::new();
    part.read_to_string(&mut s).expect("utf-8 part");
    s
}

#[test]
fn xlsx_export_has_only_string_cells() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("contatti.xlsx");
    let records = hostile_records();
    write_xlsx(&records, &path).expect("write xlsx");
    let bytes = fs::read(&path).expect("read xlsx");
    assert!(bytes.starts_with(b"PK"), "an XLSX file is a zip archive");
    assert!(format_xlsx(&records).is_ok(), "format_xlsx works in memory");
    let sheet = xlsx_part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(
        !sheet.contains("<f>") && !sheet.contains("<f "),
        "no formula element in the sheet"
    );
    let cells = sheet.matches("<c ").count();
    let strings = sheet.matches("t=\"s\"").count() + sheet.matches("t=\"inlineStr\"").count();
    assert!(cells > 0, "cells written");
    assert_eq!(cells, strings, "every cell is a string cell");
    assert!(sheet.contains("<pane"), "header row frozen");
    assert!(sheet.contains("<autoFilter"), "autofilter on the header");
    assert!(sheet.contains("<cols>"), "column widths set");
    let shared = xlsx_part(&bytes, "xl/sharedStrings.xml");
    assert!(
        shared.contains("=HYPERLINK(&quot;http://x&quot;;&quot;y&quot;)")
            || shared.contains("=HYPERLINK(\"http://x\";\"y\")"),
        "formula-like text stored as a string"
    );
    assert!(shared.contains("Niccolò"), "accents kept");
    for h in CONTACT_HEADERS {
        assert!(shared.contains(h), "header {h} present");
    }
    let styles = xlsx_part(&bytes, "xl/styles.xml");
    assert!(styles.contains("<b/>"), "bold header style");
}

#[test]
fn export_to_missing_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path: &Path = &dir.path().join("manca").join("contatti.csv");
    let err = write_csv(&hostile_records(), path, CsvStyle::default()).expect_err("no folder");
    let api = ApiError::from(err);
    assert_eq!(api.kind, ErrorKind::Io, "io kind");
    assert!(
        api.message.contains("contatti.csv") && api.message.contains("permessi"),
        "message names the file and the fix: {}",
        api.message
    );
}

/// Deterministic xorshift generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
    fn text(&mut self) -> String {
        const PARTS: &[&str] = &[
            "Niccolò",
            "Città",
            "D’Angelo",
            "a;b",
            "x,y",
            "\"q\"",
            "riga\nnuova",
            "=1+1",
            "+39",
            "@x",
            "-y",
            "€",
            "😀",
            "<script>",
            "'apice",
        ];
        let n = 1 + (self.next() % 3) as usize;
        (0..n)
            .map(|_| self.pick(PARTS).to_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[test]
fn generated_records_survive_csv_export_and_import() {
    let mut rng = Rng(0x1234_5678_9ABC_DEF0);
    let records: Vec<ContactRecord> = (0..300)
        .map(|i| ContactRecord {
            source_line: 0,
            given_name: rng.text(),
            family_name: rng.text(),
            honorific: (i % 3 == 0).then(|| rng.text()),
            emails: (0..i % 3).map(|k| format!("p{i}.{k}@example.it")).collect(),
            phones: (0..i % 2).map(|_| "+39 055 1234".to_owned()).collect(),
            organisation: (i % 2 == 0).then(|| rng.text()),
            title: (i % 4 != 0).then(|| rng.text()),
            comune: (i % 5 == 0).then(|| rng.text()),
            notes: (i % 2 == 1).then(|| rng.text()),
            tags: (0..i % 3)
                .map(|k| format!("tag {k} {}", rng.pick(&["Città", "SAI"])))
                .collect(),
        })
        .collect();
    for style in [
        CsvStyle::default(),
        CsvStyle {
            separator: ',',
            bom: false,
        },
    ] {
        let text = format_csv(&records, style);
        assert_eq!(
            formula_cells(&text, style.separator as u8),
            Vec::<String>::new(),
            "no formula cells"
        );
        let p = preview(text.as_bytes()).expect("preview");
        let back = read(text.as_bytes(), &p.suggested).expect("read");
        assert_eq!(back.issues, vec![], "no issues");
        let back: Vec<ContactRecord> = back
            .records
            .into_iter()
            .map(|mut r| {
                r.source_line = 0;
                r
            })
            .collect();
        assert_eq!(back, records, "{style:?}: identical records");
    }
}

#[test]
fn a_cell_with_thousands_of_values_is_refused_not_compared_forever() {
    use raccordo::interchange::csv_contacts::{self, MAX_VALUES_PER_FIELD};
    let emails: Vec<String> = (0..20_000).map(|i| format!("p{i}@esempio.it")).collect();
    let text = format!(
        "Nome;Email\nAnna;\"{}\"\nBruno;b@esempio.it\n",
        emails.join(",")
    );
    let started = std::time::Instant::now();
    let preview = csv_contacts::preview(text.as_bytes()).expect("preview");
    let read = csv_contacts::read(text.as_bytes(), &preview.suggested).expect("read");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "refused quickly, not after 20,000² comparisons ({:?})",
        started.elapsed()
    );
    assert_eq!(read.records.len(), 1, "the normal row is read");
    assert_eq!(
        read.issues.len(),
        1,
        "the row with 20,000 e-mails is refused"
    );
    assert!(
        read.issues[0]
            .message
            .contains(&MAX_VALUES_PER_FIELD.to_string()),
        "the message names the limit: {}",
        read.issues[0].message
    );
}
