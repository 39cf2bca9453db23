//! Dates and times as the coordinators see them.
//!
//! Contract: "today" is the calendar date in Europe/Rome ([`today_rome`]); dates are stored and
//! cross IPC as ISO `YYYY-MM-DD`; users type and read `gg/mm/aaaa` ([`parse_date`] accepts both,
//! [`format_it`] writes the Italian form); instants are stored in UTC (RFC 3339, [`now_utc`]).

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Rome;

use crate::error::{Error, Result};

/// Today's date in Europe/Rome.
pub fn today_rome() -> NaiveDate {
    Utc::now().with_timezone(&Rome).date_naive()
}

/// The current instant in UTC, RFC 3339 with seconds (`2026-11-26T09:30:00Z`).
pub fn now_utc() -> String {
    Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A compact local (Europe/Rome) timestamp for file names: `20261126-103000`.
pub fn file_stamp() -> String {
    Utc::now()
        .with_timezone(&Rome)
        .format("%Y%m%d-%H%M%S")
        .to_string()
}

/// Parses a date typed by a user: `gg/mm/aaaa` (also `g/m/aaaa`, `gg-mm-aaaa`, `gg.mm.aaaa`) or
/// ISO `YYYY-MM-DD`. `field` names the input in the validation error.
pub fn parse_date(field: &str, input: &str) -> Result<NaiveDate> {
    let s = input.trim();
    let parsed = NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() == 10 && s.as_bytes()[4] == b'-')
        .or_else(|| {
            ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
                .filter(|d| (1000..=9999).contains(&chrono::Datelike::year(d)))
        });
    parsed.ok_or_else(|| {
        Error::invalid(
            field,
            format!("Data «{s}» non valida: scrivila come gg/mm/aaaa (ad esempio 01/01/2025)."),
        )
    })
}

/// Parses a stored ISO date (`YYYY-MM-DD`); a malformed stored value is an internal error.
pub(crate) fn parse_iso(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| Error::Internal(format!("stored date {s:?} is not ISO: {e}")))
}

/// Stored form of an instant: UTC, seconds, `Z` (`2027-03-25T09:00:00Z`); text order = time order.
pub fn instant_iso(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Parses a stored instant ([`instant_iso`]); a malformed stored value is an internal error.
pub(crate) fn parse_instant(s: &str) -> Result<DateTime<Utc>> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%SZ")
        .map(|n| n.and_utc())
        .map_err(|e| Error::Internal(format!("stored instant {s:?} is not UTC ISO: {e}")))
}

/// The instant of a wall-clock time in Europe/Rome. A time that does not exist (the hour skipped
/// when summer time starts) is a validation error on `field`; a time that occurs twice (the hour
/// repeated when it ends) is taken as the first, summer-time one.
pub fn rome_to_utc(field: &str, local: NaiveDateTime) -> Result<DateTime<Utc>> {
    match Rome.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(Error::invalid(
            field,
            format!(
                "L'ora {} del {} non esiste in Italia (passaggio all'ora legale): scegli un'altra ora.",
                local.format("%H:%M"),
                format_it(local.date())
            ),
        )),
    }
}

/// The wall-clock time in Europe/Rome of an instant.
pub fn utc_to_rome(t: DateTime<Utc>) -> NaiveDateTime {
    t.with_timezone(&Rome).naive_local()
}

/// Formats a date as `gg/mm/aaaa`.
pub fn format_it(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn parses_italian_and_iso_dates() {
        assert_eq!(
            parse_date("f", "01/02/2025").ok(),
            Some(d(2025, 2, 1)),
            "gg/mm/aaaa"
        );
        assert_eq!(
            parse_date("f", "1/2/2025").ok(),
            Some(d(2025, 2, 1)),
            "g/m/aaaa"
        );
        assert_eq!(
            parse_date("f", "2025-02-01").ok(),
            Some(d(2025, 2, 1)),
            "ISO"
        );
        assert_eq!(
            parse_date("f", " 01.02.2025 ").ok(),
            Some(d(2025, 2, 1)),
            "dots, spaces"
        );
    }

    #[test]
    fn rejects_nonsense_dates_with_field_detail() {
        for bad in ["31/02/2025", "2025/02/01", "ieri", "", "01/02/25"] {
            match parse_date("valid_from", bad) {
                Err(Error::Validation { details, .. }) => {
                    assert_eq!(details[0].field, "valid_from", "detail must name the field")
                }
                other => panic!("{bad:?} must be rejected, got {other:?}"),
            }
        }
    }

    #[test]
    fn rome_instants_follow_summer_time() {
        let at = |y, m, d, h| d_(y, m, d).and_hms_opt(h, 0, 0).unwrap_or_default();
        fn d_(y: i32, m: u32, day: u32) -> NaiveDate {
            NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
        }
        let winter = rome_to_utc("start", at(2027, 3, 25, 10)).ok();
        assert_eq!(
            winter.map(instant_iso).as_deref(),
            Some("2027-03-25T09:00:00Z"),
            "10:00 in March before the switch is UTC+1"
        );
        let summer = rome_to_utc("start", at(2027, 4, 1, 15)).ok();
        assert_eq!(
            summer.map(instant_iso).as_deref(),
            Some("2027-04-01T13:00:00Z"),
            "15:00 in April is UTC+2"
        );
        assert!(
            rome_to_utc("start", at(2027, 3, 28, 2)).is_err(),
            "02:00 on 28/03/2027 is skipped by the switch to summer time"
        );
        let back = summer.map(utc_to_rome);
        assert_eq!(
            back,
            Some(at(2027, 4, 1, 15)),
            "round trip to wall-clock time"
        );
    }

    #[test]
    fn formats_italian() {
        assert_eq!(
            format_it(d(2025, 3, 7)),
            "07/03/2025",
            "gg/mm/aaaa with zeros"
        );
    }
}
