//! What the user typed for `meeting add`/`edit`/`attend`/`propose`, turned into core inputs:
//! Europe/Rome date-times (`gg/mm/aaaa HH:MM`, ISO, a bare `HH:MM` for the end), scopes (a zone by
//! id or name), the edited [`MeetingInput`] (only the options given change) and attendance.
//! Every refusal is an Italian validation error naming the option.

use chrono::{Duration, NaiveDateTime, NaiveTime};
use rusqlite::Connection;

use raccordo::meetings::{
    self, AgendaItemInput, Attendance, AttendanceInput, InvitationInput, MeetingInput, MeetingKind,
    MeetingView, Scope, ScopeKind,
};
use raccordo::{text, time, Error};

use super::args::{AttendArgs, MeetingFields, ScopeArgs};

/// Length of a meeting when neither `--end` nor `--duration` is given.
const DEFAULT_MINUTES: u32 = 120;

/// What `meeting edit` changes besides [`MeetingFields`] and [`ScopeArgs`].
pub struct Edit {
    pub kind: Option<MeetingKind>,
    pub title: Option<String>,
    pub start: Option<String>,
    pub all_day: Option<bool>,
    pub uninvite: Vec<i64>,
    pub clear_agenda: bool,
}

/// The input of an edited meeting: the stored one with the options given applied.
pub fn edited(
    conn: &Connection,
    old: &MeetingView,
    e: &Edit,
    fields: &MeetingFields,
    scope: &ScopeArgs,
) -> raccordo::Result<MeetingInput> {
    let mut input = meetings::input_of(old);
    if let Some(k) = e.kind {
        input.kind = k;
    }
    if let Some(t) = &e.title {
        input.title = t.clone();
    }
    let all_day = e.all_day.unwrap_or(old.summary.all_day);
    let start = match &e.start {
        Some(s) => local_time("start", s, all_day)?,
        None => old.summary.start,
    };
    input.end = match typed_end(fields, start, all_day)? {
        Some(end) => end,
        None if all_day != old.summary.all_day => default_end(start, all_day),
        None => start + (old.summary.end - old.summary.start),
    };
    input.start = start;
    input.all_day = all_day;
    if let Some(s) = scope_for(conn, scope)? {
        input.scope = s;
    }
    for p in &e.uninvite {
        let before = input.invitations.len();
        input.invitations.retain(|i| i.person_id != Some(*p));
        if input.invitations.len() == before {
            return Err(Error::invalid(
                "uninvite",
                format!(
                    "La persona {p} non è tra gli invitati dell'incontro {}: controlla con \
                     «raccordo meeting show {}».",
                    old.summary.id, old.summary.id
                ),
            ));
        }
    }
    if e.clear_agenda {
        input.agenda.clear();
    }
    // The status goes through set_status (with its note) after the update.
    let status = input.status;
    apply_fields(conn, &mut input, fields)?;
    input.status = status;
    Ok(input)
}

/// Applies the shared options: texts, status, invitations (added), agenda (replaced if given).
pub fn apply_fields(
    conn: &Connection,
    input: &mut MeetingInput,
    f: &MeetingFields,
) -> raccordo::Result<()> {
    let set = |target: &mut String, v: &Option<String>| {
        if let Some(v) = v {
            target.clone_from(v);
        }
    };
    set(&mut input.place, &f.place);
    set(&mut input.link, &f.link);
    set(&mut input.organiser, &f.organiser);
    set(&mut input.description, &f.description);
    if let Some(s) = f.status {
        input.status = s;
    }
    if f.invite_proposed {
        let proposed =
            meetings::propose_invitees(conn, input.kind, &input.scope, input.start.date())?;
        input
            .invitations
            .extend(proposed.into_iter().map(|p| InvitationInput {
                person_id: p.person_id,
                organisation_id: Some(p.organisation_id),
                title: p.title,
            }));
    }
    input
        .invitations
        .extend(f.invite.iter().map(|p| InvitationInput {
            person_id: Some(*p),
            ..Default::default()
        }));
    if !f.agenda.is_empty() {
        input.agenda = f
            .agenda
            .iter()
            .map(|t| AgendaItemInput {
                title: t.clone(),
                ..Default::default()
            })
            .collect();
    }
    Ok(())
}

