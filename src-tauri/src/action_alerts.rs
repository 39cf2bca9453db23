//! The daily notice of follow-up actions while the app runs: «N azioni in ritardo, M in scadenza
//! oggi». The reminder loop (`crate::reminders`) calls [`check`] on every round; the first round
//! of a day (Europe/Rome) with something overdue or due today gives the notice twice, like a
//! meeting reminder: as a desktop notification (from Rust only) and as the counts sent to the
//! page (an IPC channel the page hands over through `commands::actions`), which shows an in-app
//! notice linking to the overdue view. Then nothing more that day.
//!
//! "Given today" is kept in memory: a restart on the same day gives the notice again (the
//! dashboard shows the same counts anyway). A day with nothing to report is checked again on
//! the next round, so an action that falls due while the app runs is still announced.

use std::sync::Mutex;

use chrono::NaiveDate;
use raccordo::actions::{action_counts, ActionCounts, ActionFilter};
use raccordo::error::ApiError;
use raccordo::time::today_rome;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

use crate::reminders::Mailbox;
use crate::AppState;

/// The counts sent to the page, managed by Tauri.
pub type ActionMailbox = Mailbox<ActionCounts>;

/// The day the notice was last given (managed by Tauri).
#[derive(Default)]
pub struct GivenOn(Mutex<Option<NaiveDate>>);

impl GivenOn {
    /// True (and recorded) when nothing was given on `day` yet.
    fn first_on(&self, day: NaiveDate) -> bool {
        let mut given = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if *given == Some(day) {
            return false;
        }
        *given = Some(day);
        true
    }

    fn given_on(&self, day: NaiveDate) -> bool {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) == Some(day)
    }
}

/// «2 azioni in ritardo, 1 in scadenza oggi»; `None` when there is nothing to say.
pub fn message(c: &ActionCounts) -> Option<String> {
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

/// One round: once a day, counts what is overdue or due today and announces it.
pub fn check<R: Runtime>(app: &AppHandle<R>) {
    let today = today_rome();
    let given = app.state::<GivenOn>();
    if given.given_on(today) {
        return;
    }
    let state = app.state::<AppState>();
    let Ok(store) = state.store() else {
        return;
    };
    let counts = match store.read(|c| action_counts(c, &ActionFilter::default(), today)) {
        Ok(counts) => counts,
        Err(e) => {
            eprintln!(
                "avviso: controllo delle azioni in scadenza non riuscito: {}",
                ApiError::from(e).message
            );
            return;
        }
    };
    let Some(body) = message(&counts) else {
        return;
    };
    if !given.first_on(today) {
        return;
    }
    let shown = app
        .notification()
        .builder()
        .title("Raccordo: azioni da seguire")
        .body(&body)
        .show();
    if let Err(e) = shown {
        eprintln!("avviso: notifica delle azioni in scadenza non mostrata: {e}");
    }
    app.state::<ActionMailbox>().deliver(counts);
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
        assert_eq!(message(&counts(0, 0)), None, "nothing to say: no notice");
        assert_eq!(
            message(&counts(3, 1)).as_deref(),
            Some("3 azioni in ritardo, 1 in scadenza oggi")
        );
        assert_eq!(
            message(&counts(1, 0)).as_deref(),
            Some("1 azione in ritardo")
        );
        assert_eq!(
            message(&counts(0, 2)).as_deref(),
            Some("2 azioni in scadenza oggi")
        );
        assert_eq!(
            message(&counts(0, 1)).as_deref(),
            Some("1 azione in scadenza oggi")
        );
    }

    #[test]
    fn the_notice_is_given_once_a_day() {
        let given = GivenOn::default();
        let day = NaiveDate::from_ymd_opt(2026, 11, 26).expect("date");
        assert!(!given.given_on(day));
        assert!(given.first_on(day), "the first round of the day gives it");
        assert!(given.given_on(day));
        assert!(!given.first_on(day), "not again the same day");
        let next = day.succ_opt().expect("next day");
        assert!(given.first_on(next), "the next day it is given again");
    }
}
