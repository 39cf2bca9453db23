//! The summary PDF of the survey: a first page with the map of Tuscany coloured by status and the
//! summary by ASL, then one section per ASL (only the filter's ASL when it names one) with the
//! ASL's map, its summary by zone, its counts per status and the table of its enti.
//!
//! Contract:
//! - The maps are SVG built here from the embedded boundaries ([`territory::tuscany_map`]) and the
//!   statuses of [`super::comune_views`]: a comune is filled with the colour of its status (the
//!   same colours as the app's map), hatched when it is covered through an Unione/SdS, white when
//!   it is not surveyed; an ASL map shows the neighbouring comuni in light grey. The SVG holds no
//!   text at all (names are in the tables), so nothing of the user's reaches it.
//! - Tables use the same cells as the XLSX export ([`super::export::cells`],
//!   [`super::export::summary_cells`]); the enti table of an ASL is [`super::list`] with the
//!   caller's filter restricted to that ASL.
//! - Laid out by the fixed typst template `sai-report.typ` with the verbale's engine: every user
//!   string is data in `/data.json`, never markup. Rows flagged synthetic are announced on the
//!   first page.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde_json::{json, Value};

use super::export::{cells, summary_cells, Cell, SUMMARY_HEADERS};
use super::types::*;
use crate::error::Result;
use crate::minutes::build::DEFAULT_ORGANISATION;
use crate::minutes::render::pdf::{render_template, Template};
use crate::settings;
use crate::territory::{self, AslCode};
use crate::time::{self, format_it};

static TEMPLATE: Template = Template::new(|| {
    typst::syntax::Source::new(
        typst::syntax::FileId::new(None, typst::syntax::VirtualPath::new("/sai-report.typ")),
        include_str!("sai-report.typ").to_owned(),
    )
});

/// Fill of each status on the maps (the app's map uses the same, ui/src/screens/sai/status.ts).
pub fn status_fill(s: SaiStatus) -> &'static str {
    match s {
        SaiStatus::NotEngaged => "#cfcfc8",
        SaiStatus::Informed => "#c6dbef",
        SaiStatus::Interested => "#8fbbdc",
        SaiStatus::Evaluating => "#5a9bcc",
        SaiStatus::DeliberationAdopted => "#f6d36b",
        SaiStatus::ApplicationSubmitted => "#f0a04b",
        SaiStatus::Active => "#2f9a55",
        SaiStatus::Expanding => "#11693a",
        SaiStatus::Declined => "#c06c78",
    }
}

/// Fill of a comune nobody surveyed.
const UNSURVEYED: &str = "#ffffff";
/// Fill of the comuni of other ASL around an ASL's map.
const CONTEXT: &str = "#ecebe6";

/// The map as SVG: every comune when `focus` is `None`, else the comuni of `focus` (coloured)
/// with the neighbours that fall in its frame (grey).
pub fn map_svg(
    map: &territory::map::TuscanyMap,
    views: &HashMap<&str, &SaiComuneView>,
    asl_of: &HashMap<&str, AslCode>,
    focus: Option<AslCode>,
) -> String {
    let in_focus = |code: &str| focus.is_none() || asl_of.get(code).copied() == focus;
    let mut frame = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for c in map.comuni.iter().filter(|c| in_focus(&c.istat_code)) {
        frame[0] = frame[0].min(c.bbox[0]);
        frame[1] = frame[1].min(c.bbox[1]);
        frame[2] = frame[2].max(c.bbox[2]);
        frame[3] = frame[3].max(c.bbox[3]);
    }
    if frame[0] > frame[2] {
        frame = [0.0, 0.0, map.width, map.height];
    }
    let pad = ((frame[2] - frame[0]).max(frame[3] - frame[1]) * 0.02).max(4.0);
    let (x, y) = (frame[0] - pad, frame[1] - pad);
    let (w, h) = (
        frame[2] - frame[0] + 2.0 * pad,
        frame[3] - frame[1] + 2.0 * pad,
    );
    let stroke = w.max(h) / 1400.0;
    let hatch = w.max(h) / 160.0;
    let mut svg = String::with_capacity(512 * 1024);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x:.1} {y:.1} {w:.1} {h:.1}" width="{w:.0}" height="{h:.0}"><defs>"#
    );
    for s in SaiStatus::ALL {
        let _ = write!(
            svg,
            r##"<pattern id="h-{id}" patternUnits="userSpaceOnUse" width="{hatch:.2}" height="{hatch:.2}" patternTransform="rotate(45)"><rect width="{hatch:.2}" height="{hatch:.2}" fill="#ffffff"/><rect width="{half:.2}" height="{hatch:.2}" fill="{fill}"/></pattern>"##,
            id = s.as_str(),
            half = hatch * 0.6,
            fill = status_fill(*s),
        );
    }
    let _ = write!(
        svg,
        r##"</defs><g stroke="#5f5f5a" stroke-width="{stroke:.2}" stroke-linejoin="round" fill-rule="evenodd">"##
    );
    for c in &map.comuni {
        let mine = in_focus(&c.istat_code);
        if !mine && (c.bbox[2] < x || c.bbox[0] > x + w || c.bbox[3] < y || c.bbox[1] > y + h) {
            continue;
        }
        let fill = if !mine {
            CONTEXT.to_owned()
        } else {
            match views
                .get(c.istat_code.as_str())
                .and_then(|v| v.status.map(|s| (s, v)))
            {
                Some((s, v)) if v.covered_by.is_some() => format!("url(#h-{})", s.as_str()),
                Some((s, _)) => status_fill(s).to_owned(),
                None => UNSURVEYED.to_owned(),
            }
        };
        let _ = write!(svg, r#"<path fill="{fill}" d="{}"/>"#, c.path);
    }
    svg.push_str("</g></svg>");
    svg
}

