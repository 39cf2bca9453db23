//! Recurrence rules (RFC 5545 RRULE) expanded on the Europe/Rome wall clock.
//!
//! Contract: [`expand`] turns a rule and a local first start into the local starts of the
//! occurrences, in order, with the exceptions removed. A monthly meeting at 10:00 stays at 10:00
//! local time across the summer-time switch (its UTC instant moves). Expansion is bounded: at
//! most [`MAX_OCCURRENCES`], and never beyond [`HORIZON_YEARS`] after the first start; a rule
//! without COUNT or UNTIL stops there and the result says so (`truncated`), so that an endless
//! rule in an imported file costs bounded time and memory.

use chrono::{DateTime, Months, NaiveDateTime, TimeZone};
use rrule::{RRule, Tz, Unvalidated};

use crate::error::{Error, Result};

/// Most occurrences one series may have.
pub const MAX_OCCURRENCES: u16 = 500;
/// Occurrences are created at most this many years after the first.
pub const HORIZON_YEARS: u32 = 3;
/// Longest accepted rule text.
const RULE_MAX: usize = 500;

/// The occurrences of a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expansion {
    /// Local (Europe/Rome) starts, ascending.
    pub starts: Vec<NaiveDateTime>,
    /// The rule goes on after the last start (endless, or beyond the limits).
    pub truncated: bool,
}

const ROME: Tz = Tz::Europe__Rome;

fn local(field: &str, t: NaiveDateTime) -> Result<DateTime<Tz>> {
    ROME.from_local_datetime(&t).earliest().ok_or_else(|| {
        Error::invalid(
            field,
            format!(
                "L'ora {} del {} non esiste in Italia (passaggio all'ora legale).",
                t.format("%H:%M"),
                crate::time::format_it(t.date())
            ),
        )
    })
}

/// Checks a rule and returns it normalised (upper case, without a leading `RRULE:`).
pub fn normalise(field: &str, rule: &str) -> Result<String> {
    let r = rule.trim();
    let r = r
        .strip_prefix("RRULE:")
        .or_else(|| r.strip_prefix("rrule:"))
        .unwrap_or(r);
    if r.is_empty() || r.len() > RULE_MAX || r.chars().any(|c| c.is_control()) {
        return Err(Error::invalid(
            field,
            format!(
                "La regola di ripetizione è vuota o troppo lunga (al massimo {RULE_MAX} caratteri)."
            ),
        ));
    }
    let upper = r.to_ascii_uppercase();
    if !upper.contains("UNTIL=") {
        return Ok(upper);
    }
    // RFC 5545: with a DTSTART in a time zone, UNTIL is UTC. A date or a local time typed by a
    // person is read on the Rome wall clock (a date counts to the end of that day).
    crate::interchange::ics::rule_with_utc_until(&upper, |t| {
        ROME.from_local_datetime(&t)
            .earliest()
            .map(|d| d.with_timezone(&chrono::Utc))
    })
    .ok_or_else(|| {
        Error::invalid(
            field,
            format!(
                "La data di fine «UNTIL» della regola «{upper}» non è valida: scrivila come \
                 AAAAMMGG (ad esempio UNTIL=20271231)."
            ),
        )
    })
}

/// Expands `rule` from `first` (local), skipping the local starts in `except`.
pub fn expand(
    field: &str,
    rule: &str,
    first: NaiveDateTime,
    except: &[NaiveDateTime],
) -> Result<Expansion> {
    let rule = normalise(field, rule)?;
    let parsed: RRule<Unvalidated> = rule.parse().map_err(|e| {
        Error::invalid(
            field,
            format!("La regola di ripetizione «{rule}» non è valida: {e}."),
        )
    })?;
    let start = local(field, first)?;
    let horizon_local = first
        .checked_add_months(Months::new(12 * HORIZON_YEARS))
        .unwrap_or(first);
    let horizon = local(field, horizon_local)
        .or_else(|_| local(field, horizon_local + chrono::Duration::hours(1)))?;
    let mut set = parsed
        .build(start)
        .map_err(|e| {
            Error::invalid(
                field,
                format!("La regola di ripetizione «{rule}» non è valida: {e}."),
            )
        })?
        .before(horizon);
    for x in except {
        set = set.exdate(local(field, *x)?);
    }
    // One more than the limit tells whether the rule goes on.
    let result = set.all(MAX_OCCURRENCES + 1);
    let mut starts: Vec<NaiveDateTime> = result.dates.iter().map(|d| d.naive_local()).collect();
    let mut truncated = result.limited || starts.len() > usize::from(MAX_OCCURRENCES);
    starts.truncate(usize::from(MAX_OCCURRENCES));
    if !truncated && !has_end(&rule) {
        truncated = true;
    }
    if starts.is_empty() {
        return Err(Error::invalid(
            field,
            format!("La regola di ripetizione «{rule}» non produce nessuna data."),
        ));
    }
    Ok(Expansion { starts, truncated })
}

