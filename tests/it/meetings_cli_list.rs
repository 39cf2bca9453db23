//! `meeting list` end to end: filters by period, kind, ASL, zone, status, title words and comune;
//! paging; table, CSV and JSON output; meetings spanning the start of the period.

use crate::common;

use common::meetings_cli::{conference, fails, ids, json, ok};
use common::TempDb;

#[test]
fn list_filters_by_period_kind_asl_zone_status_text_and_comune() {
    let (db, _) = conference();
    for args in [
        vec![
            "--type",
            "incontro_sindaco",
            "--title",
            "Incontro con la Sindaca di Firenze",
            "--start",
            "10/05/2027 11:00",
            "--comune",
            "048017",
        ],
        vec![
            "--type",
            "altro",
            "--title",
            "Giornata di formazione",
            "--start",
            "15/06/2027",
            "--all-day",
            "--end",
            "16/06/2027",
            "--status",
            "confirmed",
        ],
        vec![
            "--type",
            "prefettura",
            "--title",
            "Tavolo accoglienza",
            "--start",
            "20/04/2027 09:30",
            "--province",
            "PI",
        ],
    ] {
        let mut all = vec!["meeting", "add"];
        all.extend(args);
        ok(&db, &all);
    }
    let cases: Vec<(Vec<&str>, Vec<i64>, &str)> = vec![
        (vec![], vec![1, 4, 2, 3], "everything, by start"),
        (
            vec!["--from", "01/04/2027", "--to", "2027-05-31"],
            vec![4, 2],
            "period, both date forms",
        ),
        (
            vec!["--type", "altro", "--type", "prefettura"],
            vec![4, 3],
            "repeatable --type",
        ),
        (vec!["--asl", "centro"], vec![2], "ASL of the scope"),
        (vec!["--zone", "Pisana"], vec![1], "zone by name"),
        (vec!["--status", "confirmed"], vec![3], "status"),
        (vec!["--search", "SINDACA firenze"], vec![2], "title words"),
        (
            vec!["--comune", "050026"],
            vec![4, 1],
            "what concerned Pisa",
        ),
        (vec!["--limit", "1", "--offset", "1"], vec![4], "paging"),
    ];
    for (filter, expected, what) in cases {
        let mut args = vec!["meeting", "list"];
        args.extend(filter);
        assert_eq!(ids(&json(&db, &args)), expected, "{what}: {args:?}");
    }
    let table = ok(&db, &["meeting", "list", "--limit", "2"]);
    assert!(
        table.contains("Incontri mostrati: 2 su 4"),
        "table with a footer: {table}"
    );
    assert!(
        table.contains("usa --offset 2"),
        "the footer says how to see more: {table}"
    );
    let csv = ok(&db, &["meeting", "list", "--format", "csv"]);
    assert!(
        csv.starts_with("\u{FEFF}ID;Quando;Tipo;Titolo"),
        "CSV for Italian spreadsheets: {csv}"
    );
    assert!(
        csv.contains("dal 15/06/2027 al 16/06/2027 (giornate intere)"),
        "an all-day meeting shows its days, the last one included: {csv}"
    );
    let unknown = fails(&db, &["meeting", "list", "--comune", "999999"], 1);
    assert!(
        unknown.contains("999999"),
        "an unknown comune is refused: {unknown}"
    );
    let ambiguous = fails(&db, &["meeting", "list", "--zone", "val"], 1);
    assert!(
        ambiguous.contains("più zone"),
        "an ambiguous zone name lists the candidates: {ambiguous}"
    );
}
#[test]
fn a_month_long_meeting_is_listed_on_its_last_day() {
    let db = TempDb::new();
    // An all-day meeting from 01/07/2027 to `last` (included).
    let july = |last: &str| -> Vec<String> {
        format!(
            "meeting add --type altro --title Campagna --start 01/07/2027 --all-day --end {last}"
        )
        .split(' ')
        .map(str::to_owned)
        .collect()
    };
    let longest = july("31/07/2027");
    ok(&db, &longest.iter().map(String::as_str).collect::<Vec<_>>());
    let last_day = json(
        &db,
        &[
            "meeting",
            "list",
            "--from",
            "31/07/2027",
            "--to",
            "31/07/2027",
        ],
    );
    assert_eq!(
        ids(&last_day),
        vec![1],
        "a meeting of the longest length (31 days) still shows on its last day"
    );
    let after = json(&db, &["meeting", "list", "--from", "01/08/2027"]);
    assert!(ids(&after).is_empty(), "and not the day after: {after}");
    let too_long = july("01/08/2027");
    let line = fails(
        &db,
        &too_long.iter().map(String::as_str).collect::<Vec<_>>(),
        1,
    );
    assert!(
        line.contains("al massimo 31 giorni"),
        "longer meetings are refused, which keeps the list bound valid: {line}"
    );
}
