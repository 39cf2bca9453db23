//! The daily notice of follow-up actions while the app runs: «N azioni in ritardo, M in scadenza
//! oggi» (text, counts and once-a-day rule: `raccordo::actions::alerts`). The reminder loop
//! (`crate::reminders`) calls [`check`] on every round; the first round
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
use raccordo::actions::alerts::{self, DailyNotice};
use raccordo::actions::ActionCounts;
use raccordo::error::ApiError;
use raccordo::time::today_rome;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

use crate::mailbox::Mailbox;
use crate::AppState;

/// The counts sent to the page, managed by Tauri.
pub type ActionMailbox = Mailbox<ActionCounts>;

/// The core's once-a-day rule for this run (managed by Tauri).
#[derive(Default)]
pub struct GivenOn(Mutex<DailyNotice>);

impl GivenOn {
    fn lock(&self) -> std::sync::MutexGuard<'_, DailyNotice> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn given_on(&self, day: NaiveDate) -> bool {
        self.lock().given_on(day)
    }

    fn give(&self, day: NaiveDate) -> bool {
        self.lock().give(day)
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
    let (counts, body) = match store.read(|c| alerts::notice(c, today)) {
        Ok(Some(notice)) => notice,
        Ok(None) => return,
        Err(e) => {
            eprintln!(
                "avviso: controllo delle azioni in scadenza non riuscito: {}",
                ApiError::from(e).message
            );
            return;
        }
    };
    if !given.give(today) {
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
