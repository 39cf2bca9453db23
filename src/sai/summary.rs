//! SAI summaries per ASL, zone or province, and "what changed since day D".
//!
//! Contract of [`summary`]: every surveyed ente is counted once, in the group of its territory
//! on the date ([`super::place`]); enti without one fall in a last row with key "" ("non
//! attribuito"), so the rows' `enti` always add up to the enti surveyed and the places of the
//! rows to the places recorded. A group's comuni, residents and covered comuni are those of the
//! territory (every comune of the ASL / zone / province, surveyed or not); the total row is the
//! whole region. Places per 1,000 residents = places × 1000 / residents (`None` without residents).
//! ASL rows come in the usual order (nord-ovest, centro, sud-est), zones by ASL then name,
//! provinces by name.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::place::Atlas;
use super::read::{all_stored, changes_from, history, views};
use super::types::*;
use crate::error::Result;
use crate::territory::AslCode;

/// Label of the row of enti without a territory.
pub const UNASSIGNED: &str = "non attribuito";

#[derive(Default)]
struct Acc {
    enti: i64,
    by_status: BTreeMap<SaiStatus, i64>,
    places: SaiPlaces,
    comuni: i64,
    own: i64,
    covered: i64,
    population: i64,
}

impl Acc {
    fn row(self, key: String, label: String) -> SaiSummaryRow {
        let total = self.places.total();
        SaiSummaryRow {
            key,
            label,
            enti: self.enti,
            by_status: SaiStatus::ALL
                .iter()
                .map(|s| SaiStatusCount {
                    status: *s,
                    count: self.by_status.get(s).copied().unwrap_or(0),
                })
                .collect(),
            places: self.places,
            places_total: total,
            comuni: self.comuni,
            comuni_own_project: self.own,
            comuni_covered: self.covered,
            population: self.population,
            places_per_1000: (self.population > 0)
                .then(|| (total as f64 * 1000.0 / self.population as f64 * 100.0).round() / 100.0),
        }
    }
}

/// Sort key and label of a group.
type Group = (String, String, String);

fn asl_group(a: AslCode) -> Group {
    let order = AslCode::ALL.iter().position(|x| *x == a).unwrap_or(9);
    (
        format!("{order}"),
        a.as_str().to_owned(),
        a.official_name().to_owned(),
    )
}

/// The summary by `by` on date `on` (see module contract).
pub fn summary(conn: &Connection, by: SaiGroupBy, on: NaiveDate) -> Result<SaiSummary> {
    let atlas = Atlas::load(conn, on)?;
    let stored = all_stored(conn)?;
    let mut groups: BTreeMap<Group, Acc> = BTreeMap::new();
    // Every group of the territory gets a row, surveyed or not.
    for c in atlas.comuni.values() {
        let g = match by {
            SaiGroupBy::Asl => Some(asl_group(c.asl)),
            SaiGroupBy::Zone => c
                .zone
                .as_ref()
                .map(|(id, name)| zone_group(&atlas, *id, name)),
            SaiGroupBy::Province => Some(province_group(&c.province_abbr, &atlas)),
        };
        if let Some(g) = g {
            let acc = groups.entry(g).or_default();
            acc.comuni += 1;
            acc.population += c.population;
        }
    }
    let mut total = Acc::default();
    for s in &stored {
        let Ok(ente) = atlas.ente(s.org_id) else {
            continue;
        };
        let g = match by {
            SaiGroupBy::Asl => ente.asl.map(asl_group),
            SaiGroupBy::Zone => ente
                .zone_id
                .zip(ente.zone_name.as_ref())
                .map(|(id, name)| zone_group(&atlas, id, name)),
            SaiGroupBy::Province => ente
                .province_abbr
                .as_deref()
                .map(|p| province_group(p, &atlas)),
        }
        .unwrap_or_else(|| ("~".to_owned(), String::new(), UNASSIGNED.to_owned()));
        for acc in [groups.entry(g).or_default(), &mut total] {
            acc.enti += 1;
            *acc.by_status.entry(s.status).or_default() += 1;
            acc.places.add(&s.facts.places);
        }
    }
    for v in views(&atlas, &stored) {
        let Some(c) = atlas.comuni.get(&v.istat_code) else {
            continue;
        };
        let own = v.own.is_some_and(SaiStatus::has_project);
        let covered = v.covered_by.is_some();
        let g = match by {
            SaiGroupBy::Asl => Some(asl_group(c.asl)),
            SaiGroupBy::Zone => c
                .zone
                .as_ref()
                .map(|(id, name)| zone_group(&atlas, *id, name)),
            SaiGroupBy::Province => Some(province_group(&c.province_abbr, &atlas)),
        };
        for acc in g
            .and_then(|g| groups.get_mut(&g))
            .into_iter()
            .chain([&mut total])
        {
            acc.own += i64::from(own);
            acc.covered += i64::from(covered);
        }
    }
    total.comuni = atlas.comuni.len() as i64;
    total.population = atlas.comuni.values().map(|c| c.population).sum();
    let rows = groups
        .into_iter()
        .map(|((_, key, label), acc)| acc.row(key, label))
        .collect();
    Ok(SaiSummary {
        by,
        on,
        rows,
        total: total.row(String::new(), "Toscana".to_owned()),
    })
}

fn zone_group(atlas: &Atlas, id: i64, name: &str) -> Group {
    let asl = atlas.zones.get(&id).map(|z| z.1);
    let order = asl
        .and_then(|a| AslCode::ALL.iter().position(|x| *x == a))
        .unwrap_or(9);
    (
        format!("{order}{}", crate::text::fold(name)),
        id.to_string(),
        name.to_owned(),
    )
}

fn province_group(abbr: &str, atlas: &Atlas) -> Group {
    let name = atlas
        .comuni
        .values()
        .find(|c| c.province_abbr == abbr)
        .map_or_else(|| abbr.to_owned(), |c| c.province_name.clone());
    (crate::text::fold(&name), abbr.to_owned(), name)
}

/// What changed since `since`: every ente with a status change dated on or after it, the status
/// it had before (its latest change dated earlier) and now, most recent change first.
pub fn changes_since(conn: &Connection, since: NaiveDate, on: NaiveDate) -> Result<Vec<SaiChange>> {
    let atlas = Atlas::load(conn, on)?;
    let mut by_org: BTreeMap<i64, Vec<SaiStatusChange>> = BTreeMap::new();
    for (org, change) in changes_from(conn, since)? {
        by_org.entry(org).or_default().push(change);
    }
    let mut out = Vec::new();
    for (org, changes) in by_org {
        let Ok(ente) = atlas.ente(org) else {
            continue;
        };
        let before = history(conn, org)?
            .into_iter()
            .find(|c| c.on < since)
            .map(|c| c.status);
        let after = history(conn, org)?
            .first()
            .map(|c| c.status)
            .unwrap_or(SaiStatus::NotEngaged);
        out.push(SaiChange {
            ente,
            before,
            after,
            changes,
        });
    }
    out.sort_by(|a, b| {
        let last = |c: &SaiChange| c.changes.last().map(|x| (x.on, x.id));
        last(b).cmp(&last(a))
    });
    Ok(out)
}
