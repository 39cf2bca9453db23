//! Time zones named by TZID: IANA names, Outlook's Windows names, and a file's own VTIMEZONE.
//!
//! Contract of `Zones::resolve`, in order: an IANA name (any letter case; also the last
//! components of a path such as `/mozilla.org/20050126_1/Europe/Rome`); a Windows zone name as
//! Outlook writes it ([`windows_to_iana`]; the Central European ones give Europe/Rome, whose
//! rules they share); an old Outlook display name mentioning Rome; the IANA name in the
//! VTIMEZONE's `X-LIC-LOCATION`; otherwise the offsets of the file's VTIMEZONE with that TZID
//! (observances with a DTSTART and, optionally, a yearly RRULE by month and weekday or month
//! day, or RDATEs). Anything else is an Italian explanation of why the zone is unusable.
//! Local times that a switch skips are read with the offset before the gap (RFC 5545 §3.3.5);
//! repeated ones as the first.

use std::collections::HashMap;
use std::str::FromStr;

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday,
};
use chrono_tz::Tz;

use super::lexer::Prop;
use super::values::{parse_offset, parse_time, RawTime};

/// Windows time zone ids (as in Outlook's TZID) and the IANA zone used for them (CLDR
/// windowsZones; the Central European ids give Europe/Rome, whose rules they share).
const WINDOWS: &[(&str, &str)] = &[
    ("W. Europe Standard Time", "Europe/Rome"),
    ("Central Europe Standard Time", "Europe/Rome"),
    ("Central European Standard Time", "Europe/Rome"),
    ("Romance Standard Time", "Europe/Rome"),
    ("GMT Standard Time", "Europe/London"),
    ("Greenwich Standard Time", "Atlantic/Reykjavik"),
    ("UTC", "UTC"),
    ("Coordinated Universal Time", "UTC"),
    ("GTB Standard Time", "Europe/Bucharest"),
    ("E. Europe Standard Time", "Europe/Chisinau"),
    ("FLE Standard Time", "Europe/Kyiv"),
    ("Turkey Standard Time", "Europe/Istanbul"),
    ("Russian Standard Time", "Europe/Moscow"),
    ("Morocco Standard Time", "Africa/Casablanca"),
    ("W. Central Africa Standard Time", "Africa/Lagos"),
    ("E. Africa Standard Time", "Africa/Nairobi"),
    ("South Africa Standard Time", "Africa/Johannesburg"),
    ("Egypt Standard Time", "Africa/Cairo"),
    ("Israel Standard Time", "Asia/Jerusalem"),
    ("Arabian Standard Time", "Asia/Dubai"),
    ("Iran Standard Time", "Asia/Tehran"),
    ("Afghanistan Standard Time", "Asia/Kabul"),
    ("Pakistan Standard Time", "Asia/Karachi"),
    ("India Standard Time", "Asia/Kolkata"),
    ("Bangladesh Standard Time", "Asia/Dhaka"),
    ("China Standard Time", "Asia/Shanghai"),
    ("Tokyo Standard Time", "Asia/Tokyo"),
    ("AUS Eastern Standard Time", "Australia/Sydney"),
    ("Eastern Standard Time", "America/New_York"),
    ("Central Standard Time", "America/Chicago"),
    ("Mountain Standard Time", "America/Denver"),
    ("Pacific Standard Time", "America/Los_Angeles"),
    ("Atlantic Standard Time", "America/Halifax"),
    ("E. South America Standard Time", "America/Sao_Paulo"),
    ("Argentina Standard Time", "America/Argentina/Buenos_Aires"),
];

/// The IANA zone of an IANA name in any letter case.
pub fn iana(name: &str) -> Option<Tz> {
    let name = name.trim();
    Tz::from_str(name).ok().or_else(|| {
        chrono_tz::TZ_VARIANTS
            .iter()
            .copied()
            .find(|tz| tz.name().eq_ignore_ascii_case(name))
    })
}

