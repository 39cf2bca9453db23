//! Recurring events on import: a master with RRULE/EXDATE and its RECURRENCE-ID overrides
//! become (or update) a series whose occurrences are matched by original start.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDateTime, Utc};

use super::import::{
    at, input_for, series_by_uid, too_long, typed_message, upsert, Ctx, Failure, Step,
};
use super::mapping::local_times;
use super::CalendarOutcome;
use crate::interchange::ics::IcsEvent;
use crate::meetings::clean::clean;
use crate::meetings::store::{create_series, raise_sequence, set_series_rule, write_imported};
use crate::meetings::types::MeetingKind;
use crate::meetings::{meeting_by_uid, recurrence, series_info};
use crate::time;

/// Local start → instant (the first of a repeated hour, like the store).
fn instant(field: &str, local: NaiveDateTime) -> crate::Result<DateTime<Utc>> {
    time::rome_to_utc(field, local)
}

/// A master event with RRULE, and its overrides.
pub(super) fn apply(ctx: &mut Ctx, master: &IcsEvent, overrides: &[&IcsEvent]) -> Step<()> {
    let rule = master.rrule.clone().unwrap_or_default();
    let (start, end, all_day) = local_times(master.start, master.end);
    let length = end - start;
    if let Some(why) = too_long(&input_for(ctx.tx, master, None, MeetingKind::Altro, None)?.0) {
        ctx.row(master, CalendarOutcome::Skipped, None, 0, why);
        for o in overrides {
            let why = "modifica un'occorrenza di una serie saltata".to_owned();
            ctx.row(o, CalendarOutcome::Skipped, None, 0, why);
        }
        return Ok(());
    }
    let except: Vec<NaiveDateTime> = master
        .exdates
        .iter()
        .map(|x| local_times(*x, *x).0)
        .collect();
    let exp = recurrence::expand("recurrence", &rule, start, &except).map_err(|e| at(master, e))?;
    let mut rids = Vec::with_capacity(exp.starts.len());
    for s in &exp.starts {
        rids.push(instant("start", *s).map_err(|e| at(master, e))?);
    }
    let except_at: Vec<DateTime<Utc>> = except
        .iter()
        .filter_map(|x| instant("recurrence", *x).ok())
        .collect();
    let mut by_rid: HashMap<DateTime<Utc>, &IcsEvent> = HashMap::new();
    for o in overrides {
        let Some(rid) = o.recurrence_id.map(|r| r.instant()) else {
            continue;
        };
        if rids.contains(&rid) {
            by_rid.insert(rid, o);
        } else {
            let why = if except_at.contains(&rid) {
                "modifica un'occorrenza che la serie esclude (EXDATE)".to_owned()
            } else if exp.truncated && rids.last().is_some_and(|l| rid > *l) {
                "modifica un'occorrenza oltre il limite di importazione della serie".to_owned()
            } else {
                "modifica un'occorrenza che la regola della serie non prevede".to_owned()
            };
            ctx.row(o, CalendarOutcome::Skipped, None, 0, why);
        }
    }
    let mut notes: Vec<String> = Vec::new();
    if exp.truncated {
        let last = exp
            .starts
            .last()
            .map(|l| time::format_it(l.date()))
            .unwrap_or_default();
        notes.push(format!(
            "la ripetizione va oltre il limite: importate {} occorrenze fino al {last} \
             (al massimo {} e {} anni)",
            exp.starts.len(),
            recurrence::MAX_OCCURRENCES,
            recurrence::HORIZON_YEARS
        ));
    }
    let was_single = meeting_by_uid(ctx.tx, &master.uid, None)?;
    if let Some(id) = was_single {
        ctx.tx.execute("DELETE FROM meeting WHERE id = ?1", [id])?;
        ctx.report.meetings_deleted += 1;
        notes.push("l'incontro singolo con questo UID è diventato una serie".into());
    }
    let times = |s: NaiveDateTime| Some((s, s + length, all_day));
    let existing = series_by_uid(ctx.tx, &master.uid)?;
    let (mut outcome, first_id, typed) = match existing {
        None => create(ctx, master, &rule, &except, &rids)?,
        Some(sid) => update(ctx, master, sid, &rule, &except_at, &rids, &by_rid, &times)?,
    };
    if was_single.is_some() && outcome == CalendarOutcome::Created {
        outcome = CalendarOutcome::Updated;
    }
    notes.push(typed);
    let kind = kind_of_series(ctx, first_id);
    // Overrides, in file order.
    let mut done = HashSet::new();
    for o in overrides {
        let Some(rid) = o.recurrence_id.map(|r| r.instant()) else {
            continue;
        };
        if !by_rid.contains_key(&rid) || !done.insert(rid) {
            continue;
        }
        let id = meeting_by_uid(ctx.tx, &master.uid, Some(rid))?;
        let (mut out, mid, msg) = upsert(ctx, o, id, None, kind, None)?;
        if outcome == CalendarOutcome::Created && out != CalendarOutcome::Skipped {
            out = CalendarOutcome::Created;
        }
        ctx.row(o, out, mid, 1, msg);
    }
    let message = notes
        .into_iter()
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    let message = if message.is_empty() {
        format!("serie di {} incontri", rids.len())
    } else {
        format!("serie di {} incontri; {message}", rids.len())
    };
    ctx.row(
        master,
        outcome,
        first_id,
        u32::try_from(rids.len()).unwrap_or(u32::MAX),
        message,
    );
    Ok(())
}

