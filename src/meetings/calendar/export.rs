//! Meetings → iCalendar events: single meetings, and series as a master with RRULE/EXDATE plus
//! one RECURRENCE-ID override per occurrence that differs from what the rule gives.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use rusqlite::{Connection, OptionalExtension};

use super::mapping::{
    attendee_of, description_with_agenda, ics_status, ics_time, split_name_email,
};
use super::CalendarSelection;
use crate::error::Result;
use crate::interchange::ics::{self, IcsAttendee, IcsEvent};
use crate::meetings::types::*;
use crate::meetings::{input_of, list_meetings, meeting, series_info, LIST_MAX};
use crate::time;

/// A meeting with what its event needs besides the view.
struct Occurrence {
    view: MeetingView,
    event: IcsEvent,
    updated: DateTime<Utc>,
    created: DateTime<Utc>,
}

fn stamps(conn: &Connection, id: i64) -> Result<(DateTime<Utc>, DateTime<Utc>)> {
    let (c, u): (String, String) = conn.query_row(
        "SELECT created_at, updated_at FROM meeting WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok((time::parse_instant(&c)?, time::parse_instant(&u)?))
}

fn email_of(conn: &Connection, person: i64) -> Result<Option<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT email FROM person_email WHERE person_id = ?1 ORDER BY is_primary DESC, id LIMIT 1",
    )?;
    Ok(stmt.query_row([person], |r| r.get(0)).optional()?)
}

/// The event of one meeting as if it stood alone.
fn occurrence(conn: &Connection, id: i64) -> Result<Occurrence> {
    let view = meeting(conn, id)?;
    let (created, updated) = stamps(conn, id)?;
    let s = &view.summary;
    let mut attendees: Vec<IcsAttendee> = Vec::with_capacity(view.invitations.len());
    for inv in &view.invitations {
        let delegate = match inv.delegate_person_id {
            Some(p) if inv.attendance == Attendance::Delegated => email_of(conn, p)?,
            _ => None,
        };
        attendees.push(attendee_of(inv, delegate.as_deref()));
    }
    let agenda = input_of(&view).agenda;
    let organizer = (!view.organiser.is_empty()).then(|| {
        let (name, email) = split_name_email(&view.organiser);
        IcsAttendee {
            name,
            email,
            partstat: None,
            delegated_to: None,
        }
    });
    let event = IcsEvent {
        line: 0,
        uid: s.uid.clone(),
        uid_generated: false,
        recurrence_id: None,
        sequence: view.sequence,
        stamp: Some(updated),
        created: Some(created),
        start: ics_time(s.all_day, s.starts_at),
        end: ics_time(s.all_day, s.ends_at),
        floating: false,
        zone: String::new(),
        summary: s.title.clone(),
        location: if s.place.is_empty() {
            view.link.clone()
        } else {
            s.place.clone()
        },
        url: view.link.clone(),
        description: description_with_agenda(&view.description, &agenda),
        status: Some(ics_status(s.status)),
        categories: vec![s.kind.label().to_owned()],
        organizer,
        attendees,
        rrule: None,
        exdates: Vec::new(),
        raccordo_status: Some(s.status.as_str().to_owned()),
        agenda,
    };
    Ok(Occurrence {
        view,
        event,
        updated,
        created,
    })
}

/// Local (wall-clock) length of a meeting.
fn length(v: &MeetingView) -> Duration {
    v.summary.end - v.summary.start
}

