//! Organisations: CRUD, lookup of a comune's organisation, dated Unione members and SdS zones.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde_json::json;

use super::types::{OrgInput, OrgKind, OrgLink, OrgView};
use super::{search, Issues, NAME_MAX};
use crate::audit::{self, AuditAction};
use crate::error::{Entity, Error, Result};
use crate::territory::{iso, normalize_istat};
use crate::text;
use crate::time;

const VIEW_SQL: &str = "
    SELECT o.id, o.kind, o.name, o.istat_code, c.name, o.zone_id, z.name, o.asl_code,
        o.province_code, pr.name, o.notes,
        (SELECT count(*) FROM role r WHERE r.organisation_id = o.id)
    FROM organisation o
    LEFT JOIN comune c ON c.istat_code = o.istat_code
    LEFT JOIN zone z ON z.id = o.zone_id
    LEFT JOIN province pr ON pr.code = o.province_code";

fn view_row(r: &Row) -> rusqlite::Result<OrgView> {
    Ok(OrgView {
        id: r.get(0)?,
        kind: r.get(1)?,
        name: r.get(2)?,
        istat_code: r.get(3)?,
        comune_name: r.get(4)?,
        zone_id: r.get(5)?,
        zone_name: r.get(6)?,
        asl: r.get(7)?,
        province_code: r.get(8)?,
        province_name: r.get(9)?,
        notes: r.get(10)?,
        roles_count: r.get(11)?,
    })
}

fn not_found(id: i64) -> Error {
    Error::NotFound {
        what: Entity::Organisation,
        key: id.to_string(),
    }
}

/// One organisation.
pub fn org(conn: &Connection, id: i64) -> Result<OrgView> {
    conn.prepare_cached(&format!("{VIEW_SQL} WHERE o.id = ?1"))?
        .query_row([id], view_row)
        .optional()?
        .ok_or_else(|| not_found(id))
}

