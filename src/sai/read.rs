//! SAI survey reads: one ente's record, the table, the comuni as the map and the scheda comune
//! show them.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};

use super::place::Atlas;
use super::types::*;
use crate::contacts::display_name;
use crate::error::{Entity, Error, Result};
use crate::time;

/// Shown for a source person erased from the directory (as in meeting attendance).
const REMOVED: &str = "partecipante rimosso";

/// A stored survey row (without the ente and the history).
#[derive(Debug, Clone)]
pub(crate) struct Stored {
    pub org_id: i64,
    pub status: SaiStatus,
    pub status_since: NaiveDate,
    pub facts: SaiFactsInput,
    pub next_step_action_id: Option<i64>,
    pub synthetic: bool,
    pub updated_at: String,
}

const STORED_SQL: &str = "SELECT org_id, status, status_since, titolare, gestore, places_ordinari,
        places_dm_ds, places_msna, funding_start, funding_end, triennial, next_step,
        next_step_due, notes, next_step_action_id, synthetic, updated_at
    FROM sai_survey";

/// A stored ISO date column.
fn day(r: &Row, i: usize) -> rusqlite::Result<NaiveDate> {
    let s: String = r.get(i)?;
    s.parse().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// A stored ISO date column that may be NULL.
fn opt_day(r: &Row, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    match r.get::<_, Option<String>>(i)? {
        None => Ok(None),
        Some(_) => day(r, i).map(Some),
    }
}

fn stored_row(r: &Row) -> rusqlite::Result<Stored> {
    Ok(Stored {
        org_id: r.get(0)?,
        status: r.get(1)?,
        status_since: day(r, 2)?,
        facts: SaiFactsInput {
            titolare: r.get(3)?,
            gestore: r.get(4)?,
            places: SaiPlaces {
                ordinari: r.get(5)?,
                dm_ds: r.get(6)?,
                msna: r.get(7)?,
            },
            funding_start: opt_day(r, 8)?,
            funding_end: opt_day(r, 9)?,
            triennial: r.get(10)?,
            next_step: r.get(11)?,
            next_step_due: opt_day(r, 12)?,
            notes: r.get(13)?,
        },
        next_step_action_id: r.get(14)?,
        synthetic: r.get(15)?,
        updated_at: r.get(16)?,
    })
}

/// The stored survey row of an organisation.
pub(crate) fn stored(conn: &Connection, org_id: i64) -> Result<Option<Stored>> {
    Ok(conn
        .prepare_cached(&format!("{STORED_SQL} WHERE org_id = ?1"))?
        .query_row([org_id], stored_row)
        .optional()?)
}

/// Every stored survey row, by organisation id.
pub(crate) fn all_stored(conn: &Connection) -> Result<Vec<Stored>> {
    let mut stmt = conn.prepare_cached(&format!("{STORED_SQL} ORDER BY org_id"))?;
    let rows = stmt.query_map([], stored_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

const CHANGE_SQL: &str = "SELECT h.id, h.status, h.on_date, h.note, h.source_meeting_id,
        m.title, substr(m.starts_at, 1, 10), h.source_person_id, p.given_name, p.family_name,
        h.source_text, h.recorded_at, s.org_id
    FROM sai_status_change h
    JOIN sai_survey s ON s.id = h.survey_id
    LEFT JOIN meeting m ON m.id = h.source_meeting_id
    LEFT JOIN person p ON p.id = h.source_person_id";

fn change_row(r: &Row) -> rusqlite::Result<(i64, SaiStatusChange)> {
    let title: Option<String> = r.get(5)?;
    let meeting_day: Option<NaiveDate> =
        r.get::<_, Option<String>>(6)?.and_then(|d| d.parse().ok());
    let person_id: Option<i64> = r.get(7)?;
    let given: Option<String> = r.get(8)?;
    let family: Option<String> = r.get(9)?;
    let source_person = match (person_id, given, family) {
        (None, ..) => None,
        (Some(_), Some(g), Some(f)) => Some(display_name(&g, &f)),
        (Some(_), ..) => Some(REMOVED.to_owned()),
    };
    Ok((
        r.get(12)?,
        SaiStatusChange {
            id: r.get(0)?,
            status: r.get(1)?,
            on: day(r, 2)?,
            note: r.get(3)?,
            source_meeting_id: r.get(4)?,
            source_meeting: title.map(|t| match meeting_day {
                Some(d) => format!("{t} ({})", time::format_it(d)),
                None => t,
            }),
            source_person_id: person_id,
            source_person,
            source_text: r.get(10)?,
            recorded_at: r.get(11)?,
        },
    ))
}

/// The status history of an organisation, newest first.
pub(crate) fn history(conn: &Connection, org_id: i64) -> Result<Vec<SaiStatusChange>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{CHANGE_SQL} WHERE s.org_id = ?1 ORDER BY h.on_date DESC, h.id DESC"
    ))?;
    let rows = stmt.query_map([org_id], change_row)?;
    Ok(rows
        .map(|r| r.map(|(_, c)| c))
        .collect::<rusqlite::Result<_>>()?)
}

