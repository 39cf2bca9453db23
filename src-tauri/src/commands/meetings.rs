//! Meetings: the Agenda's calendar ranges, the meeting form (proposed invitees, conflicts), the
//! meeting page (status, attendance, delete) and the "prossimi incontri" panel.
//!
//! Local times (`start`, `end`) are Europe/Rome wall-clock times `YYYY-MM-DDTHH:MM:SS`, dates
//! are ISO; the core converts and validates them.

use chrono::{NaiveDate, NaiveDateTime, Utc};
use raccordo::error::ApiError;
use raccordo::meetings::{
    self, AttendanceInput, InvitationView, MeetingConflict, MeetingFilter, MeetingInput,
    MeetingKind, MeetingStatus, MeetingSummary, MeetingView, ProposedInvitee, Scope,
};
use tauri::State;

use crate::AppState;

/// The meetings matching `filter` (a calendar range, or one page of the list), by start.
///
/// The calendar sends only the visible range, the list adds `limit`/`offset`.
#[tauri::command(rename_all = "snake_case")]
pub fn meeting_list(
    state: State<'_, AppState>,
    filter: MeetingFilter,
) -> Result<Vec<MeetingSummary>, ApiError> {
    Ok(state
        .store()?
        .read(|c| meetings::list_meetings(c, &filter))?)
}

/// How many meetings match `filter` (limit and offset ignored).
#[tauri::command(rename_all = "snake_case")]
pub fn meeting_count(state: State<'_, AppState>, filter: MeetingFilter) -> Result<i64, ApiError> {
    Ok(state
        .store()?
        .read(|c| meetings::count_meetings(c, &filter))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn meeting_get(state: State<'_, AppState>, id: i64) -> Result<MeetingView, ApiError> {
    Ok(state.store()?.read(|c| meetings::meeting(c, id))?)
}

/// Creates a meeting, or a series when `input.recurrence` is set (returns the first).
#[tauri::command(rename_all = "snake_case")]
pub fn meeting_create(
    state: State<'_, AppState>,
    input: MeetingInput,
) -> Result<MeetingView, ApiError> {
    Ok(state
        .store()?
        .write(|tx| meetings::create_meeting(tx, &input))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn meeting_update(
    state: State<'_, AppState>,
    id: i64,
    input: MeetingInput,
) -> Result<MeetingView, ApiError> {
    Ok(state
        .store()?
        .write(|tx| meetings::update_meeting(tx, id, &input))?)
}

/// Drag in the calendar: a new local start, same length. Moving back is the undo.
#[tauri::command(rename_all = "snake_case")]
pub fn meeting_move(
    state: State<'_, AppState>,
    id: i64,
    start: NaiveDateTime,
) -> Result<MeetingView, ApiError> {
    Ok(state
        .store()?
        .write(|tx| meetings::move_meeting(tx, id, start))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn meeting_set_status(
    state: State<'_, AppState>,
    id: i64,
    status: MeetingStatus,
    note: String,
) -> Result<MeetingView, ApiError> {
    Ok(state
        .store()?
        .write(|tx| meetings::set_status(tx, id, status, &note))?)
}

/// Deletes one meeting (an occurrence of a series becomes an exception of the series).
#[tauri::command(rename_all = "snake_case")]
pub fn meeting_delete(state: State<'_, AppState>, id: i64) -> Result<MeetingSummary, ApiError> {
    Ok(state
        .store()?
        .write(|tx| meetings::delete_meeting(tx, id))?)
}

/// Deletes every meeting of a series; returns how many went.
#[tauri::command(rename_all = "snake_case")]
pub fn meeting_delete_series(
    state: State<'_, AppState>,
    series_id: i64,
) -> Result<usize, ApiError> {
    Ok(state
        .store()?
        .write(|tx| meetings::delete_series(tx, series_id))?)
}

/// Who a meeting of `kind` over `scope` invites on the date `on`.
#[tauri::command(rename_all = "snake_case")]
pub fn meeting_propose_invitees(
    state: State<'_, AppState>,
    kind: MeetingKind,
    scope: Scope,
    on: NaiveDate,
) -> Result<Vec<ProposedInvitee>, ApiError> {
    Ok(state
        .store()?
        .read(|c| meetings::propose_invitees(c, kind, &scope, on))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn meeting_set_attendance(
    state: State<'_, AppState>,
    invitation_id: i64,
    input: AttendanceInput,
) -> Result<InvitationView, ApiError> {
    Ok(state
        .store()?
        .write(|tx| meetings::set_attendance(tx, invitation_id, &input))?)
}

/// Meetings overlapping `start`..`end` other than `exclude`, with the `people` invited to both.
#[tauri::command(rename_all = "snake_case")]
pub fn meeting_conflicts(
    state: State<'_, AppState>,
    start: NaiveDateTime,
    end: NaiveDateTime,
    exclude: Option<i64>,
    people: Vec<i64>,
) -> Result<Vec<MeetingConflict>, ApiError> {
    Ok(state
        .store()?
        .read(|c| meetings::conflicts(c, start, end, exclude, &people))?)
}

/// The meetings of the next `days` days (not cancelled), soonest first.
#[tauri::command(rename_all = "snake_case")]
pub fn meeting_upcoming(
    state: State<'_, AppState>,
    days: u32,
) -> Result<Vec<MeetingSummary>, ApiError> {
    Ok(state
        .store()?
        .read(|c| meetings::upcoming(c, Utc::now(), days))?)
}

/// The meetings that concerned a comune (by scope or by invitation), newest first.
#[tauri::command(rename_all = "snake_case")]
pub fn comune_meetings(
    state: State<'_, AppState>,
    istat_code: String,
) -> Result<Vec<MeetingSummary>, ApiError> {
    Ok(state
        .store()?
        .read(|c| meetings::comune_meetings(c, &istat_code))?)
}
