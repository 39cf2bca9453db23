//! The pages that bring everything together: the scheda comune's timeline, the zone and ASL
//! pages that aggregate their comuni, and the dashboard's "what changed recently".
//!
//! Contract: read-only views over the other aggregates (territory, contacts, meetings,
//! actions), computed on a `&Connection` for a given day (Europe/Rome) so tests can fix "today".
//! Entries carry ids for navigation and text that the UI shows as text.

mod area;
mod timeline;
pub mod types;

pub use area::{area_overview, recent_changes};
pub use timeline::comune_timeline;
pub use types::*;

/// Most timeline entries returned.
pub const TIMELINE_MAX: u32 = 500;
