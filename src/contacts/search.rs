//! The full-text index of contacts (`contact_fts`, FTS5, diacritics folded) and the search on it.
//!
//! Contract: the index is maintained explicitly by the write functions of this module's siblings,
//! in the same transaction as the change: [`refresh_person`] after any change to a person or
//! their e-mails/phones/tags/roles, [`refresh_org`] after a change to an organisation (it also
//! re-indexes the roles there and the people who hold them), [`remove_person`] /
//! [`remove_org`] / [`remove_role`] before a delete. Bulk writers (demo) call [`rebuild`].
//! Row ids are `id * 4 + 1` (person), `+ 2` (organisation), `+ 3` (role), so one row is
//! replaced by id without scanning. [`fts_query`] quotes each user term and makes it a prefix.

use rusqlite::{params, Connection, OptionalExtension};

use super::role::current_office;
use super::types::{HitKind, OrgKind, SearchHit};
use crate::error::Result;
use crate::text;
use crate::time;

/// Largest accepted `limit` of [`search`].
pub const SEARCH_MAX: u32 = 500;

const PERSON_DOC: &str = "
    SELECT p.id * 4 + 1, 'person', p.id,
        trim(coalesce(p.honorific, '') || ' ' || p.given_name || ' ' || p.family_name),
        concat_ws(' ',
            (SELECT group_concat(e.email, ' ') FROM person_email e WHERE e.person_id = p.id),
            (SELECT group_concat(ph.phone || ' ' || ph.phone_norm, ' ')
                FROM person_phone ph WHERE ph.person_id = p.id),
            (SELECT group_concat(t.tag, ' ') FROM person_tag t WHERE t.person_id = p.id),
            p.notes,
            (SELECT group_concat(r.title || ' ' || o.name, ' ')
                FROM role r JOIN organisation o ON o.id = r.organisation_id
                WHERE r.person_id = p.id AND (r.valid_to IS NULL OR r.valid_to >= ?2)))
    FROM person p";

const ORG_DOC: &str = "
    SELECT o.id * 4 + 2, 'organisation', o.id, o.name,
        concat_ws(' ', o.kind, c.name, pr.name, z.name, o.notes)
    FROM organisation o
    LEFT JOIN comune c ON c.istat_code = o.istat_code
    LEFT JOIN province pr ON pr.code = o.province_code
    LEFT JOIN zone z ON z.id = o.zone_id";

const ROLE_DOC: &str = "
    SELECT r.id * 4 + 3, 'role', r.id, r.title,
        concat_ws(' ', p.given_name, p.family_name, o.name, r.notes)
    FROM role r JOIN person p ON p.id = r.person_id
    JOIN organisation o ON o.id = r.organisation_id";

const INSERT: &str = "INSERT INTO contact_fts (rowid, kind, ref_id, name, body)";

fn today() -> String {
    crate::territory::iso(time::today_rome())
}

/// Re-indexes a person and their roles (removes them from the index if the person is gone).
pub(crate) fn refresh_person(conn: &Connection, id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM contact_fts WHERE rowid = ?1")?
        .execute([id * 4 + 1])?;
    conn.prepare_cached(&format!("{INSERT} {PERSON_DOC} WHERE p.id = ?1"))?
        .execute(params![id, today()])?;
    let roles: Vec<i64> = conn
        .prepare_cached("SELECT id FROM role WHERE person_id = ?1")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for r in roles {
        refresh_role_doc(conn, r)?;
    }
    Ok(())
}

/// Re-indexes one role document only.
pub(crate) fn refresh_role_doc(conn: &Connection, role_id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM contact_fts WHERE rowid = ?1")?
        .execute([role_id * 4 + 3])?;
    conn.prepare_cached(&format!("{INSERT} {ROLE_DOC} WHERE r.id = ?1"))?
        .execute([role_id])?;
    Ok(())
}

