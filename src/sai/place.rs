//! Where each ente of the survey lies and which comuni it covers, on a date.
//!
//! Contract: [`Atlas::load`] reads, once per call, the comuni (ASL, province, population, zone
//! valid on the date) and the surveyable organisations (comune, unione, SdS) with their member
//! comuni valid on the date: a Comune covers itself; an Unione its `unione_member` comuni; an SdS
//! the comuni of its `sds_zone` zones (membership in `comune_zone` on the date), or of the zone
//! it points at when it has no dated zone. An ente's ASL, zone and province are those of most of
//! its member comuni (ties: the first in ISTAT order); without members, the organisation's own
//! pointers (zone → its ASL; ASL); otherwise none.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::types::SaiEnte;
use crate::contacts::OrgKind;
use crate::error::{Entity, Error, Result};
use crate::territory::{iso, AslCode};

/// A comune's reference facts on the date.
#[derive(Debug, Clone)]
pub(crate) struct ComuneFacts {
    pub name: String,
    pub asl: AslCode,
    pub province_code: String,
    pub province_abbr: String,
    pub province_name: String,
    pub population: i64,
    pub zone: Option<(i64, String)>,
}

/// A surveyable organisation and its member comuni on the date.
#[derive(Debug, Clone)]
pub(crate) struct OrgFacts {
    pub name: String,
    pub kind: OrgKind,
    pub istat_code: Option<String>,
    pub zone_id: Option<i64>,
    pub asl_code: Option<AslCode>,
    pub members: Vec<String>,
}

/// The territory and the surveyable organisations on one date.
#[derive(Debug)]
pub(crate) struct Atlas {
    pub comuni: BTreeMap<String, ComuneFacts>,
    pub orgs: HashMap<i64, OrgFacts>,
    pub zones: HashMap<i64, (String, AslCode)>,
}