pub fn fields_empty(f: &MeetingFields) -> bool {
    f.end.is_none()
        && f.duration.is_none()
        && f.place.is_none()
        && f.link.is_none()
        && f.status.is_none()
        && f.organiser.is_none()
        && f.description.is_none()
        && !f.invite_proposed
        && f.invite.is_empty()
        && f.agenda.is_empty()
}

pub fn scope_empty(s: &ScopeArgs) -> bool {
    s.zone.is_none()
        && s.asl.is_none()
        && s.province.is_none()
        && s.unione.is_none()
        && s.comune.is_empty()
        && !s.region
        && !s.no_scope
}

pub fn attendance(a: AttendArgs, note: Option<String>) -> AttendanceInput {
    let attendance = if a.present {
        Attendance::Present
    } else if a.absent {
        Attendance::Absent
    } else if a.excused {
        Attendance::Excused
    } else if a.delegate_to.is_some() || a.delegate_name.is_some() {
        Attendance::Delegated
    } else {
        Attendance::Invited
    };
    AttendanceInput {
        attendance,
        delegate_person_id: a.delegate_to,
        delegate_name: a.delegate_name.unwrap_or_default(),
        note: note.unwrap_or_default(),
    }
}

/// The scope the options name (`None` when none is given).
fn scope_for(conn: &Connection, a: &ScopeArgs) -> raccordo::Result<Option<Scope>> {
    let base = |k: ScopeKind| Scope {
        kind: k,
        ..Scope::none()
    };
    Ok(Some(if let Some(z) = &a.zone {
        Scope {
            zone_id: Some(zone_ref(conn, z)?),
            ..base(ScopeKind::Zone)
        }
    } else if let Some(asl) = a.asl {
        Scope {
            asl: Some(asl),
            ..base(ScopeKind::Asl)
        }
    } else if let Some(p) = &a.province {
        Scope {
            province: Some(p.clone()),
            ..base(ScopeKind::Province)
        }
    } else if let Some(u) = a.unione {
        Scope {
            unione_org_id: Some(u),
            ..base(ScopeKind::Unione)
        }
    } else if !a.comune.is_empty() {
        Scope {
            comuni: a.comune.clone(),
            ..base(ScopeKind::Comune)
        }
    } else if a.region {
        base(ScopeKind::Region)
    } else if a.no_scope {
        Scope::none()
    } else {
        return Ok(None);
    }))
}

/// The scope of a new meeting: the one the options name, else [`default_scope`].
pub fn new_scope(conn: &Connection, kind: MeetingKind, a: &ScopeArgs) -> raccordo::Result<Scope> {
    match scope_for(conn, a)? {
        Some(s) => Ok(s),
        None => default_scope(kind),
    }
}

/// The scope of a new meeting given without scope options: the region or none when the kind
/// calls for that; otherwise the option to use is named.
fn default_scope(kind: MeetingKind) -> raccordo::Result<Scope> {
    let option = match kind.default_scope() {
        ScopeKind::Region => {
            return Ok(Scope {
                kind: ScopeKind::Region,
                ..Scope::none()
            })
        }
        ScopeKind::None => return Ok(Scope::none()),
        ScopeKind::Zone => "--zone (id o nome della zona-distretto)",
        ScopeKind::Asl => "--asl (nord-ovest, centro o sud-est)",
        ScopeKind::Province => "--province (codice ISTAT o sigla, ad esempio PI)",
        ScopeKind::Unione => "--unione (id dell'Unione dei Comuni)",
        ScopeKind::Comune => "--comune (codice ISTAT, ad esempio 050026)",
    };
    Err(Error::invalid(
        "scope",
        format!(
            "Per un incontro «{}» indica il territorio con {option}, oppure --no-scope.",
            kind.label()
        ),
    ))
}

