//! ODT rendering: a zipped OpenDocument text written by hand.
//!
//! Contract: `mimetype` is the first entry, stored uncompressed (as ODF requires); then the
//! manifest, `meta.xml`, `styles.xml` and `content.xml`. Headings are `text:h` with outline
//! levels and the standard heading styles; tables have `table:table-header-rows` (repeated on
//! every page) and rows that do not split; lists are `text:list` with a list style per top-level
//! list. Every user string passes through [`esc`].

use super::odt_parts::{self as parts, NS};
use super::xml::esc;
use super::{heading as h, image, item_heading, Options, Zip};
use crate::error::Result;
use crate::minutes::document::MinutesDocument;
use crate::minutes::richtext::{Block, RichText, Span};

struct Content {
    body: String,
    /// Automatic styles: one list style per top-level list, table column widths.
    auto_styles: String,
    lists: usize,
}

impl Content {
    fn p(&mut self, style: &str, inner: &str) {
        self.body.push_str(&format!(
            "<text:p text:style-name=\"{style}\">{inner}</text:p>"
        ));
    }

    fn heading(&mut self, level: u8, text: &str) {
        self.body.push_str(&format!(
            "<text:h text:style-name=\"Heading_20_{level}\" text:outline-level=\"{level}\">{}</text:h>",
            esc(text)
        ));
    }

    fn blocks(&mut self, bs: &[Block], top: bool) {
        for b in bs {
            match b {
                Block::Paragraph { spans: ss } => {
                    let style = if top {
                        "Text_20_body"
                    } else {
                        "List_20_Contents"
                    };
                    self.p(style, &spans(ss));
                }
                Block::BulletList { items } | Block::NumberedList { items } => {
                    let style = if top {
                        self.lists += 1;
                        let name = format!("L{}", self.lists);
                        let mut kinds = Vec::new();
                        list_kinds(b, 0, &mut kinds);
                        self.auto_styles.push_str(&parts::list_style(&name, &kinds));
                        format!(" text:style-name=\"{name}\"")
                    } else {
                        String::new()
                    };
                    self.body.push_str(&format!("<text:list{style}>"));
                    for it in items {
                        self.body.push_str("<text:list-item>");
                        if it.blocks.is_empty() {
                            self.p("List_20_Contents", "");
                        }
                        self.blocks(&it.blocks, false);
                        self.body.push_str("</text:list-item>");
                    }
                    self.body.push_str("</text:list>");
                }
            }
        }
    }

    fn rich(&mut self, t: &RichText) {
        self.blocks(&t.blocks, true);
    }

    /// A table with a repeated header row; `widths` in centimetres (sum 17).
    fn table(&mut self, name: &str, heads: &[&str], widths: &[f64], rows: &[Vec<String>]) {
        let mut cols = String::new();
        for (i, w) in widths.iter().enumerate() {
            let col = format!("{name}.{}", i + 1);
            self.auto_styles.push_str(&format!(
                "<style:style style:name=\"{col}\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"{w:.2}cm\"/></style:style>"
            ));
            cols.push_str(&format!("<table:table-column table:style-name=\"{col}\"/>"));
        }
        self.body.push_str(&format!(
            "<table:table table:name=\"{name}\" table:style-name=\"Tbl\">{cols}<table:table-header-rows>"
        ));
        self.row(
            heads.iter().map(|s| s.to_string()),
            "CellHead",
            "Table_20_Heading",
        );
        self.body.push_str("</table:table-header-rows>");
        for r in rows {
            self.row(r.iter().cloned(), "Cell", "Table_20_Contents");
        }
        self.body.push_str("</table:table>");
    }

    fn row(&mut self, cells: impl Iterator<Item = String>, cell: &str, para: &str) {
        self.body
            .push_str("<table:table-row table:style-name=\"Row\">");
        for c in cells {
            self.body.push_str(&format!(
                "<table:table-cell table:style-name=\"{cell}\" office:value-type=\"string\"><text:p text:style-name=\"{para}\">{}</text:p></table:table-cell>",
                esc(&c)
            ));
        }
        self.body.push_str("</table:table-row>");
    }
}

/// The kind (numbered or not) of the first list met at each depth.
fn list_kinds(b: &Block, depth: usize, kinds: &mut Vec<bool>) {
    let (numbered, items) = match b {
        Block::BulletList { items } => (false, items),
        Block::NumberedList { items } => (true, items),
        Block::Paragraph { .. } => return,
    };
    if kinds.len() == depth {
        kinds.push(numbered);
    }
    for it in items {
        for inner in &it.blocks {
            list_kinds(inner, depth + 1, kinds);
        }
    }
}

fn spans(ss: &[Span]) -> String {
    ss.iter()
        .map(|s| {
            let t = esc(&s.text);
            match (s.bold, s.italic) {
                (false, false) => t,
                (b, i) => {
                    let style = if b && i {
                        "BI"
                    } else if b {
                        "B"
                    } else {
                        "I"
                    };
                    format!("<text:span text:style-name=\"{style}\">{t}</text:span>")
                }
            }
        })
        .collect()
}

