//! File formats that carry data in and out of Raccordo, independent of the database.
//!
//! Contract: pure functions from bytes to records (readers) and from records to files
//! (writers). Readers never touch the database and report problems per row with the line
//! number; writers never leave a partial file and never replace an existing file unless the
//! whole new file was written and synced (temporary file + fsync + rename, [`atomic_write`]).
//! Input limits: [`text::MAX_INPUT_BYTES`] per file, [`text::MAX_LINE_BYTES`] per line,
//! [`csv_contacts::MAX_ROWS`] rows per CSV file, [`ics::MAX_EVENTS`] events per calendar file.

pub mod cell;
pub mod content_line;
pub mod csv_contacts;
pub mod filename;
pub mod ics;
pub mod names;
pub mod record;
pub mod table;
pub mod text;
pub mod vcard;
pub mod write;

pub use cell::{csv_cell, neutralise};
pub use csv_contacts::{CsvPreview, CsvRead};
pub use record::{AgendaItemInput, ContactField, ContactRecord, RowIssue};
pub use text::TextEncoding;
pub use vcard::{VcardRead, VcardVersion};
pub use write::{atomic_write, write_csv, write_vcard, write_xlsx, CsvStyle};
