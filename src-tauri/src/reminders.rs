//! Meeting reminders while the app runs: a background thread that asks the core every half
//! minute for the reminders due ([`raccordo::meetings::reminders::claim_due_reminders`], which
//! records them as given in one transaction) and gives each one twice: as a desktop
//! notification (tauri-plugin-notification, called from Rust only: the window is granted none
//! of its permissions, so a page script cannot send notifications) and as a message to the page
//! (an IPC channel the page hands over through `commands::reminders`), which shows an in-app
//! notice with a link to the meeting — the reminder is seen even where no notification daemon runs.
//!
//! A failed notification is logged and never stops the loop. Reminders given before the page
//! subscribed (the first check runs as soon as the window is up) wait in the [`Mailbox`] and are
//! handed over when it does; a page that subscribes wakes the loop for an immediate check.
//!
//! Each round also gives the daily notice of overdue actions (`crate::action_alerts`).
//!
//! `RACCORDO_TEST_REMINDER_SECONDS` (tests only, 1–3600) shortens the interval, so the
//! end-to-end suite sees a meeting added while the app runs without waiting half a minute.

use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use chrono::Utc;
use raccordo::error::ApiError;
use raccordo::meetings::reminders::{claim_due_reminders, Reminder};
use tauri::ipc::{Channel, IpcResponse};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

use crate::AppState;

/// Interval between two checks.
pub const INTERVAL: Duration = Duration::from_secs(30);
/// Environment variable that shortens [`INTERVAL`] for tests.
pub const TEST_INTERVAL: &str = "RACCORDO_TEST_REMINDER_SECONDS";
/// Reminders kept for a page that has not subscribed yet (the oldest are dropped beyond).
const MAX_PENDING: usize = 50;

/// The interval from the test variable's value, else [`INTERVAL`].
fn interval_from(value: Option<&str>) -> Duration {
    value
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|s| (1..=3600).contains(s))
        .map_or(INTERVAL, Duration::from_secs)
}

/// Where reminders go to the page: its channel once it subscribed, a queue before.
pub struct Mailbox<T: IpcResponse + Clone> {
    page: Mutex<Option<Channel<T>>>,
    pending: Mutex<Vec<T>>,
    wake: Mutex<Sender<()>>,
    woken: Mutex<Option<Receiver<()>>>,
}

impl<T: IpcResponse + Clone> Default for Mailbox<T> {
    fn default() -> Self {
        let (wake, woken) = channel();
        Self {
            page: Mutex::new(None),
            pending: Mutex::new(Vec::new()),
            wake: Mutex::new(wake),
            woken: Mutex::new(Some(woken)),
        }
    }
}

fn lock<V>(m: &Mutex<V>) -> MutexGuard<'_, V> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl<T: IpcResponse + Clone> Mailbox<T> {
    /// Sends `item` to the page, or keeps it until the page subscribes.
    pub fn deliver(&self, item: T) {
        let page = lock(&self.page);
        if let Some(channel) = page.as_ref() {
            if channel.send(item.clone()).is_ok() {
                return;
            }
        }
        let mut pending = lock(&self.pending);
        pending.push(item);
        let excess = pending.len().saturating_sub(MAX_PENDING);
        pending.drain(..excess);
    }

    /// The page's channel (a reloaded page replaces the previous one): hands it what was kept,
    /// then wakes the loop for a check now.
    pub fn watch(&self, channel: Channel<T>) {
        let mut page = lock(&self.page);
        for item in lock(&self.pending).drain(..) {
            if let Err(e) = channel.send(item) {
                eprintln!("avviso: promemoria non consegnato alla finestra: {e}");
            }
        }
        *page = Some(channel);
        drop(page);
        let _ = lock(&self.wake).send(());
    }

    /// The loop's end of the wake-up channel (once).
    fn take_wake_receiver(&self) -> Option<Receiver<()>> {
        lock(&self.woken).take()
    }
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
    use std::sync::Arc;
    use tauri::ipc::InvokeResponseBody;

    /// A channel that records what it receives, as the page's `onmessage` would.
    fn recording() -> (Channel<String>, Arc<Mutex<Vec<String>>>) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&seen);
        let channel = Channel::new(move |body| {
            if let InvokeResponseBody::Json(json) = body {
                lock(&sink).push(serde_json::from_str::<String>(&json).unwrap_or(json));
            }
            Ok(())
        });
        (channel, seen)
    }

    #[test]
    fn reminders_given_before_the_page_subscribes_are_handed_over_then_sent_directly() {
        let mailbox: Mailbox<String> = Mailbox::default();
        let woken = mailbox.take_wake_receiver().expect("receiver");
        mailbox.deliver("prima".into());
        mailbox.deliver("seconda".into());
        let (channel, seen) = recording();
        mailbox.watch(channel);
        assert_eq!(
            *lock(&seen),
            ["prima", "seconda"],
            "what was given before the page subscribed reaches it, in order"
        );
        assert!(
            woken.try_recv().is_ok(),
            "a subscribing page wakes the loop for an immediate check"
        );
        mailbox.deliver("terza".into());
        assert_eq!(
            lock(&seen).last().map(String::as_str),
            Some("terza"),
            "once subscribed, reminders go straight to the page"
        );
        assert!(lock(&mailbox.pending).is_empty(), "nothing left waiting");
    }

    #[test]
    fn a_reloaded_page_replaces_the_previous_channel() {
        let mailbox: Mailbox<String> = Mailbox::default();
        let (old, old_seen) = recording();
        mailbox.watch(old);
        let (new, new_seen) = recording();
        mailbox.watch(new);
        mailbox.deliver("promemoria".into());
        assert!(lock(&old_seen).is_empty(), "the old page gets nothing");
        assert_eq!(*lock(&new_seen), ["promemoria"], "the new page gets it");
    }

    #[test]
    fn the_queue_for_an_absent_page_is_bounded() {
        let mailbox: Mailbox<String> = Mailbox::default();
        for i in 0..(MAX_PENDING + 5) {
            mailbox.deliver(format!("n{i}"));
        }
        let pending = lock(&mailbox.pending);
        assert_eq!(pending.len(), MAX_PENDING, "at most {MAX_PENDING} kept");
        assert_eq!(
            pending.first().map(String::as_str),
            Some("n5"),
            "the oldest are dropped first"
        );
    }

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
