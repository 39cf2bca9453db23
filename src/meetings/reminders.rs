//! Reminders of upcoming meetings while the app runs.
//!
//! Contract: the coordinator chooses how long before a meeting to be reminded
//! ([`ReminderSettings::leads_minutes`], default one day and one hour; empty = off). The desktop
//! shell asks [`due_reminders`] every half minute: a meeting (not cancelled or postponed) is due
//! when one of its reminder times has passed and it has not started yet, and no reminder for that
//! lead — or a nearer one — and that start was given before (so adding a longer lead later does
//! not announce again a meeting already announced). A meeting gives ONE reminder per check (the
//! nearest lead), and [`mark_reminded`] records every lead already passed, so an app opened an
//! hour before a meeting says it once, not twice. Moving a meeting re-arms its reminders. The
//! message tells the time actually left ("Tra 30 minuti" for an app opened half an hour before),
//! rounded as people say it ([`minutes_left`]).
//! [`claim_due_reminders`] is what the desktop loop calls: the due reminders, recorded as given in
//! the same transaction.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use super::read::{finish_summaries, summary_row, SUMMARY_SQL};
use super::types::MeetingSummary;
use crate::audit::{self, AuditAction};
use crate::db::Store;
use crate::error::{Error, Result};
use crate::time;

/// Longest lead: one week.
pub const MAX_LEAD_MINUTES: u32 = 7 * 24 * 60;
/// Default leads: the day before and one hour before.
pub const DEFAULT_LEADS: [u32; 2] = [1440, 60];

/// When to be reminded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReminderSettings {
    /// Minutes before the start, largest first; empty = no reminders.
    pub leads_minutes: Vec<u32>,
}

/// A reminder to give now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Reminder {
    pub meeting: MeetingSummary,
    /// The lead (of the settings) this reminder gives.
    pub lead_minutes: u32,
    /// Minutes left before the start when it was given, rounded ([`minutes_left`]).
    pub minutes_left: u32,
    /// "Tra 1 ora: Conferenza zonale … (il 25/03/2027 alle 10:00, Pisa)".
    pub message: String,
}

/// The stored settings (the defaults on a database that never saved them).
pub fn reminder_settings(conn: &Connection) -> Result<ReminderSettings> {
    let leads: Option<String> = conn
        .query_row(
            "SELECT leads FROM meeting_reminder_setting WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    let leads_minutes = match leads {
        None => DEFAULT_LEADS.to_vec(),
        Some(s) => s
            .split(',')
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse::<u32>()
                    .map_err(|e| Error::Internal(format!("stored reminder lead {p:?}: {e}")))
            })
            .collect::<Result<_>>()?,
    };
    Ok(ReminderSettings { leads_minutes })
}

/// Validates (each lead 1 minute … 1 week, at most 5, no repeats) and stores the settings.
pub fn save_reminder_settings(
    tx: &Transaction,
    input: &ReminderSettings,
) -> Result<ReminderSettings> {
    let mut leads = input.leads_minutes.clone();
    leads.sort_unstable_by(|a, b| b.cmp(a));
    leads.dedup();
    if leads.len() > 5 {
        return Err(Error::invalid(
            "leads_minutes",
            "Al massimo 5 promemoria per incontro.",
        ));
    }
    if let Some(bad) = leads.iter().find(|l| **l == 0 || **l > MAX_LEAD_MINUTES) {
        return Err(Error::invalid(
            "leads_minutes",
            format!(
                "Un promemoria {bad} minuti prima non è possibile: scegli da 1 minuto a 7 giorni prima."
            ),
        ));
    }
    let text: Vec<String> = leads.iter().map(u32::to_string).collect();
    tx.execute(
        "INSERT INTO meeting_reminder_setting (id, leads, updated_at) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET leads = excluded.leads, updated_at = excluded.updated_at",
        params![text.join(","), time::now_utc()],
    )?;
    audit::record(
        tx,
        AuditAction::Update,
        "settings",
        Some("reminders"),
        "Promemoria degli incontri modificati",
        Some(&json!({ "leads_minutes": leads })),
    )?;
    Ok(ReminderSettings {
        leads_minutes: leads,
    })
}

/// "1 giorno", "2 ore", "30 minuti", "1 ora e 30 minuti".
pub fn lead_label(minutes: u32) -> String {
    let (d, h, m) = (minutes / 1440, (minutes % 1440) / 60, minutes % 60);
    let part = |n: u32, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let mut parts = Vec::new();
    if d > 0 {
        parts.push(part(d, "giorno", "giorni"));
    }
    if h > 0 {
        parts.push(part(h, "ora", "ore"));
    }
    if m > 0 || parts.is_empty() {
        parts.push(part(m, "minuto", "minuti"));
    }
    parts.join(" e ")
}

