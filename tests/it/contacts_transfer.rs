//! `import contacts` / `export contacts` end to end through the CLI: the Italian Excel CSV of
//! issue 3 (accents, embedded quotes and newlines, a duplicate differing only in e-mail case,
//! cells beginning with = + @), all-or-nothing with a row report, exports with no formula cell,
//! and a vCard round trip that keeps names, organisations, titles, e-mails and phones.

use crate::common;

use std::io::Read;
use std::path::Path;

use common::{cli, TempDb};

const FIXTURE: &str = "tests/fixtures/interchange/contatti_excel_utf8bom.csv";

/// The fixture without its one invalid row (line 7, "non-è-una-mail").
fn valid_csv(db: &TempDb) -> std::path::PathBuf {
    let text = std::fs::read_to_string(FIXTURE).expect("fixture");
    let kept: Vec<&str> = text
        .split('\n')
        .filter(|l| !l.contains("non-è-una-mail"))
        .collect();
    let path = db.sibling("contatti.csv");
    std::fs::write(&path, kept.join("\n")).expect("write csv");
    path
}

fn people_json(db: &Path) -> serde_json::Value {
    let out = cli(db)
        .args(["person", "list", "--limit", "1000", "--format", "json"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "person list works: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

/// Rows of a `;` CSV export keyed by header.
fn csv_rows(path: &Path) -> Vec<std::collections::BTreeMap<String, String>> {
    let text = std::fs::read_to_string(path).expect("read export");
    let text = text
        .strip_prefix('\u{feff}')
        .expect("the CSV export starts with a UTF-8 BOM for Excel");
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let headers = r.headers().expect("headers").clone();
    r.records()
        .map(|rec| {
            let rec = rec.expect("record");
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect()
        })
        .collect()
}

#[test]
fn a_file_with_a_bad_row_imports_nothing_and_reports_the_line() {
    let db = TempDb::new();
    let out = cli(&db.path)
        .args(["import", "contacts", FIXTURE])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(1),
        "a rejected row makes the command fail"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("7") && stdout.contains("non-è-una-mail"),
        "the report names line 7 and why: {stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim().lines().count(),
        1,
        "one error line on stderr: {stderr}"
    );
    assert!(
        stderr.starts_with("errore: 1 righe rifiutate"),
        "the error says how many rows and that nothing changed: {stderr}"
    );
    assert_eq!(
        people_json(&db.path).as_array().map(Vec::len),
        Some(0),
        "all-or-nothing: nobody was imported"
    );
}

#[test]
fn italian_excel_csv_imports_and_exports_without_formulas() {
    let db = TempDb::new();
    let csv = valid_csv(&db);
    let dry = cli(&db.path)
        .args(["import", "contacts"])
        .arg(&csv)
        .arg("--dry-run")
        .output()
        .expect("run");
    assert!(
        dry.status.success(),
        "the dry run accepts the file: {}",
        String::from_utf8_lossy(&dry.stderr)
    );
    assert_eq!(
        people_json(&db.path).as_array().map(Vec::len),
        Some(0),
        "a dry run applies nothing"
    );

    let run = cli(&db.path)
        .args(["import", "contacts"])
        .arg(&csv)
        .args(["--format", "json"])
        .output()
        .expect("run");
    assert!(
        run.status.success(),
        "import succeeds: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).expect("report json");
    assert_eq!(report["report"]["applied"], true, "the import was applied");
    assert_eq!(
        report["created"], 4,
        "four people: the second Mario Rossi (same e-mail, other case) updates the first"
    );
    assert_eq!(
        report["updated"], 1,
        "the case-only duplicate is reported as an update"
    );

    let people = people_json(&db.path);
    let text = people.to_string();
    for needle in ["Niccolò", "Della Valle", "D’Angelo", "Rossi"] {
        assert!(
            text.contains(needle),
            "{needle} was imported with its accents: {text}"
        );
    }

    let out_csv = db.sibling("export.csv");
    let exp = cli(&db.path)
        .args(["export", "contacts", "--format", "csv", "-o"])
        .arg(&out_csv)
        .output()
        .expect("run");
    assert!(
        exp.status.success(),
        "CSV export: {}",
        String::from_utf8_lossy(&exp.stderr)
    );
    let rows = csv_rows(&out_csv);
    assert_eq!(rows.len(), 4, "one row per person");
    for row in &rows {
        for (col, cell) in row {
            assert!(
                !cell.starts_with(['=', '+', '@', '\t', '\r']),
                "cell {col}={cell:?} would be run as a formula by a spreadsheet"
            );
        }
    }
    assert!(
        rows.iter()
            .any(|r| r.values().any(|c| c.starts_with("'=HYPERLINK"))),
        "the hostile given name survives as neutralised text, not dropped"
    );

    let out_xlsx = db.sibling("export.xlsx");
    let exp = cli(&db.path)
        .args(["export", "contacts", "--format", "xlsx", "-o"])
        .arg(&out_xlsx)
        .output()
        .expect("run");
    assert!(
        exp.status.success(),
        "XLSX export: {}",
        String::from_utf8_lossy(&exp.stderr)
    );
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out_xlsx).expect("open xlsx"))
        .expect("xlsx is a zip");
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .expect("sheet1")
        .read_to_string(&mut sheet)
        .expect("read sheet");
    assert!(
        !sheet.contains("<f>") && !sheet.contains("<f "),
        "no formula element in the XLSX sheet"
    );

    let again = cli(&db.path)
        .args(["export", "contacts", "--format", "csv", "-o"])
        .arg(&out_csv)
        .output()
        .expect("run");
    assert_eq!(
        again.status.code(),
        Some(1),
        "an existing file is not replaced without --force"
    );
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("--force"),
        "the error says how to replace it"
    );
}

