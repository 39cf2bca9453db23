//! Minutes (verbali): the document engine.
//!
//! Contract (this step of issue 5 does not touch the database):
//! - [`document::MinutesDocument`] is the pure description of a verbale to render — header,
//!   attendance, agenda items with discussion and decisions, follow-ups, closing notes,
//!   signatures — built by whoever reads the meeting and its minutes.
//! - [`richtext::RichText`] is the limited rich text the editor stores (paragraphs, bold, italic,
//!   bullet and numbered lists): validated, convertible to plain text, readable from a small
//!   Markdown subset; never raw HTML.
//! - [`render::render`] turns a document into PDF (PDF/A-2b on request), DOCX, ODT, Markdown or
//!   HTML, with every user string rendered as text in every format.

pub mod document;
mod markdown;
pub mod render;
pub mod richtext;

pub use document::{
    AgendaSection, AttendanceRow, Author, DocumentStatus, FollowUpRow, Logo, LogoKind,
    MinutesDocument, Signature,
};
pub use render::{render, Format, Options};
pub use richtext::{Block, ListItem, RichText, Span};
