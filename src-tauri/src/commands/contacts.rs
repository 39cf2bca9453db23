//! Contacts: people, organisations, roles (offices), search and duplicates.

use chrono::NaiveDate;
use raccordo::contacts::{
    self, DuplicateGroup, OrgInput, OrgKind, OrgLink, OrgView, PersonFilter, PersonInput,
    PersonPage, PersonView, RoleInput, RoleView, SearchHit,
};
use raccordo::error::ApiError;
use raccordo::time::today_rome;
use tauri::State;

use crate::AppState;

/// Roles held today at the comune's Comune organisation (sindaco, assessori, …).
///
/// Sindaco first, then vice, assessori, others.
#[tauri::command(rename_all = "snake_case")]
pub fn comune_people(
    state: State<'_, AppState>,
    istat_code: String,
) -> Result<Vec<RoleView>, ApiError> {
    Ok(state
        .store()?
        .read(|c| contacts::comune_people(c, &istat_code, today_rome()))?)
}

/// As-you-type search across people, organisations and roles.
#[tauri::command(rename_all = "snake_case")]
pub fn contact_search(
    state: State<'_, AppState>,
    query: String,
    limit: u32,
) -> Result<Vec<SearchHit>, ApiError> {
    Ok(state
        .store()?
        .read(|c| contacts::search(c, &query, limit))?)
}

/// A window (at most 500) of the people matching `filter`, by family name, and the `total`.
#[tauri::command(rename_all = "snake_case")]
pub fn person_page(
    state: State<'_, AppState>,
    filter: PersonFilter,
    limit: u32,
    offset: u32,
) -> Result<PersonPage, ApiError> {
    Ok(state
        .store()?
        .read(|c| contacts::person_page(c, &filter, limit, offset))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn person_get(state: State<'_, AppState>, id: i64) -> Result<PersonView, ApiError> {
    Ok(state.store()?.read(|c| contacts::person(c, id))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn person_create(
    state: State<'_, AppState>,
    input: PersonInput,
) -> Result<PersonView, ApiError> {
    Ok(state
        .store()?
        .write(|tx| contacts::create_person(tx, &input))?)
}

/// Replaces the person's fields; the lists (e-mails, phones, tags) replace the stored ones.
#[tauri::command(rename_all = "snake_case")]
pub fn person_update(
    state: State<'_, AppState>,
    id: i64,
    input: PersonInput,
) -> Result<PersonView, ApiError> {
    Ok(state
        .store()?
        .write(|tx| contacts::update_person(tx, id, &input))?)
}

/// GDPR erasure: the person disappears everywhere; history shows "partecipante rimosso".
#[tauri::command(rename_all = "snake_case")]
pub fn person_erase(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    Ok(state.store()?.write(|tx| contacts::erase(tx, id))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn person_duplicates(state: State<'_, AppState>) -> Result<Vec<DuplicateGroup>, ApiError> {
    Ok(state.store()?.read(contacts::duplicates)?)
}

/// Merges `remove_ids` into `keep_id`; returns the kept person.
#[tauri::command(rename_all = "snake_case")]
pub fn person_merge(
    state: State<'_, AppState>,
    keep_id: i64,
    remove_ids: Vec<i64>,
) -> Result<PersonView, ApiError> {
    Ok(state
        .store()?
        .write(|tx| contacts::merge(tx, keep_id, &remove_ids))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn org_list(
    state: State<'_, AppState>,
    kind: Option<OrgKind>,
    search: Option<String>,
) -> Result<Vec<OrgView>, ApiError> {
    Ok(state
        .store()?
        .read(|c| contacts::list_orgs(c, kind, search.as_deref()))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn org_get(state: State<'_, AppState>, id: i64) -> Result<OrgView, ApiError> {
    Ok(state.store()?.read(|c| contacts::org(c, id))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn org_create(state: State<'_, AppState>, input: OrgInput) -> Result<OrgView, ApiError> {
    Ok(state
        .store()?
        .write(|tx| contacts::create_org(tx, &input))?)
}

/// Every role at the organisation; with `on`, only those held on that date.
#[tauri::command(rename_all = "snake_case")]
pub fn org_roles(
    state: State<'_, AppState>,
    id: i64,
    on: Option<NaiveDate>,
) -> Result<Vec<RoleView>, ApiError> {
    Ok(state
        .store()?
        .read(|c| contacts::list_roles(c, None, Some(id), on))?)
}

/// Member comuni of an Unione or zones of an SdS (dated).
#[tauri::command(rename_all = "snake_case")]
pub fn org_links(
    state: State<'_, AppState>,
    id: i64,
    on: Option<NaiveDate>,
) -> Result<Vec<OrgLink>, ApiError> {
    Ok(state.store()?.read(|c| contacts::org_links(c, id, on))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn role_add(state: State<'_, AppState>, input: RoleInput) -> Result<RoleView, ApiError> {
    Ok(state.store()?.write(|tx| contacts::add_role(tx, &input))?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn role_update(
    state: State<'_, AppState>,
    id: i64,
    input: RoleInput,
) -> Result<RoleView, ApiError> {
    Ok(state
        .store()?
        .write(|tx| contacts::update_role(tx, id, &input))?)
}

/// Deletes the role; returns it, for the undo.
#[tauri::command(rename_all = "snake_case")]
pub fn role_delete(state: State<'_, AppState>, id: i64) -> Result<RoleView, ApiError> {
    Ok(state.store()?.write(|tx| contacts::delete_role(tx, id))?)
}
