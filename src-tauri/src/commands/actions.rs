//! Follow-up actions (Azioni): the list behind every view (paged, filtered, sorted), the board
//! and dashboard counts, one action, the form (create, edit), status changes with a note, bulk
//! changes with undo, delete, saved filters; and the pages that bring things together: the
//! comune's timeline, a zone's or ASL's overview, the dashboard's recent changes.
//!
//! "Today" (overdue, due windows) is `raccordo::time::today_rome()`; every rule is the core's.

use raccordo::actions::{
    self, ActionCounts, ActionFilter, ActionInput, ActionPage, ActionPrior, ActionStatus,
    ActionView, AslActionCount, BulkChange, BulkOutcome, SavedFilter,
};
use raccordo::error::ApiError;
use raccordo::overview::{self, AreaOverview, AreaRef, RecentChange, TimelineEntry};
use raccordo::time::today_rome;
use tauri::ipc::Channel;
use tauri::State;

use crate::action_alerts::ActionMailbox;
use crate::AppState;

/// One page of the actions matching `filter`, with the total.
///
/// `filter.offset`/`limit` page it; `total` = the whole filter.
#[tauri::command(rename_all = "snake_case")]
pub fn action_list(
    state: State<'_, AppState>,
    filter: ActionFilter,
) -> Result<ActionPage, ApiError> {
    Ok(state
        .store()?
        .read(|c| actions::list_actions(c, &filter, today_rome()))?)
}

/// How many actions match `filter` (offset and limit ignored).
#[tauri::command(rename_all = "snake_case")]
pub fn action_count(state: State<'_, AppState>, filter: ActionFilter) -> Result<u32, ApiError> {
    Ok(state
        .store()?
        .read(|c| actions::count_actions(c, &filter, today_rome()))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn action_get(state: State<'_, AppState>, id: i64) -> Result<ActionView, ApiError> {
    Ok(state.store()?.read(|c| actions::action(c, id))?)
}

/// Creates an action (status «aperta»).
///
/// The first history entry is written with it.
#[tauri::command(rename_all = "snake_case")]
pub fn action_create(
    state: State<'_, AppState>,
    input: ActionInput,
) -> Result<ActionView, ApiError> {
    Ok(state
        .store()?
        .write(|tx| actions::create_action(tx, &input))?)
}

/// Replaces the fields and links of an action (not its status).
#[tauri::command(rename_all = "snake_case")]
pub fn action_update(
    state: State<'_, AppState>,
    id: i64,
    input: ActionInput,
) -> Result<ActionView, ApiError> {
    Ok(state
        .store()?
        .write(|tx| actions::update_action(tx, id, &input))?)
}

/// A dated status change with its note (same status = a progress note).
#[tauri::command(rename_all = "snake_case")]
pub fn action_set_status(
    state: State<'_, AppState>,
    id: i64,
    status: ActionStatus,
    note: String,
) -> Result<ActionView, ApiError> {
    Ok(state
        .store()?
        .write(|tx| actions::set_status(tx, id, status, &note))?)
}

/// One change (status, owner, due) to many actions; returns what it replaced, for the undo.
#[tauri::command(rename_all = "snake_case")]
pub fn action_bulk(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    change: BulkChange,
) -> Result<BulkOutcome, ApiError> {
    Ok(state
        .store()?
        .write(|tx| actions::bulk_update(tx, &ids, &change))?)
}

/// Puts back what a bulk change replaced; returns how many actions were restored.
///
/// Actions deleted since are skipped.
#[tauri::command(rename_all = "snake_case")]
pub fn action_undo_bulk(
    state: State<'_, AppState>,
    prior: Vec<ActionPrior>,
) -> Result<u32, ApiError> {
    Ok(state.store()?.write(|tx| actions::undo_bulk(tx, &prior))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn action_delete(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    Ok(state.store()?.write(|tx| actions::delete_action(tx, id))?)
}

/// Counts per status, overdue and due today, for the board and the dashboard.
///
/// Overdue and due today count the open ones; the filter's statuses and due window are ignored.
#[tauri::command(rename_all = "snake_case")]
pub fn action_counts(
    state: State<'_, AppState>,
    filter: ActionFilter,
) -> Result<ActionCounts, ApiError> {
    Ok(state
        .store()?
        .read(|c| actions::action_counts(c, &filter, today_rome()))?)
}

/// Open and overdue actions per ASL (every ASL), for the dashboard.
#[tauri::command(rename_all = "snake_case")]
pub fn action_open_by_asl(state: State<'_, AppState>) -> Result<Vec<AslActionCount>, ApiError> {
    Ok(state
        .store()?
        .read(|c| actions::open_by_asl(c, today_rome()))?)
}

/// The saved filters, by name.
#[tauri::command(rename_all = "snake_case")]
pub fn action_filters(state: State<'_, AppState>) -> Result<Vec<SavedFilter>, ApiError> {
    Ok(state.store()?.read(actions::saved_filters)?)
}

/// Saves (or replaces, by name) a filter: the query string of the list's URL.
///
/// `query` is the list's query string.
#[tauri::command(rename_all = "snake_case")]
pub fn action_filter_save(
    state: State<'_, AppState>,
    name: String,
    query: String,
) -> Result<SavedFilter, ApiError> {
    Ok(state
        .store()?
        .write(|tx| actions::save_filter(tx, &name, &query))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn action_filter_delete(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    Ok(state.store()?.write(|tx| actions::delete_filter(tx, id))?)
}

/// The comune's history, newest first (at most `limit` entries).
///
/// `limit` ≤ 500.
#[tauri::command(rename_all = "snake_case")]
pub fn comune_timeline(
    state: State<'_, AppState>,
    istat_code: String,
    limit: u32,
) -> Result<Vec<TimelineEntry>, ApiError> {
    Ok(state
        .store()?
        .read(|c| overview::comune_timeline(c, &istat_code, limit))?)
}

/// The page of a zone or an ASL: its comuni with their open work, counts, coming meetings.
///
/// `{ kind: "zone", id }` or `{ kind: "asl", code }`.
#[tauri::command(rename_all = "snake_case")]
pub fn area_overview(state: State<'_, AppState>, area: AreaRef) -> Result<AreaOverview, ApiError> {
    Ok(state
        .store()?
        .read(|c| overview::area_overview(c, area, today_rome()))?)
}

/// The latest action status changes and meeting edits, newest first.
///
/// `limit` 1–200.
#[tauri::command(rename_all = "snake_case")]
pub fn recent_changes(
    state: State<'_, AppState>,
    limit: u32,
) -> Result<Vec<RecentChange>, ApiError> {
    Ok(state
        .store()?
        .read(|c| overview::recent_changes(c, limit))?)
}

/// The page's channel for the daily notice of overdue actions (`crate::action_alerts`): a notice
/// given before the page subscribed arrives at once.
///
/// First round of the reminder loop with something overdue or due today.
#[tauri::command(rename_all = "snake_case")]
pub fn action_alerts_watch(
    mailbox: State<'_, ActionMailbox>,
    on_alert: Channel<ActionCounts>,
) -> Result<(), ApiError> {
    mailbox.watch(on_alert);
    Ok(())
}
