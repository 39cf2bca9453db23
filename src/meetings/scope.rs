//! The territory a meeting concerns: validation, label, and the ASL/zone it lies in.
//!
//! Contract: [`check`] validates a [`Scope`] against the database (the zone, province, Unione or
//! comuni must exist; an Unione scope must name an organisation of kind `unione`) and returns it
//! normalised (only the fields of its kind kept, ISTAT codes six digits, sorted, unique).
//! [`placement`] says which ASL and zone the scope lies in on a date (`None` when it spans more
//! than one) — what the calendar filters on. [`label`] is the Italian text shown.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::types::{Scope, ScopeKind, ScopeView};
use crate::contacts::OrgKind;
use crate::error::{Error, Result};
use crate::territory::{iso, normalize_istat, AslCode};

/// Most comuni in a comune scope.
const MAX_COMUNI: usize = 300;

/// Validates and normalises a scope.
pub fn check(conn: &Connection, s: &Scope) -> Result<Scope> {
    let mut out = Scope::none();
    out.kind = s.kind;
    let missing = |what: &str| {
        Error::invalid(
            "scope",
            format!("Per questo ambito scegli {what}: il campo è vuoto."),
        )
    };
    match s.kind {
        ScopeKind::None | ScopeKind::Region => {}
        ScopeKind::Asl => out.asl = Some(s.asl.ok_or_else(|| missing("l'ASL"))?),
        ScopeKind::Zone => {
            let id = s.zone_id.ok_or_else(|| missing("la zona-distretto"))?;
            let found: Option<i64> = conn
                .query_row("SELECT id FROM zone WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            found.ok_or_else(|| {
                Error::invalid("scope", format!("La zona-distretto {id} non esiste."))
            })?;
            out.zone_id = Some(id);
        }
        ScopeKind::Province => {
            let code = s.province.as_deref().map(str::trim).unwrap_or_default();
            if code.is_empty() {
                return Err(missing("la provincia"));
            }
            let found: Option<String> = conn
                .query_row(
                    "SELECT code FROM province WHERE code = ?1 OR upper(abbr) = upper(?1)",
                    [code],
                    |r| r.get(0),
                )
                .optional()?;
            out.province = Some(found.ok_or_else(|| {
                Error::invalid(
                    "scope",
                    format!("La provincia «{code}» non esiste in Toscana: usa il codice ISTAT (ad esempio 050) o la sigla (PI)."),
                )
            })?);
        }
        ScopeKind::Unione => {
            let id = s
                .unione_org_id
                .ok_or_else(|| missing("l'Unione dei Comuni"))?;
            let kind: Option<OrgKind> = conn
                .query_row("SELECT kind FROM organisation WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?;
            match kind {
                Some(OrgKind::Unione) => out.unione_org_id = Some(id),
                Some(k) => {
                    return Err(Error::invalid(
                        "scope",
                        format!("L'ente {id} è «{}», non un'Unione dei Comuni.", k.label()),
                    ))
                }
                None => {
                    return Err(Error::invalid(
                        "scope",
                        format!("L'Unione dei Comuni {id} non esiste."),
                    ))
                }
            }
        }
        ScopeKind::Comune => {
            if s.comuni.is_empty() {
                return Err(missing("almeno un comune"));
            }
            if s.comuni.len() > MAX_COMUNI {
                return Err(Error::invalid(
                    "scope",
                    format!("Al massimo {MAX_COMUNI} comuni in un incontro."),
                ));
            }
            let mut codes = Vec::with_capacity(s.comuni.len());
            for c in &s.comuni {
                let code = normalize_istat(c).ok_or_else(|| {
                    Error::invalid(
                        "scope",
                        format!(
                            "«{c}» non è un codice ISTAT di comune (6 cifre, ad esempio 050026)."
                        ),
                    )
                })?;
                let exists: bool = conn.query_row(
                    "SELECT EXISTS (SELECT 1 FROM comune WHERE istat_code = ?1)",
                    [&code],
                    |r| r.get(0),
                )?;
                if !exists {
                    return Err(Error::invalid(
                        "scope",
                        format!("Il comune con codice ISTAT {code} non esiste in Toscana."),
                    ));
                }
                codes.push(code);
            }
            codes.sort();
            codes.dedup();
            out.comuni = codes;
        }
    }
    Ok(out)
}

/// The one value of an iterator, `None` if empty or if values differ.
fn single<T: PartialEq>(values: impl IntoIterator<Item = T>) -> Option<T> {
    let mut it = values.into_iter();
    let first = it.next()?;
    for v in it {
        if v != first {
            return None;
        }
    }
    Some(first)
}

