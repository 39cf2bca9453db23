//! Follow-up actions: what was decided, who does it and by when, tracked per comune.
//!
//! Contract:
//! - An action has a title, a description, an owner ([`ActionOwner`]: nobody, the coordinator —
//!   shown with the profile's name — or a directory person), a due date (a day in Europe/Rome),
//!   a priority and a status ([`ActionStatus`]: aperta, in corso, in attesa, completata,
//!   annullata). Every status change is a dated entry with a note ([`set_status`]); the form
//!   never changes the status directly. `closed_at` is set exactly while it is completed or
//!   cancelled.
//! - Overdue means: due before today (Europe/Rome) and neither completed nor cancelled
//!   ([`read::is_overdue`], [`DueWindow::Overdue`]).
//! - Links: the meeting (and agenda item of that meeting) that decided it, comuni (ISTAT codes),
//!   organisations and people. People are referenced by id without a foreign key (an erased
//!   person reads "persona rimossa"; a merge moves the references, see `contacts::merge`);
//!   deleting a meeting or agenda item keeps the action and clears the link.
//! - The ASL and zones an action concerns are derived at every write from its comuni and
//!   organisations (`action_area`), so the list filters by ASL and zone from an index.
//! - Lists ([`list_actions`]) filter by text, status, due window, priority, ASL, zone, comune,
//!   organisation, owner, person and meeting, sort and page; [`action_counts`] feeds the board
//!   and the dashboard.
//! - Bulk changes ([`bulk_update`]) return what they replaced so [`undo_bulk`] can put it back.
//! - The daily notice of overdue actions (its text and once-a-day rule) is [`alerts`].
//! - Every write takes a `&Transaction`, validates first (Italian field errors), writes and
//!   appends an audit row (action id and field names only); reads take `&Connection`.

pub mod alerts;
pub mod export;
mod list;
pub mod read;
mod saved;
mod store;
pub mod types;

pub use export::{export_actions, ActionExportFormat, ACTION_HEADERS};
pub use list::{action_counts, all_actions, count_actions, list_actions, open_by_asl};
pub use read::{action, is_overdue};
pub use saved::{delete_filter, save_filter, saved_filters};
pub use store::{
    bulk_update, create_action, delete_action, set_status, undo_bulk, update_action, BULK_MAX,
};
pub use types::*;

/// Most comuni, organisations or people linked to one action.
pub const MAX_LINKS: usize = 300;
/// Largest page of a list.
pub const LIST_MAX: u32 = 1_000;
/// Page size when none is asked.
pub const PAGE_DEFAULT: u32 = 200;
/// Comuni named in a list row before "+N".
pub const SUMMARY_COMUNI: usize = 3;