/// Every change recorded on or after `since`, oldest first, with its organisation id.
pub(crate) fn changes_from(
    conn: &Connection,
    since: NaiveDate,
) -> Result<Vec<(i64, SaiStatusChange)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{CHANGE_SQL} WHERE h.on_date >= ?1 ORDER BY h.on_date, h.id"
    ))?;
    let rows = stmt.query_map([crate::territory::iso(since)], change_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The survey record of an organisation on date `on` (its territory on that date); `None` when
/// the ente was never surveyed. Refuses an organisation that does not exist.
pub fn record(conn: &Connection, org_id: i64, on: NaiveDate) -> Result<Option<SaiRecord>> {
    let atlas = Atlas::load(conn, on)?;
    let ente = atlas.ente(org_id).or_else(|e| match e {
        // Exists but is not surveyable: no record.
        Error::NotFound { .. } if org_exists(conn, org_id)? => Err(not_surveyable(conn, org_id)?),
        e => Err(e),
    })?;
    let Some(s) = stored(conn, org_id)? else {
        return Ok(None);
    };
    Ok(Some(assemble(conn, ente, s)?))
}

pub(crate) fn assemble(conn: &Connection, ente: SaiEnte, s: Stored) -> Result<SaiRecord> {
    Ok(SaiRecord {
        history: history(conn, s.org_id)?,
        ente,
        status: s.status,
        status_since: s.status_since,
        facts: s.facts,
        next_step_action_id: s.next_step_action_id,
        synthetic: s.synthetic,
        updated_at: s.updated_at,
    })
}

fn org_exists(conn: &Connection, org_id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM organisation WHERE id = ?1")?
        .exists([org_id])?)
}