#[test]
fn vcard_round_trip_keeps_names_organisations_titles_emails_phones() {
    let a = TempDb::new();
    let csv = valid_csv(&a);
    assert!(
        cli(&a.path)
            .args(["import", "contacts"])
            .arg(&csv)
            .output()
            .expect("run")
            .status
            .success(),
        "seed import"
    );
    let vcf = a.sibling("rubrica.vcf");
    for version in ["3.0", "4.0"] {
        let b = TempDb::new();
        let exp = cli(&a.path)
            .args([
                "export",
                "contacts",
                "--format",
                "vcf",
                "--force",
                "--vcard-version",
                version,
                "-o",
            ])
            .arg(&vcf)
            .output()
            .expect("run");
        assert!(
            exp.status.success(),
            "vCard {version} export: {}",
            String::from_utf8_lossy(&exp.stderr)
        );
        let imp = cli(&b.path)
            .args(["import", "contacts"])
            .arg(&vcf)
            .output()
            .expect("run");
        assert!(
            imp.status.success(),
            "vCard {version} import: {}",
            String::from_utf8_lossy(&imp.stderr)
        );

        let (ca, cb) = (a.sibling("a.csv"), b.sibling("b.csv"));
        for (db, out) in [(&a.path, &ca), (&b.path, &cb)] {
            let st = cli(db)
                .args(["export", "contacts", "--format", "csv", "--force", "-o"])
                .arg(out)
                .output()
                .expect("run");
            assert!(st.status.success(), "CSV export for comparison");
        }
        let pick = |rows: Vec<std::collections::BTreeMap<String, String>>| {
            let mut v: Vec<Vec<String>> = rows
                .into_iter()
                .map(|r| {
                    ["Nome", "Cognome", "Ente", "Ruolo", "E-mail", "Telefono"]
                        .iter()
                        .map(|k| r[*k].clone())
                        .collect()
                })
                .collect();
            v.sort();
            v
        };
        assert_eq!(
            pick(csv_rows(&cb)),
            pick(csv_rows(&ca)),
            "vCard {version} round trip keeps names, organisations, titles, e-mails, phones"
        );
    }
}

#[test]
fn unknown_mapping_field_is_a_clear_error() {
    let db = TempDb::new();
    let out = cli(&db.path)
        .args(["import", "contacts", FIXTURE, "--map", "Cognome=cognome"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "bad mapping fails");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cognome") && err.contains("family_name"),
        "names the wrong field and lists the valid ones: {err}"
    );
}