/// The IANA zone Raccordo uses for a Windows time zone id (case ignored).
pub fn windows_to_iana(name: &str) -> Option<Tz> {
    let name = name.trim();
    WINDOWS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(name))
        .and_then(|(_, i)| Tz::from_str(i).ok())
}

/// An IANA name at the end of a path (`/mozilla.org/20050126_1/Europe/Rome`), or an Outlook
/// display name of the Rome zone ("(UTC+01:00) Amsterdam, Berlino, Berna, Roma, …").
fn from_path_or_display(tzid: &str) -> Option<Tz> {
    let parts: Vec<&str> = tzid.split('/').filter(|p| !p.is_empty()).collect();
    for skip in 0..parts.len() {
        if let Some(tz) = iana(&parts[skip..].join("/")) {
            return Some(tz);
        }
    }
    let lower = tzid.to_lowercase();
    let rome = ["rome", "roma"]
        .iter()
        .any(|w| lower.split(|c: char| !c.is_alphanumeric()).any(|p| p == *w));
    rome.then_some(Tz::Europe__Rome)
}

/// A yearly switch: the day it happens in a year.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Yearly {
    /// The n-th (negative: from the end) weekday of a month.
    NthWeekday {
        month: u32,
        n: i32,
        weekday: Weekday,
    },
    /// The first given weekday among some days of a month (old Apple style).
    WeekdayAmong {
        month: u32,
        days: Vec<u32>,
        weekday: Weekday,
    },
    /// A fixed day of a month.
    MonthDay { month: u32, day: u32 },
}

impl Yearly {
    fn day_in(&self, year: i32) -> Option<NaiveDate> {
        match self {
            Yearly::NthWeekday { month, n, weekday } if *n > 0 => {
                NaiveDate::from_weekday_of_month_opt(year, *month, *weekday, u8::try_from(*n).ok()?)
            }
            Yearly::NthWeekday { month, n, weekday } => {
                let first_next = if *month == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(year, month + 1, 1)
                }?;
                let mut d = first_next.pred_opt()?;
                let mut seen = 0;
                while d.month() == *month {
                    if d.weekday() == *weekday {
                        seen -= 1;
                        if seen == *n {
                            return Some(d);
                        }
                    }
                    d = d.pred_opt()?;
                }
                None
            }
            Yearly::WeekdayAmong {
                month,
                days,
                weekday,
            } => days
                .iter()
                .filter_map(|d| NaiveDate::from_ymd_opt(year, *month, *d))
                .filter(|d| d.weekday() == *weekday)
                .min(),
            Yearly::MonthDay { month, day } => NaiveDate::from_ymd_opt(year, *month, *day),
        }
    }
}

fn weekday(code: &str) -> Option<Weekday> {
    Some(match code {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    })
}

/// The yearly rules time zones use; None for anything else.
fn yearly(rule: &str) -> Option<(Yearly, Option<NaiveDateTime>)> {
    let (mut freq, mut month, mut byday, mut bymonthday, mut until) =
        (None, None, None, None, None);
    for part in rule.trim().to_ascii_uppercase().split(';') {
        let (k, v) = part.split_once('=')?;
        match k {
            "FREQ" => freq = Some(v.to_owned()),
            "BYMONTH" => month = Some(v.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?),
            "BYDAY" => byday = Some(v.to_owned()),
            "BYMONTHDAY" => {
                let days: Option<Vec<u32>> = v.split(',').map(|d| d.parse().ok()).collect();
                bymonthday = Some(days?);
            }
            "UNTIL" => {
                until = Some(match parse_time(v)? {
                    RawTime::Utc(t) | RawTime::Local(t) => t,
                    RawTime::Date(d) => d.and_hms_opt(23, 59, 59)?,
                })
            }
            "INTERVAL" if v == "1" => {}
            "WKST" => {}
            _ => return None,
        }
    }
    if freq.as_deref() != Some("YEARLY") {
        return None;
    }
    let month = month?;
    let rule = match (byday, bymonthday) {
        (Some(d), None) => {
            let split = d.len().checked_sub(2)?;
            let n: i32 = match &d[..split] {
                "" => 1,
                n => n.trim_start_matches('+').parse().ok()?,
            };
            if n == 0 || !(-5..=5).contains(&n) {
                return None;
            }
            Yearly::NthWeekday {
                month,
                n,
                weekday: weekday(&d[split..])?,
            }
        }
        (Some(d), Some(days)) => Yearly::WeekdayAmong {
            month,
            days,
            weekday: weekday(&d)?,
        },
        (None, Some(days)) if days.len() == 1 => Yearly::MonthDay {
            month,
            day: days[0],
        },
        _ => return None,
    };
    Some((rule, until))
}

