//! Roles (incarichi): person × organisation × title × inclusive period, and the queries on them.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde_json::json;

use super::types::{RoleInput, RoleView};
use super::{display_name, search, Issues, NAME_MAX};
use crate::audit::{self, AuditAction};
use crate::error::{Entity, Error, Result};
use crate::territory::{iso, normalize_istat};
use crate::text;
use crate::time;

/// Role columns; `?1` is the reference date (ISO) deciding `current`.
const VIEW_SQL: &str = "
    SELECT r.id, r.person_id, p.given_name, p.family_name, r.organisation_id, o.name, o.kind,
        r.title, r.valid_from, r.valid_to, r.notes,
        (coalesce(r.valid_from, '0000-01-01') <= ?1
            AND (r.valid_to IS NULL OR r.valid_to >= ?1)) AS current
    FROM role r
    JOIN person p ON p.id = r.person_id
    JOIN organisation o ON o.id = r.organisation_id";

/// Held on `?1`.
const CURRENT: &str =
    "coalesce(r.valid_from, '0000-01-01') <= ?1 AND (r.valid_to IS NULL OR r.valid_to >= ?1)";

fn view_row(r: &Row) -> rusqlite::Result<(RoleView, Option<String>, Option<String>)> {
    let given: String = r.get(2)?;
    let family: String = r.get(3)?;
    Ok((
        RoleView {
            id: r.get(0)?,
            person_id: r.get(1)?,
            person_name: display_name(&given, &family),
            organisation_id: r.get(4)?,
            organisation_name: r.get(5)?,
            organisation_kind: r.get(6)?,
            title: r.get(7)?,
            valid_from: None,
            valid_to: None,
            notes: r.get(10)?,
            current: r.get(11)?,
        },
        r.get(8)?,
        r.get(9)?,
    ))
}

fn collect(
    rows: impl Iterator<Item = rusqlite::Result<(RoleView, Option<String>, Option<String>)>>,
) -> Result<Vec<RoleView>> {
    let mut out = Vec::new();
    for row in rows {
        let (mut v, from, to) = row?;
        v.valid_from = from.as_deref().map(time::parse_iso).transpose()?;
        v.valid_to = to.as_deref().map(time::parse_iso).transpose()?;
        out.push(v);
    }
    Ok(out)
}

/// One role (`current` as of today).
pub fn role(conn: &Connection, id: i64) -> Result<RoleView> {
    let mut stmt = conn.prepare_cached(&format!("{VIEW_SQL} WHERE r.id = ?2"))?;
    let out = collect(stmt.query_map(params![iso(time::today_rome()), id], view_row)?)?
        .pop()
        .ok_or_else(|| Error::NotFound {
            what: Entity::Role,
            key: id.to_string(),
        });
    out
}

/// Who holds `title` at organisation `org_id` on `on`. The title is compared ignoring case,
/// accents and punctuation, and also matches longer titles starting with it ("assessore" finds
/// "Assessore al sociale").
pub fn who_holds(
    conn: &Connection,
    org_id: i64,
    title: &str,
    on: NaiveDate,
) -> Result<Vec<RoleView>> {
    let folded = text::fold(title);
    let mut stmt = conn.prepare_cached(&format!(
        "{VIEW_SQL} WHERE r.organisation_id = ?2
             AND (r.title_folded = ?3 OR r.title_folded LIKE ?3 || ' %') AND {CURRENT}
         ORDER BY r.valid_from DESC, p.sort_key"
    ))?;
    let out = collect(stmt.query_map(params![iso(on), org_id, folded], view_row)?);
    out
}

/// Every office of a person: current ones first, then past ones (latest end first), each with
/// its dates; `current` is as of today.
pub fn offices_of(conn: &Connection, person_id: i64) -> Result<Vec<RoleView>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{VIEW_SQL} WHERE r.person_id = ?2
         ORDER BY current DESC, coalesce(r.valid_to, '9999-12-31') DESC,
             coalesce(r.valid_from, '0000-01-01') DESC, r.id"
    ))?;
    let out = collect(stmt.query_map(params![iso(time::today_rome()), person_id], view_row)?);
    out
}

/// Precedence of an office in lists of people in office: the head of the organisation first
/// (sindaco, presidente, direttore, prefetto), then deputies, then assessori, then the rest —
/// by folded title, so "Sindaca" and "Vicesindaco facente funzione" rank as expected.
const TITLE_RANK: &str = "CASE
    WHEN r.title_folded LIKE 'sindac%' OR r.title_folded LIKE 'president%'
        OR r.title_folded LIKE 'prefett%' OR r.title_folded LIKE 'direttor%' THEN 0
    WHEN r.title_folded LIKE 'vice%' THEN 1
    WHEN r.title_folded LIKE 'assessor%' THEN 2
    ELSE 3 END";

