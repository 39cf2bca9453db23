//! PDF rendering with typst as a library.
//!
//! Contract:
//! - The layout is the fixed template `verbale.typ` (compiled into the binary); the document
//!   reaches it only as JSON data (`/data.json`) and the logo as bytes (`/logo`), so user strings
//!   are typst string values, never markup.
//! - The typst [`World`] here knows exactly three files (template, data, logo) and the fonts
//!   embedded from `assets/fonts/` (DejaVu Sans); it has no packages, no system fonts, no network
//!   and no clock (`today` is the verbale's date).
//! - `pdfa = true` asks typst-pdf for PDF/A-2b, which writes the XMP `pdfaid` identification,
//!   embeds every font and adds the sRGB OutputIntent; it refuses to produce a non-conforming file.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Offset, TimeZone, Timelike};
use serde_json::{json, Value};
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::layout::PagedDocument;
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::{heading as h, item_heading, Options};
use crate::error::{Error, Result};
use crate::minutes::document::MinutesDocument;
use crate::minutes::richtext::RichText;

const TEMPLATE: &str = include_str!("verbale.typ");

/// The embedded fonts (DejaVu Sans, Bitstream Vera licence: assets/fonts/LICENSE-DejaVu.txt).
const FONTS: [&[u8]; 4] = [
    include_bytes!("../../../assets/fonts/DejaVuSans.ttf"),
    include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf"),
    include_bytes!("../../../assets/fonts/DejaVuSans-Oblique.ttf"),
    include_bytes!("../../../assets/fonts/DejaVuSans-BoldOblique.ttf"),
];

/// What every render shares: the standard library, the fonts and the parsed template.
struct Env {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
}

/// A fixed typst template compiled into the binary, for [`render_template`].
pub struct Template(LazyLock<Source>);

impl Template {
    /// A template named `name` (e.g. "/scheda-comune.typ") with its source text.
    pub const fn new(build: fn() -> Source) -> Template {
        Template(LazyLock::new(build))
    }
}

static ENV: LazyLock<Env> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONTS
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    Env {
        library: LazyHash::new(Library::builder().build()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
        main: Source::new(
            FileId::new(None, VirtualPath::new("/main.typ")),
            TEMPLATE.to_owned(),
        ),
    }
});

/// One document as a typst world: the template, its data and its logo.
struct VerbaleWorld {
    main: &'static Source,
    data: Bytes,
    logo: Option<Bytes>,
    today: NaiveDate,
}

