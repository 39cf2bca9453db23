//! Value types of iCalendar: DATE, DATE-TIME, DURATION, UTC-OFFSET, and RRULE's UNTIL.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};

/// A DATE or DATE-TIME as written, before its time zone is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RawTime {
    Date(NaiveDate),
    /// Local time (with a TZID, or floating).
    Local(NaiveDateTime),
    /// `Z`: UTC.
    Utc(NaiveDateTime),
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Years an event may fall in (what is read can always be written back and read again).
pub(super) const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

fn date(s: &str) -> Option<NaiveDate> {
    if s.len() != 8 {
        return None;
    }
    let y = digits(s.get(0..4)?)?;
    let m = digits(s.get(4..6)?)?;
    let d = digits(s.get(6..8)?)?;
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// `YYYYMMDD`, `YYYYMMDDTHHMMSS` or `YYYYMMDDTHHMMSSZ`.
pub(super) fn parse_time(value: &str) -> Option<RawTime> {
    let v = value.trim();
    let Some((d, t)) = v.split_once(['T', 't']) else {
        return date(v).map(RawTime::Date);
    };
    let day = date(d)?;
    let (t, utc) = match t.strip_suffix(['Z', 'z']) {
        Some(t) => (t, true),
        None => (t, false),
    };
    if t.len() != 6 {
        return None;
    }
    let time = NaiveTime::from_hms_opt(
        digits(t.get(0..2)?)?,
        digits(t.get(2..4)?)?,
        digits(t.get(4..6)?)?,
    )?;
    let at = day.and_time(time);
    Some(if utc {
        RawTime::Utc(at)
    } else {
        RawTime::Local(at)
    })
}

/// A UTC DATE-TIME (DTSTAMP, CREATED); a time without `Z` is taken as UTC too; None outside
/// [`YEARS`].
pub(super) fn parse_utc(value: &str) -> Option<DateTime<Utc>> {
    let t = match parse_time(value)? {
        RawTime::Utc(t) | RawTime::Local(t) => t.and_utc(),
        RawTime::Date(d) => d.and_time(NaiveTime::MIN).and_utc(),
    };
    YEARS.contains(&chrono::Datelike::year(&t)).then_some(t)
}

/// Writes an instant as `YYYYMMDDTHHMMSSZ`.
pub(super) fn format_utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Writes a local time as `YYYYMMDDTHHMMSS`.
pub(super) fn format_local(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

/// Writes a day as `YYYYMMDD`.
pub(super) fn format_date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// Longest DURATION accepted (a meeting lasts at most a month; a year leaves room for others).
const DURATION_MAX_SECONDS: i64 = 366 * 86_400;

/// `[+|-]P[nW][nD][T[nH][nM][nS]]`; None when malformed or longer than a year.
pub(super) fn parse_duration(value: &str) -> Option<Duration> {
    let v = value.trim().to_ascii_uppercase();
    let (sign, rest) = match v.strip_prefix('-') {
        Some(r) => (-1, r),
        None => (1, v.strip_prefix('+').unwrap_or(&v)),
    };
    let rest = rest.strip_prefix('P')?;
    let mut seconds: i64 = 0;
    let mut in_time = false;
    let mut number = String::new();
    let mut any = false;
    for c in rest.chars() {
        match c {
            '0'..='9' => {
                if number.len() >= 9 {
                    return None;
                }
                number.push(c);
            }
            'T' if number.is_empty() && !in_time => in_time = true,
            'W' | 'D' | 'H' | 'M' | 'S' => {
                let n: i64 = number.parse().ok()?;
                number.clear();
                let unit = match (c, in_time) {
                    ('W', false) => 7 * 86_400,
                    ('D', false) => 86_400,
                    ('H', true) => 3600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return None,
                };
                seconds = seconds.checked_add(n.checked_mul(unit)?)?;
                any = true;
            }
            _ => return None,
        }
    }
    if !any || !number.is_empty() || seconds > DURATION_MAX_SECONDS {
        return None;
    }
    Some(Duration::seconds(sign * seconds))
}

/// `+HHMM` or `-HHMMSS` in seconds east of UTC.
pub(super) fn parse_offset(value: &str) -> Option<i32> {
    let v = value.trim();
    let (sign, rest) = match v.as_bytes().first()? {
        b'+' => (1, &v[1..]),
        b'-' => (-1, &v[1..]),
        _ => return None,
    };
    if rest.len() != 4 && rest.len() != 6 {
        return None;
    }
    let h = digits(rest.get(0..2)?)?;
    let m = digits(rest.get(2..4)?)?;
    let s = rest.get(4..6).map_or(Some(0), digits)?;
    if h > 23 || m > 59 || s > 59 {
        return None;
    }
    Some(sign * i32::try_from(h * 3600 + m * 60 + s).ok()?)
}

/// The RRULE with `UNTIL` as a UTC DATE-TIME (`to_utc` turns a local UNTIL into an instant; a
/// DATE counts to the end of that day), upper case, without `RRULE:`. None when UNTIL is not a
/// date.
pub(crate) fn rule_with_utc_until(
    rule: &str,
    to_utc: impl Fn(NaiveDateTime) -> Option<DateTime<Utc>>,
) -> Option<String> {
    let rule = rule.trim();
    let rule = rule
        .get(..6)
        .filter(|p| p.eq_ignore_ascii_case("RRULE:"))
        .map_or(rule, |_| &rule[6..]);
    let mut parts = Vec::new();
    for part in rule.split(';').filter(|p| !p.trim().is_empty()) {
        let upper = part.trim().to_ascii_uppercase();
        match upper.strip_prefix("UNTIL=") {
            Some(until) => {
                let utc = match parse_time(until)? {
                    RawTime::Utc(t) => t.and_utc(),
                    RawTime::Local(t) => to_utc(t)?,
                    RawTime::Date(d) => to_utc(d.and_hms_opt(23, 59, 59)?)?,
                };
                let rome = crate::time::utc_to_rome(utc);
                if !YEARS.contains(&chrono::Datelike::year(&utc))
                    || !YEARS.contains(&chrono::Datelike::year(&rome))
                {
                    return None;
                }
                parts.push(format!("UNTIL={}", format_utc(utc)));
            }
            None => parts.push(upper),
        }
    }
    Some(parts.join(";"))
}

/// The RRULE for an all-day start: `UNTIL` as the DATE (in Europe/Rome) of its instant, as RFC
/// 5545 wants when DTSTART is a DATE.
pub(super) fn rule_with_date_until(rule: &str) -> String {
    rule.split(';')
        .map(
            |part| match part.strip_prefix("UNTIL=").and_then(parse_time) {
                Some(RawTime::Utc(t)) => {
                    let day = crate::time::utc_to_rome(t.and_utc()).date();
                    format!("UNTIL={}", format_date(day))
                }
                _ => part.to_owned(),
            },
        )
        .collect::<Vec<_>>()
        .join(";")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, min, s))
            .unwrap_or_default()
    }

    #[test]
    fn parses_dates_local_and_utc_times() {
        assert_eq!(
            parse_time("20270325"),
            NaiveDate::from_ymd_opt(2027, 3, 25).map(RawTime::Date),
            "DATE"
        );
        assert_eq!(
            parse_time("20270325T100000"),
            Some(RawTime::Local(at(2027, 3, 25, 10, 0, 0))),
            "local DATE-TIME"
        );
        assert_eq!(
            parse_time("20270325T090000Z"),
            Some(RawTime::Utc(at(2027, 3, 25, 9, 0, 0))),
            "UTC DATE-TIME"
        );
        for bad in [
            "2027-03-25",
            "20271325",
            "20270325T2500",
            "20270325T250000",
            "x",
        ] {
            assert_eq!(parse_time(bad), None, "{bad:?} is refused");
        }
    }

    #[test]
    fn parses_durations_and_offsets() {
        assert_eq!(
            parse_duration("PT1H30M"),
            Some(Duration::minutes(90)),
            "time"
        );
        assert_eq!(parse_duration("P1D"), Some(Duration::days(1)), "days");
        assert_eq!(parse_duration("P2W"), Some(Duration::days(14)), "weeks");
        assert_eq!(
            parse_duration("-PT15M"),
            Some(Duration::minutes(-15)),
            "negative"
        );
        for bad in ["", "P", "PT", "1H", "PT1D", "P1H", "P9999999999D", "P400D"] {
            assert_eq!(parse_duration(bad), None, "{bad:?} is refused");
        }
        assert_eq!(parse_offset("+0200"), Some(7200), "east");
        assert_eq!(parse_offset("-043000"), Some(-16200), "west with seconds");
        assert_eq!(parse_offset("0200"), None, "sign required");
    }

    #[test]
    fn until_is_rewritten_in_utc_and_back_to_a_date() {
        let rome = |t: NaiveDateTime| crate::time::rome_to_utc("u", t).ok();
        assert_eq!(
            rule_with_utc_until("rrule:freq=weekly;until=20270630T100000", rome).as_deref(),
            Some("FREQ=WEEKLY;UNTIL=20270630T080000Z"),
            "local UNTIL in summer is UTC+2"
        );
        assert_eq!(
            rule_with_utc_until("FREQ=DAILY;UNTIL=20270105", rome).as_deref(),
            Some("FREQ=DAILY;UNTIL=20270105T225959Z"),
            "a DATE counts to the end of its day"
        );
        assert_eq!(
            rule_with_utc_until("FREQ=DAILY;UNTIL=ieri", rome),
            None,
            "bad UNTIL"
        );
        assert_eq!(
            rule_with_date_until("FREQ=DAILY;UNTIL=20270105T225959Z"),
            "FREQ=DAILY;UNTIL=20270105",
            "back to the Rome date"
        );
    }
}
