//! People: validation, create/edit/delete, the person page and filtered lists.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde_json::json;

use super::role::offices_of;
use super::types::{
    Email, PersonFilter, PersonInput, PersonPage, PersonSummary, PersonView, Phone,
};
use super::{
    check_email, check_phone, name_key, normalize_phone, search, sort_key, Issues, NAME_MAX,
};
use crate::audit::{self, AuditAction};
use crate::error::{Entity, Error, Result};
use crate::territory::{iso, normalize_istat};
use crate::time;

/// Default page size of person lists.
pub const PERSON_PAGE: u32 = 50;

const TAG_MAX: usize = 50;

pub(crate) fn not_found(id: i64) -> Error {
    Error::NotFound {
        what: Entity::Person,
        key: id.to_string(),
    }
}

/// Validates and normalises a person: trimmed fields, e-mails and phones checked and
/// deduplicated (ignoring case / formatting), exactly one primary of each when any, tags
/// deduplicated. A name or an e-mail is required.
pub(crate) fn clean(input: &PersonInput) -> Result<PersonInput> {
    let mut issues = Issues::default();
    let given_name = issues.line("given_name", "Il nome", &input.given_name, NAME_MAX);
    let family_name = issues.line("family_name", "Il cognome", &input.family_name, NAME_MAX);
    let honorific = input
        .honorific
        .as_deref()
        .map(|h| issues.line("honorific", "Il titolo di cortesia", h, 50))
        .filter(|h| !h.is_empty());
    let notes = issues.notes("notes", &input.notes);
    let mut emails: Vec<Email> = Vec::new();
    for e in &input.emails {
        let email = e.email.trim().to_owned();
        if let Err(m) = check_email(&email) {
            issues.push("emails", m);
            continue;
        }
        let label = issues.line("emails", "L'etichetta dell'e-mail", &e.label, 50);
        if !emails
            .iter()
            .any(|x| x.email.to_lowercase() == email.to_lowercase())
        {
            emails.push(Email {
                email,
                label,
                primary: e.primary,
            });
        }
    }
    let mut phones: Vec<Phone> = Vec::new();
    for p in &input.phones {
        let phone = p.phone.trim().to_owned();
        if let Err(m) = check_phone(&phone) {
            issues.push("phones", m);
            continue;
        }
        let label = issues.line("phones", "L'etichetta del telefono", &p.label, 50);
        if !phones
            .iter()
            .any(|x| normalize_phone(&x.phone) == normalize_phone(&phone))
        {
            phones.push(Phone {
                phone,
                label,
                primary: p.primary,
            });
        }
    }
    let mut tags: Vec<String> = Vec::new();
    for t in &input.tags {
        let t = issues.line("tags", "Un'etichetta", t, TAG_MAX);
        if !t.is_empty() && !tags.contains(&t) {
            tags.push(t);
        }
    }
    if given_name.is_empty() && family_name.is_empty() && emails.is_empty() {
        issues.push(
            "family_name",
            "Indica almeno il nome, il cognome o un indirizzo e-mail della persona.",
        );
    }
    let data_source = input
        .data_source
        .as_deref()
        .map(|s| issues.line("data_source", "La fonte dei dati", s, NAME_MAX))
        .filter(|s| !s.is_empty());
    if let Some(d) = input.retention_until {
        if !(1900..=2999).contains(&d.year()) {
            issues.push(
                "retention_until",
                format!(
                    "La data di conservazione {} è fuori dall'intervallo ammesso (anni 1900–2999).",
                    time::format_it(d)
                ),
            );
        }
    }
    issues.finish()?;
    one_primary(emails.iter_mut().map(|e| &mut e.primary));
    one_primary(phones.iter_mut().map(|p| &mut p.primary));
    Ok(PersonInput {
        given_name,
        family_name,
        honorific,
        notes,
        emails,
        phones,
        tags,
        legal_basis: input.legal_basis,
        data_source,
        retention_until: input.retention_until,
        restricted: input.restricted,
    })
}