impl Atlas {
    pub fn load(conn: &Connection, on: NaiveDate) -> Result<Atlas> {
        let day = iso(on);
        let mut comuni = BTreeMap::new();
        let mut stmt = conn.prepare_cached(
            "SELECT c.istat_code, c.name, c.asl_code, c.province_code, p.abbr, c.population,
                    m.zone_id, z.name, p.name
             FROM comune c JOIN province p ON p.code = c.province_code
             LEFT JOIN comune_zone m ON m.istat_code = c.istat_code AND m.valid_from <= ?1
                 AND (m.valid_to IS NULL OR m.valid_to >= ?1)
             LEFT JOIN zone z ON z.id = m.zone_id",
        )?;
        let rows = stmt.query_map([&day], |r| {
            let zone: Option<i64> = r.get(6)?;
            let zone_name: Option<String> = r.get(7)?;
            Ok((
                r.get::<_, String>(0)?,
                ComuneFacts {
                    name: r.get(1)?,
                    asl: r.get(2)?,
                    province_code: r.get(3)?,
                    province_abbr: r.get(4)?,
                    province_name: r.get(8)?,
                    population: r.get(5)?,
                    zone: zone.zip(zone_name),
                },
            ))
        })?;
        for row in rows {
            let (code, facts) = row?;
            comuni.insert(code, facts);
        }
        let mut zones = HashMap::new();
        let mut stmt = conn.prepare_cached("SELECT id, name, asl_code FROM zone")?;
        for row in stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))? {
            let (id, z) = row?;
            zones.insert(id, z);
        }
        let mut orgs = HashMap::new();
        let mut stmt = conn.prepare_cached(
            "SELECT id, name, kind, istat_code, zone_id, asl_code FROM organisation
             WHERE kind IN ('comune', 'unione', 'sds')",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                OrgFacts {
                    name: r.get(1)?,
                    kind: r.get(2)?,
                    istat_code: r.get(3)?,
                    zone_id: r.get(4)?,
                    asl_code: r.get(5)?,
                    members: Vec::new(),
                },
            ))
        })?;
        for row in rows {
            let (id, mut org) = row?;
            if let (OrgKind::Comune, Some(code)) = (org.kind, &org.istat_code) {
                org.members.push(code.clone());
            }
            orgs.insert(id, org);
        }
        let mut stmt = conn.prepare_cached(
            "SELECT org_id, istat_code FROM unione_member
             WHERE valid_from <= ?1 AND (valid_to IS NULL OR valid_to >= ?1)",
        )?;
        for row in stmt.query_map([&day], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?)))? {
            let (org, code) = row?;
            if let Some(o) = orgs.get_mut(&org) {
                o.members.push(code);
            }
        }
        let mut stmt = conn.prepare_cached(
            "SELECT s.org_id, m.istat_code FROM sds_zone s
             JOIN comune_zone m ON m.zone_id = s.zone_id AND m.valid_from <= ?1
                 AND (m.valid_to IS NULL OR m.valid_to >= ?1)
             WHERE s.valid_from <= ?1 AND (s.valid_to IS NULL OR s.valid_to >= ?1)
             UNION
             SELECT o.id, m.istat_code FROM organisation o
             JOIN comune_zone m ON m.zone_id = o.zone_id AND m.valid_from <= ?1
                 AND (m.valid_to IS NULL OR m.valid_to >= ?1)
             WHERE o.kind = 'sds' AND NOT EXISTS (SELECT 1 FROM sds_zone s WHERE s.org_id = o.id
                 AND s.valid_from <= ?1 AND (s.valid_to IS NULL OR s.valid_to >= ?1))",
        )?;
        for row in stmt.query_map(params![&day], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?)))? {
            let (org, code) = row?;
            if let Some(o) = orgs.get_mut(&org) {
                o.members.push(code);
            }
        }
        for o in orgs.values_mut() {
            o.members.sort();
            o.members.dedup();
        }
        Ok(Atlas {
            comuni,
            orgs,
            zones,
        })
    }

    /// The organisation, if it can be surveyed (comune, unione, SdS).
    pub fn org(&self, org_id: i64) -> Result<&OrgFacts> {
        self.orgs.get(&org_id).ok_or_else(|| Error::NotFound {
            what: Entity::Organisation,
            key: org_id.to_string(),
        })
    }

    /// Where an ente lies (see module contract).
    pub fn ente(&self, org_id: i64) -> Result<SaiEnte> {
        let o = self.org(org_id)?;
        let members: Vec<&ComuneFacts> = o
            .members
            .iter()
            .filter_map(|c| self.comuni.get(c))
            .collect();
        let asl = mode(members.iter().map(|c| c.asl))
            .or(o.asl_code)
            .or_else(|| o.zone_id.and_then(|z| self.zones.get(&z)).map(|z| z.1));
        let zone = mode(members.iter().filter_map(|c| c.zone.clone())).or_else(|| {
            o.zone_id
                .and_then(|z| self.zones.get(&z).map(|(n, _)| (z, n.clone())))
        });
        let province = mode(members.iter().map(|c| c.province_abbr.clone()));
        Ok(SaiEnte {
            org_id,
            name: o.name.clone(),
            kind: o.kind,
            istat_code: o.istat_code.clone().filter(|_| o.kind == OrgKind::Comune),
            asl,
            zone_id: zone.as_ref().map(|z| z.0),
            zone_name: zone.map(|z| z.1),
            province_abbr: province,
            comuni: members.len() as i64,
            population: members.iter().map(|c| c.population).sum(),
        })
    }

    /// The Comune organisation of a comune, if the directory has one.
    pub fn comune_org(&self, istat: &str) -> Option<i64> {
        self.orgs
            .iter()
            .filter(|(_, o)| o.kind == OrgKind::Comune && o.istat_code.as_deref() == Some(istat))
            .map(|(id, _)| *id)
            .min()
    }
}

impl Atlas {
    /// The Comune organisation of every comune that has one (the lowest id when several).
    pub fn comune_orgs(&self) -> HashMap<&str, i64> {
        let mut out: HashMap<&str, i64> = HashMap::new();
        for (id, o) in &self.orgs {
            if let (OrgKind::Comune, Some(code)) = (o.kind, o.istat_code.as_deref()) {
                let e = out.entry(code).or_insert(*id);
                *e = (*e).min(*id);
            }
        }
        out
    }
}

/// The most frequent value (ties: the first seen).
fn mode<T: PartialEq + Clone>(values: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(x, _)| *x == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(v, _)| v)
}

#[cfg(test)]
mod tests {
    use super::mode;

    #[test]
    fn mode_prefers_the_most_frequent_then_the_first() {
        assert_eq!(mode([1, 2, 2, 3].into_iter()), Some(2), "most frequent");
        assert_eq!(mode([3, 1, 1, 3].into_iter()), Some(3), "tie: first seen");
        assert_eq!(mode(std::iter::empty::<i32>()), None, "nothing");
    }
}
