//! Read side of the territory: tree, search, comune detail, zones, flat lists.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, params_from_iter, Connection, Row};

use super::types::*;
use super::{iso, normalize_istat};
use crate::error::{Entity, Error, Result};
use crate::text;
use crate::time;

/// A query selecting the columns of a [`ComuneSummary`] (then `extra` columns) with the
/// membership valid on `?1` (ISO date), followed by `tail` (WHERE / ORDER BY / LIMIT).
fn summary_sql(extra: &str, tail: &str) -> String {
    format!(
        "SELECT c.istat_code, c.name, p.abbr, c.asl_code, m.zone_id, z.name, c.population{extra}
         FROM comune c
         JOIN province p ON p.code = c.province_code
         LEFT JOIN comune_zone m ON m.istat_code = c.istat_code
             AND m.valid_from <= ?1 AND (m.valid_to IS NULL OR m.valid_to >= ?1)
         LEFT JOIN zone z ON z.id = m.zone_id
         {tail}"
    )
}

fn summary_row(r: &Row) -> rusqlite::Result<ComuneSummary> {
    Ok(ComuneSummary {
        istat_code: r.get(0)?,
        name: r.get(1)?,
        province_abbr: r.get(2)?,
        asl: r.get(3)?,
        zone_id: r.get(4)?,
        zone_name: r.get(5)?,
        population: r.get(6)?,
    })
}

/// The three ASL with their reference totals, in the usual order.
pub fn asl_list(conn: &Connection) -> Result<Vec<Asl>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.code, a.name, count(c.istat_code), coalesce(sum(c.population), 0)
         FROM asl a LEFT JOIN comune c ON c.asl_code = a.code
         GROUP BY a.code ORDER BY a.sort_order",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Asl {
            code: r.get(0)?,
            name: r.get(1)?,
            comuni_count: r.get(2)?,
            population: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// All zones, by ASL and template order, with counts over the membership valid on `on`.
pub fn zones(conn: &Connection, on: NaiveDate) -> Result<Vec<Zone>> {
    let mut stmt = conn.prepare_cached(
        "SELECT z.id, z.name, z.asl_code, z.confirmed, count(c.istat_code),
                coalesce(sum(c.population), 0)
         FROM zone z
         JOIN asl a ON a.code = z.asl_code
         LEFT JOIN comune_zone m ON m.zone_id = z.id
             AND m.valid_from <= ?1 AND (m.valid_to IS NULL OR m.valid_to >= ?1)
         LEFT JOIN comune c ON c.istat_code = m.istat_code
         GROUP BY z.id
         ORDER BY a.sort_order, z.sort_order, z.name_folded",
    )?;
    let rows = stmt.query_map([iso(on)], zone_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn zone_row(r: &Row) -> rusqlite::Result<Zone> {
    Ok(Zone {
        id: r.get(0)?,
        name: r.get(1)?,
        asl: r.get(2)?,
        confirmed: r.get(3)?,
        comuni_count: r.get(4)?,
        population: r.get(5)?,
    })
}

/// One zone with counts on `on`.
pub fn zone(conn: &Connection, id: i64, on: NaiveDate) -> Result<Zone> {
    zones(conn, on)?
        .into_iter()
        .find(|z| z.id == id)
        .ok_or_else(|| Error::NotFound {
            what: Entity::Zone,
            key: id.to_string(),
        })
}

/// ASL → zones → comuni with the membership valid on `on`.
pub fn tree(conn: &Connection, on: NaiveDate) -> Result<TerritoryTree> {
    let mut by_asl: HashMap<AslCode, AslNode> = asl_list(conn)?
        .into_iter()
        .map(|asl| {
            (
                asl.code,
                AslNode {
                    asl,
                    zones: Vec::new(),
                    unassigned: Vec::new(),
                },
            )
        })
        .collect();
    let mut zone_index: HashMap<i64, (AslCode, usize)> = HashMap::new();
    let mut zones_to_confirm = 0;
    for zone in zones(conn, on)? {
        if !zone.confirmed {
            zones_to_confirm += 1;
        }
        if let Some(node) = by_asl.get_mut(&zone.asl) {
            zone_index.insert(zone.id, (zone.asl, node.zones.len()));
            node.zones.push(ZoneNode {
                zone,
                comuni: Vec::new(),
            });
        }
    }
    let sql = summary_sql("", "ORDER BY c.name_folded");
    let mut stmt = conn.prepare_cached(&sql)?;
    let summaries = stmt.query_map([iso(on)], summary_row)?;
    let (mut comuni_count, mut population) = (0, 0);
    for s in summaries {
        let s = s?;
        comuni_count += 1;
        population += s.population;
        let Some(node) = by_asl.get_mut(&s.asl) else {
            continue;
        };
        match s.zone_id.and_then(|id| zone_index.get(&id)) {
            Some((zone_asl, i)) if *zone_asl == s.asl => node.zones[*i].comuni.push(s),
            _ => node.unassigned.push(s),
        }
    }
    let synthetic_memberships: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM comune_zone WHERE synthetic = 1
             AND valid_from <= ?1 AND (valid_to IS NULL OR valid_to >= ?1))",
        [iso(on)],
        |r| r.get(0),
    )?;
    let asl = AslCode::ALL
        .iter()
        .filter_map(|code| by_asl.remove(code))
        .collect();
    Ok(TerritoryTree {
        on,
        asl,
        comuni_count,
        population,
        zones_to_confirm,
        synthetic_memberships,
    })
}

