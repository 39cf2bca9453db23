//! How a meeting and an iCalendar event correspond, in both directions. Every rule that the
//! export applies has its inverse here, so that importing an export changes nothing.

use chrono::{DateTime, NaiveDateTime, NaiveTime, Utc};
use rusqlite::{Connection, OptionalExtension};

use crate::interchange::csv_contacts::is_email;
use crate::interchange::ics::{IcsAttendee, IcsEvent, IcsStatus, IcsTime, PartStat};
use crate::meetings::types::*;
use crate::text;
use crate::time;

/// STATUS written for a meeting status (held → CONFIRMED, postponed → TENTATIVE: the meeting
/// stays visible in other calendars; Raccordo's own status travels in `X-RACCORDO-STATUS`).
pub(super) fn ics_status(s: MeetingStatus) -> IcsStatus {
    match s {
        MeetingStatus::Planned | MeetingStatus::Postponed => IcsStatus::Tentative,
        MeetingStatus::Confirmed | MeetingStatus::Held => IcsStatus::Confirmed,
        MeetingStatus::Cancelled => IcsStatus::Cancelled,
    }
}

/// The status of an imported event: `X-RACCORDO-STATUS` when STATUS agrees with it, else the
/// stored status when STATUS agrees with it, else STATUS (TENTATIVE or none → planned).
pub(super) fn status_of(ev: &IcsEvent, stored: Option<MeetingStatus>) -> MeetingStatus {
    let agrees = |s: MeetingStatus| ev.status.is_none_or(|st| st == ics_status(s));
    if let Some(own) = ev
        .raccordo_status
        .as_deref()
        .and_then(|s| s.parse::<MeetingStatus>().ok())
        .filter(|s| agrees(*s))
    {
        return own;
    }
    if let Some(s) = stored.filter(|s| agrees(*s)) {
        return s;
    }
    match ev.status {
        Some(IcsStatus::Confirmed) => MeetingStatus::Confirmed,
        Some(IcsStatus::Cancelled) => MeetingStatus::Cancelled,
        Some(IcsStatus::Tentative) | None => MeetingStatus::Planned,
    }
}

/// The kind named by a category (its Italian label or wire name, accents and case ignored).
pub(super) fn kind_of(categories: &[String]) -> Option<MeetingKind> {
    categories.iter().find_map(|c| {
        let c = text::fold(c);
        MeetingKind::ALL
            .iter()
            .copied()
            .find(|k| text::fold(k.label()) == c || text::fold(k.as_str()) == c)
    })
}

/// "Nome <e-mail>" → (name, e-mail); an e-mail alone is both; anything else is a name.
pub(super) fn split_name_email(s: &str) -> (String, Option<String>) {
    if is_email(s.trim()) {
        return (s.trim().to_owned(), Some(s.trim().to_owned()));
    }
    if let Some(inner) = s.trim().strip_suffix('>') {
        if let Some((name, email)) = inner.rsplit_once('<') {
            if is_email(email.trim()) {
                return (name.trim().to_owned(), Some(email.trim().to_owned()));
            }
        }
    }
    (s.trim().to_owned(), None)
}

/// The inverse of [`split_name_email`]; a name that is the e-mail itself (Google writes
/// `CN=a@b.it`) gives the e-mail alone.
pub(super) fn join_name_email(name: &str, email: Option<&str>) -> String {
    match (name.trim(), email) {
        ("", Some(e)) => e.to_owned(),
        (n, Some(e)) if n.eq_ignore_ascii_case(e) => e.to_owned(),
        (n, Some(e)) => format!("{n} <{e}>"),
        (n, None) => n.to_owned(),
    }
}

fn partstat(a: Attendance) -> PartStat {
    match a {
        Attendance::Invited => PartStat::NeedsAction,
        Attendance::Present => PartStat::Accepted,
        Attendance::Absent | Attendance::Excused => PartStat::Declined,
        Attendance::Delegated => PartStat::Delegated,
    }
}

/// The ATTENDEE of an invitation: the person's name and e-mail; a vacant office as
/// "Sindaco — Comune di X"; a typed name as written ("Nome <e-mail>" gives the e-mail).
pub(super) fn attendee_of(inv: &InvitationView, delegate_email: Option<&str>) -> IcsAttendee {
    let (name, email) = match (&inv.person_name, &inv.organisation_name) {
        (Some(person), _) => (person.clone(), inv.email.clone()),
        (None, Some(org)) if inv.title.trim().is_empty() => (org.clone(), None),
        (None, Some(org)) => (format!("{} — {org}", inv.title.trim()), None),
        (None, None) => split_name_email(&inv.title),
    };
    IcsAttendee {
        name,
        email,
        partstat: Some(partstat(inv.attendance)),
        delegated_to: (inv.attendance == Attendance::Delegated)
            .then(|| delegate_email.map(str::to_owned))
            .flatten(),
    }
}

/// Who an attendee is, for matching an event's attendees with stored invitations.
pub(super) fn identity(a: &IcsAttendee) -> (String, String) {
    (
        a.email.as_deref().unwrap_or("").to_lowercase(),
        a.name.clone(),
    )
}