/// Converts `file` with LibreOffice (headless) to flat ODS XML, as a coordinator opening it in
/// Calc would see it; CSV is read as Italian (`;`, UTF-8) with formula evaluation ON (the worst
/// case, as Excel does).
fn open_in_libreoffice(file: &Path, out_dir: &Path) -> String {
    let filter = "CSV:59,34,76,1,,1040,false,true,false,false,false,-1,true";
    let mut cmd = std::process::Command::new("soffice");
    cmd.arg("--headless").arg(format!(
        "-env:UserInstallation=file://{}/lo-profile",
        out_dir.display()
    ));
    if file.extension().is_some_and(|e| e == "csv") {
        cmd.arg(format!("--infilter={filter}"));
    }
    let out = cmd
        .args(["--convert-to", "fods", "--outdir"])
        .arg(out_dir)
        .arg(file)
        .output()
        .expect(
            "soffice is installed (Debian package libreoffice-calc-nogui; `make deps` installs it)",
        );
    assert!(
        out.status.success(),
        "LibreOffice converts {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let stem = file.file_stem().expect("file stem").to_string_lossy();
    std::fs::read_to_string(out_dir.join(format!("{stem}.fods"))).expect("converted file")
}

#[test]
fn exports_open_in_libreoffice_with_no_formula_cells() {
    let db = TempDb::new();
    let lo = db.sibling("libreoffice");
    std::fs::create_dir_all(&lo).expect("dir");

    // Control: the check can fail — a raw `=1+1` cell does become a formula in LibreOffice.
    let control = db.sibling("control.csv");
    std::fs::write(&control, "\u{feff}Nome;Note\r\nA;=1+1\r\n").expect("write");
    assert!(
        open_in_libreoffice(&control, &lo).contains("table:formula="),
        "LibreOffice evaluates a raw formula cell (otherwise this test proves nothing)"
    );

    let csv = valid_csv(&db);
    cli(&db.path)
        .args(["import", "contacts"])
        .arg(&csv)
        .assert()
        .success();
    for format in ["csv", "xlsx"] {
        let out = db.sibling(&format!("riesportati.{format}"));
        cli(&db.path)
            .args(["export", "contacts", "--format", format, "-o"])
            .arg(&out)
            .assert()
            .success();
        let sheet = open_in_libreoffice(&out, &lo);
        assert!(
            !sheet.contains("table:formula="),
            "the {format} export has no formula cell once opened in LibreOffice"
        );
        for text in ["Niccolò", "Della Valle", "HYPERLINK"] {
            assert!(
                sheet.contains(text),
                "{text} is in the {format} export, as text"
            );
        }
    }
}

#[test]
fn the_apps_import_backs_up_first_but_not_on_a_dry_run() {
    let db = TempDb::new();
    let csv = valid_csv(&db);
    let store = db.open();
    let backups = || raccordo::backup::list_backups(&db.path).expect("list backups");
    raccordo::contacts::transfer::import_file_with_backup(&store, &csv, None, true)
        .expect("dry run");
    assert!(backups().is_empty(), "a dry run takes no backup");
    let report = raccordo::contacts::transfer::import_file_with_backup(&store, &csv, None, false)
        .expect("import");
    assert!(report.report.applied, "the import was applied");
    let taken = backups();
    assert_eq!(taken.len(), 1, "one backup before the import");
    assert_eq!(
        taken[0].reason,
        raccordo::backup::BackupReason::PreImport,
        "it is a pre-import backup"
    );
}

#[test]
fn the_proposed_export_name_says_what_is_inside_and_is_safe() {
    use raccordo::contacts::transfer::ContactExportKind;
    use raccordo::contacts::PersonFilter;
    let with = |search: &str| PersonFilter {
        search: Some(search.to_owned()),
        ..Default::default()
    };
    assert_eq!(
        ContactExportKind::Csv.default_file_name(&PersonFilter::default()),
        "contatti-raccordo.csv",
        "everyone"
    );
    assert_eq!(
        ContactExportKind::Xlsx.default_file_name(&with("sindaco pisa")),
        "contatti-sindaco-pisa.xlsx",
        "the search names the file"
    );
    assert_eq!(
        ContactExportKind::Vcard.default_file_name(&with("../../.ssh/x")),
        "contatti-..-..-.ssh-x.vcf",
        "no path survives: separators become dashes inside one name"
    );
}
