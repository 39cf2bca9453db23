//! Zone membership import from CSV: happy path, every rejection reason with line numbers,
//! all-or-nothing, dry run, encodings and separators.

use crate::common;

use common::{date, zone_id, TempDb, AULLA, FIRENZE, PRATO};
use raccordo::territory::{self, ImportReport};
use raccordo::{ApiError, Error, ErrorKind, Store};

fn import(store: &Store, data: &[u8], dry_run: bool) -> Result<ImportReport, Error> {
    store.write(|tx| territory::import_zones(tx, data, "zone.csv", date(2025, 1, 1), dry_run))
}

fn memberships(store: &Store) -> i64 {
    store
        .read(|c| Ok(c.query_row("SELECT count(*) FROM comune_zone", [], |r| r.get(0))?))
        .expect("count memberships")
}

fn zone_of(store: &Store, istat: &str) -> Option<String> {
    store
        .read(|c| territory::comune(c, istat, date(2025, 1, 1)))
        .expect("comune")
        .zone
        .map(|m| m.zone_name)
}

#[test]
fn valid_file_is_applied_with_source_and_date() {
    let db = TempDb::new();
    let store = db.open();
    let csv = "istat_code;zona\n045001;Lunigiana\n048017;Firenze\n\n100005;pratese\n";
    let r = import(&store, csv.as_bytes(), false).expect("import");
    assert_eq!(
        (r.rows_read, r.rows_ok),
        (3, 3),
        "blank lines are skipped, rows counted"
    );
    assert!(
        r.rejected.is_empty() && r.applied && !r.dry_run,
        "applied: {r:?}"
    );
    assert_eq!(
        zone_of(&store, AULLA).as_deref(),
        Some("Lunigiana"),
        "Aulla assigned"
    );
    assert_eq!(
        zone_of(&store, PRATO).as_deref(),
        Some("Pratese"),
        "zone names match folded"
    );
    let d = store
        .read(|c| territory::comune(c, FIRENZE, date(2025, 1, 1)))
        .expect("Firenze");
    let m = d.zone.expect("Firenze assigned");
    assert_eq!(
        m.valid_from,
        date(2025, 1, 1),
        "valid_from is the given date"
    );
    assert_eq!(m.source, "importazione: zone.csv", "source names the file");
    assert!(!m.synthetic, "imported data is not synthetic");
    let audit = store
        .read(|c| raccordo::audit::recent(c, 10))
        .expect("audit");
    assert!(
        audit
            .iter()
            .any(|e| e.action == "import" && e.summary.contains("zone.csv")),
        "the import is in the audit log"
    );
    let again = import(&store, csv.as_bytes(), false).expect("same file again");
    assert!(
        again.applied && again.rejected.is_empty(),
        "re-importing is accepted"
    );
    assert_eq!(
        memberships(&store),
        3,
        "re-importing the same zones changes nothing"
    );
}

#[test]
fn every_rejection_reason_is_reported_with_its_line_and_nothing_is_applied() {
    let db = TempDb::new();
    let store = db.open();
    let csv = "istat_code;zona\n\
               045001;Lunigiana\n\
               999999;Firenze\n\
               04x001;Firenze\n\
               045002;Atlantide\n\
               045003;Pratese\n\
               045001;Apuane\n\
               045004;\n";
    let r = import(&store, csv.as_bytes(), false).expect("report, not error");
    assert_eq!(r.rows_read, 7, "seven data rows");
    assert_eq!(r.rows_ok, 1, "only the first row is valid");
    assert!(!r.applied, "nothing is applied when a row is rejected");
    let lines: Vec<u32> = r.rejected.iter().map(|i| i.line).collect();
    assert_eq!(
        lines,
        vec![3, 4, 5, 6, 7, 8],
        "file line numbers (header is line 1)"
    );
    let msg = |line: u32| {
        r.rejected
            .iter()
            .find(|i| i.line == line)
            .map(|i| i.message.clone())
            .unwrap_or_default()
    };
    assert!(
        msg(3).contains("sconosciuto"),
        "unknown ISTAT code: {}",
        msg(3)
    );
    assert!(
        msg(4).contains("non valido"),
        "malformed ISTAT code: {}",
        msg(4)
    );
    assert!(
        msg(5).contains("Atlantide") && msg(5).contains("sconosciuta"),
        "unknown zone: {}",
        msg(5)
    );
    assert!(msg(6).contains("ASL"), "zone of another ASL: {}", msg(6));
    assert!(
        msg(7).contains("riga 2"),
        "duplicate comune names the first line: {}",
        msg(7)
    );
    assert!(msg(8).contains("mancante"), "missing zone: {}", msg(8));
    assert_eq!(
        memberships(&store),
        0,
        "all or nothing: the valid row was not applied either"
    );
}