/// Keeps the first flag set (or sets the first one) so exactly one item is primary.
fn one_primary<'a>(flags: impl Iterator<Item = &'a mut bool>) {
    let mut flags: Vec<&mut bool> = flags.collect();
    let first = flags.iter().position(|f| **f).unwrap_or(0);
    for (i, f) in flags.iter_mut().enumerate() {
        **f = i == first;
    }
}

/// Writes the person row fields of a cleaned input (insert when `id` is `None`); returns the id.
pub(crate) fn write_row(tx: &Connection, id: Option<i64>, c: &PersonInput) -> Result<i64> {
    let now = time::now_utc();
    let args = params![
        c.given_name,
        c.family_name,
        c.honorific,
        c.notes,
        c.legal_basis,
        c.data_source,
        c.retention_until.map(iso),
        c.restricted,
        sort_key(&c.given_name, &c.family_name),
        name_key(&c.given_name, &c.family_name),
        now,
        id,
    ];
    match id {
        None => {
            tx.prepare_cached(
                "INSERT INTO person (given_name, family_name, honorific, notes, legal_basis,
                     data_source, retention_until, restricted, sort_key, name_key, created_at,
                     updated_at)
                 SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11 WHERE ?12 IS NULL",
            )?
            .execute(args)?;
            Ok(tx.last_insert_rowid())
        }
        Some(id) => {
            tx.prepare_cached(
                "UPDATE person SET given_name = ?1, family_name = ?2, honorific = ?3, notes = ?4,
                     legal_basis = ?5, data_source = ?6, retention_until = ?7, restricted = ?8,
                     sort_key = ?9, name_key = ?10, updated_at = ?11 WHERE id = ?12",
            )?
            .execute(args)?;
            Ok(id)
        }
    }
}

/// Adds an e-mail to a person unless they already have it (ignoring case); true if added.
pub(crate) fn add_email(tx: &Connection, id: i64, e: &Email) -> Result<bool> {
    Ok(tx
        .prepare_cached(
            "INSERT OR IGNORE INTO person_email (person_id, email, email_lower, label, is_primary)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            id,
            e.email,
            e.email.to_lowercase(),
            e.label,
            e.primary
        ])?
        > 0)
}

/// Adds a phone to a person unless they already have it (normalised); true if added.
pub(crate) fn add_phone(tx: &Connection, id: i64, p: &Phone) -> Result<bool> {
    Ok(tx
        .prepare_cached(
            "INSERT OR IGNORE INTO person_phone (person_id, phone, phone_norm, label, is_primary)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            id,
            p.phone,
            normalize_phone(&p.phone),
            p.label,
            p.primary
        ])?
        > 0)
}

/// Adds a tag; true if added.
pub(crate) fn add_tag(tx: &Connection, id: i64, tag: &str) -> Result<bool> {
    Ok(tx
        .prepare_cached("INSERT OR IGNORE INTO person_tag (person_id, tag) VALUES (?1, ?2)")?
        .execute(params![id, tag])?
        > 0)
}

/// Replaces e-mails, phones and tags with those of a cleaned input.
fn write_children(tx: &Connection, id: i64, c: &PersonInput) -> Result<()> {
    for table in ["person_email", "person_phone", "person_tag"] {
        tx.prepare_cached(&format!("DELETE FROM {table} WHERE person_id = ?1"))?
            .execute([id])?;
    }
    for e in &c.emails {
        add_email(tx, id, e)?;
    }
    for p in &c.phones {
        add_phone(tx, id, p)?;
    }
    for t in &c.tags {
        add_tag(tx, id, t)?;
    }
    Ok(())
}