/// One STANDARD or DAYLIGHT block of a VTIMEZONE.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Observance {
    start: NaiveDateTime,
    offset_to: i32,
    offset_from: i32,
    rule: Option<(Yearly, Option<NaiveDateTime>)>,
    rdates: Vec<NaiveDateTime>,
}

impl Observance {
    /// The last switch to this observance at or before local time `t`.
    fn last_onset(&self, t: NaiveDateTime) -> Option<NaiveDateTime> {
        let mut best = (self.start <= t).then_some(self.start);
        for r in self.rdates.iter().filter(|r| **r <= t) {
            best = best.max(Some(*r));
        }
        if let Some((rule, until)) = &self.rule {
            for year in [t.year() - 1, t.year()] {
                let Some(day) = rule.day_in(year) else {
                    continue;
                };
                let onset = day.and_time(self.start.time());
                if onset >= self.start && onset <= t && until.is_none_or(|u| onset <= u) {
                    best = best.max(Some(onset));
                }
            }
        }
        best
    }
}

/// A VTIMEZONE of the file, read from its properties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct CustomZone {
    observances: Vec<Observance>,
    /// `X-LIC-LOCATION` (Thunderbird): the IANA name it stands for.
    location: Option<String>,
    /// Why the offsets cannot be used, when they cannot.
    problem: Option<String>,
}

impl CustomZone {
    /// From the properties of the VTIMEZONE and of each of its observances.
    pub fn new(tz_props: &[Prop], observances: &[(u32, Vec<Prop>)]) -> CustomZone {
        let location = tz_props
            .iter()
            .find(|p| p.name == "X-LIC-LOCATION")
            .map(|p| p.value.trim().to_owned());
        let mut out = CustomZone {
            observances: Vec::new(),
            location,
            problem: None,
        };
        for (line, props) in observances {
            let get = |n: &str| props.iter().find(|p| p.name == n).map(|p| p.value.as_str());
            let start = get("DTSTART").and_then(parse_time).and_then(|t| match t {
                RawTime::Local(t) | RawTime::Utc(t) => Some(t),
                RawTime::Date(d) => d.and_hms_opt(0, 0, 0),
            });
            let (Some(start), Some(to), Some(from)) = (
                start,
                get("TZOFFSETTO").and_then(parse_offset),
                get("TZOFFSETFROM").and_then(parse_offset),
            ) else {
                out.problem = Some(format!(
                    "alla riga {line} il blocco del fuso non ha DTSTART, TZOFFSETFROM e \
                     TZOFFSETTO validi"
                ));
                continue;
            };
            let rule = match get("RRULE") {
                None => None,
                Some(r) => match yearly(r) {
                    Some(y) => Some(y),
                    None => {
                        out.problem = Some(format!(
                            "alla riga {line} la regola del fuso «{r}» non è tra quelle gestite"
                        ));
                        continue;
                    }
                },
            };
            let rdates = props
                .iter()
                .filter(|p| p.name == "RDATE")
                .flat_map(|p| p.value.split(','))
                .filter_map(|v| match parse_time(v)? {
                    RawTime::Local(t) | RawTime::Utc(t) => Some(t),
                    RawTime::Date(d) => d.and_hms_opt(0, 0, 0),
                })
                .collect();
            out.observances.push(Observance {
                start,
                offset_to: to,
                offset_from: from,
                rule,
                rdates,
            });
        }
        if out.observances.is_empty() && out.problem.is_none() {
            out.problem = Some("il fuso non ha blocchi STANDARD o DAYLIGHT".to_owned());
        }
        out
    }