#[test]
fn a_date_conflicting_with_history_is_rejected() {
    let db = TempDb::new();
    let store = db.open();
    let apuane = zone_id(&store, "Apuane");
    store
        .write(|tx| territory::set_comune_zone(tx, AULLA, Some(apuane), date(2025, 6, 1), "t"))
        .expect("existing membership from June");
    let r = import(&store, b"istat_code;zona\n045001;Lunigiana\n", false).expect("report");
    assert_eq!(
        r.rejected.len(),
        1,
        "a start before the current membership is rejected"
    );
    assert!(
        r.rejected[0].message.contains("01/06/2025"),
        "{}",
        r.rejected[0].message
    );
    assert_eq!(
        zone_of(&store, AULLA),
        None,
        "on 1/1/2025 Aulla is still unassigned"
    );
}

#[test]
fn dry_run_reports_but_applies_nothing() {
    let db = TempDb::new();
    let store = db.open();
    let r = import(&store, b"istat_code;zona\n045001;Lunigiana\n", true).expect("dry run");
    assert!(r.dry_run && !r.applied, "dry run applies nothing: {r:?}");
    assert_eq!((r.rows_read, r.rows_ok), (1, 1), "dry run still validates");
    assert_eq!(memberships(&store), 0, "no membership after a dry run");
}

#[test]
fn separators_bom_and_windows_1252_are_accepted() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("comma", b"istat_code,zona\n045001,Lunigiana\n".to_vec()),
        (
            "BOM + semicolon + CRLF",
            b"\xEF\xBB\xBFistat_code;zona\r\n045001;Lunigiana\r\n".to_vec(),
        ),
        (
            "quoted cells",
            b"\"istat_code\";\"zona\"\n\"045001\";\"Lunigiana\"\n".to_vec(),
        ),
        (
            "5-digit code (spreadsheet dropped the zero)",
            b"istat_code;zona\n45001;Lunigiana\n".to_vec(),
        ),
        (
            "header aliases and column order",
            b"Zona;Codice ISTAT\nLunigiana;045001\n".to_vec(),
        ),
        (
            "Windows-1252 accents",
            b"istat_code;zona\n052001;Alta Val d\x92Elsa\n051010;Casentino\n".to_vec(),
        ),
    ];
    for (name, data) in cases {
        let db = TempDb::new();
        let store = db.open();
        let r = import(&store, &data, false).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            r.applied && r.rejected.is_empty(),
            "{name}: accepted, got {r:?}"
        );
    }
    let db = TempDb::new();
    let store = db.open();
    let cp1252 = b"istat_code;zona\n051010;Casentino \xE0\n";
    let r = import(&store, cp1252, true).expect("cp1252 report");
    assert!(
        r.rejected[0].message.contains("Casentino à"),
        "Windows-1252 bytes are decoded, not mangled: {}",
        r.rejected[0].message
    );
}

#[test]
fn files_without_header_or_rows_are_refused_as_a_whole() {
    let db = TempDb::new();
    let store = db.open();
    for (name, data) in [
        ("no header", "045001;Lunigiana\n"),
        ("wrong header", "codice;nome\n045001;Lunigiana\n"),
        ("empty", ""),
        ("header only", "istat_code;zona\n\n"),
    ] {
        let err = import(&store, data.as_bytes(), false).expect_err(name);
        let api = ApiError::from(err);
        assert_eq!(api.kind, ErrorKind::Import, "{name}: import error kind");
        assert!(
            api.message.contains("zone.csv"),
            "{name}: names the file: {}",
            api.message
        );
    }
    assert_eq!(memberships(&store), 0, "nothing applied");
}

#[test]
fn a_valid_import_moves_comuni_and_closes_previous_periods() {
    let db = TempDb::new();
    let store = db.open();
    let apuane = zone_id(&store, "Apuane");
    store
        .write(|tx| territory::set_comune_zone(tx, AULLA, Some(apuane), date(2024, 1, 1), "t"))
        .expect("previous membership");
    let r = import(&store, b"istat_code;zona\n045001;Lunigiana\n", false).expect("import");
    assert!(r.applied, "applied");
    let d = store
        .read(|c| territory::comune(c, AULLA, date(2025, 1, 1)))
        .expect("Aulla");
    assert_eq!(d.zone_history.len(), 2, "the move is a new period");
    assert_eq!(
        d.zone_history[1].valid_to,
        Some(date(2024, 12, 31)),
        "old period closed"
    );
}