/// Inserts a cleaned person with children, without auditing and WITHOUT indexing it: the caller
/// calls `search::refresh_person` once when the person is complete (an FTS5 delete of a row
/// written in the same transaction flushes the index, so indexing twice is costly in bulk).
pub(crate) fn insert_clean(tx: &Connection, c: &PersonInput) -> Result<i64> {
    let id = write_row(tx, None, c)?;
    write_children(tx, id, c)?;
    Ok(id)
}

/// Names of the fields that differ, for the audit log (no values: personal data stays out).
fn changed_fields(old: &PersonView, new: &PersonInput) -> Vec<&'static str> {
    let mut f = Vec::new();
    let mut check = |changed: bool, name: &'static str| {
        if changed {
            f.push(name);
        }
    };
    check(old.given_name != new.given_name, "given_name");
    check(old.family_name != new.family_name, "family_name");
    check(old.honorific != new.honorific, "honorific");
    check(old.notes != new.notes, "notes");
    check(old.emails != new.emails, "emails");
    check(old.phones != new.phones, "phones");
    check(old.tags != new.tags, "tags");
    check(old.legal_basis != new.legal_basis, "legal_basis");
    check(old.data_source != new.data_source, "data_source");
    check(
        old.retention_until != new.retention_until,
        "retention_until",
    );
    check(old.restricted != new.restricted, "restricted");
    f
}

/// Creates a person.
pub fn create_person(tx: &Transaction, input: &PersonInput) -> Result<PersonView> {
    let c = clean(input)?;
    let id = insert_clean(tx, &c)?;
    search::refresh_person(tx, id)?;
    audit::record(
        tx,
        AuditAction::Create,
        "person",
        Some(&id.to_string()),
        &format!("Creata la persona {id}"),
        None,
    )?;
    person(tx, id)
}

/// Replaces a person's fields, e-mails, phones and tags (roles are edited separately).
pub fn update_person(tx: &Transaction, id: i64, input: &PersonInput) -> Result<PersonView> {
    let old = person(tx, id)?;
    let c = clean(input)?;
    let fields = changed_fields(&old, &c);
    write_row(tx, Some(id), &c)?;
    write_children(tx, id, &c)?;
    search::refresh_person(tx, id)?;
    if !fields.is_empty() {
        audit::record(
            tx,
            AuditAction::Update,
            "person",
            Some(&id.to_string()),
            &format!("Modificata la persona {id}"),
            Some(&json!({ "fields": fields })),
        )?;
    }
    person(tx, id)
}

/// Deletes a person with their e-mails, phones, tags and roles (no tombstone: for mistakes;
/// use `erase` for a GDPR erasure). Returns what was deleted.
pub fn delete_person(tx: &Transaction, id: i64) -> Result<PersonView> {
    let old = person(tx, id)?;
    search::remove_person(tx, id)?;
    tx.execute("DELETE FROM person WHERE id = ?1", [id])?;
    audit::record(
        tx,
        AuditAction::Delete,
        "person",
        Some(&id.to_string()),
        &format!("Eliminata la persona {id} ({} incarichi)", old.roles.len()),
        None,
    )?;
    Ok(old)
}

