//! Minutes (verbali): the document engine.
//!
//! Contract:
//! - [`document::MinutesDocument`] is the pure description of a verbale to render — header,
//!   attendance, agenda items with discussion and decisions, follow-ups, closing notes,
//!   signatures — built by whoever reads the meeting and its minutes.
//! - [`richtext::RichText`] is the limited rich text the editor stores (paragraphs, bold, italic,
//!   bullet and numbered lists): validated, convertible to plain text, readable from a small
//!   Markdown subset; never raw HTML.
//! - [`render::render`] turns a document into PDF (PDF/A-2b on request), DOCX, ODT, Markdown or
//!   HTML, with every user string rendered as text in every format.
//! - Storage ([`store`], migration 0006): one verbale per meeting, started prefilled from the
//!   meeting ([`start`]), saved as a draft as often as the editor likes ([`save_draft`], the
//!   autosave), approved ([`approve`]: the content locks — also by a database trigger — and the
//!   document as approved is kept frozen as a version), corrected only through a numbered
//!   revision with its reason ([`open_revision`]); every approved version stays exportable.
//! - Follow-ups are real actions (`crate::actions`) linked to the meeting and agenda item.
//! - [`build::document_of`] gives the document of a version or of the current state;
//!   [`export::export_minutes`] writes it atomically and records the export.
//! - [`batch`] exports every approved verbale of a period, ASL or zone (latest approved version
//!   of each) into a new folder or one zip file, with progress and cancel, leaving nothing
//!   behind on error or cancel ([`batch::plan`] is the preview, [`batch::export_batch`] the
//!   export).

pub mod batch;
mod batch_write;
pub mod build;
pub mod document;
pub mod export;
mod markdown;
pub mod model;
pub mod render;
pub mod richtext;
pub mod store;

pub use build::document_of;
pub use document::{
    AgendaSection, AttendanceRow, Author, DocumentStatus, FollowUpRow, Logo, LogoKind,
    MinutesDocument, Signature,
};
pub use export::{default_file_stem, export_minutes, read_logo, LogoPick};
pub use model::*;
pub use render::{render, Format, Options};
pub use richtext::{Block, ListItem, RichText, Span};
pub use store::{approve, follow_ups, minutes, open_revision, save_draft, start};