/// Re-indexes an organisation, its roles and the people who hold them.
pub(crate) fn refresh_org(conn: &Connection, id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM contact_fts WHERE rowid = ?1")?
        .execute([id * 4 + 2])?;
    conn.prepare_cached(&format!("{INSERT} {ORG_DOC} WHERE o.id = ?1"))?
        .execute([id])?;
    let people: Vec<i64> = conn
        .prepare_cached("SELECT DISTINCT person_id FROM role WHERE organisation_id = ?1")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for p in people {
        refresh_person(conn, p)?;
    }
    Ok(())
}

/// Removes a person and their roles from the index (call before deleting the rows).
pub(crate) fn remove_person(conn: &Connection, id: i64) -> Result<()> {
    conn.prepare_cached(
        "DELETE FROM contact_fts WHERE rowid = ?1
             OR rowid IN (SELECT id * 4 + 3 FROM role WHERE person_id = ?2)",
    )?
    .execute(params![id * 4 + 1, id])?;
    Ok(())
}

/// Removes an organisation from the index.
pub(crate) fn remove_org(conn: &Connection, id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM contact_fts WHERE rowid = ?1")?
        .execute([id * 4 + 2])?;
    Ok(())
}

/// Removes a role from the index.
pub(crate) fn remove_role(conn: &Connection, id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM contact_fts WHERE rowid = ?1")?
        .execute([id * 4 + 3])?;
    Ok(())
}

/// Indexes many people (with their roles) and organisations at once, in three statements:
/// FTS5 flushes its in-memory segment at every statement savepoint and whenever a row id goes
/// backwards, so one INSERT per document costs a segment each; bulk writers (import) index once,
/// at the end, through this. `created` people and `orgs` must not be indexed yet; `updated`
/// people (and all their roles) are replaced.
pub(crate) fn index_batch(
    conn: &Connection,
    created: &[i64],
    updated: &[i64],
    orgs: &[i64],
) -> Result<()> {
    let json =
        |ids: &[i64]| serde_json::to_string(ids).map_err(|e| crate::Error::Internal(e.to_string()));
    let people: Vec<i64> = created.iter().chain(updated).copied().collect();
    let (people, updated, orgs) = (json(&people)?, json(updated)?, json(orgs)?);
    conn.execute(
        "DELETE FROM contact_fts WHERE rowid IN (
             SELECT value * 4 + 1 FROM json_each(?1)
             UNION ALL SELECT id * 4 + 3 FROM role
                 WHERE person_id IN (SELECT value FROM json_each(?1)))",
        [&updated],
    )?;
    conn.execute(
        &format!(
            "{INSERT} {ORG_DOC} WHERE o.id IN (SELECT value FROM json_each(?1)) ORDER BY o.id"
        ),
        [&orgs],
    )?;
    conn.execute(
        &format!(
            "{INSERT} {PERSON_DOC} WHERE p.id IN (SELECT value FROM json_each(?1)) ORDER BY p.id"
        ),
        params![people, today()],
    )?;
    conn.execute(
        &format!(
            "{INSERT} {ROLE_DOC} WHERE r.person_id IN (SELECT value FROM json_each(?1))
             ORDER BY r.id"
        ),
        [&people],
    )?;
    Ok(())
}

/// Rebuilds the whole index from the tables (after bulk writes).
pub fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM contact_fts", [])?;
    conn.execute(
        &format!("{INSERT} {PERSON_DOC} WHERE ?1 IS NULL"),
        params![Option::<i64>::None, today()],
    )?;
    conn.execute(&format!("{INSERT} {ORG_DOC}"), [])?;
    conn.execute(&format!("{INSERT} {ROLE_DOC}"), [])?;
    Ok(())
}

/// The FTS5 query for what a user typed: every whitespace-separated term folded, quoted (so
/// "D'Angelo" or "a.b@c.it" are never syntax) and prefix-matched; all terms must match.
/// `None` when nothing searchable was typed.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split_whitespace()
        .map(text::fold)
        .filter(|t| !t.is_empty())
        .map(|t| format!("\"{t}\"*"))
        .collect();
    if terms.is_empty() {
        None
    } else {
        Some(terms.join(" "))
    }
}

