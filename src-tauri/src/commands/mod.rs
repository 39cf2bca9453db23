//! Tauri commands, one module per area. Each command takes the managed state, calls one core
//! function and returns the core's `ApiError` on failure: no rule lives here.

pub mod action_files;
pub mod actions;
pub mod app;
pub mod attachments;
pub mod audit;
pub mod backup;
pub mod calendar_files;
pub mod contact_files;
pub mod contacts;
pub mod meetings;
pub mod minutes;
pub mod minutes_batch;
pub mod minutes_files;
pub mod reminders;
pub mod sai;
pub mod sai_files;
pub mod settings;
pub mod territory;
