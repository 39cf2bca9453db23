//! The daily notice of follow-up actions: «N azioni in ritardo, M in scadenza oggi».
//!
//! Contract:
//! - [`notice_message`] is the notice's text for a set of counts, `None` when nothing is overdue
//!   or due today (then no notice is given).
//! - [`notice`] counts every action (no filter) as of `today` (Europe/Rome, given by the caller)
//!   and returns the counts with their text, or `None` when there is nothing to say.
//! - [`DailyNotice`] is the once-a-day rule: the first round of a day with something to say gives
//!   the notice, nothing more that day; a day with nothing to say is asked again on the next
//!   round, so an action that falls due later that day is still announced. It lives in memory:
//!   the desktop shell keeps one per run (a restart on the same day gives the notice again).

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{action_counts, ActionCounts, ActionFilter};
use crate::error::Result;

/// «2 azioni in ritardo, 1 in scadenza oggi»; `None` when there is nothing to say.
pub fn notice_message(c: &ActionCounts) -> Option<String> {
    let overdue = match c.overdue {
        0 => None,
        1 => Some("1 azione in ritardo".to_owned()),
        n => Some(format!("{n} azioni in ritardo")),
    };
    let today = match (c.due_today, overdue.is_some()) {
        (0, _) => None,
        (n, true) => Some(format!("{n} in scadenza oggi")),
        (1, false) => Some("1 azione in scadenza oggi".to_owned()),
        (n, false) => Some(format!("{n} azioni in scadenza oggi")),
    };
    match (overdue, today) {
        (None, None) => None,
        (Some(a), None) | (None, Some(a)) => Some(a),
        (Some(a), Some(b)) => Some(format!("{a}, {b}")),
    }
}

/// The counts of every action as of `today` and the notice's text; `None` when nothing is
/// overdue or due today.
pub fn notice(conn: &Connection, today: NaiveDate) -> Result<Option<(ActionCounts, String)>> {
    let counts = action_counts(conn, &ActionFilter::default(), today)?;
    Ok(notice_message(&counts).map(|text| (counts, text)))
}

/// The once-a-day rule of the notice: the day it was last given.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DailyNotice {
    given_on: Option<NaiveDate>,
}

impl DailyNotice {
    /// Whether the notice was already given on `day` (then the round asks nothing).
    pub fn given_on(&self, day: NaiveDate) -> bool {
        self.given_on == Some(day)
    }

    /// Records that the notice is given on `day`; false when it already was that day.
    pub fn give(&mut self, day: NaiveDate) -> bool {
        if self.given_on(day) {
            return false;
        }
        self.given_on = Some(day);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(overdue: u32, due_today: u32) -> ActionCounts {
        ActionCounts {
            overdue,
            due_today,
            ..Default::default()
        }
    }

    #[test]
    fn the_message_counts_overdue_and_due_today_in_italian() {
        assert_eq!(
            notice_message(&counts(0, 0)),
            None,
            "nothing to say: no notice"
        );
        assert_eq!(
            notice_message(&counts(3, 1)).as_deref(),
            Some("3 azioni in ritardo, 1 in scadenza oggi")
        );
        assert_eq!(
            notice_message(&counts(1, 0)).as_deref(),
            Some("1 azione in ritardo")
        );
        assert_eq!(
            notice_message(&counts(0, 2)).as_deref(),
            Some("2 azioni in scadenza oggi")
        );
        assert_eq!(
            notice_message(&counts(0, 1)).as_deref(),
            Some("1 azione in scadenza oggi")
        );
    }

    #[test]
    fn the_notice_is_given_once_a_day() {
        let mut notice = DailyNotice::default();
        let day = NaiveDate::from_ymd_opt(2026, 11, 26).expect("date");
        assert!(!notice.given_on(day));
        assert!(notice.give(day), "the first round of the day gives it");
        assert!(notice.given_on(day));
        assert!(!notice.give(day), "not again the same day");
        let next = day.succ_opt().expect("next day");
        assert!(!notice.given_on(next));
        assert!(notice.give(next), "the next day it is given again");
    }
}
