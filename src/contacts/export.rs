//! Contact records for export (the `interchange` writers turn them into CSV, XLSX, vCard).
//!
//! Contract of [`records`]: one record per person matching the filter, by family then given
//! name, with all e-mails and phones (primary first), tags, notes and the person's current
//! primary office (the most recently started role held today): its title, organisation and,
//! when the organisation covers a comune, the comune's name. People with the GDPR `restricted`
//! flag are NOT exported (processing is restricted). `source_line` is the 1-based position.

use rusqlite::{Connection, OptionalExtension};

use super::person::filter_params;
use super::types::PersonFilter;
use super::{list_people, person};
use crate::error::Result;
use crate::interchange::ContactRecord;
use crate::territory::iso;
use crate::time;

/// Records of the people matching `filter` (see module contract).
pub fn records(conn: &Connection, filter: &PersonFilter) -> Result<Vec<ContactRecord>> {
    if filter_params(filter).is_none() {
        return Ok(Vec::new());
    }
    let on = filter.on.unwrap_or_else(time::today_rome);
    let people = list_people(conn, filter, u32::MAX, 0)?;
    let mut out = Vec::with_capacity(people.len());
    for s in people.iter().filter(|s| !s.restricted) {
        let p = person(conn, s.id)?;
        let office: Option<(String, String, Option<String>)> = conn
            .prepare_cached(
                "SELECT r.title, o.name, c.name FROM role r
                 JOIN organisation o ON o.id = r.organisation_id
                 LEFT JOIN comune c ON c.istat_code = o.istat_code
                 WHERE r.person_id = ?1 AND coalesce(r.valid_from, '0000-01-01') <= ?2
                     AND (r.valid_to IS NULL OR r.valid_to >= ?2)
                 ORDER BY r.valid_from DESC, r.id LIMIT 1",
            )?
            .query_row(rusqlite::params![s.id, iso(on)], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        let (title, organisation, comune) = match office {
            Some((t, o, c)) => (Some(t), Some(o), c),
            None => (None, None, None),
        };
        out.push(ContactRecord {
            source_line: u32::try_from(out.len() + 1).unwrap_or(u32::MAX),
            given_name: p.given_name,
            family_name: p.family_name,
            honorific: p.honorific,
            emails: p.emails.into_iter().map(|e| e.email).collect(),
            phones: p.phones.into_iter().map(|x| x.phone).collect(),
            organisation,
            title,
            comune,
            notes: (!p.notes.is_empty()).then_some(p.notes),
            tags: p.tags,
        });
    }
    Ok(out)
}
