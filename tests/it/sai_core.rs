//! The SAI survey core: dated status history, project facts, coverage through an Unione,
//! summaries per ASL / province, "what changed since", validation, and the XLSX/CSV export
//! matching the table.

use crate::common;

use std::io::Read;

use common::sai::{places, status, survey, BAGNONE, PISA, SIENA};
use common::{date, TempDb, AULLA, FIRENZE};
use raccordo::contacts::{self, OrgKind};
use raccordo::interchange::CsvStyle;
use raccordo::sai::export::{self, SaiExportKind, HEADERS};
use raccordo::sai::{self, SaiFactsInput, SaiFilter, SaiGroupBy, SaiStatus, SaiStatusInput};
use raccordo::territory::AslCode;
use raccordo::ErrorKind;

fn today() -> chrono::NaiveDate {
    raccordo::time::today_rome()
}

#[test]
fn summary_by_asl_has_three_rows_adding_up_to_the_enti_and_places() {
    let db = TempDb::new();
    let store = db.open();
    survey(&store);
    let s = store
        .read(|c| sai::summary(c, SaiGroupBy::Asl, today()))
        .expect("summary");
    assert_eq!(s.rows.len(), 3, "one row per ASL: {:?}", s.rows);
    assert_eq!(
        s.rows.iter().map(|r| r.key.as_str()).collect::<Vec<_>>(),
        ["nord-ovest", "centro", "sud-est"],
        "ASL in the usual order"
    );
    let enti: i64 = s.rows.iter().map(|r| r.enti).sum();
    assert_eq!(enti, 5, "every surveyed ente counted once");
    assert_eq!(s.total.enti, 5, "total row counts the enti surveyed");
    for r in &s.rows {
        let by_status: i64 = r.by_status.iter().map(|c| c.count).sum();
        assert_eq!(
            by_status, r.enti,
            "{}: statuses add up to the enti",
            r.label
        );
        assert_eq!(
            r.places_total,
            r.places.ordinari + r.places.dm_ds + r.places.msna,
            "{}: total = sum of categories",
            r.label
        );
    }
    let no = &s.rows[0];
    assert_eq!(no.enti, 2, "nord-ovest: Pisa and the Unione");
    assert_eq!(
        (no.places.ordinari, no.places.dm_ds, no.places.msna),
        (18, 2, 9),
        "nord-ovest places: Pisa 10/2/5 + Unione 8/0/4"
    );
    let centro = &s.rows[1];
    assert_eq!(centro.places.ordinari, 20, "centro: Prato's 20 places");
    let count = |r: &raccordo::sai::SaiSummaryRow, st: SaiStatus| {
        r.by_status.iter().find(|c| c.status == st).map(|c| c.count)
    };
    assert_eq!(
        count(centro, SaiStatus::Interested),
        Some(1),
        "Firenze interested"
    );
    assert_eq!(
        count(&s.rows[2], SaiStatus::Declined),
        Some(1),
        "Siena declined"
    );
    assert_eq!(
        (
            s.total.places.ordinari,
            s.total.places.dm_ds,
            s.total.places.msna
        ),
        (38, 2, 9),
        "total places per category"
    );
    assert_eq!(no.comuni, 102, "the nord-ovest has 102 comuni");
    assert_eq!(no.comuni_own_project, 1, "Pisa has its own project");
    assert_eq!(
        no.comuni_covered, 2,
        "Aulla and Bagnone are covered by the Unione"
    );
    let expected = (29.0 * 1000.0 / no.population as f64 * 100.0).round() / 100.0;
    assert_eq!(
        no.places_per_1000,
        Some(expected),
        "places per 1,000 residents"
    );
    assert_eq!(s.total.population, 3_651_152, "region population");
}

#[test]
fn a_comune_is_covered_through_its_unione_distinctly_from_its_own_project() {
    let db = TempDb::new();
    let store = db.open();
    let [pisa, ..] = survey(&store);
    let aulla = store
        .read(|c| sai::comune_page(c, AULLA, today()))
        .expect("Aulla page");
    assert_eq!(aulla.view.own, None, "Aulla has no record of its own");
    let by = aulla.view.covered_by.expect("Aulla is covered");
    assert_eq!(by.kind, OrgKind::Unione, "covered through the Unione");
    assert_eq!(
        by.name, "Unione di Comuni Montana Lunigiana",
        "the Unione is named"
    );
    assert_eq!(
        aulla.view.status,
        Some(SaiStatus::Active),
        "shown with the Unione's status"
    );
    assert!(aulla.record.is_none(), "no own record");

    let p = store
        .read(|c| sai::comune_page(c, PISA, today()))
        .expect("Pisa page");
    assert_eq!(p.view.own, Some(SaiStatus::Active), "Pisa's own project");
    assert!(
        p.view.covered_by.is_none(),
        "an own project is not 'covered'"
    );
    let record = p.record.expect("Pisa's record");
    assert_eq!(record.ente.org_id, pisa, "the record is Pisa's");
    assert_eq!(record.history.len(), 2, "two changes: {:?}", record.history);
    assert_eq!(record.history[0].status, SaiStatus::Active, "newest first");
    assert_eq!(record.facts.places.total(), 17, "facts kept");

    let views = store
        .read(|c| sai::comune_views(c, today()))
        .expect("map views");
    assert_eq!(views.len(), 273, "a view per comune for the map");
    let covered: Vec<&str> = views
        .iter()
        .filter(|v| v.covered_by.is_some())
        .map(|v| v.istat_code.as_str())
        .collect();
    assert_eq!(
        covered,
        [AULLA, BAGNONE],
        "exactly the Unione's members are covered"
    );
}