/// The time left before a start, in minutes as people say it: to the minute under two hours,
/// to ten minutes under a day, to the hour beyond; at least 1.
pub fn minutes_left(left: Duration) -> u32 {
    let minutes = (left.num_seconds() + 30).div_euclid(60).max(1);
    let step = match minutes {
        m if m < 120 => 1,
        m if m < 1440 => 10,
        _ => 60,
    };
    let rounded = (minutes + step / 2) / step * step;
    u32::try_from(rounded).unwrap_or(u32::MAX)
}

/// The reminders to give at `now` (see the module contract), soonest meeting first.
pub fn due_reminders(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<Reminder>> {
    let settings = reminder_settings(conn)?;
    let Some(max) = settings.leads_minutes.iter().max().copied() else {
        return Ok(Vec::new());
    };
    let until = now + Duration::minutes(i64::from(max));
    let mut stmt = conn.prepare_cached(&format!(
        "{SUMMARY_SQL} WHERE m.starts_at > ?1 AND m.starts_at <= ?2
           AND m.status NOT IN ('cancelled', 'postponed')
         ORDER BY m.starts_at, m.id LIMIT 100"
    ))?;
    let rows = stmt.query_map(
        params![time::instant_iso(now), time::instant_iso(until)],
        summary_row,
    )?;
    let meetings = finish_summaries(conn, rows)?;
    let mut sent = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM meeting_reminder_sent
           WHERE meeting_id = ?1 AND starts_at = ?2 AND lead_minutes <= ?3)",
    )?;
    let mut out = Vec::new();
    for m in meetings {
        let left = m.starts_at - now;
        // The nearest lead already passed (smallest lead >= time left).
        let mut passed: Vec<u32> = settings
            .leads_minutes
            .iter()
            .copied()
            .filter(|l| Duration::minutes(i64::from(*l)) >= left)
            .collect();
        passed.sort_unstable();
        let Some(lead) = passed.first().copied() else {
            continue;
        };
        let done: bool = sent
            .query_row(params![m.id, time::instant_iso(m.starts_at), lead], |r| {
                r.get(0)
            })?;
        if done {
            continue;
        }
        let when = if m.all_day {
            format!("il {}", time::format_it(m.start.date()))
        } else {
            format!(
                "il {} alle {}",
                time::format_it(m.start.date()),
                m.start.format("%H:%M")
            )
        };
        let place = if m.place.is_empty() {
            String::new()
        } else {
            format!(", {}", m.place)
        };
        let minutes_left = minutes_left(left);
        out.push(Reminder {
            message: format!(
                "Tra {}: {} ({when}{place})",
                lead_label(minutes_left),
                m.title
            ),
            lead_minutes: lead,
            minutes_left,
            meeting: m,
        });
    }
    Ok(out)
}

/// Records that `reminder` was given, with every larger lead (already passed too).
pub fn mark_reminded(tx: &Transaction, reminder: &Reminder) -> Result<()> {
    let settings = reminder_settings(tx)?;
    let at = time::instant_iso(reminder.meeting.starts_at);
    for lead in settings
        .leads_minutes
        .iter()
        .filter(|l| **l >= reminder.lead_minutes)
    {
        tx.execute(
            "INSERT OR IGNORE INTO meeting_reminder_sent (meeting_id, starts_at, lead_minutes,
                sent_at) VALUES (?1, ?2, ?3, ?4)",
            params![reminder.meeting.id, at, lead, time::now_utc()],
        )?;
    }
    Ok(())
}

/// The reminders due at `now` ([`due_reminders`]), each recorded as given ([`mark_reminded`]) in
/// ONE transaction, so two processes on one database never both give the same reminder and a
/// reminder whose recording failed is given at the next check instead of being lost. A first
/// read keeps the usual check (nothing due) from taking the write lock.
pub fn claim_due_reminders(store: &Store, now: DateTime<Utc>) -> Result<Vec<Reminder>> {
    if store.read(|c| due_reminders(c, now))?.is_empty() {
        return Ok(Vec::new());
    }
    store.write(|tx| {
        let due = due_reminders(tx, now)?;
        for reminder in &due {
            mark_reminded(tx, reminder)?;
        }
        Ok(due)
    })
}