/// Everything about one person; roles current first.
pub fn person(conn: &Connection, id: i64) -> Result<PersonView> {
    type Row = (
        String,
        String,
        Option<String>,
        String,
        Option<super::LegalBasis>,
        Option<String>,
        Option<String>,
        bool,
        String,
        String,
    );
    let row: Row = conn
        .prepare_cached(
            "SELECT given_name, family_name, honorific, notes, legal_basis, data_source,
                 retention_until, restricted, created_at, updated_at FROM person WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
                r.get(9)?,
            ))
        })
        .optional()?
        .ok_or_else(|| not_found(id))?;
    let emails = conn
        .prepare_cached(
            "SELECT email, label, is_primary FROM person_email WHERE person_id = ?1
             ORDER BY is_primary DESC, id",
        )?
        .query_map([id], |r| {
            Ok(Email {
                email: r.get(0)?,
                label: r.get(1)?,
                primary: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let phones = conn
        .prepare_cached(
            "SELECT phone, label, is_primary FROM person_phone WHERE person_id = ?1
             ORDER BY is_primary DESC, id",
        )?
        .query_map([id], |r| {
            Ok(Phone {
                phone: r.get(0)?,
                label: r.get(1)?,
                primary: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let tags = conn
        .prepare_cached("SELECT tag FROM person_tag WHERE person_id = ?1 ORDER BY tag")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(PersonView {
        id,
        given_name: row.0,
        family_name: row.1,
        honorific: row.2,
        notes: row.3,
        emails,
        phones,
        tags,
        legal_basis: row.4,
        data_source: row.5,
        retention_until: row.6.as_deref().map(time::parse_iso).transpose()?,
        restricted: row.7,
        created_at: row.8,
        updated_at: row.9,
        roles: offices_of(conn, id)?,
    })
}

const CURRENT: &str =
    "coalesce(r.valid_from, '0000-01-01') <= ?1 AND (r.valid_to IS NULL OR r.valid_to >= ?1)";

/// WHERE clause of a [`PersonFilter`]; parameters ?1 date, ?2 FTS query, ?3 org, ?4 ISTAT, ?5 tag.
fn filter_where() -> String {
    format!(
        "WHERE (?2 IS NULL OR p.id IN ({fts}))
           AND (?3 IS NULL OR p.id IN (SELECT r.person_id FROM role r
               WHERE r.organisation_id = ?3 AND {CURRENT}))
           AND (?4 IS NULL OR p.id IN (SELECT r.person_id FROM role r
               JOIN organisation o ON o.id = r.organisation_id
               WHERE o.kind = 'comune' AND o.istat_code = ?4 AND {CURRENT}))
           AND (?5 IS NULL OR p.id IN (SELECT person_id FROM person_tag WHERE tag = ?5))
           AND (?8 IS NULL OR (p.sort_key >= ?8 AND p.sort_key < ?9))",
        fts = search::matching_people_sql().replace("?1", "?2")
    )
}

/// Bound parameters of a filter: date, FTS query, organisation, ISTAT code, tag, and the
/// range of sort keys of a one-letter search.
pub(crate) type FilterParams = (
    String,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<(String, String)>,
);

/// A search of one letter or digit lists, like a paper address book, the people whose family
/// name (sort key) starts with it: an index range, where a one-letter full-text prefix would
/// match almost everyone and cost tens of milliseconds at demo scale. Returns the key range.
fn initial_range(search: &str) -> Option<(String, String)> {
    let folded = crate::text::fold(search);
    let mut chars = folded.chars();
    let c = chars.next()?;
    if chars.next().is_some() || !c.is_alphanumeric() {
        return None;
    }
    let next = char::from_u32(u32::from(c) + 1)?;
    Some((c.to_string(), next.to_string()))
}

/// The bound parameters of a filter; `None` when the search text has nothing searchable (no
/// one matches).
pub(crate) fn filter_params(f: &PersonFilter) -> Option<FilterParams> {
    let search = f.search.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let initial = search.and_then(initial_range);
    let q = match search {
        None => None,
        Some(_) if initial.is_some() => None,
        Some(s) => Some(search::fts_query(s)?),
    };
    let istat = f
        .istat_code
        .as_deref()
        .map(|s| normalize_istat(s).unwrap_or_else(|| s.trim().to_owned()));
    Some((
        iso(f.on.unwrap_or_else(time::today_rome)),
        q,
        f.organisation_id,
        istat,
        f.tag.clone().filter(|t| !t.trim().is_empty()),
        initial,
    ))
}

/// A page of people matching `filter`, by family then given name.
pub fn list_people(
    conn: &Connection,
    filter: &PersonFilter,
    limit: u32,
    offset: u32,
) -> Result<Vec<PersonSummary>> {
    let Some((on, q, org, istat, tag, initial)) = filter_params(filter) else {
        return Ok(Vec::new());
    };
    let (lo, hi) = initial.unzip();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.id, p.given_name, p.family_name,
             (SELECT email FROM person_email WHERE person_id = p.id
                 ORDER BY is_primary DESC, id LIMIT 1),
             (SELECT phone FROM person_phone WHERE person_id = p.id
                 ORDER BY is_primary DESC, id LIMIT 1),
             (SELECT r.title || ' – ' || o.name FROM role r
                 JOIN organisation o ON o.id = r.organisation_id
                 WHERE r.person_id = p.id AND {CURRENT} ORDER BY r.valid_from DESC, r.id LIMIT 1),
             p.restricted
         FROM person p {}
         ORDER BY p.sort_key, p.id LIMIT ?6 OFFSET ?7",
        filter_where()
    ))?;
    let rows = stmt.query_map(
        params![on, q, org, istat, tag, limit, offset, lo, hi],
        |r| {
            Ok(PersonSummary {
                id: r.get(0)?,
                given_name: r.get(1)?,
                family_name: r.get(2)?,
                email: r.get(3)?,
                phone: r.get(4)?,
                office: r.get(5)?,
                restricted: r.get(6)?,
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A window of the list and the total (one read, consistent).
pub fn person_page(
    conn: &Connection,
    filter: &PersonFilter,
    limit: u32,
    offset: u32,
) -> Result<PersonPage> {
    Ok(PersonPage {
        total: count_people(conn, filter)?,
        offset,
        people: list_people(conn, filter, limit.min(PERSON_PAGE_MAX), offset)?,
    })
}

/// Largest window [`person_page`] returns.
pub const PERSON_PAGE_MAX: u32 = 500;

/// How many people match `filter` (for paging).
pub fn count_people(conn: &Connection, filter: &PersonFilter) -> Result<i64> {
    let Some((on, q, org, istat, tag, initial)) = filter_params(filter) else {
        return Ok(0);
    };
    let (lo, hi) = initial.unzip();
    // ?6 and ?7 (limit, offset) are only used by the list; NULL keeps the numbering shared.
    let none: Option<i64> = None;
    Ok(conn
        .prepare_cached(&format!("SELECT count(*) FROM person p {}", filter_where()))?
        .query_row(params![on, q, org, istat, tag, none, none, lo, hi], |r| {
            r.get(0)
        })?)
}

/// Summaries of the given people (one query), by id; unknown ids are absent.
pub(crate) fn summaries(
    conn: &Connection,
    ids: &[i64],
    on: NaiveDate,
) -> Result<std::collections::HashMap<i64, PersonSummary>> {
    let json = serde_json::to_string(ids).map_err(|e| Error::Internal(e.to_string()))?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.id, p.given_name, p.family_name,
             (SELECT email FROM person_email WHERE person_id = p.id
                 ORDER BY is_primary DESC, id LIMIT 1),
             (SELECT phone FROM person_phone WHERE person_id = p.id
                 ORDER BY is_primary DESC, id LIMIT 1),
             (SELECT r.title || ' – ' || o.name FROM role r
                 JOIN organisation o ON o.id = r.organisation_id
                 WHERE r.person_id = p.id AND {CURRENT} ORDER BY r.valid_from DESC, r.id LIMIT 1),
             p.restricted
         FROM person p WHERE p.id IN (SELECT value FROM json_each(?2))"
    ))?;
    let rows = stmt.query_map(params![iso(on), json], |r| {
        Ok(PersonSummary {
            id: r.get(0)?,
            given_name: r.get(1)?,
            family_name: r.get(2)?,
            email: r.get(3)?,
            phone: r.get(4)?,
            office: r.get(5)?,
            restricted: r.get(6)?,
        })
    })?;
    let mut out = std::collections::HashMap::new();
    for row in rows {
        let s = row?;
        out.insert(s.id, s);
    }
    Ok(out)
}