/// A zone by id or by name ("Pisana", "zona pisana"; accents and case ignored; a unique part of
/// the name is enough).
pub fn zone_ref(conn: &Connection, typed: &str) -> raccordo::Result<i64> {
    if let Ok(id) = typed.trim().parse::<i64>() {
        return Ok(id);
    }
    let folded = text::fold(typed);
    let wanted = folded.strip_prefix("zona ").unwrap_or(&folded);
    let zones = raccordo::territory::zones(conn, time::today_rome())?;
    if let Some(z) = zones.iter().find(|z| text::fold(&z.name) == wanted) {
        return Ok(z.id);
    }
    let partial: Vec<_> = zones
        .iter()
        .filter(|z| !wanted.is_empty() && text::fold(&z.name).contains(wanted))
        .collect();
    match partial.as_slice() {
        [one] => Ok(one.id),
        [] => Err(Error::invalid(
            "zone",
            format!(
                "Nessuna zona-distretto si chiama «{}»: vedi i nomi e gli id con «raccordo zone \
                 list».",
                typed.trim()
            ),
        )),
        many => Err(Error::invalid(
            "zone",
            format!(
                "«{}» indica più zone ({}): scrivi il nome intero o l'id.",
                typed.trim(),
                many.iter()
                    .map(|z| format!("{} = {}", z.id, z.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

/// A local (Europe/Rome) date and time typed as `gg/mm/aaaa HH:MM` (or ISO `AAAA-MM-GGTHH:MM`);
/// the time may be left out only for an all-day meeting.
pub fn local_time(field: &str, typed: &str, all_day: bool) -> raccordo::Result<NaiveDateTime> {
    let s = typed.trim();
    let (day, hour) = match s.split_once('T').filter(|(d, _)| d.len() == 10) {
        Some((d, h)) => (d, Some(h)),
        None => match s.split_once(char::is_whitespace) {
            Some((d, h)) => (d, Some(h.trim())),
            None => (s, None),
        },
    };
    let date = time::parse_date(field, day)?;
    match hour {
        Some(h) => Ok(date.and_time(clock(field, h)?)),
        None if all_day => Ok(date.and_time(NaiveTime::MIN)),
        None => Err(Error::invalid(
            field,
            format!(
                "Manca l'ora in «{s}» (--{field}): scrivi ad esempio «{} 10:00», oppure usa \
                 --all-day per un incontro di un giorno intero.",
                time::format_it(date)
            ),
        )),
    }
}

/// `HH:MM` (also `H:MM`, `HH.MM`, `HH:MM:SS`).
fn clock(field: &str, typed: &str) -> raccordo::Result<NaiveTime> {
    ["%H:%M", "%H.%M", "%H:%M:%S"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(typed.trim(), f).ok())
        .ok_or_else(|| {
            Error::invalid(
                field,
                format!(
                    "Ora «{}» non valida (--{field}): scrivila come HH:MM, ad esempio 10:00.",
                    typed.trim()
                ),
            )
        })
}

/// The end given by `--end` or `--duration`, if any.
pub fn typed_end(
    f: &MeetingFields,
    start: NaiveDateTime,
    all_day: bool,
) -> raccordo::Result<Option<NaiveDateTime>> {
    match (&f.end, f.duration) {
        (Some(e), _) => end_time(e, start, all_day).map(Some),
        (None, Some(d)) => after(start, d, all_day).map(Some),
        (None, None) => Ok(None),
    }
}

/// The end typed with `--end`: a full date and time, only a time (the day of the start), or for
/// an all-day meeting the last day (included).
fn end_time(typed: &str, start: NaiveDateTime, all_day: bool) -> raccordo::Result<NaiveDateTime> {
    if all_day {
        let last = local_time("end", typed, true)?.date();
        return Ok((last + Duration::days(1)).and_time(NaiveTime::MIN));
    }
    match clock("end", typed) {
        Ok(t) => Ok(start.date().and_time(t)),
        Err(_) => local_time("end", typed, false),
    }
}

/// The end `minutes` after the start.
fn after(start: NaiveDateTime, minutes: u32, all_day: bool) -> raccordo::Result<NaiveDateTime> {
    let most = meetings::MAX_DAYS * 24 * 60;
    if all_day {
        return Err(Error::invalid(
            "duration",
            "--duration non vale per un incontro di un giorno intero: indica l'ultimo giorno con \
             --end.",
        ));
    }
    if minutes == 0 || i64::from(minutes) > most {
        return Err(Error::invalid(
            "duration",
            format!("La durata (--duration) va da 1 a {most} minuti."),
        ));
    }
    Ok(start + Duration::minutes(i64::from(minutes)))
}

pub fn default_end(start: NaiveDateTime, all_day: bool) -> NaiveDateTime {
    if all_day {
        (start.date() + Duration::days(1)).and_time(NaiveTime::MIN)
    } else {
        start + Duration::minutes(i64::from(DEFAULT_MINUTES))
    }
}
