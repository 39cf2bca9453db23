//! Questions across meetings: what concerned a comune, what overlaps, what comes next.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use rusqlite::{params, Connection};

use super::read::{finish_summaries, summary_row, SUMMARY_SQL};
use super::types::{MeetingConflict, MeetingSummary};
use crate::contacts::display_name;
use crate::error::Result;
use crate::time;

/// The meetings that concerned a comune, newest first: by scope (the comune itself, its zone on
/// the meeting date, its ASL, its province, an Unione it belonged to then, the region) or because
/// someone of the comune's organisation was invited. (A zone meeting is found through its
/// `filter_zone_id`, which equals its scope zone, so that the zone index is used; region, ASL and
/// province scopes are read in one pass.)
pub fn comune_meetings(conn: &Connection, istat_code: &str) -> Result<Vec<MeetingSummary>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SUMMARY_SQL} WHERE m.id IN (
            SELECT meeting_id FROM meeting_comune WHERE istat_code = ?1
            UNION
            SELECT mz.id FROM comune_zone cz JOIN meeting mz
              ON mz.filter_zone_id = cz.zone_id AND mz.scope_zone_id = cz.zone_id
             AND mz.scope_kind = 'zone'
             AND cz.valid_from <= substr(mz.starts_at, 1, 10)
             AND coalesce(cz.valid_to, '9999-12-31') >= substr(mz.starts_at, 1, 10)
            WHERE cz.istat_code = ?1
            UNION
            SELECT mr.id FROM meeting mr JOIN comune k ON k.istat_code = ?1
            WHERE mr.scope_kind = 'region'
               OR (mr.scope_kind = 'asl' AND mr.scope_asl = k.asl_code)
               OR (mr.scope_kind = 'province' AND mr.scope_province = k.province_code)
            UNION
            SELECT mu.id FROM meeting mu JOIN unione_member um
              ON um.org_id = mu.scope_org_id AND um.istat_code = ?1
             AND um.valid_from <= substr(mu.starts_at, 1, 10)
             AND coalesce(um.valid_to, '9999-12-31') >= substr(mu.starts_at, 1, 10)
            WHERE mu.scope_kind = 'unione'
            UNION
            SELECT i.meeting_id FROM meeting_invitation i JOIN organisation o
              ON o.id = i.organisation_id WHERE o.istat_code = ?1
         )
         ORDER BY m.starts_at DESC, m.id DESC"
    ))?;
    let rows = stmt.query_map([istat_code], summary_row)?;
    finish_summaries(conn, rows)
}

/// Meetings (not cancelled or postponed) overlapping `start`..`end` (local times), other than
/// `exclude`: the coordinator attends every meeting of the calendar, so each is a double booking;
/// `shared_people` lists which of `people` are invited to both.
pub fn conflicts(
    conn: &Connection,
    start: NaiveDateTime,
    end: NaiveDateTime,
    exclude: Option<i64>,
    people: &[i64],
) -> Result<Vec<MeetingConflict>> {
    let s = time::rome_to_utc("start", start)?;
    let e = time::rome_to_utc("end", end)?.max(s + Duration::minutes(1));
    let mut stmt = conn.prepare_cached(&format!(
        "{SUMMARY_SQL} WHERE m.starts_at < ?2 AND m.ends_at > ?1 AND m.id != ?3
           AND m.starts_at > ?4 AND m.status NOT IN ('cancelled', 'postponed')
         ORDER BY m.starts_at LIMIT 50"
    ))?;
    // ?4: a meeting lasts at most MAX_DAYS, so only starts after s - MAX_DAYS can overlap; the
    // bound keeps the scan of the start index to those.
    let rows = stmt.query_map(
        params![
            time::instant_iso(s),
            time::instant_iso(e),
            exclude.unwrap_or(-1),
            time::instant_iso(s - Duration::days(super::MAX_DAYS))
        ],
        summary_row,
    )?;
    let meetings = finish_summaries(conn, rows)?;
    let mut who = conn.prepare_cached(
        "SELECT p.given_name, p.family_name FROM meeting_invitation i
         JOIN person p ON p.id = i.person_id
         WHERE i.meeting_id = ?1 AND i.person_id = ?2",
    )?;
    let mut out = Vec::with_capacity(meetings.len());
    for m in meetings {
        let mut shared = Vec::new();
        for p in people {
            let found = who.query_map(params![m.id, p], |r| {
                Ok(display_name(
                    &r.get::<_, String>(0)?,
                    &r.get::<_, String>(1)?,
                ))
            })?;
            for name in found {
                shared.push(name?);
            }
        }
        out.push(MeetingConflict {
            meeting: m,
            shared_people: shared,
        });
    }
    Ok(out)
}

/// Meetings starting from `now` within `days` days (not cancelled), soonest first: the
/// "prossimi incontri" panel and the reminders.
pub fn upcoming(conn: &Connection, now: DateTime<Utc>, days: u32) -> Result<Vec<MeetingSummary>> {
    let until = now + Duration::days(i64::from(days));
    let mut stmt = conn.prepare_cached(&format!(
        "{SUMMARY_SQL} WHERE m.starts_at >= ?1 AND m.starts_at < ?2
           AND m.status != 'cancelled'
         ORDER BY m.starts_at, m.id LIMIT 200"
    ))?;
    let rows = stmt.query_map(
        params![time::instant_iso(now), time::instant_iso(until)],
        summary_row,
    )?;
    finish_summaries(conn, rows)
}