#[test]
fn an_older_change_joins_the_history_without_changing_the_current_status() {
    let db = TempDb::new();
    let store = db.open();
    let [pisa, ..] = survey(&store);
    status(
        &store,
        pisa,
        SaiStatus::Informed,
        (2023, 11, 1),
        "informato in conferenza",
    );
    let r = store
        .read(|c| sai::record(c, pisa, today()))
        .expect("read")
        .expect("record");
    assert_eq!(
        r.status,
        SaiStatus::Active,
        "the latest by date stays current"
    );
    assert_eq!(r.status_since, date(2025, 1, 15), "since the latest change");
    assert_eq!(r.history.len(), 3, "the older change is in the history");
    assert_eq!(
        r.history.last().map(|c| c.status),
        Some(SaiStatus::Informed),
        "oldest last"
    );
}

#[test]
fn changes_since_reports_before_and_after() {
    let db = TempDb::new();
    let store = db.open();
    let [pisa, firenze, ..] = survey(&store);
    let changes = store
        .read(|c| sai::changes_since(c, date(2025, 1, 1), today()))
        .expect("changes");
    let of = |org: i64| changes.iter().find(|c| c.ente.org_id == org);
    let p = of(pisa).expect("Pisa changed in 2025");
    assert_eq!(
        p.before,
        Some(SaiStatus::Interested),
        "Pisa was interested before"
    );
    assert_eq!(p.after, SaiStatus::Active, "and is active now");
    let f = of(firenze).expect("Firenze changed in 2025");
    assert_eq!(f.before, None, "Firenze had no status before");
    assert_eq!(
        changes.len(),
        3,
        "Pisa, Firenze, Siena changed since 01/01/2025"
    );
    assert_eq!(
        changes[0].ente.name, "Comune di Siena",
        "most recent first: {changes:?}"
    );
}

#[test]
fn filters_select_by_asl_province_and_status() {
    let db = TempDb::new();
    let store = db.open();
    survey(&store);
    let list = |f: SaiFilter| store.read(|c| sai::list(c, &f)).expect("list");
    assert_eq!(list(SaiFilter::default()).len(), 5, "all records");
    let centro = list(SaiFilter {
        asl: Some(AslCode::Centro),
        ..Default::default()
    });
    assert_eq!(centro.len(), 2, "Firenze and Prato: {centro:?}");
    let ms = list(SaiFilter {
        province: Some("ms".into()),
        ..Default::default()
    });
    assert_eq!(ms.len(), 1, "the Unione lies in Massa-Carrara");
    let active = list(SaiFilter {
        statuses: vec![SaiStatus::Active],
        ..Default::default()
    });
    assert_eq!(active.len(), 3, "three projects");
    let bad = store.read(|c| {
        sai::list(
            c,
            &SaiFilter {
                province: Some("XX".into()),
                ..Default::default()
            },
        )
    });
    assert!(
        matches!(bad, Err(raccordo::Error::Validation { .. })),
        "an unknown province is refused: {bad:?}"
    );
}