fn kind_of_series(ctx: &Ctx, first_id: Option<i64>) -> MeetingKind {
    first_id
        .and_then(|id| {
            ctx.tx
                .query_row("SELECT kind FROM meeting WHERE id = ?1", [id], |r| r.get(0))
                .ok()
        })
        .unwrap_or(MeetingKind::Altro)
}

/// Outcome of the master, its first meeting, and the message about attendees typed by name.
type Applied = (CalendarOutcome, Option<i64>, String);

/// A new series.
fn create(
    ctx: &mut Ctx,
    master: &IcsEvent,
    rule: &str,
    except: &[NaiveDateTime],
    rids: &[DateTime<Utc>],
) -> Step<Applied> {
    let (mut input, typed) = input_for(ctx.tx, master, None, MeetingKind::Altro, None)?;
    input.recurrence = Some(rule.to_owned());
    let c = clean(ctx.tx, &input, &HashSet::new()).map_err(|e| at(master, e))?;
    let ids = create_series(ctx.tx, &c, &master.uid, rule, except).map_err(|e| at(master, e))?;
    if ids.len() != rids.len() {
        return Err(Failure::Fatal(crate::Error::Internal(format!(
            "series expanded to {} then {} occurrences",
            rids.len(),
            ids.len()
        ))));
    }
    for id in &ids {
        raise_sequence(ctx.tx, *id, master.sequence)?;
    }
    ctx.report.meetings_created += u32::try_from(ids.len()).unwrap_or(u32::MAX);
    Ok((
        CalendarOutcome::Created,
        ids.first().copied(),
        typed_message(&typed),
    ))
}

