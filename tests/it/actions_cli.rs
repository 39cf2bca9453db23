//! `raccordo action ...` and `export actions` on demo data: the Done-when of the follow-up
//! issue — `action list --comune 050026` and `--overdue` return exactly the right sets (checked
//! against plain SQL), and the XLSX export of a filter holds exactly those rows (read back by
//! LibreOffice, with real dates).

use crate::common;

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;

use common::{cli, TempDb};
use rusqlite::Connection;

const PISA: &str = "050026";

fn demo(db: &TempDb) {
    let out = cli(&db.path)
        .args(["demo", "--scale", "1"])
        .output()
        .expect("run demo");
    assert!(
        out.status.success(),
        "demo: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn sql_ids(db: &Path, sql: &str) -> BTreeSet<i64> {
    let conn = Connection::open(db).expect("open");
    let mut stmt = conn.prepare(sql).expect("prepare");
    let rows = stmt
        .query_map([], |r| r.get::<_, i64>(0))
        .expect("query")
        .collect::<Result<BTreeSet<_>, _>>()
        .expect("rows");
    rows
}

/// Every id `action list ARGS` returns, paging through the whole result.
fn listed(db: &Path, args: &[&str]) -> (BTreeSet<i64>, u64) {
    let mut ids = BTreeSet::new();
    let mut offset = 0;
    loop {
        let out = cli(db)
            .args(["action", "list", "--format", "json", "--limit", "1000"])
            .args(["--offset", &offset.to_string()])
            .args(args)
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "action list {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let page: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON page");
        let rows = page["rows"].as_array().expect("rows").clone();
        let total = page["total"].as_u64().expect("total");
        for r in &rows {
            ids.insert(r["id"].as_i64().expect("id"));
        }
        offset += 1000;
        if rows.is_empty() || offset >= total {
            return (ids, total);
        }
    }
}

fn today_iso() -> String {
    raccordo::time::today_rome().to_string()
}

#[test]
fn list_by_comune_and_overdue_return_exactly_the_right_sets_and_xlsx_matches() {
    let db = TempDb::new();
    demo(&db);
    let (pisa, total) = listed(&db.path, &["--comune", PISA]);
    let want = sql_ids(
        &db.path,
        &format!("SELECT action_id FROM action_comune WHERE istat_code = '{PISA}'"),
    );
    assert!(
        want.len() >= 4,
        "the demo gives Pisa its actions ({})",
        want.len()
    );
    assert_eq!(
        pisa, want,
        "--comune 050026: exactly the actions linked to Pisa"
    );
    assert_eq!(total as usize, want.len(), "the total agrees");

    let overdue_sql = format!(
        "SELECT id FROM action WHERE due_date < '{}' AND status NOT IN ('done', 'cancelled')",
        today_iso()
    );
    let want = sql_ids(&db.path, &overdue_sql);
    let (overdue, total) = listed(&db.path, &["--overdue"]);
    assert!(
        want.len() > 100,
        "the demo has overdue actions ({})",
        want.len()
    );
    assert_eq!(
        overdue, want,
        "--overdue: due before today and neither completed nor cancelled"
    );
    assert_eq!(total as usize, want.len(), "the total agrees");
    let (pisa_overdue, _) = listed(&db.path, &["--overdue", "--comune", PISA]);
    assert!(
        pisa_overdue.len() >= 2,
        "Pisa has at least the two featured overdue actions"
    );

    // The XLSX export of a filter has exactly the rows of that filter.
    let xlsx = db.sibling("in-ritardo-nord-ovest.xlsx");
    let out = cli(&db.path)
        .args([
            "export",
            "actions",
            "--format",
            "xlsx",
            "--overdue",
            "--asl",
            "nord-ovest",
            "-o",
        ])
        .arg(&xlsx)
        .output()
        .expect("run export");
    assert!(
        out.status.success(),
        "export: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (want, _) = listed(&db.path, &["--overdue", "--asl", "nord-ovest"]);
    let csv = libreoffice_csv(&xlsx, &db.sibling("lo"));
    let mut lines = csv.lines();
    let header = lines.next().expect("header row");
    assert!(
        header.starts_with("ID;Titolo;Descrizione;Stato;Priorità;Scadenza"),
        "header row as documented: {header}"
    );
    let mut got = BTreeSet::new();
    for line in lines.filter(|l| !l.is_empty()) {
        let cells: Vec<&str> = line.split(';').collect();
        got.insert(cells[0].parse::<i64>().expect("numeric id in column A"));
        let due = cells[5].trim_matches('"');
        assert!(
            due.len() == 10 && due.as_bytes()[2] == b'/' && due.as_bytes()[5] == b'/',
            "the due date reads gg/mm/aaaa in LibreOffice: {due}"
        );
    }
    assert_eq!(got, want, "the XLSX holds exactly the filter's rows");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&xlsx).expect("open")).expect("zip");
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .expect("sheet1")
        .read_to_string(&mut sheet)
        .expect("read");
    let f2 = sheet
        .find("<c r=\"F2\"")
        .map(|i| &sheet[i..i + sheet[i..].find('>').expect("cell tag end")])
        .expect("a due date in F2");
    assert!(
        f2.contains(" s=\"") && !f2.contains(" t=\""),
        "the due date of the first row is a real (numeric, styled) date cell: {f2}"
    );
    assert!(!sheet.contains("<f>"), "no formula in the sheet");

    // The Scheda comune of Pisa: a PDF a reader opens, with people, meetings and actions.
    let pdf = db.sibling("scheda-pisa.pdf");
    let out = cli(&db.path)
        .args(["export", "comune", PISA, "-o"])
        .arg(&pdf)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let check = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .expect("qpdf is installed (`make test` installs it)");
    assert!(check.status.success(), "qpdf finds the report valid");
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext is installed (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    let first_action = sql_first(
        &db.path,
        "SELECT a.title FROM action a JOIN action_comune c ON c.action_id = a.id
         WHERE c.istat_code = '050026' AND a.status IN ('open', 'in_progress', 'waiting')
         ORDER BY coalesce(a.due_date, '9999-12-31'), a.id LIMIT 1",
    );
    for want in [
        "Scheda comune",
        "Comune di Pisa",
        "Persone in carica",
        "Incontro con il Sindaco di Pisa",
    ] {
        assert!(text.contains(want), "the report shows «{want}»");
    }
    assert!(
        text.replace('\n', " ")
            .contains(&first_action[..20.min(first_action.len())]),
        "the report lists Pisa's first open action «{first_action}»"
    );
}