/// Comuni whose name matches `query` (accents, case, apostrophes and hyphens folded; every word
/// must occur, or the query without spaces must occur in the name without spaces), or whose
/// ISTAT code starts with `query` when it is all digits. Exact and prefix matches come first.
/// At most `limit` results (capped at 500); an empty query gives no results.
pub fn search_comuni(conn: &Connection, query: &str, limit: u32) -> Result<Vec<ComuneSummary>> {
    let q = text::fold(query);
    let limit = limit.min(500);
    if q.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    let today = iso(time::today_rome());
    if q.bytes().all(|b| b.is_ascii_digit()) {
        let sql = summary_sql(
            "",
            "WHERE substr(c.istat_code, 1, length(?2)) = ?2 ORDER BY c.istat_code LIMIT ?3",
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![today, q, limit], summary_row)?;
        return Ok(rows.collect::<rusqlite::Result<_>>()?);
    }
    let words: Vec<&str> = q.split(' ').take(8).collect();
    // ?1 date, ?2 folded query, ?3 compact query, ?4 limit, ?5.. words
    let all_words = (0..words.len())
        .map(|i| format!("instr(c.name_folded, ?{}) > 0", i + 5))
        .collect::<Vec<_>>()
        .join(" AND ");
    let sql = summary_sql(
        "",
        &format!(
            "WHERE ({all_words}) OR instr(c.name_compact, ?3) > 0
             ORDER BY CASE
                 WHEN c.name_folded = ?2 THEN 0
                 WHEN instr(c.name_folded, ?2) = 1 THEN 1
                 WHEN instr(' ' || c.name_folded, ' ' || ?2) > 0 THEN 2
                 WHEN instr(c.name_folded, ?2) > 0 THEN 3
                 ELSE 4 END,
                 c.name_folded
             LIMIT ?4"
        ),
    );
    let compact = q.replace(' ', "");
    let mut values: Vec<rusqlite::types::Value> = vec![
        today.into(),
        q.clone().into(),
        compact.into(),
        i64::from(limit).into(),
    ];
    values.extend(
        words
            .iter()
            .map(|w| rusqlite::types::Value::from(w.to_string())),
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(values), summary_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Detail of one comune with the zone valid on `on` and the whole zone history (newest first).
pub fn comune(conn: &Connection, istat_code: &str, on: NaiveDate) -> Result<ComuneDetail> {
    let not_found = || Error::NotFound {
        what: Entity::Comune,
        key: istat_code.trim().to_owned(),
    };
    let code = normalize_istat(istat_code).ok_or_else(not_found)?;
    let mut stmt = conn.prepare_cached(
        "SELECT c.istat_code, c.name, c.cadastral_code, p.code, p.name, p.abbr,
                c.provincial_capital, c.nuts3, c.asl_code, a.name, c.population,
                c.population_year
         FROM comune c
         JOIN province p ON p.code = c.province_code
         JOIN asl a ON a.code = c.asl_code
         WHERE c.istat_code = ?1",
    )?;
    let mut rows = stmt.query([&code])?;
    let Some(r) = rows.next()? else {
        return Err(not_found());
    };
    let mut detail = ComuneDetail {
        istat_code: r.get(0)?,
        name: r.get(1)?,
        cadastral_code: r.get(2)?,
        province_code: r.get(3)?,
        province_name: r.get(4)?,
        province_abbr: r.get(5)?,
        provincial_capital: r.get(6)?,
        nuts3: r.get(7)?,
        asl: r.get(8)?,
        asl_name: r.get(9)?,
        population: r.get(10)?,
        population_year: r.get(11)?,
        zone: None,
        zone_history: Vec::new(),
    };
    detail.zone_history = memberships(conn, &code)?;
    detail.zone = detail
        .zone_history
        .iter()
        .find(|m| m.valid_from <= on && m.valid_to.is_none_or(|to| to >= on))
        .cloned();
    Ok(detail)
}

/// All memberships of a comune, newest first.
pub(crate) fn memberships(conn: &Connection, istat_code: &str) -> Result<Vec<ZoneMembership>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.zone_id, z.name, m.valid_from, m.valid_to, m.source, m.synthetic
         FROM comune_zone m JOIN zone z ON z.id = m.zone_id
         WHERE m.istat_code = ?1
         ORDER BY m.valid_from DESC",
    )?;
    let raw = stmt.query_map([istat_code], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, bool>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in raw {
        let (id, zone_id, zone_name, from, to, source, synthetic) = row?;
        out.push(ZoneMembership {
            id,
            zone_id,
            zone_name,
            valid_from: time::parse_iso(&from)?,
            valid_to: to.as_deref().map(time::parse_iso).transpose()?,
            source,
            synthetic,
        });
    }
    Ok(out)
}

/// Flat rows for one level of the territory (the CLI's `territory list`); zones and comuni use
/// the membership valid on `on`.
pub fn list(conn: &Connection, level: Level, on: NaiveDate) -> Result<Vec<TerritoryRow>> {
    let row = |level: &'static str| TerritoryRow {
        level,
        code: String::new(),
        name: String::new(),
        parent: None,
        asl: None,
        province: None,
        zone: None,
        population: 0,
        comuni_count: 0,
    };
    let rows = match level {
        Level::Region => {
            let mut stmt = conn.prepare_cached(
                "SELECT r.code, r.name, count(c.istat_code), coalesce(sum(c.population), 0)
                 FROM region r
                 LEFT JOIN province p ON p.region_code = r.code
                 LEFT JOIN comune c ON c.province_code = p.code
                 GROUP BY r.code ORDER BY r.code",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(TerritoryRow {
                    code: r.get(0)?,
                    name: r.get(1)?,
                    comuni_count: r.get(2)?,
                    population: r.get(3)?,
                    ..row("region")
                })
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        }
        Level::Asl => asl_list(conn)?
            .into_iter()
            .map(|a| TerritoryRow {
                code: a.code.as_str().to_owned(),
                name: a.name,
                parent: Some(super::seed::REGION_CODE.to_owned()),
                asl: Some(a.code),
                population: a.population,
                comuni_count: a.comuni_count,
                ..row("asl")
            })
            .collect(),
        Level::Province => {
            let mut stmt = conn.prepare_cached(
                "SELECT p.code, p.name, p.region_code, p.abbr, count(c.istat_code),
                        coalesce(sum(c.population), 0),
                        CASE WHEN count(DISTINCT c.asl_code) = 1 THEN min(c.asl_code) END
                 FROM province p LEFT JOIN comune c ON c.province_code = p.code
                 GROUP BY p.code ORDER BY p.code",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(TerritoryRow {
                    code: r.get(0)?,
                    name: r.get(1)?,
                    parent: r.get(2)?,
                    province: r.get(3)?,
                    comuni_count: r.get(4)?,
                    population: r.get(5)?,
                    asl: r.get(6)?,
                    ..row("province")
                })
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        }
        Level::Zone => zones(conn, on)?
            .into_iter()
            .map(|z| TerritoryRow {
                code: z.id.to_string(),
                name: z.name,
                parent: Some(z.asl.as_str().to_owned()),
                asl: Some(z.asl),
                population: z.population,
                comuni_count: z.comuni_count,
                ..row("zone")
            })
            .collect(),
        Level::Comune => {
            let sql = summary_sql(", c.province_code", "ORDER BY c.istat_code");
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt.query_map([iso(on)], |r| {
                let s = summary_row(r)?;
                Ok(TerritoryRow {
                    code: s.istat_code,
                    name: s.name,
                    parent: Some(r.get(7)?),
                    asl: Some(s.asl),
                    province: Some(s.province_abbr),
                    zone: s.zone_name,
                    population: s.population,
                    comuni_count: 1,
                    ..row("comune")
                })
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        }
    };
    Ok(rows)
}