/// The master event and the overrides of a series (see the module docs).
fn series_events(conn: &Connection, series_id: i64) -> Result<Vec<IcsEvent>> {
    let info = series_info(conn, series_id)?;
    let mut occ = Vec::with_capacity(info.occurrences.len());
    for (id, rid) in &info.occurrences {
        occ.push((*rid, occurrence(conn, *id)?));
    }
    // What the rule gives: the most common body and length among occurrences at their
    // original start (earliest on a tie).
    let key = |o: &Occurrence| {
        (
            ics::body_lines(&o.event),
            length(&o.view),
            o.view.summary.all_day,
        )
    };
    let mut counts: HashMap<_, (usize, DateTime<Utc>)> = HashMap::new();
    for (rid, o) in occ
        .iter()
        .filter(|(rid, o)| o.view.summary.starts_at == *rid)
    {
        let e = counts.entry(key(o)).or_insert((0, *rid));
        e.0 += 1;
    }
    let master_key = counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(k, _)| k);
    let regular = |rid: &DateTime<Utc>, o: &Occurrence| {
        o.view.summary.starts_at == *rid && master_key.as_ref() == Some(&key(o))
    };
    let Some((_, template)) = occ
        .iter()
        .find(|(rid, o)| regular(rid, o))
        .or_else(|| occ.first())
    else {
        return Ok(Vec::new());
    };
    let all_day = template.view.summary.all_day;
    let rule_start = occ
        .iter()
        .map(|(rid, _)| *rid)
        .chain(info.exdates.iter().copied())
        .min()
        .unwrap_or(template.view.summary.starts_at);
    let start_local: NaiveDateTime = time::utc_to_rome(rule_start);
    let end_local = start_local + length(&template.view);
    let end = time::rome_to_utc("end", end_local)
        .unwrap_or(rule_start + (template.view.summary.ends_at - template.view.summary.starts_at));
    let mut master = template.event.clone();
    master.start = ics_time(all_day, rule_start);
    master.end = ics_time(all_day, end);
    master.rrule = Some(info.rrule.clone());
    master.exdates = info.exdates.iter().map(|x| ics_time(all_day, *x)).collect();
    let regulars: Vec<&Occurrence> = occ
        .iter()
        .filter(|(rid, o)| regular(rid, o))
        .map(|(_, o)| o)
        .collect();
    master.sequence = regulars.iter().map(|o| o.view.sequence).max().unwrap_or(0);
    master.stamp = regulars.iter().map(|o| o.updated).max().or(master.stamp);
    master.created = occ.iter().map(|(_, o)| o.created).min().or(master.created);
    let mut out = vec![master];
    for (rid, o) in occ {
        if !regular(&rid, &o) {
            let mut e = o.event;
            e.recurrence_id = Some(ics_time(all_day, rid));
            out.push(e);
        }
    }
    Ok(out)
}

/// The meetings a selection names (ids checked), in no particular order.
fn selected(conn: &Connection, selection: &CalendarSelection) -> Result<Vec<MeetingSummary>> {
    match selection {
        CalendarSelection::Ids(ids) => ids
            .iter()
            .map(|id| meeting(conn, *id).map(|m| m.summary))
            .collect(),
        CalendarSelection::Filter(filter) => {
            let mut out = Vec::new();
            let mut f = filter.clone();
            f.limit = Some(LIST_MAX);
            f.offset = Some(0);
            loop {
                let page = list_meetings(conn, &f)?;
                let n = page.len();
                out.extend(page);
                if n < LIST_MAX as usize {
                    return Ok(out);
                }
                f.offset = Some(f.offset.unwrap_or(0) + LIST_MAX);
            }
        }
    }
}

/// The events of the selected meetings (whole series when any occurrence is selected), ordered
/// by start then UID; returns them with the number of meetings they stand for.
pub(super) fn events(
    conn: &Connection,
    selection: &CalendarSelection,
) -> Result<(Vec<IcsEvent>, usize)> {
    let chosen = selected(conn, selection)?;
    let mut singles = BTreeSet::new();
    let mut series = BTreeSet::new();
    for m in &chosen {
        match m.series_id {
            Some(s) => series.insert(s),
            None => singles.insert(m.id),
        };
    }
    let mut groups: Vec<Vec<IcsEvent>> = Vec::with_capacity(singles.len() + series.len());
    let mut meetings = singles.len();
    for id in singles {
        groups.push(vec![occurrence(conn, id)?.event]);
    }
    for s in series {
        meetings += series_info(conn, s)?.occurrences.len();
        groups.push(series_events(conn, s)?);
    }
    let sort_key = |g: &Vec<IcsEvent>| {
        g.first()
            .map(|e| (e.start.instant(), e.uid.clone()))
            .unwrap_or((DateTime::<Utc>::MIN_UTC, String::new()))
    };
    groups.sort_by_key(sort_key);
    Ok((groups.into_iter().flatten().collect(), meetings))
}