/// An existing series: rule and exceptions replaced, occurrences kept, updated, created or
/// deleted by original start.
#[allow(clippy::too_many_arguments)]
fn update(
    ctx: &mut Ctx,
    master: &IcsEvent,
    series_id: i64,
    rule: &str,
    except_at: &[DateTime<Utc>],
    rids: &[DateTime<Utc>],
    overridden: &HashMap<DateTime<Utc>, &IcsEvent>,
    times: &dyn Fn(NaiveDateTime) -> Option<(NaiveDateTime, NaiveDateTime, bool)>,
) -> Step<Applied> {
    let info = series_info(ctx.tx, series_id)?;
    let mut changed = false;
    let mut wanted_except: Vec<DateTime<Utc>> = except_at.to_vec();
    wanted_except.sort();
    wanted_except.dedup();
    if info.rrule != rule || info.exdates != wanted_except {
        set_series_rule(ctx.tx, series_id, rule, &wanted_except)?;
        changed = true;
    }
    let (stored, rekeyed) = match_occurrences(&info.occurrences, rids);
    for (id, rid) in rekeyed {
        ctx.tx.execute(
            "UPDATE meeting SET recurrence_id = ?2 WHERE id = ?1",
            rusqlite::params![id, time::instant_iso(rid)],
        )?;
        changed = true;
    }
    let mut typed = String::new();
    let mut first_id = None;
    let kind = info
        .occurrences
        .first()
        .and_then(|(id, _)| {
            ctx.tx
                .query_row("SELECT kind FROM meeting WHERE id = ?1", [id], |r| r.get(0))
                .ok()
        })
        .unwrap_or(MeetingKind::Altro);
    for rid in rids {
        let local = time::utc_to_rome(*rid);
        let id = stored.get(rid).copied();
        if overridden.contains_key(rid) {
            // Written by its override; a missing occurrence is created from the master first.
            if id.is_none() {
                let (input, _) = input_for(ctx.tx, master, None, kind, times(local))?;
                let c = clean(ctx.tx, &input, &HashSet::new()).map_err(|e| at(master, e))?;
                let new = write_imported(ctx.tx, None, &c, &master.uid, Some((series_id, *rid)))
                    .map_err(|e| at(master, e))?;
                ctx.report.meetings_created += 1;
                first_id = first_id.or(Some(new));
            } else {
                first_id = first_id.or(id);
            }
            continue;
        }
        let series = Some((series_id, *rid));
        let (outcome, mid, msg) = upsert(ctx, master, id, series, kind, times(local))?;
        // Skipped cannot happen here: the master's length was checked before.
        if matches!(outcome, CalendarOutcome::Created | CalendarOutcome::Updated) {
            changed = true;
        }
        if typed.is_empty() {
            typed = msg;
        }
        first_id = first_id.or(mid);
    }
    let kept: HashSet<i64> = stored.values().copied().collect();
    let gone: Vec<i64> = info
        .occurrences
        .iter()
        .map(|(id, _)| *id)
        .filter(|id| !kept.contains(id))
        .collect();
    for id in gone {
        ctx.tx.execute("DELETE FROM meeting WHERE id = ?1", [id])?;
        ctx.report.meetings_deleted += 1;
        changed = true;
    }
    let outcome = if changed {
        CalendarOutcome::Updated
    } else {
        CalendarOutcome::Unchanged
    };
    Ok((outcome, first_id, typed))
}

/// Stored occurrence (meeting id) by the original start of the file it stands for.
type Matched = HashMap<DateTime<Utc>, i64>;

/// Which stored occurrence stands for each original start of the file: the one with that very
/// start, else one on the same day (the whole series moved to another time: its attendance and
/// minutes stay with it). Returns the match, and the occurrences whose original start changes.
fn match_occurrences(
    stored: &[(i64, DateTime<Utc>)],
    rids: &[DateTime<Utc>],
) -> (Matched, Vec<(i64, DateTime<Utc>)>) {
    let mut out: Matched = stored
        .iter()
        .filter(|(_, rid)| rids.contains(rid))
        .map(|(id, rid)| (*rid, *id))
        .collect();
    let mut used: HashSet<i64> = out.values().copied().collect();
    let mut rekeyed = Vec::new();
    let missing: Vec<DateTime<Utc>> = rids
        .iter()
        .filter(|r| !out.contains_key(r))
        .copied()
        .collect();
    for rid in &missing {
        let day = time::utc_to_rome(*rid).date();
        if let Some((id, _)) = stored
            .iter()
            .find(|(id, old)| !used.contains(id) && time::utc_to_rome(*old).date() == day)
        {
            used.insert(*id);
            out.insert(*rid, *id);
            rekeyed.push((*id, *rid));
        }
    }
    (out, rekeyed)
}

/// Overrides whose master is not in the file: applied to the stored series, if any.
pub(super) fn apply_overrides(ctx: &mut Ctx, overrides: &[&IcsEvent]) -> Step<()> {
    for o in overrides {
        let Some(rid) = o.recurrence_id.map(|r| r.instant()) else {
            continue;
        };
        let found = match series_by_uid(ctx.tx, &o.uid)? {
            Some(_) => meeting_by_uid(ctx.tx, &o.uid, Some(rid))?,
            None => None,
        };
        let Some(id) = found else {
            ctx.row(
                o,
                CalendarOutcome::Skipped,
                None,
                0,
                "modifica un'occorrenza di una serie che non è né nel file né nel calendario: \
                 esporta l'intera serie"
                    .into(),
            );
            continue;
        };
        let (outcome, mid, msg) = upsert(ctx, o, Some(id), None, MeetingKind::Altro, None)?;
        ctx.row(o, outcome, mid, 1, msg);
    }
    Ok(())
}