/// The validation error for an organisation that is not a Comune, Unione or SdS.
pub(crate) fn not_surveyable(conn: &Connection, org_id: i64) -> Result<Error> {
    let (name, kind): (String, crate::contacts::OrgKind) = conn
        .prepare_cached("SELECT name, kind FROM organisation WHERE id = ?1")?
        .query_row([org_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or(Error::NotFound {
            what: Entity::Organisation,
            key: org_id.to_string(),
        })?;
    Ok(Error::invalid(
        "org_id",
        format!(
            "La ricognizione SAI riguarda Comuni, Unioni dei Comuni e Società della Salute: \
             «{name}» è di tipo «{}».",
            kind.label()
        ),
    ))
}

/// The survey table: every record matching `filter`, by ASL, zone, kind (Comuni first) and name.
pub fn list(conn: &Connection, filter: &SaiFilter) -> Result<Vec<SaiRow>> {
    let on = filter.on.unwrap_or_else(time::today_rome);
    let atlas = Atlas::load(conn, on)?;
    let province = filter
        .province
        .as_deref()
        .map(|p| province_abbr(&atlas, p))
        .transpose()?;
    let mut out = Vec::new();
    for s in all_stored(conn)? {
        let Ok(ente) = atlas.ente(s.org_id) else {
            continue;
        };
        let keep = filter.asl.is_none_or(|a| ente.asl == Some(a))
            && filter.zone_id.is_none_or(|z| ente.zone_id == Some(z))
            && province
                .as_deref()
                .is_none_or(|p| ente.province_abbr.as_deref() == Some(p))
            && (filter.statuses.is_empty() || filter.statuses.contains(&s.status))
            && (filter.kinds.is_empty() || filter.kinds.contains(&ente.kind));
        if !keep {
            continue;
        }
        out.push(SaiRow {
            ente,
            status: s.status,
            status_since: s.status_since,
            titolare: s.facts.titolare,
            gestore: s.facts.gestore,
            places: s.facts.places,
            funding_start: s.facts.funding_start,
            funding_end: s.facts.funding_end,
            triennial: s.facts.triennial,
            next_step: s.facts.next_step,
            next_step_due: s.facts.next_step_due,
            synthetic: s.synthetic,
        });
    }
    out.sort_by(|a, b| {
        let key = |r: &SaiRow| {
            (
                r.ente.asl,
                r.ente.zone_name.clone().unwrap_or_default(),
                kind_order(r.ente.kind),
                crate::text::fold(&r.ente.name),
            )
        };
        key(a).cmp(&key(b))
    });
    Ok(out)
}

fn kind_order(kind: crate::contacts::OrgKind) -> u8 {
    use crate::contacts::OrgKind;
    match kind {
        OrgKind::Comune => 0,
        OrgKind::Unione => 1,
        _ => 2,
    }
}

/// A province given as abbreviation ("pi") or ISTAT code ("050"), as its abbreviation.
fn province_abbr(atlas: &Atlas, p: &str) -> Result<String> {
    let p = p.trim();
    atlas
        .comuni
        .values()
        .find(|c| c.province_abbr.eq_ignore_ascii_case(p) || c.province_code == p)
        .map(|c| c.province_abbr.clone())
        .ok_or_else(|| {
            Error::invalid(
                "province",
                format!("Provincia «{p}» sconosciuta: usa la sigla (ad esempio PI) o il codice ISTAT (050)."),
            )
        })
}

/// How every comune is shown on the map on date `on` (see [`SaiComuneView`]), by ISTAT code.
pub fn comune_views(conn: &Connection, on: NaiveDate) -> Result<Vec<SaiComuneView>> {
    let atlas = Atlas::load(conn, on)?;
    let stored = all_stored(conn)?;
    Ok(views(&atlas, &stored))
}

pub(crate) fn views(atlas: &Atlas, stored: &[Stored]) -> Vec<SaiComuneView> {
    let status_of: std::collections::HashMap<i64, SaiStatus> =
        stored.iter().map(|s| (s.org_id, s.status)).collect();
    // Covering enti (Unioni, SdS with a project) per comune, by organisation kind then name.
    let mut covers: std::collections::HashMap<&str, Vec<SaiCover>> = Default::default();
    for s in stored.iter().filter(|s| s.status.has_project()) {
        let Some(o) = atlas.orgs.get(&s.org_id) else {
            continue;
        };
        if o.kind == crate::contacts::OrgKind::Comune {
            continue;
        }
        for m in &o.members {
            covers.entry(m.as_str()).or_default().push(SaiCover {
                org_id: s.org_id,
                name: o.name.clone(),
                kind: o.kind,
                status: s.status,
            });
        }
    }
    let comune_orgs = atlas.comune_orgs();
    atlas
        .comuni
        .iter()
        .map(|(code, c)| {
            let own = comune_orgs
                .get(code.as_str())
                .and_then(|id| status_of.get(id).copied());
            let mut list = covers.remove(code.as_str()).unwrap_or_default();
            list.sort_by(|a, b| (kind_order(a.kind), &a.name).cmp(&(kind_order(b.kind), &b.name)));
            let covered_by = match own {
                Some(s) if s.has_project() => None,
                _ => list.first().cloned(),
            };
            SaiComuneView {
                istat_code: code.clone(),
                name: c.name.clone(),
                own,
                status: covered_by.as_ref().map(|c| c.status).or(own),
                covered_by,
                covers: list,
            }
        })
        .collect()
}

/// The scheda comune's SAI section: how the comune is shown and its own record.
pub fn comune_page(conn: &Connection, istat: &str, on: NaiveDate) -> Result<SaiComunePage> {
    let code = crate::territory::normalize_istat(istat).ok_or_else(|| Error::NotFound {
        what: Entity::Comune,
        key: istat.trim().to_owned(),
    })?;
    let atlas = Atlas::load(conn, on)?;
    if !atlas.comuni.contains_key(&code) {
        return Err(Error::NotFound {
            what: Entity::Comune,
            key: code,
        });
    }
    let stored = all_stored(conn)?;
    let view = views(&atlas, &stored)
        .into_iter()
        .find(|v| v.istat_code == code)
        .ok_or_else(|| Error::Internal(format!("comune {code} without a view")))?;
    let org_id = atlas.comune_org(&code);
    let record = match org_id {
        Some(org) => match stored.into_iter().find(|s| s.org_id == org) {
            Some(s) => Some(assemble(conn, atlas.ente(org)?, s)?),
            None => None,
        },
        None => None,
    };
    Ok(SaiComunePage {
        org_id,
        view,
        record,
    })
}