/// The query [`search`] runs: like [`fts_query`], but a single one-character term (the first
/// keystroke) is looked up in names only, where it is meaningful and cheap to rank.
fn ranked_query(input: &str) -> Option<String> {
    let q = fts_query(input)?;
    let folded = text::fold(input);
    if folded.chars().count() == 1 {
        Some(format!("{{name}} : {q}"))
    } else {
        Some(q)
    }
}

/// Ids of the people whose own document matches `input` (for filtered lists).
pub(crate) fn matching_people_sql() -> &'static str {
    "SELECT ref_id FROM contact_fts WHERE contact_fts MATCH ?1 AND kind = 'person'"
}

/// People, organisations and roles matching `query`, best first (names weigh more than the rest).
/// An empty query gives `[]`; `limit` is capped at [`SEARCH_MAX`].
pub fn search(conn: &Connection, query: &str, limit: u32) -> Result<Vec<SearchHit>> {
    let Some(q) = ranked_query(query) else {
        return Ok(Vec::new());
    };
    let limit = limit.min(SEARCH_MAX);
    let mut stmt = conn.prepare_cached(
        "SELECT kind, ref_id, name FROM contact_fts WHERE contact_fts MATCH ?1
         ORDER BY bm25(contact_fts, 0.0, 0.0, 10.0, 1.0) LIMIT ?2",
    )?;
    let rows: Vec<(String, i64, String)> = stmt
        .query_map(params![q, limit], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let on = time::today_rome();
    let mut hits = Vec::with_capacity(rows.len());
    for (kind, id, name) in rows {
        let hit = match kind.as_str() {
            "person" => {
                let subtitle = match current_office(conn, id, on)? {
                    Some(o) => o,
                    None => conn
                        .prepare_cached(
                            "SELECT email FROM person_email WHERE person_id = ?1
                             ORDER BY is_primary DESC, id LIMIT 1",
                        )?
                        .query_row([id], |r| r.get(0))
                        .optional()?
                        .unwrap_or_default(),
                };
                SearchHit {
                    kind: HitKind::Person,
                    id,
                    person_id: Some(id),
                    organisation_id: None,
                    title: name,
                    subtitle,
                }
            }
            "organisation" => {
                let kind: Option<OrgKind> = conn
                    .prepare_cached("SELECT kind FROM organisation WHERE id = ?1")?
                    .query_row([id], |r| r.get(0))
                    .optional()?;
                SearchHit {
                    kind: HitKind::Organisation,
                    id,
                    person_id: None,
                    organisation_id: Some(id),
                    title: name,
                    subtitle: kind.map(|k| k.label().to_owned()).unwrap_or_default(),
                }
            }
            _ => {
                let row: Option<(i64, i64, String, String, String)> = conn
                    .prepare_cached(
                        "SELECT r.person_id, r.organisation_id, o.name, p.given_name,
                             p.family_name
                         FROM role r JOIN organisation o ON o.id = r.organisation_id
                         JOIN person p ON p.id = r.person_id WHERE r.id = ?1",
                    )?
                    .query_row([id], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                    })
                    .optional()?;
                let Some((pid, oid, org, given, family)) = row else {
                    continue;
                };
                SearchHit {
                    kind: HitKind::Role,
                    id,
                    person_id: Some(pid),
                    organisation_id: Some(oid),
                    title: format!("{name} – {org}"),
                    subtitle: super::display_name(&given, &family),
                }
            }
        };
        hits.push(hit);
    }
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_terms_are_quoted_folded_prefixes() {
        assert_eq!(
            fts_query("D'Angelo  Niccolò").as_deref(),
            Some("\"d angelo\"* \"niccolo\"*"),
            "apostrophe and accents"
        );
        assert_eq!(fts_query(" \"' "), None, "punctuation only");
        assert_eq!(
            fts_query("a\"b OR c").as_deref(),
            Some("\"a b\"* \"or\"* \"c\"*"),
            "quotes and operators are plain words"
        );
    }
}