/// People in office at an organisation on `on`: by precedence ([`TITLE_RANK`]), title, name.
pub fn people_in_office(conn: &Connection, org_id: i64, on: NaiveDate) -> Result<Vec<RoleView>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{VIEW_SQL} WHERE r.organisation_id = ?2 AND {CURRENT}
         ORDER BY {TITLE_RANK}, r.title_folded, p.sort_key"
    ))?;
    let out = collect(stmt.query_map(params![iso(on), org_id], view_row)?);
    out
}

/// People in office on `on` at the Comune organisation of a comune (for the comune page).
pub fn comune_people(conn: &Connection, istat_code: &str, on: NaiveDate) -> Result<Vec<RoleView>> {
    let not_found = || Error::NotFound {
        what: Entity::Comune,
        key: istat_code.trim().to_owned(),
    };
    let code = normalize_istat(istat_code).ok_or_else(not_found)?;
    if !conn
        .prepare_cached("SELECT 1 FROM comune WHERE istat_code = ?1")?
        .exists([&code])?
    {
        return Err(not_found());
    }
    let mut stmt = conn.prepare_cached(&format!(
        "{VIEW_SQL} WHERE r.organisation_id IN
             (SELECT id FROM organisation WHERE kind = 'comune' AND istat_code = ?2)
             AND {CURRENT}
         ORDER BY {TITLE_RANK}, r.title_folded, p.sort_key"
    ))?;
    let out = collect(stmt.query_map(params![iso(on), code], view_row)?);
    out
}

/// Roles filtered by person and/or organisation; with `on`, only those held on that date.
pub fn list_roles(
    conn: &Connection,
    person_id: Option<i64>,
    org_id: Option<i64>,
    on: Option<NaiveDate>,
) -> Result<Vec<RoleView>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{VIEW_SQL} WHERE (?2 IS NULL OR r.person_id = ?2) AND (?3 IS NULL OR
             r.organisation_id = ?3) AND (?4 = 0 OR ({CURRENT}))
         ORDER BY o.name_folded, r.title_folded, p.sort_key, r.valid_from"
    ))?;
    let date = on.unwrap_or_else(time::today_rome);
    let out = collect(stmt.query_map(
        params![iso(date), person_id, org_id, on.is_some()],
        view_row,
    )?);
    out
}

/// The first office held on `on`, as "Title – Organisation".
pub(crate) fn current_office(
    conn: &Connection,
    person_id: i64,
    on: NaiveDate,
) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT r.title || ' – ' || o.name FROM role r
             JOIN organisation o ON o.id = r.organisation_id
             WHERE r.person_id = ?2 AND {CURRENT}
             ORDER BY r.valid_from DESC, r.id LIMIT 1"
        ))?
        .query_row(params![iso(on), person_id], |r| r.get(0))
        .optional()?)
}

fn check_year(issues: &mut Issues, field: &str, d: Option<NaiveDate>) {
    if let Some(d) = d {
        if !(1900..=2999).contains(&d.year()) {
            issues.push(
                field,
                format!(
                    "La data {} è fuori dall'intervallo ammesso (anni 1900–2999).",
                    time::format_it(d)
                ),
            );
        }
    }
}

/// Validates a role; returns the trimmed title and notes.
fn validate(conn: &Connection, input: &RoleInput) -> Result<(String, String)> {
    let mut issues = Issues::default();
    if !conn
        .prepare_cached("SELECT 1 FROM person WHERE id = ?1")?
        .exists([input.person_id])?
    {
        issues.push(
            "person_id",
            format!(
                "La persona {} non esiste: scegli una persona esistente.",
                input.person_id
            ),
        );
    }
    if !conn
        .prepare_cached("SELECT 1 FROM organisation WHERE id = ?1")?
        .exists([input.organisation_id])?
    {
        issues.push(
            "organisation_id",
            format!(
                "L'organizzazione {} non esiste: scegli un'organizzazione esistente.",
                input.organisation_id
            ),
        );
    }
    let title = issues.line("title", "Il titolo dell'incarico", &input.title, NAME_MAX);
    if text::fold(&title).is_empty() {
        issues.push(
            "title",
            "Il titolo dell'incarico è obbligatorio (ad esempio «Sindaco»).",
        );
    }
    check_year(&mut issues, "valid_from", input.valid_from);
    check_year(&mut issues, "valid_to", input.valid_to);
    if let (Some(f), Some(t)) = (input.valid_from, input.valid_to) {
        if t < f {
            issues.push(
                "valid_to",
                format!(
                    "La fine dell'incarico ({}) precede l'inizio ({}): correggi una delle due date.",
                    time::format_it(t),
                    time::format_it(f)
                ),
            );
        }
    }
    let notes = issues.notes("notes", &input.notes);
    issues.finish()?;
    Ok((title, notes))
}

