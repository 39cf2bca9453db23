//! One VEVENT's properties → an [`IcsEvent`], or the reason (with its line) it cannot be read.

use chrono::{Datelike, Duration, NaiveDateTime, NaiveTime};

use super::lexer::Prop;
use super::values::{parse_duration, parse_time, parse_utc, rule_with_utc_until, RawTime, YEARS};
use super::zones::{Zone, Zones};
use super::{IcsAttendee, IcsEvent, IcsStatus, IcsTime, PartStat, MAX_VALUES_PER_EVENT};
use crate::interchange::content_line::{split_unescaped, unescape};
use crate::interchange::csv_contacts::is_email;
use crate::interchange::record::RowIssue;

/// Longest UID accepted.
const UID_MAX: usize = 1000;

/// A VEVENT as read: its first line and properties (nested components left out).
#[derive(Debug, Default)]
pub(super) struct RawEvent {
    pub line: u32,
    pub props: Vec<Prop>,
    /// The first problem met while reading its lines.
    pub problem: Option<RowIssue>,
}

/// How times without a time zone are read: the calendar's `X-WR-TIMEZONE`, else Europe/Rome.
pub(super) struct Floating {
    pub zone: Zone,
    pub label: String,
}

fn issue(line: u32, message: String) -> RowIssue {
    RowIssue { line, message }
}

/// Single-line text: escapes undone, line breaks and control characters turned into spaces.
fn one_line(raw: &str) -> String {
    unescape(raw)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// A `mailto:` address; None for other URIs (`invalid:nomail`, `urn:…`) or invalid addresses.
fn mail_of(value: &str) -> Option<String> {
    let v = value.trim();
    let addr = v
        .get(..7)
        .filter(|p| p.eq_ignore_ascii_case("mailto:"))
        .map(|_| &v[7..])?;
    let addr = addr.trim();
    is_email(addr).then(|| addr.to_owned())
}

fn partstat(v: &str) -> Option<PartStat> {
    Some(match v.to_ascii_uppercase().as_str() {
        "NEEDS-ACTION" => PartStat::NeedsAction,
        "ACCEPTED" => PartStat::Accepted,
        "DECLINED" => PartStat::Declined,
        "TENTATIVE" => PartStat::Tentative,
        "DELEGATED" => PartStat::Delegated,
        _ => return None,
    })
}

fn person(p: &Prop) -> IcsAttendee {
    let email = mail_of(&p.value);
    // A parameter value, not TEXT: no backslash escapes (RFC 6868 carets are already undone).
    let name = p
        .param("CN")
        .map(|n| n.replace(char::is_control, " ").trim().to_owned())
        .unwrap_or_default();
    IcsAttendee {
        name,
        email,
        partstat: p.param("PARTSTAT").and_then(partstat),
        delegated_to: p.param("DELEGATED-TO").and_then(mail_of),
    }
}

/// Deterministic UID for an event without one (FNV-1a of title and start), so that importing the
/// same file twice finds the same events.
fn derived_uid(summary: &str, start: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in summary.bytes().chain([0]).chain(start.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("senza-uid-{h:016x}@raccordo")
}

/// Times of one event, resolved with the file's zones.
struct Times<'a> {
    zones: &'a mut Zones,
    floating: &'a Floating,
    notes: Vec<RowIssue>,
}

impl Times<'_> {
    /// A DATE or DATE-TIME value of property `p` (one element of a list for EXDATE).
    fn time(&mut self, p: &Prop, value: &str) -> Result<(IcsTime, String, bool), RowIssue> {
        let raw = parse_time(value).ok_or_else(|| {
            issue(
                p.line,
                format!(
                    "riga {}: «{}» in {} non è una data valida (si attende AAAAMMGG o \
                     AAAAMMGGTHHMMSS, ad esempio 20270325T100000)",
                    p.line,
                    value.trim(),
                    p.name
                ),
            )
        })?;
        let local = match raw {
            RawTime::Date(d) => return self.checked(p, IcsTime::Date(d), String::new(), false),
            RawTime::Utc(t) => {
                return self.checked(p, IcsTime::Instant(t.and_utc()), "UTC".into(), false)
            }
            RawTime::Local(t) => t,
        };
        let (zone, label, floating) = match p.param("TZID") {
            Some(tzid) => {
                let zone = self
                    .zones
                    .resolve(tzid)
                    .map_err(|why| issue(p.line, format!("riga {}: {} ({why})", p.line, p.name)))?;
                (zone, tzid.trim().trim_matches('"').to_owned(), false)
            }
            None => (self.floating.zone.clone(), String::new(), true),
        };
        let at = zone.to_utc(local).ok_or_else(|| {
            issue(
                p.line,
                format!(
                    "riga {}: l'orario di {} non esiste nel suo fuso orario",
                    p.line, p.name
                ),
            )
        })?;
        if floating && p.name == "DTSTART" {
            self.notes.push(issue(
                p.line,
                format!(
                    "riga {}: orario senza fuso orario, letto come ora {}",
                    p.line, self.floating.label
                ),
            ));
        }
        self.checked(p, IcsTime::Instant(at), label, floating)
    }

    /// `t` when it lies within [`YEARS`] (also in Rome time), else the rejection.
    fn checked(
        &self,
        p: &Prop,
        t: IcsTime,
        label: String,
        floating: bool,
    ) -> Result<(IcsTime, String, bool), RowIssue> {
        if in_years(t) {
            return Ok((t, label, floating));
        }
        Err(issue(
            p.line,
            format!(
                "riga {}: la data di {} è fuori dagli anni gestiti ({}–{})",
                p.line,
                p.name,
                YEARS.start(),
                YEARS.end()
            ),
        ))
    }

    /// The zone used to read a local UNTIL: DTSTART's.
    fn zone_of(&mut self, p: &Prop) -> Zone {
        match p.param("TZID").map(|t| self.zones.resolve(t)) {
            Some(Ok(z)) => z,
            _ => self.floating.zone.clone(),
        }
    }
}

