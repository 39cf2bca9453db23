//! The map of Tuscany's 273 comuni, as SVG paths, from the embedded boundaries.
//!
//! Contract:
//! - Source: `assets/territory/toscana-comuni.geojson` (ISTAT/openpolis boundaries, CC BY 4.0,
//!   see `assets/territory/PROVENANCE.md`), embedded in the binary; nothing is read at run time.
//! - Projection: equirectangular with the longitude scaled by cos(mean latitude), north up,
//!   fitted to a fixed viewBox [`MAP_WIDTH`] wide (height from the data's aspect, rounded up),
//!   with [`MAP_MARGIN`] on every side. Coordinates are rounded to 0.1 unit (≈ 25 m).
//! - Every comune has one non-empty path: each ring of each polygon (MultiPolygons included,
//!   holes included; draw with `fill-rule="evenodd"`) is a closed `M…Z` subpath. The comune's
//!   bounding box and that of each polygon are given in viewBox units.
//! - [`tuscany_map`] computes the model once per process and returns the cached value; a broken
//!   embedded file is an [`Error::Internal`] (a build defect, tested), never a panic.
//! - Comuni are ordered by ISTAT code; names are the ISTAT names (plain text, never markup).

use std::fmt::Write as _;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::error::{Error, Result};

/// The embedded boundaries (GeoJSON FeatureCollection, WGS84).
pub const BOUNDARIES: &str = include_str!("../../assets/territory/toscana-comuni.geojson");

/// Width of the viewBox.
pub const MAP_WIDTH: f64 = 1000.0;
/// Empty border inside the viewBox, on every side.
pub const MAP_MARGIN: f64 = 10.0;

/// A bounding box in viewBox units: `[min_x, min_y, max_x, max_y]`.
pub type BBox = [f64; 4];

/// One comune on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MapComune {
    pub istat_code: String,
    pub name: String,
    /// SVG path data (absolute `M x y … Z` subpaths), to fill with `fill-rule="evenodd"`.
    pub path: String,
    /// Bounding box of the whole comune.
    pub bbox: BBox,
    /// Bounding box of each polygon (more than one for a comune with islands or exclaves).
    pub polygons: Vec<BBox>,
}

/// The whole map: the viewBox and the comuni (by ISTAT code).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TuscanyMap {
    /// `"0 0 <width> <height>"`.
    pub view_box: String,
    pub width: f64,
    pub height: f64,
    pub comuni: Vec<MapComune>,
    /// Attribution of the boundaries (to show beside the map).
    pub attribution: String,
}

/// The map model, computed on first use and cached for the life of the process.
pub fn tuscany_map() -> Result<&'static TuscanyMap> {
    static MAP: OnceLock<std::result::Result<TuscanyMap, String>> = OnceLock::new();
    MAP.get_or_init(|| build_map(BOUNDARIES).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| Error::Internal(e.clone()))
}

/// A polygon as rings of (longitude, latitude).
type Polygon = Vec<Vec<(f64, f64)>>;

