//! Meeting reminders while the app runs: a background thread that asks the core every half
//! minute for the reminders due ([`raccordo::meetings::reminders::claim_due_reminders`], which
//! records them as given in one transaction) and gives each one twice: as a desktop
//! notification (tauri-plugin-notification, called from Rust only: the window is granted none
//! of its permissions, so a page script cannot send notifications) and as a message to the page
//! (an IPC channel the page hands over through `commands::reminders`), which shows an in-app
//! notice with a link to the meeting — the reminder is seen even where no notification daemon runs.
//!
//! A failed notification is logged and never stops the loop. Reminders given before the page
//! subscribed (the first check runs as soon as the window is up) wait in the [`Mailbox`] (`crate::mailbox`) and are
//! handed over when it does; a page that subscribes wakes the loop for an immediate check.
//!
//! Each round also gives the daily notice of overdue actions (`crate::action_alerts`).
//!
//! `RACCORDO_TEST_REMINDER_SECONDS` (tests only, 1–3600) shortens the interval, so the
//! end-to-end suite sees a meeting added while the app runs without waiting half a minute.

use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use chrono::Utc;
use raccordo::error::ApiError;
use raccordo::meetings::reminders::{claim_due_reminders, Reminder};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

use crate::mailbox::Mailbox;
use crate::AppState;

/// Interval between two checks.
pub const INTERVAL: Duration = Duration::from_secs(30);
/// Environment variable that shortens [`INTERVAL`] for tests.
pub const TEST_INTERVAL: &str = "RACCORDO_TEST_REMINDER_SECONDS";

/// The interval from the test variable's value, else [`INTERVAL`].
fn interval_from(value: Option<&str>) -> Duration {
    value
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|s| (1..=3600).contains(s))
        .map_or(INTERVAL, Duration::from_secs)
}

/// The reminders' mailbox, managed by Tauri.
pub type ReminderMailbox = Mailbox<Reminder>;

/// Starts the reminder loop (once; after the window is up).
pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    let Some(woken) = app.state::<ReminderMailbox>().take_wake_receiver() else {
        return;
    };
    let every = interval_from(std::env::var(TEST_INTERVAL).ok().as_deref());
    let started = std::thread::Builder::new()
        .name("promemoria".into())
        .spawn(move || loop {
            check(&app);
            crate::action_alerts::check(&app);
            if let Err(RecvTimeoutError::Disconnected) = woken.recv_timeout(every) {
                break;
            }
        });
    if let Err(e) = started {
        eprintln!("avviso: promemoria degli incontri non avviati: {e}");
    }
}

/// One check: claim what is due, notify the desktop, hand it to the page.
fn check<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let Ok(store) = state.store() else {
        return; // the page explains why the database is not open
    };
    let due = match claim_due_reminders(store, Utc::now()) {
        Ok(due) => due,
        Err(e) => {
            eprintln!(
                "avviso: controllo dei promemoria non riuscito: {}",
                ApiError::from(e).message
            );
            return;
        }
    };
    let mailbox = app.state::<ReminderMailbox>();
    for reminder in due {
        notify(app, &reminder);
        mailbox.deliver(reminder);
    }
}

/// The desktop notification; a failure (no notification service) is logged, never fatal.
fn notify<R: Runtime>(app: &AppHandle<R>, reminder: &Reminder) {
    let shown = app
        .notification()
        .builder()
        .title("Raccordo: promemoria")
        .body(&reminder.message)
        .show();
    if let Err(e) = shown {
        eprintln!("avviso: notifica del promemoria non mostrata: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_interval_is_half_a_minute_unless_a_test_shortens_it() {
        assert_eq!(interval_from(None), INTERVAL, "default 30 s");
        assert_eq!(
            interval_from(Some("2")),
            Duration::from_secs(2),
            "tests may shorten it"
        );
        for bad in ["0", "abc", "", "100000"] {
            assert_eq!(
                interval_from(Some(bad)),
                INTERVAL,
                "an unusable value ({bad:?}) keeps the default"
            );
        }
    }
}