/// The day or instant lies within [`YEARS`], in UTC and in Rome time.
fn in_years(t: IcsTime) -> bool {
    match t {
        IcsTime::Date(d) => YEARS.contains(&d.year()),
        IcsTime::Instant(i) => {
            YEARS.contains(&i.year()) && YEARS.contains(&crate::time::utc_to_rome(i).year())
        }
    }
}

fn too_many(line: u32, what: &str) -> RowIssue {
    issue(
        line,
        format!(
            "riga {line}: l'evento ha più di {MAX_VALUES_PER_EVENT} {what}: non è un evento \
             di calendario realistico"
        ),
    )
}

/// Converts one event; the notes say what was assumed or skipped.
pub(super) fn convert(
    raw: RawEvent,
    zones: &mut Zones,
    floating: &Floating,
) -> Result<(IcsEvent, Vec<RowIssue>), RowIssue> {
    if let Some(problem) = raw.problem {
        return Err(problem);
    }
    let line = raw.line;
    let props = raw.props;
    let first = |name: &str| props.iter().find(|p| p.name == name);
    let mut t = Times {
        zones,
        floating,
        notes: Vec::new(),
    };
    let Some(dtstart) = first("DTSTART") else {
        return Err(issue(
            line,
            format!("riga {line}: l'evento non ha DTSTART (data di inizio): non si può importare"),
        ));
    };
    let (start, zone, is_floating) = t.time(dtstart, &dtstart.value)?;
    let end = match (first("DTEND"), first("DURATION")) {
        (Some(p), _) => {
            let (end, ..) = t.time(p, &p.value)?;
            match (start, end) {
                (IcsTime::Date(s), IcsTime::Date(e)) if e <= s => {
                    IcsTime::Date(s + Duration::days(1))
                }
                (IcsTime::Date(_), IcsTime::Instant(_))
                | (IcsTime::Instant(_), IcsTime::Date(_)) => {
                    return Err(issue(
                        p.line,
                        format!(
                            "riga {}: DTEND e DTSTART devono essere entrambi giorni interi o \
                             entrambi orari",
                            p.line
                        ),
                    ))
                }
                (_, e) if e < start => {
                    return Err(issue(
                        p.line,
                        format!(
                            "riga {}: la fine (DTEND) è prima dell'inizio (DTSTART)",
                            p.line
                        ),
                    ))
                }
                (_, e) => e,
            }
        }
        (None, Some(p)) => {
            let bad = || {
                issue(
                    p.line,
                    format!(
                        "riga {}: DURATION «{}» non è una durata valida (ad esempio PT1H30M, \
                         P1D; al massimo un anno, non negativa)",
                        p.line,
                        p.value.trim()
                    ),
                )
            };
            let d = parse_duration(&p.value)
                .filter(|d| *d >= Duration::zero())
                .ok_or_else(bad)?;
            match start {
                IcsTime::Date(s) if d.num_seconds() % 86_400 == 0 => {
                    IcsTime::Date(s + Duration::days(d.num_days().max(1)))
                }
                IcsTime::Date(_) => return Err(bad()),
                IcsTime::Instant(s) => IcsTime::Instant(s + d),
            }
        }
        (None, None) => match start {
            IcsTime::Date(s) => IcsTime::Date(s + Duration::days(1)),
            instant => instant,
        },
    };
    // Outlook writes all-day events as midnight to midnight with this flag.
    let (start, end) = match (start, end) {
        (IcsTime::Instant(s), IcsTime::Instant(e))
            if first("X-MICROSOFT-CDO-ALLDAYEVENT")
                .is_some_and(|p| p.value.trim().eq_ignore_ascii_case("TRUE")) =>
        {
            let (ls, le) = (crate::time::utc_to_rome(s), crate::time::utc_to_rome(e));
            if ls.time() == NaiveTime::MIN && le.time() == NaiveTime::MIN && le > ls {
                (IcsTime::Date(ls.date()), IcsTime::Date(le.date()))
            } else {
                (start, end)
            }
        }
        other => other,
    };
    if !in_years(end) {
        return Err(issue(
            dtstart.line,
            format!(
                "riga {}: l'evento finisce dopo gli anni gestiti ({}–{})",
                dtstart.line,
                YEARS.start(),
                YEARS.end()
            ),
        ));
    }
    let mut ev = IcsEvent {
        line,
        uid: String::new(),
        uid_generated: false,
        recurrence_id: None,
        sequence: 0,
        stamp: first("DTSTAMP").and_then(|p| parse_utc(&p.value)),
        created: first("CREATED").and_then(|p| parse_utc(&p.value)),
        start,
        end,
        floating: is_floating,
        zone,
        summary: first("SUMMARY")
            .map(|p| one_line(&p.value))
            .unwrap_or_default(),
        location: first("LOCATION")
            .map(|p| one_line(&p.value))
            .unwrap_or_default(),
        // A URI, not TEXT: no escapes to undo.
        url: first("URL")
            .map(|p| p.value.replace(char::is_control, " ").trim().to_owned())
            .unwrap_or_default(),
        description: String::new(),
        status: None,
        categories: Vec::new(),
        organizer: first("ORGANIZER").map(person),
        attendees: Vec::new(),
        rrule: None,
        exdates: Vec::new(),
        raccordo_status: first("X-RACCORDO-STATUS").map(|p| one_line(&p.value).to_lowercase()),
        agenda: Vec::new(),
    };
    let descriptions: Vec<String> = props
        .iter()
        .filter(|p| p.name == "DESCRIPTION")
        .map(|p| unescape(&p.value).replace('\r', "").trim().to_owned())
        .filter(|d| !d.is_empty())
        .collect();
    ev.description = descriptions.join("\n\n");
    for p in &props {
        match p.name.as_str() {
            "UID" => {
                let uid = p.value.trim();
                if uid.chars().count() > UID_MAX || uid.chars().any(char::is_control) {
                    return Err(issue(
                        p.line,
                        format!(
                            "riga {}: l'UID è più lungo di {UID_MAX} caratteri o contiene \
                             caratteri di controllo",
                            p.line
                        ),
                    ));
                }
                if ev.uid.is_empty() {
                    ev.uid = uid.to_owned();
                }
            }
            "SEQUENCE" => ev.sequence = p.value.trim().parse().unwrap_or(0),
            "STATUS" => {
                ev.status = match p.value.trim().to_ascii_uppercase().as_str() {
                    "TENTATIVE" => Some(IcsStatus::Tentative),
                    "CONFIRMED" => Some(IcsStatus::Confirmed),
                    "CANCELLED" => Some(IcsStatus::Cancelled),
                    _ => None,
                }
            }
            "CATEGORIES" => {
                for c in split_unescaped(&p.value, ',') {
                    let c = one_line(c);
                    if !c.is_empty() && !ev.categories.contains(&c) {
                        if ev.categories.len() >= MAX_VALUES_PER_EVENT {
                            return Err(too_many(p.line, "categorie"));
                        }
                        ev.categories.push(c);
                    }
                }
            }
            "ATTENDEE" => {
                let cutype = p.param("CUTYPE").unwrap_or("").to_ascii_uppercase();
                if cutype == "ROOM" || cutype == "RESOURCE" {
                    continue;
                }
                if ev.attendees.len() >= MAX_VALUES_PER_EVENT {
                    return Err(too_many(p.line, "partecipanti"));
                }
                let a = person(p);
                if a.name.is_empty() && a.email.is_none() {
                    t.notes.push(issue(
                        p.line,
                        format!(
                            "riga {}: partecipante senza nome né e-mail, ignorato",
                            p.line
                        ),
                    ));
                    continue;
                }
                ev.attendees.push(a);
            }
            "RRULE" => {
                if ev.rrule.is_some() {
                    return Err(issue(
                        p.line,
                        format!(
                            "riga {}: l'evento ha più di una regola RRULE (non gestito): \
                             dividilo in più eventi",
                            p.line
                        ),
                    ));
                }
                let zone = t.zone_of(dtstart);
                let rule = rule_with_utc_until(&p.value, |l: NaiveDateTime| zone.to_utc(l))
                    .ok_or_else(|| {
                        issue(
                            p.line,
                            format!(
                                "riga {}: la regola di ripetizione «{}» ha un UNTIL non valido",
                                p.line,
                                p.value.trim()
                            ),
                        )
                    })?;
                ev.rrule = Some(rule);
            }
            "EXDATE" => {
                for v in p.value.split(',').filter(|v| !v.trim().is_empty()) {
                    if ev.exdates.len() >= MAX_VALUES_PER_EVENT {
                        return Err(too_many(p.line, "eccezioni EXDATE"));
                    }
                    let (x, ..) = t.time(p, v)?;
                    ev.exdates.push(x);
                }
            }
            "RECURRENCE-ID" => {
                let (rid, ..) = t.time(p, &p.value)?;
                ev.recurrence_id = Some(rid);
                if p.param("RANGE")
                    .is_some_and(|r| r.eq_ignore_ascii_case("THISANDFUTURE"))
                {
                    t.notes.push(issue(
                        p.line,
                        format!(
                            "riga {}: RANGE=THISANDFUTURE non è gestito: la modifica vale solo \
                             per questa occorrenza",
                            p.line
                        ),
                    ));
                }
            }
            "RDATE" | "EXRULE" => t.notes.push(issue(
                p.line,
                format!(
                    "riga {}: {} (date aggiuntive o regole di esclusione) non è gestito ed è \
                     stato ignorato",
                    p.line, p.name
                ),
            )),
            "X-RACCORDO-AGENDA" => {
                let parts: Vec<&str> = split_unescaped(&p.value, ';');
                if let [title, presenter, minutes, notes] = parts[..] {
                    ev.agenda.push(crate::interchange::record::AgendaItemInput {
                        title: one_line(title),
                        presenter: one_line(presenter),
                        duration_min: minutes.trim().parse().ok(),
                        notes: unescape(notes).trim().to_owned(),
                    });
                }
            }
            _ => {}
        }
    }
    let utc_start = matches!(parse_time(&dtstart.value), Some(RawTime::Utc(_)));
    if ev.rrule.is_some()
        && matches!(start, IcsTime::Instant(_))
        && (utc_start || !t.zone_of(dtstart).is_rome())
    {
        t.notes.push(issue(
            dtstart.line,
            format!(
                "riga {}: evento ripetuto nel fuso «{}»: le occorrenze sono calcolate \
                 sull'ora italiana a partire dalla prima",
                dtstart.line,
                if ev.zone.is_empty() {
                    &floating.label
                } else {
                    &ev.zone
                }
            ),
        ));
    }
    if ev.uid.is_empty() {
        ev.uid = derived_uid(&ev.summary, &dtstart.value);
        ev.uid_generated = true;
        t.notes.push(issue(
            line,
            format!(
                "riga {line}: evento senza UID: gli è stato dato un identificativo ricavato da \
                 titolo e inizio"
            ),
        ));
    }
    Ok((ev, t.notes))
}