/// Inserts a validated role without auditing it (import and demo reuse it).
pub(crate) fn insert_role(
    tx: &Connection,
    input: &RoleInput,
    title: &str,
    notes: &str,
) -> Result<i64> {
    let now = time::now_utc();
    tx.prepare_cached(
        "INSERT INTO role (person_id, organisation_id, title, title_folded, valid_from, valid_to,
             notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
    )?
    .execute(params![
        input.person_id,
        input.organisation_id,
        title,
        text::fold(title),
        input.valid_from.map(iso),
        input.valid_to.map(iso),
        notes,
        now
    ])?;
    Ok(tx.last_insert_rowid())
}

fn audit_role(
    tx: &Transaction,
    action: AuditAction,
    id: i64,
    what: &str,
    v: &RoleView,
) -> Result<()> {
    audit::record(
        tx,
        action,
        "role",
        Some(&id.to_string()),
        &format!(
            "Incarico «{}» presso «{}» {what} (persona {})",
            v.title, v.organisation_name, v.person_id
        ),
        Some(&json!({
            "person_id": v.person_id,
            "organisation_id": v.organisation_id,
            "valid_from": v.valid_from,
            "valid_to": v.valid_to,
        })),
    )
}

/// Adds a role.
pub fn add_role(tx: &Transaction, input: &RoleInput) -> Result<RoleView> {
    let (title, notes) = validate(tx, input)?;
    let id = insert_role(tx, input, &title, &notes)?;
    search::refresh_person(tx, input.person_id)?;
    let v = role(tx, id)?;
    audit_role(tx, AuditAction::Create, id, "creato", &v)?;
    Ok(v)
}

/// Replaces a role's fields (it may move to another person or organisation).
pub fn update_role(tx: &Transaction, id: i64, input: &RoleInput) -> Result<RoleView> {
    let old = role(tx, id)?;
    let (title, notes) = validate(tx, input)?;
    tx.execute(
        "UPDATE role SET person_id = ?1, organisation_id = ?2, title = ?3, title_folded = ?4,
             valid_from = ?5, valid_to = ?6, notes = ?7, updated_at = ?8 WHERE id = ?9",
        params![
            input.person_id,
            input.organisation_id,
            title,
            text::fold(&title),
            input.valid_from.map(iso),
            input.valid_to.map(iso),
            notes,
            time::now_utc(),
            id
        ],
    )?;
    search::refresh_person(tx, input.person_id)?;
    if old.person_id != input.person_id {
        search::refresh_person(tx, old.person_id)?;
    }
    let v = role(tx, id)?;
    audit_role(tx, AuditAction::Update, id, "modificato", &v)?;
    Ok(v)
}

/// Ends a role on `on` (inclusive: the last day it is held).
pub fn end_role(tx: &Transaction, id: i64, on: NaiveDate) -> Result<RoleView> {
    let old = role(tx, id)?;
    let input = RoleInput {
        person_id: old.person_id,
        organisation_id: old.organisation_id,
        title: old.title.clone(),
        valid_from: old.valid_from,
        valid_to: Some(on),
        notes: old.notes.clone(),
    };
    if let Some(to) = old.valid_to {
        if to < on {
            return Err(Error::invalid(
                "valid_to",
                format!(
                    "L'incarico è già concluso il {}: per cambiare la data usa «role edit».",
                    time::format_it(to)
                ),
            ));
        }
    }
    update_role(tx, id, &input)
}

/// Deletes a role (use [`end_role`] when it simply ended: deleting loses the history).
pub fn delete_role(tx: &Transaction, id: i64) -> Result<RoleView> {
    let old = role(tx, id)?;
    search::remove_role(tx, id)?;
    tx.execute("DELETE FROM role WHERE id = ?1", [id])?;
    search::refresh_person(tx, old.person_id)?;
    audit_role(tx, AuditAction::Delete, id, "eliminato", &old)?;
    Ok(old)
}
