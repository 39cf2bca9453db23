//! Invitations: who a scope calls for on a date, the stored invitation list, attendance.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde_json::json;

use super::scope;
use super::types::*;
use crate::audit::{self, AuditAction};
use crate::contacts::{display_name, Issues, NAME_MAX};
use crate::error::{Entity, Error, Result};
use crate::territory::iso;
use crate::text;
use crate::time;

/// Replaces the invitations of a meeting; an invitation that stays (same person, or same office
/// without a person) keeps its attendance.
pub(crate) fn replace_invitations(
    tx: &Transaction,
    meeting_id: i64,
    list: &[InvitationInput],
) -> Result<()> {
    type Kept = (i64, Option<i64>, Option<i64>, String);
    let mut stmt = tx.prepare_cached(
        "SELECT id, person_id, organisation_id, title FROM meeting_invitation WHERE meeting_id = ?1",
    )?;
    let old: Vec<Kept> = stmt
        .query_map([meeting_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut kept = Vec::new();
    for (pos, inv) in list.iter().enumerate() {
        let same = old.iter().find(|(id, p, o, t)| {
            !kept.contains(id)
                && match inv.person_id {
                    Some(pid) => *p == Some(pid),
                    None => {
                        p.is_none()
                            && *o == inv.organisation_id
                            && text::fold(t) == text::fold(&inv.title)
                    }
                }
        });
        match same {
            Some((id, ..)) => {
                tx.execute(
                    "UPDATE meeting_invitation SET position = ?2, organisation_id = ?3, title = ?4
                     WHERE id = ?1",
                    params![id, pos as i64, inv.organisation_id, inv.title],
                )?;
                kept.push(*id);
            }
            None => {
                tx.execute(
                    "INSERT INTO meeting_invitation (meeting_id, position, person_id,
                        organisation_id, title) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        meeting_id,
                        pos as i64,
                        inv.person_id,
                        inv.organisation_id,
                        inv.title
                    ],
                )?;
                kept.push(tx.last_insert_rowid());
            }
        }
    }
    for (id, ..) in &old {
        if !kept.contains(id) {
            tx.execute("DELETE FROM meeting_invitation WHERE id = ?1", [id])?;
        }
    }
    Ok(())
}

const INVITATION_SQL: &str = "
    SELECT i.id, i.person_id, p.given_name, p.family_name, i.organisation_id, o.name, i.title,
        (SELECT e.email FROM person_email e WHERE e.person_id = i.person_id
            ORDER BY e.is_primary DESC, e.id LIMIT 1),
        i.attendance, i.delegate_person_id, d.given_name, d.family_name, i.delegate_name, i.note
    FROM meeting_invitation i
    LEFT JOIN person p ON p.id = i.person_id
    LEFT JOIN person d ON d.id = i.delegate_person_id
    LEFT JOIN organisation o ON o.id = i.organisation_id";

/// "partecipante rimosso": shown for a person erased from the directory.
pub const REMOVED: &str = "partecipante rimosso";

fn invitation_row(r: &rusqlite::Row) -> rusqlite::Result<InvitationView> {
    let person_id: Option<i64> = r.get(1)?;
    let given: Option<String> = r.get(2)?;
    let family: Option<String> = r.get(3)?;
    let person_name = match (person_id, given, family) {
        (None, ..) => None,
        (Some(_), Some(g), Some(f)) => Some(display_name(&g, &f)),
        (Some(_), ..) => Some(REMOVED.to_owned()),
    };
    let delegate_id: Option<i64> = r.get(9)?;
    let dg: Option<String> = r.get(10)?;
    let df: Option<String> = r.get(11)?;
    let typed: String = r.get(12)?;
    let delegate_name = match (delegate_id, dg, df) {
        (Some(_), Some(g), Some(f)) => display_name(&g, &f),
        (Some(_), ..) => REMOVED.to_owned(),
        (None, ..) => typed,
    };
    Ok(InvitationView {
        id: r.get(0)?,
        person_id,
        person_name,
        organisation_id: r.get(4)?,
        organisation_name: r.get(5)?,
        title: r.get(6)?,
        email: r.get(7)?,
        attendance: r.get(8)?,
        delegate_person_id: delegate_id,
        delegate_name,
        note: r.get(13)?,
    })
}

