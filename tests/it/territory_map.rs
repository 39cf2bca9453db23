//! The map of Tuscany (`territory::tuscany_map`): every comune of the territory tables has one
//! non-empty, closed SVG path inside the viewBox (MultiPolygons included), and the model is
//! computed once.

use crate::common;

use std::collections::BTreeSet;
use std::time::Instant;

use common::TempDb;
use raccordo::territory::{self, map, Level};

#[test]
fn all_273_comuni_have_a_non_empty_closed_path() {
    let m = territory::tuscany_map().expect("the embedded boundaries make a map");
    assert_eq!(m.comuni.len(), 273, "one shape per Tuscan comune");
    for c in &m.comuni {
        assert!(
            c.path.starts_with('M') && c.path.ends_with('Z'),
            "{} ({}) has a closed path: {:.40}",
            c.name,
            c.istat_code,
            c.path
        );
        assert!(
            !c.polygons.is_empty() && c.path.matches('M').count() >= c.polygons.len(),
            "{}: every polygon is drawn ({} polygons)",
            c.name,
            c.polygons.len()
        );
        assert!(
            c.bbox[2] > c.bbox[0] && c.bbox[3] > c.bbox[1],
            "{}: the bounding box has an area: {:?}",
            c.name,
            c.bbox
        );
        assert!(
            c.bbox[0] >= 0.0 && c.bbox[2] <= m.width && c.bbox[1] >= 0.0 && c.bbox[3] <= m.height,
            "{}: inside the viewBox {}: {:?}",
            c.name,
            m.view_box,
            c.bbox
        );
    }
    let islands = m.comuni.iter().filter(|c| c.polygons.len() > 1).count();
    assert!(
        islands >= 10,
        "comuni made of several polygons (islands, exclaves) keep all of them: {islands}"
    );
    let portoferraio = m.comuni.iter().find(|c| c.name == "Portoferraio");
    assert!(portoferraio.is_some(), "Elba's comuni are on the map");
    assert_eq!(
        m.view_box,
        format!("0 0 {} {}", m.width, m.height),
        "viewBox matches the declared size"
    );
}

#[test]
fn map_codes_are_exactly_the_territory_comuni() {
    let db = TempDb::new();
    let store = db.open();
    let rows = store
        .read(|c| territory::list(c, Level::Comune, common::date(2025, 1, 1)))
        .expect("list comuni");
    let reference: BTreeSet<String> = rows.into_iter().map(|r| r.code).collect();
    let m = territory::tuscany_map().expect("map");
    let drawn: BTreeSet<String> = m.comuni.iter().map(|c| c.istat_code.clone()).collect();
    assert_eq!(
        reference.difference(&drawn).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "no comune of the reference data is missing from the map"
    );
    assert_eq!(
        drawn.difference(&reference).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "no shape on the map is unknown to the reference data"
    );
}

#[test]
fn the_model_is_computed_once_and_cached() {
    let first = territory::tuscany_map().expect("map") as *const _;
    let start = Instant::now();
    let again = territory::tuscany_map().expect("map") as *const _;
    assert_eq!(first, again, "the same cached model is returned");
    assert!(
        start.elapsed().as_millis() < 5,
        "a cached read is immediate: {:?}",
        start.elapsed()
    );
    let built = map::build_map(map::BOUNDARIES).expect("uncached build");
    assert_eq!(
        &built,
        territory::tuscany_map().expect("map"),
        "the cache holds exactly what a build gives"
    );
}
