//! The summary PDF of the survey (`sai::report`): the maps colour every comune by status (covered
//! ones hatched, the others white), an ASL map shows that ASL's comuni and greys its neighbours,
//! the SVG holds no text, one section per ASL (or the filter's), and user text stays text.

use crate::common;

use common::sai::{status, survey};
use common::{TempDb, AULLA};
use raccordo::sai::report::{report_data, report_pdf, status_fill};
use raccordo::sai::{SaiFilter, SaiStatus};
use raccordo::territory::AslCode;

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn maps_colour_every_comune_by_status_and_hold_no_text() {
    let db = TempDb::new();
    let store = db.open();
    survey(&store);
    let data = store
        .read(|c| report_data(c, &SaiFilter::default()))
        .expect("report data");
    let map = data["map"].as_str().expect("the Tuscany map");
    assert_eq!(count(map, "<path "), 273, "every comune is drawn");
    let fill = |s: SaiStatus| format!("<path fill=\"{}\"", status_fill(s));
    assert_eq!(
        count(map, &fill(SaiStatus::Active)),
        2,
        "Pisa and Prato have their own project"
    );
    assert_eq!(
        count(map, "<path fill=\"url(#h-active)\""),
        2,
        "Aulla and Bagnone are covered through the Unione della Lunigiana (hatched)"
    );
    assert_eq!(count(map, &fill(SaiStatus::Interested)), 1, "Firenze");
    assert_eq!(count(map, &fill(SaiStatus::Declined)), 1, "Siena");
    assert_eq!(
        count(map, "<path fill=\"#ffffff\""),
        273 - 6,
        "the comuni nobody surveyed are white"
    );
    for forbidden in ["<text", "<script", "href"] {
        assert!(!map.contains(forbidden), "the map SVG holds no {forbidden}");
    }

    let sections = data["sections"].as_array().expect("sections");
    assert_eq!(sections.len(), 3, "one section per ASL");
    let nord_ovest: i64 = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM comune WHERE asl_code = 'nord-ovest'",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("count");
    let asl_map = sections[0]["map"].as_str().expect("the nord-ovest map");
    let drawn = count(asl_map, "<path ");
    let context = count(asl_map, "<path fill=\"#ecebe6\"");
    assert_eq!(
        drawn - context,
        usize::try_from(nord_ovest).expect("count"),
        "the ASL map colours exactly the ASL's comuni"
    );
    assert!(
        context > 0 && drawn < 273,
        "and greys a few neighbours in its frame"
    );
    assert_eq!(
        count(asl_map, &fill(SaiStatus::Active)),
        1,
        "Pisa is the only own project of nord-ovest"
    );
}

#[test]
fn a_filter_on_an_asl_gives_its_section_only_and_user_text_stays_text() {
    let db = TempDb::new();
    let store = db.open();
    survey(&store);
    let hostile = "<script>alert(1)</script> #set page(fill: red)";
    let unione = common::sai::unione(&store, hostile, &[AULLA]);
    status(&store, unione, SaiStatus::Evaluating, (2025, 4, 1), hostile);
    let filter = SaiFilter {
        asl: Some(AslCode::Centro),
        ..Default::default()
    };
    let data = store.read(|c| report_data(c, &filter)).expect("data");
    let sections = data["sections"].as_array().expect("sections");
    assert_eq!(sections.len(), 1, "only the filter's ASL");
    assert_eq!(sections[0]["title"], "Azienda USL Toscana centro");
    let enti = sections[0]["enti"].as_array().expect("enti");
    let names: Vec<&str> = enti.iter().filter_map(|r| r[0].as_str()).collect();
    assert_eq!(
        names,
        ["Comune di Firenze", "Comune di Prato"],
        "the centro enti, in table order"
    );

    let pdf = store
        .read(|c| report_pdf(c, &SaiFilter::default()))
        .expect("the PDF renders with a hostile name");
    let path = db.sibling("ricognizione.pdf");
    std::fs::write(&path, &pdf).expect("write");
    let text = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext is installed (poppler-utils)");
    // Table cells wrap anywhere: compare without white space.
    let text: String = String::from_utf8_lossy(&text.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(
        text.contains("<script>alert(1)</script>#setpage(fill:red)"),
        "the hostile name is printed literally, never markup"
    );
}