    fn offset_at(&self, t: NaiveDateTime) -> i32 {
        let latest = self
            .observances
            .iter()
            .filter_map(|o| o.last_onset(t).map(|on| (on, o.offset_to)))
            .max_by_key(|(on, _)| *on);
        match latest {
            Some((_, offset)) => offset,
            None => self
                .observances
                .iter()
                .min_by_key(|o| o.start)
                .map_or(0, |o| o.offset_from),
        }
    }
}

/// A usable time zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Zone {
    Iana(Tz),
    /// The offsets of a VTIMEZONE of the file.
    Offsets(CustomZone),
}

impl Zone {
    /// The instant of a local time in this zone.
    pub fn to_utc(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        match self {
            Zone::Iana(tz) => match tz.from_local_datetime(&local) {
                LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => {
                    Some(t.with_timezone(&Utc))
                }
                LocalResult::None => {
                    let before = tz
                        .from_local_datetime(&(local - Duration::hours(1)))
                        .earliest()?;
                    Some(before.with_timezone(&Utc) + Duration::hours(1))
                }
            },
            Zone::Offsets(z) => {
                Some((local - Duration::seconds(i64::from(z.offset_at(local)))).and_utc())
            }
        }
    }

    /// The zone is Europe/Rome (or an alias with its rules).
    pub fn is_rome(&self) -> bool {
        matches!(
            self,
            Zone::Iana(Tz::Europe__Rome | Tz::Europe__Vatican | Tz::Europe__San_Marino)
        )
    }
}

/// The time zones of one file: its VTIMEZONEs and the names resolved so far.
#[derive(Debug, Default)]
pub(super) struct Zones {
    custom: HashMap<String, CustomZone>,
    cache: HashMap<String, Result<Zone, String>>,
}

impl Zones {
    /// Adds a VTIMEZONE of the file.
    pub fn add_custom(&mut self, tzid: &str, zone: CustomZone) {
        self.cache.remove(tzid);
        self.custom.insert(tzid.to_owned(), zone);
    }

    /// The zone is known without waiting for a VTIMEZONE further down the file.
    pub fn known_now(&mut self, tzid: &str) -> bool {
        if matches!(self.cache.get(tzid), Some(Ok(_))) || self.custom.contains_key(tzid) {
            return true;
        }
        match standard(tzid) {
            Some(tz) => {
                self.cache.insert(tzid.to_owned(), Ok(Zone::Iana(tz)));
                true
            }
            None => false,
        }
    }

    /// See the module contract.
    pub fn resolve(&mut self, tzid: &str) -> Result<Zone, String> {
        if let Some(r) = self.cache.get(tzid) {
            return r.clone();
        }
        let custom = self.custom.get(tzid);
        let r = match standard(tzid)
            .or_else(|| custom.and_then(|c| c.location.as_deref()).and_then(iana))
        {
            Some(tz) => Ok(Zone::Iana(tz)),
            None => match custom {
                Some(c) => match &c.problem {
                    None => Ok(Zone::Offsets(c.clone())),
                    Some(p) => Err(format!(
                        "il fuso orario «{tzid}» non è un fuso conosciuto e il suo VTIMEZONE non \
                         è utilizzabile ({p})"
                    )),
                },
                None => Err(format!(
                    "il fuso orario «{tzid}» non è un fuso conosciuto e il file non lo descrive \
                     (manca il suo VTIMEZONE): esporta di nuovo il calendario includendo i fusi \
                     orari, oppure usa orari in UTC"
                )),
            },
        };
        self.cache.insert(tzid.to_owned(), r.clone());
        r
    }
}