/// The invitations of a meeting, in order.
pub(crate) fn invitations(conn: &Connection, meeting_id: i64) -> Result<Vec<InvitationView>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{INVITATION_SQL} WHERE i.meeting_id = ?1 ORDER BY i.position, i.id"
    ))?;
    let rows = stmt.query_map([meeting_id], invitation_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Records how an invited person took part. A delegation needs the delegate (a person of the
/// directory or a name); other answers clear it.
pub fn set_attendance(
    tx: &Transaction,
    invitation_id: i64,
    input: &AttendanceInput,
) -> Result<InvitationView> {
    let meeting_id: i64 = tx
        .query_row(
            "SELECT meeting_id FROM meeting_invitation WHERE id = ?1",
            [invitation_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound {
            what: Entity::Invitation,
            key: invitation_id.to_string(),
        })?;
    let mut issues = Issues::default();
    let note = issues.notes("note", &input.note);
    let mut delegate_name = String::new();
    let mut delegate_id = None;
    if input.attendance == Attendance::Delegated {
        delegate_name = issues.line(
            "delegate_name",
            "Il nome del delegato",
            &input.delegate_name,
            NAME_MAX,
        );
        if let Some(d) = input.delegate_person_id {
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM person WHERE id = ?1)",
                [d],
                |r| r.get(0),
            )?;
            if exists {
                delegate_id = Some(d);
                delegate_name.clear();
            } else {
                issues.push(
                    "delegate_person_id",
                    format!("La persona {d} non è nella rubrica."),
                );
            }
        } else if delegate_name.is_empty() {
            issues.push(
                "delegate_name",
                "Per una delega indica chi ha partecipato al posto dell'invitato.",
            );
        }
    }
    issues.finish()?;
    tx.execute(
        "UPDATE meeting_invitation SET attendance = ?2, delegate_person_id = ?3,
            delegate_name = ?4, note = ?5 WHERE id = ?1",
        params![
            invitation_id,
            input.attendance,
            delegate_id,
            delegate_name,
            note
        ],
    )?;
    audit::record(
        tx,
        AuditAction::Update,
        "meeting",
        Some(&meeting_id.to_string()),
        &format!("Incontro {meeting_id}: presenze"),
        Some(&json!({ "fields": ["attendance"], "invitation": invitation_id })),
    )?;
    let mut stmt = tx.prepare_cached(&format!("{INVITATION_SQL} WHERE i.id = ?1"))?;
    Ok(stmt.query_row([invitation_id], invitation_row)?)
}

/// The offices a kind of meeting calls for in each comune or body of its scope.
enum Office {
    /// The mayor of every comune of the scope.
    Mayors,
    /// The director of every SdS whose zones lie in the ASL.
    SdsDirectors,
    /// The presidents of the conferenze zonali.
    ZonePresidents,
    /// The people in office at the prefettura of the province.
    Prefecture,
}

fn office_for(kind: MeetingKind, scope: ScopeKind) -> Option<Office> {
    match (kind, scope) {
        (_, ScopeKind::None) => None,
        (MeetingKind::DirettoriSds, ScopeKind::Asl | ScopeKind::Region) => {
            Some(Office::SdsDirectors)
        }
        (MeetingKind::ConferenzaRegionale, ScopeKind::Region) => Some(Office::ZonePresidents),
        (MeetingKind::Prefettura, ScopeKind::Province) => Some(Office::Prefecture),
        _ => Some(Office::Mayors),
    }
}

/// Who a meeting of `kind` over `scope` invites on `on`: each office resolved to the person who
/// holds it that day, or proposed vacant. Mayors of the scope's comuni for conferences, Giunte
/// and single-comune meetings; SdS directors of the ASL for "Direttori SdS"; presidents of the
/// conferenze zonali for the regional conference; the prefettura's office holders for a
/// "Tavolo in Prefettura".
pub fn propose_invitees(
    conn: &Connection,
    kind: MeetingKind,
    scope_in: &Scope,
    on: NaiveDate,
) -> Result<Vec<ProposedInvitee>> {
    let sc = scope::check(conn, scope_in)?;
    let day = iso(on);
    let when = time::format_it(on);
    let Some(office) = office_for(kind, sc.kind) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    match office {
        Office::Mayors => {
            let comuni = scope::comuni_of(conn, &sc, on)?;
            let mut org = conn.prepare_cached(
                "SELECT o.id, o.name, c.name FROM organisation o JOIN comune c
                   ON c.istat_code = o.istat_code
                 WHERE o.kind = 'comune' AND o.istat_code = ?1",
            )?;
            for code in comuni {
                let found: Option<(i64, String, String)> = org
                    .query_row([&code], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                    .optional()?;
                let Some((org_id, org_name, comune)) = found else {
                    continue;
                };
                push_holders(
                    conn,
                    &mut out,
                    org_id,
                    &org_name,
                    "sindaco",
                    &day,
                    |title| format!("{title} di {comune} il {when}"),
                )?;
            }
        }
        Office::SdsDirectors => {
            let mut stmt = conn.prepare_cached(
                "SELECT DISTINCT o.id, o.name FROM organisation o
                 JOIN sds_zone sz ON sz.org_id = o.id
                   AND sz.valid_from <= ?2 AND coalesce(sz.valid_to, '9999-12-31') >= ?2
                 JOIN zone z ON z.id = sz.zone_id
                 WHERE o.kind = 'sds' AND (?1 IS NULL OR z.asl_code = ?1)
                 ORDER BY o.name",
            )?;
            let orgs: Vec<(i64, String)> = stmt
                .query_map(params![sc.asl.map(|a| a.as_str()), day], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?
                .collect::<rusqlite::Result<_>>()?;
            for (org_id, org_name) in orgs {
                push_holders(conn, &mut out, org_id, &org_name, "direttore", &day, |t| {
                    format!("{t} di {org_name} il {when}")
                })?;
            }
        }
        Office::ZonePresidents => {
            let mut stmt = conn.prepare_cached(
                "SELECT r.person_id, p.given_name, p.family_name, o.id, o.name, r.title
                 FROM role r JOIN person p ON p.id = r.person_id
                 JOIN organisation o ON o.id = r.organisation_id
                 WHERE r.title_folded LIKE 'presidente conferenza zonale%'
                   AND coalesce(r.valid_from, '0000-01-01') <= ?1
                   AND (r.valid_to IS NULL OR r.valid_to >= ?1)
                 ORDER BY o.name, p.sort_key",
            )?;
            let rows = stmt.query_map([&day], |r| {
                Ok(ProposedInvitee {
                    person_id: Some(r.get(0)?),
                    person_name: Some(display_name(
                        &r.get::<_, String>(1)?,
                        &r.get::<_, String>(2)?,
                    )),
                    organisation_id: r.get(3)?,
                    organisation_name: r.get(4)?,
                    title: r.get(5)?,
                    reason: String::new(),
                })
            })?;
            for row in rows {
                let mut p = row?;
                p.reason = format!("{} ({}) il {when}", p.title, p.organisation_name);
                out.push(p);
            }
        }
        Office::Prefecture => {
            let found: Option<(i64, String)> = conn
                .query_row(
                    "SELECT id, name FROM organisation WHERE kind = 'prefettura'
                     AND province_code = ?1 ORDER BY id LIMIT 1",
                    [&sc.province],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            if let Some((org_id, org_name)) = found {
                push_holders(conn, &mut out, org_id, &org_name, "prefetto", &day, |t| {
                    format!("{t} — {org_name} il {when}")
                })?;
            }
        }
    }
    Ok(out)
}

/// Appends who holds `title` at an organisation on `day`, or the vacant office.
fn push_holders(
    conn: &Connection,
    out: &mut Vec<ProposedInvitee>,
    org_id: i64,
    org_name: &str,
    title: &str,
    day: &str,
    reason: impl Fn(&str) -> String,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.person_id, p.given_name, p.family_name, r.title FROM role r
         JOIN person p ON p.id = r.person_id
         WHERE r.organisation_id = ?1 AND (r.title_folded = ?2 OR r.title_folded LIKE ?3)
           AND coalesce(r.valid_from, '0000-01-01') <= ?4
           AND (r.valid_to IS NULL OR r.valid_to >= ?4)
         ORDER BY r.valid_from DESC, p.sort_key",
    )?;
    // "sindaco" also finds "Sindaca", "direttore" "Direttrice", "prefetto" "Prefetta".
    let stem: String = title.chars().take(6).collect();
    let rows: Vec<(i64, String, String, String)> = stmt
        .query_map(params![org_id, title, format!("{stem}%"), day], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    if rows.is_empty() {
        let label = capitalise(title);
        out.push(ProposedInvitee {
            person_id: None,
            person_name: None,
            organisation_id: org_id,
            organisation_name: org_name.to_owned(),
            title: label.clone(),
            reason: format!("{}: nessuno risulta in carica", reason(&label)),
        });
    }
    for (pid, g, f, t) in rows {
        out.push(ProposedInvitee {
            person_id: Some(pid),
            person_name: Some(display_name(&g, &f)),
            organisation_id: org_id,
            organisation_name: org_name.to_owned(),
            reason: reason(&t),
            title: t,
        });
    }
    Ok(())
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
