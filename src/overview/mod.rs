//! The pages that bring everything together: the scheda comune's timeline, the zone and ASL
//! pages that aggregate their comuni, and the dashboard's "what changed recently".
//!
//! Contract: read-only views over the other aggregates (territory, contacts, meetings,
//! actions), computed on a `&Connection` for a given day (Europe/Rome) so tests can fix "today".
//! Entries carry ids for navigation and text that the UI shows as text.
//! [`report`] renders the scheda comune as a PDF for a mayor's office.

mod area;
pub mod report;
mod timeline;
pub mod types;

pub use area::{area_overview, recent_changes};
pub use report::{comune_report_pdf, export_comune_report};
pub use timeline::comune_timeline;
pub use types::*;

/// Most timeline entries returned.
pub const TIMELINE_MAX: u32 = 500;
