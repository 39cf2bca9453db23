//! The SAI survey (ricognizione): where every Comune, Unione dei Comuni and Società della Salute
//! stands about a SAI project, its facts and next step, on a table, a map and in summaries.
//!
//! Contract:
//! - One survey record per organisation of kind comune, unione or SdS ([`SaiRecord`]): a dated
//!   status history ([`SaiStatus`]; the current status is the latest change by date, then by
//!   recording order), each change with a note and a source (a meeting, a person, a free text);
//!   project facts (ente titolare, ente attuatore/gestore, places ordinari / DM-DS / MSNA,
//!   funding period, triennial) and the next step with its due date.
//! - Coverage: an Unione's or SdS's project (status active or expanding) covers its member
//!   comuni on the date (Unione members; the comuni of the SdS's zones). A comune shows its own
//!   status when it has its own project or nobody covers it, otherwise "coperto tramite" the
//!   covering ente ([`SaiComuneView`]).
//! - Summaries per ASL, zone or province ([`summary`]) count every surveyed ente once, in the
//!   group of its territory; places per 1,000 residents use the comuni's population.
//! - Reads take `&Connection` and a date; writes take `&Transaction`, validate first (Italian
//!   field errors) and append an audit row with the organisation id. Exports ([`export`]) are
//!   CSV (`;` + BOM, neutralised cells), XLSX (real dates and numbers) and the summary PDF with
//!   the maps ([`report`]), written atomically.
//! - Demo data (`crate::demo::sai`) is flagged `synthetic` and replaced by the next `demo` run.

pub mod export;
mod place;
mod read;
pub mod report;
mod store;
mod summary;
pub mod types;

pub use read::{comune_page, comune_views, list, record};
pub use store::{delete_survey, edit_facts, set_status, MAX_PLACES, NEXT_STEP_MAX};
pub use summary::{changes_since, summary, UNASSIGNED};
pub use types::*;