/// Builds the model from a GeoJSON FeatureCollection (uncached; [`tuscany_map`] caches it).
pub fn build_map(geojson: &str) -> Result<TuscanyMap> {
    let bad = |what: String| Error::Internal(format!("embedded boundaries: {what}"));
    let doc: Value = serde_json::from_str(geojson).map_err(|e| bad(e.to_string()))?;
    let features = doc["features"]
        .as_array()
        .ok_or_else(|| bad("no features".to_owned()))?;
    let mut parsed: Vec<(String, String, Vec<Polygon>)> = Vec::with_capacity(features.len());
    for f in features {
        let code = f["properties"]["istat_code"]
            .as_str()
            .ok_or_else(|| bad("feature without istat_code".to_owned()))?;
        let name = f["properties"]["name"].as_str().unwrap_or(code);
        let polygons =
            polygons_of(&f["geometry"]).ok_or_else(|| bad(format!("{code}: geometry")))?;
        if polygons.is_empty() {
            return Err(bad(format!("{code}: no polygon")));
        }
        parsed.push((code.to_owned(), name.to_owned(), polygons));
    }
    parsed.sort_by(|a, b| a.0.cmp(&b.0));

    let (mut lon0, mut lon1, mut lat0, mut lat1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (lon, lat) in parsed.iter().flat_map(|p| p.2.iter().flatten().flatten()) {
        lon0 = lon0.min(*lon);
        lon1 = lon1.max(*lon);
        lat0 = lat0.min(*lat);
        lat1 = lat1.max(*lat);
    }
    if lon1 <= lon0 || lat1 <= lat0 {
        return Err(bad("empty extent".to_owned()));
    }
    let kx = ((lat0 + lat1) / 2.0).to_radians().cos();
    let scale = (MAP_WIDTH - 2.0 * MAP_MARGIN) / ((lon1 - lon0) * kx);
    let height = ((lat1 - lat0) * scale + 2.0 * MAP_MARGIN).ceil();
    let project = |(lon, lat): (f64, f64)| -> (f64, f64) {
        (
            round1(MAP_MARGIN + (lon - lon0) * kx * scale),
            round1(MAP_MARGIN + (lat1 - lat) * scale),
        )
    };

    let mut comuni = Vec::with_capacity(parsed.len());
    for (istat_code, name, polys) in parsed {
        let mut path = String::new();
        let mut polygons = Vec::with_capacity(polys.len());
        let mut all = empty_bbox();
        for poly in &polys {
            let mut bbox = empty_bbox();
            for ring in poly {
                let points: Vec<(f64, f64)> = ring.iter().map(|p| project(*p)).collect();
                write_ring(&mut path, &points);
                for (x, y) in &points {
                    grow(&mut bbox, *x, *y);
                }
            }
            grow(&mut all, bbox[0], bbox[1]);
            grow(&mut all, bbox[2], bbox[3]);
            polygons.push(bbox);
        }
        if path.is_empty() {
            return Err(bad(format!("{istat_code}: empty path")));
        }
        comuni.push(MapComune {
            istat_code,
            name,
            path,
            bbox: all,
            polygons,
        });
    }
    Ok(TuscanyMap {
        view_box: format!("0 0 {MAP_WIDTH} {height}"),
        width: MAP_WIDTH,
        height,
        comuni,
        attribution: crate::ATTRIBUTION.to_owned(),
    })
}

/// The polygons of a Polygon or MultiPolygon geometry; `None` for another or broken geometry.
fn polygons_of(geometry: &Value) -> Option<Vec<Polygon>> {
    let coordinates = geometry["coordinates"].as_array()?;
    match geometry["type"].as_str()? {
        "Polygon" => Some(vec![polygon(coordinates)?]),
        "MultiPolygon" => coordinates.iter().map(|p| polygon(p.as_array()?)).collect(),
        _ => None,
    }
}

/// Rings with at least 3 points; a ring with fewer is dropped (it encloses nothing).
fn polygon(rings: &[Value]) -> Option<Polygon> {
    let mut out = Vec::with_capacity(rings.len());
    for ring in rings {
        let points = ring
            .as_array()?
            .iter()
            .map(|pt| Some((pt.get(0)?.as_f64()?, pt.get(1)?.as_f64()?)))
            .collect::<Option<Vec<_>>>()?;
        if points.len() >= 3 {
            out.push(points);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Appends `M x y x y … Z`, skipping repeated points and the closing copy of the first point.
fn write_ring(path: &mut String, points: &[(f64, f64)]) {
    let mut last: Option<(f64, f64)> = None;
    let end = match (points.first(), points.last()) {
        (Some(a), Some(b)) if points.len() > 1 && a == b => points.len() - 1,
        _ => points.len(),
    };
    for (i, p) in points[..end].iter().enumerate() {
        if last == Some(*p) {
            continue;
        }
        let sep = if i == 0 { "M" } else { " " };
        let _ = write!(path, "{sep}{} {}", p.0, p.1);
        last = Some(*p);
    }
    path.push('Z');
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn empty_bbox() -> BBox {
    [f64::MAX, f64::MAX, f64::MIN, f64::MIN]
}

fn grow(b: &mut BBox, x: f64, y: f64) {
    b[0] = b[0].min(x);
    b[1] = b[1].min(y);
    b[2] = b[2].max(x);
    b[3] = b[3].max(y);
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE_AND_ISLAND: &str = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"istat_code":"000002","name":"B"},
         "geometry":{"type":"MultiPolygon","coordinates":[
            [[[10,43],[10.1,43],[10.1,43.1],[10,43.1],[10,43]]],
            [[[10.5,42.5],[10.6,42.5],[10.6,42.6],[10.5,42.5]]]]}},
        {"type":"Feature","properties":{"istat_code":"000001","name":"A <b>"},
         "geometry":{"type":"Polygon","coordinates":[
            [[11,44],[11.2,44],[11.2,44.2],[11,44.2],[11,44]],
            [[11.05,44.05],[11.1,44.05],[11.1,44.1],[11.05,44.05]]]}}]}"#;

    #[test]
    fn multipolygons_and_holes_become_closed_subpaths() -> Result<()> {
        let map = build_map(SQUARE_AND_ISLAND)?;
        assert_eq!(map.comuni.len(), 2, "both features are on the map");
        assert_eq!(map.comuni[0].istat_code, "000001", "ordered by ISTAT code");
        assert_eq!(
            map.comuni[0].name, "A <b>",
            "names are kept verbatim (text)"
        );
        let b = &map.comuni[1];
        assert_eq!(
            b.path.matches('M').count(),
            2,
            "one subpath per polygon: {}",
            b.path
        );
        assert_eq!(b.path.matches('Z').count(), 2, "every subpath is closed");
        assert_eq!(b.polygons.len(), 2, "a bounding box per polygon");
        let a = &map.comuni[0];
        assert_eq!(a.path.matches('M').count(), 2, "the hole is a subpath too");
        assert_eq!(a.polygons.len(), 1, "a hole is not a polygon");
        Ok(())
    }

    #[test]
    fn projection_fits_the_view_box_north_up() -> Result<()> {
        let map = build_map(SQUARE_AND_ISLAND)?;
        let (a, b) = (&map.comuni[0], &map.comuni[1]);
        assert!(a.bbox[1] < b.bbox[1], "the northern comune is drawn higher");
        for c in &map.comuni {
            assert!(
                c.bbox[0] >= MAP_MARGIN - 0.05 && c.bbox[2] <= MAP_WIDTH - MAP_MARGIN + 0.05,
                "x within the margins: {:?}",
                c.bbox
            );
            assert!(
                c.bbox[1] >= MAP_MARGIN - 0.05 && c.bbox[3] <= map.height - MAP_MARGIN + 0.05,
                "y within the margins: {:?}",
                c.bbox
            );
        }
        Ok(())
    }

    #[test]
    fn broken_geometry_is_an_internal_error_not_a_panic() {
        let broken = r#"{"features":[{"properties":{"istat_code":"1"},"geometry":{"type":"Point","coordinates":[1,2]}}]}"#;
        assert!(
            matches!(build_map(broken), Err(Error::Internal(_))),
            "a point is not a comune boundary"
        );
        assert!(
            matches!(build_map("not json"), Err(Error::Internal(_))),
            "unparsable input is reported"
        );
    }
}