/// The comuni a scope covers on `on` (empty for no scope; every comune for the region).
pub fn comuni_of(conn: &Connection, s: &Scope, on: NaiveDate) -> Result<Vec<String>> {
    let day = iso(on);
    let (sql, p): (&str, Vec<Box<dyn rusqlite::ToSql>>) = match s.kind {
        ScopeKind::None => return Ok(Vec::new()),
        ScopeKind::Comune => return Ok(s.comuni.clone()),
        ScopeKind::Region => ("SELECT istat_code FROM comune ORDER BY name_folded", vec![]),
        ScopeKind::Asl => (
            "SELECT istat_code FROM comune WHERE asl_code = ?1 ORDER BY name_folded",
            vec![Box::new(s.asl.map(AslCode::as_str))],
        ),
        ScopeKind::Province => (
            "SELECT istat_code FROM comune WHERE province_code = ?1 ORDER BY name_folded",
            vec![Box::new(s.province.clone())],
        ),
        ScopeKind::Zone => (
            "SELECT c.istat_code FROM comune_zone cz JOIN comune c ON c.istat_code = cz.istat_code
             WHERE cz.zone_id = ?1 AND cz.valid_from <= ?2
               AND coalesce(cz.valid_to, '9999-12-31') >= ?2
             ORDER BY c.name_folded",
            vec![Box::new(s.zone_id), Box::new(day)],
        ),
        ScopeKind::Unione => (
            "SELECT c.istat_code FROM unione_member um JOIN comune c ON c.istat_code = um.istat_code
             WHERE um.org_id = ?1 AND um.valid_from <= ?2
               AND coalesce(um.valid_to, '9999-12-31') >= ?2
             ORDER BY c.name_folded",
            vec![Box::new(s.unione_org_id), Box::new(day)],
        ),
    };
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(p.iter()), |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
}

/// The ASL and zone a (checked) scope lies in on `on`.
pub fn placement(
    conn: &Connection,
    s: &Scope,
    on: NaiveDate,
) -> Result<(Option<AslCode>, Option<i64>)> {
    match s.kind {
        ScopeKind::None | ScopeKind::Region => Ok((None, None)),
        ScopeKind::Asl => Ok((s.asl, None)),
        ScopeKind::Zone => {
            let asl: Option<AslCode> = conn
                .query_row(
                    "SELECT asl_code FROM zone WHERE id = ?1",
                    [s.zone_id],
                    |r| r.get(0),
                )
                .optional()?;
            Ok((asl, s.zone_id))
        }
        ScopeKind::Province | ScopeKind::Unione | ScopeKind::Comune => {
            let comuni = comuni_of(conn, s, on)?;
            let mut asls = Vec::with_capacity(comuni.len());
            let mut zones = Vec::with_capacity(comuni.len());
            let day = iso(on);
            let mut stmt = conn.prepare_cached(
                "SELECT c.asl_code,
                    (SELECT cz.zone_id FROM comune_zone cz WHERE cz.istat_code = c.istat_code
                       AND cz.valid_from <= ?2 AND coalesce(cz.valid_to, '9999-12-31') >= ?2)
                 FROM comune c WHERE c.istat_code = ?1",
            )?;
            for c in &comuni {
                let (a, z): (AslCode, Option<i64>) =
                    stmt.query_row(params![c, day], |r| Ok((r.get(0)?, r.get(1)?)))?;
                asls.push(a);
                zones.push(z);
            }
            let zone = single(zones).flatten();
            Ok((single(asls), zone))
        }
    }
}

/// The Italian label of a (checked) scope.
pub fn label(conn: &Connection, s: &Scope) -> Result<String> {
    let one = |sql: &str, p: &dyn rusqlite::ToSql| -> Result<String> {
        Ok(conn
            .query_row(sql, [p], |r| r.get::<_, String>(0))
            .optional()?
            .unwrap_or_default())
    };
    Ok(match s.kind {
        ScopeKind::None => "Nessun territorio".to_owned(),
        ScopeKind::Region => "Toscana".to_owned(),
        ScopeKind::Asl => s
            .asl
            .map(|a| a.official_name().to_owned())
            .unwrap_or_default(),
        ScopeKind::Zone => format!(
            "Zona {}",
            one("SELECT name FROM zone WHERE id = ?1", &s.zone_id)?
        ),
        ScopeKind::Province => format!(
            "Provincia di {}",
            one("SELECT name FROM province WHERE code = ?1", &s.province)?
        ),
        ScopeKind::Unione => one(
            "SELECT name FROM organisation WHERE id = ?1",
            &s.unione_org_id,
        )?,
        ScopeKind::Comune => {
            let mut names = Vec::with_capacity(s.comuni.len());
            for c in &s.comuni {
                names.push(one("SELECT name FROM comune WHERE istat_code = ?1", c)?);
            }
            names.join(", ")
        }
    })
}

/// A checked scope with its label.
pub fn view(conn: &Connection, s: Scope) -> Result<ScopeView> {
    let label = label(conn, &s)?;
    Ok(ScopeView { scope: s, label })
}