#[test]
fn invalid_input_is_refused_with_italian_field_errors() {
    let db = TempDb::new();
    let store = db.open();
    let pisa = common::contacts::comune_org(&store, PISA);
    let future = SaiStatusInput {
        status: SaiStatus::Active,
        on: today() + chrono::Duration::days(3),
        note: String::new(),
        source_meeting_id: Some(999),
        source_person_id: None,
        source_text: String::new(),
    };
    let err = store
        .write(|tx| sai::set_status(tx, pisa, &future))
        .expect_err("future date and missing meeting");
    let api = raccordo::ApiError::from(err);
    assert_eq!(api.kind, ErrorKind::Validation, "validation error");
    assert!(
        api.details.iter().any(|d| d.field == "on")
            && api.details.iter().any(|d| d.field == "source_meeting_id"),
        "both fields named: {:?}",
        api.details
    );
    let negative = SaiFactsInput {
        places: raccordo::sai::SaiPlaces {
            ordinari: -1,
            dm_ds: 0,
            msna: 0,
        },
        next_step_due: Some(date(2026, 1, 1)),
        ..Default::default()
    };
    let api = raccordo::ApiError::from(
        store
            .write(|tx| sai::edit_facts(tx, pisa, &negative))
            .expect_err("negative places"),
    );
    assert!(
        api.details.iter().any(|d| d.field == "places.ordinari")
            && api.details.iter().any(|d| d.field == "next_step"),
        "places and next step named: {:?}",
        api.details
    );
    let prefettura = store
        .read(|c| contacts::list_orgs(c, Some(OrgKind::Prefettura), None))
        .expect("prefetture")[0]
        .id;
    let api = raccordo::ApiError::from(
        store
            .write(|tx| sai::edit_facts(tx, prefettura, &SaiFactsInput::default()))
            .expect_err("a prefettura is not surveyed"),
    );
    assert!(
        api.message
            .contains("Comuni, Unioni dei Comuni e Società della Salute"),
        "explains which enti are surveyed: {}",
        api.message
    );
    let none = store
        .read(|c| sai::list(c, &SaiFilter::default()))
        .expect("list");
    assert!(none.is_empty(), "nothing was written by the refused calls");
}

/// Cells of a sheet of an XLSX file: rows of (column letter, value) with shared strings resolved.
fn xlsx_rows(bytes: &[u8], sheet: u32) -> Vec<Vec<String>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("xlsx is a zip");
    let mut read = |name: &str| {
        let mut s = String::new();
        zip.by_name(name)
            .unwrap_or_else(|e| panic!("{name} in xlsx: {e}"))
            .read_to_string(&mut s)
            .expect("read part");
        s
    };
    let shared = read("xl/sharedStrings.xml");
    let strings: Vec<String> = shared
        .split("<si>")
        .skip(1)
        .map(|si| {
            si.split("<t")
                .skip(1)
                .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
                .map(|rest| rest.split("</t>").next().unwrap_or(""))
                .collect::<String>()
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
        })
        .collect();
    let xml = read(&format!("xl/worksheets/sheet{sheet}.xml"));
    xml.split("<row ")
        .skip(1)
        .map(|row| {
            let mut cells: Vec<String> = Vec::new();
            for c in row.split("<c ").skip(1) {
                // Empty cells are absent: place each by its reference (r="K2" → column 10).
                let reference = c.split("r=\"").nth(1).unwrap_or("");
                let column = reference
                    .chars()
                    .take_while(char::is_ascii_uppercase)
                    .fold(0usize, |n, ch| n * 26 + (ch as usize - 'A' as usize + 1))
                    - 1;
                let shared = c.contains("t=\"s\"");
                let v = c
                    .split("<v>")
                    .nth(1)
                    .and_then(|v| v.split("</v>").next())
                    .unwrap_or("");
                let value = if shared {
                    strings[v.parse::<usize>().expect("shared index")].clone()
                } else {
                    v.to_owned()
                };
                if cells.len() <= column {
                    cells.resize(column + 1, String::new());
                }
                cells[column] = value;
            }
            cells
        })
        .collect()
}

#[test]
fn xlsx_export_matches_the_table_with_numbers_and_real_dates() {
    let db = TempDb::new();
    let store = db.open();
    survey(&store);
    let rows = store
        .read(|c| sai::list(c, &SaiFilter::default()))
        .expect("table");
    let path = db.sibling("ricognizione.xlsx");
    let n = export::export_file(
        &store,
        &SaiFilter::default(),
        SaiExportKind::Xlsx,
        CsvStyle::default(),
        &path,
    )
    .expect("export xlsx");
    assert_eq!(n, rows.len(), "every record exported");
    let bytes = std::fs::read(&path).expect("read xlsx");
    let sheet = xlsx_rows(&bytes, 1);
    assert_eq!(sheet.len(), rows.len() + 1, "header + one row per record");
    assert_eq!(sheet[0], HEADERS.map(str::to_owned).to_vec(), "header row");
    let excel_epoch = date(1899, 12, 30);
    for (r, cells) in rows.iter().zip(&sheet[1..]) {
        assert_eq!(cells[0], r.ente.name, "same order as the table");
        assert_eq!(cells[6], r.status.label(), "{}: status", r.ente.name);
        let number = |i: usize| cells[i].parse::<f64>().unwrap_or(-1.0) as i64;
        assert_eq!(
            number(10),
            r.places.ordinari,
            "{}: ordinari as a number",
            r.ente.name
        );
        assert_eq!(number(13), r.places.total(), "{}: total", r.ente.name);
        let serial = cells[7]
            .parse::<f64>()
            .expect("status date is a serial number");
        assert_eq!(
            excel_epoch + chrono::Duration::days(serial as i64),
            r.status_since,
            "{}: real date in the XLSX",
            r.ente.name
        );
    }
    let summary = xlsx_rows(&bytes, 2);
    assert_eq!(summary.len(), 5, "header, three ASL and the total");
    assert_eq!(summary[4][6], "49", "total places on the summary sheet");

    let csv = export::format_csv(&rows, CsvStyle::default());
    assert!(csv.starts_with('\u{FEFF}'), "CSV has a BOM");
    assert!(csv.contains("15/01/2025"), "CSV dates are gg/mm/aaaa");
    assert_eq!(csv.lines().count(), rows.len() + 1, "CSV header + rows");
}