/// Organisations, optionally of one kind and/or matching a full-text query, by name.
pub fn list_orgs(
    conn: &Connection,
    kind: Option<OrgKind>,
    search_text: Option<&str>,
) -> Result<Vec<OrgView>> {
    let q = search_text.and_then(search::fts_query);
    if search_text.is_some() && q.is_none() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(&format!(
        "{VIEW_SQL} WHERE (?1 IS NULL OR o.kind = ?1)
             AND (?2 IS NULL OR o.id IN (SELECT ref_id FROM contact_fts
                 WHERE contact_fts MATCH ?2 AND kind = 'organisation'))
         ORDER BY o.name_folded, o.id"
    ))?;
    let rows = stmt.query_map(params![kind, q], view_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The `comune` organisation of a comune (ISTAT code, 5 or 6 digits), created (and audited) if
/// missing (the seed creates all of them; a comune added to the reference data later has none).
pub fn comune_org(tx: &Transaction, istat_code: &str) -> Result<i64> {
    let code = normalize_istat(istat_code).ok_or_else(|| Error::NotFound {
        what: Entity::Comune,
        key: istat_code.trim().to_owned(),
    })?;
    if let Some(id) = tx
        .prepare_cached("SELECT id FROM organisation WHERE kind = 'comune' AND istat_code = ?1")?
        .query_row([&code], |r| r.get(0))
        .optional()?
    {
        return Ok(id);
    }
    let name: String = tx
        .prepare_cached("SELECT name FROM comune WHERE istat_code = ?1")?
        .query_row([&code], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound {
            what: Entity::Comune,
            key: code.clone(),
        })?;
    let org = format!("Comune di {name}");
    let now = time::now_utc();
    tx.prepare_cached(
        "INSERT INTO organisation (kind, name, name_folded, istat_code, created_at, updated_at)
         VALUES ('comune', ?1, ?2, ?3, ?4, ?4)",
    )?
    .execute(params![org, text::fold(&org), code, now])?;
    let id = tx.last_insert_rowid();
    search::refresh_org(tx, id)?;
    audit::record(
        tx,
        AuditAction::Create,
        "organisation",
        Some(&id.to_string()),
        &format!("Creata l'organizzazione «{org}» (comune)"),
        None,
    )?;
    Ok(id)
}

/// Validated, normalised input.
struct CleanOrg {
    kind: OrgKind,
    name: String,
    istat_code: Option<String>,
    zone_id: Option<i64>,
    asl: Option<crate::territory::AslCode>,
    province_code: Option<String>,
    notes: String,
}

fn validate(conn: &Connection, input: &OrgInput, id: Option<i64>) -> Result<CleanOrg> {
    let mut issues = Issues::default();
    let name = issues.line("name", "Il nome dell'organizzazione", &input.name, NAME_MAX);
    if text::fold(&name).is_empty() {
        issues.push(
            "name",
            "Il nome dell'organizzazione è obbligatorio: scrivi almeno una lettera o una cifra.",
        );
    }
    let istat_code = match input.istat_code.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => match normalize_istat(s) {
            Some(code)
                if conn
                    .prepare_cached("SELECT 1 FROM comune WHERE istat_code = ?1")?
                    .exists([&code])? =>
            {
                Some(code)
            }
            _ => {
                issues.push(
                    "istat_code",
                    format!(
                        "Nessun comune toscano con codice ISTAT «{s}»: controlla il codice \
                         (6 cifre, ad esempio 048017 per Firenze)."
                    ),
                );
                None
            }
        },
    };
    if let Some(z) = input.zone_id {
        if !conn
            .prepare_cached("SELECT 1 FROM zone WHERE id = ?1")?
            .exists([z])?
        {
            issues.push(
                "zone_id",
                format!("La zona {z} non esiste: scegli una zona da «raccordo zone list»."),
            );
        }
    }
    let province_code = match input.province_code.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(p) => {
            let found: Option<String> = conn
                .prepare_cached("SELECT code FROM province WHERE code = ?1 OR abbr = upper(?1)")?
                .query_row([p], |r| r.get(0))
                .optional()?;
            if found.is_none() {
                issues.push(
                    "province_code",
                    format!(
                        "Provincia «{p}» sconosciuta: usa il codice ISTAT (048) o la sigla (FI)."
                    ),
                );
            }
            found
        }
    };
    if input.kind == OrgKind::Comune {
        match &istat_code {
            None => issues.push(
                "istat_code",
                "Un'organizzazione di tipo comune deve indicare il codice ISTAT del comune.",
            ),
            Some(code) => {
                let other: Option<String> = conn
                    .prepare_cached(
                        "SELECT name FROM organisation WHERE kind = 'comune' AND istat_code = ?1
                             AND id IS NOT ?2",
                    )?
                    .query_row(params![code, id], |r| r.get(0))
                    .optional()?;
                if let Some(other) = other {
                    issues.push(
                        "istat_code",
                        format!(
                            "Il comune {code} ha già la sua organizzazione («{other}»): modifica \
                             quella invece di crearne un'altra."
                        ),
                    );
                }
            }
        }
    }
    let notes = issues.notes("notes", &input.notes);
    issues.finish()?;
    Ok(CleanOrg {
        kind: input.kind,
        name,
        istat_code,
        zone_id: input.zone_id,
        asl: input.asl,
        province_code,
        notes,
    })
}