/// IANA, path, Windows or display name (no VTIMEZONE needed).
fn standard(tzid: &str) -> Option<Tz> {
    let t = tzid.trim().trim_matches('"');
    iana(t)
        .or_else(|| windows_to_iana(t))
        .or_else(|| from_path_or_display(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, 0, 0))
            .unwrap_or_default()
    }

    fn prop(name: &str, value: &str) -> Prop {
        Prop {
            line: 1,
            name: name.to_owned(),
            params: Vec::new(),
            value: value.to_owned(),
        }
    }

    #[test]
    fn names_resolve_to_rome() {
        let mut z = Zones::default();
        for name in [
            "Europe/Rome",
            "europe/rome",
            "/mozilla.org/20050126_1/Europe/Rome",
            "W. Europe Standard Time",
            "\"W. Europe Standard Time\"",
            "(UTC+01:00) Amsterdam, Berlino, Berna, Roma, Stoccolma, Vienna",
        ] {
            assert_eq!(
                z.resolve(name),
                Ok(Zone::Iana(Tz::Europe__Rome)),
                "{name} is Europe/Rome"
            );
        }
        assert!(
            z.resolve("Marte/Olympus").is_err(),
            "unknown without VTIMEZONE"
        );
    }

    #[test]
    fn a_custom_vtimezone_gives_the_eu_offsets() {
        let std = vec![
            prop("DTSTART", "16011028T030000"),
            prop("RRULE", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"),
            prop("TZOFFSETFROM", "+0200"),
            prop("TZOFFSETTO", "+0100"),
        ];
        let dst = vec![
            prop("DTSTART", "16010325T020000"),
            prop("RRULE", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"),
            prop("TZOFFSETFROM", "+0100"),
            prop("TZOFFSETTO", "+0200"),
        ];
        let mut z = Zones::default();
        z.add_custom(
            "Ora solare personalizzata",
            CustomZone::new(&[], &[(2, std), (8, dst)]),
        );
        let zone = z
            .resolve("Ora solare personalizzata")
            .expect("usable offsets");
        assert_eq!(
            zone.to_utc(at(2027, 3, 25, 10)),
            Some(at(2027, 3, 25, 9).and_utc()),
            "winter: UTC+1"
        );
        assert_eq!(
            zone.to_utc(at(2027, 4, 1, 15)),
            Some(at(2027, 4, 1, 13).and_utc()),
            "summer (after 28/03/2027): UTC+2"
        );
        assert_eq!(
            zone.to_utc(at(2027, 10, 31, 4)),
            Some(at(2027, 10, 31, 3).and_utc()),
            "back to winter on the last Sunday of October"
        );
    }

    #[test]
    fn an_unusable_vtimezone_is_explained() {
        let odd = vec![
            prop("DTSTART", "16011028T030000"),
            prop("RRULE", "FREQ=MONTHLY;BYDAY=-1SU"),
            prop("TZOFFSETFROM", "+0200"),
            prop("TZOFFSETTO", "+0100"),
        ];
        let mut z = Zones::default();
        z.add_custom("Strano", CustomZone::new(&[], &[(5, odd)]));
        let err = z.resolve("Strano").expect_err("unsupported rule");
        assert!(err.contains("riga 5"), "names the line: {err}");
    }

    #[test]
    fn a_skipped_local_time_uses_the_offset_before_the_gap() {
        let rome = Zone::Iana(Tz::Europe__Rome);
        assert_eq!(
            rome.to_utc(at(2027, 3, 28, 2)),
            Some(at(2027, 3, 28, 1).and_utc()),
            "02:00 on 28/03/2027 does not exist: read with +01:00"
        );
    }
}