impl World for VerbaleWorld {
    fn library(&self) -> &LazyHash<Library> {
        &ENV.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &ENV.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id.package().is_some() {
            return Err(not_found(id));
        }
        match id.vpath().as_rootless_path().to_str() {
            Some("data.json") => Ok(self.data.clone()),
            Some("logo") => self.logo.clone().ok_or_else(|| not_found(id)),
            _ => Err(not_found(id)),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        ENV.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        let d = self.today;
        Datetime::from_ymd(
            d.year(),
            u8::try_from(d.month()).ok()?,
            u8::try_from(d.day()).ok()?,
        )
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().as_rootless_path().to_path_buf())
}

/// Renders `doc` to PDF bytes (PDF/A-2b when `pdfa`).
pub(super) fn render(doc: &MinutesDocument, pdfa: bool, opts: &Options) -> Result<Vec<u8>> {
    let data = serde_json::to_vec(&template_data(doc, opts))
        .map_err(|e| Error::Internal(format!("serialising the verbale for typst: {e}")))?;
    compile(
        &ENV.main,
        data,
        doc.logo.as_ref().map(|l| l.bytes.clone()),
        doc.date,
        pdfa,
        opts.created,
    )
}

/// Renders another fixed `template` of the application (a report) with `data` as `/data.json`
/// (and `logo` as `/logo`), with the same fonts and guarantees as the verbale: user strings are
/// data, never markup. `today` is the document's date; `created` its metadata time.
pub fn render_template(
    template: &'static Template,
    data: &serde_json::Value,
    logo: Option<Vec<u8>>,
    today: NaiveDate,
    pdfa: bool,
    created: Option<NaiveDateTime>,
) -> Result<Vec<u8>> {
    let data = serde_json::to_vec(data)
        .map_err(|e| Error::Internal(format!("serialising the report for typst: {e}")))?;
    compile(&template.0, data, logo, today, pdfa, created)
}

fn compile(
    main: &'static Source,
    data: Vec<u8>,
    logo: Option<Vec<u8>>,
    today: NaiveDate,
    pdfa: bool,
    created: Option<NaiveDateTime>,
) -> Result<Vec<u8>> {
    let world = VerbaleWorld {
        main,
        data: Bytes::new(data),
        logo: logo.map(Bytes::new),
        today,
    };
    let warned = typst::compile::<PagedDocument>(&world);
    let document = warned.output.map_err(|e| typst_error("layout", &e))?;
    let standards = if pdfa {
        PdfStandards::new(&[PdfStandard::A_2b])
            .map_err(|e| Error::Internal(format!("PDF/A-2b configuration: {e}")))?
    } else {
        PdfStandards::default()
    };
    let stamp = created.unwrap_or_else(|| today.and_hms_opt(0, 0, 0).unwrap_or_default());
    let options = PdfOptions {
        ident: Smart::Auto,
        timestamp: if pdfa || created.is_some() {
            timestamp(stamp)
        } else {
            None
        },
        standards,
        ..PdfOptions::default()
    };
    let bytes = typst_pdf::pdf(&document, &options).map_err(|e| typst_error("PDF", &e))?;
    // Bound the memoisation cache of typst across many renders (batch export).
    typst::comemo::evict(10);
    Ok(bytes)
}

/// A Europe/Rome wall-clock time as a PDF timestamp with its offset.
fn timestamp(local: NaiveDateTime) -> Option<Timestamp> {
    let offset = chrono_tz::Europe::Rome
        .offset_from_local_datetime(&local)
        .earliest()?
        .fix()
        .local_minus_utc()
        / 60;
    let dt = Datetime::from_ymd_hms(
        local.year(),
        u8::try_from(local.month()).ok()?,
        u8::try_from(local.day()).ok()?,
        u8::try_from(local.hour()).ok()?,
        u8::try_from(local.minute()).ok()?,
        u8::try_from(local.second()).ok()?,
    )?;
    Timestamp::new_local(dt, offset)
}

fn typst_error(stage: &str, diags: &[SourceDiagnostic]) -> Error {
    let msgs: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
    Error::Internal(format!("typst {stage} failed: {}", msgs.join("; ")))
}

/// The JSON the template reads: plain strings and the rich text AST, nothing pre-formatted as
/// markup.
fn template_data(doc: &MinutesDocument, opts: &Options) -> Value {
    let rich = |t: &RichText| serde_json::to_value(&t.blocks).unwrap_or(Value::Array(vec![]));
    let attendance: Vec<Value> = doc
        .attendance
        .iter()
        .enumerate()
        .map(|(i, r)| {
            json!([
                (i + 1).to_string(),
                r.name.trim(),
                r.office.trim(),
                r.attendance_label()
            ])
        })
        .collect();
    let agenda: Vec<Value> = doc
        .agenda
        .iter()
        .enumerate()
        .map(|(i, a)| {
            json!({
                "heading": item_heading(i + 1, &a.title),
                "discussion": rich(&a.discussion),
                "decisions": rich(&a.decisions),
            })
        })
        .collect();
    let follow_ups: Vec<Value> = doc
        .follow_ups
        .iter()
        .enumerate()
        .map(|(i, f)| {
            json!([
                (i + 1).to_string(),
                f.what.trim(),
                f.who.trim(),
                f.due_label(),
                f.item_label()
            ])
        })
        .collect();
    let facts: Vec<Value> = doc
        .facts()
        .into_iter()
        .map(|(k, v)| json!([k, v]))
        .collect();
    let signatures: Vec<Value> = doc
        .signatures
        .iter()
        .map(|s| json!({ "role": s.role.trim(), "name": s.name.trim() }))
        .collect();
    let short_title: String = {
        let t = doc.title.trim();
        if t.chars().count() > 70 {
            format!("{}…", t.chars().take(69).collect::<String>())
        } else {
            t.to_owned()
        }
    };
    json!({
        "meta_title": format!("{} — {}", h::VERBALE, doc.title.trim()),
        "meta_author": doc.drafted_by_label(),
        "organisation": doc.organisation.trim(),
        "logo": doc.logo.as_ref().map(|l| match l.kind {
            crate::minutes::document::LogoKind::Png => "png",
            crate::minutes::document::LogoKind::Jpeg => "jpg",
            crate::minutes::document::LogoKind::Svg => "svg",
        }),
        "heading": h::VERBALE,
        "title": doc.title.trim(),
        "short_title": short_title,
        "facts": facts,
        "watermark": opts.draft_watermark && doc.status.is_draft(),
        "attendance": attendance,
        "agenda": agenda,
        "follow_ups": follow_ups,
        "closing": rich(&doc.closing_notes),
        "signatures": signatures,
        "h": {
            "attendance": h::ATTENDANCE,
            "agenda": h::AGENDA,
            "discussion": h::DISCUSSION,
            "decisions": h::DECISIONS,
            "follow_ups": h::FOLLOW_UPS,
            "closing": h::CLOSING,
            "attendance_cols": h::ATTENDANCE_COLS,
            "follow_up_cols": h::FOLLOW_UP_COLS,
            "empty": h::NONE,
        },
    })
}