#[test]
fn export_neutralises_formulas_and_leaves_no_partial_file() {
    let db = TempDb::new();
    let store = db.open();
    let siena = common::contacts::comune_org(&store, SIENA);
    places(&store, siena, 1, 0, 0);
    store
        .write(|tx| {
            let mut f = sai::record(tx, siena, today())?
                .map(|r| r.facts)
                .unwrap_or_default();
            f.gestore = "=HYPERLINK(\"http://x\")".into();
            sai::edit_facts(tx, siena, &f)
        })
        .expect("hostile gestore");
    let path = db.sibling("r.csv");
    export::export_file(
        &store,
        &SaiFilter::default(),
        SaiExportKind::Csv,
        CsvStyle::default(),
        &path,
    )
    .expect("csv");
    let text = std::fs::read_to_string(&path).expect("read csv");
    assert!(
        !text.contains(";=HYPERLINK"),
        "a formula never starts a cell: {text}"
    );
    let missing = db.sibling("nope/r.xlsx");
    let err = export::export_file(
        &store,
        &SaiFilter::default(),
        SaiExportKind::Xlsx,
        CsvStyle::default(),
        &missing,
    );
    assert!(err.is_err(), "a missing folder is an error");
    assert!(!missing.exists(), "no partial file");
    assert_eq!(
        db.files().iter().filter(|f| f.ends_with(".tmp")).count(),
        0,
        "no temporary file left: {:?}",
        db.files()
    );
    let _ = FIRENZE;
}

#[test]
fn the_next_step_with_a_due_date_is_a_follow_up_action() {
    use raccordo::actions::{self, ActionOwner, ActionStatus};
    let db = TempDb::new();
    let store = db.open();
    let pisa = common::contacts::comune_org(&store, PISA);
    let edit = |step: &str, due: Option<chrono::NaiveDate>| {
        store
            .write(|tx| {
                let mut f = sai::record(tx, pisa, today())?
                    .map(|r| r.facts)
                    .unwrap_or_default();
                f.next_step = step.to_owned();
                f.next_step_due = due;
                sai::edit_facts(tx, pisa, &f)
            })
            .expect("edit next step")
    };
    let r = edit("Delibera di giunta", Some(date(2030, 6, 30)));
    let id = r
        .next_step_action_id
        .expect("an action follows the next step");
    let a = store.read(|c| actions::action(c, id)).expect("the action");
    assert_eq!(a.title, "Delibera di giunta", "titled with the next step");
    assert_eq!(a.due, Some(date(2030, 6, 30)), "due on the step's date");
    assert_eq!(
        a.owner,
        ActionOwner::Coordinator,
        "followed by the coordinator"
    );
    assert_eq!(
        a.comuni.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        [PISA],
        "linked to the comune"
    );
    assert!(
        a.organisations.iter().any(|o| o.id == pisa.to_string()),
        "linked to the ente"
    );

    let r = edit("Delibera di giunta", Some(date(2030, 7, 15)));
    assert_eq!(
        r.next_step_action_id,
        Some(id),
        "the same action is updated"
    );
    let a = store.read(|c| actions::action(c, id)).expect("the action");
    assert_eq!(
        a.due,
        Some(date(2030, 7, 15)),
        "its due date follows the step"
    );

    store
        .write(|tx| actions::set_status(tx, id, ActionStatus::Done, "fatto"))
        .expect("complete the action");
    let r = edit("Delibera di giunta", Some(date(2030, 7, 15)));
    assert_eq!(
        r.next_step_action_id,
        Some(id),
        "an unchanged step keeps its completed action"
    );
    let r = edit("Domanda di finanziamento", Some(date(2030, 9, 1)));
    let next = r.next_step_action_id.expect("a new step gets a new action");
    assert_ne!(next, id, "a completed action is not reopened");
    let r = edit("", None);
    assert_eq!(r.next_step_action_id, None, "no next step, no link");
    assert!(
        store.read(|c| actions::action(c, next)).is_ok(),
        "the action itself is kept"
    );
}