fn text_cells(cells: Vec<Cell>) -> Vec<String> {
    cells
        .into_iter()
        .map(|c| match c {
            Cell::Text(s) => s,
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.map(format_it).unwrap_or_default(),
        })
        .collect()
}

/// The report's data for the survey matching `filter`.
pub fn report_data(conn: &rusqlite::Connection, filter: &SaiFilter) -> Result<Value> {
    let on = filter.on.unwrap_or_else(time::today_rome);
    let profile = settings::profile(conn)?;
    let organisation = match profile.organisation.trim() {
        "" => DEFAULT_ORGANISATION.to_owned(),
        o => o.to_owned(),
    };
    let map = territory::tuscany_map()?;
    let views = super::comune_views(conn, on)?;
    let views: HashMap<&str, &SaiComuneView> =
        views.iter().map(|v| (v.istat_code.as_str(), v)).collect();
    let comuni: Vec<(String, String)> = conn
        .prepare("SELECT istat_code, asl_code FROM comune")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let asl_of: HashMap<&str, AslCode> = comuni
        .iter()
        .filter_map(|(code, asl)| {
            let asl = AslCode::ALL.into_iter().find(|a| a.as_str() == asl)?;
            Some((code.as_str(), asl))
        })
        .collect();
    let zone_asl: HashMap<i64, AslCode> = territory::zones(conn, on)?
        .into_iter()
        .map(|z| (z.id, z.asl))
        .collect();
    let by_asl = super::summary(conn, SaiGroupBy::Asl, on)?;
    let by_zone = super::summary(conn, SaiGroupBy::Zone, on)?;
    let summary_rows = |rows: &mut dyn Iterator<Item = &SaiSummaryRow>| -> Vec<Vec<String>> {
        rows.map(|r| text_cells(summary_cells(r))).collect()
    };
    let mut synthetic = false;
    let mut sections = Vec::new();
    for asl in AslCode::ALL {
        if filter.asl.is_some_and(|a| a != asl) {
            continue;
        }
        let rows = super::list(
            conn,
            &SaiFilter {
                asl: Some(asl),
                ..filter.clone()
            },
        )?;
        synthetic |= rows.iter().any(|r| r.synthetic);
        let asl_row = by_asl.rows.iter().find(|r| r.key == asl.as_str());
        let counts: Vec<Value> = asl_row
            .map(|r| {
                r.by_status
                    .iter()
                    .map(|c| json!([status_fill(c.status), c.status.label(), c.count.to_string()]))
                    .collect()
            })
            .unwrap_or_default();
        let zones = summary_rows(&mut by_zone.rows.iter().filter(|r| {
            r.key
                .parse::<i64>()
                .ok()
                .and_then(|id| zone_asl.get(&id))
                .is_some_and(|a| *a == asl)
        }));
        let enti: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                let c = text_cells(cells(r));
                // Ente, Tipo, Zona, Stato, Dal, Ord., DM-DS, MSNA, Tot., Prossimo passo, Scadenza
                [0, 1, 4, 6, 7, 10, 11, 12, 13, 17, 18]
                    .iter()
                    .map(|i| c.get(*i).cloned().unwrap_or_default())
                    .collect()
            })
            .collect();
        sections.push(json!({
            "title": asl.official_name(),
            "map": map_svg(map, &views, &asl_of, Some(asl)),
            "counts": counts,
            "zones": zones,
            "enti": enti,
        }));
    }
    let legend: Vec<Value> = SaiStatus::ALL
        .iter()
        .map(|s| json!([status_fill(*s), s.label()]))
        .collect();
    let mut asl_rows = summary_rows(&mut by_asl.rows.iter());
    asl_rows.push(text_cells(summary_cells(&by_asl.total)));
    Ok(json!({
        "organisation": organisation,
        "title": "Ricognizione SAI",
        "subtitle": format!("Situazione al {}", format_it(on)),
        "generated": format!("Generato da Raccordo il {}", format_it(time::today_rome())),
        "synthetic": if synthetic {
            "Attenzione: il documento contiene dati sintetici di prova (demo), non reali."
        } else {
            ""
        },
        "map": map_svg(map, &views, &asl_of, None),
        "legend": legend,
        "legend_unsurveyed": "non censito",
        "legend_covered": "tratteggio: coperto tramite Unione dei Comuni o Società della Salute",
        "attribution": map.attribution,
        "summary_heads": SUMMARY_HEADERS,
        "zone_heads": std::iter::once("Zona-distretto")
            .chain(SUMMARY_HEADERS.iter().skip(1).copied())
            .collect::<Vec<_>>(),
        "asl_rows": asl_rows,
        "sections": sections,
        "empty": "Nessuna voce.",
        "h": {
            "by_asl": "Riepilogo per ASL",
            "by_zone": "Riepilogo per zona-distretto",
            "counts": "Enti per stato",
            "enti": "Enti rilevati",
            "enti_cols": ["Ente", "Tipo", "Zona", "Stato", "Dal", "Ord.", "DM-DS", "MSNA",
                          "Tot.", "Prossimo passo", "Scadenza"],
        }
    }))
}

/// The summary PDF of the survey matching `filter`.
pub fn report_pdf(conn: &rusqlite::Connection, filter: &SaiFilter) -> Result<Vec<u8>> {
    let data = report_data(conn, filter)?;
    render_template(
        &TEMPLATE,
        &data,
        None,
        time::today_rome(),
        false,
        Some(time::utc_to_rome(chrono::Utc::now())),
    )
}