/// The rule has COUNT or UNTIL.
pub fn has_end(rule: &str) -> bool {
    rule.to_ascii_uppercase()
        .split(';')
        .any(|p| p.starts_with("COUNT=") || p.starts_with("UNTIL="))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, 0, 0))
            .unwrap_or_default()
    }

    #[test]
    fn monthly_rule_keeps_local_time_across_summer_time() {
        let e = expand("r", "FREQ=MONTHLY;COUNT=3", at(2027, 2, 25, 10), &[]);
        let e = e.unwrap_or_else(|err| panic!("valid rule: {err}"));
        assert_eq!(
            e.starts,
            vec![
                at(2027, 2, 25, 10),
                at(2027, 3, 25, 10),
                at(2027, 4, 25, 10)
            ],
            "10:00 local every month, summer time or not"
        );
        assert!(!e.truncated, "COUNT ends the rule");
    }

    #[test]
    fn exceptions_are_skipped_and_endless_rules_are_bounded() {
        let e = expand(
            "r",
            "RRULE:freq=weekly",
            at(2027, 1, 4, 9),
            &[at(2027, 1, 11, 9)],
        );
        let e = e.unwrap_or_else(|err| panic!("valid rule: {err}"));
        assert_eq!(e.starts[1], at(2027, 1, 18, 9), "the exception is skipped");
        assert!(e.truncated, "an endless rule is reported as cut");
        assert!(
            e.starts.len() <= usize::from(MAX_OCCURRENCES),
            "at most {MAX_OCCURRENCES}"
        );
        let daily = expand("r", "FREQ=SECONDLY", at(2027, 1, 4, 9), &[])
            .unwrap_or_else(|err| panic!("valid rule: {err}"));
        assert_eq!(daily.starts.len(), usize::from(MAX_OCCURRENCES), "capped");
        assert!(daily.truncated, "capped rules are reported");
    }

    #[test]
    fn a_typed_until_date_counts_to_the_end_of_that_day_in_rome() {
        assert_eq!(
            normalise("r", "freq=weekly;until=20270311").ok().as_deref(),
            Some("FREQ=WEEKLY;UNTIL=20270311T225959Z"),
            "a DATE is the end of that day in Rome, written in UTC"
        );
        let e = expand("r", "FREQ=WEEKLY;UNTIL=20270311", at(2027, 2, 25, 10), &[])
            .unwrap_or_else(|err| panic!("a typed UNTIL date is accepted: {err}"));
        assert_eq!(
            e.starts.len(),
            3,
            "25/02, 04/03 and 11/03 (the UNTIL day is included)"
        );
        assert!(!e.truncated, "UNTIL ends the rule");
    }

    #[test]
    fn bad_rules_are_explained() {
        for bad in [
            "",
            "FREQ=SOMETIMES",
            "COUNT=3",
            "FREQ=DAILY;UNTIL=ieri",
            "FREQ=DAILY;UNTIL=20271399",
        ] {
            match expand("recurrence", bad, at(2027, 1, 4, 9), &[]) {
                Err(Error::Validation { details, .. }) => {
                    assert_eq!(
                        details[0].field, "recurrence",
                        "names the field for {bad:?}"
                    )
                }
                other => panic!("{bad:?} must be refused, got {other:?}"),
            }
        }
    }
}
