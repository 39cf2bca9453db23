//! «Promemoria degli incontri»: the leads chosen in Impostazioni, and the page's subscription to
//! the reminders the background loop gives (`crate::reminders`).

use raccordo::error::ApiError;
use raccordo::meetings::reminders::{self, Reminder, ReminderSettings};
use tauri::ipc::Channel;
use tauri::State;

use crate::reminders::ReminderMailbox;
use crate::AppState;

#[tauri::command]
pub fn reminder_settings_get(state: State<'_, AppState>) -> Result<ReminderSettings, ApiError> {
    Ok(state.store()?.read(reminders::reminder_settings)?)
}

/// Validates and stores the leads (empty = no reminders); returns them as stored.
///
/// Stored largest first; `[]` = off.
#[tauri::command(rename_all = "snake_case")]
pub fn reminder_settings_save(
    state: State<'_, AppState>,
    input: ReminderSettings,
) -> Result<ReminderSettings, ApiError> {
    Ok(state
        .store()?
        .write(|tx| reminders::save_reminder_settings(tx, &input))?)
}

/// The page's channel for reminders: what was given before it subscribed arrives at once.
///
/// The loop looks every 30 s; each reminder is also a desktop notification from Rust.
#[tauri::command(rename_all = "snake_case")]
pub fn reminders_watch(
    mailbox: State<'_, ReminderMailbox>,
    on_reminder: Channel<Reminder>,
) -> Result<(), ApiError> {
    mailbox.watch(on_reminder);
    Ok(())
}