/// Creates an organisation.
pub fn create_org(tx: &Transaction, input: &OrgInput) -> Result<OrgView> {
    let c = validate(tx, input, None)?;
    let now = time::now_utc();
    tx.execute(
        "INSERT INTO organisation (kind, name, name_folded, istat_code, zone_id, asl_code,
             province_code, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            c.kind,
            c.name,
            text::fold(&c.name),
            c.istat_code,
            c.zone_id,
            c.asl,
            c.province_code,
            c.notes,
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    search::refresh_org(tx, id)?;
    audit::record(
        tx,
        AuditAction::Create,
        "organisation",
        Some(&id.to_string()),
        &format!("Creata l'organizzazione «{}» ({})", c.name, c.kind.label()),
        None,
    )?;
    org(tx, id)
}

/// Replaces an organisation's fields.
pub fn update_org(tx: &Transaction, id: i64, input: &OrgInput) -> Result<OrgView> {
    let old = org(tx, id)?;
    let c = validate(tx, input, Some(id))?;
    tx.execute(
        "UPDATE organisation SET kind = ?1, name = ?2, name_folded = ?3, istat_code = ?4,
             zone_id = ?5, asl_code = ?6, province_code = ?7, notes = ?8, updated_at = ?9
         WHERE id = ?10",
        params![
            c.kind,
            c.name,
            text::fold(&c.name),
            c.istat_code,
            c.zone_id,
            c.asl,
            c.province_code,
            c.notes,
            time::now_utc(),
            id
        ],
    )?;
    search::refresh_org(tx, id)?;
    audit::record(
        tx,
        AuditAction::Update,
        "organisation",
        Some(&id.to_string()),
        &format!("Modificata l'organizzazione «{}»", c.name),
        Some(&json!({ "old_name": old.name, "new_name": c.name })),
    )?;
    org(tx, id)
}

/// Deletes an organisation that no role references (end or move the roles first).
pub fn delete_org(tx: &Transaction, id: i64) -> Result<OrgView> {
    let old = org(tx, id)?;
    if old.roles_count > 0 {
        return Err(Error::Conflict {
            message: format!(
                "L'organizzazione «{}» ha {} incarichi (anche passati): elimina o sposta prima \
                 gli incarichi («raccordo role list --org {id}»).",
                old.name, old.roles_count
            ),
        });
    }
    search::remove_org(tx, id)?;
    tx.execute("DELETE FROM organisation WHERE id = ?1", [id])?;
    audit::record(
        tx,
        AuditAction::Delete,
        "organisation",
        Some(&id.to_string()),
        &format!("Eliminata l'organizzazione «{}»", old.name),
        None,
    )?;
    Ok(old)
}

fn check_kind(conn: &Connection, org_id: i64, kind: OrgKind) -> Result<OrgView> {
    let o = org(conn, org_id)?;
    if o.kind != kind {
        return Err(Error::invalid(
            "org_id",
            format!(
                "«{}» è di tipo {}, non {}: scegli un'organizzazione del tipo giusto.",
                o.name,
                o.kind.label(),
                kind.label()
            ),
        ));
    }
    Ok(o)
}

fn check_period(from: NaiveDate, to: Option<NaiveDate>) -> Result<()> {
    if to.is_some_and(|t| t < from) {
        return Err(Error::invalid(
            "valid_to",
            "La data di fine precede la data di inizio: correggi una delle due.",
        ));
    }
    Ok(())
}

/// Adds a comune to an Unione dei Comuni for a period (periods of one comune in one Unione must
/// not overlap).
pub fn add_unione_member(
    tx: &Transaction,
    org_id: i64,
    istat_code: &str,
    valid_from: NaiveDate,
    valid_to: Option<NaiveDate>,
) -> Result<Vec<OrgLink>> {
    let o = check_kind(tx, org_id, OrgKind::Unione)?;
    check_period(valid_from, valid_to)?;
    let code = normalize_istat(istat_code)
        .filter(|c| {
            tx.prepare_cached("SELECT 1 FROM comune WHERE istat_code = ?1")
                .and_then(|mut s| s.exists([c]))
                .unwrap_or(false)
        })
        .ok_or_else(|| Error::NotFound {
            what: Entity::Comune,
            key: istat_code.trim().to_owned(),
        })?;
    let overlap = tx
        .prepare_cached(
            "SELECT 1 FROM unione_member WHERE org_id = ?1 AND istat_code = ?2
                 AND valid_from <= coalesce(?4, '9999-12-31')
                 AND coalesce(valid_to, '9999-12-31') >= ?3",
        )?
        .exists(params![org_id, code, iso(valid_from), valid_to.map(iso)])?;
    if overlap {
        return Err(Error::invalid(
            "valid_from",
            format!(
                "Il comune {code} è già membro di «{}» in parte di quel periodo.",
                o.name
            ),
        ));
    }
    tx.execute(
        "INSERT INTO unione_member (org_id, istat_code, valid_from, valid_to)
         VALUES (?1, ?2, ?3, ?4)",
        params![org_id, code, iso(valid_from), valid_to.map(iso)],
    )?;
    audit::record(
        tx,
        AuditAction::Create,
        "unione_member",
        Some(&org_id.to_string()),
        &format!(
            "Comune {code} membro di «{}» dal {}",
            o.name,
            time::format_it(valid_from)
        ),
        None,
    )?;
    unione_members(tx, org_id, None)
}

/// Member comuni of an Unione valid on `on` (all periods with `None`).
pub fn unione_members(
    conn: &Connection,
    org_id: i64,
    on: Option<NaiveDate>,
) -> Result<Vec<OrgLink>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.istat_code, c.name, m.valid_from, m.valid_to FROM unione_member m
         JOIN comune c ON c.istat_code = m.istat_code
         WHERE m.org_id = ?1 AND (?2 IS NULL OR (m.valid_from <= ?2
             AND (m.valid_to IS NULL OR m.valid_to >= ?2)))
         ORDER BY c.name_folded, m.valid_from",
    )?;
    let out = links(stmt.query_map(params![org_id, on.map(iso)], link_row)?);
    out
}