fn sql_first(db: &Path, sql: &str) -> String {
    Connection::open(db)
        .expect("open")
        .query_row(sql, [], |r| r.get(0))
        .expect("one row")
}

/// Converts an XLSX to `;`-separated UTF-8 CSV with LibreOffice (headless).
fn libreoffice_csv(file: &Path, out_dir: &Path) -> String {
    let out = std::process::Command::new("soffice")
        .arg("--headless")
        .arg(format!(
            "-env:UserInstallation=file://{}/lo-profile",
            out_dir.display()
        ))
        .args([
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):59,34,76",
            "--outdir",
        ])
        .arg(out_dir)
        .arg(file)
        .output()
        .expect("soffice is installed (libreoffice-calc-nogui; `make test` installs it)");
    assert!(
        out.status.success(),
        "LibreOffice converts {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let stem = file.file_stem().expect("stem").to_string_lossy();
    std::fs::read_to_string(out_dir.join(format!("{stem}.csv"))).expect("converted CSV")
}

#[test]
fn add_prints_the_committed_action_and_bad_input_writes_nothing() {
    let db = TempDb::new();
    let out = cli(&db.path)
        .args([
            "action",
            "add",
            "--title",
            "Inviare il verbale al Comune",
            "--comune",
            PISA,
            "--due",
            "15/01/2027",
            "--owner",
            "me",
            "--priority",
            "high",
        ])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let created: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON action");
    let id = created["id"].as_i64().expect("id");
    assert_eq!(
        created["due"], "2027-01-15",
        "due date parsed from gg/mm/aaaa"
    );
    assert_eq!(created["status"], "open", "created open");
    let committed = sql_ids(&db.path, "SELECT id FROM action");
    assert_eq!(
        committed,
        BTreeSet::from([id]),
        "what was printed is in the database"
    );
    let bad = cli(&db.path)
        .args(["action", "add", "--title", "X", "--comune", "999999"])
        .output()
        .expect("run");
    assert_eq!(bad.status.code(), Some(1), "refused");
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("999999") && err.contains("codice ISTAT"),
        "the error names the bad code: {err}"
    );
    assert!(
        bad.stdout.is_empty(),
        "nothing printed when nothing was written"
    );
    assert_eq!(
        sql_ids(&db.path, "SELECT id FROM action").len(),
        1,
        "nothing written"
    );

    let edit = cli(&db.path)
        .args([
            "action",
            "edit",
            &id.to_string(),
            "--status",
            "done",
            "--note",
            "Inviato via PEC",
        ])
        .output()
        .expect("run");
    assert!(
        edit.status.success(),
        "{}",
        String::from_utf8_lossy(&edit.stderr)
    );
    let shown = String::from_utf8_lossy(&edit.stdout);
    assert!(
        shown.contains("completata") && shown.contains("Inviato via PEC"),
        "the edit shows the new status and its note: {shown}"
    );
    let usage = cli(&db.path)
        .args(["action", "edit", &id.to_string()])
        .output()
        .expect("run");
    assert_eq!(
        usage.status.code(),
        Some(2),
        "an edit without changes is a usage error"
    );
    let del = cli(&db.path)
        .args(["action", "delete", &id.to_string()])
        .output()
        .expect("run");
    assert!(del.status.success(), "delete works");
    assert!(
        sql_ids(&db.path, "SELECT id FROM action").is_empty(),
        "deleted"
    );
}