/// Renders `doc` as an ODT file.
pub(super) fn render(doc: &MinutesDocument, opts: &Options) -> Result<Vec<u8>> {
    let mut c = Content {
        body: String::new(),
        auto_styles: String::new(),
        lists: 0,
    };
    let logo_path = doc
        .logo
        .as_ref()
        .map(|l| format!("Pictures/logo.{}", l.kind.extension()));
    if let (Some(l), Some(path)) = (&doc.logo, &logo_path) {
        let (w, hgt) = image::size(l).unwrap_or((1.0, 1.0));
        let width = (1.7 * w / hgt).clamp(0.1, 17.0);
        c.p(
            "Standard",
            &format!(
                "<draw:frame draw:name=\"Logo\" text:anchor-type=\"as-char\" svg:width=\"{width:.3}cm\" svg:height=\"1.7cm\"><draw:image xlink:href=\"{path}\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\"/></draw:frame>"
            ),
        );
    }
    c.p("Ente", &esc(doc.organisation.trim()));
    c.body.push_str(&format!(
        "<text:h text:style-name=\"PCenter\" text:outline-level=\"1\">{}</text:h>",
        h::VERBALE
    ));
    c.p("Title", &esc(doc.title.trim()));
    for (k, v) in doc.facts() {
        c.p(
            "Standard",
            &format!(
                "<text:span text:style-name=\"B\">{}: </text:span>{}",
                esc(k),
                esc(&v)
            ),
        );
    }

    c.heading(1, h::ATTENDANCE);
    if doc.attendance.is_empty() {
        c.p("Text_20_body", h::NONE);
    } else {
        let rows: Vec<Vec<String>> = doc
            .attendance
            .iter()
            .enumerate()
            .map(|(i, r)| {
                vec![
                    (i + 1).to_string(),
                    r.name.trim().to_owned(),
                    r.office.trim().to_owned(),
                    r.attendance_label(),
                ]
            })
            .collect();
        c.table(
            "Presenze",
            &h::ATTENDANCE_COLS,
            &[1.0, 5.3, 7.2, 3.5],
            &rows,
        );
    }

    c.heading(1, h::AGENDA);
    for (i, a) in doc.agenda.iter().enumerate() {
        c.heading(2, &item_heading(i + 1, &a.title));
        if !a.discussion.is_empty() {
            c.p("Etichetta", h::DISCUSSION);
            c.rich(&a.discussion);
        }
        if !a.decisions.is_empty() {
            c.p("Etichetta", h::DECISIONS);
            c.rich(&a.decisions);
        }
    }

    c.heading(1, h::FOLLOW_UPS);
    if doc.follow_ups.is_empty() {
        c.p("Text_20_body", h::NONE);
    } else {
        let rows: Vec<Vec<String>> = doc
            .follow_ups
            .iter()
            .enumerate()
            .map(|(i, f)| {
                vec![
                    (i + 1).to_string(),
                    f.what.trim().to_owned(),
                    f.who.trim().to_owned(),
                    f.due_label(),
                    f.item_label(),
                ]
            })
            .collect();
        c.table(
            "Azioni",
            &h::FOLLOW_UP_COLS,
            &[1.0, 7.4, 4.2, 2.5, 1.9],
            &rows,
        );
    }

    if !doc.closing_notes.is_empty() {
        c.heading(1, h::CLOSING);
        c.rich(&doc.closing_notes);
    }
    signatures(&mut c, doc);

    let content = format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NS}><office:automatic-styles>{}{}</office:automatic-styles><office:body><office:text>{}</office:text></office:body></office:document-content>"##,
        parts::CONTENT_STYLES,
        c.auto_styles,
        c.body
    );
    let title = format!("{} — {}", h::VERBALE, doc.title.trim());
    let created = opts
        .created
        .map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string());
    let running = format!("{} — {}", doc.organisation.trim(), doc.title.trim());

    let mut z = Zip::new();
    z.add("mimetype", parts::MIMETYPE.as_bytes(), true)?;
    let logo_entry = doc
        .logo
        .as_ref()
        .zip(logo_path.as_deref())
        .map(|(l, p)| (p, l.kind.mime()));
    z.add(
        "META-INF/manifest.xml",
        parts::manifest(logo_entry).as_bytes(),
        false,
    )?;
    z.add(
        "meta.xml",
        parts::meta(&title, &doc.drafted_by_label(), created.as_deref()).as_bytes(),
        false,
    )?;
    z.add("styles.xml", parts::styles(&running).as_bytes(), false)?;
    z.add("content.xml", content.as_bytes(), false)?;
    if let (Some(l), Some(p)) = (&doc.logo, &logo_path) {
        z.add(p, &l.bytes, true)?;
    }
    z.finish()
}

/// The signature block: a borderless table, up to three signatures per row, kept on one page.
fn signatures(c: &mut Content, doc: &MinutesDocument) {
    if doc.signatures.is_empty() {
        return;
    }
    let cols = doc.signatures.len().min(3);
    c.body.push_str(&format!(
        "<table:table table:name=\"Firme\" table:style-name=\"TblSign\"><table:table-column table:number-columns-repeated=\"{cols}\"/>"
    ));
    for chunk in doc.signatures.chunks(cols) {
        c.body
            .push_str("<table:table-row table:style-name=\"Row\">");
        for k in 0..cols {
            c.body.push_str(
                "<table:table-cell table:style-name=\"CellSign\" office:value-type=\"string\">",
            );
            if let Some(s) = chunk.get(k) {
                c.p(
                    "Firma",
                    &format!(
                        "<text:span text:style-name=\"B\">{}</text:span>",
                        esc(s.role.trim())
                    ),
                );
                c.p("PSignLine", "______________________________");
                c.p("Firma", &esc(s.name.trim()));
            } else {
                c.p("Firma", "");
            }
            c.body.push_str("</table:table-cell>");
        }
        c.body.push_str("</table:table-row>");
    }
    c.body.push_str("</table:table>");
}