/// Puts a zone under an SdS for a period.
pub fn add_sds_zone(
    tx: &Transaction,
    org_id: i64,
    zone_id: i64,
    valid_from: NaiveDate,
    valid_to: Option<NaiveDate>,
) -> Result<Vec<OrgLink>> {
    let o = check_kind(tx, org_id, OrgKind::Sds)?;
    check_period(valid_from, valid_to)?;
    if !tx
        .prepare_cached("SELECT 1 FROM zone WHERE id = ?1")?
        .exists([zone_id])?
    {
        return Err(Error::NotFound {
            what: Entity::Zone,
            key: zone_id.to_string(),
        });
    }
    let overlap = tx
        .prepare_cached(
            "SELECT 1 FROM sds_zone WHERE org_id = ?1
                 AND valid_from <= coalesce(?3, '9999-12-31')
                 AND coalesce(valid_to, '9999-12-31') >= ?2",
        )?
        .exists(params![org_id, iso(valid_from), valid_to.map(iso)])?;
    if overlap {
        return Err(Error::invalid(
            "valid_from",
            format!(
                "«{}» ha già una zona in parte di quel periodo: chiudi prima quella.",
                o.name
            ),
        ));
    }
    tx.execute(
        "INSERT INTO sds_zone (org_id, zone_id, valid_from, valid_to) VALUES (?1, ?2, ?3, ?4)",
        params![org_id, zone_id, iso(valid_from), valid_to.map(iso)],
    )?;
    audit::record(
        tx,
        AuditAction::Create,
        "sds_zone",
        Some(&org_id.to_string()),
        &format!(
            "Zona {zone_id} di «{}» dal {}",
            o.name,
            time::format_it(valid_from)
        ),
        None,
    )?;
    sds_zones(tx, org_id, None)
}

/// The dated links of an organisation: member comuni of an Unione, zones of an SdS, none for
/// other kinds (all periods with `on` = `None`).
pub fn org_links(conn: &Connection, org_id: i64, on: Option<NaiveDate>) -> Result<Vec<OrgLink>> {
    match org(conn, org_id)?.kind {
        OrgKind::Unione => unione_members(conn, org_id, on),
        OrgKind::Sds => sds_zones(conn, org_id, on),
        _ => Ok(Vec::new()),
    }
}

/// Zones of an SdS valid on `on` (all periods with `None`).
pub fn sds_zones(conn: &Connection, org_id: i64, on: Option<NaiveDate>) -> Result<Vec<OrgLink>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, CAST(s.zone_id AS TEXT), z.name, s.valid_from, s.valid_to FROM sds_zone s
         JOIN zone z ON z.id = s.zone_id
         WHERE s.org_id = ?1 AND (?2 IS NULL OR (s.valid_from <= ?2
             AND (s.valid_to IS NULL OR s.valid_to >= ?2)))
         ORDER BY s.valid_from DESC",
    )?;
    let out = links(stmt.query_map(params![org_id, on.map(iso)], link_row)?);
    out
}

type RawLink = (i64, String, String, String, Option<String>);

fn link_row(r: &Row) -> rusqlite::Result<RawLink> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn links(rows: impl Iterator<Item = rusqlite::Result<RawLink>>) -> Result<Vec<OrgLink>> {
    let mut out = Vec::new();
    for row in rows {
        let (id, code, name, from, to) = row?;
        out.push(OrgLink {
            id,
            code,
            name,
            valid_from: time::parse_iso(&from)?,
            valid_to: to.as_deref().map(time::parse_iso).transpose()?,
        });
    }
    Ok(out)
}
