//! `meeting` commands: thin callers of `raccordo::meetings`; writes print only after COMMIT.
//!
//! Contract: `list` (filters of the calendar, or `--comune` for what concerned a comune), `show`,
//! `add` (single or `--repeat` series; `--invite-proposed` invites the offices the kind calls for,
//! resolved on the meeting date), `edit` (only the options given change; `--status` with
//! `--note`), `attend` (attendance of one invitation, delegate included), `delete` (`--series`
//! for the whole series) and `propose`. Times are typed and printed as Europe/Rome wall-clock
//! times (`gg/mm/aaaa HH:MM`); an input error is an Italian validation message naming the option.

use std::path::Path;
use std::process::ExitCode;

use raccordo::meetings::{self, MeetingFilter, MeetingInput, MeetingStatus, MeetingView};
use raccordo::{time, Error, Store};

pub(crate) mod args;
mod extra;
pub(crate) mod input;
mod show;

use crate::cli::output::{Format, Out};
use crate::cli::Failure;
use args::ListFilter;
pub use args::MeetingCommand;
use input::{self as typed, Edit};

type CmdResult = Result<ExitCode, Failure>;

pub fn run(db: &Path, command: MeetingCommand, out: &mut Out) -> CmdResult {
    let store = Store::open(db)?;
    match command {
        MeetingCommand::List { filter, format } => list(&store, filter, format, out)?,
        MeetingCommand::Show { id, format } => {
            let m = store.read(|c| meetings::meeting(c, id))?;
            match format {
                Format::Json => out.json(&m)?,
                _ => show::meeting(out, &m)?,
            }
        }
        MeetingCommand::Add {
            kind,
            title,
            start,
            all_day,
            fields,
            scope,
            repeat,
        } => {
            let start = typed::local_time("start", &start, all_day)?;
            let end = match typed::typed_end(&fields, start, all_day)? {
                Some(end) => end,
                None => typed::default_end(start, all_day),
            };
            let m = store.write(|tx| {
                let scope = typed::new_scope(tx, kind, &scope)?;
                let mut input = MeetingInput {
                    kind,
                    title,
                    start,
                    end,
                    all_day,
                    place: String::new(),
                    link: String::new(),
                    status: MeetingStatus::Planned,
                    scope,
                    organiser: String::new(),
                    description: String::new(),
                    invitations: Vec::new(),
                    agenda: Vec::new(),
                    recurrence: repeat,
                };
                typed::apply_fields(tx, &mut input, &fields)?;
                meetings::create_meeting(tx, &input)
            })?;
            added(&store, out, &m)?;
        }
        MeetingCommand::Edit {
            id,
            kind,
            title,
            start,
            all_day,
            timed,
            fields,
            scope,
            uninvite,
            clear_agenda,
            note,
        } => {
            let nothing = kind.is_none()
                && title.is_none()
                && start.is_none()
                && !all_day
                && !timed
                && typed::fields_empty(&fields)
                && typed::scope_empty(&scope)
                && uninvite.is_empty()
                && !clear_agenda;
            if nothing {
                return Err(Failure::Usage(format!(
                    "nessuna modifica indicata per l'incontro {id}: usa «raccordo meeting edit \
                     --help» per le opzioni"
                )));
            }
            let edit = Edit {
                kind,
                title,
                start,
                all_day: if all_day {
                    Some(true)
                } else if timed {
                    Some(false)
                } else {
                    None
                },
                uninvite,
                clear_agenda,
            };
            let m = store.write(|tx| {
                let old = meetings::meeting(tx, id)?;
                let input = typed::edited(tx, &old, &edit, &fields, &scope)?;
                // Only the status changes: no rewrite (the revision grows once, in set_status).
                let m = if input == meetings::input_of(&old) {
                    old
                } else {
                    meetings::update_meeting(tx, id, &input)?
                };
                match fields.status {
                    Some(s) => meetings::set_status(tx, id, s, note.as_deref().unwrap_or("")),
                    None => Ok(m),
                }
            })?;
            out.line(&format!(
                "Incontro {} aggiornato: {}.",
                m.summary.id,
                show::describe(&m.summary)
            ))?;
        }
        MeetingCommand::Attend {
            invitation,
            answer,
            note,
        } => {
            let input = typed::attendance(answer, note);
            let v = store.write(|tx| meetings::set_attendance(tx, invitation, &input))?;
            out.line(&format!(
                "Invito {}: {} – {}.",
                v.id,
                show::invitee(&v),
                show::attendance(&v)
            ))?;
        }
        MeetingCommand::Delete { id, series } => delete(&store, id, series, out)?,
        MeetingCommand::Extra(command) => extra::run(&store, command, out)?,
        MeetingCommand::Propose {
            kind,
            scope,
            date,
            format,
        } => {
            let on = match date {
                Some(d) => time::parse_date("date", &d)?,
                None => time::today_rome(),
            };
            let proposed = store.read(|c| {
                let scope = typed::new_scope(c, kind, &scope)?;
                meetings::propose_invitees(c, kind, &scope, on)
            })?;
            match format {
                Format::Json => out.json(&proposed)?,
                f => show::proposed(out, f, &proposed)?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn list(store: &Store, f: ListFilter, format: Format, out: &mut Out) -> Result<(), Failure> {
    let from = f
        .from
        .as_deref()
        .map(|s| time::parse_date("from", s))
        .transpose()?;
    let to =
        f.to.as_deref()
            .map(|s| time::parse_date("to", s))
            .transpose()?;
    let (rows, total) = store.read(|c| {
        if let Some(code) = &f.comune {
            // Refuses an unknown code (every comune is concerned by regional meetings).
            raccordo::territory::comune(c, code, time::today_rome())?;
            let all = meetings::comune_meetings(c, code)?;
            let total = i64::try_from(all.len()).unwrap_or(i64::MAX);
            let page = all
                .into_iter()
                .skip(f.offset as usize)
                .take(f.limit as usize)
                .collect();
            return Ok((page, total));
        }
        let filter = MeetingFilter {
            from,
            to,
            kinds: f.kinds.clone(),
            asl: f.asl,
            zone_id: f
                .zone
                .as_deref()
                .map(|z| typed::zone_ref(c, z))
                .transpose()?,
            statuses: f.status.clone(),
            text: f.search.clone().unwrap_or_default(),
            limit: Some(f.limit),
            offset: Some(f.offset),
            with_minutes: f.with_minutes.then_some(true),
        };
        Ok((
            meetings::list_meetings(c, &filter)?,
            meetings::count_meetings(c, &filter)?,
        ))
    })?;
    let with_minutes = f.with_minutes;
    match format {
        Format::Json => out.json(&rows)?,
        f if with_minutes => {
            let labels = store.read(|c| {
                rows.iter()
                    .map(|m| {
                        Ok(match raccordo::minutes::minutes(c, m.id)? {
                            Some(v) if v.revision > 0 => {
                                format!("{} (revisione {})", v.status.label(), v.revision)
                            }
                            Some(v) => v.status.label().to_owned(),
                            None => String::new(),
                        })
                    })
                    .collect::<raccordo::Result<Vec<_>>>()
            })?;
            show::summaries_with(out, f, &rows, Some(&labels))?
        }
        f => show::summaries(out, f, &rows)?,
    }
    if format == Format::Table {
        let shown = rows.len() as i64;
        let more = if total > i64::from(f.offset) + shown {
            format!(
                "; usa --offset {} per i successivi",
                u64::from(f.offset) + shown as u64
            )
        } else {
            String::new()
        };
        out.line(&format!(
            "Incontri mostrati: {shown} su {}{more}.",
            crate::cli::output::thousands(total)
        ))?;
    }
    Ok(())
}

fn added(store: &Store, out: &mut Out, m: &MeetingView) -> Result<(), Failure> {
    let vacant = m
        .invitations
        .iter()
        .filter(|i| i.person_id.is_none() && i.organisation_id.is_some())
        .count();
    let vacant = if vacant > 0 {
        format!(" ({vacant} cariche senza titolare: invitato l'ente)")
    } else {
        String::new()
    };
    match m.summary.series_id {
        Some(sid) => {
            let info = store.read(|c| meetings::series_info(c, sid))?;
            out.line(&format!(
                "Serie {sid} creata: {} incontri, il primo è l'incontro {}: {}{vacant}.",
                info.occurrences.len(),
                m.summary.id,
                show::describe(&m.summary)
            ))?;
        }
        None => out.line(&format!(
            "Incontro {} creato: {}{vacant}.",
            m.summary.id,
            show::describe(&m.summary)
        ))?,
    }
    Ok(())
}

fn delete(store: &Store, id: i64, series: bool, out: &mut Out) -> Result<(), Failure> {
    let (m, removed) = store.write(|tx| {
        let m = meetings::meeting(tx, id)?;
        match (series, m.summary.series_id) {
            (true, Some(sid)) => {
                let n = meetings::delete_series(tx, sid)?;
                Ok((m.summary, Some(n)))
            }
            (true, None) => Err(Error::invalid(
                "series",
                format!(
                    "L'incontro {id} non fa parte di una serie: togli --series per eliminarlo da solo."
                ),
            )),
            (false, _) => Ok((meetings::delete_meeting(tx, id)?, None)),
        }
    })?;
    let line = match removed {
        Some(n) => format!(
            "Eliminata la serie di {n} incontri di cui faceva parte l'incontro {id}: {}.",
            show::describe(&m)
        ),
        None if m.series_id.is_some() => format!(
            "Eliminato l'incontro {id}: {}. La serie continua senza questa data (eccezione \
             registrata).",
            show::describe(&m)
        ),
        None => format!("Eliminato l'incontro {id}: {}.", show::describe(&m)),
    };
    out.line(&line)?;
    Ok(())
}
