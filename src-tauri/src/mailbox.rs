//! The page's end of a background notice (meeting reminders, the daily actions notice): items
//! go to the channel the page handed over, or wait (at most [`MAX_PENDING`], the oldest dropped)
//! until it subscribes; subscribing hands them over and wakes the loop that produces them.
//!
//! Shared by `crate::reminders` (the loop) and `crate::action_alerts` (called by the loop), so
//! neither imports the other's internals: the dependency runs one way, reminders → alerts.

use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Mutex, MutexGuard};

use tauri::ipc::{Channel, IpcResponse};

/// Items kept for a page that has not subscribed yet (the oldest are dropped beyond).
pub const MAX_PENDING: usize = 50;

/// Where items go to the page: its channel once it subscribed, a queue before.
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
    pub fn take_wake_receiver(&self) -> Option<Receiver<()>> {
        lock(&self.woken).take()
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
}
