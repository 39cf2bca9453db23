//! `raccordo sai …` and `raccordo export sai`: the CLI over the SAI survey core.

use crate::common;

use common::{cli, TempDb};
use serde_json::Value;

fn run(db: &TempDb, args: &[&str]) -> String {
    let out = cli(&db.path).args(args).output().expect("run raccordo");
    assert!(
        out.status.success(),
        "raccordo {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

fn json(db: &TempDb, args: &[&str]) -> Value {
    serde_json::from_str(&run(db, args)).unwrap_or_else(|e| panic!("JSON of {args:?}: {e}"))
}

/// Pisa active 10/2/5, Firenze interested, Siena declined, Prato active 20.
fn survey(db: &TempDb) {
    run(db, &["init"]);
    run(
        db,
        &[
            "sai",
            "set-status",
            "050026",
            "interessato",
            "--on",
            "01/03/2024",
        ],
    );
    run(
        db,
        &[
            "sai",
            "set-status",
            "050026",
            "progetto attivo",
            "--on",
            "15/01/2025",
            "--note",
            "avviato",
            "--source",
            "delibera",
        ],
    );
    run(
        db,
        &[
            "sai",
            "edit",
            "050026",
            "--ordinari",
            "10",
            "--dm-ds",
            "2",
            "--msna",
            "5",
            "--gestore",
            "Cooperativa Esempio",
        ],
    );
    run(
        db,
        &[
            "sai",
            "set-status",
            "048017",
            "interested",
            "--on",
            "01/02/2025",
        ],
    );
    run(
        db,
        &[
            "sai",
            "set-status",
            "052032",
            "non-interessato",
            "--on",
            "01/03/2025",
        ],
    );
    run(
        db,
        &[
            "sai",
            "set-status",
            "100005",
            "active",
            "--on",
            "01/09/2024",
        ],
    );
    run(
        db,
        &[
            "sai",
            "edit",
            "100005",
            "--ordinari",
            "20",
            "--next-step",
            "Rinnovo",
            "--due",
            "31/12/2030",
        ],
    );
}

#[test]
fn summary_by_asl_returns_three_rows_adding_up() {
    let db = TempDb::new();
    survey(&db);
    let s = json(&db, &["sai", "summary", "--by", "asl", "--format", "json"]);
    let rows = s["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 3, "three ASL rows: {s}");
    let enti: i64 = rows.iter().map(|r| r["enti"].as_i64().unwrap_or(-1)).sum();
    assert_eq!(enti, 4, "counts add up to the enti surveyed");
    let listed = json(&db, &["sai", "list", "--format", "json"]);
    assert_eq!(
        listed.as_array().map(Vec::len),
        Some(4),
        "the same enti are listed"
    );
    for cat in ["ordinari", "dm_ds", "msna"] {
        let rows_sum: i64 = rows
            .iter()
            .map(|r| r["places"][cat].as_i64().unwrap_or(-1))
            .sum();
        let list_sum: i64 = listed
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| r["places"][cat].as_i64().unwrap_or(-1))
            .sum();
        assert_eq!(
            rows_sum, list_sum,
            "places {cat}: summary = sum of the records"
        );
    }
    assert_eq!(s["total"]["places_total"], 37, "10+2+5+20 places");
    let table = run(&db, &["sai", "summary", "--by", "asl"]);
    assert!(
        table.contains("Azienda USL Toscana centro"),
        "table names the ASL: {table}"
    );
    assert!(table.contains("Toscana"), "table has the total row");
    let csv = run(
        &db,
        &["sai", "summary", "--by", "province", "--format", "csv"],
    );
    assert!(csv.starts_with('\u{FEFF}'), "CSV with BOM");
    assert!(
        csv.lines().any(|l| l.starts_with("Pisa;")),
        "a province row: {csv}"
    );
}

#[test]
fn list_filters_show_and_changes() {
    let db = TempDb::new();
    survey(&db);
    let centro = json(&db, &["sai", "list", "--asl", "centro", "--format", "json"]);
    assert_eq!(
        centro.as_array().map(Vec::len),
        Some(2),
        "Firenze and Prato"
    );
    let active = json(
        &db,
        &[
            "sai",
            "list",
            "--status",
            "active",
            "--province",
            "PI",
            "--format",
            "json",
        ],
    );
    assert_eq!(active.as_array().map(Vec::len), Some(1), "Pisa only");
    let show = run(&db, &["sai", "show", "050026"]);
    assert!(
        show.contains("progetto attivo dal 15/01/2025"),
        "status and date: {show}"
    );
    assert!(
        show.contains("10 ordinari, 2 DM-DS, 5 MSNA"),
        "places: {show}"
    );
    assert!(
        show.contains("avviato [fonte: delibera]"),
        "history with note and source: {show}"
    );
    let changes = run(&db, &["sai", "changes", "--since", "01/01/2025"]);
    assert!(
        changes.contains("interessato") && changes.contains("progetto attivo"),
        "Pisa's change: {changes}"
    );
    let prato = json(&db, &["sai", "show", "100005", "--format", "json"]);
    assert!(
        prato["next_step_action_id"].is_i64(),
        "the next step became an action: {prato}"
    );

    let bad = cli(&db.path)
        .args(["sai", "set-status", "050026", "boh"])
        .output()
        .expect("run");
    assert_eq!(bad.status.code(), Some(1), "unknown status refused");
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.starts_with("errore: Stato SAI «boh» sconosciuto"),
        "one Italian line: {err}"
    );
    assert_eq!(err.lines().count(), 1, "one line");
}

#[test]
fn export_sai_writes_xlsx_and_csv() {
    let db = TempDb::new();
    survey(&db);
    let xlsx = db.sibling("ricognizione.xlsx");
    let msg = run(
        &db,
        &[
            "export",
            "sai",
            "--format",
            "xlsx",
            "-o",
            xlsx.to_str().expect("path"),
        ],
    );
    assert!(msg.contains("Esportate 4 schede"), "says how many: {msg}");
    let bytes = std::fs::read(&xlsx).expect("xlsx written");
    assert!(bytes.starts_with(b"PK"), "an XLSX (zip) file");
    let again = cli(&db.path)
        .args([
            "export",
            "sai",
            "--format",
            "xlsx",
            "-o",
            xlsx.to_str().expect("path"),
        ])
        .output()
        .expect("run");
    assert!(
        !again.status.success(),
        "an existing file is not replaced without --force"
    );
    let csv = db.sibling("ricognizione.csv");
    run(
        &db,
        &[
            "export",
            "sai",
            "--format",
            "csv",
            "--asl",
            "centro",
            "-o",
            csv.to_str().expect("path"),
        ],
    );
    let text = std::fs::read_to_string(&csv).expect("csv");
    assert!(
        text.starts_with("\u{FEFF}Ente;Tipo;Codice ISTAT"),
        "header with BOM and ;"
    );
    assert_eq!(text.lines().count(), 3, "header + the two centro records");
}

/// Runs `export sai --format pdf` with `extra` filters; returns the text pdftotext reads (white
/// space collapsed) and the page count, after qpdf found the file valid.
fn sai_pdf(db: &TempDb, name: &str, extra: &[&str]) -> (String, u32) {
    let pdf = db.sibling(name);
    let mut args = vec![
        "export",
        "sai",
        "--format",
        "pdf",
        "-o",
        pdf.to_str().expect("path"),
    ];
    args.extend_from_slice(extra);
    let msg = run(db, &args);
    assert!(msg.contains("schede"), "says how many: {msg}");
    let check = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .expect("qpdf is installed (`make test` installs it)");
    assert!(check.status.success(), "qpdf finds the summary PDF valid");
    let pages = std::process::Command::new("qpdf")
        .arg("--show-npages")
        .arg(&pdf)
        .output()
        .expect("qpdf");
    let pages: u32 = String::from_utf8_lossy(&pages.stdout)
        .trim()
        .parse()
        .expect("a page count");
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext is installed (poppler-utils)");
    // Table cells wrap: compare with every run of white space as one space.
    let text = String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (text, pages)
}

#[test]
fn export_sai_pdf_holds_the_summary_and_one_section_per_asl() {
    let db = TempDb::new();
    survey(&db);
    let (text, pages) = sai_pdf(&db, "ricognizione.pdf", &[]);
    assert!(
        pages >= 4,
        "a first page and one section per ASL: {pages} pages"
    );
    for expected in [
        "Ricognizione SAI",
        "Riepilogo per ASL",
        "Azienda USL Toscana nord-ovest",
        "Azienda USL Toscana centro",
        "Azienda USL Toscana sud-est",
        "Riepilogo per zona-distretto",
        "Enti rilevati",
        "Comune di Pisa",
        "Comune di Siena",
        "progetto attivo",
        "non interessato",
        "tratteggio: coperto tramite",
    ] {
        assert!(
            text.contains(expected),
            "the summary PDF holds «{expected}»"
        );
    }
    assert!(
        !text.contains("dati sintetici"),
        "no synthetic warning on real data"
    );
    let (centro, pages) = sai_pdf(&db, "centro.pdf", &["--asl", "centro"]);
    assert!(
        pages >= 2,
        "first page and the centro section: {pages} pages"
    );
    assert!(
        centro.contains("Comune di Prato") && centro.contains("Comune di Firenze"),
        "the centro section lists its enti"
    );
    assert!(
        centro.contains("Azienda USL Toscana centro Enti per stato")
            && !centro.contains("Azienda USL Toscana sud-est Enti per stato")
            && !centro.contains("Comune di Siena"),
        "only the filter's ASL has a section"
    );
}

#[test]
fn demo_fills_a_plausible_synthetic_survey() {
    let db = TempDb::new();
    let msg = run(&db, &["demo"]);
    assert!(
        msg.contains("schede di ricognizione SAI"),
        "the demo reports the survey: {msg}"
    );
    let rows = json(&db, &["sai", "list", "--format", "json"]);
    let rows = rows.as_array().expect("rows");
    assert!(rows.len() > 100, "a substantial survey: {}", rows.len());
    assert!(
        rows.iter().all(|r| r["synthetic"] == true),
        "every demo record is labelled synthetic"
    );
    let kinds: std::collections::BTreeSet<&str> = rows
        .iter()
        .filter_map(|r| r["ente"]["kind"].as_str())
        .collect();
    assert!(
        kinds.contains("comune") && kinds.contains("unione"),
        "comuni and Unioni: {kinds:?}"
    );
    let s = json(&db, &["sai", "summary", "--by", "asl", "--format", "json"]);
    let enti: i64 = s["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| r["enti"].as_i64().unwrap_or(0))
        .sum();
    assert_eq!(enti as usize, rows.len(), "every demo ente lies in an ASL");
    assert!(
        s["total"]["comuni_covered"].as_i64().unwrap_or(0) > 0,
        "some comuni covered through an Unione or SdS"
    );
    // Real data is never mixed with demo data.
    let real = TempDb::new();
    run(&real, &["sai", "set-status", "050026", "informed"]);
    let out = cli(&real.path).args(["demo"]).output().expect("run");
    assert!(
        !out.status.success(),
        "demo refused over real survey records"
    );
}