/// The person whose e-mail (any of theirs, case ignored) this is.
pub(super) fn person_by_email(conn: &Connection, email: &str) -> crate::Result<Option<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT person_id FROM person_email WHERE email_lower = ?1 ORDER BY person_id LIMIT 1",
    )?;
    Ok(stmt
        .query_row([email.to_lowercase()], |r| r.get(0))
        .optional()?)
}

/// The agenda as text for people, appended to the DESCRIPTION.
fn agenda_block(agenda: &[AgendaItemInput]) -> String {
    let mut s = "Ordine del giorno:".to_owned();
    for (i, a) in agenda.iter().enumerate() {
        s.push_str(&format!("\n{}. {}", i + 1, a.title));
        let extra: Vec<String> = [
            (!a.presenter.is_empty()).then(|| a.presenter.clone()),
            a.duration_min.map(|m| format!("{m} min")),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !extra.is_empty() {
            s.push_str(&format!(" ({})", extra.join(", ")));
        }
        for line in a.notes.lines() {
            s.push_str("\n   ");
            s.push_str(line);
        }
    }
    s
}

/// DESCRIPTION: the description, then the agenda (when there is one).
pub(super) fn description_with_agenda(description: &str, agenda: &[AgendaItemInput]) -> String {
    if agenda.is_empty() {
        return description.to_owned();
    }
    if description.is_empty() {
        return agenda_block(agenda);
    }
    format!("{description}\n\n{}", agenda_block(agenda))
}

/// The inverse of [`description_with_agenda`]: the description without the agenda text (the
/// whole text when it does not end with exactly that agenda).
pub(super) fn description_without_agenda(text: &str, agenda: &[AgendaItemInput]) -> String {
    if agenda.is_empty() {
        return text.to_owned();
    }
    let block = agenda_block(agenda);
    match text.strip_suffix(block.as_str()) {
        Some("") => String::new(),
        Some(rest) if rest.ends_with("\n\n") => rest.trim_end().to_owned(),
        _ => text.to_owned(),
    }
}

/// Local (Europe/Rome) start and end of an event, and whether it is all-day.
pub(super) fn local_times(start: IcsTime, end: IcsTime) -> (NaiveDateTime, NaiveDateTime, bool) {
    match (start, end) {
        (IcsTime::Date(s), IcsTime::Date(e)) => {
            (s.and_time(NaiveTime::MIN), e.and_time(NaiveTime::MIN), true)
        }
        (s, e) => (
            time::utc_to_rome(s.instant()),
            time::utc_to_rome(e.instant()),
            false,
        ),
    }
}

/// A meeting's start or end as written in a file: a day when all-day.
pub(super) fn ics_time(all_day: bool, instant: DateTime<Utc>) -> IcsTime {
    if all_day {
        IcsTime::Date(time::utc_to_rome(instant).date())
    } else {
        IcsTime::Instant(instant)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agenda_text_is_removed_again_from_the_description() {
        let agenda = vec![
            AgendaItemInput {
                title: "Bilancio SAI".into(),
                presenter: "Conti".into(),
                duration_min: Some(30),
                notes: "prima riga\nseconda".into(),
            },
            AgendaItemInput {
                title: "Varie".into(),
                ..AgendaItemInput::default()
            },
        ];
        for d in ["", "Convocazione\n\ncon allegati"] {
            let text = description_with_agenda(d, &agenda);
            assert_eq!(
                description_without_agenda(&text, &agenda),
                d,
                "the agenda block comes off {text:?}"
            );
        }
        assert_eq!(
            description_without_agenda("testo cambiato altrove", &agenda),
            "testo cambiato altrove",
            "a text that does not end with the agenda is kept whole"
        );
    }

    #[test]
    fn names_and_emails_split_and_join() {
        assert_eq!(
            split_name_email("Mario Rossi <m.rossi@comune.pisa.it>"),
            (
                "Mario Rossi".to_owned(),
                Some("m.rossi@comune.pisa.it".to_owned())
            ),
            "name and e-mail"
        );
        assert_eq!(
            split_name_email("Ufficio <senza chiocciola>"),
            ("Ufficio <senza chiocciola>".to_owned(), None),
            "not an e-mail: all name"
        );
        assert_eq!(
            join_name_email("", Some("a@b.it")),
            "a@b.it",
            "e-mail alone"
        );
        assert_eq!(
            join_name_email("A@B.it", Some("a@b.it")),
            "a@b.it",
            "a name that is the e-mail is not repeated"
        );
    }

    #[test]
    fn statuses_travel_exactly_when_status_agrees() {
        let mut ev = crate::interchange::ics::read(
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20270325T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        )
        .map(|r| r.events)
        .unwrap_or_default()
        .pop()
        .unwrap_or_else(|| panic!("one event"));
        for s in MeetingStatus::ALL {
            ev.status = Some(ics_status(*s));
            ev.raccordo_status = Some(s.as_str().to_owned());
            assert_eq!(status_of(&ev, None), *s, "{s:?} round trip");
        }
        ev.status = Some(IcsStatus::Cancelled);
        ev.raccordo_status = Some("held".into());
        assert_eq!(
            status_of(&ev, Some(MeetingStatus::Held)),
            MeetingStatus::Cancelled,
            "cancelled elsewhere wins over a stale X-RACCORDO-STATUS"
        );
    }
}
