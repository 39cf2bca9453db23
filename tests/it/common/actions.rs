//! Helpers of the action tests: inputs and writes in one call.

use chrono::NaiveDate;
use raccordo::actions::{self, ActionInput, ActionOwner, ActionPriority, ActionStatus};
use raccordo::Store;

/// An action titled `title`, due `due`, concerning `comuni`.
pub fn input(title: &str, due: Option<NaiveDate>, comuni: &[&str]) -> ActionInput {
    ActionInput {
        due,
        comuni: comuni.iter().map(|c| (*c).to_owned()).collect(),
        ..ActionInput::titled(title)
    }
}

/// Creates an action and returns its id.
pub fn add(store: &Store, input: &ActionInput) -> i64 {
    store
        .write(|tx| actions::create_action(tx, input))
        .expect("create action")
        .id
}

/// Creates an action owned by `owner` with `priority` and returns its id.
pub fn add_owned(
    store: &Store,
    title: &str,
    due: Option<NaiveDate>,
    owner: ActionOwner,
    priority: ActionPriority,
) -> i64 {
    add(
        store,
        &ActionInput {
            owner,
            priority,
            ..input(title, due, &[])
        },
    )
}

/// Moves an action to `status` with `note`.
pub fn set(store: &Store, id: i64, status: ActionStatus, note: &str) {
    store
        .write(|tx| actions::set_status(tx, id, status, note))
        .expect("status change");
}
